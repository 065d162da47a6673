// Embedded adapter (default): the store port over SQLite in a local directory, through better-sqlite3;
// nothing to install or start. SQLite is the source of truth; reads come from an index in memory beside it.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { GraphExport, StoreHealth } from '../../model/graph.ts';
import {
  isStoreError,
  StoreError,
  type StoreErrorCode,
  type StoreHooks,
  type WalkBounds,
} from '../graph-store.ts';
import { buildIndex, followChanges } from '../index/follow-changes.ts';
import { GraphIndex } from '../index/graph-index.ts';
import {
  readSnapshot,
  removeStaleTemporaries,
  type SnapshotStamp,
  writeSnapshot,
} from '../index/index-snapshot.ts';
import { IndexedOps } from '../index/indexed-ops.ts';
import { NodeCache } from '../index/node-cache.ts';
import { IndexBounds } from '../index/walk-bounds.ts';
import { Serial } from '../serial.ts';
import { SharedGraphStore, sortedExport } from '../shared-store.ts';
import type { ReadOps, WriteOps } from '../store-ops.ts';
import { type FileIdentity, fileIdentity, fileMoved, lowDiskSpace } from './file-identity.ts';
import { openDatabase } from './open-database.ts';
import { loadMigrations } from './sql-files.ts';
import { SqliteOps } from './sqlite-ops.ts';
import { acquireWriterLock, type WriterLock } from './writer-lock.ts';

export const DEFAULT_EMBEDDED_DIRECTORY = './data/graph';
export const DATABASE_FILE = 'graph.sqlite';
/** The in-memory index saved at close (index-snapshot.ts); always rebuildable from the database. */
export const INDEX_FILE = 'graph.index';
/** The schema version this code writes: the number of migrations (sql/migrations/). */
export const SQLITE_SCHEMA_VERSION = loadMigrations().length;
/** The file LadybugDB stores (before Step 7) used: such a directory is refused, not silently shadowed. */
const LEGACY_FILE = 'graph.lbug';

export interface SqliteStoreOptions {
  /** Directory holding the database (created if missing). */
  directory?: string;
  hooks?: StoreHooks;
  /**
   * Keep an index of the graph in memory (default true): reads are answered from it, every committed write
   * is replayed there. Off, every read is a database query.
   */
  memoryIndex?: boolean;
  /** PRAGMA quick_check at open (default `quick`); `off` skips it, for tools that open a store many times. */
  check?: 'quick' | 'off';
  /**
   * The writer lock (one writing process per store): taken at open by a process that will write (`serve`,
   * `ingest`: a second one is refused before any work), else at the first write. `role` names this process to
   * the one refused.
   */
  writer?: { role: string; at: 'open' | 'first-write' };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function translate(error: unknown, code: StoreErrorCode, what: string): StoreError {
  return isStoreError(error) ? error : new StoreError(code, `${what}: ${message(error)}`, { cause: error });
}

interface Open {
  db: Database.Database;
  ops: SqliteOps;
  /** PRAGMA data_version as last seen: it changes when another connection (another process) commits. */
  dataVersion: number;
  /** Prepared once: a read of the index costs microseconds, and preparing these on every read cost a third of it. */
  tx: Record<'BEGIN' | 'BEGIN IMMEDIATE' | 'COMMIT' | 'ROLLBACK' | 'data_version', Database.Statement>;
}

function transactionStatements(db: Database.Database): Open['tx'] {
  return {
    BEGIN: db.prepare('BEGIN'),
    'BEGIN IMMEDIATE': db.prepare('BEGIN IMMEDIATE'),
    COMMIT: db.prepare('COMMIT'),
    ROLLBACK: db.prepare('ROLLBACK'),
    data_version: db.prepare('PRAGMA data_version').pluck(),
  };
}

export class SqliteStore extends SharedGraphStore {
  readonly adapter = 'embedded' as const;
  readonly directory: string;
  private readonly memoryIndex: boolean;
  private readonly check: 'quick' | 'off';
  /** One connection: store operations queue here, so a read never sees half of a write. */
  private readonly serial = new Serial();
  private open: Open | null = null;
  /** The graph's topology in memory, with the cache of node properties read through it; null when off. */
  private memory: { index: GraphIndex; cache: NodeCache; ops: IndexedOps } | null = null;
  /** Times the index was rebuilt because following a write's changes failed (a bug if ever > 0). */
  private memoryReloads = 0;
  /** The revision the index snapshot file holds, when this store read or wrote it. */
  private snapshotRevision: string | null = null;
  private loadedFrom: 'snapshot' | 'database' = 'database';
  /** Times the index was rebuilt because another process wrote to the store. */
  private externalReloads = 0;
  /** Device and inode of the file opened: a removed or replaced file is told from the one written to. */
  private identity: FileIdentity | null = null;
  /** Why the last write failed, until a write succeeds (reported by health). */
  private lastWriteFailure: string | null = null;

  constructor(options: SqliteStoreOptions = {}) {
    super(options.hooks ?? {});
    this.directory = resolve(options.directory ?? DEFAULT_EMBEDDED_DIRECTORY);
    this.memoryIndex = options.memoryIndex ?? true;
    this.check = options.check ?? 'quick';
    this.writer = options.writer ?? { role: 'policy-graph', at: 'first-write' };
  }

  private readonly writer: { role: string; at: 'open' | 'first-write' };
  private lock: WriterLock | null = null;

  private takeLock(): void {
    this.lock ??= acquireWriterLock(this.directory, this.writer.role);
  }

  get file(): string {
    return join(this.directory, DATABASE_FILE);
  }

  async init(): Promise<void> {
    await this.serial.run(async () => {
      if (this.open) return;
      let db: Database.Database | null = null;
      try {
        await mkdir(this.directory, { recursive: true });
        if (this.writer.at === 'open') this.takeLock();
        if (existsSync(join(this.directory, LEGACY_FILE)) && !existsSync(this.file)) {
          throw new StoreError(
            'UNAVAILABLE',
            `${this.directory} holds a LadybugDB store written before version 0.2; ingest the documents again into a new directory`,
            { details: { file: join(this.directory, LEGACY_FILE), problem: 'LEGACY_STORE' } },
          );
        }
        db = openDatabase(this.file, { check: this.check });
        removeStaleTemporaries(this.indexFile);
        this.identity = fileIdentity(this.file);
        this.lastWriteFailure = null;
        const open: Open = { db, ops: new SqliteOps(db), dataVersion: 0, tx: transactionStatements(db) };
        this.open = open;
        this.inTransaction(open, 'BEGIN', () => {
          open.dataVersion = this.dataVersion(open);
          if (this.memoryIndex) this.loadMemory(open, true);
        });
      } catch (error) {
        this.open = null;
        this.memory = null;
        db?.close();
        this.lock?.release();
        this.lock = null;
        throw translate(error, 'UNAVAILABLE', `cannot open the graph at ${this.directory}`);
      }
    });
  }

  /** Commits through this store; with SQLite's data_version (other connections' commits), the revision. */
  private commits = 0;

  async revision(): Promise<string> {
    return this.serial.run(async () => `${this.dataVersion(this.requireOpen())}:${this.commits}`);
  }

  /** The bounds of the current index state (a new object after any write, here or in another process). */
  private bounds: { index: GraphIndex; commits: number; bounds: IndexBounds } | null = null;

  async walkBounds(): Promise<WalkBounds | null> {
    // Through `read`, so the index has caught up with other processes' commits first.
    return this.read(async () => {
      const memory = this.memory;
      if (memory === null) return null;
      const b = this.bounds;
      if (b !== null && b.index === memory.index && b.commits === this.commits) return b.bounds;
      const bounds = new IndexBounds(memory.index);
      this.bounds = { index: memory.index, commits: this.commits, bounds };
      return bounds;
    });
  }

  private dataVersion(open: Open): number {
    return Number(open.tx.data_version.get());
  }

  /** Runs synchronous `work` in one transaction (a consistent snapshot for reads). */
  private inTransaction<T>(open: Open, begin: 'BEGIN' | 'BEGIN IMMEDIATE', work: () => T): T {
    open.tx[begin].run();
    try {
      const result = work();
      open.tx.COMMIT.run();
      return result;
    } catch (error) {
      if (open.db.inTransaction) open.tx.ROLLBACK.run();
      throw error;
    }
  }

  /** Builds the in-memory index from the database, streaming rows (call inside a transaction). */
  private loadMemory(open: Open, fromSnapshot = false): void {
    this.memory = null;
    const stamp = fromSnapshot ? this.stamp(open) : null;
    const saved = stamp ? readSnapshot(this.indexFile, stamp) : null;
    const loaded = saved ? GraphIndex.fromParts(saved) : null;
    this.snapshotRevision = loaded && stamp ? stamp.revision : null;
    this.loadedFrom = loaded ? 'snapshot' : 'database';
    const index = loaded ?? buildIndex(open.ops);
    const cache = new NodeCache((n) => {
      const kind = index.kindOf(n);
      return kind === null ? null : open.ops.nodeAt({ n, kind });
    });
    this.memory = { index, cache, ops: new IndexedOps(index, open.ops, cache) };
  }

  /** Another process committed since the index was built or last written: rebuild it (inside a transaction). */
  private catchUp(open: Open): void {
    const now = this.dataVersion(open);
    if (now === open.dataVersion) return;
    open.dataVersion = now;
    if (this.memory) {
      this.externalReloads++;
      this.loadMemory(open);
    }
  }

  get indexFile(): string {
    return join(this.directory, INDEX_FILE);
  }

  /** The database state the index would be saved for (call inside a transaction). */
  private stamp(open: Open): SnapshotStamp {
    return {
      revision: open.ops.revision(),
      schemaVersion: Number(open.db.pragma('user_version', { simple: true })),
    };
  }

  /**
   * Saves the index for the next open, unless the file already holds this revision or another process wrote
   * since the index last caught up (then the index is not the database's). A failure only costs the next open a
   * rebuild, so it is not the caller's error.
   */
  private saveSnapshot(open: Open): void {
    const memory = this.memory;
    if (!memory) return;
    try {
      this.inTransaction(open, 'BEGIN', () => {
        if (this.dataVersion(open) !== open.dataVersion) return;
        const stamp = this.stamp(open);
        if (stamp.revision === this.snapshotRevision) return;
        writeSnapshot(this.indexFile, memory.index.parts(), stamp);
        this.snapshotRevision = stamp.revision;
      });
    } catch {
      // the next open rebuilds the index from the database
    }
  }

  /** Whether reads come from memory, and how big that copy is. */
  memoryState(): {
    enabled: boolean;
    /** Where the index came from at open: the snapshot file, or the database's rows. */
    loadedFrom: 'snapshot' | 'database' | null;
    nodes: number;
    edges: number;
    reloads: number;
    externalReloads: number;
  } {
    const size = this.memory?.index.size() ?? { nodes: 0, edges: 0 };
    return {
      enabled: this.memory !== null,
      loadedFrom: this.memory === null ? null : this.loadedFrom,
      ...size,
      reloads: this.memoryReloads,
      externalReloads: this.externalReloads,
    };
  }

  /** The whole graph read from the database itself, never from memory (to check that both agree). */
  async databaseExport(): Promise<GraphExport> {
    return this.serial.run(async () => {
      const open = this.requireOpen();
      open.tx.BEGIN.run();
      try {
        return await sortedExport(open.ops);
      } finally {
        open.tx.COMMIT.run();
      }
    });
  }

  async close(): Promise<void> {
    await this.serial.run(async () => {
      const open = this.open;
      if (!open) return;
      this.saveSnapshot(open);
      this.open = null;
      this.memory = null;
      // The last connection to close checkpoints the WAL into the main file and removes it.
      open.db.close();
      this.lock?.release();
      this.lock = null;
    });
  }

  async health(): Promise<StoreHealth> {
    try {
      const version = await this.serial.run(async () => {
        const open = this.requireOpen();
        return String(open.db.prepare('SELECT sqlite_version()').pluck().get());
      });
      await this.read((ops) => ops.countDocuments({}));
      const detail = `SQLite ${version} at ${this.file}`;
      const degraded = this.writeProblem() ?? (await lowDiskSpace(this.directory));
      return degraded === null
        ? { ok: true, adapter: 'embedded', detail }
        : { ok: false, adapter: 'embedded', detail: `${detail}; ${degraded}`, degraded };
    } catch (error) {
      return { ok: false, adapter: 'embedded', detail: message(error) };
    }
  }

  /** Why a write now would not be durable, or null: the file opened is gone or replaced, or the last write failed. */
  private writeProblem(): string | null {
    const moved = this.identity === null ? null : fileMoved(this.file, this.identity);
    if (moved !== null) return moved;
    return this.lastWriteFailure === null ? null : `the last write failed: ${this.lastWriteFailure}`;
  }

  /** A write is refused, or its commit disowned, when the file it went to is no longer the store's file. */
  private refuseIfMoved(after: 'before' | 'after'): void {
    const moved = this.identity === null ? null : fileMoved(this.file, this.identity);
    if (moved === null) return;
    throw new StoreError(
      'WRITE_FAILED',
      after === 'before'
        ? `${moved}: nothing was stored; restart the server to reopen the store`
        : `${moved} during the write: it went to the removed file and is not kept; restart the server to reopen the store`,
      { details: { file: this.file, problem: 'STORE_FILE_MOVED' } },
    );
  }

  private requireOpen(): Open {
    if (!this.open) throw new StoreError('UNAVAILABLE', 'the embedded store is not open (call init)');
    return this.open;
  }

  protected read<T>(work: (ops: ReadOps) => Promise<T>): Promise<T> {
    return this.serial.run(async () => {
      const open = this.requireOpen();
      try {
        // One read transaction: the database path sees one snapshot, and the index catches up with it first.
        open.tx.BEGIN.run();
        try {
          this.catchUp(open);
          return await work(this.memory?.ops ?? open.ops);
        } finally {
          if (open.db.inTransaction) open.tx.COMMIT.run();
        }
      } catch (error) {
        throw translate(error, 'UNAVAILABLE', 'read failed');
      }
    });
  }

  protected write<T>(work: (ops: WriteOps, hooks: StoreHooks) => Promise<T>): Promise<T> {
    return this.serial.run(async () => {
      const open = this.requireOpen();
      this.takeLock();
      // IMMEDIATE takes the write lock now (waiting up to busy_timeout for another process's writer).
      try {
        open.tx['BEGIN IMMEDIATE'].run();
      } catch (error) {
        throw translate(error, 'UNAVAILABLE', 'cannot begin a write transaction');
      }
      open.ops.strings.begin();
      open.ops.beginWrite();
      open.ops.changes = this.memory ? [] : null;
      let result: T;
      try {
        this.refuseIfMoved('before');
        this.catchUp(open);
        result = await work(open.ops, this.hooks);
        open.ops.newRevision();
        open.tx.COMMIT.run();
        this.commits++;
        open.ops.strings.commit();
        // SQLite writes on to a file unlinked under it and reports success: such a commit is lost at restart.
        this.refuseIfMoved('after');
      } catch (error) {
        if (open.db.inTransaction) open.tx.ROLLBACK.run();
        open.ops.strings.rollback();
        open.ops.changes = null;
        const failed = translate(error, 'WRITE_FAILED', 'write failed, rolled back');
        // Invalid facts are the caller's; anything else says the store cannot take writes (disk full, I/O error).
        if (failed.code !== 'INVALID_ARGUMENT' && failed.code !== 'NOT_FOUND' && failed.code !== 'AMBIGUOUS')
          this.lastWriteFailure = failed.message;
        throw failed;
      } finally {
        open.ops.endWrite();
      }
      this.lastWriteFailure = null;
      this.follow(open);
      return result;
    });
  }

  /** The index takes the committed changes; should that fail (a bug), it is rebuilt from the database. */
  private follow(open: Open): void {
    const changes = open.ops.changes;
    open.ops.changes = null;
    const memory = this.memory;
    if (!memory || !changes) return;
    try {
      followChanges(memory.index, memory.cache, changes);
    } catch {
      this.memoryReloads++;
      this.inTransaction(open, 'BEGIN', () => this.loadMemory(open));
    }
  }
}
