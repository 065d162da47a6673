// Lineage tree panel: toolbar, drawing and list over one shared collapse state (see tree-model.js).
import { h } from '../dom.js';
import { go } from '../router.js';
import { renderTreeGraph } from './tree-graph.js';
import { renderTreeList } from './tree-list.js';
import { buildTree, defaultCollapsed } from './tree-model.js';

const LEGEND = [
  ['doc central', 'Trung ương'],
  ['doc province', 'Cấp tỉnh'],
  ['doc district', 'Cấp huyện'],
  ['task', 'Nhiệm vụ'],
  ['agency', 'Cơ quan'],
  ['cited', 'Viền đứt: chỉ biết qua trích dẫn'],
];

/** { element, mounted, destroy } for the tree entries of a lineage answer. */
export function treePanel(entries, { graph = true } = {}) {
  const tree = buildTree(entries);
  const collapsed = defaultCollapsed(tree);
  let drawing = null;
  let destroyed = false;
  const list = renderTreeList(tree, collapsed, () => drawing?.update());
  const setAll = (collapse) => {
    collapsed.clear();
    if (collapse)
      for (const item of tree.items)
        if (item.depth >= 1 && item.children.length > 0) collapsed.add(item.index);
    list.sync();
    drawing?.update();
  };
  const host = h('div', { class: 'graph-host' });
  const toolbar = h(
    'div',
    { class: 'toolbar' },
    h('button', { type: 'button', onclick: () => setAll(false) }, 'Mở rộng tất cả'),
    h('button', { type: 'button', onclick: () => setAll(true) }, 'Thu gọn'),
    h('span', { class: 'meta' }, `${tree.items.length} mục`),
    graph
      ? h(
          'ul',
          { class: 'legend', 'aria-label': 'Chú giải màu' },
          LEGEND.map(([cls, text]) =>
            h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text),
          ),
        )
      : null,
  );
  const element = h(
    'div',
    { class: 'tree-panel' },
    toolbar,
    graph ? host : null,
    h('div', { class: 'tree-list-wrap' }, list.element),
  );
  return {
    element,
    tree,
    async mounted() {
      if (!graph || tree.items.length <= 1) return;
      const made = await renderTreeGraph(host, tree, collapsed, { onOpen: go });
      // The user may have left the page while cytoscape loaded.
      if (destroyed) made.destroy();
      else drawing = made;
    },
    destroy() {
      destroyed = true;
      drawing?.destroy();
    },
  };
}
