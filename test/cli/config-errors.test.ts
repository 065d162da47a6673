// A setting the server cannot run with is reported before any work: one line naming the variable, no stack trace,
// exit 2, and nothing ingested (the store directory is not even created).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pg-config-'));
let taken: Server;
let takenPort = 0;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
  takenPort = (taken.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

function serve(env: Record<string, string>, store: string) {
  return spawnSync(process.execPath, ['bin/policy-graph.js', 'serve', 'seeds'], {
    cwd: ROOT,
    env: { ...process.env, POLICY_GRAPH_STORE: store, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('serve with a bad setting', () => {
  it.each([
    ['PORT', { PORT: 'abc' }, /PORT="abc": expected a port number/],
    ['PORT', { PORT: '70000' }, /PORT="70000"/],
    ['POLICY_GRAPH_TOKEN', { POLICY_GRAPH_TOKEN: 'short' }, /POLICY_GRAPH_TOKEN has 5 characters/],
    ['API_MAX_DEPTH', { API_MAX_DEPTH: '-1' }, /API_MAX_DEPTH="-1": expected a whole number above 0/],
    ['GRAPHQL_INTROSPECTION', { GRAPHQL_INTROSPECTION: 'maybe' }, /GRAPHQL_INTROSPECTION="maybe"/],
    ['POLICY_GRAPH_MEMORY', { POLICY_GRAPH_MEMORY: 'maybe' }, /POLICY_GRAPH_MEMORY is "maybe"/],
    // neither a number of hops nor proxy addresses
    ['TRUST_PROXY', { TRUST_PROXY: 'yes' }, /TRUST_PROXY="yes": expected the number of proxies/],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.300' }, /TRUST_PROXY="10.0.0.300": expected/],
  ])('%s (%o): one line, exit 2, nothing ingested', (_name, env, message) => {
    const store = join(work, `store-${Object.values(env)[0]}`);
    const r = serve(env as Record<string, string>, store);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^policy-graph: configuration: /);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
    expect(r.stdout).not.toContain('ingest:');
    expect(existsSync(store)).toBe(false);
  });

  it('a port in use: one line naming it, exit 2, before the ingest', () => {
    const store = join(work, 'store-port-in-use');
    const r = serve({ PORT: String(takenPort) }, store);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `policy-graph: configuration: PORT=${takenPort}: 127.0.0.1:${takenPort} is in use (another server?); pick a free port`,
    );
    expect(existsSync(store)).toBe(false);
  });
});
