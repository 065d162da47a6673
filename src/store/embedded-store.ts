// Embedded adapter (default): the store port over LadybugDB in a local directory; nothing to install or start.
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import lbug, {
  type Connection,
  type Database,
  type PreparedStatement,
  type QueryResult,
} from '@ladybugdb/core';
import type { GraphExport, StoreHealth } from '../model/graph.ts';
import {
  type CypherQuery,
  checkParams,
  EMBEDDED_CYPHER_DIR,
  expandTemplate,
  isTemplate,
  loadCypherFiles,
} from './cypher-files.ts';
import { isStoreError, StoreError, type StoreErrorCode, type StoreHooks } from './graph-store.ts';
import { type BulkColumn, BulkFiles, toCsv } from './ladybug-bulk.ts';
import { writesLargeValue } from './ladybug-wal.ts';
import { MemoryGraph } from './memory-graph.ts';
import {
  EMBEDDED_ONLY_QUERIES,
  type NumberEncoding,
  QUERY_NAMES,
  QUERY_VARIANTS,
  type QueryName,
} from './query-catalog.ts';
import { QueryOps } from './query-ops.ts';

const EMBEDDED_QUERIES = [...QUERY_NAMES, ...EMBEDDED_ONLY_QUERIES] as const;

import type { Row } from './records.ts';
import { Serial } from './serial.ts';
import { SharedGraphStore, sortedExport } from './shared-store.ts';
import type { ReadOps, WriteOps } from './store-ops.ts';

export const DEFAULT_EMBEDDED_DIRECTORY = './data/graph';
/** Bumped when tables change; a database written by another layout is refused rather than misread. */
export const EMBEDDED_SCHEMA_VERSION = '1';
const DATABASE_FILE = 'graph.lbug';

export interface EmbeddedStoreOptions {
  /** Directory holding the database (created if missing). */
  directory?: string;
  hooks?: StoreHooks;
  /** LadybugDB buffer pool in bytes; 0 lets LadybugDB choose (a share of the machine's memory). */
  bufferPoolBytes?: number;
  /** Largest database file, a power of two. LadybugDB reserves this much address space per open database. */
  maxDatabaseBytes?: number;
  /**
   * Keep the graph in memory beside the database (default true): reads are answered from memory, every
   * committed write is replayed there. Off, every read is a database query (16–1,900× slower at 10,000
   * documents: BENCHMARKS.md).
   */
  memoryIndex?: boolean;
}

/**
 * LadybugDB's default cap is 8 TiB of reserved address space per open database; a process then runs out
 * of address space after ~16 databases (tests open one per case). 64 GiB is far above our needs (the
 * 229k-node synthetic graph is ~33 MB).
 */
export const DEFAULT_MAX_DATABASE_BYTES = 2 ** 36;

/** The store checkpoints when the write-ahead log grows past this (it bounds replay at the next open). */
export const CHECKPOINT_WAL_BYTES = 64 * 2 ** 20;

/**
 * LadybugDB types a list-of-structs parameter from its JavaScript values: an integral number becomes
 * INT64 and a fractional one DOUBLE (mixing them in one list is an error, and an INT64 written into a
 * DOUBLE column was read back as 5e-324), and a field null in every row becomes STRING (which will not
 * go into an INT32 column). So numbers in rows travel as strings and the query files CAST them.
 */
const LADYBUG_NUMBERS: NumberEncoding = { inRow: (n) => String(n), integer: (n) => n };

interface Open {
  db: Database;
  conn: Connection;
  /** By query name, or `name|variant` for the expansions of a template. */
  prepared: Map<string, PreparedStatement[]>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function translate(error: unknown, code: StoreErrorCode, what: string): StoreError {
  return isStoreError(error) ? error : new StoreError(code, `${what}: ${message(error)}`, { cause: error });
}

async function rowsOf(result: QueryResult | QueryResult[]): Promise<Row[]> {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  // getAllSync after the awaited execute: the async getAll costs ~30 µs per row (PERFORMANCE.md).
  return last ? (last.getAllSync() as Row[]) : [];
}

export class EmbeddedStore extends SharedGraphStore {
  readonly adapter = 'embedded' as const;
  readonly directory: string;
  private readonly bufferPoolBytes: number;
  private readonly maxDatabaseBytes: number;
  /** One connection, and LadybugDB allows one write transaction at a time in the whole database: everything queues here. */
  private readonly serial = new Serial();
  private queries: Record<QueryName, CypherQuery> | null = null;
  private open: Open | null = null;
  /** A value since the last checkpoint may sit corrupted in the WAL (see ladybug-wal.ts): checkpoint at the next chance. */
  private walAtRisk = false;
  private readonly memoryIndex: boolean;
  /** The graph in memory (see memory-graph.ts); null when off or not loaded. */
  private memory: MemoryGraph | null = null;
  /** Times the in-memory graph disagreed with a write's outcome and was reloaded from the database. */
  private memoryReloads = 0;
  private readonly bulkFiles = new BulkFiles();
  /** Rows written by COPY since this store object was made (the batch path's share, for tests and benchmarks). */
  private bulkRows = 0;

  constructor(options: EmbeddedStoreOptions = {}) {
    super(options.hooks ?? {});
    this.directory = resolve(options.directory ?? DEFAULT_EMBEDDED_DIRECTORY);
    this.bufferPoolBytes = options.bufferPoolBytes ?? 0;
    this.maxDatabaseBytes = options.maxDatabaseBytes ?? DEFAULT_MAX_DATABASE_BYTES;
    this.memoryIndex = options.memoryIndex ?? true;
  }

  async init(): Promise<void> {
    await this.serial.run(async () => {
      if (this.open) return;
      this.queries = await loadCypherFiles(EMBEDDED_CYPHER_DIR, EMBEDDED_QUERIES);
      let db: Database | null = null;
      let conn: Connection | null = null;
      try {
        await mkdir(this.directory, { recursive: true });
        db = new lbug.Database(
          join(this.directory, DATABASE_FILE),
          this.bufferPoolBytes,
          true, // compression
          false, // read-only
          this.maxDatabaseBytes,
        );
        await db.init();
        const connection = new lbug.Connection(db);
        conn = connection;
        await connection.init();
        const open: Open = { db, conn: connection, prepared: new Map() };
        for (const statement of this.queries.schema.statements) await connection.query(statement);
        // A commit that follows a COPY checkpoints the whole database when auto-checkpointing is on: 1–2 s
        // per batch and growing with the graph (measured). The store checkpoints itself instead (see write).
        await connection.query('CALL auto_checkpoint=false');
        // Prepared once: a malformed query fails start-up, not the first request that needs it.
        for (const name of EMBEDDED_QUERIES) {
          if (name === 'schema') continue;
          const query = this.queries[name];
          const variants = QUERY_VARIANTS[name];
          if (variants && !isTemplate(query))
            throw new StoreError('INTERNAL', `query ${name} must be a template`);
          const expansions = variants
            ? variants.map((v) => [`${name}|${v.key}`, expandTemplate(query, v.vars)] as const)
            : [[name, query.statements] as const];
          for (const [key, statements] of expansions) {
            const prepared = await Promise.all(statements.map((s) => connection.prepare(s)));
            for (const p of prepared) {
              if (!p.isSuccess()) throw new StoreError('INTERNAL', `query ${key}: ${p.getErrorMessage()}`);
            }
            open.prepared.set(key, prepared);
          }
        }
        this.open = open;
        await this.checkSchemaVersion();
        if (this.memoryIndex) await this.loadMemory();
      } catch (error) {
        this.open = null;
        this.memory = null;
        await conn?.close().catch(() => undefined);
        await db?.close().catch(() => undefined);
        throw translate(error, 'UNAVAILABLE', `cannot open the graph at ${this.directory}`);
      }
    });
  }

  private async checkSchemaVersion(): Promise<void> {
    const ops = this.ops();
    const found = await ops.schemaVersion();
    if (found === null) await ops.setSchemaVersion(EMBEDDED_SCHEMA_VERSION);
    else if (found !== EMBEDDED_SCHEMA_VERSION) {
      throw new StoreError(
        'UNAVAILABLE',
        `schema version ${found} here, this code writes ${EMBEDDED_SCHEMA_VERSION}`,
      );
    }
  }

  /** Reads the whole graph into a fresh in-memory copy (at start, or after a disagreement). */
  private async loadMemory(): Promise<void> {
    this.memory = null;
    const ops = this.ops();
    const memory = new MemoryGraph();
    memory.load(await ops.exportStored(), await ops.exportEdges());
    this.memory = memory;
  }

  bulkRowsLoaded(): number {
    return this.bulkRows;
  }

  /** Whether reads come from memory, and how big that copy is. */
  memoryState(): { enabled: boolean; nodes: number; edges: number; reloads: number } {
    const size = this.memory?.size() ?? { nodes: 0, edges: 0 };
    return { enabled: this.memory !== null, ...size, reloads: this.memoryReloads };
  }

  /** The whole graph read from the database itself, never from memory (to check that both agree). */
  async databaseExport(): Promise<GraphExport> {
    return this.serial.run(async () => {
      this.requireOpen();
      return sortedExport(this.ops());
    });
  }

  private ops(): QueryOps {
    return new QueryOps(
      (name, params, variant) => this.exec(name, params, variant),
      LADYBUG_NUMBERS,
      'per-label',
      (table, records, columns, endpoints) => this.copyRows(table, records, columns, endpoints),
    );
  }

  /** Size of the write-ahead log file (0 when there is none). */
  private walBytes(): number {
    try {
      return statSync(join(this.directory, `${DATABASE_FILE}.wal`)).size;
    } catch {
      return 0;
    }
  }

  /** COPY FROM a temporary CSV file, in the current transaction (see ladybug-bulk.ts); returns the rows left. */
  private async copyRows(
    table: string,
    records: Array<Record<string, unknown>>,
    columns: readonly BulkColumn[],
    endpoints?: { from: string; to: string },
  ): Promise<Array<Record<string, unknown>>> {
    const open = this.requireOpen();
    const { csv, copied, rest } = toCsv(records, columns);
    if (copied === 0) return records;
    if (writesLargeValue({ rows: records })) this.walAtRisk = true;
    const loaded = await this.bulkFiles.withCopy(table, csv, endpoints, async (statement) => {
      await open.conn.query(statement);
    });
    if (!loaded) return records;
    this.bulkRows += copied;
    return rest;
  }

  async close(): Promise<void> {
    await this.serial.run(async () => {
      const open = this.open;
      if (!open) return;
      // Always on close: the database may be reopened in this process before the old one is collected,
      // and reopening replays the WAL (LadybugDB#771).
      await this.checkpoint();
      this.open = null;
      this.memory = null;
      this.bulkFiles.dispose();
      await open.conn.close().catch(() => undefined);
      await open.db.close().catch(() => undefined);
    });
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.read((ops) => ops.countDocuments({}));
      return {
        ok: true,
        adapter: 'embedded',
        detail: `LadybugDB ${lbug.Database.getVersion()} at ${this.directory}`,
      };
    } catch (error) {
      return { ok: false, adapter: 'embedded', detail: message(error) };
    }
  }

  private requireOpen(): Open {
    if (!this.open) throw new StoreError('UNAVAILABLE', 'the embedded store is not open (call init)');
    return this.open;
  }

  /** Executes a named, prepared query; the parameters must be exactly those its file declares. */
  private async exec(name: QueryName, params: Record<string, unknown>, variant?: string): Promise<Row[]> {
    const open = this.requireOpen();
    const query = this.queries?.[name];
    const key = variant === undefined ? name : `${name}|${variant}`;
    const prepared = open.prepared.get(key);
    if (!query || !prepared) throw new StoreError('INTERNAL', `query ${key} not loaded`);
    checkParams(query, params);
    if (writesLargeValue(params)) this.walAtRisk = true;
    let rows: Row[] = [];
    for (const statement of prepared) {
      rows = await rowsOf(await open.conn.execute(statement, params as Parameters<Connection['execute']>[1]));
    }
    return rows;
  }

  private async control(
    statement: 'BEGIN TRANSACTION' | 'COMMIT' | 'ROLLBACK' | 'CHECKPOINT',
  ): Promise<void> {
    await this.requireOpen().conn.query(statement);
  }

  /**
   * Folds committed data into the main file and empties the WAL. Best effort: the data is committed either
   * way, so a failure is not the caller's write failing; the flag stays set and the next write or close retries.
   */
  private async checkpoint(): Promise<void> {
    try {
      await this.control('CHECKPOINT');
      this.walAtRisk = false;
    } catch {
      this.walAtRisk = true;
    }
  }

  protected read<T>(work: (ops: ReadOps) => Promise<T>): Promise<T> {
    // Serialised with writes on the one connection, so a read never sees half a document.
    return this.serial.run(async () => {
      this.requireOpen();
      try {
        return await work(this.memory ?? this.ops());
      } catch (error) {
        throw translate(error, 'UNAVAILABLE', 'read failed');
      }
    });
  }

  protected write<T>(work: (ops: WriteOps, hooks: StoreHooks) => Promise<T>): Promise<T> {
    return this.serial.run(async () => {
      this.requireOpen();
      // Transaction control words are not queries: they stay here rather than in query files.
      await this.control('BEGIN TRANSACTION').catch((error: unknown) => {
        throw translate(error, 'UNAVAILABLE', 'cannot begin a transaction');
      });
      let result: T;
      try {
        result = await work(this.ops(), this.hooks);
        await this.control('COMMIT');
      } catch (error) {
        // LadybugDB has already rolled back when a statement failed; ROLLBACK then reports "no active transaction".
        await this.control('ROLLBACK').catch(() => undefined);
        throw translate(error, 'WRITE_FAILED', 'write failed, rolled back');
      }
      if (this.walAtRisk || this.walBytes() > CHECKPOINT_WAL_BYTES) await this.checkpoint();
      await this.replayInMemory(work, result);
      return result;
    });
  }

  /**
   * The same work on the in-memory copy, which held what the database held before the transaction, so it
   * makes the same changes. Hooks are the database run's alone. A different outcome means the copies
   * drifted (a bug): the memory copy is reloaded from the database, which is the truth.
   */
  private async replayInMemory<T>(work: (ops: WriteOps, hooks: StoreHooks) => Promise<T>, result: T) {
    const memory = this.memory;
    if (!memory) return;
    let same = false;
    try {
      same = JSON.stringify(await work(memory, {})) === JSON.stringify(result);
    } catch {
      same = false;
    }
    if (!same) {
      this.memoryReloads++;
      await this.loadMemory();
    }
  }
}
