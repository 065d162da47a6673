// Tree model: the API's pre-order lineage entries as a tree with a collapse state shared by the list and the
// graph, so both always show the same nodes.

const MAX_DEFAULT_VISIBLE = 120;
const AGENCY_ROWS_THRESHOLD = 24;

/**
 * Items { index, entry, node, depth, parent, children } from pre-order entries. The parent is the last entry one
 * level up (pre-order guarantees it), which stays right when a node appears twice (parentId alone would not say
 * which of the two occurrences is meant).
 */
export function buildTree(entries) {
  const items = [];
  const lastAtDepth = [];
  for (const [index, entry] of entries.entries()) {
    const parent = entry.depth > 0 ? (lastAtDepth[entry.depth - 1] ?? null) : null;
    const item = { index, entry, node: entry.node, depth: entry.depth, parent, children: [] };
    parent?.children.push(item);
    lastAtDepth[entry.depth] = item;
    lastAtDepth.length = entry.depth + 1;
    items.push(item);
  }
  return { items, root: items[0] ?? null };
}

export const isAgency = (item) => item.node.kind === 'AGENCY';

/**
 * Which items start collapsed: on a tree of more than a couple of dozen entries, tasks whose children are all agencies (their lead agencies are
 * still named on the task's row); on a huge one, every level past the one where the count would exceed the cap.
 */
export function defaultCollapsed(tree) {
  const collapsed = new Set();
  if (tree.items.length > AGENCY_ROWS_THRESHOLD) {
    for (const item of tree.items) {
      if (item.children.length > 0 && item.children.every(isAgency)) collapsed.add(item.index);
    }
  }
  const perDepth = [];
  for (const item of tree.items) {
    if (isHiddenBy(item, collapsed)) continue;
    perDepth[item.depth] = (perDepth[item.depth] ?? 0) + 1;
  }
  let shown = 0;
  let cut = Number.POSITIVE_INFINITY;
  for (const [depth, count] of perDepth.entries()) {
    shown += count ?? 0;
    if (shown > MAX_DEFAULT_VISIBLE) {
      cut = Math.max(0, depth - 1);
      break;
    }
  }
  for (const item of tree.items)
    if (item.depth === cut && item.children.length > 0) collapsed.add(item.index);
  return collapsed;
}

function isHiddenBy(item, collapsed) {
  for (let p = item.parent; p !== null; p = p.parent) if (collapsed.has(p.index)) return true;
  return false;
}

/** Items not under a collapsed one, in pre-order. */
export function visibleItems(tree, collapsed) {
  return tree.items.filter((item) => !isHiddenBy(item, collapsed));
}

/** The path of items from the root to `item` (for expanding down to a node). */
export function ancestors(item) {
  const out = [];
  for (let p = item.parent; p !== null; p = p.parent) out.push(p);
  return out;
}
