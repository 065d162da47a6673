// The SQLite store at open: what it makes of a fresh directory, and what it refuses rather than serve or
// overwrite (an empty file, another program's file, a damaged file, a newer schema, a LadybugDB store).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { isStoreError, type StoreError } from '../../../src/store/graph-store.ts';
import { APPLICATION_ID } from '../../../src/store/sqlite/open-database.ts';
import { DATABASE_FILE, SQLITE_SCHEMA_VERSION, SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { allFacts } from '../../support/lineage-fixture.ts';
import { applyAll } from '../../support/store-assertions.ts';

const root = mkdtempSync(join(tmpdir(), 'policy-graph-sqlite-open-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `s-${++n}`);

/** The error init() fails with (the test fails if it succeeds). */
async function openError(directory: string): Promise<StoreError> {
  const store = new SqliteStore({ directory });
  try {
    await store.init();
  } catch (error) {
    if (isStoreError(error)) return error;
    throw error;
  }
  await store.close();
  throw new Error(`${directory} opened`);
}

async function loadedStore(directory: string): Promise<void> {
  const store = new SqliteStore({ directory });
  await store.init();
  await applyAll(store);
  await store.close();
}

describe('a fresh store', () => {
  it('is marked as ours, at the latest schema version, in WAL mode', async () => {
    const dir = freshDir();
    await loadedStore(dir);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) FROM node').pluck().get()).toBeGreaterThan(20);
    db.close();
  });

  it('opens again with the same graph, and every migration is applied once', async () => {
    const dir = freshDir();
    await loadedStore(dir);
    const a = new SqliteStore({ directory: dir });
    await a.init();
    const before = await a.exportAll();
    await a.close();
    const b = new SqliteStore({ directory: dir });
    await b.init();
    expect(await b.exportAll()).toEqual(before);
    await b.close();
  });
});

describe('refused at open, the file left as it was', () => {
  it('an empty file (a truncated store)', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, DATABASE_FILE), '');
    const error = await openError(dir);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toMatchObject({ problem: 'EMPTY_FILE' });
    expect(error.message).toMatch(/empty \(0 bytes\)/);
    expect(statSync(join(dir, DATABASE_FILE)).size).toBe(0);
  });

  it('a file that is not a database', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    const bytes = Buffer.from('Nghị quyết số 36-NQ/TW, not a database at all. '.repeat(200));
    writeFileSync(join(dir, DATABASE_FILE), bytes);
    expect((await openError(dir)).details).toMatchObject({ problem: 'FOREIGN_FILE' });
    expect(readFileSync(join(dir, DATABASE_FILE)).equals(bytes)).toBe(true);
  });

  it("another program's SQLite database", async () => {
    const dir = freshDir();
    mkdirSync(dir);
    const file = join(dir, DATABASE_FILE);
    const other = new Database(file);
    other.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)',
    );
    other.close();
    const error = await openError(dir);
    expect(error.details).toMatchObject({ problem: 'FOREIGN_FILE' });
    expect(error.message).toMatch(/another application/);
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(1);
    check.close();
  });

  it('a store written by a newer schema', async () => {
    const dir = freshDir();
    await loadedStore(dir);
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    db.close();
    const error = await openError(dir);
    expect(error.details).toMatchObject({ problem: 'NEWER_SCHEMA' });
    expect(error.message).toMatch(/upgrade policy-graph/);
  });

  it('a store with a damaged page (quick_check)', async () => {
    const dir = freshDir();
    await loadedStore(dir);
    const file = join(dir, DATABASE_FILE);
    const pageSize = (() => {
      const db = new Database(file, { readonly: true });
      const size = Number(db.pragma('page_size', { simple: true }));
      db.close();
      return size;
    })();
    const bytes = readFileSync(file);
    const pages = bytes.length / pageSize;
    expect(pages).toBeGreaterThan(4);
    // Every page but the first (the header and schema) overwritten with a pattern: b-trees and their headers are gone.
    for (let at = pageSize; at < bytes.length; at++) bytes[at] = (at * 31) & 0xff;
    writeFileSync(file, bytes);
    const error = await openError(dir);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toMatchObject({ problem: 'CORRUPT' });
  });

  it('a directory holding a LadybugDB store from before', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, 'graph.lbug'), 'x');
    const error = await openError(dir);
    expect(error.details).toMatchObject({ problem: 'LEGACY_STORE' });
    expect(error.message).toMatch(/ingest the documents again/);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(false);
  });
});

describe('two connections to one store (a server and a CLI)', () => {
  it("each one's index catches up with the other's commits", async () => {
    const dir = freshDir();
    const server = new SqliteStore({ directory: dir });
    const cli = new SqliteStore({ directory: dir });
    await server.init();
    await cli.init();
    const [first, ...rest] = allFacts();
    if (!first) throw new Error('no fixture');
    await server.applyDocument(first);
    expect((await cli.stats()).documents.FULL_TEXT).toBe(1);
    for (const f of rest) await cli.applyDocument(f);
    // The server's reads see what the CLI wrote, from an index rebuilt from the database.
    expect(await server.exportAll()).toEqual(await cli.databaseExport());
    expect(server.memoryState()).toMatchObject({ reloads: 0 });
    expect(server.memoryState().externalReloads).toBeGreaterThanOrEqual(1);
    // And a write by the server after that lands on the current state, not on its stale index.
    await server.applyDocument(first);
    expect(await server.exportAll()).toEqual(await server.databaseExport());
    expect(await cli.exportAll()).toEqual(await server.exportAll());
    await server.close();
    await cli.close();
  });
});
