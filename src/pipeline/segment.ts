// Pipeline stage 2 (segment): lines → regions (header, title, preamble, body, footnotes, recipients,
// signature) and the outline of the body (Roman sections, numbered items, lettered items).
// Numbering errors in the source (two "III.", two "d)") are kept: the repeat gets a "~2" key suffix.
// Which sections hold tasks is decided from the lexicon's vocabulary (extract/task-sections.ts).
import { classifySection, type SectionKind } from './extract/task-sections.ts';
import type { NormalizedText } from './normalize.ts';

export { classifySection, type SectionKind };

export interface Line {
  /** Offsets of the trimmed content in the normalised text. */
  start: number;
  end: number;
  text: string;
  fold: string;
}

export interface Range {
  start: number;
  end: number;
}

export interface OutlineNode {
  /** "II.4.d~2" — unique within the document. */
  key: string;
  /** Printed path without disambiguation: "II.4.d". */
  label: string;
  marker: string;
  depth: number;
  parent: OutlineNode | null;
  headLine: Line;
  /** Text of the head line after the marker. */
  headText: Range;
  start: number;
  end: number;
  children: OutlineNode[];
  /** Lines that belong to this node itself (not to its children), footnotes excluded. */
  ownLines: Line[];
}

export interface Section extends OutlineNode {
  kind: SectionKind;
  title: string;
}

export interface Segmented {
  lines: Line[];
  header: Range | null;
  typeLine: Line | null;
  title: Range | null;
  preamble: Range | null;
  body: Range | null;
  sections: Section[];
  footnotes: Line[];
  recipients: Range | null;
  signature: Range | null;
}

const TYPE_LINE =
  /^(ke hoach(?: hanh dong| lien tich)?|chuong trinh(?: hanh dong| cong tac)?|nghi quyet(?: lien tich)?|quyet dinh|quy dinh|chi thi|ket luan|thong bao(?: ket luan)?|bao cao|to trinh|de an|huong dan|quy che|thong tu(?: lien tich)?|nghi dinh|cong van|chien luoc|luat)\b/;
const PREAMBLE_START =
  /^(can cu|thuc hien|tren co so|theo de nghi|xet de nghi|xet|thi hanh|de trien khai|nham|theo chi dao|trien khai|tai (?:cuoc hop|hoi nghi|phien hop|ky hop)|sau khi)\b/;
const AUTHORITY_LINE =
  /^(chu tich|uy ban nhan dan|hoi dong nhan dan|ban thuong vu|ban chap hanh|bo truong|thu tuong|giam doc|tinh uy|huyen uy|chinh phu|bo chinh tri|ban bi thu)\b/;
const SECTION_RE = /^(?:phan\s+)?([ivx]{1,6})\s*[.):-]\s*(\S.*)?$/;
const ITEM_RE = /^(\d{1,2})\s*[.)]\s*(?!\d)(\S.*)?$/;
const SUBITEM_RE = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/;
const LETTER_RE = /^([a-zđê])\s*\)\s*(\S.*)?$/;
const FOOTNOTE_RE = /^(?:⁽\s*[\d¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}\s*⁾|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|\[\d{1,2}\])\s*\S/;
const OPERATIVE_RE = /^(quyet dinh|quyet nghi|nghi quyet|ket luan)\s*:\s*$|^dieu\s+1\s*[.:]/;
const RECIPIENTS_RE = /^noi nhan\s*:?/;
const SIGNATURE_RE = /^(t\/?m\.?\s|kt\.?\s|q\.?\s|tl\.?\s|tuq\.?\s)/;

/** Vietnamese letter order used for lettered items. */
export const LETTERS = 'abcdđeêghiklmnoôơpqrstuưvxy';

export function splitLines(n: NormalizedText): Line[] {
  const lines: Line[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(n.text); m; m = re.exec(n.text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const start = m.index + lead;
    const end = start + trimmed.length;
    lines.push({ start, end, text: trimmed, fold: n.fold.slice(start, end) });
  }
  return lines;
}

const isUpper = (s: string) => s === s.toUpperCase() && /\p{Lu}/u.test(s);

export function segment(n: NormalizedText): Segmented {
  const lines = splitLines(n);
  const result: Segmented = {
    lines,
    header: null,
    typeLine: null,
    title: null,
    preamble: null,
    body: null,
    sections: [],
    footnotes: [],
    recipients: null,
    signature: null,
  };
  if (lines.length === 0) return result;

  // The type line ("KẾ HOẠCH") is upper-case and near the top.
  const typeIdx = lines.findIndex((l, i) => i < 40 && TYPE_LINE.test(l.fold) && isUpper(l.text));
  let i = 0;
  if (typeIdx >= 0) {
    const typeLine = lines[typeIdx] as Line;
    result.typeLine = typeLine;
    if (typeIdx > 0)
      result.header = { start: (lines[0] as Line).start, end: (lines[typeIdx - 1] as Line).end };
    i = typeIdx + 1;
    // Title: the first line after the type line, then continuation lines (upper-case or starting lower-case).
    const typeWords = (TYPE_LINE.exec(typeLine.fold)?.[0] ?? '').length;
    const rest = typeLine.text.slice(typeWords).trim();
    let titleStart = rest.length > 3 ? typeLine.end - rest.length : -1;
    let titleEnd = titleStart >= 0 ? typeLine.end : -1;
    for (let k = i; k < lines.length; k++) {
      const l = lines[k] as Line;
      const first = titleStart < 0;
      const prev = lines[k - 1] as Line;
      // A wrapped title: the line before stops mid-phrase ("... của Ủy ban nhân dân tỉnh" / "Tiền Giang ...").
      // Only when the lines touch: a blank line or a rule between them ends the title.
      const touching = !/\n[^\n]*\n/.test(n.text.slice(prev.end, l.start));
      const wrapped =
        !first &&
        touching &&
        /\p{Ll}$/u.test(prev.text) &&
        !isUpper(prev.text) &&
        !PREAMBLE_START.test(l.fold);
      const continues = first
        ? !/^can cu\b/.test(l.fold) && !SECTION_RE.test(l.fold)
        : (isUpper(l.text) && !AUTHORITY_LINE.test(l.fold)) || /^[a-zđ]/.test(l.text) || wrapped;
      if (!continues || (!first && PREAMBLE_START.test(l.fold) && !isUpper(l.text))) break;
      if (first) titleStart = l.start;
      titleEnd = l.end;
      i = k + 1;
      if (first && !isUpper(l.text) && /[.;]$/.test(l.text)) break;
    }
    if (titleStart >= 0) result.title = { start: titleStart, end: titleEnd };
  } else {
    // No type line: the header is whatever precedes the first preamble sentence or section.
    const first = lines.findIndex((l) => PREAMBLE_START.test(l.fold) || SECTION_RE.test(l.fold));
    if (first > 0) result.header = { start: (lines[0] as Line).start, end: (lines[first - 1] as Line).end };
    i = Math.max(first, 0);
  }

  // End of the body: "Nơi nhận" or the signature block.
  let bodyEndIdx = lines.length;
  const recIdx = lines.findIndex((l, k) => k >= i && RECIPIENTS_RE.test(l.fold));
  const sigIdx = findSignatureStart(lines, i);
  if (recIdx >= 0) bodyEndIdx = recIdx;
  if (sigIdx >= 0 && sigIdx < bodyEndIdx) bodyEndIdx = sigIdx;
  if (recIdx >= 0) {
    const recEnd = sigIdx > recIdx ? sigIdx - 1 : lines.length - 1;
    result.recipients = { start: (lines[recIdx] as Line).start, end: (lines[recEnd] as Line).end };
  }
  if (sigIdx >= 0)
    result.signature = { start: (lines[sigIdx] as Line).start, end: (lines.at(-1) as Line).end };

  // Footnotes anywhere after the title: they interrupt the flow (page breaks) but are not body text.
  const footnoteIdx = new Set<number>();
  lines.forEach((l, k) => {
    if (k >= i && FOOTNOTE_RE.test(l.text)) footnoteIdx.add(k);
  });
  result.footnotes = [...footnoteIdx].map((k) => lines[k] as Line);

  const bodyLines: Line[] = [];
  for (let k = i; k < bodyEndIdx; k++) if (!footnoteIdx.has(k)) bodyLines.push(lines[k] as Line);
  // Footnotes after the signature belong to no region but stay listed.
  const firstSection = bodyLines.findIndex((l) => SECTION_RE.test(l.fold) && isSectionLine(l));
  // Decisions and resolutions: the preamble ends where the operative part starts.
  const operative = bodyLines.findIndex((l) => OPERATIVE_RE.test(l.fold));
  const preambleEnd = [firstSection, operative]
    .filter((k) => k >= 0)
    .reduce((a, b) => Math.min(a, b), bodyLines.length);
  const preambleLines = bodyLines.slice(0, preambleEnd);
  if (preambleLines.length > 0)
    result.preamble = { start: (preambleLines[0] as Line).start, end: (preambleLines.at(-1) as Line).end };
  if (firstSection >= 0) {
    const outline = bodyLines.slice(firstSection);
    result.body = { start: (outline[0] as Line).start, end: (outline.at(-1) as Line).end };
    result.sections = buildOutline(outline);
  }
  return result;
}

function isSectionLine(l: Line): boolean {
  const m = SECTION_RE.exec(l.fold);
  if (!m) return false;
  // Roman numerals must be upper-case in the source ("I.", not "i.").
  const roman = l.text.replace(/^(?:phần|PHẦN|Phần)\s+/u, '').slice(0, (m[1] as string).length);
  return /^[IVX]+$/.test(roman);
}

function findSignatureStart(lines: Line[], from: number): number {
  for (let k = Math.max(from, lines.length - 15); k < lines.length; k++) {
    const l = lines[k] as Line;
    if (SIGNATURE_RE.test(l.fold) && isUpper(l.text)) return k;
  }
  return -1;
}

function buildOutline(lines: Line[]): Section[] {
  const sections: Section[] = [];
  const usedKeys = new Set<string>();
  // Where the last search for each label ended: every key it passed is taken, so the next search starts after it
  // (a label printed k times costs k steps in all, not k²/2).
  const searchedTo = new Map<string, number>();
  const uniqueKey = (label: string) => {
    const from = searchedTo.get(label);
    let n = from === undefined ? 1 : from + 1;
    let key = n === 1 ? label : `${label}~${n}`;
    while (usedKeys.has(key)) {
      n = n === 1 ? 2 : n + 1;
      key = `${label}~${n}`;
    }
    searchedTo.set(label, n);
    usedKeys.add(key);
    return key;
  };
  let section: Section | null = null;
  let item: OutlineNode | null = null;
  let sub: OutlineNode | null = null;
  let letter: OutlineNode | null = null;
  let current: OutlineNode | null = null;

  const make = (
    parent: OutlineNode | null,
    marker: string,
    l: Line,
    headStart: number,
    depth: number,
  ): OutlineNode => {
    const label = parent ? `${parent.label}.${marker}` : marker;
    const prefix = parent ? `${parent.key}.` : '';
    const key = parent ? uniqueKey(prefix + marker) : uniqueKey(marker);
    return {
      key,
      label,
      marker,
      depth,
      parent,
      headLine: l,
      headText: { start: headStart, end: l.end },
      start: l.start,
      end: l.end,
      children: [],
      ownLines: [l],
    };
  };
  const close = (node: OutlineNode | null, end: number) => {
    for (let p = node; p; p = p.parent) if (p.end < end) p.end = end;
  };

  for (const l of lines) {
    const sectionMatch = isSectionLine(l) ? SECTION_RE.exec(l.fold) : null;
    const subMatch = SUBITEM_RE.exec(l.fold);
    const itemMatch = ITEM_RE.exec(l.fold);
    const letterMatch = /^[a-zđê]\s*\)/u.test(l.text) ? LETTER_RE.exec(l.text.toLowerCase()) : null;
    let m: RegExpExecArray | null = sectionMatch;
    if (m) {
      const roman = (m[1] as string).toUpperCase();
      const headStart = m[2] ? l.end - (m[2] as string).length : l.end;
      const node = make(null, roman, l, headStart, 0);
      const title = l.text.slice(headStart - l.start).trim();
      section = { ...node, kind: classifySection(l.fold.slice(headStart - l.start)), title };
      sections.push(section);
      item = sub = letter = null;
      current = section;
      continue;
    }
    m = subMatch;
    if (section && m && item && Number(m[1]) === Number(item.marker)) {
      const node = make(item, String(Number(m[2])), l, l.end - (m[3] as string).length, 2);
      item.children.push(node);
      sub = node;
      letter = null;
      current = node;
      continue;
    }
    m = itemMatch;
    if (section && m && acceptsNumber(section, item, Number(m[1]))) {
      const node = make(section, String(Number(m[1])), l, m[2] ? l.end - (m[2] as string).length : l.end, 1);
      section.children.push(node);
      item = node;
      sub = letter = null;
      current = node;
      continue;
    }
    m = letterMatch;
    if (section && m) {
      const parent: OutlineNode = sub ?? item ?? section;
      if (acceptsLetter(parent, letter, m[1] as string)) {
        const node = make(
          parent,
          m[1] as string,
          l,
          m[2] ? l.end - (m[2] as string).length : l.end,
          parent.depth + 1,
        );
        parent.children.push(node);
        letter = node;
        current = node;
        continue;
      }
    }
    if (current) {
      current.ownLines.push(l);
      close(current, l.end);
    }
  }
  return sections;
}

function acceptsNumber(section: Section, item: OutlineNode | null, n: number): boolean {
  if (!item) return n === 1 || section.children.length === 0;
  const prev = Number(item.marker);
  return n === prev + 1 || n === prev || n === 1 || (n > prev && n <= prev + 2);
}

function acceptsLetter(parent: OutlineNode, last: OutlineNode | null, letter: string): boolean {
  const idx = LETTERS.indexOf(letter);
  if (idx < 0) return false;
  const lastInParent = last && last.parent === parent ? last : null;
  if (!lastInParent) return idx === 0 || parent.children.length === 0;
  const prev = LETTERS.indexOf(lastInParent.marker);
  return idx === prev + 1 || idx === prev || idx === prev + 2;
}
