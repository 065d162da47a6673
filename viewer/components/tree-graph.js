// Tree drawing: the visible part of the lineage tree drawn by cytoscape's breadthfirst layout, left to right
// (root on the left), each node a link to its page. The list beside it is the accessible version; this is for
// seeing the shape at a glance. cytoscape is loaded on first use (it is 430 kB). The picture has a bounded size
// (a canvas thousands of pixels high is drawn blank by browsers) and is zoomed and panned instead; past
// MAX_DRAWN nodes no drawing is readable, so a summary of what is open takes its place.
import { h } from '../dom.js';
import { DOC_TYPE, LEVEL } from '../labels.js';
import { nodeLabel, truncate } from '../node-links.js';
import { nodeHref } from '../router.js';

const CYTOSCAPE_URL = new URL('../vendor/cytoscape.esm.min.mjs', import.meta.url).href;
const ROW = 36; // vertical distance between nodes of one column
const COLUMN = 330; // horizontal distance between depths (wider than the widest node)
const PAD = 20;
const LABEL_CHARS = 36;
/** Most nodes drawn; more are summarised. */
export const MAX_DRAWN = 300;
/** Largest canvas box (px); the rest is reached by zooming and panning. */
const MAX_HEIGHT = 560;
const MIN_READABLE_ZOOM = 0.55;
const CHAR_WIDTH = 7; // at 12px; node widths follow their labels
const BOLD_CHAR_WIDTH = 8;
let cytoscapePromise = null;

function loadCytoscape() {
  cytoscapePromise ??= import(CYTOSCAPE_URL).then((m) => m.default);
  return cytoscapePromise;
}

function colorClass(node) {
  if (node.kind === 'DOCUMENT')
    return `doc ${(node.level ?? 'unknown').toLowerCase()}${node.status === 'CITED_ONLY' ? ' cited' : ''}`;
  return node.kind.toLowerCase();
}

/**
 * A document of a province, district or commune says which ("53-CTr/TU · Hà Giang": the same symbol is issued in
 * many provinces); so does a task hanging under another document's node (a district plan's task under a
 * provincial plan).
 */
export function labelOf(item) {
  const { node, entry } = item;
  const label = nodeLabel(node);
  if (node.kind === 'DOCUMENT' && node.level && node.level !== 'CENTRAL' && node.jurisdiction && node.symbol)
    return `${label} · ${node.jurisdiction}`;
  if (node.kind === 'TASK' && entry.relation === 'IMPLEMENTS' && node.document?.jurisdiction) {
    return `${label} · ${node.document.jurisdiction}`;
  }
  return label;
}

/** "53-CTr/TU" → "CTr", "1693/KH-UBND" → "KH", "15/QĐ-TTg" → "QĐ" (the filter's `type`). */
export function symbolType(symbol) {
  if (!symbol) return null;
  const [num, rest = ''] = symbol.split('/');
  if (num.includes('-')) return num.split('-').pop() || null;
  return rest.split('-')[0] || null;
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) {
    const k = key(item);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'));
}

function countTable(caption, counts, limit = 12) {
  const shown = counts.slice(0, limit);
  const rest = counts.slice(limit).reduce((n, [, c]) => n + c, 0);
  return h(
    'table',
    { class: 'summary-table' },
    h('caption', {}, caption),
    h(
      'tbody',
      {},
      shown.map(([k, c]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, String(c)))),
      rest > 0 ? h('tr', {}, h('th', { scope: 'row' }, 'Khác'), h('td', {}, String(rest))) : null,
    ),
  );
}

/** Counts of the open entries by level, province and type, in place of an unreadable drawing. */
export function renderSummary(items, total) {
  const docs = items.filter((i) => i.node.kind === 'DOCUMENT');
  const tasks = items.filter((i) => i.node.kind === 'TASK').length;
  const agencies = items.filter((i) => i.node.kind === 'AGENCY').length;
  return h(
    'div',
    { class: 'graph-summary', role: 'region', 'aria-label': 'Tóm tắt cây' },
    h(
      'p',
      {},
      `Đang mở ${items.length.toLocaleString('vi-VN')} mục${total ? ` (cây có ${(total + 1).toLocaleString('vi-VN')} mục)` : ''}: quá nhiều để vẽ thành sơ đồ dễ đọc (tối đa ${MAX_DRAWN}). `,
      'Tóm tắt bên dưới; danh sách vẫn đầy đủ. Thu gọn hoặc lọc để xem sơ đồ.',
    ),
    h('p', { class: 'meta' }, `${docs.length} văn bản · ${tasks} nhiệm vụ · ${agencies} cơ quan`),
    h(
      'div',
      { class: 'summary-grid' },
      countTable(
        'Theo cấp',
        countBy(docs, (i) => LEVEL[i.node.level] ?? 'Không rõ'),
      ),
      countTable(
        'Theo tỉnh',
        countBy(docs, (i) => i.node.province ?? (i.node.level === 'CENTRAL' ? 'Trung ương' : null)),
      ),
      countTable(
        'Theo loại',
        countBy(docs, (i) => symbolType(i.node.symbol) ?? DOC_TYPE[i.node.type] ?? null),
      ),
    ),
  );
}

function elementsOf(items) {
  const els = [];
  for (const item of items) {
    const label = truncate(labelOf(item), LABEL_CHARS);
    const hiddenKids = item.expanded ? 0 : item.children ? item.children.length : 0;
    const shown = hiddenKids > 0 ? `${label} (+${hiddenKids})` : label;
    els.push({
      group: 'nodes',
      data: {
        id: `n${item.key}`,
        label: shown,
        name: item.node.name,
        href: nodeHref(item.node),
        order: item.order,
        // Document labels are bold, so wider per character.
        width: Math.max(
          44,
          Math.ceil(shown.length * (item.node.kind === 'DOCUMENT' ? BOLD_CHAR_WIDTH : CHAR_WIDTH)) + 18,
        ),
      },
      classes: `${colorClass(item.node)}${item.parent === null ? ' root' : ''}${item.entry.relation === 'IMPLEMENTS' ? ' implementer' : ''}${item.entry.matches ? ' match' : ''}`,
    });
    if (item.parent) {
      els.push({
        group: 'edges',
        data: { id: `e${item.key}`, source: `n${item.parent.key}`, target: `n${item.key}` },
        classes: (item.entry.relation ?? '').toLowerCase(),
      });
    }
  }
  return els;
}

const STYLE = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      label: 'data(label)',
      width: 'data(width)',
      height: 24,
      'font-size': 12,
      'font-family': 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif',
      'text-valign': 'center',
      'text-halign': 'center',
      color: '#1b1f24',
      'background-color': '#eef1f4',
      'border-width': 1,
      'border-color': '#7a8794',
    },
  },
  { selector: 'node.doc', style: { color: '#fff', 'border-width': 0, 'font-weight': 600 } },
  { selector: 'node.doc.central', style: { 'background-color': '#8b1e1e' } },
  { selector: 'node.doc.province', style: { 'background-color': '#1f5f99' } },
  { selector: 'node.doc.district', style: { 'background-color': '#2a7f62' } },
  { selector: 'node.doc.commune', style: { 'background-color': '#6b4fa0' } },
  { selector: 'node.doc.unknown', style: { 'background-color': '#5b6470' } },
  {
    selector: 'node.doc.cited',
    style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#1b1f24' },
  },
  { selector: 'node.task', style: { 'background-color': '#fff4d6', 'border-color': '#c98a00' } },
  {
    selector: 'node.task.implementer',
    style: { 'border-width': 2, 'border-color': '#2a7f62', 'font-weight': 600 },
  },
  {
    selector: 'node.agency',
    style: { 'background-color': '#f4f6f8', 'border-color': '#a3adb8', shape: 'rectangle' },
  },
  { selector: 'node.root', style: { 'border-width': 3, 'border-color': '#f2b705', 'border-style': 'solid' } },
  {
    selector: 'node.match',
    style: { 'border-width': 3, 'border-color': '#f2b705', 'border-style': 'double' },
  },
  { selector: 'node.hover', style: { 'overlay-opacity': 0.12, 'overlay-color': '#000' } },
  {
    selector: 'edge',
    style: {
      'curve-style': 'taxi',
      'taxi-direction': 'horizontal',
      // Nodes of a column share their left edge, so siblings' edges turn on one vertical line just before it.
      'taxi-turn': -14,
      'taxi-turn-min-distance': 4,
      width: 1.5,
      'line-color': '#a3adb8',
    },
  },
  { selector: 'edge.implements', style: { width: 2.5, 'line-color': '#3b4350' } },
  { selector: 'edge.lead', style: { 'line-color': '#c98a00', 'line-style': 'dashed' } },
  { selector: 'edge.coordinator', style: { 'line-style': 'dotted' } },
];

/**
 * Draws the visible entries of `model` (a LazyTree, shared with the list) into `host`, or their summary past
 * MAX_DRAWN. Returns { update, destroy, mode() }; update() redraws after the model changed.
 */
export async function renderTreeGraph(host, model, { onOpen }) {
  const canvas = h('div', { class: 'graph-canvas', 'aria-hidden': 'true' });
  const hover = h(
    'p',
    { class: 'graph-hover', 'aria-hidden': 'true' },
    'Nhấn vào một nút để mở trang của nó; kéo để di chuyển, dùng các nút để phóng to, thu nhỏ.',
  );
  let cy = null;
  const zoomBy = (factor) => {
    if (!cy) return;
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.zoom({ level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const controls = h(
    'div',
    { class: 'graph-controls', role: 'group', 'aria-label': 'Điều khiển sơ đồ' },
    h('button', { type: 'button', onclick: () => cy?.fit(undefined, PAD) }, 'Vừa khung'),
    h('button', { type: 'button', 'aria-label': 'Phóng to', onclick: () => zoomBy(1.25) }, '+'),
    h('button', { type: 'button', 'aria-label': 'Thu nhỏ', onclick: () => zoomBy(0.8) }, '−'),
  );
  const drawing = h('div', { class: 'graph-drawing' }, controls, canvas, hover);
  const summary = h('div', { class: 'graph-summary-host' });
  host.replaceChildren(drawing);
  let cytoscape;
  try {
    cytoscape = await loadCytoscape();
  } catch {
    host.replaceChildren(
      h('p', { class: 'notice' }, 'Không tải được thư viện vẽ sơ đồ; danh sách bên dưới vẫn đầy đủ.'),
    );
    return { update() {}, destroy() {}, mode: () => 'none' };
  }
  cy = cytoscape({
    container: canvas,
    style: STYLE,
    // Zoom by the buttons (or pinch, or wheel), pan by dragging; nodes stay where the layout puts them.
    userZoomingEnabled: true,
    userPanningEnabled: true,
    boxSelectionEnabled: false,
    autoungrabify: true,
    autounselectify: true,
    minZoom: 0.1,
    maxZoom: 2,
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (event) => onOpen(event.target.data('href')));
  cy.on('mouseover', 'node', (event) => {
    event.target.addClass('hover');
    canvas.style.cursor = 'pointer';
    hover.textContent = event.target.data('name');
  });
  cy.on('mouseout', 'node', (event) => {
    event.target.removeClass('hover');
    canvas.style.cursor = '';
  });

  let mode = 'graph';
  const update = () => {
    const items = model.visibleItems();
    items.forEach((item, order) => {
      item.order = order;
    });
    if (items.length > MAX_DRAWN) {
      mode = 'summary';
      cy.elements().remove();
      summary.replaceChildren(renderSummary(items, model.size()));
      if (host.firstChild !== summary) host.replaceChildren(summary);
      return;
    }
    mode = 'graph';
    if (host.firstChild !== drawing) {
      host.replaceChildren(drawing);
    }
    cy.elements().remove();
    cy.add(elementsOf(items));
    const perDepth = new Map();
    let widest = 0;
    let total = 0;
    for (const n of cy.nodes()) {
      widest = Math.max(widest, n.data('width'));
      total += n.data('width');
    }
    const average = total / Math.max(1, cy.nodes().length);
    for (const item of items) perDepth.set(item.depth, (perDepth.get(item.depth) ?? 0) + 1);
    const rows = Math.max(1, ...perDepth.values());
    const depths = perDepth.size;
    // As tall as the tree needs up to MAX_HEIGHT; a taller tree is shown zoomed out, or read by zooming in.
    const height = Math.min(MAX_HEIGHT, Math.max(120, rows * ROW + 2 * PAD));
    canvas.style.height = `${height}px`;
    cy.resize();
    cy.layout({
      name: 'breadthfirst',
      directed: true,
      roots: [`n${items[0]?.key}`],
      // Siblings in the list's order, so the picture reads like the list.
      depthSort: (a, b) => a.data('order') - b.data('order'),
      avoidOverlap: false,
      spacingFactor: 1,
      // Laid out top-down in a box of (rows × depths), then turned so depth runs left to right. The layout takes
      // the average node size off the box (for the unturned picture), so it is added back.
      boundingBox: {
        x1: 0,
        y1: 0,
        w: (rows - 1) * ROW + 2 * PAD + average,
        h: Math.max(1, depths - 1) * COLUMN + 2 * PAD + 24,
      },
      // Shifted by half its width, each node starts at its column's x: columns read like an indented list.
      transform: (node, pos) => ({ x: pos.y + node.data('width') / 2, y: pos.x }),
      fit: false,
      animate: false,
    }).run();
    cy.fit(undefined, PAD);
    // Fitted too small to read: start readable at the root's end, the rest a drag or a zoom away.
    if (cy.zoom() < MIN_READABLE_ZOOM) {
      cy.zoom(Math.min(1, MIN_READABLE_ZOOM * 1.4));
      const root = cy.getElementById(`n${items[0]?.key}`);
      const bb = cy.elements().boundingBox();
      cy.pan({
        x: PAD - bb.x1 * cy.zoom(),
        y: height / 2 - root.position('y') * cy.zoom(),
      });
    }
  };

  update();
  return { update, destroy: () => cy.destroy(), mode: () => mode };
}
