// Index: upper bounds on the answers of the walks (lineage down to a depth, chain up, implementers, an agency's
// assignments) read off the topology alone, without building any answer — what the API prices an operation by
// before running it. Each bound follows the walk's own rule in traversal.ts but counts a node once per path that
// reaches it (a DAG's shared parts are counted again), so it is never below the answer; it is capped at the size of
// the whole graph. Memoized per node (and depth): one object per index state, replaced after any write.
import { EdgeType } from '../../model/graph.ts';
import type { WalkBounds } from '../graph-store.ts';
import { MAX_HOPS, MAX_PATHS } from '../traversal.ts';
import type { GraphIndex } from './graph-index.ts';

const CODE = Object.fromEntries(EdgeType.options.map((t, i) => [t, i])) as Record<EdgeType, number>;
const NONE = -1;

export class IndexBounds implements WalkBounds {
  readonly total: number;
  readonly assignments: number;
  private readonly documents: number;
  private readonly downMemo = new Map<number, number>();
  private readonly upMemo = new Map<number, { paths: number; items: number }>();
  private readonly implMemo = new Map<number, number>();
  /** Nodes whose up or implementer bound is being computed: a cycle in bad data counts nothing more. */
  private readonly open = new Set<number>();

  constructor(private readonly index: GraphIndex) {
    const { nodes, edges } = index.counts();
    const size = index.size();
    this.total = size.nodes + size.edges;
    this.assignments = edges.ASSIGNS;
    this.documents = nodes.DOCUMENT;
  }

  /** Edges of one type at `n`. */
  private count(n: number, direction: 'out' | 'in', type: number): number {
    const ix = this.index;
    let c = 0;
    for (let e = ix.headOf(n, direction); e !== NONE; e = ix.nextOf(e, direction))
      if (ix.typeCodeOf(e) === type) c++;
    return c;
  }

  /** What a task brings along wherever the lineage holds it: its assignments and its PART_OF edge. */
  private taskOwn(t: number): number {
    return this.count(t, 'out', CODE.ASSIGNS) + this.count(t, 'out', CODE.PART_OF);
  }

  down(id: string, depth: number): number | null {
    const n = this.index.numberOf(id);
    if (n === undefined) return null;
    const kind = this.index.kindOf(n);
    if (kind === 'AGENCY') return 1; // refused by the walk
    const d = Math.max(0, Math.min(Math.floor(depth), 64));
    return Math.min(this.total, 1 + (kind === 'TASK' ? this.taskDown(n) : this.downOf(n, d)));
  }

  /** A task root: its own edges, then each sub-task (PART_OF into it, at any depth) with its own. */
  private taskDown(t: number): number {
    const ix = this.index;
    const seen = new Set<number>([t]);
    let s = this.taskOwn(t);
    for (let parents = [t]; parents.length > 0; ) {
      const found: number[] = [];
      for (const p of parents)
        for (let e = ix.headOf(p, 'in'); e !== NONE; e = ix.nextOf(e, 'in')) {
          if (ix.typeCodeOf(e) !== CODE.PART_OF) continue;
          const sub = ix.otherEnd(e, 'in');
          if (seen.has(sub)) continue;
          seen.add(sub);
          s += 1 + this.taskOwn(sub);
          found.push(sub);
        }
      parents = found;
    }
    return s;
  }

  /** Edges (counted per path) under an expanded document: its tasks with theirs, then its implementers to `d` more hops. */
  private downOf(n: number, d: number): number {
    const key = n * 65 + d;
    const known = this.downMemo.get(key);
    if (known !== undefined) return known;
    const ix = this.index;
    let s = 0;
    for (let e = ix.headOf(n, 'out'); e !== NONE; e = ix.nextOf(e, 'out'))
      if (ix.typeCodeOf(e) === CODE.HAS_TASK) s += 1 + this.taskOwn(ix.otherEnd(e, 'out'));
    if (d > 0) {
      // Several documents may assert the same IMPLEMENTS: each is an edge, the implementer comes once.
      const seen = new Set<number>();
      for (let e = ix.headOf(n, 'in'); e !== NONE; e = ix.nextOf(e, 'in')) {
        if (ix.typeCodeOf(e) !== CODE.IMPLEMENTS) continue;
        s += 1;
        const u = ix.otherEnd(e, 'in');
        if (seen.has(u)) continue;
        seen.add(u);
        const kind = ix.kindOf(u);
        // An implementing document is expanded; a task is shown with its document and its own edges.
        if (kind === 'DOCUMENT') s += this.downOf(u, d - 1);
        else if (kind === 'TASK') s += this.count(u, 'in', CODE.HAS_TASK) + this.taskOwn(u);
      }
    }
    s = Math.min(s, this.total);
    this.downMemo.set(key, s);
    return s;
  }

  up(id: string): { paths: number; items: number } | null {
    const n = this.index.numberOf(id);
    return n === undefined ? null : this.upOf(n, 0);
  }

  /** traversal.upGraph's step rule: IMPLEMENTS out, else (a task) PART_OF out, else its document. */
  private upTargets(n: number): Map<number, number> {
    const ix = this.index;
    const targets = new Map<number, number>();
    const take = (direction: 'out' | 'in', type: number) => {
      for (let e = ix.headOf(n, direction); e !== NONE; e = ix.nextOf(e, direction))
        if (ix.typeCodeOf(e) === type) {
          const t = ix.otherEnd(e, direction);
          targets.set(t, (targets.get(t) ?? 0) + 1);
        }
    };
    take('out', CODE.IMPLEMENTS);
    if (targets.size === 0 && ix.kindOf(n) === 'TASK') {
      take('out', CODE.PART_OF);
      if (targets.size === 0) take('in', CODE.HAS_TASK);
    }
    return targets;
  }

  private upOf(n: number, hops: number): { paths: number; items: number } {
    const known = this.upMemo.get(n);
    if (known !== undefined) return known;
    if (this.open.has(n) || hops > MAX_HOPS) return { paths: 1, items: 1 };
    this.open.add(n);
    let paths = 0;
    let items = 0;
    for (const [t, edges] of this.upTargets(n)) {
      const above = this.upOf(t, hops + 1);
      paths += above.paths;
      // Each path through t holds this node and the step's edges besides what is above.
      items += above.items + above.paths * (1 + edges);
    }
    this.open.delete(n);
    // Past MAX_PATHS the walk refuses; the cap keeps the numbers finite on pathological graphs.
    const bound =
      paths === 0
        ? { paths: 1, items: 1 }
        : {
            paths: Math.min(paths, MAX_PATHS + 1),
            items: Math.min(items, (MAX_PATHS + 1) * (2 * MAX_HOPS + 1)),
          };
    this.upMemo.set(n, bound);
    return bound;
  }

  implementers(id: string): number | null {
    const n = this.index.numberOf(id);
    return n === undefined ? null : this.implOf(n, 0);
  }

  private implOf(n: number, hops: number): number {
    const known = this.implMemo.get(n);
    if (known !== undefined) return known;
    if (this.open.has(n) || hops > MAX_HOPS) return 0;
    this.open.add(n);
    const ix = this.index;
    let s = 0;
    const seen = new Set<number>();
    for (let e = ix.headOf(n, 'in'); e !== NONE; e = ix.nextOf(e, 'in')) {
      if (ix.typeCodeOf(e) !== CODE.IMPLEMENTS) continue;
      const u = ix.otherEnd(e, 'in');
      if (seen.has(u)) continue;
      seen.add(u);
      if (ix.kindOf(u) === 'DOCUMENT') s += 1 + this.implOf(u, hops + 1);
      else if (ix.kindOf(u) === 'TASK')
        for (let h = ix.headOf(u, 'in'); h !== NONE; h = ix.nextOf(h, 'in'))
          if (ix.typeCodeOf(h) === CODE.HAS_TASK) s += 1 + this.implOf(ix.otherEnd(h, 'in'), hops + 1);
    }
    this.open.delete(n);
    s = Math.min(s, this.documents);
    this.implMemo.set(n, s);
    return s;
  }

  agencyAssignments(id: string): number | null {
    const n = this.index.numberOf(id);
    return n === undefined ? null : this.count(n, 'in', CODE.ASSIGNS);
  }
}
