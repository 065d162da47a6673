// API rate limit: a token bucket of cost points per client (its remote address). A bucket holds up to a minute's
// points and refills continuously; an operation takes its cost before it runs, and one the bucket cannot pay is
// refused with RATE_LIMITED (429, Retry-After). /healthz never takes from it.

export interface RateDecision {
  ok: boolean;
  /** Whole seconds until the bucket holds what was asked (0 when ok). */
  retryAfterSeconds: number;
  /** Points left in the bucket after the decision. */
  remaining: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept at most; past it, the full ones (clients that have been quiet) are dropped. */
const MAX_CLIENTS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    /** Points a client may spend per minute, and the most it can spend at once. */
    readonly pointsPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(pointsPerMinute > 0)) throw new RangeError('pointsPerMinute must be positive');
    this.perMs = pointsPerMinute / 60_000;
  }

  private bucket(client: string): Bucket {
    const now = this.now();
    let b = this.buckets.get(client);
    if (b === undefined) {
      if (this.buckets.size >= MAX_CLIENTS) this.sweep(now);
      b = { tokens: this.pointsPerMinute, at: now };
      this.buckets.set(client, b);
      return b;
    }
    b.tokens = Math.min(this.pointsPerMinute, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    return b;
  }

  private sweep(now: number): void {
    for (const [client, b] of this.buckets)
      if (b.tokens + (now - b.at) * this.perMs >= this.pointsPerMinute) this.buckets.delete(client);
    // Everyone busy: forget the oldest rather than grow without bound.
    while (this.buckets.size >= MAX_CLIENTS) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) break;
      this.buckets.delete(oldest.value);
    }
  }

  private decision(b: Bucket, points: number, ok: boolean): RateDecision {
    return {
      ok,
      retryAfterSeconds: ok ? 0 : Math.max(1, Math.ceil((points - b.tokens) / this.perMs / 1000)),
      remaining: Math.floor(b.tokens),
    };
  }

  /** Takes `points` (at most a full bucket: no cost is beyond reach) if the client's bucket holds them. */
  take(client: string, points: number): RateDecision {
    const b = this.bucket(client);
    const want = Math.min(Math.max(0, points), this.pointsPerMinute);
    if (b.tokens < want) return this.decision(b, want, false);
    b.tokens -= want;
    return this.decision(b, want, true);
  }

  /** Whether the client could pay `points` now, without taking them. */
  check(client: string, points: number): RateDecision {
    const b = this.bucket(client);
    const want = Math.min(Math.max(0, points), this.pointsPerMinute);
    return this.decision(b, want, b.tokens >= want);
  }
}
