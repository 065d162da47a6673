// Test support: exports read back the way their users' tools read them — CSV with csv-parse, XLSX with exceljs,
// GraphML with a strict XML parser (saxes: any well-formedness error throws), and the data of a Cypher script's
// `:param` lines turned back into values.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';

/** Records of a CSV file as objects keyed by its header row (the BOM is checked, then dropped). */
export function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  if (!text.startsWith('\uFEFF')) throw new Error('a CSV export starts with a UTF-8 byte-order mark');
  const records = parse(text.slice(1), { relax_column_count: false }) as string[][];
  const [header = [], ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

export interface SheetRead {
  name: string;
  header: string[];
  rows: Array<Record<string, ExcelJS.CellValue>>;
  sheet: ExcelJS.Worksheet;
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetRead[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book.worksheets.map((sheet) => {
    const header: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      header[col - 1] = String(cell.value ?? '');
    });
    const rows: Array<Record<string, ExcelJS.CellValue>> = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    }
    return { name: sheet.name, header, rows, sheet };
  });
}

export interface XmlElement {
  /** Local name. */
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A namespace-aware, strict parse: saxes throws on the first well-formedness or namespace error. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.local ?? tag.name,
      uri: tag.uri ?? '',
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((a) => [
          typeof a === 'string' ? '' : a.name,
          typeof a === 'string' ? a : a.value,
        ]),
      ),
      children: [],
      text: '',
    };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
    root ??= el;
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  if (root === null) throw new Error('no root element');
  return root;
}

/** Every element below `el` (itself included) with this local name. */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    for (const c of e.children) walk(c);
  };
  walk(el);
  return out;
}

/**
 * The value of a `:param rows => <literal>;` line. The export writes strings as JSON strings and map keys as
 * identifiers, so quoting the keys (outside strings) gives JSON; anything else it wrote would not parse.
 */
export function cypherParam(line: string): unknown {
  const m = /^:param rows => (.*);$/.exec(line);
  if (!m) throw new Error(`not a :param rows line: ${line.slice(0, 60)}`);
  const src = m[1] as string;
  let out = '';
  for (let i = 0; i < src.length; ) {
    const c = src[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const key = /^[A-Za-z_][A-Za-z0-9_]*(?=:)/.exec(src.slice(i));
    if (key && /[{,]\s*$/.test(out)) {
      out += JSON.stringify(key[0]);
      i += key[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return JSON.parse(out);
}
