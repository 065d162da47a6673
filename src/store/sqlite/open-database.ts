// SQLite adapter: opens the store's database file, refusing what is not one of our stores, checks it, sets
// the pragmas that make every acknowledged write durable, and brings its schema up to date.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../graph-store.ts';
import { loadMigrations } from './sql-files.ts';

/** Page cache per connection, in KiB. */
const CACHE_KIB = 65_536;

/** Marks a policy-graph store (PRAGMA application_id, "PGph"): another application's SQLite file is refused. */
export const APPLICATION_ID = 0x50477068;
/** How long a writer waits for another process's write transaction before giving up (a server and a CLI share a store). */
export const BUSY_TIMEOUT_MS = 10_000;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** `quick` (default) runs PRAGMA quick_check at open: a damaged b-tree is refused, not served. */
  check?: 'quick' | 'off';
  readonly?: boolean;
}

function refuse(file: string, problem: string, reason: string): never {
  throw new StoreError('UNAVAILABLE', `${file}: ${reason}`, { details: { file, problem } });
}

/** What the first bytes of an existing file say, before SQLite is let near it. */
function checkFileHeader(file: string): void {
  if (!existsSync(file)) return;
  const size = statSync(file).size;
  const wal = `${file}-wal`;
  if (size === 0) {
    // A store whose first transaction is still only in the WAL has an empty main file; anything else empty was truncated.
    if (existsSync(wal) && statSync(wal).size > 0) return;
    refuse(
      file,
      'EMPTY_FILE',
      'the store file is empty (0 bytes): it was truncated or is not a store; move it away to start a new one',
    );
  }
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER))
    refuse(file, 'FOREIGN_FILE', 'not a SQLite database, so not a policy-graph store');
}

function pragmaValue(db: Database.Database, pragma: string): unknown {
  return db.pragma(pragma, { simple: true });
}

function migrate(db: Database.Database, file: string): void {
  const migrations = loadMigrations();
  const latest = migrations.length;
  const version = Number(pragmaValue(db, 'user_version'));
  const appId = Number(pragmaValue(db, 'application_id'));
  const tables = Number(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get());
  if (appId !== APPLICATION_ID && !(appId === 0 && version === 0 && tables === 0)) {
    refuse(file, 'FOREIGN_FILE', 'a SQLite database of another application, not a policy-graph store');
  }
  if (version > latest) {
    refuse(
      file,
      'NEWER_SCHEMA',
      `schema version ${version}, newer than this program's ${latest}: upgrade policy-graph`,
    );
  }
  for (const m of migrations.slice(version)) {
    // Each migration and its version number commit together: a crash leaves the one before or after.
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/** Opens (creating when absent) the store at `file`; UNAVAILABLE with `details.problem` when it must not be used. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  checkFileHeader(file);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      const mode = pragmaValue(db, 'journal_mode = WAL');
      if (mode !== 'wal')
        refuse(file, 'NO_WAL', `cannot use a write-ahead log here (journal mode ${String(mode)})`);
    }
    // FULL: the WAL is synced at every commit, so an acknowledged write survives power loss, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 64 MiB of page cache (SQLite's default is 2 MiB): ingest inserts into the edge key and its reverse index at
    // random places, and at a national scale a 2 MiB cache reads most of those pages back from disk per insert.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    if ((options.check ?? 'quick') === 'quick') {
      const problems = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
      const first = problems[0]?.quick_check;
      if (first !== 'ok')
        refuse(
          file,
          'CORRUPT',
          `the store is damaged (quick_check: ${problems.map((p) => p.quick_check).join('; ')})`,
        );
    }
    if (!options.readonly) migrate(db, file);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // SQLITE_NOTADB and SQLITE_CORRUPT surface here for a file whose header survived but whose pages did not.
    return refuse(file, 'CORRUPT', `cannot open the store: ${message}`);
  }
}
