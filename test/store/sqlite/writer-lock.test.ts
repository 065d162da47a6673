// One writing process per store: a CLI ingest into a store a server is serving is refused before any work, with a
// message naming the server's process; a lock left by a killed writer is taken over; readers are never refused.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../src/store/sqlite/writer-lock.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pg-lock-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

const env = (store: string) => ({ ...process.env, POLICY_GRAPH_STORE: store, PORT: '0' });
const cli = (args: string[], store: string) =>
  spawnSync(process.execPath, ['bin/policy-graph.js', ...args], {
    cwd: ROOT,
    env: env(store),
    encoding: 'utf8',
  });

describe('the writer lock', () => {
  it('refuses an ingest while a server writes the store, and lets readers in; free again once it stops', async () => {
    const store = join(work, 'served');
    const server = spawn(process.execPath, ['bin/policy-graph.js', 'serve', 'seeds'], {
      cwd: ROOT,
      env: env(store),
    });
    children.push(server);
    let out = '';
    server.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!out.includes('Ctrl-C stops') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain('Ctrl-C stops');

    const refused = cli(['ingest', 'seeds/000_5f6ac51fd7d22cf5.txt'], store);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`is being written by process ${server.pid} (serve`);
    expect(refused.stderr).toContain('mutation ingestDocument');
    // A reader is not a writer.
    const read = cli(['lineage', '36-NQ/TW@2023', '--json'], store);
    expect(read.status).toBe(0);

    server.kill('SIGTERM');
    await new Promise((r) => server.once('close', r));
    expect(existsSync(join(store, LOCK_FILE))).toBe(false);
    expect(cli(['ingest', 'seeds'], store).status).toBe(0);
  });

  it('takes over a lock whose process is gone (a writer killed with -9)', () => {
    const store = join(work, 'stale');
    mkdirSync(store, { recursive: true });
    // A pid that existed and is gone: a child that has exited.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const pid = Number(gone.stdout);
    writeFileSync(
      join(store, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), role: 'ingest', since: '2026-01-01' }),
    );
    const r = cli(['ingest', 'seeds'], store);
    expect(r.stderr).not.toContain('is being written');
    expect(r.status).toBe(0);
    expect(existsSync(join(store, LOCK_FILE))).toBe(false);
  });
});
