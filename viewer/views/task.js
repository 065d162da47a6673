// Task page: what the task asks, who leads and coordinates it, its deadline, and the chain of documents that
// gave it (up to the root resolutions).
import { gql } from '../api.js';
import { renderChains } from '../components/chain.js';
import { treePanel } from '../components/tree-panel.js';
import { facts, h, section } from '../dom.js';
import { placeOf } from '../labels.js';
import { deadlineBadge, docLabel, nodeLink } from '../node-links.js';
import { CHAIN, TASK } from '../queries.js';
import { href } from '../router.js';

function agencyLinks(items, relation) {
  const list = items.filter(
    (i) => i.depth === 1 && i.node.kind === 'AGENCY' && i.entry.relation === relation,
  );
  if (list.length === 0) return null;
  return h(
    'ul',
    { class: 'inline-list' },
    list.map((i) => h('li', {}, nodeLink(i.node, i.node.name))),
  );
}

export async function taskPage(route) {
  const id = route.arg;
  // The task's own entries (its agencies, sub-tasks, what implements it) are the tree's first level.
  const tree = treePanel(id, { graph: false, filters: false });
  const [taskData, chainData] = await Promise.all([gql(TASK, { id }), gql(CHAIN, { ref: id }), tree.ready]);
  const task = taskData.node;
  const doc = task.document;
  const items = tree.model.root?.children ?? [];
  const below = items.filter((i) => i.depth > 0 && i.node.kind !== 'AGENCY').length;
  const parentId = task.parentKey ? `${doc.id}#${task.parentKey}` : null;
  const element = h(
    'article',
    { class: 'page page-task' },
    h(
      'p',
      { class: 'kicker' },
      'Nhiệm vụ của ',
      nodeLink(doc),
      doc.symbol && placeOf(doc) ? ` · ${placeOf(doc)}` : '',
    ),
    h('h1', { tabindex: '-1' }, `${task.label}`),
    h('p', { class: 'subtitle' }, task.title),
    facts([
      ['Thuộc văn bản', nodeLink(doc, docLabel(doc))],
      ['Nhiệm vụ cha', parentId ? h('a', { href: href('task', parentId) }, task.parentKey) : null],
      ['Thời hạn', deadlineBadge(task.deadline) ?? 'không ghi'],
      ['Chủ trì', agencyLinks(items, 'LEAD')],
      ['Phối hợp', agencyLinks(items, 'COORDINATOR')],
      ['Giao cho (nhóm)', task.groups.join('; ')],
    ]),
    section(
      'Chuỗi giao nhiệm vụ',
      h('p', { class: 'meta' }, 'Nhiệm vụ này triển khai văn bản nào, lên đến văn bản gốc:'),
      renderChains(chainData.chain, {
        emptyText: 'Nhiệm vụ này không gắn với văn bản cấp trên nào trong đồ thị.',
      }),
    ),
    section('Nội dung', h('p', { class: 'task-text' }, task.text)),
    below > 0 ? section('Triển khai tiếp', tree.element) : null,
  );
  return { title: `${task.label} · ${docLabel(doc)}`, element, mounted: tree.mounted, destroy: tree.destroy };
}
