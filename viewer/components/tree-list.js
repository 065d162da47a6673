// Tree list: the accessible version of the lineage tree — one row per visible entry (role treeitem with its
// level, position and expanded state), every node a link, rendered virtually: only the rows in view exist in
// the DOM, so a tree of thousands of entries costs what a screenful does. Rows are one line high (long titles
// are cut, the full text is the tooltip).
import { h } from '../dom.js';
import { RELATION, ROLE } from '../labels.js';
import { errorCode, errorSentence } from '../messages.js';
import {
  agencyShortName,
  deadlineBadge,
  docLabel,
  docMeta,
  nodeLabel,
  nodeLink,
  truncate,
} from '../node-links.js';
import { isAgency } from './tree-model.js';
import { virtualList } from './virtual-list.js';

export const ROW_HEIGHT = 34;
const INDENT = 22; // px per level

function agencyNames(item, relation) {
  return (item.children ?? [])
    .filter((c) => isAgency(c) && c.entry.relation === relation)
    .map((c) => agencyShortName(c.node));
}

function rowContent(item) {
  const { node, entry } = item;
  const parts = [];
  if (entry.relation && node.kind !== 'AGENCY')
    parts.push(h('span', { class: `rel rel-${entry.relation.toLowerCase()}` }, RELATION[entry.relation]));
  if (node.kind === 'DOCUMENT') {
    parts.push(nodeLink(node), ' ', h('span', { class: 'meta' }, docMeta(node)));
    if (node.status === 'CITED_ONLY')
      parts.push(' ', h('span', { class: 'badge muted' }, 'chỉ biết qua trích dẫn'));
  } else if (node.kind === 'TASK') {
    parts.push(nodeLink(node), ' ', h('span', { class: 'task-title' }, truncate(node.title, 140)));
    const badge = deadlineBadge(node.deadline);
    if (badge) parts.push(' ', badge);
    const leads = agencyNames(item, 'LEAD');
    if (leads.length > 0)
      parts.push(' ', h('span', { class: 'leads' }, `Chủ trì: ${[...new Set(leads)].join(', ')}`));
    // A task reached through IMPLEMENTS belongs to another document (a district plan under a provincial one).
    const parentId = item.parent?.node.id;
    if (node.document && parentId !== node.document.id && entry.relation === 'IMPLEMENTS') {
      parts.push(
        ' ',
        h(
          'span',
          { class: 'meta' },
          'thuộc ',
          nodeLink({ ...node.document, kind: 'DOCUMENT', name: docLabel(node.document) }),
        ),
      );
    }
  } else {
    parts.push(
      h('span', { class: `rel rel-${(entry.relation ?? '').toLowerCase()}` }, ROLE[entry.relation] ?? ''),
      ' ',
      nodeLink(node),
    );
  }
  if (entry.repeated && node.kind !== 'AGENCY')
    parts.push(' ', h('span', { class: 'meta' }, '(đã nêu ở trên)'));
  return parts;
}

function tooltip(item) {
  const { node } = item;
  if (node.kind === 'TASK') return `${nodeLabel(node)} ${node.title ?? ''}`;
  if (node.kind === 'DOCUMENT') return `${docLabel(node)} · ${docMeta(node)}`;
  return node.name;
}

/** How many children the toggle's label announces: loaded ones, else the count the API gave. */
const childTotal = (item) =>
  item.children ? Math.max(item.total, item.children.length) : item.entry.childCount;

/**
 * The list over `model` (a LazyTree). Returns { element, update(), scrollToKey(key), rendered() }; update() re-reads
 * the model after it changed.
 */
export function renderTreeList(model) {
  const renderItemRow = (item, posinset, setsize) => {
    const open = item.expanded;
    const kids = model.hasChildren(item);
    const li = h('li', {
      role: 'treeitem',
      class: `tree-item kind-${item.node.kind.toLowerCase()}${item.entry.matches ? ' match' : ''}${model.filter && item.entry.matches === false ? ' path' : ''}`,
      'aria-level': item.depth + 1,
      'aria-posinset': posinset,
      'aria-setsize': setsize,
      'aria-expanded': kids ? String(open) : null,
      title: tooltip(item),
      dataset: {
        key: item.key,
        nodeId: item.node.id,
        depth: item.depth,
        ...(item.node.province ? { province: item.node.province } : {}),
      },
    });
    li.style.paddingLeft = `${item.depth * INDENT}px`;
    const row = h('div', { class: 'tree-row' });
    if (kids) {
      row.append(
        h(
          'button',
          {
            type: 'button',
            class: 'toggle',
            'aria-expanded': String(open),
            'aria-label': `${open ? 'Thu gọn' : 'Mở rộng'} ${nodeLabel(item.node)} (${childTotal(item)} mục)`,
            onclick: () => model.toggle(item),
          },
          open ? '▾' : '▸',
        ),
      );
    } else {
      row.append(h('span', { class: 'toggle-spacer', 'aria-hidden': 'true' }));
    }
    row.append(h('span', { class: 'tree-label' }, rowContent(item)));
    if (model.filter && item.entry.matches)
      row.append(h('span', { class: 'visually-hidden' }, ' (khớp bộ lọc)'));
    li.append(row);
    return li;
  };

  const renderSpecialRow = (type, item) => {
    const li = h('li', {
      role: 'none',
      class: `tree-item tree-${type}`,
      dataset: { parentKey: item.key },
    });
    li.style.paddingLeft = `${(item.depth + 1) * INDENT}px`;
    const row = h('div', { class: 'tree-row' }, h('span', { class: 'toggle-spacer', 'aria-hidden': 'true' }));
    if (type === 'loading') row.append(h('span', { class: 'meta', role: 'status' }, 'Đang tải…'));
    else if (type === 'error')
      row.append(
        h(
          'span',
          { class: 'notice', title: `Mã lỗi: ${errorCode(item.error)}` },
          `Không tải được: ${errorSentence(item.error)} `,
        ),
        h('button', { type: 'button', class: 'link-button', onclick: () => model.showMore(item) }, 'Thử lại'),
      );
    else {
      const left = Math.max(0, item.total - (item.children?.length ?? 0));
      row.append(
        h(
          'button',
          {
            type: 'button',
            class: 'more-button',
            'aria-label': `Xem thêm ${left} mục dưới ${nodeLabel(item.node)}`,
            onclick: () => model.showMore(item),
          },
          `Xem thêm (${left})`,
        ),
      );
    }
    li.append(row);
    return li;
  };

  const list = virtualList({
    rowHeight: ROW_HEIGHT,
    className: 'tree-box',
    label: 'Cây triển khai',
    renderRow: (row) =>
      row.type === 'item'
        ? renderItemRow(row.item, row.posinset, row.setsize)
        : renderSpecialRow(row.type, row.item),
  });
  const rowsEl = list.element.querySelector('.vlist-rows');
  rowsEl.classList.add('tree');
  rowsEl.setAttribute('role', 'tree');

  let version = 0;
  const update = () => {
    version++;
    const rows = model.rows().map((r) => {
      if (r.type !== 'item') return { key: `${r.type}:${r.item.key}`, version, type: r.type, item: r.item };
      const siblings = r.item.parent?.children ?? [r.item];
      return {
        key: r.item.key,
        // Rows are rebuilt on every change (cheap: only those in view are built).
        version,
        type: 'item',
        item: r.item,
        posinset: siblings.indexOf(r.item) + 1,
        setsize: r.item.parent ? Math.max(r.item.parent.total, siblings.length) : 1,
      };
    });
    list.setRows(rows);
  };
  // Keeps focus on the toggle that was clicked across rebuilds.
  list.element.addEventListener('click', (event) => {
    const key = event.target.closest?.('.tree-item')?.dataset.key;
    if (!key || !event.target.closest('button')) return;
    const refocus = () => {
      const el = list.element.querySelector(`.tree-item[data-key="${key}"] button`);
      if (el && document.activeElement !== el) el.focus({ preventScroll: true });
    };
    requestAnimationFrame(refocus);
  });
  update();
  return {
    element: list.element,
    update,
    rendered: list.rendered,
    scrollToKey(key) {
      const i = list.rows.findIndex((r) => r.key === key);
      if (i >= 0) list.scrollToIndex(i);
    },
  };
}
