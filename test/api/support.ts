// Test support for the API: the seeds ingested into a temporary embedded store, a call-counting wrapper around
// the store port, a started server on port 0, and a small GraphQL-over-HTTP client.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildPlan } from '../../bench/national/plan.ts';
import { generateDocuments } from '../../bench/national/write.ts';
import { type ApiServer, type ApiServerOptions, createApiServer } from '../../src/api/server.ts';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SEED_FILES = [
  'seeds/000_5f6ac51fd7d22cf5.txt',
  'seeds/001_ffb4562998a4ed83.txt',
  'seeds/002_edd4871f2584adf0.txt',
  'seeds/003_241023ceb20e6f40.txt',
  'seeds/004_4621c10ea01442bf.txt',
];

export function seedInput(path: string) {
  const text = readFileSync(join(ROOT, path), 'utf8');
  return { source: path, text, document: extractDocument(text, { source: path }) };
}

/** A fresh embedded store in a temporary directory with the five seeds ingested (sources relative to the repo). */
export async function seededStore(): Promise<{
  store: SqliteStore;
  dir: string;
  dispose(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-api-'));
  const store = new SqliteStore({ directory: join(dir, 'graph') });
  await store.init();
  await ingestDocuments(store, SEED_FILES.map(seedInput));
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A generated national corpus (bench/national/, seed 7: tree 0 is about a thousand documents under 60-NQ/TW)
 * ingested into a temporary embedded store; the texts are not written to disk (nothing here reads them back).
 */
export async function nationalStore(
  seed = 7,
  documents = 1400,
): Promise<{ store: SqliteStore; central: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-api-national-'));
  const store = new SqliteStore({ directory: join(dir, 'graph') });
  try {
    await store.init();
    const plan = buildPlan(seed, documents);
    const inputs = [...generateDocuments(plan)].map((d) => ({
      source: d.file,
      text: d.text,
      document: extractDocument(d.text, { source: d.file }),
    }));
    await ingestDocuments(store, inputs);
    return {
      store,
      central: plan.docs[0]?.symbol ?? '',
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Counts every call on the port, by method; `failNext` makes a method throw an unexpected (non-store) error.
 * `walkBounds` — the cost check's look at the index before an operation runs, no answer read — is not counted.
 */
export class CountingStore {
  readonly calls = new Map<string, number>();
  readonly store: GraphStore;
  private failing = new Set<string>();

  constructor(inner: GraphStore) {
    const calls = this.calls;
    const failing = this.failing;
    this.store = new Proxy(inner, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        const method = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          if (prop !== 'walkBounds') calls.set(prop, (calls.get(prop) ?? 0) + 1);
          if (failing.delete(prop))
            return Promise.reject(new Error(`driver exploded at /secret/path in ${prop}`));
          return method.apply(target, args);
        };
      },
    });
  }

  reset(): void {
    this.calls.clear();
  }

  total(except: readonly string[] = ['health']): number {
    let n = 0;
    for (const [k, v] of this.calls) if (!except.includes(k)) n += v;
    return n;
  }

  failNext(method: string): void {
    this.failing.add(method);
  }
}

export interface Started {
  api: ApiServer;
  url: string;
  counting: CountingStore;
  close(): Promise<void>;
}

export async function startApi(
  store: GraphStore,
  options: Omit<ApiServerOptions, 'store'> = {},
): Promise<Started> {
  const counting = new CountingStore(store);
  const api = await createApiServer({ sourceRoots: [ROOT], ...options, store: counting.store });
  const { url } = await api.listen(0, '127.0.0.1');
  return { api, url, counting, close: () => api.close() };
}

/**
 * For the enclosing suite: the seeds in a fresh store behind an API server, started before its tests and closed
 * after them. The fields read through once the suite has started.
 */
export function seededApi(options: Omit<ApiServerOptions, 'store'> = {}): Started {
  let seeds: Awaited<ReturnType<typeof seededStore>> | undefined;
  let started: Started | undefined;
  beforeAll(async () => {
    seeds = await seededStore();
    started = await startApi(seeds.store, options);
  });
  afterAll(async () => {
    await started?.close();
    await seeds?.dispose();
  });
  const running = (): Started => {
    if (started === undefined) throw new Error('the seeded API is read before its suite started');
    return started;
  };
  return {
    get api() {
      return running().api;
    },
    get url() {
      return running().url;
    },
    get counting() {
      return running().counting;
    },
    close: () => running().close(),
  };
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors:
    | Array<{ message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }>
    | undefined;
}

export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GqlResponse['errors'] };
  return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
}

export const codes = (r: GqlResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);
