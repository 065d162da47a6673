// Query: tables for people — typed columns with Vietnamese headers and rows of plain values, the one shape the
// CSV, XLSX and JSON writers share. Rows hold codes (LEAD, BY_DATE); a column's labels say how a person reads them.

/** `date`: an ISO day "YYYY-MM-DD" (a real date in XLSX) or a coarser "YYYY-MM" / "YYYY" (kept as text). */
export type CellType = 'text' | 'int' | 'number' | 'date' | 'bool';
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

export interface Column {
  /** The English key: the JSON field, and the name README documents for each Vietnamese header. */
  key: string;
  header: string;
  type: CellType;
  /** Column width in characters for XLSX (default: from the header and the values, within 8–60). */
  width?: number;
  /** Code → what a person reads ("LEAD" → "Chủ trì"); codes without a label are shown as they are. */
  labels?: Readonly<Record<string, string>>;
}

export interface Table {
  /** Sheet name in XLSX (31 characters at most, no []:*?/\). */
  sheet: string;
  columns: readonly Column[];
  rows: readonly Row[];
}

/** What one export holds: its main table first (the only one CSV writes), and a file name without extension. */
export interface TableExport {
  name: string;
  tables: readonly [Table, ...Table[]];
  /** What the export was asked for (JSON gives it; XLSX and CSV show it in their headers and file name). */
  meta: Readonly<Record<string, string | number | null>>;
}

const YES_NO = { true: 'Có', false: 'Không' } as const;

/** A cell as a person reads it: labels applied, booleans as Có / Không, null as empty. */
export function shown(column: Column, value: Cell): string | number | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return YES_NO[value ? 'true' : 'false'];
  if (typeof value === 'string' && column.labels !== undefined) return column.labels[value] ?? value;
  return value;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2022-03-31" → 31/03/2022 (how Vietnamese documents write dates); other text unchanged. */
export function viDate(iso: string): string {
  const m = ISO_DAY.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A full ISO day as a UTC date (what spreadsheets store), null for anything coarser or impossible. */
export function isoDayToDate(iso: string): Date | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().startsWith(iso) ? d : null;
}

/** The export as JSON: what was asked, then each table with its columns (key, header) and rows of codes. */
export function tablesJson(e: TableExport): string {
  const body = {
    export: e.name,
    ...e.meta,
    tables: e.tables.map((t) => ({
      sheet: t.sheet,
      columns: t.columns.map((c) => ({ key: c.key, header: c.header, type: c.type })),
      rows: t.rows,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Free text on one line, at most `max` characters (an ellipsis marks the cut). */
export function oneLine(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
