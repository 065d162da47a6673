// Extract (validity): what the document itself does to other documents' force — amends ("sửa đổi, bổ sung"),
// replaces ("thay thế"), repeals ("bãi bỏ", "hủy bỏ", "… hết hiệu lực kể từ ngày Nghị định này có hiệu lực") or
// guides ("hướng dẫn thi hành", "quy định chi tiết"). A verb counts only where its subject is the document: its
// title, "Quyết định này …", "Chính phủ ban hành Nghị định sửa đổi …", or an article or item of it that starts with
// the verb ("Điều 2. Bãi bỏ …"). Passive statements about other documents ("A đã được sửa đổi, bổ sung bởi B")
// give B → A, never SELF. Objects are the citations the citation stage found, right after the verb (with at most
// a scope such as "khoản 2 Điều 5 của" between), their list siblings, or the items of a list the clause opens
// ("Các văn bản sau đây hết hiệu lực …: a) …; b) Điều 3 …").
//
// "X hết hiệu lực kể từ ngày này có hiệu lực" is REPEALS, not REPLACES: the text says only that X ceases to have
// effect; REPLACES is kept for the word "thay thế". Linear: verbs are found by one scan, each looks back and ahead
// a bounded window, and a list is read once (a list inside one already read is not read again).

import { typeOfWord, typeWordPattern } from '../../lexicon/lexicon.ts';
import type { DocType, Relation, ValidityType } from '../../model/extraction.ts';
import type { NormalizedText } from '../normalize.ts';
import type { Range } from '../segment.ts';
import type { Mention } from './citations.ts';

export interface ValidityInput {
  n: NormalizedText;
  mentions: readonly Mention[];
  refOf: ReadonlyMap<Mention, string>;
  /** The title (and header block) ranges: a verb there is the document's own. */
  titles: readonly Range[];
  /** The document's type: an item starting with a verb is the document's act only in a normative text. */
  docType: DocType;
  /** Whether an offset lies in a task of a plan (a duty to amend, not an amendment). */
  inTask: (offset: number) => boolean;
}

const VERB =
  /(?<![a-z])(sua doi(?:\s*,?\s*(?:va\s+)?bo sung)?|thay the(?:\s+cho)?|bai bo|huy bo|het hieu luc(?:\s+thi hanh)?|huong dan(?:\s+(?:thi hanh|thuc hien))?|quy dinh chi tiet(?:\s*(?:,|va)\s*huong dan(?:\s+thi hanh)?|\s+va\s+bien phap thi hanh|\s+thi hanh)?)(?![a-z])/;
/** The verbs' first words, as one literal alternation: found fast, then VERB is tried where one starts. */
const VERB_START = /sua doi|thay the|bai bo|huy bo|het hieu luc|huong dan|quy dinh chi tiet/g;
const VERB_AT = new RegExp(VERB.source, 'y');
const PASSIVE_BEFORE = /(?:^|[^a-z])(?:da\s+duoc|duoc|bi|da\s+bi)\s*$/;
const THIS_DOCUMENT = new RegExp(`(?:^|[^a-z])(${typeWordPattern})\\s+nay\\s+(?:(?:se|cung|con)\\s+)?$`);
const ISSUES_THIS = new RegExp(`(?:^|[^a-z])ban\\s+hanh\\s+(${typeWordPattern})\\s+(?:ve\\s+viec\\s+)?$`);
/** The verb opens an article ("Điều 2."), an item ("1.", "a)", "-") or the clause. */
const CLAUSE_OPENING = /^\s*(?:(?:dieu\s+\d{1,3}[a-z]?\s*[.:]|\d{1,2}\s*[.)]|[a-zđ]\s*\)|[-+•])\s*)*$/;
const MARKER = /^\s*(?:(?:dieu\s+\d{1,3}[a-z]?\s*[.:]|\d{1,2}\s*[.)]|[a-zđ]\s*\)|[-+•])\s*)*/;
/** "các văn bản sau", "Nghị định … sau đây": a header opening a list of documents (not "như sau:", new wording). */
const LIST_OF_DOCUMENTS = new RegExp(
  `(?:van\\s+ban|quy\\s+dinh|${typeWordPattern})[^:]{0,120}?(?<!nhu\\s)\\bsau(?:\\s+day)?\\b`,
);
const ARTICLE_OPENING = /^\s*dieu\s+\d{1,3}[a-z]?\s*[.:]\s*$/;
/** A title's words before its verb: a type word and "về việc" at most ("Về chính sách của Luật sửa đổi …" is not it). */
const TITLE_PREFIX = new RegExp(
  `^\\s*(?:(?:${typeWordPattern})\\s+)?(?:(?:ve\\s+viec|ve|v\\s*/\\s*v)\\s+)?$`,
);
/** A consolidated text (văn bản hợp nhất) quotes the preambles of the documents it consolidates: it amends nothing. */
const CONSOLIDATED = /van\s+ban\s+hop\s+nhat/;
const THIS_IN_FORCE = new RegExp(
  `^[\\s,]*(?:thi\\s+hanh\\s*)?(?:ke\\s+)?tu\\s+ngay\\s+(?:${typeWordPattern})\\s+nay\\s+co\\s+hieu\\s+luc`,
);
const BY = /^\s*(?:,\s*)?(?:mot\s+so\s+dieu\s+)?(?:boi|theo|tai|bang)\s*$/;
const LIST_MARK = /^[ \t]*(?:[a-zđ]\s*\)|[-+•]|\d{1,2}\.\d{1,2}\.?)\s*/;
const LIST_END = /^[ \t]*(?:\d{1,2}\s*[.)]\s|dieu\s+\d|chuong\s|muc\s+\d|noi nhan|[ivx]{1,5}\s*[.)]\s)/;
const SENTENCE_BREAK = /[.;!?](?=\s)|:[ \t]*\n|\n(?=[ \t]*(?:[-+•]|\d{1,2}\s*[.)]\s|[a-zđ]\s*\)|dieu\s+\d))/g;

/** Words that may stand between a verb and its object: scope ("khoản 2 Điều 5 của"), "một số điều", "các". */
const SCOPE_WORDS = new Set(
  'va hoac mot so cac nhung noi dung quy dinh dieu khoan diem chuong muc phan phu luc cua tai thi hanh thuc hien huong dan bien phap cho bieu mau viec toan bo'.split(
    ' ',
  ),
);
const SCOPE_UNIT =
  /(?:^|\s)(?:diem|khoan|dieu|chuong|muc|phan|phu luc)\s+(?:\d{1,3}[a-z]?|[a-zđ]|[ivxlc]{1,5})(?![a-z])/;
const MAX_CONNECTOR = 160;
const MAX_CHAIN = 40;
const MAX_LIST = 8000;
const LOOK_BACK = 260;
/** How far before a citation its verb may stand: the verb and its connector, or a list's header and the first items. */
const WINDOW_BEFORE = 400;
/** "ban hành Thông tư liên tịch về việc ": the longest subject before a verb, with room for wrapped spaces. */
const SUBJECT_SPAN = 64;

const NORMATIVE: ReadonlySet<DocType> = new Set([
  'NGHI_DINH',
  'THONG_TU',
  'QUYET_DINH',
  'NGHI_QUYET',
  'LUAT',
  'CHI_THI',
  'QUY_DINH',
  'QUY_CHE',
  'OTHER',
]);

/**
 * The matches `VERB.exec` would give in a loop over `f`, within `windows` (ordered, disjoint): every match starts
 * with one of VERB_START's words, so the sticky regex is tried only where one occurs, past the previous match.
 */
function verbMatches(f: string, windows: readonly Range[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const w of windows) {
    VERB_START.lastIndex = w.start;
    for (let c = VERB_START.exec(f); c && c.index < w.end; c = VERB_START.exec(f)) {
      VERB_AT.lastIndex = c.index;
      const m = VERB_AT.exec(f);
      if (!m) continue;
      out.push(m);
      VERB_START.lastIndex = c.index + m[0].length;
    }
  }
  return out;
}

/**
 * Where a verb can have an object: from WINDOW_BEFORE characters before each citation (a list's header, a verb and
 * its connector) to LOOK_BACK after it (a passive or "hết hiệu lực" after its subject). Plans cite in their preamble
 * and run long without a citation: their tasks are not scanned at all.
 */
function verbWindows(active: readonly Mention[], length: number): Range[] {
  const out: Range[] = [];
  for (const m of active) {
    const start = Math.max(0, m.start - WINDOW_BEFORE);
    const end = Math.min(length, m.end + LOOK_BACK);
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

function typeOfVerb(verb: string): ValidityType {
  if (verb.startsWith('sua')) return 'AMENDS';
  if (verb.startsWith('thay')) return 'REPLACES';
  if (verb.startsWith('bai') || verb.startsWith('huy') || verb.startsWith('het')) return 'REPEALS';
  return 'GUIDES';
}

/** The words between a verb and its object are scope words only (and few of them): the verb governs the object. */
function connects(gap: string): boolean {
  if (gap.length > MAX_CONNECTOR || /[.:!?\n]\s*\n|[.!?]/.test(gap)) return false;
  const words = gap.match(/[a-zđ0-9]+/g) ?? [];
  if (words.length > 24) return false;
  return words.every(
    (w) => SCOPE_WORDS.has(w) || /^\d{1,3}[a-z]?$/.test(w) || /^[a-zđ]$|^[ivxlc]{1,5}$/.test(w),
  );
}

/** A list sibling: a separator first (", ", "và"; not ";", which ends a preamble's clause), then scope words only. */
function sibling(gap: string): boolean {
  return /^\s*(?:,|va\b|hoac\b)/.test(gap) && !gap.includes(';') && connects(gap);
}

/** "Điều 5", "khoản 2 Điều 3": the printed scope of a partial act, from the connector's original text. */
function scopeOf(n: NormalizedText, start: number, end: number): string | null {
  const f = n.fold.slice(start, end);
  if (!SCOPE_UNIT.test(f)) return null;
  const m = /(?:diem|khoan|dieu|chuong|muc|phan|phu luc|cac)\s[\s\S]*?(?=\s*(?:cua)?\s*$)/.exec(f);
  if (!m) return null;
  const text = n.text.slice(start + m.index, start + m.index + m[0].length);
  return text.replace(/\s+/g, ' ').replace(/[\s,;]+$/, '') || null;
}

export function extractValidity(input: ValidityInput): Relation[] {
  const { n, refOf } = input;
  const f = n.fold;
  const active = input.mentions
    .filter((m) => !m.inAliasDecl && refOf.has(m))
    .sort((a, b) => a.start - b.start);
  if (active.length === 0) return [];
  const out = new Map<string, Relation>();
  const ref = (m: Mention) => refOf.get(m) as string;
  const add = (
    from: string,
    m: Mention,
    type: ValidityType,
    start: number,
    scope: string | null,
    end = m.end,
  ) => {
    const to = ref(m);
    if (from === to) return;
    const key = `${from}→${to}→${type}`;
    const had = out.get(key);
    // A whole act beats a partial one of the same pair; partial scopes of one pair are joined.
    if (had && (had.scope === undefined || (scope !== null && had.scope.includes(scope)))) return;
    const r: Relation = {
      from,
      to,
      type,
      basis: null,
      evidence: had?.evidence ?? {
        start: n.toOriginal(Math.min(start, m.start)),
        end: n.toOriginal(Math.max(end, m.end)),
      },
    };
    if (scope !== null) r.scope = had?.scope ? `${had.scope}; ${scope}` : scope;
    out.set(key, r);
  };
  const firstFrom = (at: number) => {
    let lo = 0;
    let hi = active.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((active[mid] as Mention).start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** The objects of a verb ending at `from`: the next mention if only scope words come between, then its siblings. */
  const objectsAfter = (from: number, limit: number): Array<{ m: Mention; scope: string | null }> => {
    const found: Array<{ m: Mention; scope: string | null }> = [];
    let k = firstFrom(from);
    let at = from;
    for (; k < active.length && found.length < MAX_CHAIN; k++) {
      const m = active[k] as Mention;
      // Too far for a connector: stop before slicing (a verb never reads further than MAX_CONNECTOR ahead).
      if (m.start >= limit || m.start - at > MAX_CONNECTOR) break;
      const gap = f.slice(at, m.start);
      if (!(found.length === 0 ? connects(gap) : sibling(gap))) break;
      found.push({ m, scope: scopeOf(n, at, m.start) });
      at = m.end;
    }
    return found;
  };
  const clauseStart = (at: number) => {
    const from = Math.max(0, at - LOOK_BACK);
    const window = f.slice(from, at);
    let start = from;
    SENTENCE_BREAK.lastIndex = 0;
    for (let b = SENTENCE_BREAK.exec(window); b; b = SENTENCE_BREAK.exec(window))
      start = from + b.index + b[0].length;
    return start;
  };
  const inTitle = (at: number) => input.titles.find((r) => at >= r.start && at <= r.end) ?? null;
  let listReadTo = -1;
  // Its own symbol ("Số: 1548/VBHN-BLĐTBXH") may come last, after the consolidated text: one search of the whole text.
  const consolidated =
    CONSOLIDATED.test(f.slice(0, 3000)) || (f.includes('vbhn-') && /\bso\s*:\s*\d+\s*\/\s*vbhn-/.test(f));
  const ownType = (word: string) => input.docType === 'OTHER' || typeOfWord(word) === input.docType;

  for (const v of verbMatches(f, verbWindows(active, f.length))) {
    const vs = v.index;
    const ve = vs + v[0].length;
    const type = typeOfVerb(v[1] as string);
    const cs = clauseStart(vs);
    const prefix = f.slice(cs, vs);

    if (PASSIVE_BEFORE.test(prefix)) {
      // "A (đã) được sửa đổi, bổ sung bởi B, C": B and C act on A (the statement is about them, not about SELF).
      const k = firstFrom(cs);
      let a: Mention | null = null;
      for (let i = k; i < active.length && (active[i] as Mention).end <= vs; i++) a = active[i] as Mention;
      if (!a || !/^\s*,?\s*(?:da\s+)?(?:duoc|bi)\s*$/.test(f.slice(a.end, vs))) continue;
      const by = /^[\s,]*(?:mot\s+so\s+dieu\s+)?(?:boi|theo|tai|bang)\s*/.exec(f.slice(ve, ve + 40));
      if (!by || !BY.test(by[0])) continue;
      const start = a.start;
      for (const o of objectsAfter(ve + by[0].length, f.length)) add(ref(o.m), a, type, start, null, o.m.end);
      continue;
    }

    if (consolidated) continue;
    if (type === 'REPEALS' && v[1]?.startsWith('het')) {
      const after = f.slice(ve, ve + 120);
      const listHeader =
        /\bsau(?:\s+day)?\b/.test(prefix) && /^[^.;\n]{0,160}:[ \t]*\n/.test(f.slice(ve, ve + 170));
      if (listHeader) {
        const colon = ve + f.slice(ve, ve + 170).indexOf(':');
        if (colon > listReadTo) listReadTo = readList(colon + 1, type, cs);
        continue;
      }
      if (!THIS_IN_FORCE.test(after)) continue;
      // The subjects: the citations opening the clause (after its marker; a scope may come first), and their siblings.
      const opening = cs + (MARKER.exec(prefix)?.[0].length ?? 0);
      for (const o of objectsAfter(opening, vs)) add('SELF', o.m, type, cs, o.scope);
      continue;
    }

    const title = inTitle(vs);
    // Both subjects end right before the verb and fit in SUBJECT_SPAN characters: only that tail is searched (the
    // type words are many alternatives; tried along the whole prefix they were most of this stage's time).
    const tailAt = Math.max(0, prefix.length - SUBJECT_SPAN);
    const tail = prefix.slice(tailAt);
    const named = THIS_DOCUMENT.exec(tail) ?? ISSUES_THIS.exec(tail);
    // "Nghị định này", "ban hành Nghị định": the type word must be the document's own (a resolution saying
    // "Chính phủ ban hành Nghị định sửa đổi …" decides that a decree be issued; it amends nothing itself).
    const subject = named && ownType(named[1] as string) ? named : null;
    // The evidence starts at the subject ("Quyết định này", "ban hành Nghị định") or at the verb.
    const from = subject ? cs + tailAt + subject.index + (/^[^a-z]*/.exec(subject[0])?.[0].length ?? 0) : vs;
    const self =
      subject !== null ||
      ARTICLE_OPENING.test(prefix) ||
      (type !== 'GUIDES' &&
        CLAUSE_OPENING.test(prefix) &&
        !title &&
        NORMATIVE.has(input.docType) &&
        !input.inTask(vs)) ||
      (title !== null && titleOwns(title, vs));
    if (!self) continue;
    const objects = objectsAfter(ve, f.length);
    if (objects.length > 0) {
      for (const o of objects) add('SELF', o.m, type, from, o.scope);
      continue;
    }
    // "Bãi bỏ các văn bản sau: a) …; b) …": the clause opens a list.
    const rest = f.slice(ve, ve + 200);
    const colon = /^[^.;\n]{0,180}:[ \t]*\n/.exec(rest);
    if (colon && LIST_OF_DOCUMENTS.test(colon[0]) && ve + colon[0].length > listReadTo)
      listReadTo = readList(ve + colon[0].indexOf(':') + 1, type, from);
  }
  return [...out.values()];

  /** A title's verb is the document's when nothing but a type word, "về việc" or its own citation precedes it. */
  function titleOwns(title: Range, at: number): boolean {
    // A type word and "về việc" fit in 60 characters: a verb further into the title is not among its first words.
    if (at - title.start > 60) return false;
    if (!TITLE_PREFIX.test(f.slice(title.start, at))) return false;
    const k = firstFrom(title.start);
    return k >= active.length || (active[k] as Mention).start >= at;
  }

  /** Reads the items of a list starting at `from`: the first citation of each item is an object. Returns where it ended. */
  function readList(from: number, type: ValidityType, evidenceStart: number): number {
    const limit = Math.min(f.length, from + MAX_LIST);
    let at = from;
    let k = firstFrom(from);
    while (at < limit) {
      const nl = f.indexOf('\n', at);
      const lineStart = nl < 0 ? limit : nl + 1;
      if (lineStart >= limit) return limit;
      const lineEnd = Math.min(limit, f.indexOf('\n', lineStart) < 0 ? limit : f.indexOf('\n', lineStart));
      const line = f.slice(lineStart, lineEnd);
      at = lineStart;
      if (LIST_END.test(line)) return lineStart;
      const mark = LIST_MARK.exec(line);
      if (!mark) continue;
      const itemStart = lineStart + mark[0].length;
      while (k < active.length && (active[k] as Mention).start < itemStart) k++;
      const m = active[k];
      if (!m || m.start >= limit || m.start - itemStart > MAX_CONNECTOR) continue;
      // The citation must follow the item's marker with at most a scope between ("Điều 3 Nghị định số …").
      if (connects(f.slice(itemStart, m.start)))
        add('SELF', m, type, evidenceStart, scopeOf(n, itemStart, m.start));
    }
    return limit;
  }
}
