// API exports: mandates as a table — one row per (task, agency, role) assignment, with the deadline judged against
// a day (the API's overdueOn: due before that day), the chain of documents that gave it (the API's Mandate.chain:
// every path up from the task to a root) and the provenance of the assignment; a second sheet "Nguồn" lists the
// provenance of every step of every chain. The scope and filters are the API's (mandates under / agency /
// jurisdiction), computed by the same functions.
import type { ChainUp, GraphEdge, GraphNode } from '../../model/graph.ts';
import { type Column, oneLine, type Row, type TableExport, viDate } from '../../query/table.ts';
import { checkBudget, pace } from '../budget.ts';
import { dueBy, judgeDeadline, parseDay } from '../deadlines.ts';
import { sortMandates } from '../mandate-key.ts';
import { inPlace, mandatesFromLineage, mandatesOfAgency, placeKey } from '../mandates.ts';
import type { MandateView } from '../mappers.ts';
import {
  asInput,
  DEADLINE_KIND,
  distinct,
  ExportInputError,
  type ExportSource,
  fileSlug,
  METHOD,
  nodeOfRef,
  RELATION,
  ROLE,
  shortLabel,
} from './common.ts';

export interface MandateQuery {
  /** Mandates under this lineage root (a document or task reference). */
  ref: string | null;
  /** Mandates of this agency (its node id). */
  agency: string | null;
  /** Mandates in documents of this place (a province includes its districts). */
  jurisdiction: string | null;
  /** The day overdue is judged on, YYYY-MM-DD. */
  asOf: string;
}

const CHAIN_SLICE = 100;

const OVERDUE = { OVERDUE: 'Có', NOT_OVERDUE: 'Không', INVALID_DATE: 'Ngày không hợp lệ' } as const;

function mandateColumns(asOf: string): Column[] {
  return [
    { key: 'no', header: 'STT', type: 'int', width: 6 },
    { key: 'agency', header: 'Cơ quan được giao', type: 'text', width: 40 },
    { key: 'agencyJurisdiction', header: 'Địa bàn cơ quan', type: 'text' },
    { key: 'role', header: 'Vai trò', type: 'text', labels: ROLE },
    { key: 'taskKey', header: 'Mục', type: 'text' },
    { key: 'task', header: 'Nhiệm vụ', type: 'text', width: 60 },
    { key: 'documentSymbol', header: 'Số, ký hiệu văn bản', type: 'text' },
    { key: 'documentId', header: 'Mã văn bản', type: 'text' },
    { key: 'issuer', header: 'Cơ quan ban hành', type: 'text', width: 36 },
    { key: 'documentDate', header: 'Ngày ban hành', type: 'date' },
    { key: 'deadlineText', header: 'Thời hạn (nguyên văn)', type: 'text', width: 36 },
    { key: 'dueBy', header: 'Hạn chót', type: 'date' },
    { key: 'deadlineKind', header: 'Loại thời hạn', type: 'text', labels: DEADLINE_KIND },
    { key: 'overdue', header: `Quá hạn tính đến ${viDate(asOf)}`, type: 'text', labels: OVERDUE },
    { key: 'chain', header: 'Chuỗi văn bản (nhiệm vụ → … → văn bản gốc)', type: 'text', width: 60 },
    { key: 'source', header: 'Tệp nguồn', type: 'text' },
    { key: 'evidence', header: 'Vị trí trong tệp (ký tự)', type: 'text' },
    { key: 'method', header: 'Cách xác định', type: 'text', labels: METHOD },
    { key: 'confidence', header: 'Độ tin cậy', type: 'number' },
    { key: 'taskId', header: 'Mã nhiệm vụ', type: 'text' },
    { key: 'agencyId', header: 'Mã cơ quan', type: 'text' },
  ];
}

const SOURCE_COLUMNS: Column[] = [
  { key: 'no', header: 'STT nhiệm vụ giao', type: 'int' },
  { key: 'path', header: 'Chuỗi số', type: 'int' },
  { key: 'step', header: 'Bước', type: 'int', width: 6 },
  { key: 'from', header: 'Từ', type: 'text', width: 28 },
  { key: 'relation', header: 'Quan hệ', type: 'text', labels: RELATION },
  { key: 'to', header: 'Đến', type: 'text', width: 36 },
  { key: 'method', header: 'Cách xác định', type: 'text', labels: METHOD },
  { key: 'confidence', header: 'Độ tin cậy', type: 'number' },
  { key: 'assertedBy', header: 'Văn bản nêu (mã)', type: 'text' },
  { key: 'source', header: 'Tệp nguồn', type: 'text' },
  { key: 'evidence', header: 'Vị trí trong tệp (ký tự)', type: 'text' },
];

/** "III.6.h → 1693/KH-UBND → 57-CTr/TU → 36-NQ/TW", one per path, joined by " | ". */
export function chainText(chain: ChainUp): string {
  return chain.paths.map((p) => p.nodes.map(shortLabel).join(' → ')).join(' | ');
}

const span = (e: GraphEdge) => `${e.provenance.evidence.start}–${e.provenance.evidence.end}`;

function overdue(m: MandateView, asOf: string): keyof typeof OVERDUE | null {
  const verdict = judgeDeadline(m.task, { before: asOf, after: null });
  if (verdict === 'INVALID') return 'INVALID_DATE';
  if (verdict === 'MATCH') return 'OVERDUE';
  return dueBy(m.task.deadlineKind, m.task.deadlineValue, m.task.deadlineValid) === null
    ? null
    : 'NOT_OVERDUE';
}

function mandateRow(no: number, m: MandateView, chain: ChainUp, asOf: string): Row {
  const t = m.task;
  const a = m.assignment;
  return {
    no,
    agency: m.agency.name,
    agencyJurisdiction: m.agency.jurisdiction,
    role: m.role,
    taskKey: t.key,
    task: oneLine(t.title.trim() !== '' ? t.title : t.text),
    documentSymbol: m.document.symbol,
    documentId: m.document.id,
    issuer: m.document.issuerName,
    documentDate: m.document.dateValue,
    deadlineText: t.deadlineText === null ? null : oneLine(t.deadlineText),
    dueBy: dueBy(t.deadlineKind, t.deadlineValue, t.deadlineValid),
    deadlineKind: t.deadlineKind,
    overdue: overdue(m, asOf),
    chain: chainText(chain),
    source: a.provenance.source,
    evidence: span(a),
    method: a.provenance.method,
    confidence: a.provenance.confidence,
    taskId: t.id,
    agencyId: m.agency.id,
  };
}

function sourceRows(no: number, m: MandateView, chain: ChainUp): Row[] {
  const row = (path: number, step: number, from: GraphNode, to: GraphNode, e: GraphEdge): Row => ({
    no,
    path,
    step,
    from: shortLabel(from),
    relation: e.type,
    to: shortLabel(to),
    method: e.provenance.method,
    confidence: e.provenance.confidence,
    assertedBy: e.provenance.assertedBy,
    source: e.provenance.source,
    evidence: span(e),
  });
  const rows = [row(0, 0, m.task, m.agency, m.assignment)];
  chain.paths.forEach((p, i) => {
    p.steps.forEach((s, j) => {
      const from = p.nodes[j];
      const to = p.nodes[j + 1];
      if (from !== undefined && to !== undefined)
        for (const e of s.edges) rows.push(row(i + 1, j + 1, from, to, e));
    });
  });
  return rows;
}

async function scope(src: ExportSource, q: MandateQuery): Promise<MandateView[]> {
  const parts: Array<readonly MandateView[]> = [];
  if (q.ref !== null) {
    const root = await nodeOfRef(src.store, q.ref);
    if (root.kind === 'AGENCY')
      throw new ExportInputError(
        'ref',
        `${q.ref} is an agency: give it as agency, ref names a document or task`,
      );
    const holder = root.kind === 'TASK' ? await src.store.getDocument(root.documentId) : null;
    parts.push(await mandatesFromLineage(await src.store.lineageDown(root.id, src.maxLineageDepth), holder));
  }
  if (q.agency !== null) {
    const agency = await src.store.getNode(q.agency);
    if (agency.kind !== 'AGENCY') throw new ExportInputError('agency', `${q.agency} is not an agency`);
    parts.push(mandatesOfAgency(await src.store.agencyMandates(agency.id)));
  }
  const [first, ...rest] = parts;
  if (first === undefined) return [...(await src.allMandates())];
  const keep = rest.map((list) => new Set(list.map((m) => m.id)));
  return first.filter((m) => keep.every((ids) => ids.has(m.id)));
}

export async function mandatesExport(src: ExportSource, q: MandateQuery): Promise<TableExport> {
  if (parseDay(q.asOf) === null)
    throw new ExportInputError('asOf', `"${q.asOf}" is not a calendar day YYYY-MM-DD`);
  const j = q.jurisdiction;
  const place = j === null ? null : asInput('jurisdiction', () => placeKey(j));
  const list = (await scope(src, q)).filter((m) => place === null || inPlace(m, place));
  const keyed = sortMandates(list).map((m) => ({ m }));
  const chains = new Map<string, ChainUp>();
  const tasks = distinct(keyed.map(({ m }) => m.task.id));
  for (let i = 0; i < tasks.length; i++) {
    const id = tasks[i] as string;
    chains.set(id, await src.store.chainUp(id));
    // A chain per task: thousands under a national resolution; a spent budget stops them here.
    if (src.budget === undefined) continue;
    checkBudget(src.budget);
    if ((i + 1) % CHAIN_SLICE === 0) await pace(src.budget);
  }
  const rows: Row[] = [];
  const sources: Row[] = [];
  keyed.forEach(({ m }, i) => {
    const chain = chains.get(m.task.id) as ChainUp;
    rows.push(mandateRow(i + 1, m, chain, q.asOf));
    sources.push(...sourceRows(i + 1, m, chain));
  });
  const scopeName = [q.agency?.replace(/^agency:/, '') ?? null, q.ref, q.jurisdiction]
    .filter((s): s is string => s !== null)
    .map(fileSlug);
  return {
    name: ['nhiem-vu-giao', ...(scopeName.length > 0 ? scopeName : ['tat-ca']), q.asOf].join('_'),
    meta: { asOf: q.asOf, ref: q.ref, agency: q.agency, jurisdiction: q.jurisdiction, rows: rows.length },
    tables: [
      { sheet: 'Nhiệm vụ giao', columns: mandateColumns(q.asOf), rows },
      { sheet: 'Nguồn', columns: SOURCE_COLUMNS, rows: sources },
    ],
  };
}
