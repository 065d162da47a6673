// API lineage trees: a lineage answer as a pre-order list of entries with parent ids (a citation tree without
// recursive GraphQL selections); a node reached twice is shown again, marked repeated, without its children.
import type { ChainUp, GraphEdge, GraphNode, Lineage } from '../model/graph.ts';
import type { TreeRelation } from './generated/resolver-types.ts';
import type { TreeEntryView } from './mappers.ts';

interface Child {
  id: string;
  relation: TreeRelation;
  edges: GraphEdge[];
}

type Children = Map<string, Child[]>;

function addChild(
  children: Children,
  parent: string,
  id: string,
  relation: TreeRelation,
  edge: GraphEdge,
): void {
  const list = children.get(parent) ?? [];
  const had = list.find((c) => c.id === id && c.relation === relation);
  if (had) had.edges.push(edge);
  else list.push({ id, relation, edges: [edge] });
  children.set(parent, list);
}

const KIND_ORDER = { DOCUMENT: 0, TASK: 1, AGENCY: 2 } as const;

function preorder(
  rootId: string,
  nodes: ReadonlyMap<string, GraphNode>,
  children: Children,
  maxDepth: number,
): TreeEntryView[] {
  const out: TreeEntryView[] = [];
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
    relation: TreeRelation | null;
    edges: GraphEdge[];
  }> = [{ id: rootId, depth: 0, parentId: null, relation: null, edges: [] }];
  while (stack.length > 0) {
    const e = stack.pop();
    if (e === undefined) break;
    const node = nodes.get(e.id);
    if (node === undefined) continue;
    const repeated = seen.has(e.id);
    out.push({ node, depth: e.depth, parentId: e.parentId, relation: e.relation, edges: e.edges, repeated });
    if (repeated || e.depth >= maxDepth) continue;
    seen.add(e.id);
    const kids = [...(children.get(e.id) ?? [])].sort(order).reverse();
    for (const c of kids)
      stack.push({ id: c.id, depth: e.depth + 1, parentId: e.id, relation: c.relation, edges: c.edges });
  }
  return out;
}

/** DOWN: implementing documents and tasks under what they implement, tasks under their document (sub-tasks under their parent task), agencies under their tasks. */
export function lineageDownTree(l: Lineage, maxDepth: number): TreeEntryView[] {
  const nodes = new Map<string, GraphNode>(l.nodes.map((n) => [n.id, n]));
  nodes.set(l.root.id, l.root);
  const subtasks = new Set(l.edges.filter((e) => e.type === 'PART_OF').map((e) => e.from));
  const children: Children = new Map();
  for (const e of l.edges) {
    if (e.type === 'IMPLEMENTS') addChild(children, e.to, e.from, 'IMPLEMENTS', e);
    else if (e.type === 'HAS_TASK' && !subtasks.has(e.to)) addChild(children, e.from, e.to, 'HAS_TASK', e);
    else if (e.type === 'PART_OF') addChild(children, e.to, e.from, 'PART_OF', e);
    else if (e.type === 'ASSIGNS')
      addChild(children, e.from, e.to, e.role === 'LEAD' ? 'LEAD' : 'COORDINATOR', e);
  }
  return preorder(l.root.id, nodes, children, maxDepth);
}

/** UP: what each node implements under it (a task goes up through its parent task or its document). */
export function chainUpTree(c: ChainUp, maxDepth: number): TreeEntryView[] {
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
  return preorder(c.start.id, nodes, children, maxDepth);
}
