// Extract (header, headerless copies): the document's own symbol, date and issuer when a page has no header
// block. Web copies often start with the document's title-citation ("Kế hoạch số 12-KH/TU ngày 3/5/2022 của
// Ban Thường vụ Tỉnh ủy thực hiện …") or, on news portals, with a sentence that issues it ("… Bộ Y tế đã ban
// hành Kế hoạch số 300/KH-BYT triển khai …"). That symbol is the document itself, never a reference.
import { typeOfWord, typeWordPattern } from '../../lexicon/lexicon.ts';
import type { DateValue, DocType } from '../../model/extraction.ts';
import type { NormalizedText } from '../normalize.ts';
import type { Line } from '../segment.ts';
import { dateAt } from './dates.ts';
import { findSymbols, type SymbolMatch } from './symbols.ts';

export interface SelfCitation {
  symbol: SymbolMatch;
  type: DocType | null;
  date: DateValue | null;
  /** The "của …" phrase or the subject of "… ban hành", for the issuer parser. */
  issuerPhrase: string | null;
}

/** How far into a headerless copy the document names itself. */
const OPENING_CHARS = 700;
const TYPE_THEN_NUMBER = new RegExp(
  `(${typeWordPattern})(?:\\s+(?:hanh dong|lien tich))?\\s*(?:so\\s*[:.]?\\s*)?$`,
);
/** Old official copies: "CHỈ THỊ / CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTg / NGÀY 21 THÁNG 6 NĂM 2001". */
const TYPE_OF_ISSUER_NUMBER = new RegExp(
  `^(${typeWordPattern})(?:\\s+(?:hanh dong|lien tich))?\\s+cua\\s+([^\\n]|\\n){3,80}?\\s+so\\s*[:.]?\\s*$`,
);
const NEWS_ISSUES_TYPE = new RegExp(`\\b(?:da|vua|moi)\\s+(?:ky\\s+)?ban\\s+hanh\\s+(${typeWordPattern})\\b`);
const OPENING_TYPE = new RegExp(`^(${typeWordPattern})(?:\\s+(?:hanh dong|lien tich))?\\b`);
const ISSUES = /(?:^|[\s,])((?:da|vua|moi|chinh thuc)\s+)?(?:ky\s+)?ban\s+hanh\s+$/;
/** Where the issuer phrase after "của" stops: the verb or subject that follows it. */
const PHRASE_END =
  /\s(?:ve|thuc hien|trien khai|ban hanh|tiep tuc|cu the hoa|huong dan|quy dinh|phe duyet)\b|[,;:(\n]/;

export interface SelfCitationScope {
  /** The printed type line ("CHỈ THỊ"), when the copy has one. */
  typeLine: Line | null;
  /** A news sentence that issues the document counts only before this offset; null: not a news copy. */
  newsUntil: number | null;
}

/** The first line (or the opening sentence of a news copy) that names the document itself. */
export function findSelfCitation(
  n: NormalizedText,
  lines: Line[],
  scope: SelfCitationScope,
): SelfCitation | null {
  const first = lines[0];
  if (!first) return null;
  // A title-citation as the first line: the type word, then the symbol at once.
  const own = symbolAfterTypeWord(n, first.start, first.end);
  if (own) return own;
  if (scope.typeLine) {
    const t = scope.typeLine;
    const issued = symbolAfterTypeOfIssuer(n, t.start, Math.min(n.text.length, t.start + 200));
    if (issued) return issued;
  }
  // A news copy: "<issuer> (đã|vừa) ban hành <type word> số <symbol>" early in the text.
  if (scope.newsUntil === null) return null;
  const limit = Math.min(n.text.length, first.start + OPENING_CHARS, scope.newsUntil);
  for (const sym of findSymbols(n.text.slice(0, limit))) {
    const before = n.fold.slice(Math.max(0, sym.start - 60), sym.start);
    const typed = TYPE_THEN_NUMBER.exec(before);
    if (!typed) continue;
    const beforeType = before.slice(0, typed.index);
    const issued = ISSUES.exec(beforeType);
    if (!issued) continue;
    const clauseStart = Math.max(
      n.fold.lastIndexOf(',', sym.start - before.length + issued.index),
      n.fold.lastIndexOf('.', sym.start - before.length + issued.index),
      n.fold.lastIndexOf('\n', sym.start - before.length + issued.index),
    );
    const subject = n.text.slice(clauseStart + 1, sym.start - before.length + issued.index).trim();
    return {
      symbol: sym,
      type: typeOfWord((typed[1] as string).replace(/\s+/g, ' ')),
      date: dateAfter(n, sym.end) ?? dateOpeningSentence(n, sym.start),
      issuerPhrase: subject.length >= 3 && subject.length <= 90 ? subject : null,
    };
  }
  return null;
}

/**
 * The type of a headerless copy: its first line is its title ("Chương trình hành động của … thực hiện …"),
 * or, in a news copy, its lead issues it without a number ("… đã ban hành Chỉ thị số 17 về …").
 */
export function openingType(n: NormalizedText, lines: Line[], scope: SelfCitationScope): DocType | null {
  const first = lines[0];
  if (!first) return null;
  const m = first.text === first.text.toUpperCase() ? null : OPENING_TYPE.exec(first.fold);
  if (m) return typeOfWord((m[1] as string).replace(/\s+/g, ' '));
  if (scope.newsUntil === null) return null;
  const lead = n.fold.slice(first.start, Math.min(first.start + OPENING_CHARS, scope.newsUntil));
  const issued = NEWS_ISSUES_TYPE.exec(lead);
  return issued ? typeOfWord((issued[1] as string).replace(/\s+/g, ' ')) : null;
}

/** "CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTg NGÀY …": type line, issuer, then the number. */
function symbolAfterTypeOfIssuer(n: NormalizedText, from: number, to: number): SelfCitation | null {
  const sym = findSymbols(n.text.slice(from, to))[0];
  if (!sym) return null;
  const head = n.fold.slice(from, from + sym.start).trim();
  const m = TYPE_OF_ISSUER_NUMBER.exec(head);
  if (!m) return null;
  const symbol = { ...sym, start: sym.start + from, end: sym.end + from };
  const cua = /\bcua\s+/.exec(head) as RegExpExecArray;
  const so = head.lastIndexOf('so');
  const phrase = n.text
    .slice(from + cua.index + cua[0].length, from + so)
    .replace(/\s+/g, ' ')
    .trim();
  return {
    symbol,
    type: typeOfWord((m[1] as string).replace(/\s+/g, ' ')),
    date: dateAfter(n, symbol.end),
    issuerPhrase: phrase.length >= 3 ? phrase : null,
  };
}

/** "Ngày 23/8/2017, Tỉnh ủy … đã ban hành …": the date that opens the sentence. */
function dateOpeningSentence(n: NormalizedText, at: number): DateValue | null {
  const lineStart = n.fold.lastIndexOf('\n', at) + 1;
  if (!/^\s*ngay\s*\d/.test(n.fold.slice(lineStart, lineStart + 12))) return null;
  return dateAt(n.fold, n.text, lineStart)?.date ?? null;
}

/** "Kế hoạch số 12-KH/TU ngày … của …" starting at `from`: the symbol must follow the type word at once. */
function symbolAfterTypeWord(n: NormalizedText, from: number, to: number): SelfCitation | null {
  const sym = findSymbols(n.text.slice(from, to))[0];
  if (!sym) return null;
  const head = n.fold.slice(from, from + sym.start).trim();
  const typed = TYPE_THEN_NUMBER.exec(head);
  if (typed?.index !== 0) return null;
  const symbol = { ...sym, start: sym.start + from, end: sym.end + from };
  const date = dateAfter(n, symbol.end);
  const cua = /^[\s,]*(?:ngay\s*)?[^\n]{0,40}?\s(cua)\s/.exec(n.fold.slice(symbol.end, to));
  let issuerPhrase: string | null = null;
  if (cua) {
    const at = symbol.end + cua.index + cua[0].length;
    const rest = n.fold.slice(at, to);
    const stop = PHRASE_END.exec(rest);
    issuerPhrase = n.text.slice(at, at + (stop ? stop.index : Math.min(rest.length, 80))).trim() || null;
  }
  return { symbol, type: typeOfWord((typed[1] as string).replace(/\s+/g, ' ')), date, issuerPhrase };
}

/** "…/KH-UBND ngày 3/5/2022" or "…, ngày …": the date that follows a symbol. */
function dateAfter(n: NormalizedText, at: number): DateValue | null {
  const gap = /^[\s,]*(?=ngay|\d)/.exec(n.fold.slice(at, at + 8));
  if (!gap) return null;
  return dateAt(n.fold, n.text, at + gap[0].length)?.date ?? null;
}
