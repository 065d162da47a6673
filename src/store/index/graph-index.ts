// Index: the graph's topology and edge provenance in typed arrays, for traversal in memory. Nodes are
// numbered as the database numbers them (SQLite's `node.n`); each keeps its id and kind here and nothing
// else (properties are read from the database on demand, see node-cache.ts). Edges live in slots of
// columnar arrays, threaded per node into an outgoing and an incoming list, so a write adds or removes an
// edge in place and a walk touches only the edges of the nodes it visits. Strings of provenance (file,
// asserting document, extractor version) are the database's string numbers.
import { Basis } from '../../model/extraction.ts';
import { EdgeType, Method, type NodeKind, Role } from '../../model/graph.ts';

export const KINDS: readonly NodeKind[] = ['DOCUMENT', 'TASK', 'AGENCY'];
/** Codes of the CITES basis and ASSIGNS role ('' for none), in one closed list. */
export const QUALIFIERS: readonly string[] = ['', ...Basis.options, ...Role.options];
const TYPE_CODE = new Map(EdgeType.options.map((t, i) => [t, i]));
const METHOD_CODE = new Map(Method.options.map((m, i) => [m, i]));
const QUALIFIER_CODE = new Map(QUALIFIERS.map((q, i) => [q, i]));
const NONE = -1;

/** One edge as the database row gives it: ends by node number, strings by string number. */
export interface EdgeRecord {
  fromN: number;
  type: EdgeType;
  toN: number;
  assertedBy: number;
  qualifier: string;
  source: number;
  evidenceStart: number;
  evidenceEnd: number;
  method: string;
  confidence: number;
  extractorVersion: number;
}

/** An edge row as the database streams it for a build (edge-columns.sql's order), without an object per row. */
export type EdgeTuple = [
  fromN: number,
  type: EdgeType,
  toN: number,
  assertedBy: number,
  qualifier: string,
  source: number,
  evidenceStart: number,
  evidenceEnd: number,
  method: string,
  confidence: number,
  extractorVersion: number,
];

/** The codes the arrays are written in: a snapshot made under other codes (a newer edge type) is not read. */
function indexCodes(): string[][] {
  return [[...KINDS], [...EdgeType.options], [...Method.options], [...QUALIFIERS]];
}

export interface IndexParts {
  codes: string[][];
  /** Node id by number (undefined or null: no node). */
  ids: ReadonlyArray<string | undefined | null>;
  free: Int32Array;
  nodeCounts: number[];
  edgeCounts: number[];
  nodeArrays: { kind: Uint8Array; headOut: Int32Array; headIn: Int32Array };
  edgeArrays: {
    from: Int32Array;
    to: Int32Array;
    nextOut: Int32Array;
    nextIn: Int32Array;
    type: Uint8Array;
    method: Uint8Array;
    qualifier: Uint8Array;
    assertedBy: Int32Array;
    source: Int32Array;
    extractor: Int32Array;
    evidenceStart: Int32Array;
    evidenceEnd: Int32Array;
    confidence: Float64Array;
  };
}

function code<T>(map: ReadonlyMap<T, number>, value: T, what: string): number {
  const c = map.get(value);
  if (c === undefined) throw new RangeError(`unknown ${what} ${String(value)}`);
  return c;
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, size: number, fill?: number): T {
  if (size <= array.length) return array;
  let length = Math.max(1024, array.length);
  while (length < size) length *= 2;
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  if (fill !== undefined) next.fill(fill, array.length);
  return next;
}

export class GraphIndex {
  // Nodes, by number.
  private kind = new Uint8Array(0); // 0: no node, else 1 + index in KINDS
  private headOut = new Int32Array(0);
  private headIn = new Int32Array(0);
  private readonly ids: Array<string | undefined> = [];
  private readonly numbers = new Map<string, number>();
  // Edges, by slot.
  private from = new Int32Array(0);
  private to = new Int32Array(0);
  private nextOut = new Int32Array(0);
  private nextIn = new Int32Array(0);
  private type = new Uint8Array(0);
  private method = new Uint8Array(0);
  private qualifier = new Uint8Array(0);
  private assertedBy = new Int32Array(0);
  private source = new Int32Array(0);
  private extractor = new Int32Array(0);
  private evidenceStart = new Int32Array(0);
  private evidenceEnd = new Int32Array(0);
  private confidence = new Float64Array(0);
  private slots = 0;
  private readonly free: number[] = [];
  private readonly nodeCounts = [0, 0, 0];
  private readonly edgeCounts = EdgeType.options.map(() => 0);
  private changes = 0;

  /** Changes with every write to the index: a walk read in several steps checks it has not moved in between. */
  get version(): number {
    return this.changes;
  }

  // --- nodes ---------------------------------------------------------------------------------------

  addNode(n: number, id: string, kind: NodeKind): void {
    this.changes++;
    if (this.kindCode(n) !== 0) {
      if (this.ids[n] === id) return;
      this.removeNode(n);
    }
    this.kind = grown(this.kind, n + 1);
    this.headOut = grown(this.headOut, n + 1, NONE);
    this.headIn = grown(this.headIn, n + 1, NONE);
    const k = KINDS.indexOf(kind);
    this.kind[n] = k + 1;
    this.headOut[n] = NONE;
    this.headIn[n] = NONE;
    this.ids[n] = id;
    this.numbers.set(id, n);
    this.nodeCounts[k] = (this.nodeCounts[k] ?? 0) + 1;
  }

  /** Removes a node and every edge at it (as the database's ON DELETE CASCADE does). */
  removeNode(n: number): void {
    this.changes++;
    const k = this.kindCode(n);
    if (k === 0) return;
    for (let e = this.headOut[n] ?? NONE; e !== NONE; e = this.headOut[n] ?? NONE) this.unlink(e);
    for (let e = this.headIn[n] ?? NONE; e !== NONE; e = this.headIn[n] ?? NONE) this.unlink(e);
    const id = this.ids[n];
    if (id !== undefined && this.numbers.get(id) === n) this.numbers.delete(id);
    this.ids[n] = undefined;
    this.kind[n] = 0;
    this.nodeCounts[k - 1] = (this.nodeCounts[k - 1] ?? 0) - 1;
  }

  private kindCode(n: number): number {
    return n < this.kind.length ? (this.kind[n] ?? 0) : 0;
  }

  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  idOf(n: number): string {
    const id = this.ids[n];
    if (id === undefined) throw new RangeError(`no node ${n} in the index`);
    return id;
  }

  kindOf(n: number): NodeKind | null {
    const k = this.kindCode(n);
    return k === 0 ? null : (KINDS[k - 1] ?? null);
  }

  // --- edges ---------------------------------------------------------------------------------------

  /** Writes an edge; one with the same key (ends, type, asserting document, qualifier) is replaced. */
  putEdge(r: EdgeRecord): void {
    this.changes++;
    const t = code(TYPE_CODE, r.type, 'edge type');
    const q = code(QUALIFIER_CODE, r.qualifier, 'qualifier');
    let e = this.find(r.fromN, t, r.toN, r.assertedBy, q);
    if (e === NONE) e = this.link(r.fromN, t, r.toN, r.assertedBy, q, r.type);
    this.setProvenance(
      e,
      r.method,
      r.source,
      r.extractorVersion,
      r.evidenceStart,
      r.evidenceEnd,
      r.confidence,
    );
  }

  /** Room for `count` more edges, allocated once (a build from the database knows its count). */
  reserveEdges(count: number): void {
    this.ensureSlots(this.slots + count);
  }

  /**
   * Adds an edge of a build from the database. Its primary key makes every row new, so there is no search for
   * an edge with the same key (putEdge's, which walks the node's list: quadratic in a node's degree).
   */
  loadEdge(r: EdgeTuple): void {
    const [
      fromN,
      type,
      toN,
      assertedBy,
      qualifier,
      source,
      evidenceStart,
      evidenceEnd,
      method,
      confidence,
      extractor,
    ] = r;
    this.changes++;
    const t = code(TYPE_CODE, type, 'edge type');
    const e = this.link(fromN, t, toN, assertedBy, code(QUALIFIER_CODE, qualifier, 'qualifier'), type);
    this.setProvenance(e, method, source, extractor, evidenceStart, evidenceEnd, confidence);
  }

  /** A new slot for the edge with this key, threaded at the head of its ends' lists. */
  private link(fromN: number, t: number, toN: number, assertedBy: number, q: number, type: EdgeType): number {
    if (this.kindCode(fromN) === 0 || this.kindCode(toN) === 0) {
      throw new RangeError(`edge ${type} ${fromN}→${toN} has an end the index does not hold`);
    }
    const e = this.allocate();
    this.from[e] = fromN;
    this.to[e] = toN;
    this.type[e] = t;
    this.assertedBy[e] = assertedBy;
    this.qualifier[e] = q;
    this.nextOut[e] = this.headOut[fromN] ?? NONE;
    this.headOut[fromN] = e;
    this.nextIn[e] = this.headIn[toN] ?? NONE;
    this.headIn[toN] = e;
    this.edgeCounts[t] = (this.edgeCounts[t] ?? 0) + 1;
    return e;
  }

  private setProvenance(
    e: number,
    method: string,
    source: number,
    extractor: number,
    evidenceStart: number,
    evidenceEnd: number,
    confidence: number,
  ): void {
    this.method[e] = code(METHOD_CODE, method, 'method');
    this.source[e] = source;
    this.extractor[e] = extractor;
    this.evidenceStart[e] = evidenceStart;
    this.evidenceEnd[e] = evidenceEnd;
    this.confidence[e] = confidence;
  }

  private find(fromN: number, t: number, toN: number, assertedBy: number, q: number): number {
    if (this.kindCode(fromN) === 0) return NONE;
    for (let e = this.headOut[fromN] ?? NONE; e !== NONE; e = this.nextOut[e] ?? NONE) {
      if (
        this.to[e] === toN &&
        this.type[e] === t &&
        this.assertedBy[e] === assertedBy &&
        this.qualifier[e] === q
      )
        return e;
    }
    return NONE;
  }

  private allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const e = this.slots++;
    this.ensureSlots(this.slots);
    return e;
  }

  private ensureSlots(size: number): void {
    if (size <= this.from.length) return;
    this.from = grown(this.from, size);
    this.to = grown(this.to, size);
    this.nextOut = grown(this.nextOut, size);
    this.nextIn = grown(this.nextIn, size);
    this.type = grown(this.type, size);
    this.method = grown(this.method, size);
    this.qualifier = grown(this.qualifier, size);
    this.assertedBy = grown(this.assertedBy, size);
    this.source = grown(this.source, size);
    this.extractor = grown(this.extractor, size);
    this.evidenceStart = grown(this.evidenceStart, size);
    this.evidenceEnd = grown(this.evidenceEnd, size);
    this.confidence = grown(this.confidence, size);
  }

  /** Takes slot `e` out of both lists it is threaded on and frees it. */
  private unlink(e: number): void {
    this.changes++;
    const f = this.from[e] ?? NONE;
    const t = this.to[e] ?? NONE;
    this.headOut[f] = this.without(this.headOut[f] ?? NONE, e, this.nextOut);
    this.headIn[t] = this.without(this.headIn[t] ?? NONE, e, this.nextIn);
    const type = this.type[e] ?? 0;
    this.edgeCounts[type] = (this.edgeCounts[type] ?? 0) - 1;
    this.from[e] = NONE;
    this.free.push(e);
  }

  /** The list starting at `head` without `e`; returns the new head. */
  private without(head: number, e: number, next: Int32Array): number {
    if (head === e) return next[e] ?? NONE;
    for (let p = head; p !== NONE; p = next[p] ?? NONE) {
      if (next[p] === e) {
        next[p] = next[e] ?? NONE;
        break;
      }
    }
    return head;
  }

  /** Removes the edges leaving `fromN` that the document with string number `assertedBy` asserted. */
  removeAsserted(fromN: number, assertedBy: number): void {
    if (this.kindCode(fromN) === 0) return;
    const doomed: number[] = [];
    for (let e = this.headOut[fromN] ?? NONE; e !== NONE; e = this.nextOut[e] ?? NONE) {
      if (this.assertedBy[e] === assertedBy) doomed.push(e);
    }
    for (const e of doomed) this.unlink(e);
  }

  /** Slots of the edges leaving (out) or reaching (in) node `n`. */
  *edgesAt(n: number, direction: 'out' | 'in'): Generator<number> {
    if (this.kindCode(n) === 0) return;
    const head = direction === 'out' ? this.headOut : this.headIn;
    const next = direction === 'out' ? this.nextOut : this.nextIn;
    for (let e = head[n] ?? NONE; e !== NONE; e = next[e] ?? NONE) yield e;
  }

  /** First slot of `n`'s out or in list (-1: none); walk on with nextOf. For hot loops, where a generator costs. */
  headOf(n: number, direction: 'out' | 'in'): number {
    if (this.kindCode(n) === 0) return NONE;
    return (direction === 'out' ? this.headOut[n] : this.headIn[n]) ?? NONE;
  }

  nextOf(e: number, direction: 'out' | 'in'): number {
    return (direction === 'out' ? this.nextOut[e] : this.nextIn[e]) ?? NONE;
  }

  /** Index of the edge's type in EdgeType.options. */
  typeCodeOf(e: number): number {
    return this.type[e] ?? 0;
  }

  /** Slots of every edge. */
  *allEdges(): Generator<number> {
    for (let e = 0; e < this.slots; e++) if (this.from[e] !== NONE) yield e;
  }

  edge(e: number): EdgeRecord {
    return {
      fromN: this.from[e] ?? NONE,
      type: EdgeType.options[this.type[e] ?? 0] as EdgeType,
      toN: this.to[e] ?? NONE,
      assertedBy: this.assertedBy[e] ?? 0,
      qualifier: QUALIFIERS[this.qualifier[e] ?? 0] ?? '',
      source: this.source[e] ?? 0,
      evidenceStart: this.evidenceStart[e] ?? 0,
      evidenceEnd: this.evidenceEnd[e] ?? 0,
      method: Method.options[this.method[e] ?? 0] as string,
      confidence: this.confidence[e] ?? 0,
      extractorVersion: this.extractor[e] ?? 0,
    };
  }

  typeOf(e: number): EdgeType {
    return EdgeType.options[this.type[e] ?? 0] as EdgeType;
  }

  otherEnd(e: number, direction: 'out' | 'in'): number {
    return (direction === 'out' ? this.to[e] : this.from[e]) ?? NONE;
  }

  counts(): { nodes: Record<NodeKind, number>; edges: Record<EdgeType, number> } {
    return {
      nodes: Object.fromEntries(KINDS.map((k, i) => [k, this.nodeCounts[i] ?? 0])) as Record<
        NodeKind,
        number
      >,
      edges: Object.fromEntries(EdgeType.options.map((t, i) => [t, this.edgeCounts[i] ?? 0])) as Record<
        EdgeType,
        number
      >,
    };
  }

  size(): { nodes: number; edges: number } {
    const c = this.counts();
    return {
      nodes: Object.values(c.nodes).reduce((a, b) => a + b, 0),
      edges: Object.values(c.edges).reduce((a, b) => a + b, 0),
    };
  }

  /** Everything the index holds, for a snapshot file (index-snapshot.ts); arrays cut to their used length. */
  parts(): IndexParts {
    const nodes = this.ids.length;
    const edges = this.slots;
    return {
      codes: indexCodes(),
      ids: this.ids,
      free: Int32Array.from(this.free),
      nodeCounts: [...this.nodeCounts],
      edgeCounts: [...this.edgeCounts],
      nodeArrays: {
        kind: this.kind.slice(0, nodes),
        headOut: this.headOut.slice(0, nodes),
        headIn: this.headIn.slice(0, nodes),
      },
      edgeArrays: {
        from: this.from.slice(0, edges),
        to: this.to.slice(0, edges),
        nextOut: this.nextOut.slice(0, edges),
        nextIn: this.nextIn.slice(0, edges),
        type: this.type.slice(0, edges),
        method: this.method.slice(0, edges),
        qualifier: this.qualifier.slice(0, edges),
        assertedBy: this.assertedBy.slice(0, edges),
        source: this.source.slice(0, edges),
        extractor: this.extractor.slice(0, edges),
        evidenceStart: this.evidenceStart.slice(0, edges),
        evidenceEnd: this.evidenceEnd.slice(0, edges),
        confidence: this.confidence.slice(0, edges),
      },
    };
  }

  /** The index `parts()` gave (null when they were made with other codes, or do not fit together). */
  static fromParts(p: IndexParts): GraphIndex | null {
    if (JSON.stringify(p.codes) !== JSON.stringify(indexCodes())) return null;
    const nodes = p.ids.length;
    const edges = p.edgeArrays.from?.length ?? -1;
    const template = new GraphIndex().parts();
    const sameNames = (a: object, b: object) => Object.keys(a).sort().join() === Object.keys(b).sort().join();
    if (!sameNames(p.nodeArrays, template.nodeArrays) || !sameNames(p.edgeArrays, template.edgeArrays))
      return null;
    const sized =
      Object.values(p.nodeArrays).every((a) => a.length === nodes) &&
      Object.values(p.edgeArrays).every((a) => a.length === edges);
    if (!sized || p.nodeCounts.length !== KINDS.length || p.edgeCounts.length !== EdgeType.options.length)
      return null;
    const index = new GraphIndex();
    Object.assign(index, p.nodeArrays, p.edgeArrays);
    index.slots = edges;
    index.free.push(...p.free);
    p.nodeCounts.forEach((c, i) => {
      index.nodeCounts[i] = c;
    });
    p.edgeCounts.forEach((c, i) => {
      index.edgeCounts[i] = c;
    });
    p.ids.forEach((id, n) => {
      if (id === undefined || id === null) return;
      index.ids[n] = id;
      index.numbers.set(id, n);
    });
    index.ids.length = nodes;
    return index;
  }

  /** Bytes held by the typed arrays (the ids and their map come on top). */
  arrayBytes(): number {
    return [
      this.kind,
      this.headOut,
      this.headIn,
      this.from,
      this.to,
      this.nextOut,
      this.nextIn,
      this.type,
      this.method,
      this.qualifier,
      this.assertedBy,
      this.source,
      this.extractor,
      this.evidenceStart,
      this.evidenceEnd,
      this.confidence,
    ].reduce((sum, a) => sum + a.byteLength, 0);
  }
}
