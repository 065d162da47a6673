// Bench `scale`: the lower bound a lineage answer is measured against — the same walks as the store's
// traversal (src/store/traversal.ts), by the same rules, over plain integer arrays (compressed sparse rows
// per edge type and direction). No objects, no sorting, no queue: what a walk costs and nothing else.
import Database from 'better-sqlite3';
import { type EdgeFields, edgeId } from '../../src/model/graph.ts';

const TYPES = ['IMPLEMENTS', 'HAS_TASK', 'ASSIGNS', 'PART_OF'] as const;
type WalkType = (typeof TYPES)[number];

/** Edges of one type and direction: the neighbours of node i are `to[offsets[i] .. offsets[i+1])`, their edges `edge[...]`. */
interface Csr {
  offsets: Int32Array;
  to: Int32Array;
  edge: Int32Array;
}

const KIND = { DOCUMENT: 0, TASK: 1, AGENCY: 2 } as const;

/** Growable column of 32-bit integers (a 100,000-document graph has millions of edges: no object per row). */
class IntColumn {
  values = new Int32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = v;
  }
}

export class ArrayGraph {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  readonly kind: Uint8Array;
  private readonly out = new Map<WalkType, Csr>();
  private readonly in = new Map<WalkType, Csr>();
  /** Per walked edge: its type (index in TYPES), endpoints, asserting document (a string number), role. */
  private readonly edgeType: Uint8Array;
  private readonly edgeFrom: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly edgeAssertedBy: Int32Array;
  private readonly edgeLead: Uint8Array;
  private readonly stringOf: (s: number) => string;

  /**
   * Read from the store's database file by a read-only connection of its own, streaming rows: building it from
   * `exportAll()` held every node and edge with its provenance as objects and ran out of memory at 100,000
   * documents. Only the edge types the walks follow are kept; an edge's id is made when an answer names it.
   */
  static fromDatabase(file: string): ArrayGraph {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return new ArrayGraph(db);
    } finally {
      db.close();
    }
  }

  private constructor(db: Database.Database) {
    const numberToIndex = new Map<number, number>();
    const kinds: number[] = [];
    for (const row of db.prepare('SELECT n, id, kind FROM node ORDER BY id').iterate() as Iterable<{
      n: number;
      id: string;
      kind: keyof typeof KIND;
    }>) {
      numberToIndex.set(row.n, this.ids.length);
      this.index.set(row.id, this.ids.length);
      this.ids.push(row.id);
      kinds.push(KIND[row.kind]);
    }
    this.kind = Uint8Array.from(kinds);
    const type = new IntColumn();
    const from = new IntColumn();
    const to = new IntColumn();
    const assertedBy = new IntColumn();
    const lead = new IntColumn();
    const rows = db
      .prepare(
        `SELECT from_n, type, to_n, asserted_by, qualifier FROM edge WHERE type IN (${TYPES.map(() => '?').join(', ')})`,
      )
      .raw()
      .iterate(...TYPES) as Iterable<[number, WalkType, number, number, string]>;
    for (const [a, t, b, by, qualifier] of rows) {
      const ia = numberToIndex.get(a);
      const ib = numberToIndex.get(b);
      if (ia === undefined || ib === undefined) continue;
      type.push(TYPES.indexOf(t));
      from.push(ia);
      to.push(ib);
      assertedBy.push(by);
      lead.push(qualifier === 'LEAD' ? 1 : 0);
    }
    const n = type.length;
    this.edgeType = Uint8Array.from(type.values.subarray(0, n));
    this.edgeFrom = from.values.slice(0, n);
    this.edgeTo = to.values.slice(0, n);
    this.edgeAssertedBy = assertedBy.values.slice(0, n);
    this.edgeLead = Uint8Array.from(lead.values.subarray(0, n));
    // The asserting documents' ids (one string per document, not per edge).
    const strings = new Map(
      db
        .prepare('SELECT s, value FROM string WHERE s IN (SELECT DISTINCT asserted_by FROM edge)')
        .raw()
        .all() as Array<[number, string]>,
    );
    this.stringOf = (s) => strings.get(s) as string;
    TYPES.forEach((t, code) => {
      this.out.set(t, this.csr(code, this.edgeFrom, this.edgeTo));
      this.in.set(t, this.csr(code, this.edgeTo, this.edgeFrom));
    });
  }

  /** The id the store gives edge `k` (the model's own rule, from its stored parts). */
  edgeId(k: number): string {
    const type = TYPES[this.edgeType[k] as number] as WalkType;
    const edge = {
      type,
      from: this.ids[this.edgeFrom[k] as number],
      to: this.ids[this.edgeTo[k] as number],
      provenance: { assertedBy: this.stringOf(this.edgeAssertedBy[k] as number) },
      role: this.edgeLead[k] ? 'LEAD' : 'COORDINATOR',
    } as unknown as EdgeFields;
    return edgeId(edge);
  }

  /** Compressed rows of the edges of type `code`, from `a[k]` to `b[k]`. */
  private csr(code: number, a: Int32Array, b: Int32Array): Csr {
    const n = this.ids.length;
    const offsets = new Int32Array(n + 1);
    let count = 0;
    for (let k = 0; k < this.edgeType.length; k++) {
      if (this.edgeType[k] !== code) continue;
      offsets[(a[k] as number) + 1] = (offsets[(a[k] as number) + 1] ?? 0) + 1;
      count++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
    const fill = offsets.slice(0, n);
    const to = new Int32Array(count);
    const edge = new Int32Array(count);
    for (let k = 0; k < this.edgeType.length; k++) {
      if (this.edgeType[k] !== code) continue;
      const at = fill[a[k] as number] ?? 0;
      to[at] = b[k] as number;
      edge[at] = k;
      fill[a[k] as number] = at + 1;
    }
    return { offsets, to, edge };
  }

  private get(dir: 'out' | 'in', type: WalkType): Csr {
    return (dir === 'out' ? this.out : this.in).get(type) as Csr;
  }

  /** Documents carrying `root` out (traversal.implementers): IMPLEMENTS backwards; a task counts as its document. */
  descendants(root: number): Int32Array {
    const impIn = this.get('in', 'IMPLEMENTS');
    const holder = this.get('in', 'HAS_TASK');
    const seen = new Uint8Array(this.ids.length);
    seen[root] = 1;
    const found: number[] = [];
    let frontier = [root];
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const v of frontier) {
        for (let i = impIn.offsets[v] as number; i < (impIn.offsets[v + 1] as number); i++) {
          let d = impIn.to[i] as number;
          if (this.kind[d] === KIND.TASK) {
            const h = holder.offsets[d] as number;
            if (h === holder.offsets[d + 1]) continue;
            d = holder.to[h] as number;
          }
          if (this.kind[d] !== KIND.DOCUMENT || seen[d]) continue;
          seen[d] = 1;
          found.push(d);
          next.push(d);
        }
      }
      frontier = next;
    }
    return Int32Array.from(found);
  }

  /** Node and edge indexes of lineageDown(root, depth), by traversal.lineageDown's rules. */
  lineageDown(root: number, depth: number): { nodes: Int32Array; edges: Int32Array } {
    const n = this.ids.length;
    const impIn = this.get('in', 'IMPLEMENTS');
    const holderIn = this.get('in', 'HAS_TASK');
    const tasksOut = this.get('out', 'HAS_TASK');
    const assignsOut = this.get('out', 'ASSIGNS');
    const partOfOut = this.get('out', 'PART_OF');
    const inAnswer = new Uint8Array(n);
    const expanded = new Uint8Array(n);
    const taskHit = new Uint8Array(n);
    const nodes: number[] = [root];
    const edges: number[] = [];
    inAnswer[root] = 1;
    const add = (v: number) => {
      if (!inAnswer[v]) {
        inAnswer[v] = 1;
        nodes.push(v);
      }
    };
    const docs: number[] = [];
    const tasks: number[] = [];
    if (this.kind[root] === KIND.DOCUMENT) {
      expanded[root] = 1;
      docs.push(root);
    } else {
      taskHit[root] = 1;
      tasks.push(root);
    }
    let frontier = this.kind[root] === KIND.DOCUMENT ? [root] : [];
    for (let level = 1; level <= depth && frontier.length > 0; level++) {
      const next: number[] = [];
      for (const v of frontier) {
        for (let i = impIn.offsets[v] as number; i < (impIn.offsets[v + 1] as number); i++) {
          const u = impIn.to[i] as number;
          edges.push(impIn.edge[i] as number);
          add(u);
          if (this.kind[u] === KIND.DOCUMENT && !expanded[u]) {
            expanded[u] = 1;
            docs.push(u);
            next.push(u);
          } else if (this.kind[u] === KIND.TASK && !taskHit[u]) {
            taskHit[u] = 1;
            tasks.push(u);
            for (let j = holderIn.offsets[u] as number; j < (holderIn.offsets[u + 1] as number); j++) {
              edges.push(holderIn.edge[j] as number);
              add(holderIn.to[j] as number);
            }
          }
        }
      }
      frontier = next;
    }
    for (const d of docs) {
      for (let i = tasksOut.offsets[d] as number; i < (tasksOut.offsets[d + 1] as number); i++) {
        const t = tasksOut.to[i] as number;
        edges.push(tasksOut.edge[i] as number);
        add(t);
        if (!taskHit[t]) {
          taskHit[t] = 1;
          tasks.push(t);
        }
      }
    }
    for (const t of tasks) {
      for (let i = assignsOut.offsets[t] as number; i < (assignsOut.offsets[t + 1] as number); i++) {
        edges.push(assignsOut.edge[i] as number);
        add(assignsOut.to[i] as number);
      }
      for (let i = partOfOut.offsets[t] as number; i < (partOfOut.offsets[t + 1] as number); i++) {
        if (inAnswer[partOfOut.to[i] as number]) edges.push(partOfOut.edge[i] as number);
      }
    }
    return { nodes: Int32Array.from(nodes), edges: Int32Array.from(new Set(edges)) };
  }

  /** Every path up from `start` (traversal.chainUp's rules, trail semantics), as node index lists. */
  chainUp(start: number): number[][] {
    const impOut = this.get('out', 'IMPLEMENTS');
    const partOfOut = this.get('out', 'PART_OF');
    const holderIn = this.get('in', 'HAS_TASK');
    const stepsOf = (v: number): Csr['to'] | number[] => {
      const a = impOut.offsets[v] as number;
      const b = impOut.offsets[v + 1] as number;
      if (a < b || this.kind[v] !== KIND.TASK) return impOut.to.subarray(a, b);
      const p = partOfOut.offsets[v] as number;
      const q = partOfOut.offsets[v + 1] as number;
      if (p < q) return partOfOut.to.subarray(p, q);
      return holderIn.to.subarray(holderIn.offsets[v] as number, holderIn.offsets[v + 1] as number);
    };
    const paths: number[][] = [];
    const trail: number[] = [start];
    const walk = () => {
      const here = trail[trail.length - 1] as number;
      let moved = false;
      for (const to of new Set(stepsOf(here))) {
        if (trail.includes(to)) continue;
        moved = true;
        trail.push(to);
        walk();
        trail.pop();
      }
      if (!moved) paths.push([...trail]);
    };
    walk();
    return paths;
  }
}
