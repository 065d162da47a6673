// Tree drawing: the visible part of the lineage tree drawn by cytoscape's breadthfirst layout, left to right
// (root on the left), each node a link to its page. The list beside it is the accessible version; this is for
// seeing the shape at a glance. cytoscape is loaded on first use (it is 430 kB).
import { h } from '../dom.js';
import { nodeLabel, truncate } from '../node-links.js';
import { nodeHref } from '../router.js';
import { visibleItems } from './tree-model.js';

const CYTOSCAPE_URL = new URL('../vendor/cytoscape.esm.min.mjs', import.meta.url).href;
const ROW = 36; // vertical distance between nodes of one column
const COLUMN = 230; // horizontal distance between depths (wider than the widest node)
const PAD = 20;
const LABEL_CHARS = 24;
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

/** A task hanging under another document's node (a district plan's task under a provincial plan) says where it is from. */
function labelOf(item) {
  const { node, entry } = item;
  const label = nodeLabel(node);
  if (node.kind === 'TASK' && entry.relation === 'IMPLEMENTS' && node.document?.jurisdiction) {
    return `${label} · ${node.document.jurisdiction}`;
  }
  return label;
}

function elementsOf(tree, collapsed) {
  const els = [];
  for (const item of visibleItems(tree, collapsed)) {
    const label = truncate(labelOf(item), LABEL_CHARS);
    const hiddenKids = collapsed.has(item.index) ? item.children.length : 0;
    const shown = hiddenKids > 0 ? `${label} (+${hiddenKids})` : label;
    els.push({
      group: 'nodes',
      data: {
        id: `n${item.index}`,
        label: shown,
        name: item.node.name,
        href: nodeHref(item.node),
        order: item.index,
        // Document labels are bold, so wider per character.
        width: Math.max(
          44,
          Math.ceil(shown.length * (item.node.kind === 'DOCUMENT' ? BOLD_CHAR_WIDTH : CHAR_WIDTH)) + 18,
        ),
      },
      classes: `${colorClass(item.node)}${item.index === 0 ? ' root' : ''}${item.entry.relation === 'IMPLEMENTS' ? ' implementer' : ''}`,
    });
    if (item.parent) {
      els.push({
        group: 'edges',
        data: { id: `e${item.index}`, source: `n${item.parent.index}`, target: `n${item.index}` },
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
 * Draws `tree` (with the `collapsed` set shared with the list) into `host`. Returns { update, destroy };
 * update() redraws after the set changed.
 */
export async function renderTreeGraph(host, tree, collapsed, { onOpen }) {
  const canvas = h('div', { class: 'graph-canvas', 'aria-hidden': 'true' });
  const hover = h(
    'p',
    { class: 'graph-hover', 'aria-hidden': 'true' },
    'Nhấn vào một nút để mở trang của nó.',
  );
  const scroller = h('div', { class: 'graph-scroll' }, canvas);
  host.replaceChildren(scroller, hover);
  let cytoscape;
  try {
    cytoscape = await loadCytoscape();
  } catch {
    host.replaceChildren(
      h('p', { class: 'notice' }, 'Không tải được thư viện vẽ sơ đồ; danh sách bên dưới vẫn đầy đủ.'),
    );
    return { update() {}, destroy() {} };
  }
  const cy = cytoscape({
    container: canvas,
    style: STYLE,
    // A static picture that scrolls with the page: no wheel zoom stealing the page's scroll, no dragging.
    userZoomingEnabled: false,
    userPanningEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    autounselectify: true,
    minZoom: 0.5,
    maxZoom: 1,
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

  const update = () => {
    cy.elements().remove();
    cy.add(elementsOf(tree, collapsed));
    const perDepth = new Map();
    let widest = 0;
    let total = 0;
    for (const n of cy.nodes()) {
      widest = Math.max(widest, n.data('width'));
      total += n.data('width');
    }
    const average = total / Math.max(1, cy.nodes().length);
    for (const item of visibleItems(tree, collapsed))
      perDepth.set(item.depth, (perDepth.get(item.depth) ?? 0) + 1);
    const rows = Math.max(1, ...perDepth.values());
    const depths = perDepth.size;
    // Sized to the tree so labels stay readable: taller trees make a taller picture, wider ones scroll sideways.
    const height = Math.max(120, rows * ROW + 2 * PAD);
    const width = (depths - 1) * COLUMN + widest + 2 * PAD;
    canvas.style.height = `${height}px`;
    canvas.style.minWidth = `${Math.min(width, 2400)}px`;
    cy.resize();
    cy.layout({
      name: 'breadthfirst',
      directed: true,
      roots: ['n0'],
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
      padding: PAD,
      fit: true,
      animate: false,
    }).run();
  };

  update();
  return { update, destroy: () => cy.destroy() };
}
