// Document openings in forms the seeds do not show (web tables, Party headers, decisions, letters, wrapped
// lines, glued symbols, upper-case titles, a post-2025 commune): header, references and IMPLEMENTS.
import { describe, expect, it } from 'vitest';
import { extractFile, ref, triples } from './helpers.ts';

type RefRow = [
  symbol: string,
  date: string | null,
  type: string,
  level: string,
  branch: string,
  jurisdiction: string | null,
];

interface Opening {
  file: string;
  header: Record<string, unknown>;
  refs: RefRow[];
  implements: string[];
}

const OPENINGS: Opening[] = [
  {
    // A provincial Party programme; header in a Markdown table, title upper-case.
    file: 'party-province-table.md',
    header: {
      symbol: '45-CTr/TU',
      type: 'CHUONG_TRINH',
      date: { value: '2023-03-15' },
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'Bắc Ninh' },
    },
    refs: [['36-NQ/TW', '2023-01-30', 'NGHI_QUYET', 'CENTRAL', 'PARTY', null]],
    implements: ['SELF IMPLEMENTS 36-NQ/TW'],
  },
  {
    // A district Party committee under its provincial Party organisation.
    file: 'party-district.txt',
    header: {
      symbol: '112-KH/HU',
      type: 'KE_HOACH',
      date: { value: '2021-07-05' },
      issuer: { branch: 'PARTY', level: 'DISTRICT', jurisdiction: 'Nghi Lộc', province: 'Nghệ An' },
    },
    refs: [['12-CTr/TU', '2021-04-20', 'CHUONG_TRINH', 'PROVINCE', 'PARTY', 'Nghệ An']],
    implements: [
      'SELF IMPLEMENTS 12-CTr/TU',
      '12-CTr/TU IMPLEMENTS Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII',
    ],
  },
  {
    // A provincial decision: "Căn cứ" and "Theo đề nghị" cite; implementing the strategy implements 569.
    file: 'state-decision.txt',
    header: {
      symbol: '1234/QĐ-UBND',
      type: 'QUYET_DINH',
      date: { value: '2022-04-12' },
      issuer: { branch: 'STATE', level: 'PROVINCE', jurisdiction: 'Thanh Hóa' },
    },
    refs: [
      ['569/QĐ-TTg', '2022-05-11', 'QUYET_DINH', 'CENTRAL', 'STATE', null],
      ['456/TTr-SKHCN', '2022-04-01', 'TO_TRINH', 'PROVINCE', 'STATE', 'Thanh Hóa'],
    ],
    implements: [
      'SELF IMPLEMENTS Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030',
      'SELF IMPLEMENTS 569/QĐ-TTg',
    ],
  },
  {
    // A central decision: "Hà Nội" on the date line is not a jurisdiction; the symbol is glued to it.
    file: 'central-decision.txt',
    header: {
      symbol: '569/QĐ-TTg',
      type: 'QUYET_DINH',
      date: { value: '2022-05-11' },
      issuer: { branch: 'STATE', level: 'CENTRAL', jurisdiction: null },
    },
    refs: [['20-NQ/TW', '2012-11-01', 'NGHI_QUYET', 'CENTRAL', 'PARTY', null]],
    implements: [],
  },
  {
    // A district letter (công văn): no type line, a "V/v" subject line.
    file: 'district-letter.txt',
    header: {
      symbol: '1520/UBND-VP',
      type: 'CONG_VAN',
      date: { value: '2023-03-20' },
      issuer: { branch: 'STATE', level: 'DISTRICT', jurisdiction: 'Đức Trọng', province: 'Lâm Đồng' },
    },
    refs: [
      ['45/KH-UBND', '2023-03-10', 'KE_HOACH', 'PROVINCE', 'STATE', 'Lâm Đồng'],
      ['36-NQ/TW', '2023-01-30', 'NGHI_QUYET', 'CENTRAL', 'PARTY', null],
    ],
    implements: ['SELF IMPLEMENTS 45/KH-UBND', '45/KH-UBND IMPLEMENTS 36-NQ/TW'],
  },
  {
    // A provincial council resolution: year in the symbol, "Xét Tờ trình".
    file: 'council-resolution.txt',
    header: {
      symbol: '15/2022/NQ-HĐND',
      type: 'NGHI_QUYET',
      date: { value: '2022-07-08' },
      issuer: { branch: 'STATE', level: 'PROVINCE', jurisdiction: 'Quảng Ninh' },
    },
    refs: [
      ['163/2016/NĐ-CP', '2016-12-21', 'NGHI_DINH', 'CENTRAL', 'STATE', null],
      ['3456/TTr-UBND', '2022-06-20', 'TO_TRINH', 'PROVINCE', 'STATE', 'Quảng Ninh'],
    ],
    // "163/2016/NĐ-CP … quy định chi tiết thi hành … Luật Ngân sách nhà nước" guides the law: GUIDES, not IMPLEMENTS.
    implements: [],
  },
  {
    // "69-KL/TWngày": a symbol glued to the next word; an upper-case title.
    file: 'glued-uppercase.txt',
    header: {
      symbol: '08-NQ/TU',
      type: 'NGHI_QUYET',
      date: { value: '2022-12-20' },
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'Đắk Lắk' },
    },
    refs: [
      ['69-KL/TW', '2020-01-06', 'KET_LUAN', 'CENTRAL', 'PARTY', null],
      ['11-CT/TW', '2007-06-13', 'CHI_THI', 'CENTRAL', 'PARTY', null],
      ['12-HD/BTGTW', '2020-03-15', 'HUONG_DAN', 'CENTRAL', 'PARTY', null],
    ],
    implements: ['SELF IMPLEMENTS 69-KL/TW', '69-KL/TW IMPLEMENTS 11-CT/TW', 'SELF IMPLEMENTS 12-HD/BTGTW'],
  },
  {
    // A web page table header: issuer and motto cells hold several lines each.
    file: 'web-table.md',
    header: {
      symbol: '123/KH-UBND',
      type: 'KE_HOACH',
      date: { value: '2023-05-10' },
      issuer: { branch: 'STATE', level: 'PROVINCE', jurisdiction: 'Bình Định' },
    },
    refs: [
      ['20-CTr/TU', '2023-04-05', 'CHUONG_TRINH', 'PROVINCE', 'PARTY', 'Bình Định'],
      ['36-NQ/TW', '2023-01-30', 'NGHI_QUYET', 'CENTRAL', 'PARTY', null],
    ],
    implements: ['SELF IMPLEMENTS 20-CTr/TU', '20-CTr/TU IMPLEMENTS 36-NQ/TW'],
  },
  {
    // PDF line wraps inside the title, an issuer phrase and a date; a district name found in ten provinces.
    file: 'split-lines.txt',
    header: {
      symbol: '88/KH-UBND',
      date: { value: '2022-08-02' },
      issuer: { level: 'DISTRICT', jurisdiction: 'Châu Thành', province: 'Tiền Giang' },
    },
    refs: [
      ['150/KH-UBND', '2022-06-15', 'KE_HOACH', 'PROVINCE', 'STATE', 'Tiền Giang'],
      ['02-NQ/TU', '2021-05-10', 'NGHI_QUYET', 'PROVINCE', 'PARTY', 'Tiền Giang'],
    ],
    implements: ['SELF IMPLEMENTS 150/KH-UBND', '150/KH-UBND IMPLEMENTS 02-NQ/TU'],
  },
  {
    // After the 2025 reform: a commune writes directly under the (merged) province.
    file: 'commune-2025.txt',
    header: {
      symbol: '15/KH-UBND',
      date: { value: '2025-08-20' },
      issuer: { branch: 'STATE', level: 'COMMUNE', jurisdiction: 'Ia Tơi', province: 'Quảng Ngãi' },
    },
    refs: [
      ['57-NQ/TW', '2024-12-22', 'NGHI_QUYET', 'CENTRAL', 'PARTY', null],
      ['210/KH-UBND', '2025-08-05', 'KE_HOACH', 'PROVINCE', 'STATE', 'Quảng Ngãi'],
    ],
    implements: ['SELF IMPLEMENTS 57-NQ/TW', '210/KH-UBND IMPLEMENTS 57-NQ/TW'],
  },
  {
    // A provincial Party conclusion: "Sở"-free header, a two-line upper-case title, a "Tại cuộc họp" preamble.
    file: 'party-conclusion.txt',
    header: {
      symbol: '18-KL/TU',
      type: 'KET_LUAN',
      date: { value: '2022-05-12' },
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'Quảng Nam' },
    },
    refs: [
      ['08-NQ/TU', '2017-04-20', 'NGHI_QUYET', 'PROVINCE', 'PARTY', 'Quảng Nam'],
      ['12-KL/TW', '2021-03-15', 'KET_LUAN', 'CENTRAL', 'PARTY', null],
    ],
    implements: ['SELF IMPLEMENTS 08-NQ/TU', 'SELF IMPLEMENTS 12-KL/TW'],
  },
  {
    // A provincial directive: a three-document chain in one sentence.
    file: 'state-directive.txt',
    header: {
      symbol: '25/CT-UBND',
      type: 'CHI_THI',
      date: { value: '2023-10-06' },
      issuer: { branch: 'STATE', level: 'PROVINCE', jurisdiction: 'Bình Phước' },
    },
    refs: [
      ['123/KH-UBND', '2023-05-15', 'KE_HOACH', 'PROVINCE', 'STATE', 'Bình Phước'],
      ['45-CTr/TU', '2023-03-02', 'CHUONG_TRINH', 'PROVINCE', 'PARTY', 'Bình Phước'],
      ['36-NQ/TW', '2023-01-30', 'NGHI_QUYET', 'CENTRAL', 'PARTY', null],
    ],
    implements: [
      'SELF IMPLEMENTS 123/KH-UBND',
      '123/KH-UBND IMPLEMENTS 45-CTr/TU',
      '45-CTr/TU IMPLEMENTS 36-NQ/TW',
    ],
  },
  {
    // A department's decision: "SỞ" (not "Số") heads the issuer block; "về việc ban hành" inside a citation.
    file: 'department-decision.txt',
    header: {
      symbol: '456/QĐ-SKHCN',
      type: 'QUYET_DINH',
      date: { value: '2022-06-01' },
      issuer: {
        name: 'Sở Khoa học và Công nghệ',
        branch: 'STATE',
        level: 'PROVINCE',
        jurisdiction: 'Thừa Thiên Huế',
      },
    },
    refs: [
      ['1234/QĐ-UBND', '2022-05-20', 'QUYET_DINH', 'PROVINCE', 'STATE', 'Thừa Thiên Huế'],
      ['25/2021/QĐ-UBND', '2021-06-10', 'QUYET_DINH', 'PROVINCE', 'STATE', 'Thừa Thiên Huế'],
    ],
    implements: [
      'SELF IMPLEMENTS 1234/QĐ-UBND',
      '1234/QĐ-UBND IMPLEMENTS Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030',
    ],
  },
];

describe.each(OPENINGS)('$file', (o) => {
  const doc = extractFile(`test/fixtures/openings/${o.file}`);
  it('reads the header', () => {
    expect(doc.document).toMatchObject(o.header);
  });
  it.each(o.refs)(
    'finds %s with its date, type and issuer',
    (symbol, date, type, level, branch, jurisdiction) => {
      expect(ref(doc, symbol)).toMatchObject({
        date: date ? { value: date } : null,
        type,
        issuer: { level, branch, jurisdiction },
      });
    },
  );
  it('finds exactly the IMPLEMENTS relations the text states', () => {
    expect(new Set(triples(doc, 'IMPLEMENTS'))).toEqual(new Set(o.implements));
  });
});
