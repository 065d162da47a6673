// Bench `scale`: timing helpers — latency percentiles over repeated calls, medians, ratios, rounding.

export interface Latency {
  calls: number;
  p50Ms: number;
  p99Ms: number;
}

export const round = (x: number, digits = 3) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    calls: sorted.length,
    p50Ms: round(percentile(sorted, 0.5), 4),
    p99Ms: round(percentile(sorted, 0.99), 4),
  };
}

/**
 * Times `call(target)` for every target, `repeat` times each after `warmup` untimed calls, interleaving
 * targets so a noisy moment spreads over all of them. Sub-millisecond calls are timed in groups of
 * `inner` and divided, since one performance.now() pair costs about as much as the fastest walk.
 */
export async function timeCalls<T>(
  targets: readonly T[],
  call: (target: T) => unknown | Promise<unknown>,
  options: { repeat: number; warmup?: number; inner?: number },
): Promise<Latency> {
  const inner = options.inner ?? 1;
  for (let w = 0; w < (options.warmup ?? 2); w++) for (const t of targets) await call(t);
  const samples: number[] = [];
  for (let r = 0; r < options.repeat; r++) {
    for (const t of targets) {
      const start = performance.now();
      for (let i = 0; i < inner; i++) await call(t);
      samples.push((performance.now() - start) / inner);
    }
  }
  return latency(samples);
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
