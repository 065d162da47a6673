// Extract (mandate vocabulary): what may be an agency's name and what a group of assignees is, from
// resources/lexicon/mandates.json. Pure word-level tests on printed text, so that pieces of a sentence
// ("Ban hành chính sách …", "Tập trung các nguồn lực") never become agencies or groups (DOMAIN §3, §4).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { agencyVocabulary } from '../../lexicon/lexicon.ts';
import { toneKey } from '../../text/fold.ts';

const MandatesFile = z.object({
  nameOnlyHeads: z.array(z.string()),
  lowercaseNameWords: z.array(z.string()),
  groupUnits: z.array(z.string()),
  groupWords: z.array(z.string()),
  groupTrailing: z.array(z.string()),
  backgroundSections: z.array(z.string()),
  purposeSections: z.array(z.string()),
  taskSections: z.array(z.string()),
  organisationSections: z.array(z.string()),
});

export const mandateVocabulary = MandatesFile.parse(
  JSON.parse(readFileSync(new URL('../../../resources/lexicon/mandates.json', import.meta.url), 'utf8')),
);

interface Word {
  /** Offset in the text the words were read from. */
  start: number;
  end: number;
  key: string;
  upper: boolean;
  /** No lower-case letter: "SỞ", "UBND". */
  caps: boolean;
  sep: boolean;
}

/** Keys of the words seen (the same few thousand words recur in every plan); emptied when it grows large. */
const keyOf = new Map<string, string>();
function wordKey(w: string): string {
  let k = keyOf.get(w);
  if (k === undefined) {
    if (keyOf.size > 50_000) keyOf.clear();
    k = toneKey(w);
    keyOf.set(w, k);
  }
  return k;
}

// Words keep their diacritics for comparison ("mọi" is not "Môi"); separators are words of their own.
function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}&'’]+|[,;\-–]/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    const sep = w.length === 1 && /^[,;\-–]$/.test(w);
    out.push({
      start: m.index,
      end: m.index + w.length,
      key: sep ? w : wordKey(w),
      upper: /^\p{Lu}/u.test(w),
      caps: !/\p{Ll}/u.test(w),
      sep,
    });
  }
  return out;
}

/** Phrases by their first word, longest first: a lookup at a word tries only the phrases that start with it. */
type Phrases = Map<string, string[][]>;
const phrases = (list: readonly string[]): Phrases => {
  const out: Phrases = new Map();
  const all = list
    .map((p) => toneKey(p).split(/\s+/))
    .filter((p) => p.length > 0 && p[0] !== '')
    .sort((a, b) => b.length - a.length);
  for (const p of all) {
    const first = p[0] as string;
    const those = out.get(first);
    if (those) those.push(p);
    else out.set(first, [p]);
  }
  return out;
};

/** Length (in words) of the longest phrase of `list` at `ws[at]`, 0 when none. */
function phraseAt(ws: Word[], at: number, list: Phrases): number {
  const first = ws[at];
  const candidates = first ? list.get(first.key) : undefined;
  if (!candidates) return 0;
  for (const p of candidates) {
    if (at + p.length > ws.length) continue;
    if (p.every((w, i) => (ws[at + i] as Word).key === w)) return p.length;
  }
  return 0;
}

const HEADS = phrases(agencyVocabulary.headWords);
const NAME_ONLY = new Set(mandateVocabulary.nameOnlyHeads.map((h) => toneKey(h)));
const LOWER_NAME = phrases(mandateVocabulary.lowercaseNameWords);
const GROUP_OPENERS = phrases(agencyVocabulary.groupWords);
const UNITS = phrases(mandateVocabulary.groupUnits);
const IN_GROUP = phrases(mandateVocabulary.groupWords);
const TRAILING = phrases(mandateVocabulary.groupTrailing);
const PLURAL = phrases(['các', 'những']);

/**
 * Whether `text` (one list item) is an agency's name: a head word ("Sở", "Phòng", "Ủy ban nhân dân", …) and
 * then a name — a capitalised word, a jurisdiction word ("tỉnh", "huyện"), "các" before a capital
 * ("Liên hiệp các Hội …") — or a head that names a body alone ("Tỉnh đoàn"). "Ban hành …", "Báo cáo …",
 * "Hội nghị …" start like a head word and go on in lower case: verbs and nouns, not agencies.
 */
export function isAgencyName(text: string): boolean {
  const ws = words(text).filter((w) => !w.sep);
  return agencyPrefixEnd(ws, 0) > 0;
}

/** Words taken by an agency name starting at ws[at] (head word and the first word of the name), 0 if none. */
function agencyPrefixEnd(ws: Word[], at: number): number {
  const h = phraseAt(ws, at, HEADS);
  if (h === 0) return 0;
  const headKey = ws
    .slice(at, at + h)
    .map((w) => w.key)
    .join(' ');
  const next = ws[at + h];
  if (!next) return NAME_ONLY.has(headKey) ? at + h : 0;
  // An all-capitals line ("SỞ TÀI CHÍNH") says nothing by case.
  const allUpper = ws.length > 1 && ws.slice(at).every((w) => w.caps);
  if (next.upper && !allUpper) return at + h + 1;
  const lower = phraseAt(ws, at + h, LOWER_NAME);
  if (lower > 0) return at + h + lower;
  const after = ws[at + h + 1];
  if (next.key === 'các' && after?.upper && !allUpper) return at + h + 2;
  if (NAME_ONLY.has(headKey)) return at + h;
  // Upper-case text: the head word followed by any word is a name, unless a lower-case reading already
  // failed above and the pair is a known verb ("BAN HÀNH") — such lines are headings, kept as before.
  return allUpper && !VERB_PAIRS.has(`${headKey} ${next.key}`) ? at + h + 1 : 0;
}

// Head-word look-alikes in capitals: "BAN HÀNH", "BÁO CÁO", "HỘI NGHỊ" are not bodies.
const VERB_PAIRS = new Set(
  ['ban hành', 'báo cáo', 'hội nghị', 'hội thảo', 'hội nhập', 'đoàn kết', 'bộ máy', 'trường hợp'].map(
    toneKey,
  ),
);

/**
 * The printed length of the group at the start of `text`, 0 when it is not a group: "các" (or "Thủ
 * trưởng các", or an agency with "các": "Ủy ban nhân dân các xã") then a unit noun ("sở", "đơn vị", "xã"),
 * then only group words, separators and capitalised words; the first other word ends the group
 * ("UBND các huyện cụ thể hóa …" → "UBND các huyện"). "Tập trung các nguồn lực" is no group.
 */
export function groupLength(text: string): number {
  const ws = words(text);
  let at = phraseAt(ws, 0, GROUP_OPENERS);
  if (at === 0) {
    const plain = ws.filter((w) => !w.sep);
    const name = agencyPrefixEnd(plain, 0);
    if (name === 0) return 0;
    // The agency's name runs on to "các"/"những": "Ban Chỉ huy Quân sự các xã".
    const rel = plain.findIndex((_, i) => i >= name && phraseAt(plain, i, PLURAL) > 0);
    if (rel < 0) return 0;
    // Only the name may stand between: "Sở Tài chính hướng dẫn các sở" is a sentence, not a group.
    for (let i = name; i < rel; ) {
      const w = plain[i] as Word;
      const lower = phraseAt(plain, i, LOWER_NAME);
      if (!w.upper && w.key !== 'và' && lower === 0) return 0;
      i += Math.max(1, lower);
    }
    const plural = plain[rel] as Word;
    at = ws.indexOf(plural) + 1;
  }
  if (phraseAt(ws, at, UNITS) === 0) return 0;
  let end = at;
  let lastGood = at;
  while (end < ws.length) {
    const w = ws[end] as Word;
    const p = Math.max(phraseAt(ws, end, UNITS), phraseAt(ws, end, IN_GROUP));
    if (p > 0) {
      end += p;
      lastGood = end;
    } else if (w.sep || w.upper) {
      end += 1;
      if (!w.sep) lastGood = end;
    } else break;
  }
  // Drop what cannot end a group: a trailing "có", "của", "và", or a separator.
  let stop = lastGood;
  for (;;) {
    let trimmed = false;
    for (let k = 1; k <= 3 && stop - k >= at; k++) {
      if (phraseAt(ws.slice(stop - k, stop), 0, TRAILING) === k) {
        stop -= k;
        trimmed = true;
        break;
      }
    }
    while (stop > at && (ws[stop - 1] as Word).sep) {
      stop--;
      trimmed = true;
    }
    if (!trimmed) break;
  }
  if (stop <= at) return 0;
  return (ws[stop - 1] as Word).end;
}
