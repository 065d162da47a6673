// API exports: one entry for the CLI and the download routes — which table, its parameters checked, the file
// rendered — and how a failure is answered (input errors and unknown references are the caller's; the rest is not).

import type { TableExport } from '../../query/table.ts';
import { type RenderedTables, renderTables, rowLimit, type TableFormat } from '../../query/table-export.ts';
import { isStoreError } from '../../store/graph-store.ts';
import { checkBudget } from '../budget.ts';
import { GraphQLError } from '../graphql.ts';
import { ExportInputError, type ExportSource } from './common.ts';
import { coverageExport } from './coverage.ts';
import { lineageExport } from './lineage.ts';
import { mandatesExport } from './mandates.ts';
import { timelinessExport } from './timeliness.ts';

export const TABLE_WHATS = ['mandates', 'lineage', 'coverage', 'timeliness'] as const;
export type TableWhat = (typeof TABLE_WHATS)[number];

export interface ExportParams {
  ref: string | null;
  agency: string | null;
  jurisdiction: string | null;
  level: string | null;
  /** Coverage: the districts of this province (DISTRICT level). */
  province: string | null;
  /** Coverage: PRE_2025 or POST_2025 province list (default: the document's date). */
  era: string | null;
  /** YYYY-MM-DD; mandates (default: today) and timeliness (default: today in Vietnam, as the API's). */
  asOf: string | null;
}

/** No parameter given (each route or command fills in what it was told). */
export const NO_EXPORT_PARAMS: Readonly<ExportParams> = {
  ref: null,
  agency: null,
  jurisdiction: null,
  level: null,
  province: null,
  era: null,
  asOf: null,
};

/** Which parameters each table takes; any other one given is an input error (a typo is not silently ignored). */
export const PARAMS_OF: Readonly<Record<TableWhat, readonly (keyof ExportParams)[]>> = {
  mandates: ['ref', 'agency', 'jurisdiction', 'asOf'],
  lineage: ['ref'],
  coverage: ['ref', 'level', 'province', 'era'],
  timeliness: ['ref', 'level', 'province', 'era', 'asOf'],
};

/** Today in the server's (or the user's) time zone, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function tables(src: ExportSource, what: TableWhat, p: ExportParams): Promise<TableExport> {
  if (what === 'mandates')
    return mandatesExport(src, {
      ref: p.ref,
      agency: p.agency,
      jurisdiction: p.jurisdiction,
      asOf: p.asOf ?? localToday(),
    });
  if (what === 'lineage') return lineageExport(src, { ref: p.ref });
  if (what === 'timeliness')
    return timelinessExport(src, {
      ref: p.ref,
      level: p.level,
      province: p.province,
      era: p.era,
      asOf: p.asOf,
    });
  return coverageExport(src, { ref: p.ref, level: p.level, province: p.province, era: p.era });
}

export async function exportTables(
  src: ExportSource,
  what: TableWhat,
  format: TableFormat,
  p: ExportParams,
): Promise<{ export: TableExport; file: RenderedTables }> {
  for (const [name, value] of Object.entries(p))
    if (value !== null && !PARAMS_OF[what].includes(name as keyof ExportParams))
      throw new ExportInputError(name, `${name} does not apply to the ${what} export`);
  const e = await tables(src, what, p);
  const limit = rowLimit(format);
  for (const t of e.tables)
    if (limit !== null && t.rows.length > limit)
      throw new ExportInputError(
        'format',
        `${t.rows.length} rows do not fit in an Excel sheet (${limit} at most): narrow the export or ask for csv`,
      );
  if (src.budget !== undefined) checkBudget(src.budget);
  return { export: e, file: await renderTables(e, format) };
}

export interface ExportFailure {
  status: 400 | 404;
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'AMBIGUOUS';
  message: string;
  field?: string;
  candidates?: string[];
}

/** A failure that is the caller's (a bad parameter, an unknown or ambiguous reference), else null. */
export function exportFailure(error: unknown): ExportFailure | null {
  if (error instanceof ExportInputError)
    return { status: 400, code: 'BAD_USER_INPUT', message: error.message, field: error.field };
  if (isStoreError(error)) {
    if (error.code === 'NOT_FOUND') return { status: 404, code: 'NOT_FOUND', message: error.message };
    if (error.code === 'AMBIGUOUS') {
      const c = error.details.candidates;
      return {
        status: 400,
        code: 'AMBIGUOUS',
        message: error.message,
        candidates: Array.isArray(c) ? c.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : [],
      };
    }
    if (error.code === 'INVALID_ARGUMENT')
      return { status: 400, code: 'BAD_USER_INPUT', message: error.message };
  }
  // The API's own checks (a jurisdiction without words, a level coverage is not asked at).
  if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT')
    return { status: 400, code: 'BAD_USER_INPUT', message: error.message };
  return null;
}
