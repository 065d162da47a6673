// Index: lineage down and the implementers of a document walked over node and edge numbers, by the rules of
// traversal.ts (which composes the same answers from edge lookups for the other adapters and the
// database-only path; the contract suite checks they agree). Objects are made only for what the answer
// holds, once each: a walk through edge lookups would build an edge object and a node object per hop.
import {
  type DocumentNode,
  type EdgeFields,
  EdgeType,
  edgeId,
  type GraphEdge,
  type GraphNode,
  type Lineage,
  type LineageNode,
} from '../../model/graph.ts';
import { StoreError } from '../graph-store.ts';
import { graphNodeOf } from '../records.ts';
import type { SqliteOps } from '../sqlite/sqlite-ops.ts';
import { type PendingAnswer, StaleRead, type UpGraph } from '../store-ops.ts';
import { KIND_ORDER, MAX_HOPS } from '../traversal.ts';
import type { GraphIndex } from './graph-index.ts';
import type { NodeCache } from './node-cache.ts';

/** An edge's fields as the index and the string table give them, before its answer object is made. */
interface EdgeDraft {
  from: string;
  to: string;
  type: EdgeType;
  qualifier: string;
  assertedBy: string;
  source: string;
  evidenceStart: number;
  evidenceEnd: number;
  method: string;
  confidence: number;
  extractorVersion: string;
}

/**
 * A lineage down as the walk leaves it: nodes in answer order (without their depth field; null where the node's
 * properties were not in the cache, `missing` lists those), edges in any order.
 */
export interface LineageDraft {
  root: GraphNode;
  depth: number;
  nodes: Array<{ n: number; node: GraphNode | null; depth: number }>;
  missing: number[];
  edges: EdgeDraft[];
  /** The index's version the walk read. */
  version: number;
}

function edgeOfDraft(d: EdgeDraft): GraphEdge {
  const { from, to } = d;
  const provenance = {
    assertedBy: d.assertedBy,
    source: d.source,
    evidence: { start: d.evidenceStart, end: d.evidenceEnd },
    method: d.method as GraphEdge['provenance']['method'],
    confidence: d.confidence,
    extractorVersion: d.extractorVersion,
  };
  // The id from the model's own rule (edgeId), so both edge builders name an edge alike.
  const fields = (
    d.type === 'CITES'
      ? { from, to, provenance, type: 'CITES', basis: d.qualifier === '' ? null : d.qualifier }
      : d.type === 'ASSIGNS'
        ? { from, to, provenance, type: 'ASSIGNS', role: d.qualifier }
        : { from, to, provenance, type: d.type }
  ) as EdgeFields;
  return { id: edgeId(fields), ...fields };
}

/** Items made between two yields to the event loop when a lineage is finished in slices. */
const SLICE = 2_000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The answer of a draft, at once. */
export function finishLineage(draft: LineageDraft): Lineage {
  const nodes: LineageNode[] = draft.nodes.map(({ node, depth }) => ({ ...(node as GraphNode), depth }));
  const byEdgeId = new Map<string, GraphEdge>();
  for (const d of draft.edges) {
    const edge = edgeOfDraft(d);
    byEdgeId.set(edge.id, edge);
  }
  const edges = [...byEdgeId.keys()].sort().map((id) => byEdgeId.get(id) as GraphEdge);
  return { root: draft.root, depth: draft.depth, nodes, edges };
}

/**
 * The same answer made a slice at a time, yielding to the event loop between slices: a lineage of tens of
 * thousands of nodes takes a few hundred milliseconds to build, and other requests (a health check) run meanwhile.
 */
export async function finishLineageInSlices(draft: LineageDraft): Promise<Lineage> {
  if (draft.nodes.length + draft.edges.length <= SLICE) return finishLineage(draft);
  const nodes: LineageNode[] = [];
  for (let i = 0; i < draft.nodes.length; i++) {
    const { node, depth } = draft.nodes[i] as LineageDraft['nodes'][number];
    nodes.push({ ...(node as GraphNode), depth });
    if ((i + 1) % SLICE === 0) await yieldToLoop();
  }
  const byEdgeId = new Map<string, GraphEdge>();
  for (let i = 0; i < draft.edges.length; i++) {
    const edge = edgeOfDraft(draft.edges[i] as EdgeDraft);
    byEdgeId.set(edge.id, edge);
    if ((i + 1) % SLICE === 0) await yieldToLoop();
  }
  await yieldToLoop();
  const ids = [...byEdgeId.keys()].sort();
  await yieldToLoop();
  const edges = ids.map((id) => byEdgeId.get(id) as GraphEdge);
  return { root: draft.root, depth: draft.depth, nodes, edges };
}

const TYPE_CODE = Object.fromEntries(EdgeType.options.map((t, i) => [t, i])) as Record<EdgeType, number>;

export class IndexWalks {
  constructor(
    private readonly index: GraphIndex,
    private readonly db: SqliteOps,
    private readonly cache: NodeCache,
  ) {}

  private node(n: number): GraphNode {
    const stored = this.cache.get(n);
    if (!stored)
      throw new StoreError('INTERNAL', `node ${this.index.idOf(n)} is in the index but not in the database`);
    return graphNodeOf(stored);
  }

  /**
   * The edge in slot `e`, built directly: the index holds only valid codes (it refuses others when it is
   * built), so the checks of a database row are not repeated on every hop. Same fields and id as edgeOf.
   */
  edge(e: number): GraphEdge {
    return edgeOfDraft(this.edgeDraft(e));
  }

  /** The edge in slot `e` with its strings read: what its answer object is made of (slots change with writes). */
  private edgeDraft(e: number): EdgeDraft {
    const r = this.index.edge(e);
    const strings = this.db.strings;
    return {
      from: this.index.idOf(r.fromN),
      to: this.index.idOf(r.toN),
      type: r.type,
      qualifier: r.qualifier,
      assertedBy: strings.value(r.assertedBy),
      source: strings.value(r.source),
      evidenceStart: r.evidenceStart,
      evidenceEnd: r.evidenceEnd,
      method: r.method,
      confidence: r.confidence,
      extractorVersion: strings.value(r.extractorVersion),
    };
  }

  private numberOf(node: GraphNode): number {
    const n = this.index.numberOf(node.id);
    if (n === undefined) throw new StoreError('INTERNAL', `node ${node.id} is not in the index`);
    return n;
  }

  /** Slots of the edges of one type at `n` (out: leaving it; in: reaching it). */
  private typed(n: number, direction: 'out' | 'in', type: EdgeType): number[] {
    const ix = this.index;
    const code = TYPE_CODE[type];
    const found: number[] = [];
    for (let e = ix.headOf(n, direction); e !== -1; e = ix.nextOf(e, direction))
      if (ix.typeCodeOf(e) === code) found.push(e);
    return found;
  }

  /** traversal.lineageDown for a root already resolved (a document or a task). */
  lineageDown(root: GraphNode, depth: number): Lineage {
    return finishLineage(this.lineageDraft(root, depth, false));
  }

  /**
   * lineageDown in steps: the walk now; the node properties the cache lacks in short reads of their own (a cold
   * cache makes a big lineage thousands of database reads); the answer's objects in slices after that.
   */
  lineageDownLater(root: GraphNode, depth: number): PendingAnswer<Lineage> {
    const draft = this.lineageDraft(root, depth, true);
    return {
      build: async (reread) => {
        for (let from = 0; from < draft.missing.length; from += SLICE) {
          const slice = draft.missing.slice(from, from + SLICE);
          // Other work (a request arriving, a health check) first: it queues on the store between the slices.
          await yieldToLoop();
          await reread(async (ops) => {
            // Another index (rebuilt after another process wrote) or a write in between: the walk is stale.
            if (ops.walks !== this || this.index.version !== draft.version) throw new StaleRead();
            for (const i of slice) {
              const entry = draft.nodes[i] as LineageDraft['nodes'][number];
              entry.node = this.node(entry.n);
            }
          });
        }
        return finishLineageInSlices(draft);
      },
    };
  }

  /**
   * The walk of lineageDown and what its answer is made of — the nodes in answer order, the edges' fields — but
   * not the answer's objects: making them takes most of the time and needs neither the index nor the
   * database, so a store builds them after the read, in slices (finishLineageInSlices). `lazy`: nodes not in
   * the cache are left for later (`missing`) rather than read now.
   */
  lineageDraft(root: GraphNode, depth: number, lazy: boolean): LineageDraft {
    const ix = this.index;
    const rootN = this.numberOf(root);
    const depthOf = new Map<number, number>([[rootN, 0]]);
    const edges = new Set<number>();
    const add = (n: number, d: number) => {
      if (!depthOf.has(n)) depthOf.set(n, d);
    };
    const expanded = new Set<number>(root.kind === 'DOCUMENT' ? [rootN] : []);
    const taskHits = new Set<number>(root.kind === 'TASK' ? [rootN] : []);
    let frontier = [...expanded];
    for (let level = 1; level <= depth && frontier.length > 0; level++) {
      const next: number[] = [];
      for (const f of frontier) {
        for (const e of this.typed(f, 'in', 'IMPLEMENTS')) {
          const u = ix.otherEnd(e, 'in');
          edges.add(e);
          add(u, level);
          const kind = ix.kindOf(u);
          if (kind === 'DOCUMENT' && !expanded.has(u)) {
            expanded.add(u);
            next.push(u);
          } else if (kind === 'TASK' && !taskHits.has(u)) {
            taskHits.add(u);
            for (const h of this.typed(u, 'in', 'HAS_TASK')) {
              edges.add(h);
              add(ix.otherEnd(h, 'in'), depthOf.get(u) ?? level);
            }
          }
        }
      }
      frontier = next;
    }
    // A task root holds its sub-tasks, as in traversal.ts.
    if (root.kind === 'TASK')
      for (let parents = [rootN]; parents.length > 0; ) {
        const found: number[] = [];
        for (const p of parents)
          for (const e of this.typed(p, 'in', 'PART_OF')) {
            const sub = ix.otherEnd(e, 'in');
            if (ix.kindOf(sub) !== 'TASK' || taskHits.has(sub)) continue;
            edges.add(e);
            add(sub, 0);
            taskHits.add(sub);
            found.push(sub);
          }
        parents = found;
      }
    const tasks = new Set(taskHits);
    for (const d of expanded) {
      for (const e of this.typed(d, 'out', 'HAS_TASK')) {
        const t = ix.otherEnd(e, 'out');
        edges.add(e);
        add(t, depthOf.get(d) ?? 0);
        tasks.add(t);
      }
    }
    for (const t of tasks) {
      const here = depthOf.get(t) ?? 0;
      for (let e = ix.headOf(t, 'out'); e !== -1; e = ix.nextOf(e, 'out')) {
        const type = ix.typeOf(e);
        const to = ix.otherEnd(e, 'out');
        if (type === 'ASSIGNS') {
          edges.add(e);
          // An agency assigned from several depths sits at the nearest (the same rule as traversal.ts).
          const known = depthOf.get(to);
          if (known === undefined || here < known) depthOf.set(to, here);
        } else if (type === 'PART_OF' && depthOf.has(to)) edges.add(e);
      }
    }

    // Sorted as strings with the default comparison (code units, as byId compares): far cheaper than a
    // comparator over objects. A node's key orders by depth, kind, then id.
    const keyed = new Map<string, number>();
    for (const [n, d] of depthOf) {
      const kind = ix.kindOf(n) ?? 'DOCUMENT';
      keyed.set(`${String.fromCharCode(48 + d, 48 + KIND_ORDER[kind])}${ix.idOf(n)}`, n);
    }
    const nodes: LineageDraft['nodes'] = [];
    const missing: number[] = [];
    for (const key of [...keyed.keys()].sort()) {
      const n = keyed.get(key) as number;
      const cached = lazy ? this.cache.peek(n) : undefined;
      const node = cached ? graphNodeOf(cached) : lazy ? null : this.node(n);
      if (node === null) missing.push(nodes.length);
      nodes.push({ n, node, depth: depthOf.get(n) ?? 0 });
    }
    const draftEdges: EdgeDraft[] = [];
    for (const e of edges) draftEdges.push(this.edgeDraft(e));
    return { root, depth, nodes, missing, edges: draftEdges, version: ix.version };
  }

  /** traversal.upGraph: IMPLEMENTS out of each node; a task without any goes to its parent, else to its document. */
  upGraph(start: GraphNode, id: string): UpGraph {
    const ix = this.index;
    const startN = this.numberOf(start);
    const seen = new Set<number>([startN]);
    const steps = new Map<number, Map<number, number[]>>();
    let frontier = [startN];
    for (let hop = 0; frontier.length > 0; hop++) {
      if (hop >= MAX_HOPS)
        throw new StoreError('INVALID_ARGUMENT', `chain from ${id} is longer than ${MAX_HOPS} hops`);
      const next: number[] = [];
      for (const f of frontier) {
        const targets = new Map<number, number[]>();
        const push = (to: number, e: number) => {
          const list = targets.get(to);
          if (list) list.push(e);
          else targets.set(to, [e]);
        };
        for (const e of this.typed(f, 'out', 'IMPLEMENTS')) push(ix.otherEnd(e, 'out'), e);
        if (targets.size === 0 && ix.kindOf(f) === 'TASK') {
          for (const e of this.typed(f, 'out', 'PART_OF')) push(ix.otherEnd(e, 'out'), e);
          if (targets.size === 0)
            for (const e of this.typed(f, 'in', 'HAS_TASK')) push(ix.otherEnd(e, 'in'), e);
        }
        for (const t of targets.keys()) {
          if (seen.has(t)) continue;
          seen.add(t);
          next.push(t);
        }
        steps.set(f, targets);
      }
      frontier = next;
    }
    const nodeOf = new Map<string, GraphNode>([[start.id, start]]);
    for (const n of seen) if (n !== startN) nodeOf.set(ix.idOf(n), this.node(n));
    const up = new Map<string, Map<string, GraphEdge[]>>();
    for (const [f, targets] of steps) {
      const byId = new Map<string, GraphEdge[]>();
      for (const [t, slots] of targets)
        byId.set(
          ix.idOf(t),
          slots.map((e) => this.edge(e)),
        );
      up.set(ix.idOf(f), byId);
    }
    return { nodeOf, up };
  }

  /** traversal.implementers: documents carrying `root` out, a task counting as its document. */
  implementers(root: GraphNode): DocumentNode[] {
    const ix = this.index;
    const rootN = this.numberOf(root);
    const seen = new Set<number>([rootN]);
    const found: number[] = [];
    let frontier = [rootN];
    for (let hop = 0; frontier.length > 0; hop++) {
      if (hop >= MAX_HOPS)
        throw new StoreError('INVALID_ARGUMENT', `lineage of ${root.id} is deeper than ${MAX_HOPS} hops`);
      const next: number[] = [];
      const reach = (u: number) => {
        if (ix.kindOf(u) !== 'DOCUMENT' || seen.has(u)) return;
        seen.add(u);
        found.push(u);
        next.push(u);
      };
      for (const f of frontier) {
        for (const e of this.typed(f, 'in', 'IMPLEMENTS')) {
          const u = ix.otherEnd(e, 'in');
          if (ix.kindOf(u) === 'TASK')
            for (const h of this.typed(u, 'in', 'HAS_TASK')) reach(ix.otherEnd(h, 'in'));
          else reach(u);
        }
      }
      frontier = next;
    }
    return found.map((n) => this.node(n) as DocumentNode);
  }
}
