// Extract (agencies): assignee lists ("Phòng X chủ trì, phối hợp với Phòng Y, Z và các đơn vị có liên quan")
// split into leads, coordinators and groups; agency names canonicalised ("phòng Kinh tế - Hạ tầng" =
// "Phòng Kinh tế và Hạ tầng"), placed in the writer's jurisdiction (DOMAIN §3, §4).

import { agencyVocabulary, expandAbbreviations } from '../../lexicon/lexicon.ts';
import type { AgencyMention, Level } from '../../model/extraction.ts';
import { fold, nameKey, toneKey } from '../../text/fold.ts';
import type { NormalizedText } from '../normalize.ts';
import type { Place } from './issuers.ts';
import { groupLength, isAgencyName } from './mandate-vocabulary.ts';

export interface Assignees {
  lead: AgencyMention[];
  coordinators: AgencyMention[];
  groups: string[];
}

export interface AgencyContext {
  place: Place;
  /** The writer's level: "Phòng" of a district's text is that district's. */
  writerLevel: Level | null;
}

const head = (w: string) => fold(w);
// Head words compare with diacritics ("đội" is a unit, "đổi mới" is not), tone placement aside.
const HEAD_WORDS = [...agencyVocabulary.headWords].map(toneKey).sort((a, b) => b.length - a.length);
const headsByFirstWord = new Map<string, string[]>();
for (const h of HEAD_WORDS) {
  const first = h.split(' ')[0] as string;
  headsByFirstWord.set(first, [...(headsByFirstWord.get(first) ?? []), h]);
}
const startsWithHead = (text: string) => {
  // A head word may be wrapped ("Bảo hiểm xã" / "hội"): any run of spaces is one space.
  const t = toneKey(text.slice(0, 40)).replace(/\s+/g, ' ');
  const first = /^[\p{L}&]+/u.exec(t)?.[0];
  const cands = first ? headsByFirstWord.get(first) : undefined;
  return cands?.some((h) => t.startsWith(h) && !/\p{L}/u.test(t.charAt(h.length))) === true;
};
// Group words keep their diacritics: "mọi" (every) must not match "Môi trường".
const GROUP_WORDS = agencyVocabulary.groupWords.map(toneKey);
const groupStart = (text: string) => {
  const t = toneKey(text.slice(0, 40));
  return GROUP_WORDS.some((w) => t.startsWith(w) && !/\p{L}/u.test(t.charAt(w.length)));
};
const TITLE_PREFIX = new RegExp(
  `^(?:${[...agencyVocabulary.titles]
    .map(head)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s+`,
);
const NOT_AGENCY = new Set(agencyVocabulary.notAgency.map(head));

/** Lower-case words that end an assignee list: the duty's verb phrase starts there. */
const VERB_STOP =
  /^(chu tri|phoi hop|long ghep|cu the hoa|kip thoi|phan anh|hang nam|hang quy|hang thang|moi nam|dinh ky|truoc|tham muu|trien khai|thuc hien|to chuc|tiep nhan|huong dan|theo doi|xay dung|ra soat|nghien cuu|de xuat|bao cao|kiem tra|don doc|thuong xuyen|can cu|bo tri|can doi|cung cap|de|nham|trong|theo|co trach nhiem|chiu trach nhiem|chu dong|tuyen truyen|quan triet|tap trung|day manh|tang cuong|giup|trinh|xem xet|khan truong|hoan thanh|gui|lam|phu trach|tong hop|chi dao|ho tro|phan cong|tham gia|cho|tai|thuc|ban hanh|duy tri|la|neu|nhu|ve|voi|phai|lanh dao|xu ly|noi|hien co|giai quyet|dam bao|phe duyet|thong bao|cong bo|cap nhat|tiep tuc|uu tien|duoc|se)\b/;

// Words of VERB_STOP that are prepositions or conjunctions: they end a list, but no verb follows the subject.
const NOT_A_VERB = /^(de|nham|trong|theo|cho|tai|la|neu|nhu|ve|voi|can cu)\b/;

/** Whether the duty's verb starts at `at` ("… thực hiện", "… hằng năm báo cáo"), after spaces and commas. */
export function verbAt(n: NormalizedText, at: number, end: number): boolean {
  // "…, theo chức năng, nhiệm vụ được giao có trách nhiệm …": the verb comes after the mandate's basis.
  const rest = n.fold
    .slice(at, Math.min(end, at + 100))
    .replace(/^[\s,]+/, '')
    .replace(/^theo chuc nang,? nhiem vu(?: duoc giao| cua minh)?,?\s*/, '');
  return VERB_STOP.test(rest) && !NOT_A_VERB.test(rest);
}

const agencyKey = (s: string) =>
  nameKey(expandAbbreviations(s))
    .replace(/\b(va)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const standardByKey = new Map<string, string>();
for (const s of agencyVocabulary.standardNames) standardByKey.set(agencyKey(s), s);
const aliasByKey = new Map<string, string>();
for (const a of agencyVocabulary.aliases) for (const v of a.variants) aliasByKey.set(agencyKey(v), a.name);

interface Item {
  start: number;
  end: number;
}

/** Splits a list into items at "," ";" "và"/"cùng" before a new agency; stops at the duty's verb. */
export function splitList(n: NormalizedText, start: number, end: number): Item[] {
  const items: Item[] = [];
  let itemStart = -1;
  let itemEnd = -1;
  const flush = () => {
    if (itemStart >= 0 && itemEnd > itemStart) items.push({ start: itemStart, end: itemEnd });
    itemStart = itemEnd = -1;
  };
  const re = /[^\s,;.:()]+|[,;.:()]/g;
  re.lastIndex = start;
  const f = n.fold;
  let depth = 0;
  for (let m = re.exec(f); m && m.index < end; m = re.exec(f)) {
    const tok = m.index + m[0].length > end ? m[0].slice(0, end - m.index) : m[0];
    const at = m.index;
    if (tok === '(') depth++;
    if (tok === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || tok === '(' || tok === ')') {
      if (itemStart >= 0) itemEnd = at + tok.length;
      continue;
    }
    if (tok === '.' || tok === ':') {
      flush();
      break;
    }
    const lower = /^\p{Ll}/u.test(n.text.charAt(at));
    const rest = f.slice(at, Math.min(end, at + 40));
    if (tok === ',' && itemStart >= 0 && insideKnownName(n, itemStart, at)) {
      itemEnd = at + 1;
      continue;
    }
    if (tok === ',' || tok === ';') {
      // A comma separates items unless what follows continues the previous one ("các huyện, thành phố").
      const next = /^[,;]\s*(\S+(?:\s+\S+)?)/.exec(rest);
      const nextWords = next ? (next[1] as string) : '';
      const nextAt = next ? at + (next[0].length - nextWords.length) : at;
      if (startsItem(n.text.charAt(nextAt), n.text.slice(nextAt, nextAt + 30)) || tok === ';') flush();
      else if (itemStart >= 0) itemEnd = at;
      continue;
    }
    // "các tổ chức", "những hoạt động": after a plural word a verb-like word is a noun.
    const afterPlural = /(?:^|\s)(?:cac|nhung|moi|tung)\s+$/.test(f.slice(Math.max(start, at - 6), at));
    if (lower && itemStart >= 0 && !afterPlural && VERB_STOP.test(rest)) {
      flush();
      break;
    }
    // "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện" is one name: a known name is never split.
    if (itemStart >= 0 && tok === 'va' && insideKnownName(n, itemStart, at)) {
      itemEnd = at + tok.length;
      continue;
    }
    if ((tok === 'va' || tok === 'cung') && lower) {
      const window = f.slice(at + tok.length, Math.min(end, at + tok.length + 40));
      const afterAt = at + tok.length + (window.length - window.trimStart().length);
      const after = window.trimStart();
      if (startsItem(n.text.charAt(afterAt), n.text.slice(afterAt, afterAt + 30)) || /^voi\b/.test(after)) {
        flush();
        if (/^voi\b/.test(after)) re.lastIndex = afterAt + 3;
        continue;
      }
    }
    if (itemStart < 0) itemStart = at;
    itemEnd = at + tok.length;
  }
  flush();
  return items;
}

// Known names (folded keys) that hold "và" or "," before another head word: the item goes on past them.
const KNOWN_NAME_KEYS = [...agencyVocabulary.standardNames, ...agencyVocabulary.aliases.map((a) => a.name)]
  .map((name) => nameKey(expandAbbreviations(name)))
  .filter((k) => / va /.test(k));

/** Per text, the last item found too long to begin a known name: any end after `cut` gives the same answer. */
const tooLong = new WeakMap<NormalizedText, { itemStart: number; cut: number }>();
const KNOWN_FIRST_WORDS = new Set(KNOWN_NAME_KEYS.map((k) => k.split(' ')[0] as string));
/** The first word of a word's name key, abbreviations expanded ("UBND" → "uy"). */
const firstKeyWord = (word: string) => nameKey(expandAbbreviations(word)).split(' ')[0] as string;
const LONGEST_KNOWN_KEY = Math.max(0, ...KNOWN_NAME_KEYS.map((k) => k.length));
/** Cutting a text at a space cuts its name key at the same place (no abbreviation holds a space): see below. */
const CUT_AT_SPACE_KEEPS_KEY = Object.keys(agencyVocabulary.abbreviations).every((k) => !/\s/.test(k));

/**
 * Whether the item from `itemStart` to `at` is the start of a known name that goes on past `at`. An item no
 * known name can be the start of is told early: the key of its text up to a space is the start of its whole
 * key, and when that is as long as the longest known name, nothing longer can hold it. That answer is kept for
 * the item, so a long item costs its length once, not once per comma in it.
 */
function insideKnownName(n: NormalizedText, itemStart: number, at: number): boolean {
  const text = n.text;
  // Most items start with a word no such name starts with: told from that word alone.
  const firstWord = /^[^\s,;]+/.exec(text.slice(itemStart, Math.min(at, itemStart + 40)))?.[0];
  if (!firstWord || !KNOWN_FIRST_WORDS.has(firstKeyWord(firstWord))) return false;
  if (CUT_AT_SPACE_KEEPS_KEY && at - itemStart > LONGEST_KNOWN_KEY) {
    const known = tooLong.get(n);
    if (known && known.itemStart === itemStart && at > known.cut) return false;
    let cut = itemStart + LONGEST_KNOWN_KEY;
    while (cut < at && !/\s/.test(text.charAt(cut))) cut++;
    if (cut < at && nameKey(expandAbbreviations(text.slice(itemStart, cut))).length >= LONGEST_KNOWN_KEY) {
      tooLong.set(n, { itemStart, cut });
      return false;
    }
  }
  const sofar = nameKey(expandAbbreviations(text.slice(itemStart, at)));
  if (sofar.length === 0) return false;
  const ahead = nameKey(expandAbbreviations(text.slice(itemStart, at + 80)));
  return KNOWN_NAME_KEYS.some((k) => k.length > sofar.length && k.startsWith(sofar) && ahead.startsWith(k));
}

function startsItem(firstChar: string, text: string): boolean {
  if (groupStart(text)) return true;
  if (!/^\p{Lu}/u.test(firstChar)) return false;
  return startsWithHead(text) && isAgencyName(text);
}

/** A head word that is the second half of a common noun ("xã hội", "đại hội", "lễ hội", "cơ hội"). */
const COMPOUND_TAIL = /(?:^|[^a-z])(?:xa|dai|le|co)\s+hoi$/;

/** Classifies items into agencies and groups. */
export function classify(
  n: NormalizedText,
  items: Item[],
  ctx: AgencyContext,
): { agencies: AgencyMention[]; groups: string[] } {
  const agencies: AgencyMention[] = [];
  const groups: string[] = [];
  for (const it of items) {
    let s = it.start;
    let f = n.fold.slice(s, it.end);
    const title = TITLE_PREFIX.exec(f);
    // "Giám đốc Sở X" is Sở X; "Thủ trưởng các sở" stays a group.
    if (title && !groupStart(n.text.slice(s, it.end))) {
      s += title[0].length;
      f = f.slice(title[0].length);
    }
    const printed = n.text.slice(s, it.end).replace(/\s+/g, ' ').trim();
    if (printed.length < 3) continue;
    if (NOT_AGENCY.has(f.trim())) {
      groups.push(printed);
      continue;
    }
    // A group is "các" + a unit ("các sở, ngành liên quan", "UBND các xã"), cut where the sentence goes on.
    const g = groupLength(printed);
    if (g > 0) {
      groups.push(printed.slice(0, g));
      continue;
    }
    // Neither a unit's name nor a group ("Xây dựng hệ thống …", "Ban hành chính sách …"): not an assignee.
    if (!startsWithHead(printed) || !isAgencyName(printed)) continue;
    // "Bảo hiểm xã / hội Quân đội" wrapped by a PDF: "hội" there is the end of a word, not a head.
    if (COMPOUND_TAIL.test(n.fold.slice(Math.max(0, s - 8), s + 3))) continue;
    agencies.push(canonicalAgency(printed, { start: n.toOriginal(s), end: n.toOriginal(it.end) }, ctx));
  }
  return { agencies, groups };
}

// Agencies repeat within and across documents: canonical forms are cached by printed form and context.
const canonicalCache = new Map<string, Omit<AgencyMention, 'span'>>();

/** The canonical form of a printed agency name, with its jurisdiction. */
export function canonicalAgency(
  printed: string,
  span: { start: number; end: number },
  ctx: AgencyContext,
): AgencyMention {
  const cacheKey = `${printed}|${ctx.place.province}|${ctx.place.district}|${ctx.writerLevel}`;
  let hit = canonicalCache.get(cacheKey);
  if (!hit) {
    if (canonicalCache.size > 20_000) canonicalCache.clear();
    hit = computeCanonical(printed, ctx);
    canonicalCache.set(cacheKey, hit);
  }
  return { ...hit, span };
}

function computeCanonical(printed: string, ctx: AgencyContext): Omit<AgencyMention, 'span'> {
  const cleaned = printed.replace(/\s*\((?:chủ trì|cơ quan chủ trì|b\/c|t\/h|p\/h)\)\s*$/iu, '').trim();
  const expanded = expandAbbreviations(cleaned);
  const key = agencyKey(expanded);
  const name =
    aliasByKey.get(key) ??
    standardByKey.get(key) ??
    standardByKey.get(key.replace(/\s+(tinh|huyen)$/, '')) ??
    capitalise(expanded.replace(/\s+/g, ' '));
  const f = fold(name);
  let level: Level | null = ctx.writerLevel;
  if (
    /^(bo |ban bi thu|bo chinh tri|chinh phu|thu tuong|quoc hoi|tong cuc|cuc )/.test(f) &&
    !/\btinh\b/.test(f)
  )
    level = 'CENTRAL';
  else if (/^so |\btinh\b|tinh uy/.test(f)) level = 'PROVINCE';
  else if (/^phong |\bhuyen\b|huyen uy/.test(f)) level = 'DISTRICT';
  else if (/\bxa\b$|\bphuong\b$/.test(f)) level = 'COMMUNE';
  const jurisdiction =
    level === 'CENTRAL'
      ? null
      : level === 'DISTRICT'
        ? (ctx.place.district ?? ctx.place.province)
        : ctx.place.province;
  return { name, printed: cleaned, jurisdiction, level };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const CHU_TRI = /(?<![a-z])chu tri(?![a-z])/;
const PHOI_HOP = /(?<![a-z])phoi hop(?:\s+voi)?(?![a-z])/;

/**
 * Parses one assignment sentence: "X chủ trì(,) phối hợp (với) Y, Z và ..." → lead X, coordinators Y, Z.
 * Without "chủ trì": "X phối hợp với Y" → lead X, coordinators Y; a bare list → all leads.
 */
export function parseAssignment(
  n: NormalizedText,
  start: number,
  end: number,
  ctx: AgencyContext,
): Assignees {
  const f = n.fold.slice(start, end);
  const chuTri = CHU_TRI.exec(f);
  const phoiHop = PHOI_HOP.exec(f);
  let leadEnd = end;
  let coordStart = -1;
  if (chuTri) {
    leadEnd = start + chuTri.index;
    const after = PHOI_HOP.exec(f.slice(chuTri.index));
    if (after) coordStart = start + chuTri.index + after.index + after[0].length;
  } else if (phoiHop) {
    leadEnd = start + phoiHop.index;
    coordStart = start + phoiHop.index + phoiHop[0].length;
  }
  const leadItems = classify(n, splitList(n, start, leadEnd), ctx);
  const coordItems =
    coordStart >= 0 ? classify(n, splitList(n, coordStart, end), ctx) : { agencies: [], groups: [] };
  return {
    lead: leadItems.agencies,
    coordinators: coordItems.agencies,
    groups: [...leadItems.groups, ...coordItems.groups],
  };
}

/** A bare list (after "Đơn vị phối hợp:"): agencies and groups. */
export function parseList(n: NormalizedText, start: number, end: number, ctx: AgencyContext) {
  return classify(n, splitList(n, start, end), ctx);
}
