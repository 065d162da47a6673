// SIGTERM and Ctrl-C (SIGINT) against the real binary: idle, with a request in flight, and mid-ingest. Every
// time the store is closed (no write-ahead log left to replay), "stopped" is said, and the store opens again.
// Interrupted ingests leave a prefix of the work, and running the command again gives the clean store.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../bench/national/plan.ts';
import { generateDocuments } from '../../bench/national/write.ts';
import type { GraphExport } from '../../src/model/graph.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pg-signals-'));
const corpus = join(work, 'corpus');
let corpusFiles = 0;
let n = 0;

beforeAll(() => {
  // Enough documents for several batches of the ingest (500 documents or 2 M characters each, about 270 of
  // these), so a signal lands between them even though the next batches are extracted while one is written.
  for (const d of generateDocuments(buildPlan(7, 1_600))) {
    const path = join(corpus, d.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, d.text);
    corpusFiles++;
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[], store: string): Run {
  const child = spawn(process.execPath, ['bin/policy-graph.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, POLICY_GRAPH_STORE: store, PORT: '0', NODE_ENV: 'development' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, out: () => out, err: () => err, exit };
}

async function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function newStore(): string {
  return join(work, `store-${++n}`);
}

/** Whether a batch of documents has committed, read by a connection of our own (WAL readers do not block). */
function documentsCommitted(store: string): boolean {
  const file = join(store, 'graph.sqlite');
  if (!existsSync(file)) return false;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return Number(db.prepare('SELECT count(*) FROM document').pluck().get()) > 0;
  } catch {
    return false; // not created yet, or its schema not yet committed
  } finally {
    db?.close();
  }
}

/** Closed cleanly: SQLite removes the write-ahead log when the last connection closes. */
function closedCleanly(store: string): boolean {
  const wal = join(store, 'graph.sqlite-wal');
  return !existsSync(wal) || statSync(wal).size === 0;
}

async function exportOf(store: string): Promise<GraphExport> {
  const s = new SqliteStore({ directory: store });
  await s.init();
  try {
    return await s.exportAll();
  } finally {
    await s.close();
  }
}

const urlOf = (out: string) => /viewer: +(http:\/\/[^/\s]+)\//.exec(out)?.[1] ?? null;

describe('serve stops on a signal and closes the store', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('idle, %s: "stopped", exit 0, no log to replay', async (signal) => {
    const store = newStore();
    const r = run(['serve', 'seeds'], store);
    await until('the server', () => urlOf(r.out()) !== null);
    const health = await fetch(`${urlOf(r.out())}/healthz`);
    expect(health.status).toBe(200);
    r.child.kill(signal);
    const { code } = await r.exit;
    expect(code).toBe(0);
    expect(r.err()).toContain('"message":"stopped"');
    expect(closedCleanly(store)).toBe(true);
    expect((await exportOf(store)).nodes.length).toBeGreaterThan(30);
  });

  it('with a request in flight: it drains, then cuts it at the deadline, and still closes the store', async () => {
    const store = newStore();
    const r = run(['serve', 'seeds'], store);
    await until('the server', () => urlOf(r.out()) !== null);
    const url = new URL(urlOf(r.out()) as string);
    // A request whose body never finishes: the drain waits for it, then closes its socket.
    const socket = connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":',
    );
    let socketClosed = false;
    socket.on('close', () => {
      socketClosed = true;
    });
    socket.on('error', () => {});
    await new Promise((r) => setTimeout(r, 200));
    const sent = Date.now();
    r.child.kill('SIGTERM');
    const { code } = await r.exit;
    expect(code).toBe(0);
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(socketClosed).toBe(true);
    expect(r.err()).toContain('"message":"stopped"');
    expect(closedCleanly(store)).toBe(true);
  });

  it('mid-ingest: stops between batches, stores a prefix, does not serve', async () => {
    const store = newStore();
    const r = run(['serve', corpus], store);
    await until('the first batch', () => documentsCommitted(store));
    r.child.kill('SIGTERM');
    const { code } = await r.exit;
    expect(code).toBe(130);
    expect(r.err()).toMatch(/interrupted during ingest: \d+ files stored/);
    expect(r.out()).not.toContain('viewer:');
    expect(closedCleanly(store)).toBe(true);
    const partial = await exportOf(store);
    expect(partial.nodes.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('ingest stops on Ctrl-C between batches', () => {
  it('exit 130, a prefix stored, the store closed; running it again equals a clean ingest', async () => {
    const store = newStore();
    const r = run(['ingest', corpus], store);
    await until('the first batch', () => documentsCommitted(store));
    r.child.kill('SIGINT');
    const { code } = await r.exit;
    expect(code).toBe(130);
    const stored = Number(/interrupted: (\d+) of (\d+) files stored/.exec(r.err())?.[1]);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(corpusFiles);
    expect(closedCleanly(store)).toBe(true);

    const again = run(['ingest', corpus], store);
    expect((await again.exit).code).toBe(0);
    expect(await exportOf(store)).toEqual(await cleanExport());
  }, 180_000);
});

describe('ingest killed (kill -9) mid-run', () => {
  it('the store opens, holds whole documents only, and a re-ingest equals a clean ingest', async () => {
    const store = newStore();
    const r = run(['ingest', corpus], store);
    await until('the first batch', () => documentsCommitted(store));
    r.child.kill('SIGKILL');
    expect((await r.exit).signal).toBe('SIGKILL');
    // Opens (quick_check at open) with what was committed: every stored document has its text's facts.
    const partial = await exportOf(store);
    expect(partial.nodes.some((n) => n.kind === 'DOCUMENT' && n.status === 'FULL_TEXT')).toBe(true);
    const again = run(['ingest', corpus], store);
    expect((await again.exit).code).toBe(0);
    expect(await exportOf(store)).toEqual(await cleanExport());
  }, 180_000);
});

let clean: Promise<GraphExport> | null = null;
/** The corpus ingested in one uninterrupted run, into a store of its own (computed once). */
function cleanExport(): Promise<GraphExport> {
  clean ??= (async () => {
    const store = newStore();
    const fresh = run(['ingest', corpus], store);
    expect((await fresh.exit).code).toBe(0);
    return exportOf(store);
  })();
  return clean;
}
