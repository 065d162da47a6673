// Store internals: the small read/write primitives each adapter implements in its own dialect; the port's operations are composed from them once.
import type {
  AgencyNode,
  DocumentFilter,
  DocumentNode,
  DocumentStatus,
  EdgeType,
  GraphEdge,
  GraphNode,
  Lineage,
  TaskNode,
} from '../model/graph.ts';
import { StoreError } from './graph-store.ts';

/** A document as stored, with the internal list of edge sources it asserted (so its next version can find them without a scan). */
export interface StoredDocument {
  node: DocumentNode;
  assertedFrom: string[];
}

export type StoredNode =
  | { kind: 'DOCUMENT'; stored: StoredDocument }
  | { kind: 'TASK'; node: TaskNode }
  | { kind: 'AGENCY'; node: AgencyNode };

/** An edge and the node at its other end. */
export interface EdgeHit {
  edge: GraphEdge;
  node: GraphNode;
}

/** Document criteria reduced to stored keys; undefined = no condition. */
export interface DocumentCriteria {
  symbolKey?: string;
  year?: number;
  dateValue?: string;
  jurisdictionKey?: string;
  type?: string;
  status?: DocumentStatus;
  level?: string;
  branch?: string;
  /** Has a symbol (true) or none (false). */
  numbered?: boolean;
}

/** The values of a document that criteria are compared with (keys already folded). */
export interface CriteriaValues {
  symbolKey: string | null;
  jurisdictionKey: string;
  dateValue: string | null;
  year: number | null;
  type: string;
  status: string;
  level: string | null;
  branch: string | null;
}

/** Whether every criterion given holds (an absent criterion holds), as the find-documents query compares. */
export function matchesCriteria(v: CriteriaValues, c: DocumentCriteria): boolean {
  return (
    (c.symbolKey === undefined || v.symbolKey === c.symbolKey) &&
    (c.jurisdictionKey === undefined || v.jurisdictionKey === c.jurisdictionKey) &&
    (c.dateValue === undefined || v.dateValue === c.dateValue) &&
    (c.year === undefined || v.year === c.year) &&
    (c.type === undefined || v.type === c.type) &&
    (c.status === undefined || v.status === c.status) &&
    (c.level === undefined || v.level === c.level) &&
    (c.branch === undefined || v.branch === c.branch) &&
    (c.numbered === undefined || (v.symbolKey !== null) === c.numbered)
  );
}

export interface StatsRow {
  label: string;
  count: number;
}

/** The walk up from a start: every node reached, and per node the nodes one step up with the edges of each step. */
export interface UpGraph {
  nodeOf: Map<string, GraphNode>;
  up: Map<string, Map<string, GraphEdge[]>>;
}

/** Runs `work` in a read of its own (the store's queue and a transaction), as the port's reads do. */
export type Reread = <T>(work: (ops: ReadOps) => Promise<T>) => Promise<T>;

/**
 * A walk done inside a read whose answer is made afterwards, outside it, yielding to the event loop as it goes;
 * what the walk could not read from memory (node properties out of the cache) it reads in short reads of their
 * own (`reread`), between which other reads run. StaleRead when the graph changed in between: walk again.
 */
export interface PendingAnswer<T> {
  build(reread: Reread): Promise<T>;
}

/** The graph changed between the steps of a read made in several (PendingAnswer): nothing of it is kept. */
export class StaleRead extends StoreError {
  constructor() {
    super('INTERNAL', 'the graph changed while an answer was read in steps');
  }
}

/** Walks an adapter answers natively (the in-memory index, a recursive query), by the rules of traversal.ts. */
export interface NativeWalks {
  lineageDown?(root: GraphNode, depth: number): Lineage;
  /** lineageDown with the answer's objects made after the read (they need neither the index nor the database). */
  lineageDownLater?(root: GraphNode, depth: number): PendingAnswer<Lineage>;
  implementers?(root: GraphNode): DocumentNode[];
  /** traversal.upGraph; `id` is the id asked for (named in errors). */
  upGraph?(start: GraphNode, id: string): UpGraph;
}

export interface ReadOps {
  /** When present, traversal.ts hands these walks over instead of composing them from edge lookups. */
  readonly walks?: NativeWalks;
  nodesById(ids: readonly string[]): Promise<StoredNode[]>;
  /** Edges of the given types whose `from` is one of `ids`; `node` is the `to` end. */
  edgesFrom(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]>;
  /** Edges of the given types whose `to` is one of `ids`; `node` is the `from` end. */
  edgesTo(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]>;
  findDocuments(criteria: DocumentCriteria): Promise<DocumentNode[]>;
  /** Documents with a merged-away id starting with `prefix` (the caller checks the exact id). */
  documentsByMergedPrefix(prefix: string): Promise<DocumentNode[]>;
  /** Document-level IMPLEMENTS edges out of the given documents, one row per edge (duplicates when several documents assert one). */
  implementsTargets(ids: readonly string[]): Promise<Array<{ fromId: string; toId: string }>>;
  documentsBySubject(foldedText: string): Promise<DocumentNode[]>;
  /** Documents whose title or promulgated name is `name` (compared by text/fold.ts nameKey). */
  documentsByName(name: string): Promise<DocumentNode[]>;
  /** `tokens` are folded words; each must occur as a word prefix of the search text. */
  searchDocuments(tokens: readonly string[], limit: number): Promise<DocumentNode[]>;
  searchAgencies(tokens: readonly string[], limit: number): Promise<AgencyNode[]>;
  listDocuments(criteria: DocumentCriteria, after: string | null, limit: number): Promise<DocumentNode[]>;
  countDocuments(criteria: DocumentCriteria): Promise<number>;
  exportNodes(): Promise<GraphNode[]>;
  exportEdges(): Promise<GraphEdge[]>;
  /** Rows labelled DOCUMENT/TASK/AGENCY, edge types, and FULL_TEXT/CITED_ONLY. */
  countAll(): Promise<StatsRow[]>;
}

/** Rows written for a document: the node plus its internal asserted-edge sources. */
export interface DocumentRow {
  node: DocumentNode;
  assertedFrom: string[];
}

export interface WriteOps {
  nodesById(ids: readonly string[]): Promise<StoredNode[]>;
  edgesFrom(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]>;
  edgesTo(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]>;
  taskIdsOf(documentId: string): Promise<string[]>;
  /** Deletes the edges asserted by `documentId` that start at one of `fromIds`; returns the ids of both ends of each. */
  deleteAssertedEdges(
    documentId: string,
    fromIds: readonly string[],
  ): Promise<{ removed: number; endpoints: string[] }>;
  /** Deletes tasks with their edges. */
  deleteTasks(ids: readonly string[]): Promise<number>;
  /** Deletes one document with every edge still touching it; returns 1, or 0 when absent. */
  deleteDocument(id: string): Promise<number>;
  upsertDocuments(rows: readonly DocumentRow[]): Promise<void>;
  upsertAgencies(nodes: readonly AgencyNode[]): Promise<void>;
  upsertTasks(nodes: readonly TaskNode[]): Promise<void>;
  /** Writes tasks no stored node has the id of (a new document's); an adapter may load them in bulk. */
  createTasks(nodes: readonly TaskNode[]): Promise<void>;
  /** Writes agencies no stored node has the id of; an adapter may load them in bulk. */
  createAgencies(nodes: readonly AgencyNode[]): Promise<void>;
  /** Rewrites agencies known to be stored (a key lookup each, where an upsert may scan). */
  updateAgencies(nodes: readonly AgencyNode[]): Promise<void>;
  /** Writes document rows no stored node has the id of. */
  createDocuments(rows: readonly DocumentRow[]): Promise<void>;
  /** Rewrites document rows known to be stored. */
  updateDocuments(rows: readonly DocumentRow[]): Promise<void>;
  /** Creates edges of one type; returns how many were created (endpoints must exist). */
  createEdges(type: EdgeType, edges: readonly GraphEdge[]): Promise<number>;
  /** Deletes, among `ids`, agencies and CITED_ONLY documents that have no edge left. */
  deleteOrphans(ids: readonly string[]): Promise<number>;
}

export function criteriaFromFilter(
  filter: DocumentFilter,
  keyOf: (j: string | null) => string,
): DocumentCriteria {
  const c: DocumentCriteria = {};
  if (filter.type !== undefined) c.type = filter.type;
  if (filter.status !== undefined) c.status = filter.status;
  if (filter.issuerJurisdiction !== undefined) c.jurisdictionKey = keyOf(filter.issuerJurisdiction);
  if (filter.level !== undefined) c.level = filter.level;
  if (filter.branch !== undefined) c.branch = filter.branch;
  if (filter.year !== undefined) c.year = filter.year;
  return c;
}
