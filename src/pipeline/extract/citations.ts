// Extract (citations): every mention of another document — by symbol with its date, issuer and subject
// ("Kế hoạch số 2629/KH-UBND ngày 15/8/2023 của UBND tỉnh Kon Tum về việc ..."), by short form
// ("Kết luận 93"), by name ("Nghị quyết Trung ương 2 (khóa VIII)", "Luật Ngân sách nhà nước"), and the
// alias declarations that bind later mentions ("(sau đây gọi tắt là Công văn số 186)").

import { escapeRegex, typeOfWord, typesCompatibleWithCode, typeWordPattern } from '../../lexicon/lexicon.ts';
import type { DateValue, DocType } from '../../model/extraction.ts';
import { collapseSpaces, nameKey } from '../../text/fold.ts';
import type { NormalizedText } from '../normalize.ts';
import { lastIndexIn } from '../positions.ts';
import { dateAt } from './dates.ts';
import { findSymbols, type SymbolMatch } from './symbols.ts';

export type MentionKind = 'SYMBOL' | 'SHORT' | 'NAMED' | 'ALIAS' | 'TYPE_ISSUER';

export interface Range {
  start: number;
  end: number;
}

export interface Mention {
  kind: MentionKind;
  /** Normalised-text offsets: from the type word to the end of date / issuer / term. */
  start: number;
  end: number;
  symbol: SymbolMatch | null;
  number: string | null;
  /** Display name for named and short-form mentions. */
  name: string | null;
  nameKey: string | null;
  type: DocType;
  /** The type was named by a word ("Quy định số ..."), not only by a code. */
  typeFromWord: boolean;
  date: DateValue | null;
  dateRange: Range | null;
  issuerText: string | null;
  term: string | null;
  subject: Range | null;
  /** Inside a parenthetical that restates or names an earlier mention: not a new citation. */
  inAliasDecl: boolean;
  /** For ALIAS mentions: the text of the alias. */
  alias: string | null;
}

export interface AliasDeclaration {
  range: Range;
  /** Alias texts ("Chỉ thị 42", "Kết luận 93", "CTHĐ"). */
  aliases: Array<{ text: string; start: number; end: number }>;
}

export interface Citations {
  /** Every mention but the uses of acronym aliases, ordered by start. */
  mentions: Mention[];
  aliasDeclarations: AliasDeclaration[];
  /**
   * The uses of the acronym aliases whose text is in `wanted` ("CTHĐ" after "(gọi tắt là CTHĐ)"), in the order the
   * declarations give them. Made on demand: a use binds only to an alias some citation owns, and an alias declared
   * k times has k uses per later occurrence.
   */
  aliasUses(wanted: ReadonlySet<string>): Mention[];
}

const TYPE_BEFORE = new RegExp(`(?:^|[^a-z])(${typeWordPattern})(\\s+so)?\\s*[:.]?\\s*$`);
const SO_BEFORE = /(?:^|[^a-z])(so)\s*[:.]?\s*$/;
/** A type word, "số" perhaps, and the number that ends the string: a short form ("Kết luận 93"). */
const SHORT_BEFORE = new RegExp(`(?<![a-z0-9])(${typeWordPattern})(\\s+so)?\\s*(\\d{1,5})$`);
const NOT_A_DOC_NUMBER =
  /^\s*(nam|thang|ngay|%|lan|nguoi|ty|trieu|ha\b|km|cap|muc|diem|dieu|khoan|chi tieu|nhiem vu|noi dung|giai phap|linh vuc|san pham|chuong|phan)/;
const ALIAS_PAREN =
  /\(\s*(?:sau day\s+)?(?:goi tat|viet tat|goi chung|goi)(?:\s+la)?\s*:?\s*([^()]{1,160})\)/g;

const NQTW_RE =
  /nghi quyet\s+(?:hoi nghi\s+)?(?:lan thu\s+(\d{1,2})\s+)?(?:ban chap hanh\s+|bch\s+)?trung uong\s+(?:dang\s+)?(?:lan thu\s+)?(\d{1,2})?(?:\s*\(?\s*(?:khoa|nhiem ky)\s+([ivxlc]+)\b\s*\)?)?/g;
// "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "Nghị quyết Đại hội XIII của Đảng", "... Đảng bộ tỉnh lần thứ XX".
// The body may follow the number: "Nghị quyết Đại hội đại biểu lần thứ XV Đảng bộ Thành phố".
const DAI_HOI_RE =
  /nghi quyet\s+(?:dai hoi|dh)\s+(?:dai bieu\s+)?(dang toan quoc|toan quoc|dang bo (?:tinh|huyen|thanh pho|quan|thi xa|xa|phuong)(?: [a-z']+){0,3}?)?\s*(?:lan thu\s+)?([ivxlc]+|\d+)\b(?:\s+cua dang(?! bo))?(?:\s+(?:cua\s+)?(dang bo (?:tinh|huyen|thanh pho|quan|thi xa|xa|phuong)\b))?/g;
const QUOTED_RE =
  /(?<![a-z])(chien luoc|de an|chuong trinh|quy hoach|ke hoach|du an)\s*(["“])([^"”\n]{5,250})["”]/g;
const STRATEGY_RE =
  /(?<![a-z])chien luoc\s+((?:\([^()\n]{1,30}\)|[^.;:\n()"“”])*?)\s*(den nam\s+\d{4}(?:\s*,?\s*tam nhin\s+den nam\s+\d{4})?|giai doan\s+\d{4}\s*-\s*\d{4})/g;
const STRATEGY_AT = new RegExp(STRATEGY_RE.source, 'y');
const STRATEGY_END_AT = /den nam\s+\d{4}|giai doan\s+\d{4}\s*-\s*\d{4}/y;

/**
 * The matches `STRATEGY_RE.exec` gives in a loop over `f`, with the regex tried only where it matches. A failed
 * try reads on to the next "." or line break, so a long paragraph naming "Chiến lược" often made the loop
 * quadratic; whether a match starts at each "chien luoc" is read off one backward pass over the text instead.
 */
function strategyMatches(f: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const first = f.indexOf('chien luoc');
  if (first < 0) return out;
  const reaches = strategyEndReachable(f, first);
  let next = 0;
  for (let s = first; s >= 0; s = f.indexOf('chien luoc', s + 1)) {
    const before = s > 0 ? f.charCodeAt(s - 1) : 0;
    if (s < next || (before >= 0x61 && before <= 0x7a)) continue;
    let a = s + 10;
    while (a < f.length && isSpaceUnit(f.charCodeAt(a))) a++;
    // "\s+" takes the whole run first; a shorter take can only reach what the whole run reaches.
    if (a === s + 10 || !reaches(a)) continue;
    STRATEGY_AT.lastIndex = s;
    const m = STRATEGY_AT.exec(f);
    if (!m) continue;
    out.push(m);
    next = s + m[0].length;
  }
  return out;
}

/**
 * For each offset from `from` on: can the rest of STRATEGY_RE — the lazy name `(?:\([^()\n]{1,30}\)|[^.;:\n()"“”])*?`,
 * then `\s*` and the period ("đến năm 2030", "giai đoạn 2021 - 2025") — match from there? The name's items are
 * told apart by their first character, so the answer at an offset follows from the answers after it.
 */
function strategyEndReachable(f: string, from: number): (at: number) => boolean {
  const size = f.length - from + 1;
  const endsAt = new Uint8Array(size);
  for (const word of ['den nam', 'giai doan']) {
    for (let c = f.indexOf(word, from); c >= 0; c = f.indexOf(word, c + 1)) {
      STRATEGY_END_AT.lastIndex = c;
      if (STRATEGY_END_AT.test(f)) endsAt[c - from] = 1;
    }
  }
  const reach = new Uint8Array(size);
  let tail = false; // `\s*` then the period, from the offset after
  let stop = f.length; // the next "(", ")" or line break after the offset
  for (let i = f.length - 1; i >= from; i--) {
    const c = f.charCodeAt(i);
    tail = endsAt[i - from] === 1 || (isSpaceUnit(c) && tail);
    let ok = tail;
    if (!ok) {
      if (!isNameStop(c)) ok = reach[i + 1 - from] === 1;
      else if (c === 0x28 && f.charCodeAt(stop) === 0x29 && stop - i >= 2 && stop - i <= 31)
        ok = reach[stop + 1 - from] === 1;
    }
    reach[i - from] = ok ? 1 : 0;
    if (c === 0x28 || c === 0x29 || c === 0x0a) stop = i;
  }
  return (at) => at >= from && at < f.length && reach[at - from] === 1;
}

/** The characters a strategy's name cannot hold outside a parenthesis (STRATEGY_RE's `[^.;:\n()"“”]`). */
function isNameStop(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x0a ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0x22 ||
    c === 0x201c ||
    c === 0x201d
  );
}

/** `\s` for one UTF-16 unit. */
function isSpaceUnit(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Words that show "Chiến lược ..." is running text, not a strategy's name. */
const STRATEGY_NOT_NAME = /\b(nham|de|doi voi|cua cac|huong ung|thu hut|su quan tam|duoc|da)\b/;
/** A law's name runs over a wrapped line (PDF-to-text copies wrap anywhere): words may be split by one line break. */
const LAW_RE =
  /(?<![\p{L}])(Luật|LUẬT|Bộ luật)\s+(?!số\b|SỐ\b)(\p{Lu}[\p{L}&]*(?:(?:[ \t]+|[ \t]*\n[ \t]*)[\p{L}&]+){0,9})/gu;
const LAW_STOP =
  /^(nam|ngay|cua|ve|duoc|da|co|theo|thi|nay|hoac|cac|tai|do|trong|la|de|nham|nhu|ke|thuoc|duoi|tren|voi|khi|neu|phai|se)$/;
/** Two words that end a law's name where each alone may be part of one ("Luật Thuế sử dụng đất phi nông nghiệp"). */
const LAW_STOP_PAIR = /^(?:va\s+cac|bao\s+gom|hien\s+hanh|quy\s+dinh|sua\s+doi|huong\s+dan)\b/;

export function findCitations(
  n: NormalizedText,
  ownSymbol: { start: number; end: number } | null,
): Citations {
  const mentions: Mention[] = [];
  const taken = new Coverage(n.fold.length);
  const overlaps = (s: number, e: number) => taken.overlaps(s, e);

  for (const sym of findSymbols(n.text)) {
    if (ownSymbol && sym.start >= ownSymbol.start && sym.end <= ownSymbol.end) continue;
    mentions.push(symbolMention(n, sym));
  }
  for (const m of mentions) taken.add(m);

  // Short forms end in a number: look back from each number for a type word (numbers are rare, words are not).
  const numbers = /(?<![\d/.-])\d{1,5}(?![\d]|\s?[-/]\s?[a-z]|[.,/]\d)/g;
  for (let d = numbers.exec(n.fold); d; d = numbers.exec(n.fold)) {
    const from = Math.max(0, d.index - 40);
    const m = SHORT_BEFORE.exec(n.fold.slice(from, d.index + d[0].length));
    if (!m) continue;
    const start = from + m.index + m[0].indexOf(m[1] as string);
    const end = d.index + d[0].length;
    if (overlaps(start, end) || NOT_A_DOC_NUMBER.test(n.fold.slice(end, end + 14))) continue;
    const capitalised = /^\p{Lu}/u.test(n.text.charAt(start));
    if (!capitalised && !m[2]) continue;
    const type = typeOfWord(m[1] as string);
    if (!type || type === 'LUAT') continue;
    const mention = baseMention('SHORT', start, end, type);
    mention.number = m[3] as string;
    mention.typeFromWord = true;
    mention.name = collapseSpaces(n.text.slice(start, end));
    mention.end = parseTail(n, end, mention);
    mentions.push(mention);
    taken.add(mention);
  }

  const abbreviations = findAbbreviations(n);
  const symbolAt = new Map(mentions.filter((m) => m.kind === 'SYMBOL').map((m) => [m.start, m]));
  for (const named of findNamed(n)) {
    // "Chiến lược phát triển KH-CN&ĐMST" and "... khoa học, công nghệ và đổi mới sáng tạo" are one name.
    if (named.name && abbreviations.size > 0) named.nameKey = nameKey(expand(named.name, abbreviations));
    if (overlaps(named.start, named.end)) continue;
    // "Luật Đất đai số 31/2024/QH15" is one law: the name goes to the numbered mention that follows it.
    const numbered = named.type === 'LUAT' ? numberedAfter(n, named.end, symbolAt) : null;
    if (numbered) {
      numbered.start = named.start;
      numbered.name ??= named.name;
      numbered.nameKey ??= named.nameKey;
      taken.add(numbered);
      continue;
    }
    mentions.push(named);
    taken.add(named);
  }

  mentions.sort((a, b) => a.start - b.start);
  // A citation's tail never runs into the next citation.
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i] as Mention;
    const b = mentions[i + 1] as Mention;
    if (a.end > b.start) a.end = Math.max(a.start, b.start);
  }
  for (const m of mentions) m.subject = findSubject(n, m.end);
  const aliasDeclarations = findAliasDeclarations(n, mentions);
  markRestatements(n, mentions, aliasDeclarations);
  const before = mentions.slice();
  return {
    mentions,
    aliasDeclarations,
    aliasUses: (wanted) => findAliasUses(n, aliasDeclarations, before, wanted),
  };
}

/**
 * The ranges mentions take, as a bit per character: whether a candidate overlaps one is read off the characters
 * it spans, not by comparing it with every mention found before it.
 */
class Coverage {
  private readonly bits: Uint32Array;
  /** Every range added, for the cases bits cannot answer (empty ranges; the finders make none). */
  private readonly ranges: Range[] = [];
  private readonly empty: Range[] = [];

  constructor(length: number) {
    this.bits = new Uint32Array((length >>> 5) + 1);
  }

  add(r: Range): void {
    const range = { start: r.start, end: r.end };
    this.ranges.push(range);
    if (r.start >= r.end || r.start < 0 || r.end > this.bits.length * 32) {
      this.empty.push(range);
      return;
    }
    for (let i = r.start; i < r.end; i++)
      this.bits[i >>> 5] = (this.bits[i >>> 5] as number) | (1 << (i & 31));
  }

  /** Whether [s, e) overlaps a range added: `s < r.end && e > r.start` for some r. */
  overlaps(s: number, e: number): boolean {
    if (s >= e || s < 0 || e > this.bits.length * 32)
      return this.ranges.some((r) => s < r.end && e > r.start);
    if (this.empty.some((r) => s < r.end && e > r.start)) return true;
    for (let i = s; i < e; i++) if (((this.bits[i >>> 5] as number) & (1 << (i & 31))) !== 0) return true;
    return false;
  }
}

function baseMention(kind: MentionKind, start: number, end: number, type: DocType): Mention {
  return {
    kind,
    start,
    end,
    symbol: null,
    number: null,
    name: null,
    nameKey: null,
    type,
    typeFromWord: false,
    date: null,
    dateRange: null,
    issuerText: null,
    term: null,
    subject: null,
    inAliasDecl: false,
    alias: null,
  };
}

function symbolMention(n: NormalizedText, sym: SymbolMatch): Mention {
  const before = n.fold.slice(Math.max(0, sym.start - 60), sym.start);
  const tw = TYPE_BEFORE.exec(before);
  let start = sym.start;
  let wordType: DocType | null = null;
  if (tw) {
    start = sym.start - before.length + tw.index + tw[0].indexOf(tw[1] as string);
    wordType = typeOfWord(tw[1] as string);
  } else {
    const so = SO_BEFORE.exec(before);
    if (so) start = sym.start - before.length + so.index + so[0].indexOf('so');
  }
  const type = decideType(sym, wordType);
  const m = baseMention('SYMBOL', start, sym.end, type);
  m.symbol = sym;
  m.number = sym.number;
  m.typeFromWord = wordType !== null && type === wordType;
  m.end = parseTail(n, sym.end, m);
  return m;
}

/** The numbered law mention that starts right after a law's name (only spaces, one line break between), if any. */
function numberedAfter(n: NormalizedText, end: number, symbolAt: Map<number, Mention>): Mention | null {
  const gap = /^[ \t]*\n?[ \t]*/.exec(n.text.slice(end, end + 12)) as RegExpExecArray;
  const m = symbolAt.get(end + gap[0].length);
  return m && (m.type === 'LUAT' || m.symbol?.typeCode == null) ? m : null;
}

/** The code decides, except where the code is ambiguous or absent and the text names the type (DOMAIN §1). */
function decideType(sym: SymbolMatch, wordType: DocType | null): DocType {
  if (!sym.typeCode) return wordType ?? sym.type ?? 'CONG_VAN';
  if (wordType && typesCompatibleWithCode(sym.typeCode).includes(wordType)) return wordType;
  return sym.type ?? wordType ?? 'OTHER';
}

const TERM_AT = /^\s*\(?\s*(?:khoa|nhiem ky)\s+([ivxlc]+|\d{1,2})\b\s*\)?/;

/** Reads date, "của <issuer>" and "(khóa X)" after a citation, in any order; returns the new end. */
function parseTail(n: NormalizedText, from: number, m: Mention): number {
  let i = from;
  for (let step = 0; step < 5; step++) {
    let j = i;
    while (j < n.fold.length && /[\s,]/.test(n.fold.charAt(j)) && n.fold.charAt(j) !== '\n') j++;
    // A copy wrapped at the symbol ("… số 919/QĐ-TTg" / "ngày 01 tháng 8 năm 2022 …"): the date goes on the next line.
    if (!m.date && n.fold.charAt(j) === '\n') {
      const wrapped = /^\n[ \t]*(?=ngay\s*\d)/.exec(n.fold.slice(j, j + 24));
      if (wrapped) j += wrapped[0].length;
    }
    const rest = n.fold.slice(j, j + 40);
    const issued = /^(?:duoc\s+)?ban hanh\s+(?=ngay\b)/.exec(rest);
    if (issued) j += issued[0].length;
    const dateRest = issued ? n.fold.slice(j, j + 40) : rest;
    if (
      !m.date &&
      (/^ngay\b/.test(dateRest) || /^\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}/.test(dateRest))
    ) {
      const d = dateAt(n.fold, n.text, j);
      if (d) {
        m.date = d.date;
        m.dateRange = { start: d.start, end: d.end };
        i = d.end;
        continue;
      }
    }
    if (!m.issuerText && /^cua\s/.test(rest)) {
      const s = j + 4;
      const e = issuerEnd(n, s);
      if (e > s) {
        m.issuerText = n.text.slice(s, e).trim();
        i = e;
        continue;
      }
    }
    const term = TERM_AT.exec(rest);
    if (term && !m.term) {
      m.term = (term[1] as string).toUpperCase();
      i = j + term[0].length;
      continue;
    }
    break;
  }
  while (i > from && /\s/.test(n.text.charAt(i - 1))) i--;
  return i;
}

/** Lower-case words that belong inside a body's name ("Ủy ban nhân dân tỉnh", "Đảng bộ tỉnh"). */
const BODY_LOWER_WORDS = new Set(
  (
    'ban nhan dan tinh huyen quan xa phuong tran thi thanh pho uy vu bo dang chinh phu tri thu truong ' +
    'trung uong va nong thon hoi dong cac'
  ).split(' '),
);
const RELATION_WORDS =
  /^(ban hanh|thuc hien|trien khai|cu the|tiep tuc|phe duyet|quy dinh|huong dan|sua doi|bo sung|bai bo|thay the|het hieu luc|ve|v\/v|ngay|tai|da|duoc|nham|theo|khoa|so|de|gui|voi|cho|tren|trong|den|la|ket luan|dong y|can cu)\b/;

/**
 * End of an issuer phrase after "của". A lower-case word continues the phrase only as the second syllable
 * of a capitalised word ("Tài chính") or as a word of a body's name; relation words end it.
 */
export function issuerEnd(n: NormalizedText, start: number): number {
  const re = /[^\s,;.:()"“”\n]+/y;
  let i = start;
  let end = start;
  let words = 0;
  let prevCapital = false;
  while (words < 14) {
    // One line break may wrap the phrase ("của Ủy ban nhân\ndân tỉnh"); a blank line ends it.
    const gapStart = i;
    while (/[ \t\n]/.test(n.fold.charAt(i))) i++;
    const breaks = n.fold.slice(gapStart, i).match(/\n/g)?.length ?? 0;
    if (breaks > 1) break;
    if (
      breaks === 1 &&
      !/^\p{Ll}/u.test(n.text.charAt(i)) &&
      !/(?:^|\s)(tinh|huyen|pho|quan|xa|phuong|tran|bo truong|thu truong|chu tich|giam doc|cuc truong)$/.test(
        n.fold.slice(start, gapStart),
      )
    )
      break;
    if (/\d/.test(n.fold.charAt(i))) break;
    re.lastIndex = i;
    const w = re.exec(n.fold);
    if (!w) break;
    const word = w[0];
    const shown = n.text.slice(i, i + word.length);
    const capital = /^[\p{Lu}\d]/u.test(shown);
    // "Bộ Lao động - Thương binh và Xã hội": a dash between capitalised words is inside the name.
    if (words > 0 && /^[-–]$/.test(word) && /^[ \t]*\p{Lu}/u.test(n.text.slice(i + 1, i + 4))) {
      i += word.length;
      continue;
    }
    // In an upper-case title every word is capitalised: relation words still end the phrase there.
    if (
      words > 0 &&
      shown === shown.toUpperCase() &&
      /\p{Lu}/u.test(shown) &&
      RELATION_WORDS.test(n.fold.slice(i, i + 12))
    )
      break;
    if (!capital && words > 0) {
      if (RELATION_WORDS.test(n.fold.slice(i, i + 12))) break;
      if (!prevCapital && !BODY_LOWER_WORDS.has(word)) break;
      if (word === 'va') {
        const next = /\s+(\S+)/y;
        next.lastIndex = i + 2;
        const nw = next.exec(n.text);
        if (!nw || !/^\p{Lu}/u.test(nw[1] as string) || typeOfWord(nextTwo(n, i + 2)) !== null) break;
      }
    }
    i += word.length;
    end = i;
    words++;
    prevCapital = capital;
  }
  return end;
}

function nextTwo(n: NormalizedText, at: number): string {
  const m = /\s*(\S+)\s+(\S+)/y;
  m.lastIndex = at;
  const r = m.exec(n.fold);
  if (!r) return '';
  const one = r[1] as string;
  const two = `${one} ${r[2] as string}`;
  return typeOfWord(two) ? two : one;
}

/** A subject introduced by "về"/"về việc"/"V/v" or in quotes, up to the end of its clause. */
function findSubject(n: NormalizedText, from: number): Range | null {
  let j = from;
  while (j < n.fold.length && /[ \t,]/.test(n.fold.charAt(j))) j++;
  // Step over a restating parenthetical: "569/QĐ-TTg ... (Quyết định số 569/QĐ-TTg) ban hành Chiến lược ...".
  if (n.fold.charAt(j) === '(') {
    // Only a ")" within 90 characters counts: look no further (a text without one is not searched to its end).
    const near = n.fold.slice(j, j + 90).indexOf(')');
    const close = near < 0 ? -1 : j + near;
    if (
      close > j &&
      close - j < 90 &&
      !/^\(\s*(?:khoa|sau day|goi tat|viet tat)/.test(n.fold.slice(j, j + 12))
    ) {
      j = close + 1;
      while (j < n.fold.length && /[ \t,]/.test(n.fold.charAt(j))) j++;
    }
  }
  const head = n.fold.slice(j, j + 16);
  const quote = /^["“]/.test(head);
  if (!quote && !/^(ve viec|ve|v\/v|ban hanh|phe duyet)\s/.test(head)) return null;
  if (quote) {
    const close = n.fold.slice(j + 1, j + 400).search(/["”]/);
    if (close >= 0) return { start: j, end: j + close + 2 };
  }
  return { start: j, end: clauseEnd(n, j) };
}

const SELF_CLAUSE =
  /^,\s*[^,;]{0,80}?\b(ban hanh|xay dung (?:ke hoach|chuong trinh)|trien khai (?:ke hoach|thuc hien)\s*(?:nhu sau|nhu sau:)|de ra)/;

/** End of a clause: ";", a sentence end, a line end, an alias parenthetical or ", <writer> ban hành". */
export function clauseEnd(n: NormalizedText, from: number, limit = 500): number {
  const max = Math.min(n.fold.length, from + limit);
  for (let i = from; i < max; i++) {
    const c = n.fold.charAt(i);
    if (c === ';' || c === '\n') return i;
    if (
      c === '.' &&
      /^\.(\s|$)/.test(n.fold.slice(i, i + 2)) &&
      !/\b(tp|tt|v\/v|ts|ths|pgs|gs)$/.test(n.fold.slice(i - 4, i))
    )
      return i;
    if (c === '(' && /^\(\s*(sau day|goi tat|viet tat)/.test(n.fold.slice(i, i + 16))) return i;
    if (c === ',' && SELF_CLAUSE.test(n.fold.slice(i, i + 120))) return i;
  }
  return max;
}

function findNamed(n: NormalizedText): Mention[] {
  const out: Mention[] = [];
  const f = n.fold;
  NQTW_RE.lastIndex = 0;
  for (let m = NQTW_RE.exec(f); m; m = NQTW_RE.exec(f)) {
    const num = m[2] ?? m[1];
    if (!num) continue;
    const term = m[3] ? (m[3] as string).toUpperCase() : null;
    const mention = baseMention('NAMED', m.index, m.index + m[0].trimEnd().length, 'NGHI_QUYET');
    mention.name = `Nghị quyết Trung ương ${Number(num)}${term ? ` (khóa ${term})` : ''}`;
    mention.nameKey = nameKey(mention.name);
    mention.term = term;
    mention.issuerText = 'Ban Chấp hành Trung ương Đảng';
    out.push(mention);
  }
  DAI_HOI_RE.lastIndex = 0;
  for (let m = DAI_HOI_RE.exec(f); m; m = DAI_HOI_RE.exec(f)) {
    const mention = baseMention('NAMED', m.index, m.index + m[0].length, 'NGHI_QUYET');
    const term = (m[2] as string).toUpperCase();
    const bodyText = m[1] ?? m[3];
    const national = !bodyText || /toan quoc/.test(bodyText);
    // One congress, several phrasings ("Đại hội XIII của Đảng", "Đại hội đại biểu toàn quốc lần thứ XIII").
    const at = m.index + (m[1] ? m[0].indexOf(m[1]) : m[0].lastIndexOf(bodyText ?? '\u0000'));
    const body = bodyText ? collapseSpaces(n.text.slice(at, at + bodyText.length)) : '';
    mention.name = national
      ? `Nghị quyết Đại hội Đảng toàn quốc lần thứ ${term}`
      : `Nghị quyết Đại hội đại biểu ${body} lần thứ ${term}`;
    mention.nameKey = nameKey(mention.name);
    mention.term = term;
    mention.issuerText = national ? 'Ban Chấp hành Trung ương Đảng' : body;
    out.push(mention);
  }
  QUOTED_RE.lastIndex = 0;
  for (let m = QUOTED_RE.exec(f); m; m = QUOTED_RE.exec(f)) {
    if (!/^\p{Lu}/u.test(n.text.charAt(m.index))) continue;
    const type = typeOfWord(m[1] as string) ?? 'OTHER';
    const mention = baseMention('NAMED', m.index, m.index + m[0].length, type);
    const word = n.text.slice(m.index, m.index + (m[1] as string).length);
    const inner = n.text.slice(m.index + m[0].indexOf(m[2] as string) + 1, m.index + m[0].length - 1);
    mention.name = `${word} “${collapseSpaces(inner)}”`;
    mention.nameKey = nameKey(`${word} ${inner}`);
    out.push(mention);
  }
  for (const m of strategyMatches(f)) {
    if (!/^C/.test(n.text.charAt(m.index)) || m[0].length > 260 || STRATEGY_NOT_NAME.test(m[1] as string))
      continue;
    const raw = n.text.slice(m.index, m.index + m[0].length);
    const name = collapseSpaces(raw.replace(/\s*\([^()]*\)/g, ''));
    const mention = baseMention('NAMED', m.index, m.index + m[0].length, 'OTHER');
    mention.name = name;
    mention.nameKey = nameKey(name);
    out.push(mention);
  }
  LAW_RE.lastIndex = 0;
  for (let m = LAW_RE.exec(n.text); m; m = LAW_RE.exec(n.text)) {
    const wordsStart = m.index + m[0].length - (m[2] as string).length;
    const kept: string[] = [];
    let end = wordsStart;
    for (const w of (m[2] as string).matchAll(/[\p{L}&]+/gu)) {
      const at = wordsStart + w.index;
      const fw = f.slice(at, at + w[0].length);
      // Folding makes "đô" (Luật Thủ đô) the stop word "do".
      if (LAW_STOP.test(fw) && !(fw === 'do' && /^đ/iu.test(w[0]))) break;
      if (LAW_STOP_PAIR.test(f.slice(at, at + 16))) break;
      // "số" ends the name before the number ("Luật Đất đai số 31/2024/QH15"), not inside it ("Luật Dân số số 113/…").
      if (fw === 'so' && /^[\s:]*(?:\d|$)/u.test(f.slice(at + 2, at + 8))) break;
      // Over a line break only a lower-case word goes on with the name; a capital starts something else.
      if (kept.length > 0 && n.text.slice(end, at).includes('\n') && /^\p{Lu}/u.test(w[0])) break;
      // "và" continues a law's name only before a capitalised word ("Luật Khoa học và Công nghệ").
      if (fw === 'va' && !/^\s+\p{Lu}/u.test(n.text.slice(at + 2, at + 5))) break;
      kept.push(w[0]);
      end = wordsStart + w.index + w[0].length;
    }
    if (kept.length === 0) continue;
    const mention = baseMention('NAMED', m.index, end, 'LUAT');
    mention.name = collapseSpaces(n.text.slice(m.index, end));
    mention.nameKey = nameKey(mention.name);
    mention.issuerText = 'Quốc hội';
    out.push(mention);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Abbreviations a text declares: "khoa học, công nghệ và đổi mới sáng tạo (KH-CN&ĐMST)". */
export function findAbbreviations(n: NormalizedText): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\(\s*([A-ZĐ][A-ZĐ&-]{1,14})\s*\)/gu;
  for (let m = re.exec(n.text); m; m = re.exec(n.text)) {
    const abbr = m[1] as string;
    const letters = n.fold
      .slice(m.index + m[0].indexOf(abbr), m.index + m[0].indexOf(abbr) + abbr.length)
      .replace(/[^a-z]/g, '');
    if (letters.length < 2) continue;
    const words = [...n.fold.slice(Math.max(0, m.index - 200), m.index).matchAll(/[a-z]+/g)];
    const base = Math.max(0, m.index - 200);
    let k = letters.length - 1;
    let start = -1;
    for (let w = words.length - 1; w >= 0 && k >= 0; w--) {
      const word = (words[w] as RegExpMatchArray)[0];
      if (word === 'va') continue;
      if (word.charAt(0) !== letters.charAt(k)) break;
      start = base + ((words[w] as RegExpMatchArray).index as number);
      k--;
    }
    if (k < 0 && start >= 0) out.set(abbr, n.text.slice(start, m.index).trim());
  }
  return out;
}

function expand(name: string, abbreviations: Map<string, string>): string {
  let out = name;
  if (abbreviations.size <= 16) {
    for (const [abbr, full] of abbreviations) out = out.split(abbr).join(full);
    return out;
  }
  // Many abbreviations: only those in the name change it. Each is a run of capitals, so the next to apply (in the
  // map's order, after the last applied) is found among the name's runs of capitals, not by trying them all.
  let index = abbreviationIndex.get(abbreviations);
  if (!index) {
    index = { order: new Map([...abbreviations.keys()].map((k, i) => [k, i])), entries: [...abbreviations] };
    abbreviationIndex.set(abbreviations, index);
  }
  let last = -1;
  for (;;) {
    let next = -1;
    for (const run of out.matchAll(/[A-ZĐ&-]{2,}/g)) {
      const r = run[0];
      for (let i = 0; i + 2 <= r.length; i++) {
        for (let len = 2; len <= 15 && i + len <= r.length; len++) {
          const k = index.order.get(r.slice(i, i + len));
          if (k !== undefined && k > last && (next < 0 || k < next)) next = k;
        }
      }
    }
    if (next < 0) return out;
    const [abbr, full] = index.entries[next] as [string, string];
    out = out.split(abbr).join(full);
    last = next;
  }
}

const abbreviationIndex = new WeakMap<
  Map<string, string>,
  { order: Map<string, number>; entries: Array<[string, string]> }
>();

/** "(sau đây gọi tắt là Chỉ thị 42, Kết luận 93)" → the alias texts with their offsets. */
function findAliasDeclarations(n: NormalizedText, mentions: Mention[]): AliasDeclaration[] {
  const out: AliasDeclaration[] = [];
  ALIAS_PAREN.lastIndex = 0;
  for (let m = ALIAS_PAREN.exec(n.fold); m; m = ALIAS_PAREN.exec(n.fold)) {
    const listStart = m.index + m[0].length - 1 - (m[1] as string).length;
    const listEnd = m.index + m[0].length - 1;
    const aliases: AliasDeclaration['aliases'] = [];
    const re = /[^,;]+/g;
    const list = n.text.slice(listStart, listEnd);
    for (let a = re.exec(list); a; a = re.exec(list)) {
      // "Chỉ thị 42 và Kết luận 93": split on "và" only before a capitalised item.
      for (const part of a[0].split(/\s+và\s+(?=\p{Lu})/u)) {
        const offset = listStart + a.index + a[0].indexOf(part);
        const text = part.replace(/^[\s"“'‘]+|[\s"”'’]+$/g, '');
        if (text.length === 0 || text.length > 80) continue;
        const start = offset + part.indexOf(text);
        aliases.push({ text, start, end: start + text.length });
      }
    }
    if (aliases.length > 0) {
      const range = { start: m.index, end: m.index + m[0].length };
      out.push({ range, aliases });
      // Mentions are ordered by start: only those starting inside the parenthesis can lie in it.
      for (let k = firstStartingAt(mentions, range.start); k < mentions.length; k++) {
        const men = mentions[k] as Mention;
        if (men.start > range.end) break;
        if (men.end <= range.end) men.inAliasDecl = true;
      }
    }
  }
  return out;
}

/**
 * A parenthetical that only restates a document already cited in the same sentence
 * ("(Quyết định số 569/QĐ-TTg)") declares an alias: its mention is not a new citation.
 */
function markRestatements(n: NormalizedText, mentions: Mention[], decls: AliasDeclaration[]): void {
  const earlier = new EarlierMentions(mentions);
  for (const m of mentions) {
    if (m.inAliasDecl || m.kind === 'NAMED') continue;
    // The "(" at most 6 characters before the mention, the ")" at most 60 after it: look no further.
    let open = -1;
    for (let i = m.start; i >= Math.max(0, m.start - 6); i--) {
      if (n.fold.charCodeAt(i) === 0x28) {
        open = i;
        break;
      }
    }
    if (open < 0 || /\S/.test(n.fold.slice(open + 1, m.start))) continue;
    const near = n.fold.slice(m.end, m.end + 61).indexOf(')');
    if (near < 0) continue;
    const close = m.end + near;
    if (n.fold.slice(m.end, close).includes('(')) continue;
    const sentenceStart = Math.max(lastIndexIn(n, '\n', open), lastIndexIn(n, '. ', open));
    if (!earlier.exists(m, sentenceStart, open)) continue;
    m.inAliasDecl = true;
    const text = collapseSpaces(n.text.slice(open + 1, close));
    decls.push({ range: { start: open, end: close + 1 }, aliases: [{ text, start: open + 1, end: close }] });
  }
}

/** Index of the first mention starting at or after `at` (mentions ordered by start). */
function firstStartingAt(mentions: readonly Mention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as Mention).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const numberKey = (m: Mention) => {
  const v = m.number === null ? Number.NaN : Number(m.number);
  return Number.isNaN(v) ? null : `${v}|${m.type}`;
};

/**
 * "Is there another mention o of the same document (sameDocument) with start > from and end <= to?", answered by
 * bisection in the mentions of each symbol and of each type and number. Relies on what findCitations makes of its
 * mentions: ordered by start, each ending before the next starts, so ends ascend too.
 */
class EarlierMentions {
  private readonly bySymbol = new Map<string, Mention[]>();
  private readonly byNumber = new Map<string, Mention[]>();
  private readonly byNumberWithoutSymbol = new Map<string, Mention[]>();

  constructor(mentions: readonly Mention[]) {
    const add = (map: Map<string, Mention[]>, key: string, m: Mention) => {
      const list = map.get(key);
      if (list) list.push(m);
      else map.set(key, [m]);
    };
    for (const m of mentions) {
      if (m.symbol) add(this.bySymbol, m.symbol.canonical.toUpperCase(), m);
      const key = numberKey(m);
      if (key === null) continue;
      add(this.byNumber, key, m);
      if (!m.symbol) add(this.byNumberWithoutSymbol, key, m);
    }
  }

  exists(m: Mention, from: number, to: number): boolean {
    // sameDocument(o, m): both with symbols compare symbols; otherwise both with numbers compare number and type.
    const key = numberKey(m);
    if (m.symbol) {
      if (this.within(this.bySymbol.get(m.symbol.canonical.toUpperCase()), m, from, to)) return true;
      return key !== null && this.within(this.byNumberWithoutSymbol.get(key), m, from, to);
    }
    return key !== null && this.within(this.byNumber.get(key), m, from, to);
  }

  /** Whether `list` (ordered by start, ends ascending) holds a mention other than m in (from, …] ending by `to`. */
  private within(list: readonly Mention[] | undefined, m: Mention, from: number, to: number): boolean {
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Mention).start <= from) lo = mid + 1;
      else hi = mid;
    }
    // The first candidates end first: if neither of the first two (one may be m) ends by `to`, none does.
    for (let k = lo; k < list.length && k < lo + 2; k++) {
      const o = list[k] as Mention;
      if (o !== m && o.end <= to) return true;
    }
    return false;
  }
}

/** Cheap same-document test for restatements: same symbol, or same type and number. */
export function sameDocument(a: Mention, b: Mention): boolean {
  if (a.symbol && b.symbol) return a.symbol.canonical.toUpperCase() === b.symbol.canonical.toUpperCase();
  if (a.number && b.number) return Number(a.number) === Number(b.number) && a.type === b.type;
  return false;
}

/**
 * Later uses of acronym aliases ("CTHĐ") whose text is wanted: aliases with a number are found as short forms
 * already. Each declaration's uses are the matches of the alias from the declaration on (one regex scan from
 * there would give them); the occurrences of all wanted aliases are found in one pass over the text.
 */
function findAliasUses(
  n: NormalizedText,
  decls: AliasDeclaration[],
  mentions: Mention[],
  wanted: ReadonlySet<string>,
): Mention[] {
  const out: Mention[] = [];
  const owners = new OwnerBefore(mentions);
  const acronym = (text: string) =>
    wanted.has(text) && !/\d/.test(text) && text.length >= 2 && /\p{Lu}/u.test(text);
  const texts = new Set<string>();
  for (const d of decls) for (const a of d.aliases) if (acronym(a.text)) texts.add(a.text);
  if (texts.size === 0) return out;
  const occurrences = findOccurrences(n.text, texts);
  for (const d of decls) {
    for (const a of d.aliases) {
      if (!acronym(a.text)) continue;
      const owner = owners.before(d.range.start);
      if (!owner) continue;
      const uses = (at: number, length: number) => {
        const use = baseMention('ALIAS', at, at + length, owner.type);
        use.alias = a.text;
        out.push(use);
      };
      const found = occurrences.get(a.text);
      if (found) {
        // The matches a global regex finds from the declaration's end: the first occurrence there, then the first
        // after each match (an alias that overlaps itself, "A-A" in "A-A-A", skips the overlapped one).
        let next = d.range.end;
        for (let k = firstAtOrAfter(found, next); k < found.length; k++) {
          const at = found[k] as number;
          if (at < next) continue;
          uses(at, a.text.length);
          next = at + a.text.length;
        }
        continue;
      }
      const re = new RegExp(`(?<![\\p{L}\\d])${escapeRegex(a.text)}(?![\\p{L}\\d])`, 'gu');
      re.lastIndex = d.range.end;
      for (let m = re.exec(n.text); m; m = re.exec(n.text)) uses(m.index, m[0].length);
    }
  }
  return out;
}

function firstAtOrAfter(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last mention ending at or before an offset that restates nothing (mentions ordered by start, ends ascending). */
class OwnerBefore {
  /** For each index, the last index at or before it whose mention is not in an alias declaration (-1: none). */
  private readonly lastOwner: Int32Array;

  constructor(private readonly mentions: readonly Mention[]) {
    this.lastOwner = new Int32Array(mentions.length);
    let last = -1;
    mentions.forEach((m, i) => {
      if (!m.inAliasDecl) last = i;
      this.lastOwner[i] = last;
    });
  }

  before(at: number): Mention | undefined {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid] as Mention).end <= at) lo = mid + 1;
      else hi = mid;
    }
    const k = lo === 0 ? -1 : (this.lastOwner[lo - 1] as number);
    return k < 0 ? undefined : this.mentions[k];
  }
}

const WORD_CHAR = /[\p{L}\d]/u;
const SURROGATE = /[\ud800-\udfff]/;

/** The code point that ends just before `i` / starts at `i` is a letter or an ASCII digit. */
function wordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && i >= 2 && /[\ud800-\udbff]/.test(text.charAt(i - 2));
  return WORD_CHAR.test(pair ? text.slice(i - 2, i) : text.charAt(i - 1));
}
function wordCharAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const cp = text.codePointAt(i) as number;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * Where each text of `texts` occurs as a whole word — `(?<![\p{L}\d])text(?![\p{L}\d])` would match there — in one
 * walk of a trie of the texts from every position (texts are at most 80 characters). Texts holding surrogates
 * are left out (their callers use the regex itself).
 */
function findOccurrences(text: string, texts: ReadonlySet<string>): Map<string, number[]> {
  interface Node {
    next: Map<number, Node>;
    word: string | null;
  }
  const root: Node = { next: new Map(), word: null };
  for (const t of texts) {
    if (SURROGATE.test(t)) continue;
    let node = root;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), word: null };
        node.next.set(c, child);
      }
      node = child;
    }
    node.word = t;
  }
  const out = new Map<string, number[]>();
  for (const t of texts) if (!SURROGATE.test(t)) out.set(t, []);
  for (let p = 0; p < text.length; p++) {
    let node = root.next.get(text.charCodeAt(p));
    if (!node || wordCharBefore(text, p)) continue;
    for (let i = p + 1; node; i++) {
      if (node.word !== null && !wordCharAt(text, i)) (out.get(node.word) as number[]).push(p);
      if (i >= text.length) break;
      node = node.next.get(text.charCodeAt(i));
    }
  }
  return out;
}

/** "Kế hoạch của Ban Chấp hành Đảng bộ tỉnh" (a title naming a document by type and issuer only). */
export function findTypeIssuerMentions(n: NormalizedText, range: Range): Mention[] {
  const out: Mention[] = [];
  const re = new RegExp(`(?<![a-z])(${typeWordPattern})\\s+cua\\s+`, 'g');
  const slice = n.fold.slice(0, range.end);
  re.lastIndex = range.start;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const type = typeOfWord(m[1] as string);
    if (!type) continue;
    const s = m.index + m[0].length;
    const e = issuerEnd(n, s);
    if (e <= s) continue;
    const mention = baseMention('TYPE_ISSUER', m.index, e, type);
    mention.issuerText = n.text.slice(s, e).trim();
    out.push(mention);
  }
  return out;
}
