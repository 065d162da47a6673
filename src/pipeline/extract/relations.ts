// Extract (relations): who implements or cites whom. A citation's governor is the phrase before it:
// "Thực hiện X" (the document, in its title or preamble; a task, in a task), "A về việc triển khai thực
// hiện B" (A implements B), "Căn cứ", "xét đề nghị ... tại", "chỉ đạo ... tại" (cites, with a basis), a
// list separator (same governor as the previous item). Every reference the document names and does not
// implement is cited (DOMAIN §2).

import { typeWordPattern } from '../../lexicon/lexicon.ts';
import type { Basis, Reference, Relation, RelationType } from '../../model/extraction.ts';
import type { NormalizedText } from '../normalize.ts';
import type { Range } from '../segment.ts';
import type { Mention } from './citations.ts';

export type ScopeKind = 'TITLE' | 'PREAMBLE' | 'TASK' | 'BODY';

export interface Scope {
  kind: ScopeKind;
  /** For TASK scopes: "task:II.4.h". */
  owner: string;
}

export interface RelationInput {
  n: NormalizedText;
  mentions: Mention[];
  refOf: Map<Mention, string>;
  references: Reference[];
  scopeOf: (offset: number) => Scope;
  /** Where sentences may not be split at line breaks (an upper-case title spans lines). */
  unbroken: Range[];
}

interface Governor {
  from: string;
  type: RelationType;
  basis: Basis | null;
}

const IMPLEMENT_VERB =
  /(?<![a-z])(tiep tuc thuc hien|trien khai thuc hien|to chuc thuc hien|thuc hien|trien khai|cu the hoa|thi hanh)(?![a-z])/g;
/**
 * "hướng dẫn thi hành", "quy định chi tiết và biện pháp thi hành": guiding (validity.ts), not implementing. "Hướng
 * dẫn thực hiện X" stays implementing (DOMAIN §6: a regulation guiding how X is carried out carries X out).
 */
const GUIDES_BEFORE =
  /(?:huong\s+dan|quy\s+dinh\s+chi\s+tiet|chi\s+tiet|bien\s+phap(?:\s+to\s+chuc)?)\s*(?:,\s*|va\s+)?(?:(?:huong\s+dan|bien\s+phap)\s+)?$/;
const REVIEW_BEFORE =
  /(tinh hinh|ket qua|so ket|tong ket|danh gia|kiem diem|bao cao|qua \d+ nam)\s*(?:\S+\s+){0,2}$/;
/** "Trong những năm qua, quán triệt và thực hiện X, …": a look back at past work, not this document's basis. */
const LOOKING_BACK = /\b(?:trong|nhung|qua)\s+(?:nhung\s+)?(?:nam|thoi gian|giai doan)\s+(?:vua\s+)?qua\b/;
const OBJECT_GAP_OK =
  /^[\s,]*(?:(?:co hieu qua|nghiem tuc|hieu qua|tot|day du|dong bo|kip thoi|quyet liet|va|cac noi dung|noi dung|tinh than|,)\s*)*$/;
const OBJECT_TAIL =
  /(?:tai|theo|trong|cua|nhu|de ra tai|neu tai|quy dinh tai|duoc giao tai|neu trong|ghi tai|xac dinh tai|de ra trong)\s*$/;
const SELF_MARKER = /\bban hanh\b|\bxay dung (?:ke hoach|chuong trinh)|\bde ra\b|;/;
const CHI_DAO = /chi dao cua[^;]{0,120}?\btai\s*$|theo chi dao[^;]{0,120}?\btai\s*$/;
const DE_NGHI =
  /de nghi cua[^;]{0,160}?\btai\s*$|(?:theo|xet) de nghi[^;]{0,160}?\btai\s*$|(?:^|[\s;,])xet\s*$/;
const CAN_CU = /can cu(?:\s+vao)?[\s:]*$/;
const TREN_CO_SO = /tren co so\b[^;]{0,120}$/;
const PROMULGATES =
  /^[\s,)]*(?:\([^()]{0,80}\)\s*)?(?:ve viec\s+)?(?:ban hanh|phe duyet|ban hanh kem theo)\s*$/;
const UNNAMED_DOCUMENT =
  /(?:ke hoach|chuong trinh|nghi quyet|de an|quyet dinh|chi thi)(?: hanh dong)? cua [^,;]{2,60}$/;
const PARALLEL_VERB = /^\s*,\s*(?:(?:dong thoi|tiep tuc|va)\s+)?$/;
const SUBJECT_START = /^\s*(?:ve viec|ve|v\/v)\s/;
const SELF_PROMULGATES = /^\s*(?:ve viec\s+)?(?:ban hanh|phe duyet)\s*$/;
/** "A ngày … của Chính phủ ban hành Chương trình hành động thực hiện B": A's issuer issues it, inside A's citation. */
const ISSUED_IN_CITATION = /^\s*,?(?:[^,;]*\bcua\b[^,;]*|\s*(?:da|vua)?)\s*\bban hanh\b[^,;]*$/;
/** "…; Nghị quyết số B": a new item of a list after a semicolon, nothing but its type word before it. */
const LIST_ITEM_AFTER_SEMICOLON = new RegExp(
  `;\\s*(?:va\\s+)?(?:(?:${typeWordPattern})(?:\\s+(?:hanh dong|lien tich))?\\s*(?:so\\s*)?)?$`,
);
const SIBLING_SHORT = /^[\s,;]*(?:va(?: dac biet la)?|cung voi|cung|hoac|,)?[\s,]*$/;
const SIBLING_LONG_END = /(?:,|\bva|\bva dac biet la|\bcung nhu|\bcung voi)\s*$/;

export function extractRelations(input: RelationInput): Relation[] {
  const { n, refOf } = input;
  const out: Relation[] = [];
  const active = input.mentions
    .filter((m) => !m.inAliasDecl && refOf.has(m))
    .sort((a, b) => a.start - b.start);
  const promulgator = new Map<string, string>();

  let sentenceStart = -1;
  let prev: Mention | null = null;
  let prevGov: Governor | null = null;
  let topGov: Governor | null = null;
  let clauseGov: Governor | null = null;

  const sentenceOf = sentenceStarts(n, input.unbroken);
  for (const b of active) {
    const start = sentenceOf(b.start);
    if (start !== sentenceStart) {
      sentenceStart = start;
      prev = null;
      prevGov = topGov = clauseGov = null;
    }
    const scope = input.scopeOf(b.start);
    const to = refOf.get(b) as string;
    const gapStart = prev ? prev.end : sentenceStart;
    const gap = n.fold.slice(gapStart, b.start);
    const aRef = prev ? (refOf.get(prev) as string) : null;
    let gov: Governor | null = null;

    if (prev && aRef && PROMULGATES.test(gap)) {
      promulgator.set(to, aRef);
      gov = prevGov;
    } else if (!prev && scope.kind === 'TITLE' && SELF_PROMULGATES.test(gap)) {
      // "QUYẾT ĐỊNH ban hành Chiến lược ...": the document itself promulgates it.
      promulgator.set(to, 'SELF');
      gov = null;
    } else if (CHI_DAO.test(gap)) gov = ownerGov(scope, 'CITES', 'CHI_DAO');
    else if (DE_NGHI.test(gap)) gov = ownerGov(scope, 'CITES', 'DE_NGHI');
    else if (CAN_CU.test(gap)) gov = ownerGov(scope, 'CITES', 'CAN_CU');
    else if (prev && SIBLING_SHORT.test(gap)) gov = gap.includes(';') ? clauseGov : prevGov;
    // "Thực hiện A …; B …, UBND tỉnh ban hành": each item of the list has the list's governor.
    else if (prev && clauseGov && LIST_ITEM_AFTER_SEMICOLON.test(gap)) gov = clauseGov;
    else {
      const found = implementVerb(gap);
      const verb = found?.at ?? null;
      if (found?.guides) {
        // "A … quy định chi tiết thi hành B": A guides B (validity.ts finds what the document itself guides).
        const beforeVerb = gap.slice(0, found.at);
        if (
          prev &&
          aRef &&
          ((SUBJECT_START.test(gap) && !beforeVerb.includes(';')) || !SELF_MARKER.test(beforeVerb))
        )
          gov = { from: aRef, type: 'GUIDES', basis: null };
        else gov = ownerGov(scope, 'CITES', null);
      } else if (verb !== null) {
        const beforeVerb = gap.slice(0, verb);
        // "kế hoạch hành động của Tỉnh ủy thực hiện X": an unnumbered document implements X, not us.
        if (scope.kind !== 'TITLE' && UNNAMED_DOCUMENT.test(beforeVerb)) gov = ownerGov(scope, 'CITES', null);
        // "Thực hiện A, thực hiện B, …": the verb said again after a comma starts a parallel clause of the same
        // governor, not A's subject.
        else if (prevGov?.type === 'IMPLEMENTS' && prevGov.from !== aRef && PARALLEL_VERB.test(beforeVerb))
          gov = prevGov;
        else if (prev && aRef && ISSUED_IN_CITATION.test(beforeVerb))
          gov = { from: aRef, type: 'IMPLEMENTS', basis: null };
        // Inside A's subject ("A về việc ban hành Kế hoạch thực hiện B"), even "ban hành" is A's doing.
        else if (
          prev &&
          aRef &&
          ((SUBJECT_START.test(gap) && !beforeVerb.includes(';')) || !SELF_MARKER.test(beforeVerb))
        )
          gov = { from: aRef, type: 'IMPLEMENTS', basis: null };
        else gov = ownerGov(scope, 'IMPLEMENTS', null);
      } else if (prev && SIBLING_LONG_END.test(gap) && !/[;]/.test(gap)) gov = topGov;
      else if (TREN_CO_SO.test(gap)) gov = ownerGov(scope, 'CITES', null);
      else if (prev && aRef && !SELF_MARKER.test(gap)) gov = { from: aRef, type: 'CITES', basis: null };
      else gov = ownerGov(scope, 'CITES', null);
    }

    if (gov && gov.from !== to) {
      out.push({
        from: gov.from,
        to,
        type: gov.type,
        basis: gov.basis,
        evidence: {
          start: n.toOriginal(
            Math.min(b.start, prev && gov.from === aRef ? prev.start : Math.max(gapStart, b.start - 120)),
          ),
          end: n.toOriginal(b.end),
        },
      });
    }
    if (!prev) topGov = gov;
    if (!prev || gap.includes(';')) clauseGov = gov;
    prev = b;
    prevGov = gov;
  }

  for (const ref of input.references) {
    const p = promulgator.get(ref.id);
    if (p && p !== ref.id) ref.promulgatedBy = p;
  }
  return finish(out, input.references);
}

/** The governor a scope gives to a verb: the document in its title and preamble, a task in its text. */
function ownerGov(scope: Scope, type: RelationType, basis: Basis | null): Governor | null {
  if (scope.kind === 'TITLE' || scope.kind === 'PREAMBLE') return { from: 'SELF', type, basis };
  if (scope.kind === 'TASK') return type === 'IMPLEMENTS' ? { from: scope.owner, type, basis } : null;
  // In the body a document cites what it names; "thực hiện" there is a duty, not the document's basis.
  return { from: 'SELF', type: 'CITES', basis };
}

/**
 * Offset (in the gap) of an implementation verb that governs what follows it, or null; `guides` when the verb is
 * guiding ("hướng dẫn thi hành", "quy định chi tiết thi hành"), which is not implementing.
 */
function implementVerb(gap: string): { at: number; guides: boolean } | null {
  let found: RegExpExecArray | null = null;
  IMPLEMENT_VERB.lastIndex = 0;
  for (let m = IMPLEMENT_VERB.exec(gap); m; m = IMPLEMENT_VERB.exec(gap)) found = m;
  if (!found) return null;
  const after = gap.slice(found.index + found[0].length);
  // "Cơ quan thực hiện:" is a label, not a verb; "(... trên cơ sở ... tại X)" is a basis, not an object.
  if (/^\s*:/.test(after) || /[()]|tren co so|quy dinh|ke hoach nay|van ban nay/.test(after)) return null;
  const before = gap.slice(0, found.index);
  if (REVIEW_BEFORE.test(before) || LOOKING_BACK.test(before)) return null;
  const guides = found[0] === 'thi hanh' && GUIDES_BEFORE.test(before);
  const governs =
    OBJECT_GAP_OK.test(after) || (after.length <= 160 && !/[;.]/.test(after) && OBJECT_TAIL.test(after));
  return governs ? { at: found.index, guides } : null;
}

/**
 * Start of the sentence holding an offset. A sentence ends at ". " or at a line break after ".;:!?", before a
 * list marker or a new preamble clause; other line breaks are page or wrap breaks inside a sentence. Inside
 * an unbroken range (an upper-case title spans lines) only ". " ends one, and the range's start bounds it.
 *
 * Asked for offsets in increasing order (the mentions of a document), each look-back stops where the one
 * before it started, so every character is looked at once whatever the number of mentions in a sentence.
 */
function sentenceStarts(n: NormalizedText, unbroken: Range[]): (at: number) => number {
  const f = n.fold;
  const dotEnds = (i: number) =>
    f.charCodeAt(i) === 0x2e && /\s/.test(f.charAt(i + 1)) && !/\d/.test(f.charAt(i - 1));
  const breakEnds = (i: number) => f.charCodeAt(i) === 0x0a && lineBreakEndsSentence(n, i);
  const lastDot = lastBefore(dotEnds);
  const lastEnd = lastBefore((i) => dotEnds(i) || breakEnds(i));
  return (at) => {
    const inside = unbroken.find((r) => at >= r.start && at <= r.end);
    if (!inside) return lastEnd(at) + 1;
    const dot = lastDot(at);
    return dot >= inside.start ? dot + 1 : inside.start;
  };
}

/**
 * The last index below `at` that passes `test` (-1 if none). Remembers the previous question: asked again at a
 * later offset, it scans back only to the previous offset and otherwise answers as before.
 */
function lastBefore(test: (i: number) => boolean): (at: number) => number {
  let askedAt = 0;
  let answer = -1;
  return (at) => {
    if (at < askedAt) {
      askedAt = 0;
      answer = -1;
    }
    let found = -1;
    for (let i = at - 1; i >= askedAt; i--) {
      if (test(i)) {
        found = i;
        break;
      }
    }
    if (found < 0) found = answer;
    askedAt = at;
    answer = found;
    return found;
  };
}

const NEXT_LINE_STARTS_SENTENCE =
  /^\s*(?:[-+•*]|\d{1,2}[.)]|[a-zđ]\)|[ivx]{1,5}[.)]|can cu|thuc hien|tren co so|theo de nghi|xet|de trien khai|nham)/;

function lineBreakEndsSentence(n: NormalizedText, at: number): boolean {
  const before = n.fold.slice(Math.max(0, at - 200), at).trimEnd();
  if (before.length === 0 || /[.;:!?]$/.test(before)) return true;
  // An upper-case line (a title or header line) ends where the next line starts.
  const lineStart = before.lastIndexOf('\n') + 1;
  const prevLine = n.text.slice(Math.max(0, at - 200) + lineStart, at).trim();
  if (prevLine.length > 0 && prevLine === prevLine.toUpperCase() && /\p{Lu}/u.test(prevLine)) return true;
  return NEXT_LINE_STARTS_SENTENCE.test(n.fold.slice(at + 1, at + 40));
}

/**
 * One relation per (from, to, kind): IMPLEMENTS, and CITES (a cite with a basis beats a plain one); a plain
 * CITES is dropped where the pair implements. Implementing what a cited document promulgated ("Quyết định
 * 569 ban hành Chiến lược X" + "thực hiện Chiến lược X") implements that document. The document cites the rest.
 */
function finish(relations: Relation[], references: Reference[]): Relation[] {
  const best = new Map<string, Relation>();
  const put = (r: Relation) => {
    const key = `${r.from}→${r.to}→${r.type}`;
    const had = best.get(key);
    if (!had || (r.basis && !had.basis)) best.set(key, r);
  };
  for (const r of relations) put(r);
  const byId = new Map(references.map((r) => [r.id, r]));
  for (const r of [...best.values()]) {
    const promulgator = r.type === 'IMPLEMENTS' ? byId.get(r.to)?.promulgatedBy : null;
    if (promulgator && promulgator !== r.from) put({ ...r, to: promulgator });
  }
  for (const [key, r] of best) {
    if (r.type === 'CITES' && !r.basis && best.has(`${r.from}→${r.to}→IMPLEMENTS`)) best.delete(key);
  }
  const fromSelf = new Set([...best.values()].filter((r) => r.from === 'SELF').map((r) => r.to));
  for (const ref of references) {
    if (fromSelf.has(ref.id) || ref.promulgatedBy === 'SELF') continue;
    const first = ref.mentions[0];
    if (!first) continue;
    best.set(`SELF→${ref.id}→CITES`, {
      from: 'SELF',
      to: ref.id,
      type: 'CITES',
      basis: null,
      evidence: first,
    });
  }
  return [...best.values()];
}
