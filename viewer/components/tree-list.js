// Tree list: the accessible version of the lineage tree — nested lists with disclosure buttons (aria-expanded),
// every node a link. Collapsing here also collapses the drawing (the owner passes the change on).
import { h } from '../dom.js';
import { RELATION, ROLE } from '../labels.js';
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

let listCount = 0;

function agencyNames(item, relation) {
  return item.children
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

/**
 * The list for `tree` with `collapsed` (a Set of item indexes, shared with the caller); `onToggle()` runs after a
 * button changes it. Returns { element, sync } — sync() re-reads the set after the caller changed it.
 */
export function renderTreeList(tree, collapsed, onToggle) {
  const toggles = [];

  const renderItem = (item) => {
    const li = h('li', {
      class: `tree-item kind-${item.node.kind.toLowerCase()}`,
      dataset: { index: item.index, nodeId: item.node.id },
    });
    const row = h('div', { class: 'tree-row' });
    li.append(row);
    if (item.children.length === 0) {
      row.append(h('span', { class: 'toggle-spacer', 'aria-hidden': 'true' }));
    } else {
      const childId = `tree-children-${++listCount}`;
      const button = h('button', {
        type: 'button',
        class: 'toggle',
        'aria-controls': childId,
        onclick: () => {
          if (collapsed.has(item.index)) collapsed.delete(item.index);
          else collapsed.add(item.index);
          sync();
          onToggle();
        },
      });
      const ul = h('ul', { id: childId, class: 'tree-children' }, item.children.map(renderItem));
      toggles.push({ item, button, ul });
      row.append(button);
      li.append(ul);
    }
    row.append(h('span', { class: 'tree-label' }, rowContent(item)));
    return li;
  };

  const sync = () => {
    for (const { item, button, ul } of toggles) {
      const open = !collapsed.has(item.index);
      button.setAttribute('aria-expanded', String(open));
      button.setAttribute(
        'aria-label',
        `${open ? 'Thu gọn' : 'Mở rộng'} ${nodeLabel(item.node)} (${item.children.length} mục)`,
      );
      button.textContent = open ? '▾' : '▸';
      ul.hidden = !open;
    }
  };

  const element = h('ul', { class: 'tree' }, tree.root ? renderItem(tree.root) : []);
  sync();
  return { element, sync };
}
