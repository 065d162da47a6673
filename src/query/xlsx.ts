// Query: tables as an Excel workbook (exceljs): one sheet per table, the header row bold, frozen and filtered,
// widths from the content, days as real dates (dd/mm/yyyy), counts as numbers.
import type ExcelJS from 'exceljs';
import { type Column, isoDayToDate, shown, type Table, type TableExport } from './table.ts';

/** Excel's own limit: a sheet holds 1,048,576 rows, the header included. */
export const XLSX_MAX_ROWS = 1_048_575;

const NUMBER_FORMAT: Partial<Record<Column['type'], string>> = {
  date: 'dd/mm/yyyy',
  int: '0',
  number: '0.00',
};

function width(column: Column, table: Table): number {
  if (column.width !== undefined) return column.width;
  let longest = column.header.length;
  for (const row of table.rows) {
    const v = shown(column, row[column.key] ?? null);
    const n = column.type === 'date' ? 10 : v === null ? 0 : String(v).length;
    if (n > longest) longest = n;
    if (longest >= 60) break;
  }
  return Math.min(60, Math.max(8, longest + 2));
}

function addSheet(book: ExcelJS.Workbook, table: Table): void {
  const sheet = book.addWorksheet(table.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => {
    const format = NUMBER_FORMAT[c.type];
    return {
      header: c.header,
      key: c.key,
      width: width(c, table),
      style: format === undefined ? {} : { numFmt: format },
    };
  });
  for (const row of table.rows) {
    const values: Record<string, string | number | Date | null> = {};
    for (const c of table.columns) {
      const v = shown(c, row[c.key] ?? null);
      // A full day becomes a date cell; a month or a year ("2024-04") stays the text it is.
      values[c.key] = c.type === 'date' && typeof v === 'string' ? (isoDayToDate(v) ?? v) : v;
    }
    sheet.addRow(values);
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  if (table.columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/** The workbook's bytes; RangeError past Excel's row limit (the caller narrows the question). */
export async function toXlsx(e: TableExport): Promise<Buffer> {
  for (const t of e.tables)
    if (t.rows.length > XLSX_MAX_ROWS)
      throw new RangeError(`${t.rows.length} rows do not fit in one Excel sheet (${XLSX_MAX_ROWS} at most)`);
  // Loaded when a workbook is asked for: every other command starts without it.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'policy-graph';
  for (const t of e.tables) addSheet(book, t);
  return Buffer.from(await book.xlsx.writeBuffer());
}
