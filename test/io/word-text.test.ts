// Tests for src/io/word-text.ts: a Word story's stored characters as the lines the extractor reads — tables as
// the .docx reader renders them, field codes out, control characters mapped or dropped.
import { describe, expect, it } from 'vitest';
import { wordStoryText } from '../../src/io/word-text.ts';

const CELL = '\u0007';
/** A table row as word-extractor leaves it: each cell ends with a cell mark, the row end is a line break. */
const row = (...cells: string[]) => `${cells.map((c) => c + CELL).join('')}\n`;

describe('wordStoryText', () => {
  it('writes a row of one-line cells as "cell | cell", empty cells left out, rows one a line', () => {
    const text = wordStoryText(`Bảng 1\r${row('STT', 'Nhiệm vụ', '')}${row('1', '', 'Sở Nội vụ')}Sau bảng\r`);
    expect(text.split('\n')).toEqual(['Bảng 1', 'STT | Nhiệm vụ', '1 | Sở Nội vụ', 'Sau bảng']);
  });

  it('reads a row whose cells hold several lines cell after cell, a line each', () => {
    const text = wordStoryText(
      row('ỦY BAN NHÂN DÂN\rTỈNH KON TUM', 'CỘNG HÒA\u000bĐộc lập') + row('Số: 1', 'Hà Nội'),
    );
    expect(text.split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH KON TUM',
      'CỘNG HÒA',
      'Độc lập',
      'Số: 1 | Hà Nội',
    ]);
  });

  it('keeps a field’s result, nested fields included, and drops its code', () => {
    const field = (code: string, result: string) => `\u0013${code}\u0014${result}\u0015`;
    const nested = field(' HYPERLINK "x" ', `theo ${field(' REF a ', 'Quyết định số 1/QĐ-UBND')} năm 2024`);
    expect(wordStoryText(`Căn cứ ${nested}.\r`)).toBe('Căn cứ theo Quyết định số 1/QĐ-UBND năm 2024.');
    // A field without a result (a page count's code only) leaves nothing; one never closed keeps its result.
    expect(wordStoryText('A\u0013 NUMPAGES \u0015B\r')).toBe('AB');
    expect(wordStoryText('A \u0013 REF x \u0014kết quả')).toBe('A kết quả');
  });

  it('maps breaks to lines, the non-breaking hyphen to "-", tabs and blank space to one space, and drops other controls', () => {
    expect(
      wordStoryText('Số: 12/KH\u001eUBND\u000bKon\u001f Tum\f1.\tMục\u0002 đích\u0001\r\r\u000e  Hết  \r'),
    ).toBe('Số: 12/KH-UBND\nKon Tum\n1. Mục đích\nHết');
    expect(wordStoryText('a\u0000\u0003\u0008\u0010\u001db')).toBe('ab');
  });
});
