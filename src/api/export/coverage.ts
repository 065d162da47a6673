// API exports: coverage of a document as a table — each unit of the level (the gazetteer's provinces of the
// document's era, or every district) with whether a document of that level implements it, directly or through
// others, which documents and when; then implementing documents whose place is not a unit of the list. The
// units and the walk are the API's `coverage` (coverageUnits, the store's coverage).
import { Level } from '../../model/extraction.ts';
import type { DocumentNode } from '../../model/graph.ts';
import { coverageUnits } from '../../query/coverage-units.ts';
import { type Column, type Row, type TableExport, viDate } from '../../query/table.ts';
import {
  asInput,
  docLabel,
  ExportInputError,
  type ExportSource,
  fileSlug,
  LEVEL,
  nodeOfRef,
} from './common.ts';

const STATUS = { COVERED: 'Có', UNCOVERED: 'Chưa', OUTSIDE: 'Ngoài danh mục đơn vị' } as const;

const COLUMNS: Column[] = [
  { key: 'no', header: 'STT', type: 'int', width: 6 },
  { key: 'unit', header: 'Đơn vị hành chính', type: 'text', width: 24 },
  { key: 'status', header: 'Đã triển khai', type: 'text', labels: STATUS },
  { key: 'count', header: 'Số văn bản triển khai', type: 'int' },
  { key: 'documents', header: 'Văn bản triển khai (ngày ban hành)', type: 'text', width: 60 },
  { key: 'firstDate', header: 'Ngày ban hành sớm nhất', type: 'date' },
  { key: 'issuers', header: 'Cơ quan ban hành', type: 'text', width: 40 },
  { key: 'documentIds', header: 'Mã văn bản', type: 'text', width: 40 },
];

function unitRow(no: number, unit: string, status: keyof typeof STATUS, docs: readonly DocumentNode[]): Row {
  const dated = docs.map((d) => d.dateValue).filter((v): v is string => v !== null);
  return {
    no,
    unit,
    status,
    count: docs.length,
    documents:
      docs.length === 0
        ? null
        : docs.map((d) => (d.dateValue ? `${docLabel(d)} (${viDate(d.dateValue)})` : docLabel(d))).join('; '),
    firstDate: dated.length === 0 ? null : ([...dated].sort()[0] ?? null),
    issuers:
      docs.length === 0
        ? null
        : [...new Set(docs.map((d) => d.issuerName ?? '').filter((s) => s))].join('; '),
    documentIds: docs.length === 0 ? null : docs.map((d) => d.id).join('; '),
  };
}

export async function coverageExport(
  src: ExportSource,
  q: { ref: string | null; level: string | null; province: string | null; era: string | null },
): Promise<TableExport> {
  const levelText = q.level ?? 'PROVINCE';
  const parsed = Level.safeParse(levelText);
  if (!parsed.success)
    throw new ExportInputError('level', `level must be PROVINCE or DISTRICT, got "${levelText}"`);
  const level = parsed.data;
  const era = q.era;
  if (era !== null && era !== 'PRE_2025' && era !== 'POST_2025')
    throw new ExportInputError('era', `era must be PRE_2025 or POST_2025, got "${era}"`);
  const root = await nodeOfRef(src.store, q.ref);
  if (root.kind !== 'DOCUMENT')
    throw new ExportInputError('ref', `${q.ref} names a ${root.kind.toLowerCase()}, not a document`);
  const { units, era: used } = asInput(q.province !== null ? 'province' : 'level', () =>
    coverageUnits(level, root, era, q.province),
  );
  const [c, below] = await Promise.all([
    src.store.coverage(root.id, level, units),
    src.store.descendants(root.id),
  ]);
  const byId = new Map(below.map((d) => [d.id, d]));
  const docs = (ids: readonly string[]) =>
    ids.map((id) => byId.get(id)).filter((d): d is DocumentNode => d !== undefined);
  const covered = new Map(c.covered.map((u) => [u.unit, u.documentIds]));
  const rows: Row[] = units.map((unit, i) => {
    const ids = covered.get(unit);
    return unitRow(
      i + 1,
      unit,
      ids === undefined ? 'UNCOVERED' : 'COVERED',
      ids === undefined ? [] : docs(ids),
    );
  });
  for (const o of c.outside)
    rows.push(unitRow(rows.length + 1, o.jurisdiction ?? '(không rõ)', 'OUTSIDE', docs(o.documentIds)));
  return {
    name: [
      'bao-phu',
      fileSlug(docLabel(root)),
      level === 'DISTRICT' ? 'cap-huyen' : 'cap-tinh',
      ...(q.province === null ? [] : [fileSlug(q.province)]),
    ].join('_'),
    meta: {
      ref: q.ref,
      root: root.id,
      level,
      levelLabel: LEVEL[level],
      era: used,
      province: q.province,
      units: units.length,
      covered: c.covered.length,
    },
    tables: [{ sheet: `Độ bao phủ ${LEVEL[level].toLowerCase()}`, columns: COLUMNS, rows }],
  };
}
