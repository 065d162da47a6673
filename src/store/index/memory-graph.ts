// Index: the whole graph in memory, implementing the same read/write primitives as the database adapters.
// The embedded store keeps one beside SQLite (see sqlite/sqlite-store.ts): every committed write is
// replayed here, and reads are answered from here, because a traversal in memory is 100–1,000× faster
// than the same walk as database queries. The database stays the source of truth; this is rebuilt from it
// at start. Objects go in through the same record codecs as database rows, so an
// answer from here is the answer the database would give.
import {
  type AgencyNode,
  type DocumentNode,
  type EdgeType,
  type GraphEdge,
  type GraphNode,
  jurisdictionKey,
  symbolKey,
  type TaskNode,
} from '../../model/graph.ts';
import {
  agencyFromRecord,
  agencyToRecord,
  byId,
  documentFromRecord,
  documentToRecord,
  edgeFromRecord,
  edgeToRecord,
  subjectText,
  taskFromRecord,
  taskToRecord,
} from '../records.ts';
import {
  type CriteriaValues,
  type DocumentCriteria,
  type DocumentRow,
  type EdgeHit,
  matchesCriteria,
  type ReadOps,
  type StatsRow,
  type StoredDocument,
  type StoredNode,
  type WriteOps,
} from '../store-ops.ts';

/** Derived keys the query files compute from stored columns. */
interface DocumentKeys {
  symbolKey: string | null;
  jurisdictionKey: string;
  subjectText: string;
}

/**
 * Answers share these objects, so a caller that changed one would change the graph. Under tests they are
 * frozen and such a caller fails loudly; elsewhere not, because frozen objects cost V8 40–65 % more memory
 * (measured: an edge 361 → 601 bytes, a task 232 → 664).
 */
const FREEZE = process.env.VITEST !== undefined;

function deepFreeze<T>(value: T): T {
  if (!FREEZE) return value;
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Strings read back from the database arrive as a fresh copy per row; one copy per distinct value keeps
 * a large graph's sources, assertedBy and agency ids from multiplying.
 */
class Interner {
  private readonly seen = new Map<string, string>();
  str<T extends string | null>(s: T): T {
    if (s === null) return s;
    const known = this.seen.get(s);
    if (known !== undefined) return known as T;
    this.seen.set(s, s);
    return s;
  }
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

function addToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFromSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

export class MemoryGraph implements ReadOps, WriteOps {
  private readonly docs = new Map<string, StoredDocument>();
  private readonly docKeys = new Map<string, DocumentKeys>();
  private readonly bySymbol = new Map<string, Set<string>>();
  private readonly byJurisdiction = new Map<string, Set<string>>();
  /** Documents with merged-away ids (few: merges are rare), for reads by such an id. */
  private readonly withMergedIds = new Set<string>();
  private readonly tasks = new Map<string, TaskNode>();
  private readonly agencies = new Map<string, AgencyNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly out = new Map<string, GraphEdge[]>();
  private readonly into = new Map<string, GraphEdge[]>();
  private readonly interner = new Interner();

  // --- loading and writing (the codecs make objects exactly as a database read would) -------------

  /** Adds stored nodes and edges as read from the database (at start). */
  load(nodes: Iterable<StoredNode>, edges: Iterable<GraphEdge>): void {
    for (const s of nodes) {
      if (s.kind === 'DOCUMENT') this.putDocument(s.stored);
      else if (s.kind === 'TASK') this.putTask(s.node);
      else this.putAgency(s.node);
    }
    for (const e of edges) this.putEdge(e);
  }

  private putDocument(stored: StoredDocument): void {
    const i = this.interner;
    const n = stored.node;
    const node: DocumentNode = {
      ...n,
      id: i.str(n.id),
      jurisdiction: i.str(n.jurisdiction),
      province: i.str(n.province),
      issuerName: i.str(n.issuerName),
      extractorVersion: i.str(n.extractorVersion),
      sources: n.sources.map((s) => i.str(s)),
    };
    this.unindexDocument(node.id);
    const keys: DocumentKeys = {
      symbolKey: node.symbol === null ? null : symbolKey(node.symbol),
      jurisdictionKey: jurisdictionKey(node.jurisdiction),
      subjectText: subjectText(node),
    };
    this.docs.set(node.id, deepFreeze({ node, assertedFrom: stored.assertedFrom.map((s) => i.str(s)) }));
    this.docKeys.set(node.id, keys);
    if (keys.symbolKey !== null) addToSet(this.bySymbol, keys.symbolKey, node.id);
    addToSet(this.byJurisdiction, keys.jurisdictionKey, node.id);
    if (node.mergedIds.length > 0) this.withMergedIds.add(node.id);
  }

  private unindexDocument(id: string): void {
    const keys = this.docKeys.get(id);
    if (!keys) return;
    if (keys.symbolKey !== null) removeFromSet(this.bySymbol, keys.symbolKey, id);
    removeFromSet(this.byJurisdiction, keys.jurisdictionKey, id);
    this.withMergedIds.delete(id);
    this.docKeys.delete(id);
  }

  private putTask(t: TaskNode): void {
    const i = this.interner;
    this.tasks.set(
      t.id,
      deepFreeze({ ...t, documentId: i.str(t.documentId), sources: t.sources.map((s) => i.str(s)) }),
    );
  }

  private putAgency(a: AgencyNode): void {
    const i = this.interner;
    this.agencies.set(
      a.id,
      deepFreeze({
        ...a,
        id: i.str(a.id),
        jurisdiction: i.str(a.jurisdiction),
        sources: a.sources.map((s) => i.str(s)),
      }),
    );
  }

  private putEdge(e: GraphEdge): void {
    const i = this.interner;
    const p = e.provenance;
    const edge = deepFreeze({
      ...e,
      from: i.str(e.from),
      to: i.str(e.to),
      provenance: {
        ...p,
        assertedBy: i.str(p.assertedBy),
        source: i.str(p.source),
        extractorVersion: i.str(p.extractorVersion),
      },
    }) as GraphEdge;
    const old = this.edges.get(edge.id);
    if (old) this.dropEdge(old);
    this.edges.set(edge.id, edge);
    addTo(this.out, edge.from, edge);
    addTo(this.into, edge.to, edge);
  }

  private dropEdge(e: GraphEdge): void {
    this.edges.delete(e.id);
    removeFrom(this.out, e.from, e);
    removeFrom(this.into, e.to, e);
  }

  private dropNode(id: string): void {
    for (const e of [...(this.out.get(id) ?? []), ...(this.into.get(id) ?? [])]) this.dropEdge(e);
    this.unindexDocument(id);
    this.docs.delete(id);
    this.tasks.delete(id);
    this.agencies.delete(id);
  }

  private nodeOf(id: string): GraphNode | undefined {
    return this.docs.get(id)?.node ?? this.tasks.get(id) ?? this.agencies.get(id);
  }

  private hasEdges(id: string): boolean {
    return this.out.has(id) || this.into.has(id);
  }

  // --- ReadOps -------------------------------------------------------------------------------------

  async nodesById(ids: readonly string[]): Promise<StoredNode[]> {
    const found: StoredNode[] = [];
    for (const id of new Set(ids)) {
      const d = this.docs.get(id);
      if (d) found.push({ kind: 'DOCUMENT', stored: d });
      const t = this.tasks.get(id);
      if (t) found.push({ kind: 'TASK', node: t });
      const a = this.agencies.get(id);
      if (a) found.push({ kind: 'AGENCY', node: a });
    }
    return found;
  }

  private hits(ids: readonly string[], types: readonly EdgeType[], direction: 'out' | 'in'): EdgeHit[] {
    const index = direction === 'out' ? this.out : this.into;
    const found: EdgeHit[] = [];
    for (const id of new Set(ids)) {
      for (const edge of index.get(id) ?? []) {
        if (!types.includes(edge.type)) continue;
        const node = this.nodeOf(direction === 'out' ? edge.to : edge.from);
        if (node) found.push({ edge, node });
      }
    }
    return found;
  }

  async edgesFrom(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]> {
    return this.hits(ids, types, 'out');
  }

  async edgesTo(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]> {
    return this.hits(ids, types, 'in');
  }

  /** Candidate ids for the criteria from the narrowest index; every candidate is still checked in full. */
  private candidates(c: DocumentCriteria): Iterable<string> {
    if (c.symbolKey !== undefined) return this.bySymbol.get(c.symbolKey) ?? [];
    if (c.jurisdictionKey !== undefined) return this.byJurisdiction.get(c.jurisdictionKey) ?? [];
    return this.docs.keys();
  }

  private matches(id: string, c: DocumentCriteria): DocumentNode | null {
    const d = this.docs.get(id)?.node;
    const k = this.docKeys.get(id);
    if (!d || !k) return null;
    const values: CriteriaValues = {
      symbolKey: k.symbolKey,
      jurisdictionKey: k.jurisdictionKey,
      dateValue: d.dateValue,
      year: d.year,
      type: d.type,
      status: d.status,
      level: d.level,
      branch: d.branch,
    };
    return matchesCriteria(values, c) ? d : null;
  }

  private matching(c: DocumentCriteria): DocumentNode[] {
    const found: DocumentNode[] = [];
    for (const id of this.candidates(c)) {
      const d = this.matches(id, c);
      if (d) found.push(d);
    }
    return found;
  }

  async findDocuments(criteria: DocumentCriteria): Promise<DocumentNode[]> {
    return this.matching(criteria);
  }

  async documentsByMergedPrefix(prefix: string): Promise<DocumentNode[]> {
    const found: DocumentNode[] = [];
    for (const id of this.withMergedIds) {
      const d = this.docs.get(id)?.node;
      if (d?.mergedIds.some((m) => m.startsWith(prefix))) found.push(d);
    }
    return found;
  }

  async implementsTargets(ids: readonly string[]): Promise<Array<{ fromId: string; toId: string }>> {
    const found: Array<{ fromId: string; toId: string }> = [];
    for (const id of new Set(ids)) {
      if (!this.docs.has(id)) continue;
      for (const e of this.out.get(id) ?? []) {
        if (e.type === 'IMPLEMENTS' && this.docs.has(e.to)) found.push({ fromId: id, toId: e.to });
      }
    }
    return found;
  }

  async documentsBySubject(foldedText: string): Promise<DocumentNode[]> {
    const found: DocumentNode[] = [];
    for (const [id, k] of this.docKeys) {
      const d = this.docs.get(id)?.node;
      if (d && k.subjectText.includes(foldedText)) found.push(d);
    }
    return found;
  }

  private searched<T extends { id: string; searchText: string }>(
    nodes: Iterable<T>,
    tokens: readonly string[],
    limit: number,
  ): T[] {
    const found: T[] = [];
    for (const n of nodes) if (tokens.every((t) => n.searchText.includes(t))) found.push(n);
    return found.sort(byId).slice(0, limit);
  }

  async searchDocuments(tokens: readonly string[], limit: number): Promise<DocumentNode[]> {
    return this.searched(
      [...this.docs.values()].map((d) => d.node),
      tokens,
      limit,
    );
  }

  async searchAgencies(tokens: readonly string[], limit: number): Promise<AgencyNode[]> {
    return this.searched(this.agencies.values(), tokens, limit);
  }

  async listDocuments(
    criteria: DocumentCriteria,
    after: string | null,
    limit: number,
  ): Promise<DocumentNode[]> {
    const from = after ?? '';
    return this.matching(criteria)
      .filter((d) => d.id > from)
      .sort(byId)
      .slice(0, limit);
  }

  async countDocuments(criteria: DocumentCriteria): Promise<number> {
    return this.matching(criteria).length;
  }

  async exportNodes(): Promise<GraphNode[]> {
    return [...[...this.docs.values()].map((d) => d.node), ...this.tasks.values(), ...this.agencies.values()];
  }

  async exportEdges(): Promise<GraphEdge[]> {
    return [...this.edges.values()];
  }

  async countAll(): Promise<StatsRow[]> {
    const counts = new Map<string, number>();
    const bump = (label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);
    for (const d of this.docs.values()) bump(d.node.status);
    for (const e of this.edges.values()) bump(e.type);
    const rows: StatsRow[] = [
      { label: 'DOCUMENT', count: this.docs.size },
      { label: 'TASK', count: this.tasks.size },
      { label: 'AGENCY', count: this.agencies.size },
    ];
    for (const [label, count] of counts) rows.push({ label, count });
    return rows.filter((r) => r.count > 0);
  }

  /** Node and edge counts, for start-up logs and memory figures. */
  size(): { nodes: number; edges: number } {
    return { nodes: this.docs.size + this.tasks.size + this.agencies.size, edges: this.edges.size };
  }

  // --- WriteOps (same effects as the query files) --------------------------------------------------

  async taskIdsOf(documentId: string): Promise<string[]> {
    return (this.out.get(documentId) ?? [])
      .filter((e) => e.type === 'HAS_TASK' && this.tasks.has(e.to))
      .map((e) => e.to);
  }

  async deleteAssertedEdges(documentId: string, fromIds: readonly string[]) {
    const endpoints = new Set<string>();
    let removed = 0;
    for (const id of new Set(fromIds)) {
      for (const e of [...(this.out.get(id) ?? [])]) {
        if (e.provenance.assertedBy !== documentId) continue;
        this.dropEdge(e);
        removed++;
        endpoints.add(e.from).add(e.to);
      }
    }
    return { removed, endpoints: [...endpoints] };
  }

  async deleteTasks(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const id of new Set(ids)) {
      if (!this.tasks.has(id)) continue;
      this.dropNode(id);
      removed++;
    }
    return removed;
  }

  async deleteDocument(id: string): Promise<number> {
    if (!this.docs.has(id)) return 0;
    this.dropNode(id);
    return 1;
  }

  async upsertDocuments(rows: readonly DocumentRow[]): Promise<void> {
    for (const row of rows) this.putDocument(documentFromRecord(documentToRecord(row)));
  }

  async upsertAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    for (const n of nodes) this.putAgency(agencyFromRecord(agencyToRecord(n)));
  }

  async upsertTasks(nodes: readonly TaskNode[]): Promise<void> {
    for (const n of nodes) this.putTask(taskFromRecord(taskToRecord(n)));
  }

  createTasks(nodes: readonly TaskNode[]): Promise<void> {
    return this.upsertTasks(nodes);
  }

  createAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    return this.upsertAgencies(nodes);
  }

  updateAgencies(nodes: readonly AgencyNode[]): Promise<void> {
    return this.upsertAgencies(nodes.filter((n) => this.agencies.has(n.id)));
  }

  createDocuments(rows: readonly DocumentRow[]): Promise<void> {
    return this.upsertDocuments(rows);
  }

  updateDocuments(rows: readonly DocumentRow[]): Promise<void> {
    return this.upsertDocuments(rows.filter((r) => this.docs.has(r.node.id)));
  }

  async createEdges(type: EdgeType, edges: readonly GraphEdge[]): Promise<number> {
    let created = 0;
    for (const e of edges) {
      // As the query files: an edge is created only between existing endpoints.
      if (!this.nodeOf(e.from) || !this.nodeOf(e.to)) continue;
      this.putEdge(edgeFromRecord(type, e.from, e.to, edgeToRecord(e)));
      created++;
    }
    return created;
  }

  async deleteOrphans(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const id of new Set(ids)) {
      if (this.hasEdges(id)) continue;
      if (this.agencies.has(id) || this.docs.get(id)?.node.status === 'CITED_ONLY') {
        this.dropNode(id);
        removed++;
      }
    }
    return removed;
  }
}
