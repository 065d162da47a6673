// API answer cache: store answers reused across requests for a short time (reads dominate; a popular lineage is
// asked for again and again). A write through this store — any method that is not a known read — clears it.
import type { GraphStore } from '../store/graph-store.ts';
import { Lru } from './lru.ts';

/** Port reads whose answers depend only on their arguments and the data. `stats` and `exportAll` stay live (the catalog uses them to notice change). */
const CACHED_READS: ReadonlySet<string> = new Set([
  'getNode',
  'getDocument',
  'resolveDocument',
  'findDocuments',
  'findDocumentsBySubject',
  'findDocumentsByName',
  'lineageDown',
  'chainUp',
  'citations',
  'validity',
  'agencyMandates',
  'listDocuments',
  'search',
  'coverage',
]);
/** Neither cached nor a write. */
const PASSTHROUGH: ReadonlySet<string> = new Set([
  'init',
  'close',
  'health',
  'revision',
  'walkBounds',
  'stats',
  'exportAll',
]);

interface Entry {
  at: number;
  answer: Promise<unknown>;
  /** The store's revision before the answer was asked for (undefined when the store tells none). */
  revision?: Promise<string | undefined>;
  /** A refresh under way after expiry. */
  refresh?: Promise<unknown>;
}

export interface AnswerCacheOptions {
  ttlMs: number;
  /** An expired answer is still served while one refresh runs, up to this age (default 10 × ttl). */
  maxStaleMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class AnswerCache {
  /** The port with cached reads; use it in place of the wrapped store. */
  readonly store: GraphStore;
  private readonly entries: Lru<string, Entry>;
  /** Bumped by every clear: an answer fetched before a write is never stored after it. */
  private generation = 0;

  constructor(
    private readonly inner: GraphStore,
    private readonly options: AnswerCacheOptions,
  ) {
    this.entries = new Lru(options.maxEntries ?? 2_000);
    // A Proxy rather than a class: the port grows (mergeDocuments, ...) and every new method must still clear the cache.
    this.store = new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (PASSTHROUGH.has(prop)) return method.bind(target);
        if (!CACHED_READS.has(prop)) {
          return async (...args: unknown[]) => {
            this.clear();
            try {
              return await method.apply(target, args);
            } finally {
              this.clear();
            }
          };
        }
        return (...args: unknown[]) => this.read(prop, args);
      },
    });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private read(method: string, args: unknown[]): Promise<unknown> {
    const key = `${method}\u0000${JSON.stringify(args)}`;
    const now = (this.options.now ?? Date.now)();
    const hit = this.entries.get(key);
    if (hit === undefined) return this.load(key, method, args, now, null);
    const age = now - hit.at;
    if (age < this.options.ttlMs) return hit.answer;
    // Expired: one caller refreshes while the others keep the previous answer, so an expiry never stalls a burst
    // of requests behind the store; past `maxStaleMs` everyone waits for the refresh.
    hit.refresh ??= this.revalidate(key, method, args, now, hit);
    return age < (this.options.maxStaleMs ?? this.options.ttlMs * 10) ? hit.answer : hit.refresh;
  }

  /**
   * An expired answer whose store says nothing changed since (same revision) is kept for another ttl
   * instead of asked for again: a big lineage is not rebuilt every second while nobody writes.
   */
  private async revalidate(
    key: string,
    method: string,
    args: unknown[],
    now: number,
    stale: Entry,
  ): Promise<unknown> {
    const generation = this.generation;
    const [revision, before] = await Promise.all([this.revision(), stale.revision]);
    if (revision !== undefined && revision === before && generation === this.generation) {
      this.entries.set(key, { at: now, answer: stale.answer, revision: Promise.resolve(revision) });
      return stale.answer;
    }
    return this.load(key, method, args, now, stale, revision);
  }

  private async revision(): Promise<string | undefined> {
    try {
      return await this.inner.revision?.();
    } catch {
      return undefined; // the store cannot tell: ask it for the answer again
    }
  }

  private load(
    key: string,
    method: string,
    args: unknown[],
    now: number,
    stale: Entry | null,
    knownRevision?: string,
  ): Promise<unknown> {
    const generation = this.generation;
    const revision = knownRevision === undefined ? this.revision() : Promise.resolve(knownRevision);
    const fn = Reflect.get(this.inner, method) as (...a: unknown[]) => unknown;
    // The revision is read before the answer (queued first on the store), so a write in between is seen as a change.
    const answer = revision.then(() => fn.apply(this.inner, args));
    // Concurrent first callers share the pending answer.
    if (stale === null) this.entries.set(key, { at: now, answer, revision });
    answer.then(
      () => {
        if (generation === this.generation) this.entries.set(key, { at: now, answer, revision });
      },
      // A failure is not remembered: the next caller asks the store again.
      () => {
        if (generation === this.generation) this.entries.delete(key);
      },
    );
    return answer;
  }
}
