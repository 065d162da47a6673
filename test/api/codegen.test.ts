// API schema checks: the committed resolver types are what the generator makes of schema.graphql today, and the
// resolver map binds to the schema (an entry for a type or field the schema lacks fails start-up).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, generateResolverTypes, SCHEMA_PATH } from '../../src/api/codegen/generate.ts';
import type { Resolvers } from '../../src/api/generated/resolver-types.ts';
import { resolvers } from '../../src/api/resolvers/index.ts';
import { buildApiSchema, loadSchemaText } from '../../src/api/schema.ts';

describe('schema-first', () => {
  it('src/api/generated/resolver-types.ts is up to date with schema.graphql (regenerate: node bin/run-ts.js src/api/codegen/generate.ts)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(
      generateResolverTypes(readFileSync(SCHEMA_PATH, 'utf8')),
    );
  });

  it('names every operation the issue fixes', () => {
    const schema = buildApiSchema(loadSchemaText(), resolvers);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual(
      expect.arrayContaining([
        'document',
        'documents',
        'lineage',
        'chain',
        'agency',
        'agencies',
        'mandates',
        'search',
        'coverage',
      ]),
    );
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {})).toEqual(['ingestDocument']);
  });

  it.each([
    // [what, a resolver map with one wrong entry]
    ['an unknown field', { ...resolvers, Document: { ...resolvers.Document, nonsense: () => 1 } }],
    ['an unknown type', { ...resolvers, Nonsense: {} }],
    ['resolvers for an enum', { ...resolvers, Role: {} }],
  ])('refuses %s', (_what, map) => {
    expect(() => buildApiSchema(loadSchemaText(), map as unknown as Resolvers)).toThrow();
  });
});
