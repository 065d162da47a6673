// Tests for src/io/pdf-lines.ts: reading order from positioned text items (columns, table rows, wrapped
// paragraphs, running heads), on items written by hand.
import { describe, expect, it } from 'vitest';
import { documentText, isRunningHead, type PositionedText, pageLines } from '../../src/io/pdf-lines.ts';

const CHAR = 6; // a 12pt font's average character width, for items written by hand
/** An item at (x, y); its width from its length. */
const at = (str: string, x: number, y: number, size = 12): PositionedText => ({
  str,
  x,
  y,
  width: str.length * CHAR,
  size,
});

describe('pageLines', () => {
  it('groups items on one baseline (within a tolerance) in x order, with spaces at word gaps only', () => {
    const items = [
      at('năm 2024', 135, 700.8),
      at('Kế hoạch', 50, 700),
      at('số', 102, 700.4),
      at('12', 115, 700),
    ];
    // "Kế hoạch" ends at 98, "số" at 114: "12" 1pt after it (no space), "năm" 8pt after "12" (a space).
    expect(pageLines(items)).toEqual(['Kế hoạch số12 năm 2024']);
    expect(pageLines([at('Kế hoạch', 50, 700), at('số', 50, 680)])).toEqual(['Kế hoạch', 'số']);
  });

  it('reads a two-column block left column first, single-side rows included', () => {
    const items = [
      at('ỦY BAN NHÂN DÂN', 60, 790),
      at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 790),
      at('TỈNH KON TUM', 60, 774),
      at('Độc lập - Tự do - Hạnh phúc', 300, 774),
      at('Số: 12/KH-UBND', 60, 758),
      at('Kon Tum, ngày 5 tháng 3 năm 2024', 300, 758),
      at('(bản sao)', 60, 742),
      at('KẾ HOẠCH', 260, 700),
    ];
    expect(pageLines(items)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH KON TUM',
      'Số: 12/KH-UBND',
      '(bản sao)',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Kon Tum, ngày 5 tháng 3 năm 2024',
      'KẾ HOẠCH',
    ]);
  });

  it('reads columns whose baselines are offset by half a line as columns too', () => {
    const items = [
      at('ỦY BAN NHÂN DÂN', 60, 790),
      at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 783),
      at('TỈNH KON TUM', 60, 772),
      at('Độc lập - Tự do - Hạnh phúc', 300, 765),
      at('Số: 12/KH-UBND', 60, 748),
      at('Kon Tum, ngày 5 tháng 3 năm 2024', 300, 748),
    ];
    expect(pageLines(items)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH KON TUM',
      'Số: 12/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Kon Tum, ngày 5 tháng 3 năm 2024',
    ]);
  });

  it('joins three pieces or more with " | " (a table row)', () => {
    expect(
      pageLines([
        at('1', 60, 500),
        at('Báo cáo', 120, 500),
        at('Sở Nội vụ', 300, 500),
        at('Quý IV', 450, 500),
      ]),
    ).toEqual(['1 | Báo cáo | Sở Nội vụ | Quý IV']);
  });

  it('joins the wrapped lines of a paragraph, not list items nor short lines', () => {
    const full = 'Ủy ban nhân dân tỉnh giao các sở, ngành triển khai thực hiện các nhiệm'; // 70 chars: 60 → 480
    const items = [
      at(full, 60, 600),
      at('vụ sau đây.', 60, 585),
      at(full, 60, 570),
      at('1. Sở Nội vụ chủ trì.', 60, 555),
      at('Ngắn.', 60, 540),
      at('Dòng khác.', 60, 525),
    ];
    expect(pageLines(items)).toEqual([
      `${full} vụ sau đây.`,
      full,
      '1. Sở Nội vụ chủ trì.',
      'Ngắn.',
      'Dòng khác.',
    ]);
  });

  it('drops gazette heads and page numbers on the first and last rows only', () => {
    const items = [
      at('4', 60, 815, 10),
      at('CÔNG BÁO/Số 271/Ngày 12-05-2026', 210, 815, 10),
      at('Điều 2. Quyết định này có hiệu lực.', 60, 790),
      at('5', 60, 770),
      at('Nơi nhận: các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố.', 60, 750),
      at('5', 60, 730),
      at('Báo cáo', 120, 730),
      at('Sở Nội vụ', 300, 730),
      at('- 4 -', 290, 30, 10),
    ];
    expect(pageLines(items)).toEqual([
      'Điều 2. Quyết định này có hiệu lực.',
      '5',
      'Nơi nhận: các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố.',
      '5 | Báo cáo | Sở Nội vụ',
    ]);
  });
});

describe('isRunningHead', () => {
  it.each([
    ['CÔNG BÁO/Số 271/Ngày 12-05-2026', true],
    ['CÔNG BÁO/Số 271 + 272/Ngày 12-05-2026', true],
    ['12 CÔNG BÁO/Số 271/Ngày 12-05-2026', true],
    ['Trang 3', true],
    ['3/12', true],
    ['Số: 12/KH-UBND', false],
    ['CÔNG BÁO số 271 đăng Quyết định', false],
  ])('%s → %s', (text, expected) => {
    expect(isRunningHead(text)).toBe(expected);
  });
});

describe('documentText', () => {
  const full = 'Ủy ban nhân dân tỉnh giao các sở, ngành triển khai thực hiện các nhiệm'; // 60 → 480
  const head = (n: number) => [
    at(String(n), 60, 815, 10),
    at('CÔNG BÁO/Số 271/Ngày 12-05-2026', 210, 815, 10),
  ];
  it('joins a paragraph over a page break, not a new item nor after a short line', () => {
    const pages = [
      [...head(1), at('Mở đầu.', 60, 700), at(full, 60, 685)],
      [...head(2), at('vụ sau đây.', 60, 790), at('1. Sở Nội vụ chủ trì.', 60, 775)],
      [...head(3), at('2. Sở Tài chính.', 60, 790)],
      [...head(4), at(full, 60, 790), at('Ngắn.', 60, 775)],
      [...head(5), at('tiếp theo.', 60, 790)],
    ];
    expect(documentText(pages).split('\n')).toEqual([
      'Mở đầu.',
      `${full} vụ sau đây.`,
      '1. Sở Nội vụ chủ trì.',
      '2. Sở Tài chính.',
      `${full} Ngắn.`,
      'tiếp theo.',
    ]);
  });
});
