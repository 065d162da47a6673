// Store entry: picks the adapter from the environment — Neo4j when NEO4J_URI is set, else the embedded database.

import { type GraphStore, StoreError, type StoreHooks } from './graph-store.ts';
import { Neo4jStore } from './neo4j/neo4j-store.ts';
import { DEFAULT_EMBEDDED_DIRECTORY, SqliteStore } from './sqlite/sqlite-store.ts';

export type { GraphStore, StoreHooks } from './graph-store.ts';
export { isStoreError, StoreError } from './graph-store.ts';

export type StoreTarget =
  | { kind: 'embedded'; directory: string; memoryIndex: boolean }
  | { kind: 'neo4j'; uri: string; user?: string; password?: string; database?: string };

export interface StoreConfig {
  /** Defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  hooks?: StoreHooks;
  /** This process will write (`serve`, `ingest`): the embedded store takes its writer lock at open. */
  writer?: string;
}

function setting(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Which store the environment asks for (pure, so it can be tested and printed by the CLI). */
export function resolveStoreTarget(env: Readonly<Record<string, string | undefined>>): StoreTarget {
  const uri = setting(env, 'NEO4J_URI');
  if (uri === undefined) {
    const memory = setting(env, 'POLICY_GRAPH_MEMORY')?.toLowerCase();
    if (memory !== undefined && memory !== 'on' && memory !== 'off') {
      throw new StoreError('INVALID_ARGUMENT', `POLICY_GRAPH_MEMORY is "${memory}": use on or off`, {
        details: { variable: 'POLICY_GRAPH_MEMORY' },
      });
    }
    return {
      kind: 'embedded',
      directory: setting(env, 'POLICY_GRAPH_STORE') ?? DEFAULT_EMBEDDED_DIRECTORY,
      // The graph held in memory beside the database (fast reads); off for a graph larger than the memory to spare.
      memoryIndex: memory !== 'off',
    };
  }
  const password = setting(env, 'NEO4J_PASSWORD');
  // Neo4j's default user name; with neither set the driver connects without authentication.
  const user = setting(env, 'NEO4J_USER') ?? (password === undefined ? undefined : 'neo4j');
  if (user !== undefined && password === undefined) {
    throw new StoreError('INVALID_ARGUMENT', 'NEO4J_USER is set without NEO4J_PASSWORD', {
      details: { variable: 'NEO4J_PASSWORD' },
    });
  }
  const database = setting(env, 'NEO4J_DATABASE');
  return {
    kind: 'neo4j',
    uri,
    ...(user === undefined ? {} : { user }),
    ...(password === undefined ? {} : { password }),
    ...(database === undefined ? {} : { database }),
  };
}

/** A store for the environment; call `init()` before use and `close()` after. */
export function createStore(config: StoreConfig = {}): GraphStore {
  const target = resolveStoreTarget(config.env ?? process.env);
  const hooks = config.hooks ?? {};
  if (target.kind === 'embedded')
    return new SqliteStore({
      directory: target.directory,
      memoryIndex: target.memoryIndex,
      hooks,
      ...(config.writer === undefined ? {} : { writer: { role: config.writer, at: 'open' } }),
    });
  const { kind: _kind, ...options } = target;
  return new Neo4jStore({ ...options, hooks });
}
