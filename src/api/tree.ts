// API lineage trees: a lineage answer as a pre-order list of entries with parent ids (a citation tree without
// recursive GraphQL selections); a node reached twice is shown again, marked repeated, without its children.
import type { ChainUp, GraphEdge, GraphNode, Lineage } from '../model/graph.ts';
import { drain, type Steps } from './budget.ts';
import type { TreeRelation } from './generated/resolver-types.ts';
import type { TreeEntryView } from './mappers.ts';

interface Child {
  id: string;
  relation: TreeRelation;
  edges: GraphEdge[];
}

/** Each parent's children in insertion order, with an index by (id, relation) so adding stays O(1). */
type Children = Map<string, { list: Child[]; byKey: Map<string, Child> }>;

function addChild(
  children: Children,
  parent: string,
  id: string,
  relation: TreeRelation,
  edge: GraphEdge,
): void {
  let kids = children.get(parent);
  if (kids === undefined) {
    kids = { list: [], byKey: new Map() };
    children.set(parent, kids);
  }
  const key = `${relation}|${id}`;
  const had = kids.byKey.get(key);
  if (had) had.edges.push(edge);
  else {
    const child = { id, relation, edges: [edge] };
    kids.list.push(child);
    kids.byKey.set(key, child);
  }
}

const KIND_ORDER = { DOCUMENT: 0, TASK: 1, AGENCY: 2 } as const;

/**
 * A lineage tree with what paging and lazy trees need, built in linear time: entries in pre-order with their
 * child and subtree counts, each entry's parent entry, its children (a compressed list), and the entry of each
 * node that carries its children.
 */
export interface Tree {
  readonly entries: readonly TreeEntryView[];
  /** Index of each entry's parent entry; -1 for the root. */
  readonly parent: Int32Array;
  /** Children of entry i: childList[childStart[i]] … childList[childStart[i + 1] - 1], in tree order. */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Node id → its expanded entry (the one with its children; the first non-repeated one for a leaf). */
  readonly expanded: ReadonlyMap<string, number>;
}

/** Items between two pauses of a tree's generator (see budget.ts `drainInSlices`). */
const SLICE = 2_000;

function* preorder(
  rootId: string,
  nodes: ReadonlyMap<string, GraphNode>,
  children: Children,
  maxDepth: number,
): Steps<Tree> {
  // Entries are made in their final shape and their counts filled in afterwards (no copies of 100,000s of objects).
  const entries: TreeEntryView[] = [];
  const parents: number[] = [];
  const seen = new Set<string>();
  const order = (a: Child, b: Child) => {
    const na = nodes.get(a.id);
    const nb = nodes.get(b.id);
    return (
      (na ? KIND_ORDER[na.kind] : 3) - (nb ? KIND_ORDER[nb.kind] : 3) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  };
  // Iterative, so a long chain cannot overflow the stack.
  const stack: Array<{
    id: string;
    depth: number;
    parentId: string | null;
    parentIndex: number;
    relation: TreeRelation | null;
    edges: GraphEdge[];
  }> = [{ id: rootId, depth: 0, parentId: null, parentIndex: -1, relation: null, edges: [] }];
  const expanded = new Map<string, number>();
  let steps = 0;
  while (stack.length > 0) {
    if (++steps % SLICE === 0) yield;
    const e = stack.pop();
    if (e === undefined) break;
    const node = nodes.get(e.id);
    if (node === undefined) continue;
    const repeated = seen.has(e.id);
    const index = entries.length;
    entries.push({
      node,
      depth: e.depth,
      parentId: e.parentId,
      relation: e.relation,
      edges: e.edges,
      repeated,
      childCount: 0,
      descendantCount: 0,
      matches: null,
      descendantMatches: null,
    });
    parents.push(e.parentIndex);
    if (!repeated && !expanded.has(e.id)) expanded.set(e.id, index);
    if (repeated || e.depth >= maxDepth) continue;
    seen.add(e.id);
    expanded.set(e.id, index);
    const kids = [...(children.get(e.id)?.list ?? [])].sort(order).reverse();
    for (const c of kids)
      stack.push({
        id: c.id,
        depth: e.depth + 1,
        parentId: e.id,
        parentIndex: index,
        relation: c.relation,
        edges: c.edges,
      });
  }
  const n = entries.length;
  const parent = Int32Array.from(parents);
  const childCount = new Int32Array(n);
  const descendants = new Int32Array(n);
  const add = (a: Int32Array, i: number, v: number) => {
    a[i] = (a[i] as number) + v;
  };
  for (let i = 1; i < n; i++) add(childCount, parent[i] as number, 1);
  // Pre-order puts every parent before its children: one backward pass sums the subtrees.
  for (let i = n - 1; i > 0; i--) add(descendants, parent[i] as number, 1 + (descendants[i] as number));
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i] as number) + (childCount[i] as number);
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) {
    const p = parent[i] as number;
    childList[fill[p] as number] = i;
    add(fill, p, 1);
  }
  yield;
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as TreeEntryView;
    entry.childCount = childCount[i] as number;
    entry.descendantCount = descendants[i] as number;
  }
  return { entries, parent, childStart, childList, expanded };
}

/** DOWN: implementing documents and tasks under what they implement, tasks under their document (sub-tasks under their parent task), agencies under their tasks. */
export function lineageDownTree(l: Lineage, maxDepth: number): Tree {
  return drain(lineageDownTreeSteps(l, maxDepth));
}

export function* lineageDownTreeSteps(l: Lineage, maxDepth: number): Steps<Tree> {
  const nodes = new Map<string, GraphNode>();
  for (let i = 0; i < l.nodes.length; i++) {
    const n = l.nodes[i] as GraphNode;
    nodes.set(n.id, n);
    if ((i + 1) % SLICE === 0) yield;
  }
  nodes.set(l.root.id, l.root);
  const subtasks = new Set(l.edges.filter((e) => e.type === 'PART_OF').map((e) => e.from));
  const children: Children = new Map();
  for (let i = 0; i < l.edges.length; i++) {
    const e = l.edges[i] as GraphEdge;
    if (e.type === 'IMPLEMENTS') addChild(children, e.to, e.from, 'IMPLEMENTS', e);
    else if (e.type === 'HAS_TASK' && !subtasks.has(e.to)) addChild(children, e.from, e.to, 'HAS_TASK', e);
    else if (e.type === 'PART_OF') addChild(children, e.to, e.from, 'PART_OF', e);
    else if (e.type === 'ASSIGNS')
      addChild(children, e.from, e.to, e.role === 'LEAD' ? 'LEAD' : 'COORDINATOR', e);
    if ((i + 1) % SLICE === 0) yield;
  }
  return yield* preorder(l.root.id, nodes, children, maxDepth);
}

/** UP: what each node implements under it (a task goes up through its parent task or its document). */
export function chainUpTree(c: ChainUp, maxDepth: number): Tree {
  return drain(chainUpTreeSteps(c, maxDepth));
}

export function* chainUpTreeSteps(c: ChainUp, maxDepth: number): Steps<Tree> {
  const nodes = new Map<string, GraphNode>([[c.start.id, c.start]]);
  const children: Children = new Map();
  const added = new Set<string>();
  for (const p of c.paths) {
    for (const n of p.nodes) nodes.set(n.id, n);
    for (const s of p.steps)
      for (const e of s.edges) {
        if (added.has(`${s.from}|${e.id}`)) continue;
        added.add(`${s.from}|${e.id}`);
        const relation: TreeRelation =
          e.type === 'PART_OF' ? 'PART_OF' : e.type === 'HAS_TASK' ? 'HAS_TASK' : 'IMPLEMENTS';
        addChild(children, s.from, s.to, relation, e);
      }
  }
  return yield* preorder(c.start.id, nodes, children, maxDepth);
}
