// Store internals: the catalogue of named queries both adapters ship, and the closed set of labelled variants LadybugDB expands its templates to.
import { EDGE_ENDPOINTS, EdgeType } from '../model/graph.ts';
import { LABEL_OF, type Row } from './records.ts';

/** Every query file an adapter must provide (cypher/<name>.cypher and cypher/embedded/<name>.cypher). */
export const QUERY_NAMES = [
  'schema',
  'meta-get',
  'meta-set',
  'nodes-by-id',
  'edges-from',
  'edges-to',
  'task-ids-of-document',
  'delete-asserted-edges',
  'delete-tasks',
  'delete-orphan-agencies',
  'delete-orphan-documents',
  'upsert-documents',
  'upsert-agencies',
  'upsert-tasks',
  'create-documents',
  'create-agencies',
  'create-tasks',
  'update-documents',
  'update-agencies',
  'create-implements-document',
  'create-implements-task',
  'create-cites',
  'create-assigns',
  'create-issued-by',
  'create-has-task',
  'create-part-of',
  'find-documents',
  'documents-by-merged-prefix',
  'implements-targets',
  'delete-document',
  'list-documents',
  'count-documents',
  'documents-by-subject',
  'search-documents',
  'search-agencies',
  'export-nodes',
  'export-edges',
  'count-nodes',
  'count-edges',
  'count-statuses',
] as const;
/**
 * LadybugDB-only: edge lookups anchored on ONE id. A pattern anchored on a parameter (`{id: $id}`) is a
 * key lookup plus an adjacency scan (~5 ms whatever the graph size); anchored on an UNWIND variable it
 * is planned as a join over the whole relationship table (10–140 ms on a 35k-node graph).
 */
export const EMBEDDED_ONLY_QUERIES = ['edges-from-one', 'edges-to-one'] as const;
export type QueryName = (typeof QUERY_NAMES)[number] | (typeof EMBEDDED_ONLY_QUERIES)[number];

/** Runs one named query (one `variant` of it, for a templated file) with exactly its declared parameters. */
export type RunQuery = (name: QueryName, params: Record<string, unknown>, variant?: string) => Promise<Row[]>;

/**
 * How lookups by id are written. `generic`: one query over every label (Neo4j: every node also carries
 * :Node, and the planner expands from the indexed end). `per-label`: one labelled, typed variant per
 * table pair, expanded from a template at start-up (LadybugDB: a pattern over every table, and returning
 * node objects from it, cost ~5 ms per call on a 30-node graph; the labelled variants ~0.5–1 ms).
 */
export type QueryLayout = 'generic' | 'per-label';

/** Every (edge type, from label, to label) the schema allows. */
export const EDGE_PAIRS = EdgeType.options.flatMap((type) =>
  EDGE_ENDPOINTS[type].from.flatMap((fromKind) =>
    EDGE_ENDPOINTS[type].to.map((toKind) => ({
      type,
      fromKind,
      toKind,
      key: `${type}:${LABEL_OF[fromKind]}:${LABEL_OF[toKind]}`,
    })),
  ),
);

const edgeVariants = EDGE_PAIRS.map((p) => ({
  key: p.key,
  vars: { TYPE: p.type, FROM: LABEL_OF[p.fromKind], TO: LABEL_OF[p.toKind] },
}));

/** The closed set of variants a `per-label` template is expanded to: a key and its placeholder values. */
export const QUERY_VARIANTS: Partial<
  Record<QueryName, ReadonlyArray<{ key: string; vars: Record<string, string> }>>
> = {
  'nodes-by-id': Object.values(LABEL_OF).map((label) => ({ key: label, vars: { LABEL: label } })),
  'edges-from': edgeVariants,
  'edges-to': edgeVariants,
  'edges-from-one': edgeVariants,
  'edges-to-one': edgeVariants,
};

/** How each database wants numbers in parameters. */
export interface NumberEncoding {
  /** A number inside a row of a batch parameter. */
  inRow: (n: number) => unknown;
  /** A scalar integer parameter (LIMIT, a year). */
  integer: (n: number) => unknown;
}
