// SQLite adapter: the store's read and write primitives (store-ops.ts) as prepared statements from `sql/`.
// better-sqlite3 is synchronous: each primitive runs to completion inside the caller's transaction.

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  type AgencyNode,
  type DocumentNode,
  type EdgeType,
  edgeId,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
  type TaskNode,
} from '../../model/graph.ts';
import { nameKey } from '../../text/fold.ts';
import { StoreError } from '../graph-store.ts';
import type { EdgeRecord, EdgeTuple } from '../index/graph-index.ts';
import { edgeFromRecord, graphNodeOf, type Row } from '../records.ts';
import type {
  DocumentCriteria,
  DocumentRow,
  EdgeHit,
  NativeWalks,
  ReadOps,
  StatsRow,
  StoredNode,
  WriteOps,
} from '../store-ops.ts';
import { loadQueries } from './sql-files.ts';
import {
  agencyFromRow,
  agencyParams,
  documentFromRow,
  documentParams,
  taskFromRow,
  taskParams,
} from './sqlite-records.ts';
import { StringTable } from './string-table.ts';

export const SQLITE_QUERIES = [
  'node-find',
  'node-ensure',
  'node-delete',
  'node-has-edges',
  'document-get',
  'task-get',
  'agency-get',
  'document-put',
  'task-put',
  'agency-put',
  'edges-from',
  'edges-to',
  'edge-put',
  'edges-delete-asserted',
  'implements-targets',
  'task-ids-of-document',
  'documents-find-by-symbol',
  'documents-find-by-jurisdiction',
  'documents-find',
  'documents-list',
  'documents-count',
  'documents-merged',
  'documents-by-subject',
  'documents-search',
  'agencies-search',
  'documents-all',
  'tasks-all',
  'agencies-all',
  'edges-all',
  'count-nodes',
  'count-edges',
  'count-statuses',
  'strings-all',
  'string-find',
  'string-ensure',
  'string-get',
  'meta-get',
  'meta-set',
  'node-ids',
  'node-numbers-all',
  'edge-rows-all',
  'implementers',
  'documents-by-name-key',
] as const;
export type SqliteQuery = (typeof SQLITE_QUERIES)[number];

type EdgeRow = EdgeRecord;

const REVISION_KEY = 'revision';

/**
 * What a write transaction changed, in order, for the in-memory index to follow once it commits: nodes made
 * or rewritten, nodes deleted (with their edges), edges written, edges deleted by asserting document.
 */
export type Change =
  | { op: 'node'; n: number; id: string; kind: NodeKind }
  | { op: 'deleteNode'; n: number }
  | { op: 'edge'; edge: EdgeRecord }
  | { op: 'deleteAsserted'; fromN: number; assertedBy: number };

export interface NodeRef {
  n: number;
  kind: NodeKind;
}

const GET_BY_KIND = { DOCUMENT: 'document-get', TASK: 'task-get', AGENCY: 'agency-get' } as const;

export class SqliteOps implements ReadOps, WriteOps {
  private readonly statements: Record<SqliteQuery, Database.Statement>;
  readonly strings: StringTable;
  /** Changes of the current write transaction; null when nobody follows them. */
  changes: Change[] | null = null;

  constructor(db: Database.Database) {
    const sql = loadQueries(SQLITE_QUERIES);
    // Prepared once: a malformed query file fails start-up, not the first request that needs it.
    this.statements = Object.fromEntries(
      SQLITE_QUERIES.map((name) => {
        try {
          return [name, db.prepare(sql[name])];
        } catch (cause) {
          throw new StoreError('INTERNAL', `query ${name}.sql: ${(cause as Error).message}`, { cause });
        }
      }),
    ) as Record<SqliteQuery, Database.Statement>;
    this.strings = new StringTable(db, {
      all: sql['strings-all'],
      find: sql['string-find'],
      insert: sql['string-ensure'],
      get: sql['string-get'],
    });
  }

  private all(name: SqliteQuery, params: Record<string, unknown> = {}): Row[] {
    return this.statements[name].all(params) as Row[];
  }

  private one(name: SqliteQuery, params: Record<string, unknown>): Row | undefined {
    return this.statements[name].get(params) as Row | undefined;
  }

  /**
   * Node numbers looked up during one write transaction (an edge looks up both its ends, so a batch asks for
   * the same ids again and again); only while writing, so a rolled-back number is never kept.
   */
  private refs: Map<string, NodeRef> | null = null;

  beginWrite(): void {
    this.refs = new Map();
  }

  endWrite(): void {
    this.refs = null;
  }

  /** Walks the database answers in one query (traversal.ts composes the others from edge lookups). */
  readonly walks: NativeWalks = {
    implementers: (root) => {
      const ref = this.ref(root.id);
      if (!ref) throw new StoreError('NOT_FOUND', `no node ${root.id}`, { details: { id: root.id } });
      return this.all('implementers', { root: ref.n }).map((row) => {
        const stored = this.nodeAt({ n: row.n as number, kind: 'DOCUMENT' });
        if (stored?.kind !== 'DOCUMENT')
          throw new StoreError('INTERNAL', `document ${row.n} has no properties`);
        return stored.stored.node;
      });
    },
  };

  private ref(id: string): NodeRef | null {
    const known = this.refs?.get(id);
    if (known) return known;
    const row = this.one('node-find', { id });
    if (!row) return null;
    const ref = { n: row.n as number, kind: row.kind as NodeKind };
    this.refs?.set(id, ref);
    return ref;
  }

  /** A node's properties by number and kind (the index asks for them on demand). */
  nodeAt(ref: NodeRef): StoredNode | null {
    const row = this.one(GET_BY_KIND[ref.kind], { n: ref.n });
    if (!row) return null;
    if (ref.kind === 'DOCUMENT') return { kind: 'DOCUMENT', stored: documentFromRow(row) };
    if (ref.kind === 'TASK') return { kind: 'TASK', node: taskFromRow(row) };
    return { kind: 'AGENCY', node: agencyFromRow(row) };
  }

  /** An edge row (or index record) as the model's edge, between the given ids. */
  edgeOf(r: EdgeRow, fromId: string, toId: string): GraphEdge {
    const record = {
      id: '',
      assertedBy: this.strings.value(r.assertedBy),
      source: this.strings.value(r.source),
      evidenceStart: r.evidenceStart,
      evidenceEnd: r.evidenceEnd,
      method: r.method,
      confidence: r.confidence,
      extractorVersion: this.strings.value(r.extractorVersion),
      basis: r.qualifier === '' ? null : r.qualifier,
      role: r.qualifier,
    };
    const edge = edgeFromRecord(r.type, fromId, toId, record);
    return { ...edge, id: edgeId(edge) };
  }

  private documentsOf(rows: Row[]): DocumentNode[] {
    return rows.map((r) => documentFromRow(r).node);
  }

  private criteria(c: DocumentCriteria): Record<string, unknown> {
    return {
      symbolKey: c.symbolKey ?? null,
      year: c.year ?? null,
      dateValue: c.dateValue ?? null,
      jurisdictionKey: c.jurisdictionKey ?? null,
      type: c.type ?? null,
      status: c.status ?? null,
      level: c.level ?? null,
      branch: c.branch ?? null,
      numbered: c.numbered === undefined ? null : c.numbered ? 1 : 0,
    };
  }

  // --- ReadOps -------------------------------------------------------------------------------------

  async nodesById(ids: readonly string[]): Promise<StoredNode[]> {
    const found: StoredNode[] = [];
    for (const id of new Set(ids)) {
      const ref = this.ref(id);
      const stored = ref && this.nodeAt(ref);
      if (stored) found.push(stored);
    }
    return found;
  }

  private hits(ids: readonly string[], types: readonly EdgeType[], direction: 'out' | 'in'): EdgeHit[] {
    if (types.length === 0) return [];
    const rows: Array<{ edge: GraphEdge; other: NodeRef }> = [];
    for (const id of new Set(ids)) {
      const ref = this.ref(id);
      if (!ref) continue;
      for (const r of this.all(direction === 'out' ? 'edges-from' : 'edges-to', { n: ref.n })) {
        const e = r as unknown as EdgeRow & { otherId: string; otherKind: NodeKind };
        if (!types.includes(e.type as EdgeType)) continue;
        const edge = direction === 'out' ? this.edgeOf(e, id, e.otherId) : this.edgeOf(e, e.otherId, id);
        rows.push({ edge, other: { n: direction === 'out' ? e.toN : e.fromN, kind: e.otherKind } });
      }
    }
    // Each other end read once, however many edges reach it.
    const nodes = new Map<number, GraphNode>();
    return rows.map(({ edge, other }) => {
      let node = nodes.get(other.n);
      if (!node) {
        const stored = this.nodeAt(other);
        if (!stored) throw new StoreError('INTERNAL', `edge ${edge.id} ends at a node without properties`);
        node = graphNodeOf(stored);
        nodes.set(other.n, node);
      }
      return { edge, node };
    });
  }

  async edgesFrom(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]> {
    return this.hits(ids, types, 'out');
  }

  async edgesTo(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]> {
    return this.hits(ids, types, 'in');
  }

  async findDocuments(criteria: DocumentCriteria): Promise<DocumentNode[]> {
    const name =
      criteria.symbolKey !== undefined
        ? 'documents-find-by-symbol'
        : criteria.jurisdictionKey !== undefined
          ? 'documents-find-by-jurisdiction'
          : 'documents-find';
    return this.documentsOf(this.all(name, this.criteria(criteria)));
  }

  async documentsByMergedPrefix(prefix: string): Promise<DocumentNode[]> {
    return this.documentsOf(this.all('documents-merged')).filter((d) =>
      d.mergedIds.some((m) => m.startsWith(prefix)),
    );
  }

  async implementsTargets(ids: readonly string[]): Promise<Array<{ fromId: string; toId: string }>> {
    const found: Array<{ fromId: string; toId: string }> = [];
    for (const id of new Set(ids)) {
      const ref = this.ref(id);
      if (ref?.kind !== 'DOCUMENT') continue;
      for (const r of this.all('implements-targets', { n: ref.n }))
        found.push({ fromId: id, toId: r.toId as string });
    }
    return found;
  }

  async documentsByName(name: string): Promise<DocumentNode[]> {
    return this.documentsOf(this.all('documents-by-name-key', { key: nameKey(name) }));
  }

  async documentsBySubject(foldedText: string): Promise<DocumentNode[]> {
    return this.documentsOf(this.all('documents-by-subject', { text: foldedText }));
  }

  async searchDocuments(tokens: readonly string[], limit: number): Promise<DocumentNode[]> {
    return this.documentsOf(this.all('documents-search', { tokens: JSON.stringify(tokens), limit }));
  }

  async searchAgencies(tokens: readonly string[], limit: number): Promise<AgencyNode[]> {
    return this.all('agencies-search', { tokens: JSON.stringify(tokens), limit }).map(agencyFromRow);
  }

  async listDocuments(
    criteria: DocumentCriteria,
    after: string | null,
    limit: number,
  ): Promise<DocumentNode[]> {
    return this.documentsOf(
      this.all('documents-list', { ...this.criteria(criteria), after: after ?? '', limit }),
    );
  }

  async countDocuments(criteria: DocumentCriteria): Promise<number> {
    return Number(this.one('documents-count', this.criteria(criteria))?.total ?? 0);
  }

  /** Every node as stored, with the internal fields, streamed (to build the in-memory index). */
  *iterateStored(): Generator<StoredNode> {
    for (const r of this.statements['documents-all'].iterate() as Iterable<Row>)
      yield { kind: 'DOCUMENT', stored: documentFromRow(r) };
    for (const r of this.statements['tasks-all'].iterate() as Iterable<Row>)
      yield { kind: 'TASK', node: taskFromRow(r) };
    for (const r of this.statements['agencies-all'].iterate() as Iterable<Row>)
      yield { kind: 'AGENCY', node: agencyFromRow(r) };
  }

  *iterateEdges(): Generator<GraphEdge> {
    for (const r of this.statements['edges-all'].iterate() as Iterable<
      EdgeRow & { fromId: string; toId: string }
    >) {
      yield this.edgeOf(r, r.fromId, r.toId);
    }
  }

  /** Every node's number, id and kind, streamed. */
  *nodeNumbers(): Generator<{ n: number; id: string; kind: NodeKind }> {
    yield* this.statements['node-numbers-all'].iterate() as Iterable<{
      n: number;
      id: string;
      kind: NodeKind;
    }>;
  }

  /**
   * Every edge by numbers, streamed as arrays in the columns' order (EdgeTuple: an object per row took two thirds
   * of the time to load a national graph's millions of edges).
   */
  *edgeTuples(): Generator<EdgeTuple> {
    yield* this.statements['edge-rows-all'].raw(true).iterate() as Iterable<EdgeTuple>;
  }

  /** How many edges the database holds (to size the index once). */
  edgeCount(): number {
    return this.all('count-edges').reduce((sum, r) => sum + Number(r.count), 0);
  }

  /** Documents by status (the index counts nodes and edges itself). */
  statusCounts(): StatsRow[] {
    return this.all('count-statuses').map((r) => ({ label: r.label as string, count: Number(r.count) }));
  }

  async exportNodes(): Promise<GraphNode[]> {
    return [...this.iterateStored()].map(graphNodeOf);
  }

  async exportEdges(): Promise<GraphEdge[]> {
    return [...this.iterateEdges()];
  }

  async countAll(): Promise<StatsRow[]> {
    return (['count-nodes', 'count-edges', 'count-statuses'] as const).flatMap((name) =>
      this.all(name).map((r) => ({ label: r.label as string, count: Number(r.count) })),
    );
  }

  // --- WriteOps ------------------------------------------------------------------------------------

  async taskIdsOf(documentId: string): Promise<string[]> {
    const ref = this.ref(documentId);
    return ref ? this.all('task-ids-of-document', { n: ref.n }).map((r) => r.id as string) : [];
  }

  async deleteAssertedEdges(documentId: string, fromIds: readonly string[]) {
    const endpoints = new Set<string>();
    let removed = 0;
    const assertedBy = this.strings.number(documentId);
    for (const id of new Set(fromIds)) {
      const ref = this.ref(id);
      if (!ref) continue;
      const reached = this.all('edges-delete-asserted', { n: ref.n, assertedBy });
      if (reached.length > 0) this.changes?.push({ op: 'deleteAsserted', fromN: ref.n, assertedBy });
      removed += reached.length;
      if (reached.length > 0) endpoints.add(id);
      for (const r of reached) {
        const other = this.one('node-ids', { n: r.toN });
        if (other) endpoints.add(other.id as string);
      }
    }
    return { removed, endpoints: [...endpoints] };
  }

  private deleteNode(id: string, kind: NodeKind): number {
    const ref = this.ref(id);
    if (ref?.kind !== kind) return 0;
    return this.removeNode(ref.n, id);
  }

  private removeNode(n: number, id: string): number {
    this.refs?.delete(id);
    if (this.statements['node-delete'].run({ n }).changes === 0) return 0;
    this.changes?.push({ op: 'deleteNode', n });
    return 1;
  }

  async deleteTasks(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const id of new Set(ids)) removed += this.deleteNode(id, 'TASK');
    return removed;
  }

  async deleteDocument(id: string): Promise<number> {
    return this.deleteNode(id, 'DOCUMENT');
  }

  private ensure(id: string, kind: NodeKind): number {
    const n = this.one('node-ensure', { id, kind })?.n as number;
    this.refs?.set(id, { n, kind });
    this.changes?.push({ op: 'node', n, id, kind });
    return n;
  }

  async upsertDocuments(rows: readonly DocumentRow[]): Promise<void> {
    for (const row of rows) {
      this.statements['document-put'].run(documentParams(this.ensure(row.node.id, 'DOCUMENT'), row));
    }
  }

  async upsertAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    for (const a of nodes) this.statements['agency-put'].run(agencyParams(this.ensure(a.id, 'AGENCY'), a));
  }

  async upsertTasks(nodes: readonly TaskNode[]): Promise<void> {
    for (const t of nodes) this.statements['task-put'].run(taskParams(this.ensure(t.id, 'TASK'), t));
  }

  createTasks(nodes: readonly TaskNode[]): Promise<void> {
    return this.upsertTasks(nodes);
  }

  createAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    return this.upsertAgencies(nodes);
  }

  createDocuments(rows: readonly DocumentRow[]): Promise<void> {
    return this.upsertDocuments(rows);
  }

  async updateAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    for (const a of nodes) {
      const ref = this.ref(a.id);
      if (ref?.kind !== 'AGENCY') continue;
      this.statements['agency-put'].run(agencyParams(ref.n, a));
      this.changes?.push({ op: 'node', n: ref.n, id: a.id, kind: 'AGENCY' });
    }
  }

  async updateDocuments(rows: readonly DocumentRow[]): Promise<void> {
    for (const row of rows) {
      const ref = this.ref(row.node.id);
      if (ref?.kind !== 'DOCUMENT') continue;
      this.statements['document-put'].run(documentParams(ref.n, row));
      this.changes?.push({ op: 'node', n: ref.n, id: row.node.id, kind: 'DOCUMENT' });
    }
  }

  async createEdges(type: EdgeType, edges: readonly GraphEdge[]): Promise<number> {
    let created = 0;
    for (const e of edges) {
      if (e.type !== type) throw new StoreError('INTERNAL', `edge ${e.id} is not ${type}`);
      // The id is not stored but computed from the key: an edge whose id says otherwise would come back changed.
      if (e.id !== edgeId(e)) throw new StoreError('INTERNAL', `edge id ${e.id} is not its key ${edgeId(e)}`);
      const from = this.ref(e.from);
      const to = this.ref(e.to);
      // As the other adapters: an edge is created only between existing endpoints.
      if (!from || !to) continue;
      const p = e.provenance;
      const record: EdgeRecord = {
        fromN: from.n,
        type,
        toN: to.n,
        assertedBy: this.strings.number(p.assertedBy),
        qualifier: e.type === 'CITES' ? (e.basis ?? '') : e.type === 'ASSIGNS' ? e.role : '',
        source: this.strings.number(p.source),
        evidenceStart: p.evidence.start,
        evidenceEnd: p.evidence.end,
        method: p.method,
        confidence: p.confidence,
        extractorVersion: this.strings.number(p.extractorVersion),
      };
      this.statements['edge-put'].run(record);
      this.changes?.push({ op: 'edge', edge: record });
      created++;
    }
    return created;
  }

  async deleteOrphans(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const id of new Set(ids)) {
      const ref = this.ref(id);
      if (!ref || ref.kind === 'TASK') continue;
      if (this.one('node-has-edges', { n: ref.n })?.linked) continue;
      if (ref.kind === 'DOCUMENT') {
        const stored = this.nodeAt(ref);
        if (stored?.kind !== 'DOCUMENT' || stored.stored.node.status !== 'CITED_ONLY') continue;
      }
      removed += this.removeNode(ref.n, id);
    }
    return removed;
  }

  /** The database's revision: a token every committed write transaction replaces (index-snapshot.ts). */
  revision(): string {
    return this.metaGet(REVISION_KEY) ?? '';
  }

  /** A new revision token for the write transaction under way (a random one: two copies of a store that were
   * written apart never share one). */
  newRevision(): void {
    this.metaSet(REVISION_KEY, randomUUID());
  }

  metaGet(key: string): string | null {
    const v = this.one('meta-get', { key })?.value;
    return typeof v === 'string' ? v : null;
  }

  metaSet(key: string, value: string): void {
    this.statements['meta-set'].run({ key, value });
  }
}
