// Pipeline support: where a short needle occurs in a document's folded text, found once and searched by
// bisection, so that a look-back or look-ahead asked per mention ("the last line break before this
// parenthesis") costs O(log n) instead of a scan of the text: extraction stays linear in its input.
import type { NormalizedText } from './normalize.ts';

const cache = new WeakMap<NormalizedText, Map<string, Int32Array>>();

/** Every offset of `needle` in `n.fold`, ascending (occurrences may overlap). Built once per text and needle. */
export function positionsIn(n: NormalizedText, needle: string): Int32Array {
  let byNeedle = cache.get(n);
  if (!byNeedle) {
    byNeedle = new Map();
    cache.set(n, byNeedle);
  }
  let found = byNeedle.get(needle);
  if (!found) {
    const f = n.fold;
    const out: number[] = [];
    for (let at = f.indexOf(needle); at >= 0; at = f.indexOf(needle, at + 1)) out.push(at);
    found = Int32Array.from(out);
    byNeedle.set(needle, found);
  }
  return found;
}

/** `n.fold.lastIndexOf(needle, at)`: the last occurrence starting at or before `at` (below 0 counts as 0), or -1. */
export function lastIndexIn(n: NormalizedText, needle: string, at: number): number {
  const p = positionsIn(n, needle);
  const limit = Math.max(0, at);
  let lo = 0;
  let hi = p.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p[mid] as number) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -1 : (p[lo - 1] as number);
}

/** `n.fold.indexOf(needle, at)`: the first occurrence starting at or after `at`, or -1. */
export function nextIndexIn(n: NormalizedText, needle: string, at: number): number {
  const p = positionsIn(n, needle);
  let lo = 0;
  let hi = p.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo === p.length ? -1 : (p[lo] as number);
}
