// Index: node properties read from the database on demand, the most recently used kept (a bounded map in
// insertion order: a hit moves to the back, the front is evicted). Entries are dropped when a write
// touches their node, and all of them when another process wrote.
import type { StoredNode } from '../store-ops.ts';

export const DEFAULT_NODE_CACHE_ENTRIES = 50_000;

/**
 * Answers share cached objects, so a caller that changed one would change later answers. Under tests they
 * are frozen and such a caller fails loudly; elsewhere not (freezing costs V8 memory and time).
 */
const FREEZE = process.env.VITEST !== undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export class NodeCache {
  private readonly entries = new Map<number, StoredNode>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly load: (n: number) => StoredNode | null,
    private readonly capacity = DEFAULT_NODE_CACHE_ENTRIES,
  ) {}

  get(n: number): StoredNode | null {
    const known = this.peek(n);
    if (known) return known;
    this.misses++;
    const loaded = this.load(n);
    if (loaded) {
      if (FREEZE) deepFreeze(loaded);
      this.entries.set(n, loaded);
      if (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    }
    return loaded;
  }

  /** The cached entry (a hit, as `get` counts it), or undefined without reading the database. */
  peek(n: number): StoredNode | undefined {
    const known = this.entries.get(n);
    if (known) {
      this.hits++;
      this.entries.delete(n);
      this.entries.set(n, known);
    }
    return known;
  }

  forget(n: number): void {
    this.entries.delete(n);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
