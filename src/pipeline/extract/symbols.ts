// Extract (symbols): document symbols in both shapes — Party "36-NQ/TW", State "569/QĐ-TTg",
// "11/2015/TT-BTC", letters "938/BKH-CN-KHTC" — canonicalised ("04-Ctr/TU" → "04-CTr/TU").

import { canonicalTypeCode, codeKey, issuerOfCode, typeOfCode } from '../../lexicon/lexicon.ts';
import type { DocType } from '../../model/extraction.ts';

export interface SymbolMatch {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  canonical: string;
  number: string;
  year: string | null;
  /** Type code when the symbol carries one ("QĐ"), null for letters (công văn) and laws. */
  typeCode: string | null;
  /** The issuer part ("TTg", "UBND", "BKH-CN", "TW"). */
  issuerCode: string;
  /** Party shape (NUMBER-TYPE/ISSUER). */
  party: boolean;
  /** Type the code denotes; null when the code alone does not say. */
  type: DocType | null;
}

// Tokens start upper-case so that "2/3 số" or "lượt/ngày" are never symbols; glued words are cut later.
const TOKEN = '[A-ZĐ][A-Za-zĐđ0-9]*';
const SYMBOL_RE = new RegExp(
  // A number may carry a dotted part ("66.17/2026/NQ-CP", numbering from 2026).
  `(?<![\\d/.-])(\\d{1,5}(?:\\.\\d{1,3})?)(?:` +
    // Party: 36-NQ/TW, 802-CV/VPTU, 12-QĐi/TW
    `[ \\t]?-\\s?(${TOKEN})[ \\t]?\\/\\s?(${TOKEN}(?:-${TOKEN})*)` +
    '|' +
    // State: 569/QĐ-TTg, 11/2015/TT-BTC, 938/BKH-CN-KHTC, 83/2015/QH13
    `(\\/(?:19|20)\\d{2})?[ \\t]?\\/\\s?(${TOKEN}(?:[ \\t]?-\\s?${TOKEN})*)` +
    ')',
  'gu',
);

/** Mixed-case codes that end with a lowercase letter; glued words after them are cut. */
const MIXED = ['TTg', 'CTr', 'QĐi', 'TTr', 'TTri', 'ThU'];

/**
 * The length of a token once a word glued to it is cut: "UBNDngày" → 4, "TTgngày" → 3, "CTr" → 3.
 */
function unglue(token: string, next = ''): number {
  // "TTgHà Nội", "UBNDHà": an upper-case letter followed by a non-ASCII lower-case one starts a glued word.
  if (token.length > 2 && /[A-ZĐ]$/.test(token) && /^\p{Ll}/u.test(next)) return unglue(token.slice(0, -1));
  const firstLower = token.search(/[a-zđ]/);
  if (firstLower < 0) return token.length;
  const upper = token.toUpperCase();
  for (const m of MIXED) {
    if (upper.startsWith(m.toUpperCase())) {
      const rest = token.slice(m.length);
      if (rest === '' || /^[a-zđ]/.test(rest) || /^[A-ZĐ][a-zđ]/.test(rest)) return m.length;
    }
  }
  if (firstLower === 0) return 0;
  // "UBNDngày": the upper-case run is the code. "UBNDThanh": a capitalised word is glued after it.
  const run = token.slice(0, firstLower);
  if (isKnownCode(run)) return firstLower;
  if (firstLower >= 3 && isKnownCode(run.slice(0, -1))) return firstLower - 1;
  return firstLower;
}

function isKnownCode(code: string): boolean {
  return typeOfCode(code, false) !== null || typeOfCode(code, true) !== null || issuerOfCode(code) !== null;
}

export function findSymbols(text: string): SymbolMatch[] {
  const out: SymbolMatch[] = [];
  SYMBOL_RE.lastIndex = 0;
  for (let m = SYMBOL_RE.exec(text); m; m = SYMBOL_RE.exec(text)) {
    // A letter right before the number is only allowed when it ends "số" glued to it ("số36-NQ/TW").
    if (
      m.index > 0 &&
      /\p{L}/u.test(text.charAt(m.index - 1)) &&
      !/s[ốoồ]$/iu.test(text.slice(Math.max(0, m.index - 2), m.index))
    )
      continue;
    const number = m[1] as string;
    const party = m[2] !== undefined;
    const start = m.index;
    let rawTail: string;
    let tailStart: number;
    if (party) {
      const typeCode = m[2] as string;
      rawTail = m[3] as string;
      tailStart = start + m[0].length - rawTail.length;
      const cut = cutTail(rawTail, text.charAt(tailStart + rawTail.length));
      if (cut.tokens.length === 0) continue;
      const issuerCode = cut.tokens.join('-');
      const canonCode = canonicalTypeCode(typeCode);
      out.push({
        start,
        end: tailStart + cut.length,
        canonical: `${number}-${canonCode}/${canonicalIssuer(issuerCode)}`,
        number,
        year: null,
        typeCode: canonCode,
        issuerCode: canonicalIssuer(issuerCode),
        party: true,
        type: typeOfCode(canonCode, true),
      });
    } else {
      const year = m[4] ? (m[4] as string).slice(1) : null;
      rawTail = m[5] as string;
      tailStart = start + m[0].length - rawTail.length;
      const cut = cutTail(rawTail, text.charAt(tailStart + rawTail.length));
      if (cut.tokens.length === 0) continue;
      const [first, ...rest] = splitLostHyphen(cut.tokens) as [string, ...string[]];
      const firstType = typeOfCode(first, false);
      const hasType = firstType !== null && rest.length > 0;
      const typeCode = hasType ? canonicalTypeCode(first) : null;
      const issuerTokens = hasType ? rest : cut.tokens;
      const issuerCode = issuerTokens.map(canonicalIssuer).join('-');
      const canonical = `${number}${year ? `/${year}` : ''}/${typeCode ? `${typeCode}-` : ''}${issuerCode}`;
      out.push({
        start,
        end: tailStart + cut.length,
        canonical,
        number,
        year,
        typeCode,
        issuerCode,
        party: false,
        type: hasType ? firstType : /^QH\d*$/i.test(first) ? 'LUAT' : 'CONG_VAN',
      });
    }
  }
  return out;
}

/**
 * A copy that lost its hyphens ("1961/QĐUBND", "61/2018/NĐCP"): one token that is a type code glued to a
 * known issuer code is the two codes.
 */
function splitLostHyphen(tokens: string[]): string[] {
  const [only] = tokens;
  if (tokens.length !== 1 || only === undefined || typeOfCode(only, false) !== null || isKnownCode(only))
    return tokens;
  for (let k = 2; k <= Math.min(4, only.length - 2); k++) {
    const type = only.slice(0, k);
    const issuer = only.slice(k);
    if (typeOfCode(type, false) !== null && issuerOfCode(issuer) !== null) return [type, issuer];
  }
  return tokens;
}

/** Splits "KH - UBNDngày" into tokens, cutting a glued word; returns the kept length. */
function cutTail(tail: string, after: string): { tokens: string[]; length: number } {
  const tokens: string[] = [];
  let length = 0;
  const re = /([ \t]?-\s?)?([A-Za-zĐđ0-9]+)/gy;
  for (let m = re.exec(tail); m; m = re.exec(tail)) {
    const token = m[2] as string;
    // Codes have two letters at least ("QĐ", "TW"): "30/\nNăm" is not a symbol.
    if (tokens.length === 0 && unglue(token, tail.charAt(m.index + m[0].length)) < 2) break;
    const keep = unglue(
      token,
      m.index + m[0].length < tail.length ? tail.charAt(m.index + m[0].length) : after,
    );
    if (keep === 0) break;
    tokens.push(token.slice(0, keep));
    length = m.index + m[0].length - (token.length - keep);
    if (keep < token.length) break;
  }
  return { tokens, length };
}

function canonicalIssuer(token: string): string {
  const key = codeKey(token);
  for (const m of MIXED) if (codeKey(m) === key) return m;
  return key;
}

/** Key for comparing symbols: case-insensitive, number without leading zeros, no spaces. */
export function symbolKey(canonical: string): string {
  return codeKey(canonical).replace(/^0+(?=\d)/, '');
}
