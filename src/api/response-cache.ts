// API response cache: the serialized answer of a query operation reused for identical requests (same JSON body)
// for a short time, skipping execution entirely — graphql-js costs ~1 µs per field, so a 400-node lineage cannot
// reach the throughput goal executed per request. Only error-free query answers are kept; an API write clears it.

export interface CachedResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** Encoded once: a hit writes bytes, not a string to encode again. */
  body: Buffer;
}

interface Entry {
  at: number;
  value: CachedResponse;
  /** A request is recomputing this answer after expiry; the others keep the previous one meanwhile. */
  refreshing: boolean;
}

export interface ResponseCacheOptions {
  ttlMs: number;
  /** Past this age an expired answer is not served while it refreshes (default 10 × ttl). */
  maxStaleMs?: number;
  /** Bytes of cached bodies kept in total (default 32 MiB). */
  maxBytes?: number;
  /** Longest request body used as a key. */
  maxKeyChars?: number;
  now?: () => number;
}

export type Lookup =
  | { kind: 'hit'; value: CachedResponse }
  /** Compute it; `ticket` must be passed back to `store` (or `abandon`). */
  | { kind: 'miss'; ticket: Ticket }
  | { kind: 'skip' };

export interface Ticket {
  key: string;
  generation: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: ResponseCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  lookup(key: string): Lookup {
    if (key.length > (this.options.maxKeyChars ?? 16_384)) return { kind: 'skip' };
    const e = this.entries.get(key);
    const ticket = { key, generation: this.generation };
    if (e === undefined) return { kind: 'miss', ticket };
    const age = this.now() - e.at;
    if (age < this.options.ttlMs) {
      // Recently used keys stay (Map order is the eviction order).
      this.entries.delete(key);
      this.entries.set(key, e);
      return { kind: 'hit', value: e.value };
    }
    if (e.refreshing && age < (this.options.maxStaleMs ?? this.options.ttlMs * 10))
      return { kind: 'hit', value: e.value };
    e.refreshing = true;
    return { kind: 'miss', ticket };
  }

  /** Keeps an answer computed for a miss, unless a write happened since the lookup. */
  store(ticket: Ticket, status: number, headers: Readonly<Record<string, string>>, body: string): void {
    if (ticket.generation !== this.generation) return;
    this.remove(ticket.key);
    const bytes = Buffer.from(body, 'utf8');
    const value = { status, headers: { ...headers, 'content-length': String(bytes.length) }, body: bytes };
    this.entries.set(ticket.key, { at: this.now(), value, refreshing: false });
    this.bytes += bytes.length + ticket.key.length;
    const max = this.options.maxBytes ?? 32 * 1024 * 1024;
    for (const [k] of this.entries) {
      if (this.bytes <= max) break;
      this.remove(k);
    }
  }

  /** The answer was not cacheable (errors, a mutation): forget the key so the next request computes it. */
  abandon(ticket: Ticket): void {
    if (ticket.generation === this.generation) this.remove(ticket.key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.bytes -= e.value.body.length + key.length;
    this.entries.delete(key);
  }
}
