// Test support: the database schema Neo4j's linter checks Cypher against — the graph's labels, relationship types
// and their ends, the property keys the adapters write, and a sample of each parameter they send.
import { type DbSchema, testData } from '@neo4j-cypher/language-support';
import { EDGE_ENDPOINTS, EdgeType, type NodeKind } from '../../src/model/graph.ts';

/** A sample value per parameter name, of the type the adapter sends (the analyser types parameters from them). */
export const PARAM_SAMPLES: Record<string, unknown> = {
  rows: [{ id: 'x' }],
  ids: ['x'],
  fromIds: ['x'],
  types: ['IMPLEMENTS'],
  tokens: [' x'],
  id: 'x',
  value: 'x',
  documentId: 'x',
  text: 'x',
  prefix: 'doc:',
  after: '',
  limit: 10,
  symbolKey: 'x',
  year: 2023,
  dateValue: '2023-01-30',
  jurisdictionKey: 'x',
  type: 'KE_HOACH',
  status: 'FULL_TEXT',
  level: 'PROVINCE',
  branch: 'STATE',
  numbered: true,
};

const LABEL: Record<NodeKind, string> = { DOCUMENT: 'Document', TASK: 'Task', AGENCY: 'Agency' };

/**
 * Property keys the adapter writes (kept in step with src/store/records.ts; a typo in a query file shows
 * up as a warning), plus `fromId`/`toId`, keys of the edge rows sent as parameters (the linter checks map keys too).
 */
export const PROPERTY_KEYS = [
  'fromId',
  'toId',
  'id',
  'value',
  'symbol',
  'symbolKey',
  'type',
  'issuerName',
  'branch',
  'level',
  'jurisdiction',
  'jurisdictionKey',
  'province',
  'dateValue',
  'dateText',
  'dateValid',
  'year',
  'title',
  'subject',
  'promulgates',
  'signer',
  'signerTitle',
  'term',
  'status',
  'sources',
  'contentHash',
  'extractorVersion',
  'searchText',
  'subjectText',
  'mergedIds',
  'identityNotes',
  'assertedFrom',
  'name',
  'variants',
  'documentId',
  'key',
  'label',
  'parentKey',
  'text',
  'groups',
  'deadlineKind',
  'deadlineValue',
  'deadlineText',
  'deadlineValid',
  'deadlineDates',
  'deadlineCondition',
  'deadlineRecurrence',
  'assertedBy',
  'source',
  'evidenceStart',
  'evidenceEnd',
  'method',
  'confidence',
  'basis',
  'role',
];

/** The schema for a query that declares `params` (samples from PARAM_SAMPLES unless given); `extraKeys` are map keys of its rows. */
export function schemaFor(
  params: readonly string[],
  samples: Readonly<Record<string, unknown>> = {},
  extraKeys: readonly string[] = [],
): DbSchema {
  const parameters: Record<string, unknown> = {};
  for (const p of params) parameters[p] = samples[p] ?? PARAM_SAMPLES[p];
  return {
    labels: ['Node', 'StoreMeta', ...Object.values(LABEL)],
    relationshipTypes: [...EdgeType.options],
    propertyKeys: [...PROPERTY_KEYS, ...extraKeys],
    parameters,
    // Neo4j's built-in functions and procedures as the package ships them: an unknown function is an error.
    functions: testData.mockSchema.functions ?? {},
    procedures: testData.mockSchema.procedures ?? {},
    defaultLanguage: 'CYPHER 5',
    // Every node also carries :Node, so each allowed pair holds with either label at either end.
    graphSchema: EdgeType.options.flatMap((relType) =>
      EDGE_ENDPOINTS[relType].from.flatMap((from) =>
        EDGE_ENDPOINTS[relType].to.flatMap((to) =>
          [LABEL[from], 'Node'].flatMap((f) => [LABEL[to], 'Node'].map((t) => ({ from: f, to: t, relType }))),
        ),
      ),
    ),
  };
}
