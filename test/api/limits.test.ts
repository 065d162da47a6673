// API abuse and plumbing over HTTP: depth, cost, page-size and query-size limits refused before the store is
// touched; introspection switch; errors masked in production; /healthz; CORS; mounted static routes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticRoute } from '../../src/api/static.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { codes, gql, type Started, startApi } from './support.ts';

let dir: string;
let store: SqliteStore;
let dev: Started;
let prod: Started;
/** A store without the in-memory index (as Neo4j): walks are priced statically, lineage lists at 300 items. */
let plain: SqliteStore;
let unindexed: Started;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pg-api-limits-'));
  store = new SqliteStore({ directory: join(dir, 'graph') });
  await store.init();
  dev = await startApi(store, { cors: ['https://viewer.example'] });
  prod = await startApi(store, { production: true, introspection: false });
  plain = new SqliteStore({ directory: join(dir, 'plain'), memoryIndex: false });
  await plain.init();
  unindexed = await startApi(plain);
});

afterAll(async () => {
  await dev?.close();
  await prod?.close();
  await unindexed?.close();
  await store?.close();
  await plain?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A query nesting `levels` fields: document → references → target → references → … → a scalar. */
function nested(levels: number): string {
  const fields = ['document(ref: "36-NQ/TW")'];
  while (fields.length < levels - 1) fields.push(fields.length % 2 === 1 ? 'references' : 'target');
  const leaf = fields[fields.length - 1] === 'references' ? 'symbol' : 'id';
  return `{ ${fields.map((f) => `${f} { `).join('')}${leaf}${' }'.repeat(fields.length)} }`;
}

describe('limits are enforced before any resolver touches the store', () => {
  it.each([
    // [what, code, HTTP status, query, variables]
    ['a 15-level nested query', 'DEPTH_LIMIT_EXCEEDED', 400, nested(15), {}],
    ['first: 100000', 'PAGE_SIZE_LIMIT_EXCEEDED', 400, '{ documents(first: 100000) { totalCount } }', {}],
    [
      'first: $n, with n = 100000',
      'PAGE_SIZE_LIMIT_EXCEEDED',
      400,
      'query($n: Int) { documents(first: $n) { totalCount } }',
      { n: 100_000 },
    ],
    [
      'nested lists under the page cap whose product is too large',
      'COST_LIMIT_EXCEEDED',
      400,
      '{ documents(first: 100) { edges { node { references { relations { from { id } to { id } } } citedBy { node { id } } tasks { id } } } } }',
      {},
    ],
    [
      'a 25,000-character query text',
      'QUERY_TOO_LARGE',
      413,
      `# ${'x'.repeat(25_000)}\n{ documents { totalCount } }`,
      {},
    ],
  ])('%s → %s', async (_what, code, status, query, variables) => {
    dev.counting.reset();
    const r = await gql(dev.url, query, variables);
    expect(codes(r)).toContain(code);
    expect(r.status).toBe(status);
    expect(r.data ?? null).toBeNull();
    expect(dev.counting.total()).toBe(0);
  });

  it('the limits do not refuse ordinary work: a full page, and a 9-level query with a small page', async () => {
    dev.counting.reset();
    const r = await gql(dev.url, `{ documents(first: 100) { totalCount edges { node { id } } } }`);
    expect(r.errors).toBeUndefined();
    expect(dev.counting.total()).toBeGreaterThan(0);
    const deep = await gql(
      dev.url,
      '{ mandates(first: 5) { totalCount edges { node { chain { steps { edges { provenance { evidence { start } } } } } } } } }',
    );
    expect(deep.errors).toBeUndefined();
    expect(deep.data).toEqual({ mandates: { totalCount: 0, edges: [] } }); // the store here is empty
    // Nesting alone is allowed up to the limit: a 12-level chain of single citations fails only on the missing data.
    expect(codes(await gql(dev.url, nested(6)))).toEqual(['NOT_FOUND']);
  });
});

describe('paged fields cost by their page; full lineage lists by their possible size', () => {
  const heavy = 'node { id ... on Document { tasks { id } } }';
  it.each([
    [
      'treePage(first: 101)',
      'PAGE_SIZE_LIMIT_EXCEEDED',
      '{ lineage(ref: "x") { treePage(first: 101) { totalCount } } }',
      {},
    ],
    [
      'nodesPage(first: $n), n = 500',
      'PAGE_SIZE_LIMIT_EXCEEDED',
      'query($n: Int) { lineage(ref: "x") { nodesPage(first: $n) { totalCount } } }',
      { n: 500 },
    ],
    [
      'subtree(first: 1000)',
      'PAGE_SIZE_LIMIT_EXCEEDED',
      '{ subtree(ref: "x", first: 1000) { totalCount } }',
      {},
    ],
    [
      'searchPage(first: 200)',
      'PAGE_SIZE_LIMIT_EXCEEDED',
      '{ searchPage(text: "x", first: 200) { totalCount } }',
      {},
    ],
    [
      'referencesPage(first: $n), n = 101',
      'PAGE_SIZE_LIMIT_EXCEEDED',
      'query($n: Int) { document(ref: "x") { referencesPage(first: $n) { totalCount } } }',
      { n: 101 },
    ],
    [
      'two subtree pages of 100 with tasks and citations',
      'COST_LIMIT_EXCEEDED',
      `{ a: subtree(ref: "x") { edges { node { ${heavy} } } } b: subtree(ref: "y") { edges { node { ${heavy} } } } }`,
      {},
    ],
  ])('%s → %s', async (_what, code, query, variables) => {
    dev.counting.reset();
    const r = await gql(dev.url, query, variables);
    expect(codes(r)).toContain(code);
    expect(r.status).toBe(400);
    expect(dev.counting.total()).toBe(0);
  });

  // Without an index the walks cannot be priced by the graph: the static estimate of before (full lineage lists at
  // 300 items). With one, these are priced by what the lineage holds (test/api/costs.test.ts), and on this empty
  // store they fail on the unknown ref instead.
  it.each([
    [
      'a lineage repeated under 40 aliases',
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: lineage(ref: "36-NQ/TW") { nodes { node { id } } }`).join(' ')} }`,
    ],
    // 300 assumed entries × (tasks: 10 + 30 tasks) = 12,000 points: the full tree with tasks under each entry.
    ['the full tree with each document’s tasks', `{ lineage(ref: "x") { tree { ${heavy} } } }`],
    ['the full node list with tasks', `{ lineage(ref: "x") { nodes { ${heavy} } } }`],
  ])('without an index: %s → COST_LIMIT_EXCEEDED', async (_what, query) => {
    unindexed.counting.reset();
    const r = await gql(unindexed.url, query);
    expect(codes(r)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.graphAware).toBe(false);
    expect(unindexed.counting.total()).toBe(0);
    const indexed = await gql(dev.url, query);
    expect(codes(indexed)).not.toContain('COST_LIMIT_EXCEEDED');
  });

  it.each([
    [
      'a tree page of 100 with tasks',
      `{ lineage(ref: "36-NQ/TW") { treeSize treePage(first: 100) { totalCount edges { cursor node { ${heavy} } } } } }`,
    ],
    [
      'a subtree page of 100 with tasks',
      `{ subtree(ref: "36-NQ/TW", filter: { province: "Kon Tum" }) { totalCount edges { node { childCount ${heavy} } } } }`,
    ],
    [
      'nodes, edges and tree pages side by side',
      '{ lineage(ref: "36-NQ/TW") { nodesPage { edges { node { node { id } } } } edgesPage { edges { node { id from { id } to { id } } } } treePage { edges { node { node { id } } } } } }',
    ],
    [
      'first: 0 for the counts alone',
      '{ lineage(ref: "36-NQ/TW") { nodesPage(first: 0) { totalCount } } searchPage(text: "x", first: 0) { totalCount } }',
    ],
  ])('%s is accepted (and fails only on the missing data)', async (_what, query) => {
    const r = await gql(dev.url, query);
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.status).toBe(200);
  });
});

describe('errors', () => {
  it('production: an unexpected failure is masked — code only, no message detail, no stack trace', async () => {
    prod.counting.failNext('resolveDocument');
    const r = await gql(prod.url, '{ document(ref: "36-NQ/TW") { id } }');
    expect(r.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['document'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(JSON.stringify(r.errors)).not.toMatch(/secret|driver|stack/i);
  });

  it('development: the same failure shows its message and stack (so the masking above is a choice)', async () => {
    dev.counting.failNext('resolveDocument');
    const r = await gql(dev.url, '{ document(ref: "36-NQ/TW") { id } }');
    expect(r.errors?.[0]?.message).toMatch(/driver exploded/);
    expect(r.errors?.[0]?.extensions?.stacktrace).toBeDefined();
  });

  it('production: known errors keep their code and message, without a stack trace', async () => {
    const r = await gql(prod.url, '{ document(ref: "99-NQ/TW") { id } }');
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.errors?.[0]?.message).toMatch(/no document matches/);
    expect(r.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });

  it('introspection can be switched off', async () => {
    const q = '{ __schema { queryType { name } } }';
    expect((await gql(dev.url, q)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(codes(await gql(prod.url, q))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('a body that is not JSON is a 400 with a code', async () => {
    const res = await fetch(`${dev.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code,
    ).toBe('BAD_REQUEST');
  });
});

describe('HTTP plumbing', () => {
  it('GET /healthz: 200 when the store answers, 503 when it does not (no detail in production)', async () => {
    const ok = await fetch(`${dev.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', adapter: 'embedded' });
    const sick: GraphStore = new Proxy(store as GraphStore, {
      get: (t, p, r) =>
        p === 'health'
          ? async () => ({ ok: false, adapter: 'embedded' as const, detail: 'disk gone at /secret' })
          : Reflect.get(t, p, r),
    });
    const down = await startApi(sick, { production: true });
    try {
      const res = await fetch(`${down.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', adapter: 'embedded' });
    } finally {
      await down.close();
    }
  });

  it('CORS: the configured origin is allowed (preflight included), another is not', async () => {
    const pre = await fetch(`${dev.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://viewer.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://viewer.example');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const yes = await gql(dev.url, '{ documents { totalCount } }', {}, { origin: 'https://viewer.example' });
    expect(yes.headers.get('access-control-allow-origin')).toBe('https://viewer.example');
    const no = await gql(dev.url, '{ documents { totalCount } }', {}, { origin: 'https://evil.example' });
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
    const none = await gql(
      prod.url,
      '{ documents { totalCount } }',
      {},
      { origin: 'https://viewer.example' },
    );
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a mounted static route serves the viewer and never a file outside its directory', async () => {
    const site = join(dir, 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    dev.api.mount(staticRoute('/viewer', site));
    const page = await fetch(`${dev.url}/viewer/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<title>viewer</title>');
    // A raw request: fetch would normalise the dots away before sending.
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(dev.url);
      request({ host: u.hostname, port: u.port, path: '/viewer/..%2fsecret.txt' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(404);
    // GraphQL and /healthz keep precedence over any route.
    expect((await fetch(`${dev.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${dev.url}/nothing-here`)).status).toBe(404);
  });
});
