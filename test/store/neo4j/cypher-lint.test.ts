// Every Neo4j query file passes Neo4j's own linter with zero diagnostics, against the graph's labels, types, properties and declared parameters.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import {
  CYPHER_DIR,
  declaredParameters,
  parseCypherFile,
  usedParameters,
} from '../../../src/store/neo4j/cypher-files.ts';
import { QUERY_NAMES } from '../../../src/store/neo4j/query-catalog.ts';
import { PARAM_SAMPLES, schemaFor } from '../../support/cypher-schema.ts';

const dir = fileURLToPath(CYPHER_DIR);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.cypher'))
  .sort();

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
