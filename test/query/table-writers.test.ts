// Tests of the table writers (src/query/csv.ts, xlsx.ts): RFC 4180 quoting, the byte-order mark, the formula
// guard, labels, and an XLSX that exceljs reads back with its bold frozen filtered header and real dates.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/query/csv.ts';
import type { Table, TableExport } from '../../src/query/table.ts';
import { toXlsx } from '../../src/query/xlsx.ts';
import { readCsv, readXlsx } from '../support/export-readers.ts';

const table = (rows: Table['rows']): Table => ({
  sheet: 'Bảng',
  columns: [
    { key: 'name', header: 'Tên, gọi', type: 'text' },
    { key: 'role', header: 'Vai trò', type: 'text', labels: { LEAD: 'Chủ trì' } },
    { key: 'due', header: 'Hạn chót', type: 'date' },
    { key: 'n', header: 'Số', type: 'int' },
    { key: 'ok', header: 'Đạt', type: 'bool' },
  ],
  rows,
});

describe('toCsv', () => {
  it('starts with a BOM, ends records with CRLF and quotes the header cell holding a comma', () => {
    const csv = toCsv(table([]));
    expect(csv).toBe('\uFEFF"Tên, gọi",Vai trò,Hạn chót,Số,Đạt\r\n');
  });

  it.each([
    // plain text stays bare
    ['Sở Khoa học và Công nghệ', 'Sở Khoa học và Công nghệ'],
    // a comma, a quote and a line break are quoted, the quote doubled
    ['a, b', '"a, b"'],
    ['nói "có"', '"nói ""có"""'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    // text a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection)
    ['- Triển khai', "'- Triển khai"],
    ['=1+1', "'=1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('writes %j as %j', (value, field) => {
    const line = toCsv(table([{ name: value, role: null, due: null, n: null, ok: null }])).split('\r\n')[1];
    expect(line).toBe(`${field},,,,`);
  });

  it('applies labels, writes booleans as Có/Không and days as ISO dates; csv-parse reads it back', () => {
    const csv = toCsv(
      table([
        { name: 'A', role: 'LEAD', due: '2022-03-31', n: 3, ok: true },
        { name: 'B', role: 'OTHER', due: '2024-04', n: 0, ok: false },
      ]),
    );
    const { header, rows } = readCsv(csv);
    expect(header).toEqual(['Tên, gọi', 'Vai trò', 'Hạn chót', 'Số', 'Đạt']);
    expect(rows).toEqual([
      { 'Tên, gọi': 'A', 'Vai trò': 'Chủ trì', 'Hạn chót': '2022-03-31', Số: '3', Đạt: 'Có' },
      { 'Tên, gọi': 'B', 'Vai trò': 'OTHER', 'Hạn chót': '2024-04', Số: '0', Đạt: 'Không' },
    ]);
  });
});

describe('toXlsx', () => {
  const book: TableExport = {
    name: 'x',
    meta: {},
    tables: [
      table([
        { name: 'A', role: 'LEAD', due: '2022-03-31', n: 3, ok: true },
        { name: 'B', role: null, due: '2024-04', n: null, ok: null },
      ]),
      { sheet: 'Nguồn', columns: [{ key: 'k', header: 'K', type: 'text' }], rows: [{ k: 'v' }] },
    ],
  };

  it('has one sheet per table, the header bold, frozen and filtered, days as dates and counts as numbers', async () => {
    const [main, second] = await readXlsx(await toXlsx(book));
    expect(main?.name).toBe('Bảng');
    expect(second?.name).toBe('Nguồn');
    const sheet = main?.sheet;
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBe('A1:E1');
    expect(main?.rows[0]).toEqual({
      'Tên, gọi': 'A',
      'Vai trò': 'Chủ trì',
      'Hạn chót': new Date(Date.UTC(2022, 2, 31)),
      Số: 3,
      Đạt: 'Có',
    });
    expect(sheet?.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy');
    // A month is not a day: it stays the text it is.
    expect(main?.rows[1]?.['Hạn chót']).toBe('2024-04');
    expect(second?.rows).toEqual([{ K: 'v' }]);
  });

  it('sizes columns from their content, within 8–60 characters', async () => {
    const long = 'x'.repeat(200);
    const [main] = await readXlsx(
      await toXlsx({ ...book, tables: [table([{ name: long, role: null, due: null, n: 1, ok: null }])] }),
    );
    expect(main?.sheet.getColumn(1).width).toBe(60);
    expect(main?.sheet.getColumn(4).width).toBe(8);
  });
});
