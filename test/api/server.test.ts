// The main job's entry: configuration from the environment, startServer on a free port over the store the
// environment names, and a shutdown that closes that store (the database can be opened again at once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from '../../src/api/config.ts';
import { startServer } from '../../src/api/server.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { gql } from './support.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('configuration', () => {
  it('defaults: port 4000, loopback, mutations off, no CORS, introspection on, 1 s caches, texts beside the store', () => {
    const c = apiConfigFromEnv({ POLICY_GRAPH_STORE: '/srv/graph' }, '/app');
    expect(c).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      token: null,
      cors: null,
      introspection: true,
      production: false,
      answerCacheTtlMs: 1000,
    });
    expect(c.textCacheDir).toBe('/srv/graph/api-texts');
    expect(c.sourceRoots).toEqual(['/app']);
  });

  it('production turns introspection off unless asked; CORS takes a list', () => {
    const c = apiConfigFromEnv({
      NODE_ENV: 'production',
      CORS_ORIGIN: 'https://a.example, https://b.example',
      PORT: '8080',
    });
    expect(c).toMatchObject({
      production: true,
      introspection: false,
      port: 8080,
      cors: ['https://a.example', 'https://b.example'],
    });
    expect(apiConfigFromEnv({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(
      true,
    );
  });

  it.each([
    ['a short token', { POLICY_GRAPH_TOKEN: 'short' }, /at least 16/],
    ['a port out of range', { PORT: '70000' }, /PORT/],
    ['a page cap that is not a number', { API_MAX_PAGE_SIZE: 'lots' }, /API_MAX_PAGE_SIZE/],
  ])('refuses %s', (_what, env, message) => {
    expect(() => apiConfigFromEnv(env)).toThrow(message);
  });
});

describe('startServer', () => {
  it('serves the store the environment names, and shutdown closes it cleanly (twice is harmless)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-api-start-'));
    dirs.push(dir);
    const running = await startServer({
      port: 0,
      env: { POLICY_GRAPH_STORE: dir, POLICY_GRAPH_TOKEN: 'a-token-of-enough-length' },
    });
    expect(running.store.adapter).toBe('embedded');
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    const r = await gql(running.url, '{ documents { totalCount } }');
    expect(r.data).toEqual({ documents: { totalCount: 0 } });
    await Promise.all([running.shutdown(), running.shutdown()]);
    expect((await running.store.health()).ok).toBe(false);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    // The database lock was released: the same directory opens again.
    const again = new SqliteStore({ directory: dir });
    await again.init();
    expect((await again.health()).ok).toBe(true);
    await again.close();
  });
});
