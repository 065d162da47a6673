// CLI command `timeliness`: for a central document and a level, each unit's first implementing document, the lag
// from the central date, the time the central text gave (when it states one) and who is late or silent — as a
// table, JSON or CSV. The central text is read from its source file (under the working directory) for its limits.
import type { Command } from 'commander';
import { TIMELINESS_STATUS } from '../../api/export/timeliness.ts';
import { FileTextProvider } from '../../api/text-provider.ts';
import type { IssueDeadline, Level } from '../../model/extraction.ts';
import type { DocumentNode } from '../../model/graph.ts';
import { extractDocument } from '../../pipeline/extract-document.ts';
import { toCsv } from '../../query/csv.ts';
import { resolveRef } from '../../query/refs.ts';
import type { Table } from '../../query/table.ts';
import { type Timeliness, timelinessFromStore } from '../../query/timeliness.ts';
import { StoreError } from '../../store/graph-store.ts';
import { type CliIo, type CommandContext, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { storeErrorExit } from '../store-errors.ts';
import { withStore } from '../with-store.ts';

interface TimelinessOptions {
  level: string;
  asOf?: string;
  province?: string;
  json?: true;
  csv?: true;
}

const STATUS_TEXT: Record<string, string> = {
  ON_TIME: 'on time',
  LATE: 'LATE',
  ISSUED: 'issued',
  UNDATED: 'issued, undated',
  SILENT: 'silent',
  SILENT_OVERDUE: 'SILENT, overdue',
};

export function registerTimeliness(program: Command, context: CommandContext): void {
  program
    .command('timeliness')
    .description(
      'who implemented a document on time: each unit’s lag, status and days late (PROVINCE or DISTRICT)',
    )
    .argument('<ref>', 'the central document (a symbol such as 36-NQ/TW@2023, or a node id)')
    .option('--level <level>', 'PROVINCE or DISTRICT', 'PROVINCE')
    .option('--province <name>', 'the province whose districts are asked about (with --level DISTRICT)')
    .option('--as-of <date>', 'the day silence is judged on (YYYY-MM-DD; default today)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (one row per unit)')
    .action(async (ref: string, options: TimelinessOptions) => {
      context.setExitCode(await runTimeliness(ref, options, context.io));
    });
}

/** The units as a table for `--csv` (the exports' writer: Vietnamese headers, BOM, RFC 4180). */
function unitTable(rows: ReadonlyArray<Record<string, string | number | null>>): Table {
  return {
    sheet: 'Tiến độ',
    columns: [
      { key: 'unit', header: 'Đơn vị', type: 'text' },
      { key: 'status', header: 'Tình trạng', type: 'text', labels: TIMELINESS_STATUS },
      { key: 'first', header: 'Văn bản đầu tiên', type: 'text' },
      { key: 'date', header: 'Ngày', type: 'date' },
      { key: 'lag', header: 'Độ trễ (ngày)', type: 'int' },
      { key: 'late', header: 'Quá hạn (ngày)', type: 'int' },
      { key: 'documents', header: 'Số văn bản', type: 'int' },
    ],
    rows,
  };
}

function render(t: Timeliness, format: 'text' | 'json' | 'csv'): string {
  if (format === 'json') return `${JSON.stringify(t, null, 2)}\n`;
  const rows = t.units.map((u) => ({
    unit: u.unit,
    status: u.status,
    first: u.first?.symbol ?? u.first?.id ?? null,
    date: u.first?.dateValue ?? null,
    lag: u.lagDays,
    late: u.daysLate,
    documents: u.documents.length,
  }));
  if (format === 'csv') return toCsv(unitTable(rows));
  const lines = [
    `${t.root.symbol ?? t.root.id} (${t.rootDate ?? 'no date'}), as of ${t.asOf}`,
    t.limits.length === 0
      ? 'time limit: none stated (lags only)'
      : `time limit: due ${t.dueBy ?? '?'} — ${t.limits.map((l) => `"${l.text}"`).join('; ')}`,
    `${t.counts.ON_TIME} on time, ${t.counts.LATE} late, ${t.counts.ISSUED + t.counts.UNDATED} issued (not judged), ` +
      `${t.counts.SILENT_OVERDUE} silent and overdue, ${t.counts.SILENT} silent; median lag ${t.medianLagDays ?? '-'} days`,
  ];
  const width = Math.max(...rows.map((r) => r.unit.length), 4);
  for (const r of rows)
    lines.push(
      `${r.unit.padEnd(width)}  ${(STATUS_TEXT[r.status] ?? r.status).padEnd(16)}${r.first ? `  ${r.first} ${r.date ?? ''}` : ''}` +
        `${r.lag === null ? '' : `  lag ${r.lag} d`}${r.late === null ? '' : `  ${r.late} d late`}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The time limits a document's text states, its text read from its source file under the working directory. */
export function fileIssueLimits(): (doc: DocumentNode) => Promise<readonly IssueDeadline[]> {
  const texts = new FileTextProvider({ roots: [process.cwd()], cacheDir: null });
  return async (doc) => {
    const text = await texts.textOf(doc);
    return text === null ? [] : extractDocument(text, { source: doc.sources[0] ?? '' }).issueDeadlines;
  };
}

export async function runTimeliness(ref: string, options: TimelinessOptions, io: CliIo): Promise<number> {
  const level = options.level.toUpperCase();
  if (level !== 'PROVINCE' && level !== 'DISTRICT') {
    io.stderr(`policy-graph: --level must be PROVINCE or DISTRICT, got "${options.level}"\n`);
    return EXIT_USAGE;
  }
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
    io.stderr(`policy-graph: --as-of must be a date YYYY-MM-DD, got "${options.asOf}"\n`);
    return EXIT_USAGE;
  }
  try {
    return await withStore(async (store) => {
      const node = await resolveRef(store, ref);
      if (node.kind !== 'DOCUMENT') throw new StoreError('INVALID_ARGUMENT', `${ref} is not a document`);
      const answer = await timelinessFromStore({
        store,
        root: node,
        level: level as Level,
        province: options.province ?? null,
        asOf: options.asOf ?? null,
        limitsOf: fileIssueLimits(),
        documents: (ids) => Promise.all(ids.map((id) => store.getDocument(id))),
      });
      io.stdout(render(answer, options.json ? 'json' : options.csv ? 'csv' : 'text'));
      return EXIT_OK;
    });
  } catch (error) {
    return storeErrorExit(error, io);
  }
}
