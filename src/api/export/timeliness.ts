// API exports: timeliness of a document as a table — each unit of the level with its status, the lag from the
// document's date to its first implementing document, the days late and its documents; a second sheet "Thời hạn"
// holds the time limits the document's text states. The units, the walk and the judgement are the API's
// `timeliness` (timelinessFromStore), with the same parameters and the same refusals.
import { Level } from '../../model/extraction.ts';
import type { DocumentNode } from '../../model/graph.ts';
import { coverageUnits } from '../../query/coverage-units.ts';
import { type Column, type Row, type TableExport, viDate } from '../../query/table.ts';
import { timelinessFromStore } from '../../query/timeliness.ts';
import { parseDay } from '../deadlines.ts';
import {
  asInput,
  docLabel,
  ExportInputError,
  type ExportSource,
  fileSlug,
  LEVEL,
  nodeOfRef,
} from './common.ts';

/** As the viewer's timeliness page words them (viewer/views/timeliness.js). */
export const TIMELINESS_STATUS = {
  ON_TIME: 'Đúng hạn',
  LATE: 'Chậm',
  ISSUED: 'Đã ban hành',
  UNDATED: 'Đã ban hành, không rõ ngày',
  SILENT: 'Chưa ban hành',
  SILENT_OVERDUE: 'Chưa ban hành, quá hạn',
} as const;

const COLUMNS: Column[] = [
  { key: 'no', header: 'STT', type: 'int', width: 6 },
  { key: 'unit', header: 'Đơn vị', type: 'text', width: 24 },
  { key: 'status', header: 'Tình trạng', type: 'text', labels: TIMELINESS_STATUS },
  { key: 'first', header: 'Văn bản đầu tiên', type: 'text', width: 30 },
  { key: 'date', header: 'Ngày', type: 'date' },
  { key: 'lagDays', header: 'Độ trễ (ngày)', type: 'int' },
  { key: 'daysLate', header: 'Quá hạn (ngày)', type: 'int' },
  { key: 'count', header: 'Số văn bản', type: 'int' },
  { key: 'documents', header: 'Văn bản triển khai (ngày ban hành)', type: 'text', width: 60 },
  { key: 'firstId', header: 'Mã văn bản đầu tiên', type: 'text', width: 40 },
];

const LIMIT_COLUMNS: Column[] = [
  { key: 'no', header: 'STT', type: 'int', width: 6 },
  { key: 'text', header: 'Thời hạn (nguyên văn)', type: 'text', width: 60 },
  { key: 'days', header: 'Số ngày', type: 'int' },
  { key: 'workingDays', header: 'Ngày làm việc', type: 'bool' },
  { key: 'by', header: 'Ngày ghi trong văn bản', type: 'date' },
  { key: 'addressees', header: 'Đối tượng ban hành', type: 'text', width: 40 },
  { key: 'dueBy', header: 'Hạn chót', type: 'date' },
  { key: 'evidence', header: 'Vị trí trong văn bản (ký tự)', type: 'text' },
];

export interface TimelinessQuery {
  ref: string | null;
  level: string | null;
  province: string | null;
  era: string | null;
  /** YYYY-MM-DD; default today in Vietnam, as the API's. */
  asOf: string | null;
}

const dated = (d: DocumentNode) => (d.dateValue ? `${docLabel(d)} (${viDate(d.dateValue)})` : docLabel(d));

export async function timelinessExport(src: ExportSource, q: TimelinessQuery): Promise<TableExport> {
  const levelText = q.level ?? 'PROVINCE';
  const parsed = Level.safeParse(levelText);
  if (!parsed.success)
    throw new ExportInputError('level', `level must be PROVINCE or DISTRICT, got "${levelText}"`);
  const level = parsed.data;
  const era = q.era;
  if (era !== null && era !== 'PRE_2025' && era !== 'POST_2025')
    throw new ExportInputError('era', `era must be PRE_2025 or POST_2025, got "${era}"`);
  if (q.asOf !== null && parseDay(q.asOf) === null)
    throw new ExportInputError('asOf', `"${q.asOf}" is not a calendar day YYYY-MM-DD`);
  const root = await nodeOfRef(src.store, q.ref);
  if (root.kind !== 'DOCUMENT')
    throw new ExportInputError('ref', `${q.ref} names a ${root.kind.toLowerCase()}, not a document`);
  // The unit checks first (timelinessFromStore makes the same list again): their refusal is on the field at fault.
  asInput(q.province !== null ? 'province' : 'level', () => coverageUnits(level, root, era, q.province));
  const t = await timelinessFromStore({
    store: src.store,
    root,
    level,
    era,
    province: q.province,
    asOf: q.asOf,
    limitsOf: (doc) => src.issueLimitsOf(doc),
    documents: (ids) => Promise.all(ids.map((id) => src.store.getDocument(id))),
  });
  const rows: Row[] = t.units.map((u, i) => ({
    no: i + 1,
    unit: u.unit,
    status: u.status,
    first: u.first === null ? null : docLabel(u.first),
    date: u.first?.dateValue ?? null,
    lagDays: u.lagDays,
    daysLate: u.daysLate,
    count: u.documents.length,
    documents: u.documents.length === 0 ? null : u.documents.map(dated).join('; '),
    firstId: u.first?.id ?? null,
  }));
  const limits: Row[] = t.limits.map((l, i) => ({
    no: i + 1,
    text: l.text,
    days: l.days,
    workingDays: l.workingDays,
    by: l.by?.value ?? null,
    addressees: l.addressees,
    dueBy: l.dueBy,
    evidence: `${l.span.start}–${l.span.end}`,
  }));
  return {
    name: [
      'tien-do',
      fileSlug(docLabel(root)),
      level === 'DISTRICT' ? 'cap-huyen' : 'cap-tinh',
      ...(q.province === null ? [] : [fileSlug(q.province)]),
      t.asOf,
    ].join('_'),
    meta: {
      ref: q.ref,
      root: root.id,
      level,
      levelLabel: LEVEL[level],
      era: t.era,
      province: q.province,
      asOf: t.asOf,
      rootDate: t.rootDate,
      dueBy: t.dueBy,
      medianLagDays: t.medianLagDays,
      units: t.units.length,
      onTime: t.counts.ON_TIME,
      late: t.counts.LATE,
      silentOverdue: t.counts.SILENT_OVERDUE,
    },
    tables: [
      { sheet: 'Tiến độ', columns: COLUMNS, rows },
      { sheet: 'Thời hạn', columns: LIMIT_COLUMNS, rows: limits },
    ],
  };
}
