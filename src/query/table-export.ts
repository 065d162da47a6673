// Query: an export's tables written in the format asked for — CSV (the main table), XLSX (every table, a sheet
// each) or JSON (every table, codes as stored) — with the content type and file extension that go with it.
import { toCsv } from './csv.ts';
import { type TableExport, tablesJson } from './table.ts';
import { toXlsx, XLSX_MAX_ROWS } from './xlsx.ts';

export const TABLE_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const CONTENT_TYPE: Readonly<Record<TableFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export interface RenderedTables {
  body: string | Buffer;
  contentType: string;
  /** `<export name>.<format>`. */
  fileName: string;
}

/** The most rows a table can have in `format`, or null for no limit (Excel's sheet size for XLSX). */
export function rowLimit(format: TableFormat): number | null {
  return format === 'xlsx' ? XLSX_MAX_ROWS : null;
}

export async function renderTables(e: TableExport, format: TableFormat): Promise<RenderedTables> {
  const body = format === 'csv' ? toCsv(e.tables[0]) : format === 'json' ? tablesJson(e) : await toXlsx(e);
  return { body, contentType: CONTENT_TYPE[format], fileName: `${e.name}.${format}` };
}
