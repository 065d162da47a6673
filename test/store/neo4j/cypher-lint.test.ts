// Every Neo4j query file passes Neo4j's own linter with zero diagnostics, against the graph's labels, types, properties and declared parameters.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DbSchema, lintCypherQuery, testData } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { EDGE_ENDPOINTS, EdgeType, type NodeKind } from '../../../src/model/graph.ts';
import {
  CYPHER_DIR,
  declaredParameters,
  parseCypherFile,
  usedParameters,
} from '../../../src/store/neo4j/cypher-files.ts';
import { QUERY_NAMES } from '../../../src/store/neo4j/query-catalog.ts';

const dir = fileURLToPath(CYPHER_DIR);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.cypher'))
  .sort();

/** A sample value per parameter name, of the type the adapter sends (the analyser types parameters from them). */
const PARAM_SAMPLES: Record<string, unknown> = {
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
const PROPERTY_KEYS = [
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

function schemaFor(params: readonly string[]): DbSchema {
  const parameters: Record<string, unknown> = {};
  for (const p of params) parameters[p] = PARAM_SAMPLES[p];
  return {
    labels: ['Node', 'StoreMeta', ...Object.values(LABEL)],
    relationshipTypes: [...EdgeType.options],
    propertyKeys: PROPERTY_KEYS,
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

describe('cypher/*.cypher (Neo4j dialect)', () => {
  it('holds exactly one file per query the adapters run', () => {
    expect(files).toEqual(QUERY_NAMES.map((n) => `${n}.cypher`).sort());
  });

  it.each(files)('%s declares its parameters and lints clean', (file) => {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    const declared = declaredParameters(text);
    expect(declared, 'a "// params:" line').not.toBeNull();
    expect(usedParameters(text)).toEqual(declared);
    for (const p of declared ?? []) expect(PARAM_SAMPLES, `a sample for $${p}`).toHaveProperty(p);
    expect(() => parseCypherFile(file, text)).not.toThrow();
    const { diagnostics } = lintCypherQuery(text, schemaFor(declared ?? []));
    expect(
      diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
    ).toEqual([]);
  });

  it('reports an undeclared parameter (the check is live)', () => {
    const { diagnostics } = lintCypherQuery('MATCH (d:Document {id: $missing}) RETURN d.id', schemaFor([]));
    expect(diagnostics.map((d) => d.message)).toContain('Parameter $missing is not defined.');
  });

  it('reports an unknown label and property (the schema check is live)', () => {
    const { diagnostics } = lintCypherQuery('MATCH (d:Documnet) RETURN d.titel', schemaFor([]));
    expect(diagnostics.length).toBeGreaterThanOrEqual(2);
  });
});
