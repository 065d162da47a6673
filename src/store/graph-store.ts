// Store port: the operations the resolver, CLI and API need from a graph store, and the typed errors every adapter throws.
import type { Level } from '../model/extraction.ts';
import type {
  AgencyMandates,
  ApplyResult,
  ChainUp,
  Citations,
  Coverage,
  Direction,
  DocumentFacts,
  DocumentFilter,
  DocumentNode,
  DocumentPage,
  DocumentQuery,
  GraphExport,
  GraphNode,
  GraphStats,
  IdentityNote,
  Lineage,
  MergeResult,
  PageRequest,
  SearchResult,
  StoreHealth,
} from '../model/graph.ts';

export type StoreErrorCode =
  /** The id or reference names nothing in the store. */
  | 'NOT_FOUND'
  /** A reference matches several nodes; `details.candidates` lists their ids. */
  | 'AMBIGUOUS'
  /** The database cannot be reached or opened (or the store is not initialised / closed). */
  | 'UNAVAILABLE'
  /** A write failed; the transaction was rolled back and the store is as before. */
  | 'WRITE_FAILED'
  /** The caller's arguments or facts are invalid; `details.issues` says where. */
  | 'INVALID_ARGUMENT'
  /** The store found something it cannot explain (a query file out of step with the code, a malformed record). */
  | 'INTERNAL';

/** The only error a store throws: a known code, a message for people, data for programs. The driver error, if any, is `cause`. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** The steps of `applyDocument`, in order; `afterStep` runs after each one inside the transaction. */
export type ApplyStep =
  | 'READ_STATE'
  | 'DELETE_EDGES'
  | 'DELETE_TASKS'
  | 'UPSERT_DOCUMENTS'
  | 'UPSERT_AGENCIES'
  | 'UPSERT_TASKS'
  | 'CREATE_EDGES'
  | 'DELETE_ORPHANS';

/** The steps of `mergeDocuments`, in order. */
export type MergeStep =
  | 'MERGE_READ_STATE'
  | 'MERGE_UPSERT_DOCUMENTS'
  | 'MERGE_CREATE_EDGES'
  | 'MERGE_DELETE_FROM';

export interface StoreHooks {
  /**
   * Runs inside the write transaction after each step; throwing aborts and rolls back (tests inject failures
   * here). `documentId` is the document applied, or for a merge the one merged away.
   */
  afterStep?: (step: ApplyStep | MergeStep, documentId: string) => void | Promise<void>;
}

/** What `applyDocuments` did with one document: its result, or the error that kept it out (nothing of it stored). */
export type BatchOutcome =
  | { documentId: string; result: ApplyResult; error: null }
  | { documentId: string; result: null; error: StoreError };

/**
 * Upper bounds on answers, from the graph's topology alone (sync, cheap, memoized until the next write). An id
 * the index does not hold gives null: price it by `total`.
 */
export interface WalkBounds {
  /** Nodes plus edges of the whole graph: no answer holds more. */
  readonly total: number;
  /** Assignments in the whole graph (the mandates a scope-less filter reads). */
  readonly assignments: number;
  /**
   * Items of `lineageDown(id, depth)`: 1 + its edges counted once per path, so at least its node count, its edge
   * count and its tree's entries.
   */
  down(id: string, depth: number): number | null;
  /** `chainUp(id)`: its paths, and its items (every path's nodes and step edges). */
  up(id: string): { paths: number; items: number } | null;
  /** Documents implementing a document directly or transitively (coverage, descendants), counted per path. */
  implementers(id: string): number | null;
  /** Assignments of an agency (its mandates). */
  agencyAssignments(id: string): number | null;
}

export interface GraphStore {
  readonly adapter: 'embedded' | 'neo4j';

  /** Opens the database and applies the schema (idempotent). Every other operation requires it. */
  init(): Promise<void>;
  close(): Promise<void>;
  /** Never throws. */
  health(): Promise<StoreHealth>;
  /**
   * A value that changes whenever the data may have changed, by any writer in any process; adapters that
   * cannot tell cheaply leave it out (caches then expire by time alone).
   */
  revision?(): Promise<string>;
  /**
   * Upper bounds on what walks from a node can answer, read off an in-memory index without building any answer
   * (what the API prices an operation by before running it); adapters without such an index leave it out or
   * answer null.
   */
  walkBounds?(): Promise<WalkBounds | null>;

  /**
   * Writes everything one document contributes, in ONE transaction. Same content hash and extractor
   * version as stored → UNCHANGED, nothing written. Otherwise the edges this document asserted before
   * and its tasks missing from the new version are removed, nodes are merged (a CITED_ONLY node with
   * the document's id becomes FULL_TEXT in place; mentioned documents only get empty fields filled),
   * and CITED_ONLY documents and agencies left without any edge are removed. On any failure the store
   * is exactly as before (WRITE_FAILED, or INVALID_ARGUMENT for facts that fail validation).
   */
  applyDocument(facts: DocumentFacts): Promise<ApplyResult>;

  /**
   * Applies many documents, each one all or nothing, with the results and final graph of `applyDocument`
   * called for each in order, but in far fewer round trips (new documents are written together). Several
   * documents share a transaction; when it fails, its documents are applied one by one, so only the
   * failing ones report an error and the rest land. One outcome per input, in input order.
   */
  applyDocuments(batch: readonly DocumentFacts[]): Promise<BatchOutcome[]>;

  /**
   * Merges document `fromId` into `intoId` in ONE write transaction; `from` disappears, everything pointing
   * at it now points at `into`. `from` must be CITED_ONLY (a full text keeps its id: its tasks are keyed by
   * it). `into` keeps its id and fields, empty ones filled from `from`; sources are united; `from`'s id joins
   * `into.mergedIds` and the note `into.identityNotes`. Each edge at `from` is re-created at `into` with
   * method `note.method` (if it was STATED or ALIAS_RESOLVED) and confidence at most 0.8, unless an edge
   * with its new id exists or it would loop on `into`. The documents that asserted the edges can still
   * replace them with a new version. Ids are exact node ids (a merged-away id is NOT_FOUND here).
   * NOT_FOUND when either is not a stored document; INVALID_ARGUMENT for the same id twice, a FULL_TEXT
   * `from` or a bad note; on any failure the store is exactly as before.
   */
  mergeDocuments(fromId: string, intoId: string, note: IdentityNote): Promise<MergeResult>;
  /**
   * For each given document id, the ids of the documents it IMPLEMENTS (document-level edges out of it,
   * whoever asserted them), sorted; [] for an id with none or not stored. Ids are exact node ids.
   */
  implementsTargets(ids: readonly string[]): Promise<Record<string, string[]>>;

  /**
   * Documents matching every given criterion (symbol compared by key: case, diacritics and spacing ignored).
   * A document also matches through a merged-away id: that id's symbol, jurisdiction and date stand in for
   * its own (its type, status, level and branch still apply).
   */
  findDocuments(query: DocumentQuery): Promise<DocumentNode[]>;
  /** Exactly one document for the query: NOT_FOUND for none, AMBIGUOUS (with candidates) for several. */
  resolveDocument(query: DocumentQuery): Promise<DocumentNode>;
  /** Documents whose folded title, subject or promulgated instrument contains the folded text. */
  findDocumentsBySubject(text: string): Promise<DocumentNode[]>;
  /** Documents whose title or promulgated name is `name`, compared by name key (text/fold.ts nameKey). */
  findDocumentsByName(name: string): Promise<DocumentNode[]>;
  /** NOT_FOUND when absent or not a document. A merged-away id gives the document it was merged into. */
  getDocument(id: string): Promise<DocumentNode>;
  /**
   * Any node by id; NOT_FOUND when absent. A merged-away document id gives the document it was merged into
   * (AMBIGUOUS if two documents claim it). The operations below that start from an id do the same.
   */
  getNode(id: string): Promise<GraphNode>;

  /**
   * Descendants through IMPLEMENTS up to `depth` hops: documents that implement a reached document
   * (expanded further, with all their tasks, the tasks' agencies and parts), and tasks that implement
   * one (with their agencies and the document that holds them, which is shown but not expanded).
   */
  lineageDown(id: string, depth: number): Promise<Lineage>;
  /**
   * Every path from a task or document up to every root through IMPLEMENTS. A task with no IMPLEMENTS
   * of its own goes up through its parent task, else through its document. Ordered by root, length, ids.
   */
  chainUp(id: string): Promise<ChainUp>;
  /**
   * Every document that carries out `documentId` directly or transitively through IMPLEMENTS (a document
   * holding an implementing task counts), sorted by id; the documents of a lineage without tasks and agencies.
   */
  descendants(documentId: string): Promise<DocumentNode[]>;
  /** CITES and IMPLEMENTS edges into (IN) or out of (OUT) a node. */
  citations(id: string, direction: Direction): Promise<Citations>;
  /**
   * Validity hints at a node: AMENDS, REPLACES, REPEALS and GUIDES edges out of it (OUT: what it amends, replaces,
   * repeals or guides) or into it (IN: what amends, replaces, repeals or guides it), sorted by edge id.
   */
  validity(id: string, direction: Direction): Promise<Citations>;
  agencyMandates(agencyId: string): Promise<AgencyMandates>;
  listDocuments(filter?: DocumentFilter, page?: PageRequest): Promise<DocumentPage>;
  /** Documents and agencies whose search text has every folded word of `text` as a word prefix. */
  search(text: string, limit?: number): Promise<SearchResult>;
  /**
   * Which `units` (jurisdictions of `level`, from the gazetteer) have a document of that level
   * implementing `documentId` directly or transitively (a document holding an implementing task counts).
   */
  coverage(documentId: string, level: Level, units: readonly string[]): Promise<Coverage>;
  /** The whole graph, nodes and edges sorted by id. */
  exportAll(): Promise<GraphExport>;
  stats(): Promise<GraphStats>;
}
