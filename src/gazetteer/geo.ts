// Gazetteer: Vietnamese provinces and districts (resources/geo/vn-admin-units.json), validated once, with name lookups.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Schema of the data file. Every type below comes from it.

export const ProvinceKind = z.enum(['TINH', 'THANH_PHO_TW']);
export type ProvinceKind = z.infer<typeof ProvinceKind>;

export const DistrictKind = z.enum(['HUYEN', 'QUAN', 'THI_XA', 'THANH_PHO']);
export type DistrictKind = z.infer<typeof DistrictKind>;

/** PRE_2025: one of the 63 units before Resolution 202/2025/QH15; POST_2025: one of the 34 after it; BOTH: a name in both lists (its territory may have grown). */
export const Era = z.enum(['PRE_2025', 'POST_2025', 'BOTH']);
export type Era = z.infer<typeof Era>;

const UnitName = z
  .string()
  .min(1)
  // Only characters that the text matcher folds exactly as geoKey does.
  .regex(
    /^[\p{L}\p{M}\p{N}' .-]+$/u,
    'a name may hold letters, digits, spaces, apostrophes, dots and hyphens only',
  )
  .refine((s) => s === s.normalize('NFC') && s === s.trim(), 'a name must be NFC and trimmed');

const Aliases = z.array(UnitName).readonly().default([]);

export const DistrictEntry = z
  .object({
    name: UnitName,
    kind: DistrictKind,
    /** General Statistics Office code (3 digits). */
    code: z.string().regex(/^\d{3}$/),
    aliases: Aliases,
  })
  .readonly();
export type DistrictEntry = z.infer<typeof DistrictEntry>;

export const Province = z
  .object({
    name: UnitName,
    kind: ProvinceKind,
    era: Era,
    /** GSO code before 2025 (null for a post-2025-only unit). */
    code: z
      .string()
      .regex(/^\d{2}$/)
      .nullable(),
    /** Code of the post-2025 unit (null for a pre-2025-only unit): new units reuse old codes, not always their own. */
    code2025: z
      .string()
      .regex(/^\d{2}$/)
      .nullable(),
    /** Name of the post-2025 province this pre-2025 unit became part of (null for a post-2025-only unit). */
    mergedInto2025: UnitName.nullable(),
    aliases: Aliases,
    /** Districts as of the pre-2025 data (empty for a post-2025-only unit; the district level ended in 2025). */
    districts: z.array(DistrictEntry).readonly(),
  })
  .readonly();
export type Province = z.infer<typeof Province>;

/** A district together with the (pre-2025) province that contains it. */
export type District = DistrictEntry & { readonly province: Province };

export const GeoSource = z
  .object({
    description: z.string(),
    packages: z
      .array(
        z
          .object({
            name: z.string(),
            version: z.string(),
            license: z.string(),
            repository: z.string(),
            upstream: z.string(),
            dataDate: z.string(),
            usedFor: z.string(),
          })
          .readonly(),
      )
      .min(1)
      .readonly(),
    handWritten: z.array(z.string()).readonly(),
    builtBy: z.string(),
  })
  .readonly();
export type GeoSource = z.infer<typeof GeoSource>;

export const GeoData = z
  .object({ source: GeoSource, provinces: z.array(Province).readonly() })
  .readonly()
  .superRefine((data, ctx) => {
    const byName = new Map(data.provinces.map((p) => [p.name, p]));
    const keys = new Map<string, string>();
    data.provinces.forEach((p, i) => {
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['provinces', i], message });
      for (const n of [p.name, ...p.aliases]) {
        const k = geoKey(n);
        const other = keys.get(k);
        if (other !== undefined) issue(`"${n}" has the same key as ${other}`);
        keys.set(k, p.name);
      }
      const old = p.era !== 'POST_2025';
      const current = p.era !== 'PRE_2025';
      if (old !== (p.code !== null)) issue('code must be set exactly for pre-2025 units');
      if (current !== (p.code2025 !== null)) issue('code2025 must be set exactly for post-2025 units');
      if (!old && p.districts.length > 0) issue('a post-2025-only unit must have no districts');
      if (old && p.districts.length === 0) issue('a pre-2025 unit must have districts');
      if (!old && p.mergedInto2025 !== null) issue('a post-2025-only unit must not be merged into anything');
      if (old) {
        const target = p.mergedInto2025 === null ? undefined : byName.get(p.mergedInto2025);
        if (target === undefined || target.era === 'PRE_2025')
          issue('mergedInto2025 must name a post-2025 unit');
        if (p.era === 'BOTH' && p.mergedInto2025 !== p.name)
          issue('a unit in both lists must merge into itself');
      }
    });
  });
export type GeoData = z.infer<typeof GeoData>;

// ---------------------------------------------------------------------------------------------
// Matching key.

type Folded = { kind: 'text'; value: string } | { kind: 'mark' | 'apostrophe' | 'separator' | 'other' };

const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '\u02bc', '`', '\u00b4']);
const SEPARATORS = /^[\s\-\u2010-\u2015\u2212.\u00b7]$/u;
const foldCache = new Map<string, Folded>();

/** Classifies one code point; letters and digits fold to lowercase ASCII-ish text (đ → d, marks dropped). */
function fold(ch: string): Folded {
  let f = foldCache.get(ch);
  if (f !== undefined) return f;
  if (/^\p{M}$/u.test(ch)) f = { kind: 'mark' };
  else if (/^[\p{L}\p{N}]$/u.test(ch)) {
    const value = ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd');
    f = { kind: 'text', value };
  } else if (APOSTROPHES.has(ch)) f = { kind: 'apostrophe' };
  else if (SEPARATORS.test(ch)) f = { kind: 'separator' };
  else f = { kind: 'other' };
  foldCache.set(ch, f);
  return f;
}

/**
 * The matching key of a name: lowercase, no diacritics (đ → d), apostrophes removed together with the
 * spaces around them ("Ia H' Drai" → "ia hdrai"), hyphens, dots and other punctuation turned into one
 * space between words ("Bà Rịa-Vũng Tàu" = "Bà Rịa - Vũng Tàu"), whitespace collapsed and trimmed.
 */
export function geoKey(s: string): string {
  let out = '';
  let glue = false;
  for (const ch of s.normalize('NFC')) {
    const f = fold(ch);
    if (f.kind === 'text') {
      out += f.value;
      glue = false;
    } else if (f.kind === 'apostrophe') {
      out = out.trimEnd();
      glue = true;
    } else if (f.kind !== 'mark' && !glue && out !== '' && !out.endsWith(' ')) {
      out += ' ';
    }
  }
  return out.trimEnd();
}

// ---------------------------------------------------------------------------------------------
// Loading and indexes (built once, on first use).

interface Bucket<T> {
  /** Length of the longest key in the bucket: how far a scan needs to read. */
  maxLength: number;
  /** Longest key first. */
  entries: { key: string; value: T }[];
}

interface Gazetteer {
  provinces: readonly Province[];
  districts: readonly District[];
  provinceByKey: Map<string, Province>;
  provinceByName: Map<string, Province>;
  districtsByKey: Map<string, readonly District[]>;
  provinceStarts: Map<string, Bucket<Province>>;
  districtStarts: Map<string, Bucket<readonly District[]>>;
}

const DATA_URL = new URL('../../resources/geo/vn-admin-units.json', import.meta.url);
let loaded: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  loaded ??= buildGazetteer(GeoData.parse(JSON.parse(readFileSync(DATA_URL, 'utf8'))));
  return loaded;
}

function firstWord(key: string): string {
  const space = key.indexOf(' ');
  return space === -1 ? key : key.slice(0, space);
}

function startIndex<T>(byKey: Map<string, T>): Map<string, Bucket<T>> {
  const starts = new Map<string, Bucket<T>>();
  for (const [key, value] of byKey) {
    const w = firstWord(key);
    let b = starts.get(w);
    if (b === undefined) {
      b = { maxLength: 0, entries: [] };
      starts.set(w, b);
    }
    b.entries.push({ key, value });
    b.maxLength = Math.max(b.maxLength, key.length);
  }
  for (const b of starts.values()) b.entries.sort((x, y) => y.key.length - x.key.length);
  return starts;
}

function buildGazetteer(data: GeoData): Gazetteer {
  const provinceByKey = new Map<string, Province>();
  const provinceByName = new Map<string, Province>();
  const districts: District[] = [];
  const districtsByKey = new Map<string, District[]>();
  for (const p of data.provinces) {
    provinceByName.set(p.name, p);
    for (const n of [p.name, ...p.aliases]) provinceByKey.set(geoKey(n), p);
    for (const d of p.districts) {
      const district: District = Object.freeze({ ...d, province: p });
      districts.push(district);
      for (const k of new Set([d.name, ...d.aliases].map(geoKey))) {
        const list = districtsByKey.get(k);
        if (list === undefined) districtsByKey.set(k, [district]);
        else list.push(district);
      }
    }
  }
  for (const list of districtsByKey.values()) Object.freeze(list);
  return {
    provinces: data.provinces,
    districts: Object.freeze(districts),
    provinceByKey,
    provinceByName,
    districtsByKey,
    provinceStarts: startIndex(provinceByKey),
    districtStarts: startIndex<readonly District[]>(districtsByKey),
  };
}

// ---------------------------------------------------------------------------------------------
// Lookups by name.

// Prefix keys (after geoKey), longest first; "t p" is "T.P.", "h"/"q" are "H."/"Q." abbreviations.
const PROVINCE_PREFIXES = ['thanh pho', 'tinh', 'tp', 't p'];
const DISTRICT_PREFIXES = ['thanh pho', 'thi xa', 'huyen', 'quan', 'tp', 'tx', 't p', 't x', 'h', 'q'];

/** The key itself, then the key without one leading unit-type word. */
function candidateKeys(name: string, prefixes: readonly string[]): string[] {
  const key = geoKey(name);
  const keys = [key];
  for (const p of prefixes) if (key.startsWith(`${p} `)) keys.push(key.slice(p.length + 1));
  return keys;
}

/** All provinces of both lists (63 pre-2025 and 34 post-2025 units; names in both appear once). */
export function allProvinces(): readonly Province[] {
  return gazetteer().provinces;
}

/** All districts of the pre-2025 provinces, each with its province. */
export function allDistricts(): readonly District[] {
  return gazetteer().districts;
}

/**
 * The province (or centrally-run city) with this name, from either list; `era` says which. Accepts a
 * leading "tỉnh" / "thành phố" / "TP." and any case or diacritics ("TP HCM", "thanh hoa").
 */
export function findProvince(name: string): Province | null {
  const g = gazetteer();
  for (const k of candidateKeys(name, PROVINCE_PREFIXES)) {
    const p = g.provinceByKey.get(k);
    if (p !== undefined) return p;
  }
  return null;
}

/**
 * Every district with this name, each with its province ("Châu Thành" is in ten). Accepts a leading
 * "huyện" / "quận" / "thị xã" / "thành phố" (or abbreviations), any case or diacritics. Empty when none.
 */
export function findDistricts(name: string): District[] {
  const g = gazetteer();
  // Numbered urban districts are named "Quận 1"; "Q.1" and "Q1" reach them too, a bare "1" does not.
  const numbered = /^(?:quan|q) ?(\d+)$/.exec(geoKey(name));
  const keys = numbered === null ? candidateKeys(name, DISTRICT_PREFIXES) : [`quan ${numbered[1]}`];
  for (const k of keys) {
    const list = g.districtsByKey.get(k);
    if (list !== undefined) return [...list];
  }
  return [];
}

/**
 * The geoKeys of the provinces a jurisdiction lies in: its own when it is a province, else those of every district
 * of that name (empty when the gazetteer knows neither).
 */
export function provinceKeysOf(jurisdiction: string): ReadonlySet<string> {
  const own = findProvince(jurisdiction);
  return own !== null
    ? new Set([geoKey(own.name)])
    : new Set(findDistricts(jurisdiction).map((d) => geoKey(d.province.name)));
}

/** The post-2025 province that `province` became part of (itself for a post-2025 unit); null if unknown. */
export function provinceAfterMerger2025(province: Province): Province | null {
  if (province.era !== 'PRE_2025') return gazetteer().provinceByName.get(province.name) ?? null;
  return province.mergedInto2025 === null
    ? null
    : (gazetteer().provinceByName.get(province.mergedInto2025) ?? null);
}

// ---------------------------------------------------------------------------------------------
// Matching inside text.

function isWordChar(text: string, at: number): boolean {
  const cp = text.codePointAt(at);
  if (cp === undefined) return false;
  const kind = fold(String.fromCodePoint(cp)).kind;
  return kind === 'text' || kind === 'mark';
}

/** The code point that ends just before `at` (a surrogate pair counts as one). */
function charBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
}

/**
 * The longest key of `starts` that the text spells from `start`, ending on a word boundary. The text is
 * folded code point by code point exactly as geoKey does, remembering where each key character ends in
 * the original, and only as far as the longest candidate sharing the first word.
 */
function matchAt<T>(
  starts: Map<string, Bucket<T>>,
  text: string,
  start: number,
): { value: T; end: number } | null {
  if (!Number.isInteger(start) || start < 0 || start >= text.length) return null;
  if (start > 0 && isWordChar(text, charBefore(text, start))) return null;
  if (fold(String.fromCodePoint(text.codePointAt(start) ?? 0)).kind !== 'text') return null;

  let key = '';
  const ends: number[] = []; // ends[i]: offset in text just after the character that produced key[i]
  let glue = false;
  let bucket: Bucket<T> | undefined;
  let i = start;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    const f = fold(ch);
    if (f.kind === 'other') break;
    if (f.kind === 'text') {
      key += f.value;
      for (let n = 0; n < f.value.length; n++) ends.push(next);
      glue = false;
    } else if (f.kind === 'mark') {
      if (ends.length > 0 && !key.endsWith(' ')) ends[ends.length - 1] = next;
    } else if (f.kind === 'apostrophe') {
      if (key.endsWith(' ')) {
        key = key.slice(0, -1);
        ends.pop();
      }
      glue = true;
    } else if (!glue && !key.endsWith(' ')) {
      if (bucket === undefined) {
        bucket = starts.get(key);
        if (bucket === undefined) return null;
      }
      key += ' ';
      ends.push(next);
    }
    if (bucket !== undefined && key.length > bucket.maxLength) break;
    i = next;
  }
  bucket ??= starts.get(firstWord(key));
  if (bucket === undefined) return null;

  for (const { key: k, value } of bucket.entries) {
    if (!key.startsWith(k)) continue;
    const end = ends[k.length - 1];
    if (end !== undefined && !isWordChar(text, end)) return { value, end };
  }
  return null;
}

/**
 * The longest province name (or alias) that starts exactly at `index` in `text` and ends on a word
 * boundary; `end` is the offset just after it. Case- and diacritic-insensitive. Null when none.
 */
export function matchProvinceAt(text: string, index: number): { province: Province; end: number } | null {
  const m = matchAt(gazetteer().provinceStarts, text, index);
  return m === null ? null : { province: m.value, end: m.end };
}

/**
 * The longest district name that starts exactly at `index` in `text` and ends on a word boundary, with
 * every district of that name; `end` is the offset just after it. Null when none.
 */
export function matchDistrictAt(text: string, index: number): { districts: District[]; end: number } | null {
  const m = matchAt(gazetteer().districtStarts, text, index);
  return m === null ? null : { districts: [...m.value], end: m.end };
}
