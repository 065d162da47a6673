// Bench corpus: deterministic variants of the seed documents (seeded PRNG), for throughput runs and generators.
//
// Document i depends only on (corpus seed, i) and the seed texts, never on the documents before it, so a
// generator can rebuild any single document or stream a corpus of any size. Each variation is a small
// named step; `varyDocument` applies them in order: content (places, numbers, dates, figures), then
// structure (shuffled items and paragraphs), then noise (markdown/HTML, line endings, NFD).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allDistricts, allProvinces, type Province } from '../src/gazetteer/geo.ts';

// --- PRNG -------------------------------------------------------------------------------------

/** A small deterministic PRNG; `next()` is uniform in [0, 1). */
export interface Rng {
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
}

/** mulberry32: 32-bit state, fast, good enough for test data (not for anything cryptographic). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        const a = items[i] as T;
        items[i] = items[j] as T;
        items[j] = a;
      }
      return items;
    },
  };
}

/** Mixes the corpus seed with a document index (splitmix32 finaliser) so neighbouring documents differ. */
export function documentSeed(corpusSeed: number, index: number): number {
  let z = (corpusSeed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

// --- Seeds ------------------------------------------------------------------------------------

export interface SeedText {
  name: string;
  text: string;
}

export const SEEDS_DIR = new URL('../seeds/', import.meta.url);

/** The .txt/.md files of a directory, sorted by name (seeds are UTF-8). */
export function loadSeeds(dir: URL | string = SEEDS_DIR): SeedText[] {
  const path = typeof dir === 'string' ? dir : fileURLToPath(dir);
  return readdirSync(path)
    .filter((name) => /\.(txt|md)$/i.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(path, name), 'utf8') }));
}

// --- Variation steps ----------------------------------------------------------------------------

/** What was done to one document, recorded so a run can state its corpus composition. */
export interface Variant {
  seed: string;
  shuffledRuns: number;
  markdownNoise: boolean;
  crlf: boolean;
  nfd: boolean;
}

type Step = (text: string, rng: Rng, variant: Variant) => string;

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (names: Iterable<string>) =>
  [...new Set(names)]
    .sort((a, b) => b.length - a.length) // longest first: "Tân Phú Đông" before "Tân Phú"
    .map(escapeRegex)
    .join('|');

interface Places {
  provinces: Province[];
  /** "tỉnh X" / "huyện Y" (any case) followed by a gazetteer name. */
  unitPattern: RegExp;
  /** The place on a date line: "Quảng Ngãi, ngày ...". */
  dateLinePattern: RegExp;
}

let placesCache: Places | null = null;

/** Provinces with districts (pre-2025 units) so a replaced "huyện" can stay inside its "tỉnh". */
function places(): Places {
  if (placesCache) return placesCache;
  const provinces = allProvinces().filter(
    (p) => p.kind === 'TINH' && p.districts.some((d) => d.kind === 'HUYEN'),
  );
  const provinceNames = alternation(allProvinces().map((p) => p.name));
  const districtNames = alternation(allDistricts().map((d) => d.name));
  placesCache = {
    provinces,
    unitPattern: new RegExp(
      `${NOT_LETTER_BEFORE}(?:(tỉnh)(\\s+)(${provinceNames})|(huyện)(\\s+)(${districtNames}))${NOT_LETTER_AFTER}`,
      'giu',
    ),
    dateLinePattern: new RegExp(`^([ \\t*_#]*)(${provinceNames})(\\s*,\\s*ngày)`, 'gimu'),
  };
  return placesCache;
}

const sameCase = (printed: string, name: string) =>
  printed === printed.toUpperCase() && printed !== printed.toLowerCase() ? name.toUpperCase() : name;

/** Moves the document to another province (and a district of it), consistently for every mention. */
const renameJurisdictions: Step = (text, rng) => {
  const geo = places();
  const home = rng.pick(geo.provinces);
  const homeDistricts = home.districts.filter((d) => d.kind === 'HUYEN');
  const provinceMap = new Map<string, string>();
  const districtMap = new Map<string, string>();
  // The first province named becomes `home`; others get a random one, so cross-province citations survive.
  const newProvince = (key: string) => {
    let to = provinceMap.get(key);
    if (to === undefined) {
      to = provinceMap.size === 0 ? home.name : rng.pick(geo.provinces).name;
      provinceMap.set(key, to);
    }
    return to;
  };
  // The first district named lies in `home`; any other is a district of some random province.
  const newDistrict = (key: string) => {
    let to = districtMap.get(key);
    if (to === undefined) {
      const pool =
        districtMap.size === 0 && homeDistricts.length > 0
          ? homeDistricts
          : rng.pick(geo.provinces).districts;
      to = rng.pick(pool).name;
      districtMap.set(key, to);
    }
    return to;
  };
  let out = text.replace(
    geo.unitPattern,
    (m, tinh?: string, s1?: string, province?: string, huyen?: string, s2?: string, district?: string) => {
      if (tinh !== undefined && province !== undefined)
        return `${tinh}${s1}${sameCase(province, newProvince(province.toLowerCase()))}`;
      if (huyen !== undefined && district !== undefined)
        return `${huyen}${s2}${sameCase(district, newDistrict(district.toLowerCase()))}`;
      return m;
    },
  );
  out = out.replace(
    geo.dateLinePattern,
    (_m, lead: string, province: string, rest: string) =>
      `${lead}${sameCase(province, newProvince(province.toLowerCase()))}${rest}`,
  );
  return out;
};

/**
 * Document numbers in symbols ("57-CTr/TU", "569/QĐ-TTg"): same width, same number → same number. Short
 * forms ("Kết luận 93", "Công văn số 186") follow their symbol so that they still name the same document.
 */
const renumberSymbols: Step = (text, rng) => {
  const map = new Map<string, string>();
  const symbols = text.replace(
    /(?<![\p{L}\p{N}/.-])(\d{1,5})(?=\s?[-/]\s?\p{Lu}[\p{L}&]*(?:[-/][\p{L}\p{N}&]+)+)/gu,
    (num: string) => {
      let to = map.get(num);
      if (to === undefined) {
        const width = num.length;
        const n =
          width === 1 ? rng.int(1, 9) : rng.int(num.startsWith('0') ? 1 : 10 ** (width - 1), 10 ** width - 1);
        to = String(n).padStart(width, '0');
        map.set(num, to);
      }
      return to;
    },
  );
  return symbols.replace(SHORT_FORM, (_m, head: string, num: string) => `${head}${map.get(num) ?? num}`);
};

const SHORT_FORM =
  /(?<![\p{L}\p{M}])((?:kết luận|chỉ thị|công văn|nghị quyết|quyết định|kế hoạch|chương trình(?: hành động)?|thông báo|tờ trình|thông tư)\s+(?:số\s+)?)(\d{1,5})(?![\p{L}\p{N}/-])/giu;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number, like: string) => (like.length === 2 ? String(n).padStart(2, '0') : String(n));

/**
 * Shifts every full date by one per-document offset (so their order survives) and keeps each printed
 * form; about one date in a hundred becomes impossible (31/6), as converted documents sometimes have.
 */
const shiftDates: Step = (text, rng) => {
  const shiftDays = rng.int(-1500, 600);
  const map = new Map<string, { d: number; m: number; y: number }>();
  const shifted = (d: number, m: number, y: number) => {
    const key = `${y}-${m}-${d}`;
    let to = map.get(key);
    if (to === undefined) {
      const valid =
        m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && y % 4 === 0 ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0));
      if (!valid) to = { d, m, y };
      else if (rng.chance(0.01)) to = { d: 31, m: rng.pick([4, 6, 9, 11]), y };
      else {
        const t = new Date(Date.UTC(y, m - 1, d) + shiftDays * 86_400_000);
        to = { d: t.getUTCDate(), m: t.getUTCMonth() + 1, y: t.getUTCFullYear() };
      }
      map.set(key, to);
    }
    return to;
  };
  return text
    .replace(
      /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g,
      (_m, d: string, m: string, y: string) => {
        const t = shifted(Number(d), Number(m), Number(y));
        return `${pad2(t.d, d)}/${pad2(t.m, m)}/${t.y}`;
      },
    )
    .replace(
      /(ngày\s+)(\d{1,2})(\s+tháng\s+)(\d{1,2})(\s+năm\s+)((?:19|20)\d{2})/giu,
      (_m, a: string, d: string, b: string, m: string, c: string, y: string) => {
        const t = shifted(Number(d), Number(m), Number(y));
        return `${a}${pad2(t.d, d)}${b}${pad2(t.m, m)}${c}${t.y}`;
      },
    );
};

/** Percentages and counted figures ("1%", "30 doanh nghiệp") change; they carry no structure. */
const varyFigures: Step = (text, rng) =>
  text.replace(/(?<![\p{L}\p{N}/.,-])(\d{1,3})(?=\s?%)/gu, (num) =>
    String(Math.max(1, Number(num) + rng.int(-5, 15))),
  );

type LineKind = 'BLANK' | 'HEADING' | 'BULLET' | 'TEXT';

const HEADING =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?[ \t]*(?:(?:phần[ \t]+)?[IVX]{1,6}[ \t]*[.)/:-]|\d{1,2}(?:\.\d{1,2})*[ \t]*[.)]|[a-zđ][ \t]*\))/iu;
const BULLET = /^[ \t]*(?:\\?[-+•·–]|\*)[ \t]/u;
const END_OF_BODY = /^[ \t*_#]*(?:nơi nhận|tm\.|kt\.|t\/m)/iu;

function lineKind(line: string): LineKind {
  if (line.trim() === '') return 'BLANK';
  if (HEADING.test(line)) return 'HEADING';
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length > 3 && letters === letters.toUpperCase()) return 'HEADING';
  return BULLET.test(line) ? 'BULLET' : 'TEXT';
}

/**
 * Between two headings of the body, items are shuffled among item positions and paragraphs among
 * paragraph positions, so the outline stays as printed. A unit carries its blank lines, its sub-items
 * ("+" under "-") and its continuation lines (a paragraph broken mid-sentence starts in lower case). The
 * header, title and preamble (before section I) and the signature block stay in place.
 */
const shuffleBlocks: Step = (text, rng, variant) => {
  const out: string[] = [];
  let inBody = false;
  let ended = false;
  type Unit = { kind: 'BULLET' | 'TEXT'; lines: string[] };
  let run: Unit[] = [];
  let topMarker = '';
  const flush = () => {
    for (const kind of ['BULLET', 'TEXT'] as const) {
      const at = run.flatMap((u, i) => (u.kind === kind ? [i] : []));
      if (at.length < 2 || !rng.chance(kind === 'BULLET' ? 0.7 : 0.5)) continue;
      const units = rng.shuffle(at.map((i) => run[i] as Unit));
      at.forEach((i, k) => {
        run[i] = units[k] as Unit;
      });
      variant.shuffledRuns++;
    }
    for (const u of run) out.push(...u.lines);
    run = [];
    topMarker = '';
  };
  for (const line of text.split('\n')) {
    const kind = lineKind(line);
    if (!ended && END_OF_BODY.test(line)) ended = true;
    if (!inBody && /^[ \t*_#]*(?:phần[ \t]+)?I[ \t]*[.)]/iu.test(line)) inBody = true;
    const last = run.at(-1);
    if (!inBody || ended || kind === 'HEADING') {
      flush();
      out.push(line);
    } else if (kind === 'BLANK') {
      if (last) last.lines.push(line);
      else out.push(line);
    } else if (kind === 'BULLET') {
      const marker = (BULLET.exec(line)?.[0] ?? '').trim();
      if (topMarker === '') topMarker = marker;
      if (marker === topMarker || !last) run.push({ kind, lines: [line] });
      else last.lines.push(line);
    } else if (last && /^[ \t]*\p{Ll}/u.test(line)) last.lines.push(line);
    else run.push({ kind, lines: [line] });
  }
  flush();
  return out.join('\n');
};

/** What converters leave in: bold/heading marks, escaped bullets, footnote tags, pipes, entities, ZWSP. */
const addMarkdownNoise: Step = (text, rng, variant) => {
  if (!rng.chance(0.5)) return text;
  variant.markdownNoise = true;
  const heading = rng.pick(['## ', '### ', '**']);
  let footnote = 1;
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      if (/^[IVX]{1,6}\.\s/u.test(line)) return heading === '**' ? `**${line}**` : `${heading}${line}`;
      if (/^\d{1,2}\.\s/.test(line) && rng.chance(0.4)) {
        const colon = line.indexOf(':');
        return colon > 0 && colon < 80
          ? `**${line.slice(0, colon + 1)}**${line.slice(colon + 1)}`
          : `**${line}**`;
      }
      if (/^- /.test(line) && rng.chance(0.2)) return `\\${line}`;
      if (/^[-+] /.test(line) && rng.chance(0.05)) {
        const cut = line.indexOf(', ');
        return cut > 0 ? `| ${line.slice(2, cut)} | ${line.slice(cut + 2)} |` : line;
      }
      let noisy = line;
      if (rng.chance(0.08)) noisy = noisy.replace(/([.;])$/, `$1<sup>${footnote++}</sup>`);
      if (rng.chance(0.05)) noisy = noisy.replace(/“([^”]{1,200})”/, '“*$1*”');
      if (rng.chance(0.03)) noisy = noisy.replace(' ', '&nbsp;');
      if (rng.chance(0.02)) noisy = noisy.replace(' ', ' \u200b');
      return noisy;
    })
    .join('\n');
};

const crlfLineEnds: Step = (text, rng, variant) => {
  if (!rng.chance(0.15)) return text;
  variant.crlf = true;
  return text.replace(/\r?\n/g, '\r\n');
};

/** Decomposed text is what some Mac and web sources deliver; normalisation then has real work to do. */
const decompose: Step = (text, rng, variant) => {
  if (!rng.chance(0.2)) return text;
  variant.nfd = true;
  return text.normalize('NFD');
};

const STEPS: readonly Step[] = [
  renameJurisdictions,
  renumberSymbols,
  shiftDates,
  varyFigures,
  shuffleBlocks,
  addMarkdownNoise,
  crlfLineEnds,
  decompose,
];

/** One variant of one seed; the same (seed text, rng state) always gives the same document. */
export function varyDocument(seed: SeedText, rng: Rng): { text: string; variant: Variant } {
  const variant: Variant = {
    seed: seed.name,
    shuffledRuns: 0,
    markdownNoise: false,
    crlf: false,
    nfd: false,
  };
  let text = seed.text;
  for (const step of STEPS) text = step(text, rng, variant);
  return { text, variant };
}

// --- Corpus -------------------------------------------------------------------------------------

export interface CorpusDocument {
  source: string;
  text: string;
  /** UTF-8 bytes: what a file of this document would weigh. */
  bytes: number;
  variant: Variant;
}

export interface Corpus {
  seed: number;
  documents: CorpusDocument[];
  bytes: number;
  utf16Units: number;
  composition: { nfd: number; crlf: number; markdownNoise: number; shuffledRuns: number };
}

export interface CorpusOptions {
  seeds: readonly SeedText[];
  /** Stop once the corpus holds at least this many UTF-8 bytes. */
  targetBytes: number;
  seed: number;
}

/** The i-th document of a corpus: seeds in turn, each varied with its own PRNG stream. */
export function corpusDocument(
  seeds: readonly SeedText[],
  corpusSeed: number,
  index: number,
): CorpusDocument {
  const seed = seeds[index % seeds.length];
  if (seed === undefined) throw new Error('no seed documents');
  const { text, variant } = varyDocument(seed, createRng(documentSeed(corpusSeed, index)));
  return {
    source: `corpus/${String(index).padStart(5, '0')}_${seed.name}`,
    text,
    bytes: Buffer.byteLength(text),
    variant,
  };
}

export function buildCorpus(options: CorpusOptions): Corpus {
  const documents: CorpusDocument[] = [];
  let bytes = 0;
  let utf16Units = 0;
  const composition = { nfd: 0, crlf: 0, markdownNoise: 0, shuffledRuns: 0 };
  while (bytes < options.targetBytes) {
    const doc = corpusDocument(options.seeds, options.seed, documents.length);
    documents.push(doc);
    bytes += doc.bytes;
    utf16Units += doc.text.length;
    if (doc.variant.nfd) composition.nfd++;
    if (doc.variant.crlf) composition.crlf++;
    if (doc.variant.markdownNoise) composition.markdownNoise++;
    composition.shuffledRuns += doc.variant.shuffledRuns;
  }
  return { seed: options.seed, documents, bytes, utf16Units, composition };
}
