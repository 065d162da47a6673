// Neo4j adapter: the store port over neo4j-driver (a server, or a cluster through neo4j:// routing); every query is a file in cypher/.
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Session } from 'neo4j-driver';
import type { StoreHealth } from '../../model/graph.ts';
import { isStoreError, StoreError, type StoreErrorCode, type StoreHooks } from '../graph-store.ts';
import type { Row } from '../records.ts';
import { Serial } from '../serial.ts';
import { SharedGraphStore } from '../shared-store.ts';
import type { ReadOps, WriteOps } from '../store-ops.ts';
import { CYPHER_DIR, type CypherQuery, checkParams, loadCypherFiles } from './cypher-files.ts';
import { CypherOps } from './cypher-ops.ts';
import { type NumberEncoding, QUERY_NAMES, type QueryName, type RunQuery } from './query-catalog.ts';

/**
 * 2: documents may hold `signerTitle` and `term`, tasks `deadlineDates` (a JSON string), `deadlineCondition` and
 * `deadlineRecurrence`. Nodes are schemaless: a graph of an older version below is upgraded by its version mark
 * alone (its nodes lack the new properties, which read as unknown until their documents are ingested again).
 */
export const NEO4J_SCHEMA_VERSION = '2';
const UPGRADABLE_SCHEMA_VERSIONS: readonly string[] = ['1'];

export interface Neo4jStoreOptions {
  /** bolt://, neo4j:// (routing: reads go to readers), with +s / +ssc for TLS. */
  uri: string;
  user?: string;
  password?: string;
  /** Omitted: the server's default database. */
  database?: string;
  hooks?: StoreHooks;
}

/**
 * A JavaScript number goes over Bolt as a float; the query files convert row numbers with
 * toInteger()/toFloat(), and LIMIT needs a real integer parameter.
 */
const NEO4J_NUMBERS: NumberEncoding = { inRow: (n) => n, integer: (n) => neo4j.int(n) };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Codes meaning the database cannot be used right now (down, unreachable, credentials, missing database). */
function unavailable(error: Neo4jError): boolean {
  const code = error.code ?? '';
  return (
    code === neo4j.error.SERVICE_UNAVAILABLE ||
    code === neo4j.error.SESSION_EXPIRED ||
    code.startsWith('Neo.ClientError.Security.') ||
    code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    code.startsWith('Neo.TransientError.')
  );
}

/** A raw driver error never leaves the adapter: it becomes a StoreError with the driver error as `cause`. */
export function translateNeo4jError(error: unknown, fallback: StoreErrorCode, what: string): StoreError {
  if (isStoreError(error)) return error;
  if (error instanceof Neo4jError) {
    if (unavailable(error)) {
      return new StoreError('UNAVAILABLE', `${what}: Neo4j unavailable (${error.code})`, { cause: error });
    }
    // A statement the server rejects outside a write is a query file out of step with the server.
    const code: StoreErrorCode =
      fallback !== 'WRITE_FAILED' && (error.code ?? '').startsWith('Neo.ClientError.Statement.')
        ? 'INTERNAL'
        : fallback;
    return new StoreError(code, `${what}: ${error.code} ${error.message}`, { cause: error });
  }
  return new StoreError(fallback, `${what}: ${message(error)}`, { cause: error });
}

export class Neo4jStore extends SharedGraphStore {
  readonly adapter = 'neo4j' as const;
  private readonly options: Neo4jStoreOptions;
  private driver: Driver | null = null;
  private queries: Record<QueryName, CypherQuery> | null = null;
  /**
   * applyDocument merges in code what it read in the same transaction; two concurrent applies touching
   * the same node could each miss the other's sources. Writes from this process therefore queue.
   */
  private readonly writes = new Serial();

  constructor(options: Neo4jStoreOptions) {
    super(options.hooks ?? {});
    this.options = options;
  }

  async init(): Promise<void> {
    if (this.driver) return;
    const queries = await loadCypherFiles(CYPHER_DIR, QUERY_NAMES);
    this.queries = queries;
    const { uri, user, password } = this.options;
    let driver: Driver | null = null;
    try {
      driver = neo4j.driver(
        uri,
        user !== undefined && password !== undefined ? neo4j.auth.basic(user, password) : undefined,
        {
          // Integers as JavaScript numbers: counts and offsets here stay far below 2^53.
          disableLosslessIntegers: true,
          userAgent: 'policy-graph',
        },
      );
      await driver.verifyConnectivity(this.databaseOption());
      this.driver = driver;
      // Schema commands cannot share a transaction with data writes: each runs in its own.
      for (const statement of queries.schema.statements) {
        await this.withSession('WRITE', (s) => s.executeWrite((tx) => tx.run(statement)));
      }
      await this.withSession('WRITE', (s) =>
        s.executeWrite(async (tx) => {
          const ops = this.ops(tx);
          const found = await ops.schemaVersion();
          if (found === null || UPGRADABLE_SCHEMA_VERSIONS.includes(found))
            await ops.setSchemaVersion(NEO4J_SCHEMA_VERSION);
          else if (found !== NEO4J_SCHEMA_VERSION) {
            throw new StoreError(
              'UNAVAILABLE',
              `schema version ${found} there, this code writes ${NEO4J_SCHEMA_VERSION}`,
            );
          }
        }),
      );
    } catch (error) {
      this.driver = null;
      await driver?.close().catch(() => undefined);
      throw translateNeo4jError(error, 'UNAVAILABLE', `cannot open the graph at ${uri}`);
    }
  }

  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = null;
    await driver?.close();
  }

  async health(): Promise<StoreHealth> {
    try {
      const info = await this.requireDriver().getServerInfo(this.databaseOption());
      return {
        ok: true,
        adapter: 'neo4j',
        detail: `${info.agent ?? 'Neo4j'} at ${info.address ?? this.options.uri}`,
      };
    } catch (error) {
      return { ok: false, adapter: 'neo4j', detail: message(error) };
    }
  }

  private databaseOption(): { database?: string } {
    return this.options.database === undefined ? {} : { database: this.options.database };
  }

  private requireDriver(): Driver {
    if (!this.driver) throw new StoreError('UNAVAILABLE', 'the Neo4j store is not open (call init)');
    return this.driver;
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const driver = this.requireDriver();
    const session = driver.session({
      ...this.databaseOption(),
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // One bookmark manager for every session: a read after a write sees it, even on another cluster member.
      bookmarkManager: driver.executeQueryBookmarkManager,
    });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  private runner(tx: ManagedTransaction): RunQuery {
    return async (name, params) => {
      const query = this.queries?.[name];
      if (!query) throw new StoreError('INTERNAL', `query ${name} not loaded`);
      checkParams(query, params);
      let rows: Row[] = [];
      for (const statement of query.statements) {
        const result = await tx.run(statement, params);
        rows = result.records.map((r) => r.toObject() as Row);
      }
      return rows;
    };
  }

  private ops(tx: ManagedTransaction): CypherOps {
    return new CypherOps(this.runner(tx), NEO4J_NUMBERS);
  }

  protected async read<T>(work: (ops: ReadOps) => Promise<T>): Promise<T> {
    try {
      // executeRead routes to a reader in a cluster and retries transient failures (the work only reads).
      return await this.withSession('READ', (s) => s.executeRead((tx) => work(this.ops(tx))));
    } catch (error) {
      throw translateNeo4jError(error, 'UNAVAILABLE', 'read failed');
    }
  }

  protected write<T>(work: (ops: WriteOps, hooks: StoreHooks) => Promise<T>): Promise<T> {
    return this.writes.run(async () => {
      try {
        // One managed transaction: committed when the work returns, rolled back when it throws.
        return await this.withSession('WRITE', (s) => s.executeWrite((tx) => work(this.ops(tx), this.hooks)));
      } catch (error) {
        throw translateNeo4jError(error, 'WRITE_FAILED', 'write failed, rolled back');
      }
    });
  }
}
