// Every `extensions.code` the API can return is in README's error table (and the schema's description), with the
// HTTP status it refuses a request with; the codes the HTTP layer and Apollo add are given where the table says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_CODES, HTTP_STATUS } from '../../src/api/errors.ts';
import { ROOT, seededApi } from './support.ts';

/** Codes that come from the HTTP layer (src/api/http.ts) or Apollo itself. */
const OTHER_CODES = [
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'INTERNAL_SERVER_ERROR',
];

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** code → the HTTP column of its row. */
const table = new Map(
  [...readme.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => [
    m[1] as string,
    (m[2] as string).trim(),
  ]),
);

describe('README error table', () => {
  it.each([...API_CODES, ...OTHER_CODES])('%s is documented, in the table and the schema', (code) => {
    expect(table.has(code), `README has no row for ${code}`).toBe(true);
    expect(readFileSync(join(ROOT, 'schema.graphql'), 'utf8')).toContain(code);
  });

  it('gives the status of every code that refuses a whole request', () => {
    for (const [code, status] of Object.entries(HTTP_STATUS))
      expect(table.get(code), code).toContain(String(status));
  });
});

describe('the codes the HTTP layer and Apollo add, as the table says', () => {
  const api = seededApi();

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const answer = async (r: Promise<Response>) => {
    const res = await r;
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return [res.status, body.errors?.[0]?.extensions?.code];
  };

  it.each([
    ['a body that is not JSON', () => post('{'), 400, 'BAD_REQUEST'],
    ['a JSON body without a query', () => post('{}'), 400, 'BAD_REQUEST'],
    [
      'a text/plain body (CSRF check)',
      () => post('{"query":"{ documents { totalCount } }"}', 'text/plain'),
      400,
      'BAD_REQUEST',
    ],
    [
      'PUT',
      () =>
        fetch(`${api.url}/graphql`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      405,
      'BAD_REQUEST',
    ],
    [
      'a query that does not parse',
      () => post(JSON.stringify({ query: '{ documents {' })),
      400,
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      'an unknown field',
      () => post(JSON.stringify({ query: '{ nonsense }' })),
      400,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'an operationName naming nothing',
      () => post(JSON.stringify({ query: '{ documents { totalCount } }', operationName: 'Nope' })),
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'an unknown persisted query',
      () =>
        post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })),
      200,
      'PERSISTED_QUERY_NOT_FOUND',
    ],
    ['a path the server does not serve', () => fetch(`${api.url}/nope`), 404, 'NOT_FOUND'],
  ])('%s', async (_what, request, status, code) => {
    expect(await answer(request())).toEqual([status, code]);
    expect(table.get(code)).toContain(String(status));
  });
});
