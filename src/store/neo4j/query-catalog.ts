// Neo4j adapter: the catalogue of named queries in `cypher/`.
import type { Row } from '../records.ts';

/** Every query file the adapter loads (cypher/<name>.cypher). */
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
  'create-amends',
  'create-replaces',
  'create-repeals',
  'create-guides',
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
export type QueryName = (typeof QUERY_NAMES)[number];

/** Runs one named query with exactly its declared parameters. */
export type RunQuery = (name: QueryName, params: Record<string, unknown>) => Promise<Row[]>;

/** How each database wants numbers in parameters. */
export interface NumberEncoding {
  /** A number inside a row of a batch parameter. */
  inRow: (n: number) => unknown;
  /** A scalar integer parameter (LIMIT, a year). */
  integer: (n: number) => unknown;
}
