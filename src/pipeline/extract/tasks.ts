// Extract (tasks): the items of the task sections (NHIỆM VỤ, GIẢI PHÁP; TỔ CHỨC THỰC HIỆN) with their duties:
// lead and coordinating agencies, groups and deadline, read from labelled lines ("Đơn vị thực hiện:",
// "Thời gian thực hiện:") or from "X chủ trì, phối hợp với Y" sentences; recurring reports are duties too.
import type { AgencyMention, Duty, Task } from '../../model/extraction.ts';
import { collapseSpaces, fold } from '../../text/fold.ts';
import type { NormalizedText } from '../normalize.ts';
import { nextIndexIn } from '../positions.ts';
import type { Line, OutlineNode, Section, Segmented } from '../segment.ts';
import { type AgencyContext, classify, parseAssignment, parseList, splitList, verbAt } from './agencies.ts';
import { findInlineDeadline, findRecurringDuty, parseDeadline } from './deadlines.ts';

const BULLET = /^[-+•·–]\s*/;
const LEAD_LABEL =
  /^(?:(?:don vi|co quan|co quan, don vi|don vi, co quan)(?:\s+chu tri)?(?:\s+thuc hien)?(?:\s+chinh)?|chu tri(?: thuc hien)?|trach nhiem thuc hien|phan cong thuc hien)\s*:\s*/;
const COORD_LABEL = /^(?:don vi|co quan|co quan, don vi)\s+phoi hop(?:\s+thuc hien)?\s*:\s*/;
const DEADLINE_LABEL = /^(?:thoi gian|thoi han|tien do)(?:\s+thuc hien|\s+hoan thanh)?[^:]{0,60}:\s*/;
const OTHER_LABEL = /^(?:noi dung|san pham|ket qua|kinh phi|nguon kinh phi)[^:]{0,20}:\s*/;

interface LabelledLine {
  line: Line;
  kind: 'LEAD' | 'COORD' | 'DEADLINE' | 'OTHER' | 'TEXT';
  bullet: string;
  /** Start of the value (after the label) in the normalised text. */
  valueStart: number;
}

export function extractTasks(n: NormalizedText, seg: Segmented, ctx: AgencyContext): Task[] {
  const tasks: Task[] = [];
  for (const section of seg.sections) {
    if (section.kind === 'OTHER') continue;
    if (section.children.length === 0) {
      const own = buildTask(n, section, section, ctx);
      if (own.duties.length > 0) tasks.push(own);
      continue;
    }
    const walk = (node: OutlineNode) => {
      tasks.push(buildTask(n, node, section, ctx));
      for (const c of node.children) walk(c);
    };
    for (const c of section.children) walk(c);
  }
  return tasks;
}

function label(line: Line): LabelledLine {
  const bullet = BULLET.exec(line.fold)?.[0] ?? '';
  const body = line.fold.slice(bullet.length);
  const at = (m: RegExpExecArray) => line.start + bullet.length + m[0].length;
  let m = COORD_LABEL.exec(body);
  if (m) return { line, kind: 'COORD', bullet, valueStart: at(m) };
  m = LEAD_LABEL.exec(body);
  if (m) return { line, kind: 'LEAD', bullet, valueStart: at(m) };
  m = DEADLINE_LABEL.exec(body);
  if (m) return { line, kind: 'DEADLINE', bullet, valueStart: at(m) };
  m = OTHER_LABEL.exec(body);
  if (m) return { line, kind: 'OTHER', bullet, valueStart: at(m) };
  return { line, kind: 'TEXT', bullet, valueStart: line.start + bullet.length };
}

function buildTask(n: NormalizedText, node: OutlineNode, section: Section, ctx: AgencyContext): Task {
  const own = node === section ? node.ownLines.slice(1) : node.ownLines;
  const lines = own.map(label);
  const duties: Duty[] = [];
  let current: Duty | null = null;
  /** Duties from this index on have no deadline yet. */
  let openFrom = 0;
  const newDuty = (start: number, end: number): Duty => {
    const d: Duty = { lead: [], coordinators: [], groups: [], deadline: null, span: spanOf(n, start, end) };
    duties.push(d);
    return d;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as LabelledLine;
    if (l.kind === 'TEXT' || l.kind === 'OTHER') continue;
    // The value runs on over lines that continue it (a page break splits "chủ trì\n\nphối hợp với ...").
    let valueEnd = l.line.end;
    let j = i + 1;
    while (j < lines.length && isContinuation(lines[j] as LabelledLine)) {
      valueEnd = (lines[j] as LabelledLine).line.end;
      j++;
    }
    const emptyValue = l.valueStart >= l.line.end;
    if (l.kind === 'LEAD') {
      if (emptyValue) {
        // "Đơn vị thực hiện:" then one "+ X chủ trì ..." line per duty.
        let k = i + 1;
        while (
          k < lines.length &&
          (lines[k] as LabelledLine).kind === 'TEXT' &&
          (lines[k] as LabelledLine).bullet !== '' &&
          !/^-/.test((lines[k] as LabelledLine).bullet)
        ) {
          const sub = lines[k] as LabelledLine;
          const d = newDuty(sub.line.start, sub.line.end);
          fill(d, parseAssignment(n, sub.valueStart, sub.line.end, ctx));
          current = d;
          k++;
        }
        i = k - 1;
        continue;
      }
      current = newDuty(l.line.start, valueEnd);
      fill(current, parseAssignment(n, l.valueStart, valueEnd, ctx));
    } else if (l.kind === 'COORD') {
      current ??= newDuty(l.line.start, valueEnd);
      const list = parseList(n, l.valueStart, valueEnd, ctx);
      for (const a of list.agencies) current.coordinators.push(a);
      for (const g of list.groups) current.groups.push(g);
      current.span = { start: current.span.start, end: n.toOriginal(valueEnd) };
    } else if (l.kind === 'DEADLINE') {
      const deadline = parseDeadline(
        n.text.slice(l.valueStart, valueEnd),
        n.fold.slice(l.valueStart, valueEnd),
      );
      // A deadline closes every duty above it that has none ("+ A ...; + B ...; Thời gian: Thường xuyên"): the
      // duties made since the last deadline line, as every deadline line closes all before it.
      const open = duties.slice(openFrom);
      if (open.length === 0) newDuty(l.line.start, valueEnd).deadline = deadline;
      for (const d of open) d.deadline = deadline;
      openFrom = duties.length;
      current = null;
    }
    i = j - 1;
  }

  // No labelled duty: a heading that names an agency ("1. Phòng Kinh tế và Hạ tầng"), or a sentence with
  // "chủ trì", assigns the item; reports due periodically are recurring duties.
  // Each implicit duty keeps the sentence it was read from: its deadline is written there.
  const sentences = new Map<Duty, { start: number; end: number }>();
  if (duties.every((d) => d.lead.length === 0 && d.coordinators.length === 0 && d.groups.length === 0)) {
    const implicit = implicitDuties(n, node, section, ctx);
    if (implicit.length > 0) {
      // A labelled "Thời gian thực hiện:" line under the prose is the prose's deadline.
      const carried = duties.find((d) => d.deadline !== null)?.deadline ?? null;
      for (const d of implicit) d.duty.deadline = carried;
      duties.length = 0;
      for (const d of implicit) {
        duties.push(d.duty);
        sentences.set(d.duty, d.range);
      }
    }
  }
  const text = ownText(n, own);
  // A deadline inside the prose ("…; hoàn thành trong quý III/2024") belongs to the duty it is written in;
  // failing that, to the item's open duties, but only when no labelled line gave one.
  const labelled = duties.some((d) => d.deadline !== null);
  for (const d of duties) {
    const r = sentences.get(d);
    if (d.deadline !== null || !r) continue;
    d.deadline = findInlineDeadline(n.text.slice(r.start, r.end), n.fold.slice(r.start, r.end));
  }
  if (!labelled && duties.some((d) => d.deadline === null)) {
    const inline = findInlineDeadline(text);
    if (inline) for (const d of duties) d.deadline ??= inline;
  }
  const recurring = findRecurringDuty(text, fold(text));
  if (recurring) {
    const target = duties.find((d) => d.deadline === null) ?? (duties.length === 0 ? null : undefined);
    if (target) target.deadline = recurring;
    else if (target === null)
      duties.push({
        lead: [],
        coordinators: [],
        groups: [],
        deadline: recurring,
        span: spanOf(n, node.start, node.end),
      });
  }

  const lead = unique(duties.flatMap((d) => d.lead));
  const coordinators = unique(duties.flatMap((d) => d.coordinators));
  const groups = [...new Set(duties.flatMap((d) => d.groups))];
  const deadline = duties.find((d) => d.deadline)?.deadline ?? null;
  const parentKey = node.parent && node.parent !== section ? node.parent.key : null;
  return {
    key: node.key,
    parent: parentKey,
    label: node.label,
    section: section.key,
    title: titleOf(n, node),
    text,
    lead,
    coordinators,
    groups,
    deadline,
    duties,
    span: spanOf(n, node.start, node.end),
  };
}

function isContinuation(l: LabelledLine): boolean {
  return l.kind === 'TEXT' && l.bullet === '' && /^[a-zđ\p{Ll}]/u.test(l.line.text);
}

interface ImplicitDuty {
  duty: Duty;
  /** The normalised range the duty was read from. */
  range: { start: number; end: number };
}

// "Giao Phòng X …", "Đề nghị Sở Y …": the assignee follows the verb that gives the task.
const GIVES = /^(?:giao cho|giao|de nghi|yeu cau)\s+/;

function implicitDuties(
  n: NormalizedText,
  node: OutlineNode,
  section: Section,
  ctx: AgencyContext,
): ImplicitDuty[] {
  const head = node.headText;
  if (node !== section) {
    // "1. Phòng Kinh tế và Hạ tầng" / "5. Sở Lao động - Thương binh và Xã hội: Phối hợp với ...".
    const colon = n.fold.slice(head.start, head.end).indexOf(':');
    const headEnd = colon >= 0 ? head.start + colon : Math.min(head.end, head.start + 240);
    const all = splitList(n, head.start, headEnd);
    const items = classify(n, all, ctx);
    // "1. Phòng Kinh tế và Hạ tầng" names its assignee; "Giao Sở X theo dõi ..." opens with it.
    const covered =
      all.length > 0 && (all.at(-1) as { end: number }).end >= headEnd - 2 && headEnd - head.start < 120;
    const opens = all.length > 0 && (all[0] as { start: number }).start <= head.start + 1;
    // "1. Phòng X chủ trì, phối hợp với …" without a colon is a sentence: read below, as one.
    const sentence =
      colon < 0 && /(?<![a-z])(?:chu tri|phoi hop)(?![a-z])/.test(n.fold.slice(head.start, headEnd));
    if ((items.agencies.length > 0 || items.groups.length > 0) && (covered || opens) && !sentence) {
      const rest = colon >= 0 ? parseAssignment(n, headEnd + 1, head.end, ctx) : null;
      const leads = new Set(items.agencies.map((x) => x.name));
      const duty: Duty = {
        lead: items.agencies,
        coordinators: rest ? [...rest.lead, ...rest.coordinators].filter((a) => !leads.has(a.name)) : [],
        groups: items.groups,
        deadline: null,
        span: spanOf(n, node.start, node.end),
      };
      return [{ duty, range: { start: head.start, end: node.end } }];
    }
  }
  // Sentences that assign: "X chủ trì(, phối hợp với Y) …" anywhere in the sentence, or a sentence that
  // opens with its assignees and their verb ("X và Y thực hiện, báo cáo …"). One duty per sentence.
  const found: ImplicitDuty[] = [];
  const lineEnds: number[] = [];
  for (const line of node.ownLines) {
    for (const s of sentencesOf(line)) {
      const f = n.fold.slice(s.start, s.end);
      const idx = f.search(/(?<![a-z])chu tri(?![a-z])/);
      let from = s.start;
      const gives = GIVES.exec(f);
      if (gives) from += gives[0].length;
      else if (idx >= 0) {
        // "Năm 2024, giao Phòng X chủ trì …": the assignee follows the last "giao" before "chủ trì".
        const g = /(?:^|\s)(giao cho|giao|de nghi)\s+/.exec(f.slice(0, idx));
        if (g) from = s.start + g.index + g[0].length;
      }
      // "Trên cơ sở …, căn cứ …, Thủ trưởng các đơn vị … tổ chức thực hiện": the subject follows the framing.
      if (!gives && FRAMING.test(f))
        from = framedSubject(n, s.start, idx >= 0 ? s.start + idx : s.end, ctx) ?? from;
      if (idx < 0 && !opensWithAssignee(n, from, s.end, ctx)) continue;
      const a = parseAssignment(n, from, s.end, ctx);
      if (a.lead.length === 0 && (idx >= 0 || a.groups.length === 0)) continue;
      found.push({ duty: { ...a, deadline: null, span: spanOf(n, s.start, s.end) }, range: s });
      // The line a sentence lies in is the one it was read from (lines do not overlap).
      lineEnds.push(line.end);
    }
  }
  // A later sentence without its own assignee ("Thời gian hoàn thành: …") belongs to the duty before it.
  for (let k = 0; k < found.length; k++) {
    const next = found[k + 1];
    const cur = found[k] as ImplicitDuty;
    cur.range = { start: cur.range.start, end: next ? next.range.start : (lineEnds[k] as number) };
  }
  return found;
}

/**
 * Whether the sentence opens with agencies or groups and then their verb ("Sở A và Sở B thực hiện, …"):
 * "các ngành nghề chế biến nông sản, dược liệu" opens like a group but assigns nothing.
 */
function opensWithAssignee(n: NormalizedText, start: number, end: number, ctx: AgencyContext): boolean {
  const items = splitList(n, start, end);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last || first.start > start + 1) return false;
  const c = classify(n, [first], ctx);
  return (c.agencies.length > 0 || c.groups.length > 0) && verbAt(n, last.end, end);
}

const FRAMING = /^(?:can cu|tren co so|de |nham |trong qua trinh|thuc hien|theo chuc nang)/;

/** After a framing clause, the first ", X" where X opens an assignment; null when there is none. */
function framedSubject(n: NormalizedText, start: number, end: number, ctx: AgencyContext): number | null {
  for (let at = nextIndexIn(n, ', ', start); at >= 0 && at < end; at = nextIndexIn(n, ', ', at + 2)) {
    if (opensWithAssignee(n, at + 2, end, ctx)) return at + 2;
  }
  return null;
}

/** A line's sentences, split at ". " and "; " (not at the "." of "30.6.2024"). */
function sentencesOf(line: Line): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  const re = /[.;](?=\s|$)/g;
  for (let m = re.exec(line.fold); m; m = re.exec(line.fold)) {
    if (m.index > from) out.push({ start: line.start + from, end: line.start + m.index });
    from = m.index + 1;
    while (line.fold.charAt(from) === ' ') from++;
  }
  if (from < line.fold.length) out.push({ start: line.start + from, end: line.end });
  return out;
}

function unique(list: AgencyMention[]): AgencyMention[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = `${a.name}|${a.jurisdiction}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function fill(d: Duty, a: { lead: AgencyMention[]; coordinators: AgencyMention[]; groups: string[] }) {
  for (const x of a.lead) d.lead.push(x);
  for (const x of a.coordinators) d.coordinators.push(x);
  for (const x of a.groups) d.groups.push(x);
}

function spanOf(n: NormalizedText, start: number, end: number) {
  return { start: n.toOriginal(start), end: n.toOriginal(end) };
}

function ownText(n: NormalizedText, lines: Line[]): string {
  return lines
    .map((l) => collapseSpaces(n.text.slice(l.start, l.end)))
    .join('\n')
    .replace(/^(?:[IVX]+|\d{1,2}(?:\.\d{1,2})?|[a-zđê])\s*[.)]\s*/u, '');
}

function titleOf(n: NormalizedText, node: OutlineNode): string {
  const head = collapseSpaces(n.text.slice(node.headText.start, node.headText.end));
  const colon = head.indexOf(':');
  if (colon > 0 && colon < 160) return head.slice(0, colon).trim();
  const stop = head.search(/\.\s/);
  const t = stop > 0 && stop < 200 ? head.slice(0, stop) : head;
  return t.length > 240 ? `${t.slice(0, 237).trimEnd()}…` : t.replace(/[.:;]$/, '');
}
