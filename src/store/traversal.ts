// Store internals: lineage down, chain up and coverage composed from edge lookups, one round trip per level, the same for every adapter.
import type { Level } from '../model/extraction.ts';
import {
  type ChainUp,
  type Coverage,
  type DocumentNode,
  type GraphEdge,
  type GraphNode,
  jurisdictionKey,
  type Lineage,
  type LineageNode,
  type LineagePath,
  type LineageStep,
  nodeKindOf,
} from '../model/graph.ts';
import { documentByMergedId } from './aliases.ts';
import { StoreError } from './graph-store.ts';
import { byId, graphNodeOf } from './records.ts';
import type { EdgeHit, PendingAnswer, ReadOps, UpGraph } from './store-ops.ts';

/** Bound on hops for unbounded walks (chain up, coverage): real chains are under ten; this only stops runaway data. */
export const MAX_HOPS = 64;
/** Bound on enumerated paths: a DAG can have exponentially many. Past it the answer would be partial, so it is refused. */
export const MAX_PATHS = 10_000;

/** The node with this id, else (for a document id) the document it was merged into; every read starting from an id goes through here. */
export async function getNode(ops: ReadOps, id: string): Promise<GraphNode> {
  const [stored] = await ops.nodesById([id]);
  if (stored !== undefined) return graphNodeOf(stored);
  const survivor = nodeKindOf(id) === 'DOCUMENT' ? await documentByMergedId(ops, id) : null;
  if (survivor === null) throw new StoreError('NOT_FOUND', `no node ${id}`, { details: { id } });
  return survivor;
}

function sortHits(hits: EdgeHit[]): EdgeHit[] {
  return [...hits].sort((a, b) => byId(a.edge, b.edge));
}

function requireLineageNode(node: GraphNode, op: string): void {
  if (node.kind === 'AGENCY') {
    throw new StoreError(
      'INVALID_ARGUMENT',
      `${op} starts from a document or a task, not an agency (${node.id})`,
    );
  }
}

/** Lineage nodes at one depth: documents, then tasks, then agencies. */
export const KIND_ORDER = { DOCUMENT: 0, TASK: 1, AGENCY: 2 } as const;

export async function lineageDown(ops: ReadOps, id: string, depth: number): Promise<Lineage> {
  const root = await getNode(ops, id);
  requireLineageNode(root, 'lineageDown');
  return lineageDownFrom(ops, root, depth);
}

/**
 * lineageDown whose answer objects may be made after the read: an adapter walking natively hands over the walk
 * done and the answer to build (NativeWalks.lineageDownLater); the others answer in the read.
 */
export async function lineageDownLater(
  ops: ReadOps,
  id: string,
  depth: number,
): Promise<PendingAnswer<Lineage>> {
  const root = await getNode(ops, id);
  requireLineageNode(root, 'lineageDown');
  if (ops.walks?.lineageDownLater) return ops.walks.lineageDownLater(root, depth);
  const lineage = await lineageDownFrom(ops, root, depth);
  return { build: async () => lineage };
}

async function lineageDownFrom(ops: ReadOps, root: GraphNode, depth: number): Promise<Lineage> {
  if (ops.walks?.lineageDown) return ops.walks.lineageDown(root, depth);
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, GraphEdge>();
  const add = (n: GraphNode, d: number) => {
    if (!nodes.has(n.id)) nodes.set(n.id, { ...n, depth: d });
  };
  const depthOf = (nodeId: string) => nodes.get(nodeId)?.depth ?? 0;
  add(root, 0);

  // Documents in `expanded` contribute their tasks and their implementers; a task hit only itself (and shows its document).
  const expanded = new Set<string>(root.kind === 'DOCUMENT' ? [root.id] : []);
  const taskHits = new Set<string>(root.kind === 'TASK' ? [root.id] : []);
  let frontier = [...expanded];
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const next: string[] = [];
    const newTasks: string[] = [];
    for (const { edge, node } of sortHits(await ops.edgesTo(frontier, ['IMPLEMENTS']))) {
      edges.set(edge.id, edge);
      add(node, level);
      if (node.kind === 'DOCUMENT' && !expanded.has(node.id)) {
        expanded.add(node.id);
        next.push(node.id);
      } else if (node.kind === 'TASK' && !taskHits.has(node.id)) {
        taskHits.add(node.id);
        newTasks.push(node.id);
      }
    }
    if (newTasks.length > 0) {
      for (const { edge, node } of await ops.edgesTo(newTasks, ['HAS_TASK'])) {
        edges.set(edge.id, edge);
        add(node, depthOf(edge.to));
      }
    }
    frontier = next;
  }
  // A task root holds its sub-tasks (PART_OF into it, at any depth of numbering): their assignments are under it.
  // (IMPLEMENTS reaches documents only, EDGE_ENDPOINTS: no document implements a task itself.)
  if (root.kind === 'TASK') {
    for (let parents = [root.id]; parents.length > 0; ) {
      const found: string[] = [];
      for (const { edge, node } of sortHits(await ops.edgesTo(parents, ['PART_OF']))) {
        if (node.kind !== 'TASK' || taskHits.has(node.id)) continue;
        edges.set(edge.id, edge);
        add(node, 0);
        taskHits.add(node.id);
        found.push(node.id);
      }
      parents = found;
    }
  }

  const tasks = new Set(taskHits);
  for (const { edge, node } of await ops.edgesFrom([...expanded], ['HAS_TASK'])) {
    edges.set(edge.id, edge);
    add(node, depthOf(edge.from));
    tasks.add(node.id);
  }
  if (tasks.size > 0) {
    for (const { edge, node } of await ops.edgesFrom([...tasks], ['ASSIGNS', 'PART_OF'])) {
      // A parent task outside the answer (the holder of a task hit is not expanded) is left out with its edge.
      if (edge.type === 'PART_OF' && !nodes.has(node.id)) continue;
      edges.set(edge.id, edge);
      // An agency assigned from several depths sits at the nearest, whatever order the edges come in.
      const known = nodes.get(node.id);
      if (known && depthOf(edge.from) < known.depth)
        nodes.set(node.id, { ...known, depth: depthOf(edge.from) });
      else add(node, depthOf(edge.from));
    }
  }

  return {
    root,
    depth,
    nodes: [...nodes.values()].sort(
      (a, b) => a.depth - b.depth || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byId(a, b),
    ),
    edges: [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to)).sort(byId),
  };
}

/** One level of the upward walk: IMPLEMENTS out of each node; a task without any goes to its parent, else to its document. */
async function stepsUp(
  ops: ReadOps,
  frontier: GraphNode[],
): Promise<Map<string, Array<{ node: GraphNode; edge: GraphEdge }>>> {
  const steps = new Map<string, Array<{ node: GraphNode; edge: GraphEdge }>>();
  const push = (from: string, node: GraphNode, edge: GraphEdge) => {
    const list = steps.get(from) ?? [];
    list.push({ node, edge });
    steps.set(from, list);
  };
  for (const { edge, node } of await ops.edgesFrom(
    frontier.map((n) => n.id),
    ['IMPLEMENTS'],
  ))
    push(edge.from, node, edge);
  const bareTasks = frontier.filter((n) => n.kind === 'TASK' && !steps.has(n.id)).map((n) => n.id);
  if (bareTasks.length > 0) {
    for (const { edge, node } of await ops.edgesFrom(bareTasks, ['PART_OF'])) push(edge.from, node, edge);
    const orphanTasks = bareTasks.filter((t) => !steps.has(t));
    if (orphanTasks.length > 0) {
      for (const { edge, node } of await ops.edgesTo(orphanTasks, ['HAS_TASK'])) push(edge.to, node, edge);
    }
  }
  return steps;
}

async function upGraph(ops: ReadOps, start: GraphNode, id: string): Promise<UpGraph> {
  const nodeOf = new Map<string, GraphNode>([[start.id, start]]);
  const up = new Map<string, Map<string, GraphEdge[]>>();
  let frontier: GraphNode[] = [start];
  for (let hop = 0; frontier.length > 0; hop++) {
    if (hop >= MAX_HOPS)
      throw new StoreError('INVALID_ARGUMENT', `chain from ${id} is longer than ${MAX_HOPS} hops`);
    const steps = await stepsUp(ops, frontier);
    const next: GraphNode[] = [];
    for (const n of frontier) {
      const targets = new Map<string, GraphEdge[]>();
      for (const { node, edge } of steps.get(n.id) ?? []) {
        targets.set(node.id, [...(targets.get(node.id) ?? []), edge]);
        if (!nodeOf.has(node.id)) {
          nodeOf.set(node.id, node);
          next.push(node);
        }
      }
      up.set(n.id, targets);
    }
    frontier = next;
  }
  return { nodeOf, up };
}

export async function chainUp(ops: ReadOps, id: string): Promise<ChainUp> {
  const start = await getNode(ops, id);
  requireLineageNode(start, 'chainUp');
  const { nodeOf, up } = ops.walks?.upGraph ? ops.walks.upGraph(start, id) : await upGraph(ops, start, id);

  const paths: LineagePath[] = [];
  const walk = (trail: string[], steps: LineageStep[]) => {
    const here = trail[trail.length - 1] ?? start.id;
    const targets = [...(up.get(here) ?? new Map<string, GraphEdge[]>()).entries()]
      .filter(([to]) => !trail.includes(to)) // trail semantics: a cycle ends the path instead of looping
      .sort(([a], [b]) => (a < b ? -1 : 1));
    if (targets.length === 0) {
      if (paths.length >= MAX_PATHS) {
        throw new StoreError('INVALID_ARGUMENT', `more than ${MAX_PATHS} paths up from ${id}`);
      }
      paths.push({ nodes: trail.map((t) => nodeOf.get(t) as GraphNode), steps });
      return;
    }
    for (const [to, stepEdges] of targets) {
      walk([...trail, to], [...steps, { from: here, to, edges: [...stepEdges].sort(byId) }]);
    }
  };
  walk([start.id], []);

  const rootOf = (p: LineagePath) => p.nodes[p.nodes.length - 1]?.id ?? '';
  paths.sort(
    (a, b) =>
      rootOf(a).localeCompare(rootOf(b)) ||
      a.nodes.length - b.nodes.length ||
      a.nodes
        .map((n) => n.id)
        .join('\n')
        .localeCompare(b.nodes.map((n) => n.id).join('\n')),
  );
  const roots = [...new Set(paths.map(rootOf))].map((r) => nodeOf.get(r) as GraphNode);
  return { start, roots, paths };
}

/** Every document implementing `root` directly or transitively, counting the documents that hold an implementing task. */
export async function implementers(ops: ReadOps, rootId: string): Promise<DocumentNode[]> {
  if (ops.walks?.implementers) return ops.walks.implementers(await getNode(ops, rootId));
  const found = new Map<string, DocumentNode>();
  const seen = new Set<string>([rootId]);
  let frontier = [rootId];
  for (let hop = 0; frontier.length > 0; hop++) {
    if (hop >= MAX_HOPS)
      throw new StoreError('INVALID_ARGUMENT', `lineage of ${rootId} is deeper than ${MAX_HOPS} hops`);
    const hits = await ops.edgesTo(frontier, ['IMPLEMENTS']);
    const taskIds = hits.filter((h) => h.node.kind === 'TASK').map((h) => h.node.id);
    const holders = taskIds.length > 0 ? await ops.edgesTo(taskIds, ['HAS_TASK']) : [];
    const next: string[] = [];
    for (const { node } of [...hits, ...holders]) {
      if (node.kind !== 'DOCUMENT' || seen.has(node.id)) continue;
      seen.add(node.id);
      found.set(node.id, node);
      next.push(node.id);
    }
    frontier = next;
  }
  return [...found.values()];
}

export async function coverage(
  ops: ReadOps,
  documentId: string,
  level: Level,
  units: readonly string[],
): Promise<Coverage> {
  const root = await getNode(ops, documentId);
  if (root.kind !== 'DOCUMENT')
    throw new StoreError('INVALID_ARGUMENT', `coverage is of a document, not ${root.id}`);
  const byUnit = new Map<string, string[]>();
  const outside = new Map<string, { jurisdiction: string | null; documentIds: string[] }>();
  const unitKeys = new Map(units.map((u) => [jurisdictionKey(u), u]));
  for (const d of await implementers(ops, root.id)) {
    if (d.level !== level) continue;
    const key = jurisdictionKey(d.jurisdiction);
    if (unitKeys.has(key)) byUnit.set(key, [...(byUnit.get(key) ?? []), d.id]);
    else {
      const o = outside.get(key) ?? { jurisdiction: d.jurisdiction, documentIds: [] };
      o.documentIds.push(d.id);
      outside.set(key, o);
    }
  }
  const covered: Coverage['covered'] = [];
  const uncovered: string[] = [];
  for (const [key, unit] of unitKeys) {
    const ids = byUnit.get(key);
    if (ids) covered.push({ unit, documentIds: ids.sort() });
    else uncovered.push(unit);
  }
  return {
    root,
    level,
    covered,
    uncovered,
    outside: [...outside.values()]
      .map((o) => ({ ...o, documentIds: o.documentIds.sort() }))
      .sort((a, b) => (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? '')),
  };
}
