// Neo4j adapter: the store's read and write primitives (store-ops.ts) over the named query files of `cypher/`.
import {
  type AgencyNode,
  type DocumentNode,
  type EdgeType,
  foldText,
  type GraphEdge,
  type GraphNode,
  nodeKindOf,
  type TaskNode,
} from '../../model/graph.ts';
import { nameKey } from '../../text/fold.ts';
import { StoreError } from '../graph-store.ts';
import {
  agencyFromRecord,
  agencyToRecord,
  documentFromRecord,
  documentToRecord,
  edgeFromRecord,
  edgeToRecord,
  nodeFromRecord,
  type Row,
  storedFromRecord,
  taskToRecord,
  toNumber,
} from '../records.ts';
import type {
  DocumentCriteria,
  DocumentRow,
  EdgeHit,
  ReadOps,
  StatsRow,
  StoredNode,
  WriteOps,
} from '../store-ops.ts';
import type { NumberEncoding, QueryName, RunQuery } from './query-catalog.ts';

const CREATE_QUERY: Record<Exclude<EdgeType, 'IMPLEMENTS'>, QueryName> = {
  CITES: 'create-cites',
  ASSIGNS: 'create-assigns',
  ISSUED_BY: 'create-issued-by',
  HAS_TASK: 'create-has-task',
  PART_OF: 'create-part-of',
  AMENDS: 'create-amends',
  REPLACES: 'create-replaces',
  REPEALS: 'create-repeals',
  GUIDES: 'create-guides',
};

/** Table / label names as statistics keys. */
const STATS_LABEL: Readonly<Record<string, string>> = {
  Document: 'DOCUMENT',
  Task: 'TASK',
  Agency: 'AGENCY',
};

function column(row: Row, key: string): Row {
  const v = row[key];
  if (v === null || typeof v !== 'object') throw new StoreError('INTERNAL', `query result has no ${key}`);
  return v as Row;
}

function text(row: Row, key: string): string {
  const v = row[key];
  if (typeof v !== 'string') throw new StoreError('INTERNAL', `query result ${key} is not a string`);
  return v;
}

export class CypherOps implements ReadOps, WriteOps {
  constructor(
    private readonly run: RunQuery,
    private readonly numbers: NumberEncoding,
  ) {}

  private encodeRow(record: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = typeof v === 'number' ? this.numbers.inRow(v) : v;
    return out;
  }

  private criteria(c: DocumentCriteria): Record<string, unknown> {
    return {
      symbolKey: c.symbolKey ?? null,
      year: c.year === undefined ? null : this.numbers.integer(c.year),
      dateValue: c.dateValue ?? null,
      jurisdictionKey: c.jurisdictionKey ?? null,
      type: c.type ?? null,
      status: c.status ?? null,
      level: c.level ?? null,
      branch: c.branch ?? null,
      numbered: c.numbered ?? null,
    };
  }

  private async documents(name: QueryName, params: Record<string, unknown>): Promise<DocumentNode[]> {
    return (await this.run(name, params)).map((r) => documentFromRecord(column(r, 'n')).node);
  }

  private async hits(name: 'edges-from' | 'edges-to', ids: readonly string[], types: readonly EdgeType[]) {
    if (ids.length === 0 || types.length === 0) return [];
    const _otherEnd = (r: Row) => text(r, name === 'edges-from' ? 'toId' : 'fromId');
    const edgeOf = (r: Row) =>
      edgeFromRecord(text(r, 'type'), text(r, 'fromId'), text(r, 'toId'), column(r, 'e'));
    const rows = await this.run(name, { ids: [...new Set(ids)], types: [...types] });
    return rows.map(
      (r): EdgeHit => ({ edge: edgeOf(r), node: nodeFromRecord(text(r, 'label'), column(r, 'n')) }),
    );
  }

  async nodesById(ids: readonly string[]): Promise<StoredNode[]> {
    if (ids.length === 0) return [];
    const rows = await this.run('nodes-by-id', { ids: [...new Set(ids)] });
    return rows.map((r) => storedFromRecord(text(r, 'label'), column(r, 'n'))).filter((s) => s !== null);
  }

  edgesFrom(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]> {
    return this.hits('edges-from', ids, types);
  }

  edgesTo(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]> {
    return this.hits('edges-to', ids, types);
  }

  findDocuments(criteria: DocumentCriteria): Promise<DocumentNode[]> {
    return this.documents('find-documents', this.criteria(criteria));
  }

  documentsByMergedPrefix(prefix: string): Promise<DocumentNode[]> {
    return this.documents('documents-by-merged-prefix', { prefix });
  }

  async implementsTargets(ids: readonly string[]): Promise<Array<{ fromId: string; toId: string }>> {
    if (ids.length === 0) return [];
    const rows = await this.run('implements-targets', { ids: [...new Set(ids)] });
    return rows.map((r) => ({ fromId: text(r, 'fromId'), toId: text(r, 'toId') }));
  }

  documentsBySubject(foldedText: string): Promise<DocumentNode[]> {
    return this.documents('documents-by-subject', { text: foldedText });
  }

  /** Through the subject search, then the exact name key (Neo4j keeps no name keys: a scan, as before). */
  async documentsByName(name: string): Promise<DocumentNode[]> {
    const key = nameKey(name);
    const named = (v: string | null) => v !== null && nameKey(v) === key;
    return (await this.documentsBySubject(foldText(name))).filter(
      (d) => named(d.title) || named(d.promulgates),
    );
  }

  searchDocuments(tokens: readonly string[], limit: number): Promise<DocumentNode[]> {
    return this.documents('search-documents', { tokens: [...tokens], limit: this.numbers.integer(limit) });
  }

  async searchAgencies(tokens: readonly string[], limit: number): Promise<AgencyNode[]> {
    const rows = await this.run('search-agencies', {
      tokens: [...tokens],
      limit: this.numbers.integer(limit),
    });
    return rows.map((r) => agencyFromRecord(column(r, 'n')));
  }

  listDocuments(criteria: DocumentCriteria, after: string | null, limit: number): Promise<DocumentNode[]> {
    return this.documents('list-documents', {
      ...this.criteria(criteria),
      after: after ?? '',
      limit: this.numbers.integer(limit),
    });
  }

  async countDocuments(criteria: DocumentCriteria): Promise<number> {
    const [row] = await this.run('count-documents', this.criteria(criteria));
    return toNumber(row?.total ?? 0, 'total');
  }

  async exportNodes(): Promise<GraphNode[]> {
    return (await this.run('export-nodes', {})).map((r) => nodeFromRecord(text(r, 'label'), column(r, 'n')));
  }

  /** Every node as stored, with the internal fields (to load an in-memory copy). */
  async exportStored(): Promise<StoredNode[]> {
    return (await this.run('export-nodes', {}))
      .map((r) => storedFromRecord(text(r, 'label'), column(r, 'n')))
      .filter((s) => s !== null);
  }

  async exportEdges(): Promise<GraphEdge[]> {
    const rows = await this.run('export-edges', {});
    return rows.map((r) =>
      edgeFromRecord(text(r, 'type'), text(r, 'fromId'), text(r, 'toId'), column(r, 'e')),
    );
  }

  async countAll(): Promise<StatsRow[]> {
    const out: StatsRow[] = [];
    for (const name of ['count-nodes', 'count-edges', 'count-statuses'] as const) {
      for (const r of await this.run(name, {})) {
        const label = text(r, 'label');
        out.push({ label: STATS_LABEL[label] ?? label, count: toNumber(r.count, 'count') });
      }
    }
    return out;
  }

  async taskIdsOf(documentId: string): Promise<string[]> {
    return (await this.run('task-ids-of-document', { documentId })).map((r) => text(r, 'id'));
  }

  async deleteAssertedEdges(documentId: string, fromIds: readonly string[]) {
    const rows = await this.run('delete-asserted-edges', { fromIds: [...fromIds], documentId });
    return {
      removed: rows.length,
      endpoints: [...new Set(rows.flatMap((r) => [text(r, 'fromId'), text(r, 'toId')]))],
    };
  }

  async deleteTasks(ids: readonly string[]): Promise<number> {
    const [row] = await this.run('delete-tasks', { ids: [...ids] });
    return toNumber(row?.removed ?? 0, 'removed');
  }

  async deleteDocument(id: string): Promise<number> {
    const [row] = await this.run('delete-document', { id });
    return toNumber(row?.removed ?? 0, 'removed');
  }

  async createTasks(nodes: readonly TaskNode[]): Promise<void> {
    await this.run('create-tasks', { rows: nodes.map((n) => this.encodeRow(taskToRecord(n))) });
  }

  async createAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    await this.run('create-agencies', { rows: nodes.map((n) => this.encodeRow(agencyToRecord(n))) });
  }

  async updateAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    await this.run('update-agencies', { rows: nodes.map((n) => this.encodeRow(agencyToRecord(n))) });
  }

  async createDocuments(rows: readonly DocumentRow[]): Promise<void> {
    await this.run('create-documents', { rows: rows.map((r) => this.encodeRow(documentToRecord(r))) });
  }

  async updateDocuments(rows: readonly DocumentRow[]): Promise<void> {
    await this.run('update-documents', { rows: rows.map((r) => this.encodeRow(documentToRecord(r))) });
  }

  async upsertDocuments(rows: readonly DocumentRow[]): Promise<void> {
    await this.run('upsert-documents', { rows: rows.map((r) => this.encodeRow(documentToRecord(r))) });
  }

  async upsertAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    await this.run('upsert-agencies', { rows: nodes.map((n) => this.encodeRow(agencyToRecord(n))) });
  }

  async upsertTasks(nodes: readonly TaskNode[]): Promise<void> {
    await this.run('upsert-tasks', { rows: nodes.map((n) => this.encodeRow(taskToRecord(n))) });
  }

  async createEdges(type: EdgeType, edges: readonly GraphEdge[]): Promise<number> {
    // IMPLEMENTS starts at a document or a task: one query per source label, so both ends are key lookups.
    const batches: Array<[QueryName, GraphEdge[]]> =
      type === 'IMPLEMENTS'
        ? [
            ['create-implements-document', edges.filter((e) => nodeKindOf(e.from) === 'DOCUMENT')],
            ['create-implements-task', edges.filter((e) => nodeKindOf(e.from) === 'TASK')],
          ]
        : [[CREATE_QUERY[type], [...edges]]];
    let created = 0;
    for (const [name, batch] of batches) {
      if (batch.length === 0) continue;
      const [row] = await this.run(name, { rows: batch.map((e) => this.encodeRow(edgeToRecord(e))) });
      created += toNumber(row?.created ?? 0, 'created');
    }
    return created;
  }

  async deleteOrphans(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const name of ['delete-orphan-agencies', 'delete-orphan-documents'] as const) {
      const [row] = await this.run(name, { ids: [...ids] });
      removed += toNumber(row?.removed ?? 0, 'removed');
    }
    return removed;
  }

  /** The stored schema version, null on a fresh database. */
  async schemaVersion(): Promise<string | null> {
    const [row] = await this.run('meta-get', { id: 'schemaVersion' });
    const v = row?.value;
    return typeof v === 'string' ? v : null;
  }

  async setSchemaVersion(value: string): Promise<void> {
    await this.run('meta-set', { id: 'schemaVersion', value });
  }
}
