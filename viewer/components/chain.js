// Chains up: each path from a node to a root as a row of links, start → … → root resolution.
import { h } from '../dom.js';
import { EDGE, METHOD } from '../labels.js';
import { nodeLabel, nodeLink } from '../node-links.js';

function arrowTitle(step) {
  if (!step) return 'triển khai';
  const edges = step.edges ?? [];
  const parts = edges.map(
    (e) => `${EDGE[e.type] ?? e.type.toLowerCase()} (${METHOD[e.provenance?.method] ?? ''})`,
  );
  return [...new Set(parts)].join('; ') || 'triển khai';
}

const inferred = (step) =>
  (step?.edges ?? []).length > 0 && step.edges.every((e) => e.provenance && e.provenance.method !== 'STATED');

/**
 * One path: the start (not a link: it is the page being shown, unless `linkStart`; left out with `skipStart`,
 * where the start is shown beside the path), then each node up.
 */
export function renderPath(path, { linkStart = false, skipStart = false } = {}) {
  const ol = h('ol', { class: 'chain-path' });
  for (const [i, node] of path.nodes.entries()) {
    if (i === 0 && skipStart) continue;
    const prev = path.nodes[i - 1];
    const step = prev ? (path.steps ?? []).find((s) => s.fromId === prev.id && s.toId === node.id) : null;
    if (i > (skipStart ? 1 : 0)) {
      ol.append(
        h(
          'li',
          {
            class: `arrow${inferred(step) ? ' inferred' : ''}`,
            'aria-hidden': 'true',
            title: arrowTitle(step),
          },
          inferred(step) ? '⇢' : '→',
        ),
      );
    }
    const content =
      i === 0 && !linkStart ? h('strong', { title: node.name }, nodeLabel(node)) : nodeLink(node);
    ol.append(h('li', { class: 'step' }, content));
  }
  return ol;
}

/** Every path, or a sentence saying there is none (the node is itself a root). */
export function renderChains(allPaths, options = {}) {
  // A root's only "path" is itself: nothing to draw.
  const paths = allPaths.filter((p) => p.nodes.length > 1);
  if (paths.length === 0) {
    return h(
      'p',
      { class: 'meta' },
      options.emptyText ?? 'Không triển khai văn bản nào khác trong đồ thị: đây là văn bản gốc.',
    );
  }
  const anyInferred = paths.some((p) => (p.steps ?? []).some(inferred));
  return h(
    'div',
    {},
    h(
      'ul',
      { class: 'chains' },
      paths.map((p) => h('li', {}, renderPath(p, options))),
    ),
    anyInferred
      ? h(
          'p',
          { class: 'meta' },
          '⇢ liên kết có phần do hệ thống suy ra (ví dụ: hai cách gọi được xác định là cùng một văn bản); rê chuột lên mũi tên để xem lý do.',
        )
      : null,
  );
}
