// Query: a table as CSV (RFC 4180: CRLF records, fields quoted when they hold a comma, quote or line break,
// quotes doubled), UTF-8 with a byte-order mark so Excel reads Vietnamese letters as UTF-8.
import { type Cell, type Column, shown, type Table } from './table.ts';

export const CSV_BOM = '\uFEFF';

/** Characters that make a spreadsheet read a text cell as a formula ("- Triển khai …" in a task's text). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(column: Column, value: Cell): string {
  const v = shown(column, value);
  if (v === null) return '';
  let s = String(v);
  // OWASP's advice for CSV opened in spreadsheets: a text cell that would start a formula is prefixed with "'".
  if (column.type === 'text' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: Table): string {
  const header = table.columns.map((c) => field({ ...c, type: 'text' }, c.header)).join(',');
  const lines = table.rows.map((row) => table.columns.map((c) => field(c, row[c.key] ?? null)).join(','));
  return `${CSV_BOM}${[header, ...lines].join('\r\n')}\r\n`;
}
