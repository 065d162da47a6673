// National corpus (render): the text of one planned document, and the tasks it holds as the extractor numbers
// them. Built from the seeds' shape: issuer block, motto, number and date line, type word and title, preamble
// ("Căn cứ ...", "Thực hiện <nested chain of citations>, ... ban hành Kế hoạch ... như sau:"), Roman sections with
// numbered and lettered items, assignment lines, deadlines, organisation duties with recurring reports,
// recipients, signature and footnotes. Several templates per phrase; every form used is one the pipeline reads
// correctly (forms it misreads are listed in bench/generate.ts and never produced).
import type { Rng } from '../corpus.ts';
import {
  type Agency,
  CENTRAL_PARTY,
  COMMUNE,
  centralAgency,
  districtAgency,
  FIELDS,
  type Field,
  partyAgencies,
  printedForm,
  provinceAgency,
} from './agencies.ts';
import type { ExpectedTask } from './expected.ts';
import type { NationalProvince } from './places.ts';
import { issueLimitOf, type Plan, type PlannedDoc } from './plan.ts';
import {
  citedDate,
  dayOf,
  LETTERS,
  numericDate,
  ROMAN,
  rngFor,
  sample,
  spelledDate,
  weighted,
  ymd,
} from './util.ts';
import {
  CLOSINGS,
  DEADLINES,
  FUNDING,
  GENERAL_GOALS,
  GROUP_TITLES,
  ORG_DUTIES,
  PARTY_TERM,
  PURPOSES,
  personName,
  REPORT_CLAUSES,
  REQUIREMENTS,
  SPECIFIC_GOALS,
  TASK_BODIES,
  TASK_TITLES,
  TOPICS,
  type Topic,
} from './vocab.ts';

export interface Rendered {
  text: string;
  tasks: ExpectedTask[];
}

/** How a document is written: chosen once per document, so that it is consistent within itself. */
interface Style {
  /** Markdown from a converter: "### **III. ...**", "- **Đơn vị chủ trì:** ...". */
  markdown: boolean;
  /**
   * Assignment lines: 0 "- Đơn vị chủ trì: X." + "- Đơn vị phối hợp: Y, Z."; 1 "* Đơn vị thực hiện: X chủ trì, phối hợp
   * với Y, Z ..."; 2 "- Cơ quan chủ trì:" + "- Cơ quan phối hợp:"; 3 "- Cơ quan thực hiện: X chủ trì, phối hợp với Y".
   */
  assign: 0 | 1 | 2 | 3;
  /** The title printed in capitals ("TRIỂN KHAI THỰC HIỆN KẾ HOẠCH SỐ 94/KH-UBND ..."). */
  upperTitle: boolean;
}

interface Ctx {
  plan: Plan;
  doc: PlannedDoc;
  rng: Rng;
  topic: Topic;
  style: Style;
  out: string[];
  tasks: ExpectedTask[];
  footnotes: string[];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

const docOf = (ctx: Ctx, index: number) => ctx.plan.docs[index] as PlannedDoc;
const yearOf = (day: number) => ymd(day).y;

/** Renders one planned document. Pure: the same plan and document give the same text. */
export function renderDocument(plan: Plan, doc: PlannedDoc): Rendered {
  const rng = rngFor(plan.seed, `${doc.key}#text`);
  const style: Style = {
    markdown: rng.chance(0.25),
    assign: rng.int(0, 3) as Style['assign'],
    upperTitle: rng.chance(0.25),
  };
  const ctx: Ctx = {
    plan,
    doc,
    rng,
    topic: TOPICS[doc.topic] as Topic,
    style,
    out: [],
    tasks: [],
    footnotes: [],
  };
  switch (doc.kind) {
    case 'CENTRAL':
      if (doc.centralKind === 'QD') renderDecision(ctx);
      else renderResolution(ctx);
      break;
    case 'PARTY_PROVINCE':
      renderProgramme(ctx);
      break;
    default:
      renderPlan(ctx);
  }
  let text = `${ctx.out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
  // Conversion artefacts some documents carry: Windows line ends, decomposed Unicode.
  if (rng.chance(0.05)) text = text.replace(/\n/g, '\r\n');
  if (rng.chance(0.03)) text = text.normalize('NFD');
  return { text, tasks: ctx.tasks };
}

// ---------------------------------------------------------------------------------------------
// Naming documents and their issuers.

function typeWord(d: PlannedDoc, rng: Rng): string {
  switch (d.kind) {
    case 'CENTRAL':
      return { NQ: 'Nghị quyết', KL: 'Kết luận', CT: 'Chỉ thị', QD: 'Quyết định' }[d.centralKind];
    case 'PARTY_PROVINCE':
      return d.centralKind === 'NQ'
        ? rng.chance(0.6)
          ? 'Chương trình hành động'
          : 'Chương trình'
        : 'Kế hoạch';
    default:
      return 'Kế hoạch';
  }
}

const partyUnit = (p: NationalProvince) => (p.city ? 'Thành ủy' : 'Tỉnh ủy');

/** The issuer as a writer cites it; `named` adds the place where the generic form would do. */
function issuerPhrase(ctx: Ctx, d: PlannedDoc): string {
  const { rng } = ctx;
  const named = rng.chance(0.5);
  switch (d.kind) {
    case 'CENTRAL': {
      const term = PARTY_TERM(d.day);
      switch (d.centralBody) {
        case 'BCT':
          return rng.chance(0.3) ? `Bộ Chính trị khóa ${term}` : 'Bộ Chính trị';
        case 'BCH':
          return rng.chance(0.5)
            ? `Ban Chấp hành Trung ương Đảng khóa ${term}`
            : 'Ban Chấp hành Trung ương Đảng';
        case 'BBT':
          return rng.chance(0.3) ? 'Ban Bí thư Trung ương Đảng' : 'Ban Bí thư';
        case 'TTG':
          return 'Thủ tướng Chính phủ';
      }
      break;
    }
    case 'PARTY_PROVINCE': {
      const p = d.province as NationalProvince;
      const u = partyUnit(p);
      const body = d.standingBoard
        ? `Ban Thường vụ ${u}`
        : rng.chance(0.5) || p.city
          ? u
          : 'Ban Chấp hành Đảng bộ tỉnh';
      return named && body !== 'Ban Chấp hành Đảng bộ tỉnh' ? `${body} ${p.name}` : body;
    }
    case 'PROVINCE_PLAN': {
      const p = d.province as NationalProvince;
      const ubnd = rng.chance(0.5) ? 'UBND' : 'Ủy ban nhân dân';
      // A centrally-run city is always named: "UBND thành phố" alone does not say which level it is.
      return named || p.city ? `${ubnd} ${p.unit} ${p.name}` : `${ubnd} tỉnh`;
    }
    case 'DISTRICT_PLAN': {
      const dist = d.district as NonNullable<PlannedDoc['district']>;
      const ubnd = rng.chance(0.5) ? 'UBND' : 'Ủy ban nhân dân';
      return named || dist.kind === 'THANH_PHO'
        ? `${ubnd} ${dist.unit} ${dist.name}`
        : `${ubnd} ${dist.unit}`;
    }
    case 'COMMUNE_PLAN':
      return `UBND xã ${d.commune as string}`;
  }
  return '';
}

/** "Kế hoạch số 1693/KH-UBND ngày 07/6/2023 của UBND tỉnh Kon Tum". */
function citation(ctx: Ctx, d: PlannedDoc): string {
  return `${typeWord(d, ctx.rng)} số ${d.symbol as string} ${citedDate(ctx.rng, d.day)} của ${issuerPhrase(ctx, d)}`;
}

/** What a central document is about, as its children cite it. */
function subjectOf(ctx: Ctx, central: PlannedDoc): string {
  const topic = TOPICS[central.topic] as Topic;
  if (central.centralKind !== 'QD') return `về ${topic.subject}`;
  return ctx.rng.chance(0.5)
    ? `về việc phê duyệt Đề án ${topic.subject}`
    : `phê duyệt Đề án ${topic.subject}`;
}

/**
 * A nested chain: the document, then what it implements, and so on up ("Kế hoạch số ... của UBND tỉnh về
 * triển khai thực hiện Chương trình số ... của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số ... về ...").
 * Every link stated is true; the chain may stop early. `alias` declares a short name for the first document.
 */
function chain(ctx: Ctx, d: PlannedDoc, depth: number, alias: boolean): string {
  const { rng } = ctx;
  let text = citation(ctx, d);
  if (alias) text += ` ${aliasDeclaration(d, rng)}`;
  const parent = d.parents[0];
  if (d.kind === 'CENTRAL') {
    if (parent !== undefined) {
      const nq = docOf(ctx, parent);
      return `${text} ban hành Chương trình hành động của Chính phủ thực hiện ${citation(ctx, nq)} ${subjectOf(ctx, nq)}`;
    }
    return `${text} ${subjectOf(ctx, d)}`;
  }
  if (parent === undefined || depth <= 1) return text;
  const link =
    d.kind === 'PARTY_PROVINCE'
      ? rng.pick(['thực hiện', 'về thực hiện', 'về việc thực hiện'])
      : rng.pick([
          'về triển khai thực hiện',
          'về việc triển khai thực hiện',
          'triển khai thực hiện',
          'thực hiện',
        ]);
  return `${text} ${link} ${chain(ctx, docOf(ctx, parent), depth - 1, false)}`;
}

/** "(sau đây gọi tắt là Kế hoạch số 1693)", or a restatement of the symbol ("(Quyết định số 569/QĐ-TTg)"). */
function aliasDeclaration(d: PlannedDoc, rng: Rng): string {
  const r = rng.next();
  if (r < 0.2) return `(${typeWord(d, rng)} số ${d.symbol as string})`;
  return `(sau đây ${r < 0.8 ? 'gọi tắt' : 'viết tắt'} là ${shortName(d, rng)})`;
}

/** A short form naming the document later ("Nghị quyết 36", "Kế hoạch số 1693"). */
function shortName(d: PlannedDoc, rng: Rng): string {
  const word = typeWord(d, rng);
  return rng.chance(0.5) ? `${word} số ${d.number as number}` : `${word} ${d.number as number}`;
}

/** A later mention of a document: its short form or its symbol without the date. */
function laterMention(ctx: Ctx, d: PlannedDoc): string {
  return ctx.rng.chance(0.5) ? `${typeWord(d, ctx.rng)} số ${d.symbol as string}` : shortName(d, ctx.rng);
}

// ---------------------------------------------------------------------------------------------
// Header, title, signature.

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

function stateHeader(ctx: Ctx, issuerLines: string[], place: string): void {
  const { doc, out, rng } = ctx;
  out.push(...issuerLines, rng.pick(['-------', '---------------', '']));
  out.push(
    doc.draft
      ? rng.pick(['Số:      /KH-UBND', 'Số: /KH-UBND', 'Số:    /KH-UBND'])
      : `Số: ${doc.symbol as string}`,
  );
  out.push(...MOTTO, rng.pick(['---------------', '']));
  const date = doc.draft
    ? `ngày ${rng.pick(['', '   ', '     '])} tháng ${ymd(doc.day).m} năm ${yearOf(doc.day)}`
    : spelledDate(doc.day, rng.chance(0.7));
  out.push(`${place}, ${date}`, '');
}

function partyHeader(ctx: Ctx, issuerLines: string[], place: string): void {
  const { doc, out, rng } = ctx;
  out.push(...issuerLines, '*', `Số ${doc.symbol as string}`, 'ĐẢNG CỘNG SẢN VIỆT NAM');
  out.push(`${place}, ${spelledDate(doc.day, rng.chance(0.7))}`, '');
}

function title(ctx: Ctx, typeLine: string, lines: string[]): void {
  const { out, style } = ctx;
  const shown = style.upperTitle ? lines.map((l) => l.toUpperCase()) : lines;
  out.push(style.markdown ? `**${typeLine}**` : typeLine, ...shown, ctx.rng.chance(0.5) ? '-----' : '', '');
}

function sectionHeading(ctx: Ctx, roman: string, text: string): void {
  const line = `${roman}. ${text}`;
  const { style, out, rng } = ctx;
  out.push('', style.markdown ? rng.pick([`### **${line}**`, `**${line}**`]) : line, '');
}

function itemHeading(ctx: Ctx, n: number, text: string): string {
  return ctx.style.markdown && ctx.rng.chance(0.5) ? `**${n}. ${text}**` : `${n}. ${text}`;
}

function signature(ctx: Ctx, lines: string[]): void {
  const { out, rng } = ctx;
  out.push(
    '',
    ...lines,
    '',
    personName((xs) => rng.pick(xs)),
  );
  if (ctx.footnotes.length > 0) out.push('', ...ctx.footnotes);
}

function recipients(ctx: Ctx, lines: string[]): void {
  ctx.out.push('', ctx.style.markdown ? '**Nơi nhận:**' : 'Nơi nhận:', ...lines.map((l) => `- ${l}`));
}

// ---------------------------------------------------------------------------------------------
// Agencies of the writer.

interface Pool {
  lead(field: Field): Agency;
  /** Candidate coordinators, in no particular order. */
  others: Agency[];
  /** Catch-all groups printed after coordinators ("UBND các huyện, thành phố"). */
  groups: string[];
}

function poolOf(ctx: Ctx): Pool {
  const { doc } = ctx;
  const p = doc.province;
  switch (doc.kind) {
    case 'CENTRAL':
      return {
        lead: (f) => centralAgency(f),
        others: [...FIELDS.map(centralAgency), ...(doc.centralKind === 'QD' ? [] : CENTRAL_PARTY)],
        groups: ['các bộ, ngành liên quan', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương'],
      };
    case 'PARTY_PROVINCE': {
      const city = (p as NationalProvince).city;
      const party = partyAgencies(city);
      return {
        lead: () => ctx.rng.pick(party),
        others: [...party, ...(['mttq', 'doan', 'pn', 'nd'] as Field[]).map((f) => provinceAgency(f, city))],
        groups: ['các huyện ủy, thị ủy, thành ủy', 'các cơ quan, đơn vị có liên quan'],
      };
    }
    case 'PROVINCE_PLAN': {
      const city = (p as NationalProvince).city;
      return {
        lead: (f) => provinceAgency(f, city),
        others: FIELDS.map((f) => provinceAgency(f, city)),
        groups: city
          ? ['UBND các quận, huyện, thị xã', 'các sở, ban, ngành liên quan']
          : [
              'UBND các huyện, thị xã, thành phố',
              'các sở, ban, ngành liên quan',
              'UBND các huyện, thành phố',
            ],
      };
    }
    case 'DISTRICT_PLAN': {
      const d = doc.district as NonNullable<PlannedDoc['district']>;
      return {
        lead: (f) => districtAgency(f, d),
        others: FIELDS.map((f) => districtAgency(f, d)),
        groups:
          d.kind === 'QUAN'
            ? ['UBND các phường']
            : ['UBND các xã, thị trấn', 'các cơ quan, đơn vị có liên quan'],
      };
    }
    case 'COMMUNE_PLAN':
      return {
        lead: () => ctx.rng.pick(COMMUNE),
        others: [...COMMUNE],
        groups: ['các thôn, ấp', 'các ban, ngành, đoàn thể xã'],
      };
  }
}

interface Assignment {
  lead: Agency;
  coordinators: Agency[];
}

function assignment(ctx: Ctx, pool: Pool, leadField: Field, maxCoordinators = 4): Assignment {
  const { rng } = ctx;
  const lead = pool.lead(leadField);
  const count = weighted(rng, [0, 1, 2, 3, 4], [3, 4, 4, 2, 1]);
  const coordinators: Agency[] = [];
  for (const a of sample(rng, pool.others, pool.others.length)) {
    if (coordinators.length >= Math.min(count, maxCoordinators)) break;
    if (a.name !== lead.name && !coordinators.some((c) => c.name === a.name)) coordinators.push(a);
  }
  return { lead, coordinators };
}

function pickField(ctx: Ctx): Field {
  const f = ctx.topic.fields;
  return ctx.rng.chance(0.7)
    ? weighted(
        ctx.rng,
        f,
        f.map((_, i) => 3 / (i + 1)),
      )
    : ctx.rng.pick(FIELDS);
}

const list = (ctx: Ctx, agencies: Agency[]) => agencies.map((a) => printedForm(ctx.rng, a)).join(', ');

// ---------------------------------------------------------------------------------------------
// Tasks.

function deadline(ctx: Ctx): string {
  const y = yearOf(ctx.doc.day);
  return fill(ctx.rng.pick(DEADLINES), { y: String(y), y1: String(y + 1), y2: String(y + 2) });
}

function label(ctx: Ctx, bullet: string, name: string, value: string): string {
  if (!ctx.style.markdown) return `${bullet} ${name}: ${value}`;
  return bullet === '*' ? `* *${name}:* ${value}` : `${bullet} **${name}:** ${value}`;
}

/** The assignment and deadline lines of a task, in the document's style (labels, bullets, markdown). */
function assignLines(ctx: Ctx, pool: Pool, a: Assignment, withDeadline: boolean): string[] {
  const { rng, style } = ctx;
  const lines: string[] = [];
  const lead = printedForm(rng, a.lead);
  const group = rng.chance(0.4) ? rng.pick(pool.groups) : null;
  if (style.assign === 0 || style.assign === 2) {
    const bullet = rng.pick(['-', '-', '+']);
    const [leadLabel, coordLabel] =
      style.assign === 0
        ? [rng.pick(['Đơn vị chủ trì', 'Đơn vị chủ trì thực hiện']), 'Đơn vị phối hợp']
        : [rng.pick(['Cơ quan chủ trì', 'Cơ quan chủ trì thực hiện']), 'Cơ quan phối hợp'];
    lines.push(label(ctx, bullet, leadLabel, `${lead}.`));
    const items = [list(ctx, a.coordinators), group].filter((x): x is string => x !== null && x.length > 0);
    if (items.length > 0) lines.push(label(ctx, bullet, coordLabel, `${cap(items.join(', '))}.`));
  } else {
    const bullet = style.assign === 1 ? '*' : '-';
    const name =
      style.assign === 1 ? 'Đơn vị thực hiện' : rng.pick(['Cơ quan thực hiện', 'Trách nhiệm thực hiện']);
    const coord =
      a.coordinators.length > 0
        ? `, phối hợp với ${list(ctx, a.coordinators)}${group ? ` và ${group}` : ''}`
        : group
          ? `, phối hợp với ${group}`
          : '';
    const verb = rng.pick([
      'tham mưu triển khai thực hiện',
      'tổ chức thực hiện',
      'triển khai thực hiện',
      'theo dõi, hướng dẫn thực hiện',
    ]);
    lines.push(label(ctx, bullet, name, `${lead} chủ trì${coord} ${verb}.`));
  }
  if (withDeadline) {
    const bullet = style.assign === 1 ? '*' : '-';
    const name = rng.pick([
      'Thời gian thực hiện',
      'Thời gian thực hiện',
      'Thời gian hoàn thành',
      'Tiến độ thực hiện',
    ]);
    lines.push(label(ctx, bullet, name, deadline(ctx)));
  }
  return lines;
}

function bodyLines(ctx: Ctx, count: number): string[] {
  const { rng, topic } = ctx;
  const y = yearOf(ctx.doc.day);
  return sample(rng, TASK_BODIES, count).map(
    (t) => `- ${fill(t, { t: topic.short, y: String(y + rng.int(1, 3)), p: String(rng.int(5, 19) * 5) })}`,
  );
}

const expectedTask = (key: string, a: Assignment, links: number[] = []): ExpectedTask => ({
  key,
  lead: a.lead.name,
  coordinators: a.coordinators.map((c) => c.name),
  implements: links,
});

/**
 * A section of tasks: numbered items, some of them groups of lettered sub-items (each sub-item a task, the
 * group led by its own "Cơ quan thực hiện" line). `count` tasks exactly. Each of `links` (another plan a task
 * takes up) becomes the text of one item or sub-item: "Tập trung triển khai thực hiện <nested chain>".
 */
function taskSection(ctx: Ctx, roman: string, heading: string, count: number, links: number[]): void {
  const { rng, topic } = ctx;
  const pool = poolOf(ctx);
  sectionHeading(ctx, roman, heading);
  const titles = sample(rng, TASK_TITLES, TASK_TITLES.length);
  let titleAt = 0;
  const nextTitle = () => fill(titles[titleAt++ % titles.length] as string, { t: topic.short });
  let left = count;
  let n = 0;
  const bodyMax = ctx.doc.kind === 'PROVINCE_PLAN' || ctx.doc.kind === 'CENTRAL' ? 2 : 1;
  const pendingLinks = [...links];
  while (left > 0) {
    n++;
    const group = left >= 3 && rng.chance(0.25);
    if (!group) {
      const a = assignment(ctx, pool, pickField(ctx));
      // A link still waiting when items run out (or by chance) becomes the item's own text.
      const link = left <= pendingLinks.length || rng.chance(0.3) ? pendingLinks.shift() : undefined;
      if (link !== undefined)
        ctx.out.push(
          itemHeading(
            ctx,
            n,
            `${nextTitle()}: Tập trung triển khai thực hiện ${chain(ctx, docOf(ctx, link), 3, false)}.`,
          ),
        );
      else ctx.out.push(itemHeading(ctx, n, nextTitle()), ...bodyLines(ctx, rng.int(1, bodyMax)));
      ctx.out.push(...assignLines(ctx, pool, a, true), '');
      ctx.tasks.push(expectedTask(`${roman}.${n}`, a, link !== undefined ? [link] : []));
      left--;
      continue;
    }
    const children = Math.min(left - 1, rng.int(2, 4));
    const ga = assignment(ctx, pool, pickField(ctx), 2);
    const leadName = printedForm(rng, ga.lead);
    const coord = ga.coordinators.length > 0 ? `, phối hợp với ${list(ctx, ga.coordinators)}` : '';
    ctx.out.push(
      itemHeading(ctx, n, fill(rng.pick(GROUP_TITLES), { t: topic.short })),
      `- Cơ quan thực hiện: ${leadName} chủ trì${coord} tổ chức triển khai các nội dung sau.`,
    );
    ctx.tasks.push(expectedTask(`${roman}.${n}`, ga));
    for (let k = 0; k < children; k++) {
      const letter = LETTERS[k] as string;
      const a = assignment(ctx, pool, pickField(ctx));
      const link = pendingLinks.shift();
      const head = `${letter}) ${nextTitle()}`;
      if (link !== undefined) {
        ctx.out.push(`${head}: Tập trung triển khai thực hiện ${chain(ctx, docOf(ctx, link), 3, false)}.`);
      } else ctx.out.push(head, ...bodyLines(ctx, 1).map((l) => l.slice(2)));
      ctx.out.push(...assignLines(ctx, pool, a, true), '');
      ctx.tasks.push(expectedTask(`${roman}.${n}.${letter}`, a, link !== undefined ? [link] : []));
    }
    left -= children + 1;
  }
}

/** "TỔ CHỨC THỰC HIỆN": one item per agency ("Sở Tài chính: Chủ trì, phối hợp với ..."). */
function organisationSection(
  ctx: Ctx,
  roman: string,
  count: number,
  reportTo: string,
  closing: string,
): void {
  const { rng, topic } = ctx;
  const pool = poolOf(ctx);
  sectionHeading(ctx, roman, 'TỔ CHỨC THỰC HIỆN');
  const used = new Set<string>();
  for (let n = 1; n <= count; n++) {
    let a = assignment(ctx, pool, n === 1 ? (topic.fields[0] as Field) : pickField(ctx), 3);
    for (let tries = 0; used.has(a.lead.name) && tries < 20; tries++)
      a = assignment(ctx, pool, ctx.rng.pick(FIELDS), 3);
    used.add(a.lead.name);
    const lead = printedForm(rng, a.lead);
    const duty = fill(rng.pick(ORG_DUTIES), { t: topic.short });
    const dm = `${rng.pick([5, 10, 15, 20, 25])}/${rng.pick([6, 11, 12])}`;
    const report = rng.chance(0.5) ? `; ${fill(rng.pick(REPORT_CLAUSES), { dm })} về ${reportTo}` : '';
    let text: string;
    if (a.coordinators.length > 0 && rng.chance(0.85))
      text = `${lead}: Chủ trì, phối hợp với ${list(ctx, a.coordinators)} ${lower(duty)}${report}.`;
    else if (rng.chance(0.5)) {
      a = { lead: a.lead, coordinators: [] };
      text = `${lead}: ${duty}${report}.`;
    } else {
      a = { lead: a.lead, coordinators: [] };
      text = `Giao ${lead} theo dõi, đôn đốc việc triển khai; ${lower(duty)}${report}.`;
    }
    ctx.out.push(itemHeading(ctx, n, text));
    ctx.tasks.push(expectedTask(`${roman}.${n}`, a));
  }
  ctx.out.push('', closing);
}

// ---------------------------------------------------------------------------------------------
// Running text sections.

function purposeSection(ctx: Ctx, roman: string, parent: PlannedDoc | null): void {
  const { rng, topic } = ctx;
  const vars = () => ({
    t: topic.short,
    parent: parent ? laterMention(ctx, parent) : 'các văn bản chỉ đạo của cấp trên',
  });
  sectionHeading(ctx, roman, 'MỤC ĐÍCH, YÊU CẦU');
  ctx.out.push('1. Mục đích', ...sample(rng, PURPOSES, rng.int(1, 2)).map((t) => `- ${fill(t, vars())}`));
  ctx.out.push('2. Yêu cầu', ...sample(rng, REQUIREMENTS, rng.int(1, 2)).map((t) => `- ${fill(t, vars())}`));
}

function goalsSection(ctx: Ctx, roman: string, placeLine: string | null): void {
  const { rng, topic } = ctx;
  const y = yearOf(ctx.doc.day);
  const vars = () => ({
    t: topic.short,
    y: String(y + rng.int(1, 2)),
    y2: String(y + rng.int(3, 7)),
    p: String(rng.int(12, 19) * 5),
    p2: String(rng.int(5, 20)),
  });
  sectionHeading(ctx, roman, 'MỤC TIÊU');
  ctx.out.push('1. Mục tiêu chung', fill(rng.pick(GENERAL_GOALS), vars()));
  if (placeLine) ctx.out.push(placeLine);
  ctx.out.push(
    '2. Mục tiêu cụ thể',
    ...sample(rng, SPECIFIC_GOALS, rng.int(2, 3)).map((t) => `- ${fill(t, vars())}`),
  );
}

function fundingSection(ctx: Ctx, roman: string): void {
  sectionHeading(ctx, roman, ctx.rng.pick(['KINH PHÍ THỰC HIỆN', 'KINH PHÍ']));
  ctx.out.push(...sample(ctx.rng, FUNDING, ctx.rng.int(1, 2)).map((t) => `- ${t}`));
}

/** A footnote naming an earlier decision of the writer's province (cited, not implemented). */
function footnote(ctx: Ctx): string {
  const { rng, doc } = ctx;
  const n = ctx.footnotes.length + 1;
  const day = doc.day - rng.int(200, 1500);
  const marker = rng.chance(0.5) ? `<sup>${n}</sup>` : `⁽${n}⁾`;
  ctx.footnotes.push(
    `${marker} Quyết định số ${rng.int(100, 3500)}/QĐ-UBND ${citedDate(rng, day)} của Ủy ban nhân dân tỉnh về việc ban hành Quy chế phối hợp trong lĩnh vực ${ctx.topic.short}.`,
  );
  return marker;
}

// ---------------------------------------------------------------------------------------------
// Bases ("Căn cứ ...").

function bases(ctx: Ctx): string[] {
  const { rng, doc, topic } = ctx;
  const out: string[] = [];
  if (rng.chance(0.6)) out.push('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;');
  if (topic.law && topic.law.day < doc.day && rng.chance(0.5))
    out.push(`Căn cứ ${topic.law.name} ${spelledDate(topic.law.day, false)};`);
  if (doc.day > dayOf(2020, 3, 5) && rng.chance(0.3))
    out.push('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Documents.

/** Department codes printed in a submission's symbol ("Tờ trình số 456/TTr-SKHCN"). */
const SUBMISSION_CODE: Partial<Record<Field, string>> = {
  khcn: 'SKHCN',
  khdt: 'SKHĐT',
  tc: 'STC',
  nv: 'SNV',
  tp: 'STP',
  yt: 'SYT',
  gd: 'SGDĐT',
  ct: 'SCT',
  nn: 'SNNPTNT',
  tnmt: 'STNMT',
  ldtbxh: 'SLĐTBXH',
  tttt: 'STTTT',
  vhttdl: 'SVHTTDL',
  xd: 'SXD',
};

/** A People's Committee plan of a province, district or commune. */
function renderPlan(ctx: Ctx): void {
  const { doc, rng, topic } = ctx;
  const level = doc.kind;
  const province = doc.province as NationalProvince;
  const district = doc.district;
  const parent = docOf(ctx, doc.parents[0] as number);
  const [unit, name] =
    level === 'PROVINCE_PLAN'
      ? [province.unit, province.name]
      : level === 'DISTRICT_PLAN' && district
        ? [district.unit, district.name]
        : ['xã', doc.commune as string];
  const ubnd = () => (rng.chance(0.5) ? 'Ủy ban nhân dân' : 'UBND');
  const self = `${ubnd()} ${unit}`;
  const where = `trên địa bàn ${unit}`;
  const year = yearOf(doc.day);

  // Header: "ỦY BAN NHÂN DÂN / TỈNH KON TUM", "Kon Tum, ngày ...".
  const datePlace =
    province.city && level === 'PROVINCE_PLAN' && rng.chance(0.5) ? `Thành phố ${name}` : name;
  stateHeader(
    ctx,
    [rng.chance(0.7) ? 'ỦY BAN NHÂN DÂN' : 'UỶ BAN NHÂN DÂN', `${unit} ${name}`.toUpperCase()],
    datePlace,
  );

  // Title: the first parent (always for a draft, whose title is its identity), or the topic.
  const citeInTitle = doc.draft || rng.chance(0.6);
  const verb = rng.pick(['Triển khai thực hiện', 'Thực hiện']);
  let titleLine: string;
  if (!citeInTitle)
    titleLine = `${rng.pick(['Triển khai', 'Thực hiện'])} ${rng.pick(['công tác', 'các nhiệm vụ về'])} ${topic.short} ${where} giai đoạn ${year} - ${year + 2}`;
  else if (level === 'PROVINCE_PLAN') titleLine = `${verb} ${citation(ctx, parent)}`;
  else {
    // The parent's issuer with its place: a draft's title must be unique in the country.
    const above = level === 'DISTRICT_PLAN' ? province : null;
    const issuer = above ? `${above.unit} ${above.name}` : `${district?.unit} ${district?.name}`;
    titleLine = `${verb} Kế hoạch số ${parent.symbol as string} ${citedDate(rng, parent.day)} của ${ubnd()} ${issuer} ${where}`;
  }
  title(ctx, level === 'PROVINCE_PLAN' && rng.chance(0.15) ? 'KẾ HOẠCH HÀNH ĐỘNG' : 'KẾ HOẠCH', [titleLine]);

  // Preamble: bases, an instruction or a proposal (cited), then the statement that carries IMPLEMENTS.
  ctx.out.push(...bases(ctx));
  if (level === 'PROVINCE_PLAN' && rng.chance(0.15)) {
    const day = doc.day - rng.int(10, 60);
    ctx.out.push(
      `Thực hiện chỉ đạo của Thường trực ${partyUnit(province)} tại Công văn số ${rng.int(100, 2900)}-CV/TU ${citedDate(rng, day)};`,
    );
  }
  const leadField = topic.fields[0] as Field;
  const code = SUBMISSION_CODE[leadField];
  if (level === 'PROVINCE_PLAN' && code && rng.chance(0.3)) {
    const day = doc.day - rng.int(5, 20);
    ctx.out.push(
      `Xét đề nghị của Giám đốc ${provinceAgency(leadField, province.city).name} tại Tờ trình số ${rng.int(100, 2500)}/TTr-${code} ${citedDate(rng, day)}.`,
    );
  }
  if (doc.parents.length === 2) {
    // A provincial plan implementing both the resolution and the programme.
    const [a, b] = [docOf(ctx, doc.parents[0] as number), docOf(ctx, doc.parents[1] as number)];
    const central = a.kind === 'CENTRAL' ? a : b;
    const party = a.kind === 'CENTRAL' ? b : a;
    ctx.out.push(
      `Thực hiện ${citation(ctx, central)} ${subjectOf(ctx, central)} và ${citation(ctx, party)}, ${self} ban hành Kế hoạch thực hiện ${where} như sau:`,
    );
  } else {
    const text = chain(ctx, parent, rng.int(1, 4), rng.chance(0.35));
    // "Căn cứ <parent>" only cites it: used when the title already says the plan implements it.
    const form = citeInTitle ? rng.int(0, 3) : rng.int(0, 2);
    if (form === 0)
      ctx.out.push(`Thực hiện ${text}, ${self} ban hành Kế hoạch triển khai thực hiện ${where} như sau:`);
    else if (form === 1)
      ctx.out.push(
        `Để triển khai thực hiện có hiệu quả ${text}, ${self} ban hành Kế hoạch thực hiện với các nội dung sau:`,
      );
    else if (form === 2)
      ctx.out.push(
        `Triển khai ${text}, ${self} ${rng.pick(['ban hành', 'xây dựng'])} Kế hoạch thực hiện ${where} như sau:`,
      );
    else ctx.out.push(`Căn cứ ${text};`, `${self} ban hành Kế hoạch thực hiện ${where} như sau:`);
  }

  // Sections: purpose, goals, tasks, funding, organisation.
  const sizes = { PROVINCE_PLAN: [10, 25], DISTRICT_PLAN: [6, 12], COMMUNE_PLAN: [4, 8] } as const;
  const [lo, hi] = sizes[level as keyof typeof sizes];
  const total = rng.int(lo, hi);
  const org = Math.min(total - 2, level === 'PROVINCE_PLAN' ? rng.int(3, 5) : rng.int(2, 3));
  let r = 0;
  const next = () => ROMAN[r++] as string;
  purposeSection(ctx, next(), parent);
  // A district or commune names its province (a commune its district too): "UBND tỉnh" is read by them.
  const placeLine =
    level === 'PROVINCE_PLAN'
      ? null
      : level === 'DISTRICT_PLAN'
        ? `Góp phần thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội của ${unit} và của ${province.unit} ${province.name}.`
        : `Góp phần thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội của xã, của ${district?.unit} ${district?.name} và của ${province.unit} ${province.name}.`;
  if (placeLine || rng.chance(0.6)) goalsSection(ctx, next(), placeLine);
  if (level !== 'COMMUNE_PLAN' && rng.chance(0.25))
    ctx.out.push(
      `Các nhiệm vụ được triển khai đồng bộ với Quy chế phối hợp hiện hành của tỉnh${footnote(ctx)}.`,
    );
  const heading = rng.pick([
    'NHIỆM VỤ, GIẢI PHÁP',
    'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU',
    'NHIỆM VỤ TRỌNG TÂM',
    'CÁC NHIỆM VỤ, GIẢI PHÁP',
  ]);
  taskSection(ctx, next(), heading, total - org, doc.taskLinks);
  if (level !== 'COMMUNE_PLAN' || rng.chance(0.5)) fundingSection(ctx, next());
  organisationSection(ctx, next(), org, self, fill(rng.pick(CLOSINGS), { self }));

  // Recipients and signature.
  const rec =
    level === 'PROVINCE_PLAN'
      ? [
          'Như trên;',
          `Thường trực ${partyUnit(province)} (b/c);`,
          `Thường trực HĐND ${province.unit};`,
          `Chủ tịch, các PCT UBND ${province.unit};`,
          'Các sở, ban, ngành;',
          'Lưu: VT, KGVX.',
        ]
      : level === 'DISTRICT_PLAN'
        ? [
            'UBND tỉnh (b/c);',
            'Thường trực Huyện ủy;',
            'Chủ tịch, các PCT UBND;',
            'Các cơ quan, đơn vị thuộc UBND;',
            'Lưu: VT.',
          ]
        : ['UBND huyện (b/c);', 'Thường trực Đảng ủy xã;', 'Các ban, ngành, đoàn thể xã;', 'Lưu: VP.'];
  recipients(ctx, rec);
  signature(ctx, [
    'TM. ỦY BAN NHÂN DÂN',
    ...(rng.chance(0.7) ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH']),
  ]);
}

function renderProgramme(ctx: Ctx): void {
  const { doc, rng, topic } = ctx;
  const province = doc.province as NationalProvince;
  const central = docOf(ctx, doc.parents[0] as number);
  const u = partyUnit(province);
  const word = doc.centralKind === 'NQ' ? 'CHƯƠNG TRÌNH HÀNH ĐỘNG' : 'KẾ HOẠCH';
  const issuerLines = rng.chance(0.6)
    ? [`${u} ${province.name}`.toUpperCase()]
    : [`ĐẢNG BỘ ${province.unit} ${province.name}`.toUpperCase(), `BAN THƯỜNG VỤ ${u}`.toUpperCase()];
  partyHeader(ctx, issuerLines, province.name);
  title(ctx, word, [`thực hiện ${citation(ctx, central)} ${subjectOf(ctx, central)}`]);

  const body = doc.standingBoard ? `Ban Thường vụ ${u}` : u;
  const alias = rng.chance(0.5) ? ` (sau đây gọi tắt là ${shortName(central, rng)})` : '';
  const built = word === 'KẾ HOẠCH' ? 'Kế hoạch' : 'Chương trình hành động';
  ctx.out.push(
    `${rng.pick(['Thực hiện', 'Để triển khai thực hiện'])} ${chain(ctx, central, 1, false)}${alias}, ${body} ${rng.pick(['xây dựng', 'ban hành'])} ${built} thực hiện như sau:`,
  );

  const total = rng.int(10, 16);
  const org = rng.int(3, 4);
  sectionHeading(ctx, 'I', 'MỤC TIÊU, YÊU CẦU');
  if (rng.chance(0.5)) {
    // Congress resolutions, named without a number (cited in running text).
    const national = doc.day < dayOf(2021, 2, 1) ? 'XII' : 'XIII';
    const congress = 15 + (Number(province.code) % 6) + (doc.day < dayOf(2020, 10, 15) ? 0 : 1);
    ctx.out.push(
      `- Góp phần thực hiện thắng lợi Nghị quyết Đại hội đại biểu toàn quốc lần thứ ${national} của Đảng và Nghị quyết Đại hội đại biểu Đảng bộ ${province.unit} lần thứ ${romanOf(congress)}.`,
    );
  }
  ctx.out.push(
    ...sample(rng, PURPOSES, 2).map(
      (t) => `- ${fill(t, { t: topic.short, parent: laterMention(ctx, central) })}`,
    ),
    ...sample(rng, REQUIREMENTS, 1).map(
      (t) => `- ${fill(t, { t: topic.short, parent: laterMention(ctx, central) })}`,
    ),
  );
  taskSection(ctx, 'II', 'NHIỆM VỤ, GIẢI PHÁP', total - org, []);
  organisationSection(ctx, 'III', org, `Ban Thường vụ ${u}`, `${built} này được phổ biến đến chi bộ./.`);
  recipients(ctx, [
    'Ban Bí thư Trung ương Đảng (b/c);',
    `Các đồng chí ${u} viên;`,
    'Các huyện ủy, thị ủy, thành ủy;',
    'Lưu Văn phòng.',
  ]);
  signature(ctx, ['T/M BAN THƯỜNG VỤ', rng.chance(0.5) ? 'BÍ THƯ' : 'PHÓ BÍ THƯ']);
}

function romanOf(n: number): string {
  const parts: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let left = n;
  for (const [v, r] of parts)
    while (left >= v) {
      out += r;
      left -= v;
    }
  return out;
}

const OLD_RESOLUTIONS = [
  'Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khóa XI',
  'Nghị quyết số 26-NQ/TW ngày 05/8/2008 của Ban Chấp hành Trung ương Đảng khóa X',
  'Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI',
  'Nghị quyết số 33-NQ/TW ngày 09/6/2014 của Ban Chấp hành Trung ương Đảng khóa XI',
  'Chỉ thị số 42-CT/TW ngày 16/4/2010 của Bộ Chính trị khóa X',
];

function renderResolution(ctx: Ctx): void {
  const { doc, rng, topic } = ctx;
  const word = { NQ: 'NGHỊ QUYẾT', KL: 'KẾT LUẬN', CT: 'CHỈ THỊ', QD: 'QUYẾT ĐỊNH' }[doc.centralKind];
  const body = { BCT: 'BỘ CHÍNH TRỊ', BCH: 'BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG', BBT: 'BAN BÍ THƯ', TTG: '' }[
    doc.centralBody
  ];
  partyHeader(ctx, ['BAN CHẤP HÀNH TRUNG ƯƠNG'], 'Hà Nội');
  title(ctx, word, [`CỦA ${body}`, `về ${topic.subject}`]);
  // An opening paragraph: an upper-case section heading right after the title would be read as more title.
  const who = { BCT: 'Bộ Chính trị', BCH: 'Ban Chấp hành Trung ương', BBT: 'Ban Bí thư', TTG: '' }[
    doc.centralBody
  ];
  ctx.out.push(
    doc.centralKind === 'NQ'
      ? `Thời gian qua, ${topic.short} đã đạt được những kết quả quan trọng, song vẫn còn nhiều hạn chế, bất cập. Để tạo bước chuyển biến mạnh mẽ trong giai đoạn mới, ${who} quyết nghị như sau:`
      : `Tại phiên họp ngày ${numericDate(doc.day - rng.int(3, 20), false)}, sau khi nghe báo cáo tình hình ${topic.short}, ${who} ${doc.centralKind === 'KL' ? 'kết luận' : 'yêu cầu'} như sau:`,
  );
  const total = rng.int(8, 14);
  const org = rng.int(3, 4);
  sectionHeading(ctx, 'I', 'TÌNH HÌNH VÀ NGUYÊN NHÂN');
  ctx.out.push(
    `Sau nhiều năm thực hiện ${rng.pick(OLD_RESOLUTIONS)}, nhận thức của các cấp ủy, chính quyền về ${topic.short} có chuyển biến tích cực; tuy nhiên, kết quả đạt được chưa tương xứng với tiềm năng, lợi thế.`,
    `Nguyên nhân chủ yếu là công tác lãnh đạo, chỉ đạo có lúc, có nơi chưa quyết liệt; cơ chế, chính sách chưa đồng bộ; nguồn lực đầu tư còn hạn chế.`,
  );
  sectionHeading(ctx, 'II', 'QUAN ĐIỂM, MỤC TIÊU');
  ctx.out.push(
    fill(rng.pick(GENERAL_GOALS), { t: topic.short, y2: String(yearOf(doc.day) + 7) }),
    ...sample(rng, SPECIFIC_GOALS, 2).map(
      (t) =>
        `- ${fill(t, { t: topic.short, y: String(yearOf(doc.day) + 2), y2: String(yearOf(doc.day) + 7), p: String(rng.int(12, 19) * 5), p2: String(rng.int(5, 20)) })}`,
    ),
  );
  taskSection(ctx, 'III', 'NHIỆM VỤ, GIẢI PHÁP', total - org, []);
  const signer = { BCT: 'BỘ CHÍNH TRỊ', BCH: 'BAN CHẤP HÀNH TRUNG ƯƠNG', BBT: 'BAN BÍ THƯ', TTG: '' }[
    doc.centralBody
  ];
  const limit = issueLimitOf(ctx.plan, doc);
  organisationSection(
    ctx,
    'IV',
    org,
    signer === 'BAN BÍ THƯ' ? 'Ban Bí thư' : 'Bộ Chính trị',
    `${limit ? `Các tỉnh ủy, thành ủy, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương xây dựng chương trình hành động thực hiện ${cap(word.toLowerCase())} này trong thời hạn ${limit.days} ngày kể từ ngày ký. ` : ''}${cap(word.toLowerCase())} này phổ biến đến chi bộ./.`,
  );
  recipients(ctx, [
    'Các tỉnh ủy, thành ủy,',
    'các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương,',
    'các đảng ủy đơn vị sự nghiệp Trung ương,',
    'Lưu Văn phòng Trung ương Đảng.',
  ]);
  signature(ctx, [`T/M ${signer}`, doc.centralBody === 'BBT' ? 'THƯỜNG TRỰC BAN BÍ THƯ' : 'TỔNG BÍ THƯ']);
}

function renderDecision(ctx: Ctx): void {
  const { doc, rng, topic } = ctx;
  const out = ctx.out;
  out.push('THỦ TƯỚNG CHÍNH PHỦ', '-------', `Số: ${doc.symbol as string}`, ...MOTTO, '---------------');
  out.push(`Hà Nội, ${spelledDate(doc.day, rng.chance(0.7))}`, '');
  const nqIndex = doc.parents[0];
  const nq = nqIndex === undefined ? null : docOf(ctx, nqIndex);
  const titleLine = nq
    ? `Ban hành Chương trình hành động của Chính phủ thực hiện ${citation(ctx, nq)} về ${topic.subject}`
    : `Phê duyệt Đề án ${topic.subject}`;
  title(ctx, 'QUYẾT ĐỊNH', [titleLine]);
  out.push('THỦ TƯỚNG CHÍNH PHỦ', '');
  out.push('Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;');
  if (topic.law && topic.law.day < doc.day)
    out.push(`Căn cứ ${topic.law.name} ${spelledDate(topic.law.day, false)};`);
  const lead = centralAgency(topic.fields[0] as Field);
  out.push(`Theo đề nghị của Bộ trưởng ${lead.name}.`, '', 'QUYẾT ĐỊNH:', '');
  out.push(
    nq
      ? 'Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động của Chính phủ với các nội dung chủ yếu sau:'
      : 'Điều 1. Phê duyệt Đề án với những nội dung chủ yếu sau:',
  );
  const total = rng.int(8, 14);
  const org = rng.int(3, 4);
  sectionHeading(ctx, 'I', 'QUAN ĐIỂM');
  out.push(fill(rng.pick(GENERAL_GOALS), { t: topic.short, y2: String(yearOf(doc.day) + 5) }));
  sectionHeading(ctx, 'II', 'MỤC TIÊU');
  out.push(
    ...sample(rng, SPECIFIC_GOALS, 2).map(
      (t) =>
        `- ${fill(t, { t: topic.short, y: String(yearOf(doc.day) + 2), y2: String(yearOf(doc.day) + 5), p: String(rng.int(12, 19) * 5), p2: String(rng.int(5, 20)) })}`,
    ),
  );
  taskSection(ctx, 'III', 'NHIỆM VỤ, GIẢI PHÁP', total - org, []);
  const limit = issueLimitOf(ctx.plan, doc);
  organisationSection(
    ctx,
    'IV',
    org,
    'Thủ tướng Chính phủ',
    `${limit ? `Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương ban hành kế hoạch triển khai thực hiện Quyết định này trước ngày ${numericDate(limit.dueDay, true)}.\n` : ''}Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành.`,
  );
  out.push(
    'Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Quyết định này./.',
  );
  recipients(ctx, ['Như Điều 3;', 'Ban Bí thư Trung ương Đảng;', 'Các Phó Thủ tướng Chính phủ;', 'Lưu: VT.']);
  signature(ctx, ['KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG']);
}
