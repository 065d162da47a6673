// Openings in the shapes real web copies take (DOMAIN §6), written for these tests: header cells broken
// into lines, "Số:" alone, wrapped place/date lines, markdown emphasis, title-citation first lines, news
// copies, legal-library metadata tables, escape sequences, glued words, "TƯ" and the letter O in a year.
import { describe, expect, it } from 'vitest';
import { extractFile, triples } from './helpers.ts';

interface Shape {
  file: string;
  header: Record<string, unknown>;
  refs: string[];
  implements: string[];
}

const SHAPES: Shape[] = [
  {
    // Table cells as lines, "Số:" alone, the date wrapped after "ngày 05"; a list of implemented documents
    // with a relation stated inside a citation ("50/NQ-CP … ban hành Chương trình hành động thực hiện 52").
    file: 'table-broken-cells.md',
    header: {
      symbol: '145/KH-UBND',
      type: 'KE_HOACH',
      date: { value: '2021-07-05' },
      issuer: { level: 'PROVINCE', jurisdiction: 'Thái Bình' },
    },
    refs: ['52-NQ/TW', '50/NQ-CP'],
    implements: ['SELF IMPLEMENTS 52-NQ/TW', 'SELF IMPLEMENTS 50/NQ-CP', '50/NQ-CP IMPLEMENTS 52-NQ/TW'],
  },
  {
    // The number on the line after "Số:", the place line in emphasis, the type word split over two lines.
    file: 'number-on-next-line.md',
    header: {
      symbol: '98/KH-UBND',
      type: 'KE_HOACH',
      date: { value: '2024-03-12' },
      issuer: { level: 'DISTRICT', jurisdiction: 'Đông Hưng' },
    },
    refs: ['145/KH-UBND'],
    implements: ['SELF IMPLEMENTS 145/KH-UBND'],
  },
  {
    // No header: the first line is the document's own title-citation, not a reference.
    file: 'title-citation-first-line.md',
    header: {
      symbol: '12-KH/TU',
      type: 'KE_HOACH',
      date: { value: '2022-05-03' },
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'Hải Dương' },
    },
    refs: ['29-NQ/TW'],
    implements: ['SELF IMPLEMENTS 29-NQ/TW'],
  },
  {
    // A news copy: a headline, then "Bộ Y tế đã ban hành Kế hoạch số …"; literal "\r\n" and "&nbsp;".
    file: 'news-portal-escapes.md',
    header: {
      symbol: '300/KH-BYT',
      type: 'KE_HOACH',
      date: { value: '2024-03-15' },
      issuer: { name: 'Bộ Y tế', level: 'CENTRAL' },
    },
    refs: ['25-CT/TW'],
    implements: ['SELF IMPLEMENTS 25-CT/TW'],
  },
  {
    // A portal page dated by its posting line (weekday and clock time): the document's date is the body's.
    file: 'portal-posting-line.md',
    header: {
      symbol: '42/KH-UBND',
      type: 'KE_HOACH',
      date: { value: '2024-03-05' },
      issuer: { level: 'PROVINCE', jurisdiction: 'Hải Phòng' },
    },
    refs: ['57-NQ/TW'],
    implements: ['SELF IMPLEMENTS 57-NQ/TW'],
  },
  {
    // A Party header with the province and the place broken over two lines.
    file: 'party-place-split.md',
    header: {
      symbol: '45-CTr/TU',
      type: 'CHUONG_TRINH',
      date: { value: '2018-01-24' },
      place: 'Bình Dương',
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'Bình Dương' },
    },
    refs: ['18-NQ/TW'],
    implements: ['SELF IMPLEMENTS 18-NQ/TW'],
  },
  {
    // "ngày22", "năm 2O21" (letter O), a glued "Chính phủngày".
    file: 'glued-and-letter-o.txt',
    header: { symbol: '06/2021/TT-BTC', type: 'THONG_TU', date: { value: '2021-01-22' } },
    refs: ['15/2020/NĐ-CP', '83/2015/QH13', '87/2017/NĐ-CP'],
    // "Hướng dẫn thi hành Nghị định số 15/2020/NĐ-CP": the circular guides the decree (GUIDES, validity.ts).
    implements: [],
  },
  {
    // A legal library's metadata table above the text, with no printed header.
    file: 'library-metadata.md',
    header: {
      symbol: '77/KH-UBND',
      type: 'KE_HOACH',
      date: { value: '2024-03-14' },
      issuer: { level: 'PROVINCE', jurisdiction: 'Hòa Bình' },
    },
    refs: ['749/QĐ-TTg'],
    implements: ['SELF IMPLEMENTS 749/QĐ-TTg'],
  },
  {
    // "TƯ": a provincial committee's own number mis-typed for TU; a central body's code TW in a citation.
    file: 'party-tu-code.md',
    header: {
      symbol: '88-KL/TU',
      type: 'KET_LUAN',
      date: { value: '2022-06-09' },
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'Hà Tĩnh' },
    },
    refs: ['05-CT/TW'],
    implements: ['SELF IMPLEMENTS 05-CT/TW'],
  },
  {
    // A news copy dated in its lead ("Ngày 20/10/2016, Tỉnh ủy … đã ban hành Chương trình số …") above the text.
    file: 'news-dated-lead.md',
    header: {
      symbol: '15-CTr/TU',
      type: 'CHUONG_TRINH',
      date: { value: '2016-10-20' },
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'Quảng Bình' },
    },
    refs: ['05-CT/TW'],
    implements: ['SELF IMPLEMENTS 05-CT/TW'],
  },
  {
    // An old official copy: "CHỈ THỊ / CỦA THỦ / TƯỚNG CHÍNH PHỦ SỐ … / NGÀY …", the code in capitals.
    file: 'old-official-title.md',
    header: {
      symbol: '09/2003/CT-TTg',
      type: 'CHI_THI',
      date: { value: '2003-04-15' },
      issuer: { name: 'Thủ tướng Chính phủ', level: 'CENTRAL' },
    },
    refs: ['02/2003/NQ-CP'],
    implements: ['SELF IMPLEMENTS 02/2003/NQ-CP'],
  },
  {
    // Page source copied whole: paragraphs and table cells as tags, the header inside a table.
    file: 'page-source-html.md',
    header: {
      symbol: '33/KH-UBND',
      type: 'KE_HOACH',
      date: { value: '2019-02-08' },
      issuer: { level: 'PROVINCE', jurisdiction: 'Bắc Giang' },
    },
    refs: ['1719/QĐ-TTg'],
    implements: ['SELF IMPLEMENTS 1719/QĐ-TTg'],
  },
  {
    // A PDF copy that lost its hyphens ("QĐUBND", "NĐCP"); a slash typed for the hyphen after "TTLT".
    file: 'lost-hyphens.txt',
    header: {
      symbol: '512/QĐ-UBND',
      type: 'QUYET_DINH',
      date: { value: '2020-04-10' },
      issuer: { level: 'PROVINCE', jurisdiction: 'Hậu Giang' },
    },
    refs: ['61/2018/NĐ-CP', '183/2010/TTLT-BTC-BNN'],
    implements: [],
  },
];

describe.each(SHAPES)('$file', (s) => {
  const doc = extractFile(`test/fixtures/web-shapes/${s.file}`);
  it('reads the header', () => {
    expect(doc.document).toMatchObject(s.header);
  });
  it('lists exactly the documents it cites, never itself', () => {
    const symbols = doc.references.map((r) => r.symbol).filter((x): x is string => x !== null);
    expect(new Set(symbols)).toEqual(new Set(s.refs));
  });
  it('finds exactly the IMPLEMENTS relations the text states', () => {
    expect(new Set(triples(doc, 'IMPLEMENTS'))).toEqual(new Set(s.implements));
  });
});
