// Store internals (embedded): rows known to be new written with LadybugDB's COPY FROM a CSV file instead of
// UNWIND … CREATE. Measured on this machine: ~7 µs per row against 75–250 µs (the parameter list is
// converted value by value; COPY reads a file natively). COPY runs inside the caller's transaction and is
// rolled back with it. Rows COPY cannot carry exactly (a list element with a comma, quote or bracket: the
// CSV list syntax has no escape) are left to the caller's query.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Below this many rows a query's fixed cost is smaller than a file's. */
export const BULK_MIN_ROWS = 64;

/** A column of a table, in the table's order: how a record's field becomes CSV. */
export interface BulkColumn {
  field: string;
  kind: 'string' | 'list' | 'int' | 'double' | 'bool';
}

/** Node tables: columns in schema order (cypher/embedded/schema.cypher; these tables were never altered). */
export const TASK_COLUMNS: readonly BulkColumn[] = [
  { field: 'id', kind: 'string' },
  { field: 'documentId', kind: 'string' },
  { field: 'key', kind: 'string' },
  { field: 'label', kind: 'string' },
  { field: 'parentKey', kind: 'string' },
  { field: 'title', kind: 'string' },
  { field: 'text', kind: 'string' },
  { field: 'groups', kind: 'list' },
  { field: 'deadlineKind', kind: 'string' },
  { field: 'deadlineValue', kind: 'string' },
  { field: 'deadlineText', kind: 'string' },
  { field: 'deadlineValid', kind: 'bool' },
  { field: 'sources', kind: 'list' },
];

export const AGENCY_COLUMNS: readonly BulkColumn[] = [
  { field: 'id', kind: 'string' },
  { field: 'name', kind: 'string' },
  { field: 'variants', kind: 'list' },
  { field: 'jurisdiction', kind: 'string' },
  { field: 'level', kind: 'string' },
  { field: 'sources', kind: 'list' },
  { field: 'searchText', kind: 'string' },
];

/** Relationship tables: the two endpoint keys, then the properties in schema order. */
export function edgeColumns(extra: 'basis' | 'role' | null): BulkColumn[] {
  const columns: BulkColumn[] = [
    { field: 'fromId', kind: 'string' },
    { field: 'toId', kind: 'string' },
    { field: 'id', kind: 'string' },
    { field: 'assertedBy', kind: 'string' },
    { field: 'source', kind: 'string' },
    { field: 'evidenceStart', kind: 'int' },
    { field: 'evidenceEnd', kind: 'int' },
    { field: 'method', kind: 'string' },
    { field: 'confidence', kind: 'double' },
    { field: 'extractorVersion', kind: 'string' },
  ];
  if (extra) columns.push({ field: extra, kind: 'string' });
  return columns;
}

/** A list element the CSV list syntax carries unchanged. */
const PLAIN_ELEMENT = /^[^\s,[\]{}'"\\](?:[^,[\]{}'"\\\r\n]*[^\s,[\]{}'"\\])?$/u;

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function cell(value: unknown, kind: BulkColumn['kind']): string | null {
  if (value === null || value === undefined) return kind === 'list' ? '[]' : '';
  switch (kind) {
    case 'string':
      // Quoted, so an empty string stays empty (an empty unquoted field is NULL).
      return typeof value === 'string' ? quote(value) : null;
    case 'list':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && PLAIN_ELEMENT.test(v)))
        return null;
      return quote(`[${value.join(',')}]`);
    case 'int':
      return Number.isInteger(value) ? String(value) : null;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    case 'bool':
      return typeof value === 'boolean' ? String(value) : null;
  }
}

/** One CSV line, or null when a value cannot be written exactly. */
export function csvLine(
  record: Readonly<Record<string, unknown>>,
  columns: readonly BulkColumn[],
): string | null {
  const cells: string[] = [];
  for (const c of columns) {
    const v = cell(record[c.field], c.kind);
    if (v === null) return null;
    cells.push(v);
  }
  return cells.join(',');
}

/** Splits records into CSV text for COPY and the records left for a query. */
export function toCsv(
  records: ReadonlyArray<Readonly<Record<string, unknown>>>,
  columns: readonly BulkColumn[],
): { csv: string; copied: number; rest: Array<Readonly<Record<string, unknown>>> } {
  const lines: string[] = [];
  const rest: Array<Readonly<Record<string, unknown>>> = [];
  for (const r of records) {
    const line = csvLine(r, columns);
    if (line === null) rest.push(r);
    else lines.push(line);
  }
  return { csv: lines.length > 0 ? `${lines.join('\n')}\n` : '', copied: lines.length, rest };
}

/** Only ever a directory this process made: the path goes into COPY's text, so it must need no escaping. */
const SAFE_PATH = /^[A-Za-z0-9_./-]+$/;

/** Writes CSV files to a private temporary directory (made once) and builds the COPY statements that read them. */
export class BulkFiles {
  private dir: string | null = null;
  private n = 0;

  /**
   * Runs `load` with the COPY statement for `csv` written to a fresh file, removing the file afterwards
   * whatever the outcome; false (nothing run) where the temporary path is unusable.
   */
  async withCopy(
    table: string,
    csv: string,
    endpoints: { from: string; to: string } | undefined,
    load: (statement: string) => Promise<void>,
  ): Promise<boolean> {
    if (!/^[A-Za-z_]+$/.test(table)) throw new RangeError(`bad table name ${table}`);
    this.dir ??= mkdtempSync(join(tmpdir(), 'policy-graph-bulk-'));
    const file = join(this.dir, `${++this.n}.csv`);
    if (!SAFE_PATH.test(file)) return false;
    const options = [`HEADER=false`, `ESCAPE='"'`, 'PARALLEL=false'];
    if (endpoints) {
      if (![endpoints.from, endpoints.to].every((l) => /^[A-Za-z_]+$/.test(l)))
        throw new RangeError('bad label');
      options.push(`from='${endpoints.from}'`, `to='${endpoints.to}'`);
    }
    writeFileSync(file, csv);
    try {
      await load(`COPY ${table} FROM '${file}' (${options.join(', ')})`);
    } finally {
      rmSync(file, { force: true });
    }
    return true;
  }

  /** Removes the directory (when the store closes). */
  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
