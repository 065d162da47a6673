// Pipeline stage 1 (normalise): NFC + conversion-noise removal, with a map back to the original offsets.
// Every cleaning step is length-preserving (noise becomes spaces or newlines), so only NFC needs a map.
import { fold } from '../text/fold.ts';

export interface NormalizedText {
  /** The text as it arrived. All offsets that leave the pipeline point into this. */
  readonly original: string;
  /** NFC text with markup noise blanked out; what display strings are sliced from. */
  readonly text: string;
  /** `text` folded (lowercase, no diacritics), same length: what patterns match on. */
  readonly fold: string;
  /** Offset in `text` → offset in `original`. */
  toOriginal(offset: number): number;
}

type Step = (s: string) => string;

const blank = (m: string) => ' '.repeat(m.length);

/** `<sup>1</sup>` → `    ⁽1⁾     ` so footnote markers look alike whatever the converter wrote. */
const superscriptTags: Step = (s) =>
  s.replace(/<sup>([^<]{0,8})<\/sup>/gi, (_m, inner: string) => `    ⁽${inner}⁾     `);

/** `<br>` and the end of a block (paragraph, cell, row) start a line (page source copied whole); other tags vanish. */
const htmlTags: Step = (s) =>
  s.replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?\/?>/g, (m) =>
    /^<br|^<\/(?:p|div|tr|td|th|li|h[1-6]|table)\b/i.test(m) ? `\n${' '.repeat(m.length - 1)}` : blank(m),
  );

const htmlEntities: Step = (s) =>
  s
    .replace(/&(?:nbsp|ensp|emsp|thinsp|zwnj|zwj|#160|#xa0);/gi, blank)
    .replace(/&amp;/g, '&    ')
    .replace(/&(?:ndash|mdash|#8211|#8212);/gi, (m) => `-${' '.repeat(m.length - 1)}`)
    .replace(/&quot;/g, '"     ');

/** Escape sequences copied from page source ("\\r\\n", "\\n", "\\t") stand in the text as letters: they are line breaks and spaces. */
const literalEscapes: Step = (s) =>
  s
    .replace(/\\r\\n|\\n\\r/g, '   \n')
    .replace(/\\[nr]/g, ' \n')
    .replace(/\\t/g, '  ');

/** Markdown escapes ("\\*"), emphasis and bullets made of `*`, heading marks, code ticks: structure never relies on them. */
const markdownEscapes: Step = (s) => s.replace(/\\(?=[*_#\-.()[\]`+!|>])/g, ' ');
const markdownStars: Step = (s) => s.replace(/\*+/g, blank);
const markdownHeadings: Step = (s) =>
  s.replace(/^([ \t]*)(#{1,6})(?=\s)/gm, (_m, lead: string, hashes: string) => lead + blank(hashes));
const markdownTicks: Step = (s) => s.replace(/`+/g, blank);

/** Table pipes become line breaks (each cell a line); separator rows and rules become blank lines. */
const tables: Step = (s) =>
  s.replace(/\|/g, '\n').replace(/^[ \t:=_-]{3,}$/gm, (m) => (/[-=_]{3}/.test(m) ? blank(m) : m));

/** "445-KL/TƯ": the Party's central code typed with Ư; TW is the code ("TƯ" and "TW" are one length). */
const centralCode: Step = (s) => s.replace(/(\/\s?)TƯ(?![\p{L}\d])/gu, '$1TW');

/** "183/2010/TTLT/BTC-BNN": a slash typed for the hyphen after a legal document's type code (one length). */
const slashAfterTypeCode: Step = (s) =>
  s.replace(/(\d\/(?:19|20)\d{2}\/(?:TTLT|TT|NĐ|QĐ|NQ|CT))\/(?=[A-ZĐ])/gu, '$1-');

const invisibles: Step = (s) => s.replace(/[\u200b-\u200d\u2060\ufeff\r\t]/g, ' ');

/** Each step runs only when its trigger character is present: most documents skip most steps. */
const CLEANING_STEPS: ReadonlyArray<[RegExp, Step]> = [
  [/</, superscriptTags],
  [/</, htmlTags],
  [/&/, htmlEntities],
  [/\\[nrt]/, literalEscapes],
  [/\\/, markdownEscapes],
  [/\*/, markdownStars],
  [/#/, markdownHeadings],
  [/`/, markdownTicks],
  [/\||^[ \t:=_-]{3,}$/m, tables],
  [/[\u200b-\u200d\u2060\ufeff\r\t]/, invisibles],
  [/\/\s?TƯ/u, centralCode],
  [/\d\/(?:19|20)\d{2}\/[A-ZĐ]{2,4}\/[A-ZĐ]/u, slashAfterTypeCode],
];

export function normalize(original: string): NormalizedText {
  const { text: nfc, map } = toNfc(original);
  let text = nfc;
  for (const [trigger, step] of CLEANING_STEPS) if (trigger.test(text)) text = step(text);
  return {
    original,
    text,
    fold: yearsWithLetterO(fold(text)),
    toOriginal: map ? (i) => map[Math.max(0, Math.min(i, map.length - 1))] as number : (i) => i,
  };
}

/** "năm 2O22": a letter O typed for a zero inside a year; matched as a digit (the display text keeps the letter). */
function yearsWithLetterO(folded: string): string {
  if (!/\b[12][0-9o]*o[0-9o]*\b/.test(folded)) return folded;
  return folded.replace(/\b(?:19|2[o0])[0-9o]{2}\b/g, (y) => (/\d{2}/.test(y) ? y.replace(/o/g, '0') : y));
}

const isMark = (c: number) =>
  (c >= 0x300 && c <= 0x36f) ||
  (c >= 0x1ab0 && c <= 0x1aff) ||
  (c >= 0x1dc0 && c <= 0x1dff) ||
  (c >= 0x20d0 && c <= 0x20ff);
/** Vietnamese has a few hundred decomposed clusters: their NFC forms are cached. */
const clusterCache = new Map<string, string>();

/** NFC with an offset map; null map when the text is already NFC (the common case). */
function toNfc(original: string): { text: string; map: Int32Array | null } {
  const nfc = original.normalize('NFC');
  if (nfc === original) return { text: original, map: null };
  const parts: string[] = [];
  const offsets = new Int32Array(original.length + 1);
  let out = 0;
  let copied = 0;
  const len = original.length;
  for (let i = 0; i < len; i++) {
    if (!isMark(original.charCodeAt(i))) continue;
    // A cluster: the base character before the marks, and every mark in the run.
    const prev = original.charCodeAt(i - 1);
    const base = i === 0 ? 0 : prev >= 0xdc00 && prev <= 0xdfff ? i - 2 : i - 1;
    const start = Math.max(copied, base);
    let end = i + 1;
    while (end < len && isMark(original.charCodeAt(end))) end++;
    if (start > copied) {
      parts.push(original.slice(copied, start));
      for (let k = copied; k < start; k++) offsets[out++] = k;
    }
    const raw = original.slice(start, end);
    let cluster = clusterCache.get(raw);
    if (cluster === undefined) {
      cluster = raw.normalize('NFC');
      if (clusterCache.size < 10_000) clusterCache.set(raw, cluster);
    }
    parts.push(cluster);
    for (let k = 0; k < cluster.length; k++) offsets[out++] = k === 0 ? start : end;
    copied = end;
    i = end - 1;
  }
  if (copied < len) {
    parts.push(original.slice(copied));
    for (let k = copied; k < len; k++) offsets[out++] = k;
  }
  offsets[out] = len;
  const text = parts.join('');
  // Marks outside the ranges above (other scripts): the general cluster walk.
  if (text !== nfc) return toNfcByClusters(original);
  return { text, map: offsets.subarray(0, out + 1) };
}

/**
 * Each cluster (a code point and the marks after it; a run of marks at the very start) normalised on its own, as
 * `original.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)` would give them, in one pass with typed arrays: a character that
 * NFC leaves alone (nearly all) is copied with its offset.
 */
function toNfcByClusters(original: string): { text: string; map: Int32Array } {
  const len = original.length;
  let offsets = new Int32Array(len + 1);
  let out = 0;
  const room = (extra: number) => {
    if (out + extra < offsets.length) return;
    const bigger = new Int32Array(Math.max(offsets.length * 2, out + extra + 1));
    bigger.set(offsets.subarray(0, out));
    offsets = bigger;
  };
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < len) {
    const start = i;
    const cp = original.codePointAt(i) as number;
    const lead = isMarkPoint(cp);
    let end = i + (cp > 0xffff ? 2 : 1);
    while (end < len) {
      const next = original.codePointAt(end) as number;
      if (!isMarkPoint(next)) break;
      end += next > 0xffff ? 2 : 1;
    }
    i = end;
    if (end === start + 1 && !lead && nfcStableUnit(original.charCodeAt(start))) {
      room(1);
      offsets[out++] = start;
      continue;
    }
    if (copied < start) parts.push(original.slice(copied, start));
    const raw = original.slice(start, end);
    let piece = clusterCache.get(raw);
    if (piece === undefined) {
      piece = raw.normalize('NFC');
      if (clusterCache.size < 10_000) clusterCache.set(raw, piece);
    }
    parts.push(piece);
    room(piece.length);
    for (let k = 0; k < piece.length; k++) offsets[out++] = k === 0 ? start : end;
    copied = end;
  }
  if (copied < len) parts.push(original.slice(copied));
  room(1);
  offsets[out] = len;
  return { text: parts.join(''), map: offsets.slice(0, out + 1) };
}

/** \p{M} for a code point; the answers for the BMP are kept (0 unknown, 1 mark, 2 not). */
const markTable = new Uint8Array(0x10000);
const MARK = /\p{M}/u;
function isMarkPoint(cp: number): boolean {
  if (cp > 0xffff) return MARK.test(String.fromCodePoint(cp));
  let known = markTable[cp] as number;
  if (known === 0) {
    known = MARK.test(String.fromCharCode(cp)) ? 1 : 2;
    markTable[cp] = known;
  }
  return known === 1;
}

/** Whether NFC leaves one code unit alone (not a mark; "Ω" U+2126 becomes "Ω" U+03A9); answers kept. */
const stableTable = new Uint8Array(0x10000);
function nfcStableUnit(c: number): boolean {
  let known = stableTable[c] as number;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = ch.normalize('NFC') === ch ? 1 : 2;
    stableTable[c] = known;
  }
  return known === 1;
}
