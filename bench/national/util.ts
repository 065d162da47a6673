// National corpus (util): seeded randomness per place in the hierarchy, calendar arithmetic on UTC day numbers,
// and the printed forms of dates. Integer arithmetic only, so output is the same on every Node version.
import { createRng, documentSeed, type Rng } from '../corpus.ts';

/** FNV-1a over the UTF-16 code units of a key: a 32-bit number to mix into a seed. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A PRNG that depends only on the corpus seed and a key naming a place in the hierarchy. */
export function rngFor(seed: number, key: string): Rng {
  return createRng(documentSeed(seed, hashKey(key)));
}

/** Code-unit order (no locale): the same on every runtime. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Picks by weight; `weights` has one entry per item. */
export function weighted<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  let total = 0;
  for (const w of weights) total += w;
  let x = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

/** `count` distinct items in random order (a partial Fisher–Yates on a copy). */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const copy = [...items];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, copy.length - 1);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy.slice(0, n);
}

// ---------------------------------------------------------------------------------------------
// Calendar: a day is an integer (days since 1970-01-01, UTC).

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

export const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;

export function ymd(day: number): Ymd {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Documents are signed on working days: a Saturday or Sunday moves to the Monday after. */
export function workingDay(day: number): number {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

export const isoOf = (day: number): string => {
  const t = ymd(day);
  return `${t.y}-${pad(t.m, 2)}-${pad(t.d, 2)}`;
};

/** "15/8/2023" or "15/08/2023" (both are printed). */
export function numericDate(day: number, padded: boolean): string {
  const t = ymd(day);
  return padded ? `${pad(t.d, 2)}/${pad(t.m, 2)}/${t.y}` : `${t.d}/${t.m}/${t.y}`;
}

/** "ngày 03 tháng 12 năm 2020" (the header form, days and months below 10 usually padded). */
export function spelledDate(day: number, padded: boolean): string {
  const t = ymd(day);
  const dd = padded ? pad(t.d, 2) : String(t.d);
  const mm = padded && t.m < 3 ? pad(t.m, 2) : String(t.m);
  return `ngày ${dd} tháng ${mm} năm ${t.y}`;
}

/** A citation's date: "ngày 15/8/2023", "ngày 15 tháng 8 năm 2023". */
export function citedDate(rng: Rng, day: number): string {
  return rng.chance(0.7) ? `ngày ${numericDate(day, rng.chance(0.4))}` : spelledDate(day, rng.chance(0.5));
}

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Vietnamese lettered items as printed: "ê" is usually skipped. */
export const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k'];
