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
import type { UpGraph } from '../store-ops.ts';
import { KIND_ORDER, MAX_HOPS } from '../traversal.ts';
import type { GraphIndex } from './graph-index.ts';
import type { NodeCache } from './node-cache.ts';

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
    const r = this.index.edge(e);
    const from = this.index.idOf(r.fromN);
    const to = this.index.idOf(r.toN);
    const strings = this.db.strings;
    const provenance = {
      assertedBy: strings.value(r.assertedBy),
      source: strings.value(r.source),
      evidence: { start: r.evidenceStart, end: r.evidenceEnd },
      method: r.method as GraphEdge['provenance']['method'],
      confidence: r.confidence,
      extractorVersion: strings.value(r.extractorVersion),
    };
    // The id from the model's own rule (edgeId), so both edge builders name an edge alike.
    const fields = (
      r.type === 'CITES'
        ? { from, to, provenance, type: 'CITES', basis: r.qualifier === '' ? null : r.qualifier }
        : r.type === 'ASSIGNS'
          ? { from, to, provenance, type: 'ASSIGNS', role: r.qualifier }
          : { from, to, provenance, type: r.type }
    ) as EdgeFields;
    return { id: edgeId(fields), ...fields };
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
    const nodes: LineageNode[] = [];
    for (const key of [...keyed.keys()].sort()) {
      const n = keyed.get(key) as number;
      nodes.push({ ...this.node(n), depth: depthOf.get(n) ?? 0 });
    }
    const byEdgeId = new Map<string, GraphEdge>();
    for (const e of edges) {
      const edge = this.edge(e);
      byEdgeId.set(edge.id, edge);
    }
    const answerEdges = [...byEdgeId.keys()].sort().map((id) => byEdgeId.get(id) as GraphEdge);
    return { root, depth, nodes, edges: answerEdges };
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
