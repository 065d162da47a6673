// Viewer contract: every GraphQL operation of viewer/queries.js is valid against schema.graphql and within the
// API's default depth and cost limits (priced by the API's own rule), so a schema change that breaks the viewer
// fails here, without a browser.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The API's one graphql-js instance (see src/api/graphql.ts): the limits rule checks types by instanceof.
import {
  buildSchema,
  type DefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from '../../src/api/graphql.ts';
import { analyzeOperation, DEFAULT_LIMITS, limitViolations } from '../../src/api/limits.ts';

const root = new URL('../../', import.meta.url);
const schema = buildSchema(readFileSync(new URL('schema.graphql', root), 'utf8'));
// Plain browser JS: imported by URL so the type checker does not need declarations for it.
const queriesUrl = new URL('viewer/queries.js', root).href;
const queries = (await import(queriesUrl)) as Record<string, unknown>;
const operations = Object.entries(queries).filter((e): e is [string, string] => typeof e[1] === 'string');

const isOperation = (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION;

describe('viewer queries', () => {
  it('exports operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(8);
  });

  it.each(operations)('%s is valid and within the default limits', (_name, text) => {
    const doc = parse(text);
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    const fragments = new Map(
      doc.definitions.flatMap((d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
      ),
    );
    for (const op of doc.definitions.filter(isOperation)) {
      // Variables at their largest: a lineage of the deepest depth the viewer asks for.
      const analysis = analyzeOperation(schema, fragments, op, { depth: 10 }, DEFAULT_LIMITS.maxPageSize);
      expect(limitViolations(analysis, DEFAULT_LIMITS)).toEqual([]);
    }
  });
});
