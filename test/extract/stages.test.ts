// Table tests for the pipeline's small stages: each row one case a wrong program would get wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssignment } from '../../src/pipeline/extract/agencies.ts';
import { dateAt, findDates } from '../../src/pipeline/extract/dates.ts';
import { findRecurringDuty, parseDeadline } from '../../src/pipeline/extract/deadlines.ts';
import { issuerFromCode, parseIssuerPhrase } from '../../src/pipeline/extract/issuers.ts';
import { findSymbols } from '../../src/pipeline/extract/symbols.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { fold, nameKey, toneKey } from '../../src/text/fold.ts';
import { seedPath } from './helpers.ts';

describe('symbols', () => {
  it.each([
    ['Nghị quyết số 36-NQ/TW ngày', '36-NQ/TW', 'NGHI_QUYET'], // Party shape
    ['Quyết định số 569/QĐ-TTg', '569/QĐ-TTg', 'QUYET_DINH'], // State shape
    ['Thông tư số 11/2015/TT-BTC', '11/2015/TT-BTC', 'THONG_TU'], // legal normative: year
    ['Văn bản số 938/BKH-CN-KHTC', '938/BKH-CN-KHTC', 'CONG_VAN'], // letter: no type code
    ['số 04-Ctr/TU', '04-CTr/TU', 'CHUONG_TRINH'], // case variant Ctr
    ['SỐ 57-CTR/TU', '57-CTr/TU', 'CHUONG_TRINH'], // case variant CTR
    ['số 12-QĐi/TW', '12-QĐi/TW', 'QUY_DINH'], // Party regulation code
    ['số 802-CV/VPTU', '802-CV/VPTU', 'CONG_VAN'], // office issuer
    ['số 1667/TTr-SKHCN', '1667/TTr-SKHCN', 'TO_TRINH'],
    ['Luật số 83/2015/QH13', '83/2015/QH13', 'LUAT'],
    ['số 167/KH-UBNDngày 29', '167/KH-UBND', 'KE_HOACH'], // glued lower-case word
    ['Số: 569/QĐ-TTgHà Nội', '569/QĐ-TTg', 'QUYET_DINH'], // glued capitalised word after a mixed-case code
    ['Kết luận số69-KL/TW', '69-KL/TW', 'KET_LUAN'], // glued to "số"
    ['số 123 /QĐ - UBND', '123/QĐ-UBND', 'QUYET_DINH'], // spaces inside
    ['số 15/2022/NQ-HĐND', '15/2022/NQ-HĐND', 'NGHI_QUYET'],
    ['số 36-\nNQ/TW ngày', '36-NQ/TW', 'NGHI_QUYET'], // a line wrapped inside the symbol
    ['số 167/KH-\nUBND ngày', '167/KH-UBND', 'KE_HOACH'],
  ])('%s → %s', (text, canonical, type) => {
    const [m] = findSymbols(text);
    expect(m?.canonical).toBe(canonical);
    expect(m?.type).toBe(type);
  });
  it.each([
    ['ngày 15/8/2023'], // a date
    ['giai đoạn 2021-2025'], // a period
    ['đạt 2/3 số đại biểu'], // a fraction
    ['500 lượt/ngày'], // a rate
    ['Sở KH-CN&ĐMST'], // an abbreviation
    ['Mã số thuế 0123/abc'], // lower-case after the slash
    ['tỷ lệ 30/\nNăm sau'], // one capital letter is not a code
  ])('%s has no symbol', (text) => {
    expect(findSymbols(text)).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['ngày 15/8/2023', '2023-08-15', true],
    ['ngày 03 tháng 12 năm 2020', '2020-12-03', true],
    ['ngày  tháng 4 năm 2024', '2024-04', true], // blank day: month precision
    ['ngày ... tháng ... năm 2024', '2024', true], // blank day and month: year precision
    ['ngày 31/6/2022', null, false], // impossible: kept, invalid
    ['ngày 29/02/2023', null, false], // not a leap year
    ['ngày 29/02/2024', '2024-02-29', true],
    ['ngày 30.01.2023', '2023-01-30', true],
    ['ngày 30 tháng 01\nnăm 2023', '2023-01-30', true], // wrapped line
  ])('%s → %s', (text, value, valid) => {
    const d = dateAt(fold(text), text, 0);
    expect(d?.date.value).toBe(value);
    expect(d?.date.valid).toBe(valid);
  });
  it('keeps the text of an impossible date as written', () => {
    const [d] = findDates(fold('trước ngày 31/6/2022.'), 'trước ngày 31/6/2022.');
    expect(d?.date).toEqual({ text: '31/6/2022', value: null, valid: false });
  });
});

describe('deadlines', () => {
  it.each([
    ['Thường xuyên.', 'ONGOING', null],
    ['Hoàn thành trong quý II/2023', 'BY_QUARTER', '2023-Q2'],
    ['Quý 4 năm 2024', 'BY_QUARTER', '2024-Q4'],
    ['hoàn thành trước ngày 31/3/2022', 'BY_DATE', '2022-03-31'],
    ['Trước ngày 31/6/2022', 'BY_DATE', null], // impossible: no value, never 1 July
    ['Thường xuyên hàng năm', 'RECURRING', null],
    ['Định kỳ hàng năm trước ngày 05/12', 'RECURRING', '--12-05'],
    ['Bắt đầu từ ngày 18/5/2022', 'START', '2022-05-18'],
    ['Năm 2025', 'BY_DATE', '2025'],
    ['Theo yêu cầu của cấp trên', 'UNKNOWN', null],
  ])('%s → %s %s', (text, kind, value) => {
    expect(parseDeadline(text)).toMatchObject({ kind, value });
  });
  it('finds a yearly report inside running text', () => {
    const d = findRecurringDuty('gửi báo cáo về Sở Tài chính trước ngày 20 tháng 11 hằng năm để tổng hợp');
    expect(d).toMatchObject({ kind: 'RECURRING', value: '--11-20', recurrence: 'YEARLY' });
  });
});

describe('issuers', () => {
  const kontum = { province: 'Kon Tum', district: "Ia H'Drai" };
  it.each([
    ['Ủy ban nhân dân tỉnh Kon Tum', 'STATE', 'PROVINCE', 'Kon Tum'],
    ['UBND tỉnh', 'STATE', 'PROVINCE', 'Kon Tum'], // the writer's own province
    ['Ban Thường vụ Tỉnh ủy', 'PARTY', 'PROVINCE', 'Kon Tum'],
    ['Huyện ủy', 'PARTY', 'DISTRICT', "Ia H'Drai"],
    ['Bộ Chính trị (khóa X)', 'PARTY', 'CENTRAL', null],
    ['Ban Bí thư', 'PARTY', 'CENTRAL', null],
    ['Thủ tướng Chính phủ', 'STATE', 'CENTRAL', null],
    ['Bộ Khoa học và Công nghệ', 'STATE', 'CENTRAL', null],
    ['UBND thành phố Hà Nội', 'STATE', 'PROVINCE', 'Hà Nội'], // a centrally-run city
    ['UBND thành phố Kon Tum', 'STATE', 'DISTRICT', 'Kon Tum'], // a provincial city
    ['Uỷ ban nhân dân huyện Ia H’Drai', 'STATE', 'DISTRICT', "Ia H'Drai"], // old tone placement, curly apostrophe
    ['Sở Tài chính', 'STATE', 'PROVINCE', 'Kon Tum'],
  ])('%s', (phrase, branch, level, jurisdiction) => {
    expect(parseIssuerPhrase(phrase, kontum)).toMatchObject({ branch, level, jurisdiction });
  });
  it('keeps the Party term', () => {
    expect(parseIssuerPhrase('Bộ Chính trị khoá XII', kontum)?.term).toBe('XII');
  });
  it.each([
    ['TW', 'PARTY', 'CENTRAL'],
    ['TU', 'PARTY', 'PROVINCE'],
    ['TTg', 'STATE', 'CENTRAL'],
    ['BKH-CN-KHTC', 'STATE', 'CENTRAL'],
    ['BTGTW', 'PARTY', 'CENTRAL'],
    ['HU', 'PARTY', 'DISTRICT'],
  ])('code %s', (code, branch, level) => {
    expect(issuerFromCode(code, kontum)).toMatchObject({ branch, level });
  });
});

describe('assignments', () => {
  const ctx = { place: { province: 'Quảng Ngãi', district: null }, writerLevel: 'PROVINCE' as const };
  const parse = (s: string) => {
    const n = normalize(s);
    const a = parseAssignment(n, 0, s.length, ctx);
    return {
      lead: a.lead.map((x) => x.name),
      coordinators: a.coordinators.map((x) => x.name),
      groups: a.groups,
    };
  };
  it.each([
    [
      'Sở Tài chính chủ trì, phối hợp với Sở Nội vụ, Kho bạc Nhà nước tỉnh và các đơn vị có liên quan tham mưu thực hiện.',
      {
        lead: ['Sở Tài chính'],
        coordinators: ['Sở Nội vụ', 'Kho bạc Nhà nước tỉnh'],
        groups: ['các đơn vị có liên quan'],
      },
    ],
    [
      'Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Khoa học và Công nghệ triển khai.', // commas inside a name
      { lead: ['Sở Văn hóa, Thể thao và Du lịch'], coordinators: ['Sở Khoa học và Công nghệ'], groups: [] },
    ],
    [
      'Các sở, ban ngành thuộc tỉnh, Ủy ban nhân dân các huyện, thành phố.', // groups, not agencies
      {
        lead: [],
        coordinators: [],
        groups: ['Các sở, ban ngành thuộc tỉnh', 'Ủy ban nhân dân các huyện, thành phố'],
      },
    ],
    [
      'Sở KH&CN chủ trì phối hợp Sở TN&MT', // abbreviations expand
      { lead: ['Sở Khoa học và Công nghệ'], coordinators: ['Sở Tài nguyên và Môi trường'], groups: [] },
    ],
    [
      'Giám đốc Sở Y tế chủ trì', // a title before the agency
      { lead: ['Sở Y tế'], coordinators: [], groups: [] },
    ],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('normalisation', () => {
  it('folds case, diacritics and đ without changing the length', () => {
    const s = 'Nghị Quyết ĐẢNG “khoá” – Ủy';
    expect(fold(s)).toBe('nghi quyet dang "khoa" - uy');
    expect(fold(s).length).toBe(s.length);
  });
  it.each([
    ['khoá', 'khóa'],
    ['hoà', 'hòa'],
    ['Uỷ ban', 'Ủy ban'],
  ])('tone placement: %s = %s', (a, b) => {
    expect(toneKey(a)).toBe(toneKey(b));
    expect(nameKey(a)).toBe(nameKey(b));
  });
  it('maps offsets of NFD input back to the original text', () => {
    const original = 'Nghị quyết số 36-NQ/TW'.normalize('NFD');
    const n = normalize(original);
    const at = n.text.indexOf('36-NQ/TW');
    expect(original.slice(n.toOriginal(at), n.toOriginal(at + 8))).toBe('36-NQ/TW');
  });
  it('blanks Markdown and HTML noise without moving offsets', () => {
    const s = '** Đơn vị thực hiện:* Sở Y tế<sup>1</sup> | a |';
    const n = normalize(s);
    expect(n.text.length).toBe(s.length);
    expect(n.text).not.toMatch(/[*|<>]/);
    expect(n.text).toContain('⁽1⁾');
  });
});

describe('NFD input', () => {
  it.each(['000', '003', '004'])('seed %s extracts the same facts as NFC', (prefix) => {
    const text = readFileSync(new URL(`../../${seedPath(prefix)}`, import.meta.url), 'utf8');
    const facts = (t: string) => {
      const d = extractDocument(t);
      return {
        document: d.document,
        references: d.references.map(({ mentions: _m, ...r }) => r),
        relations: d.relations.map(({ evidence: _e, ...r }) => r),
        tasks: d.tasks.map((t2) => [t2.key, t2.lead.map((a) => a.name), t2.deadline?.value ?? null]),
      };
    };
    const nfd = text.normalize('NFD');
    expect(nfd).not.toBe(text);
    expect(facts(nfd)).toEqual(facts(text));
    // Offsets point into the NFD original: a mention slices to a citation there too.
    const d = extractDocument(nfd);
    const m = d.references[0]?.mentions[0];
    expect(m && nfd.slice(m.start, m.end).normalize('NFC').length).toBeGreaterThan(3);
  });
});

describe('laws named without a number', () => {
  const namedLaws = (text: string) =>
    extractDocument(text, { source: 'x.txt' })
      .references.filter((r) => r.symbol === null)
      .map((r) => r.name);
  it.each([
    // A PDF-to-text copy wraps the name: a lower-case word on the next line goes on with it.
    ['theo quy định tại Điều 40 Luật Ngân\nsách nhà nước và các văn bản khác.', 'Luật Ngân sách nhà nước'],
    // "số" inside the name ("Dân số") is not the number word; the one before the number is.
    ['Căn cứ Luật Dân số ngày 10 tháng 12 năm 2025;', 'Luật Dân số'],
    // A capital after the line break starts something else.
    ['Căn cứ Luật Đầu tư\nCăn cứ Nghị định số 31/2021/NĐ-CP;', 'Luật Đầu tư'],
    // Words after the name ("như sau", "thuộc …", "kể từ") are not part of it.
    ['biện pháp thi hành Luật Chuyển giao công nghệ như sau:', 'Luật Chuyển giao công nghệ'],
    ['thủ tục thi hành Luật Xuất bản thuộc thẩm quyền của Bộ', 'Luật Xuất bản'],
  ])('%j names %s', (text, name) => {
    expect(namedLaws(text)).toEqual([name]);
  });
  it('a law named before its number is one reference, and its bare name later joins it', () => {
    const doc = extractDocument('Căn cứ Luật Đất đai số 31/2024/QH15;\nTheo Luật Đất đai quy định thì …\n', {
      source: 'x.txt',
    });
    expect(doc.references.map((r) => [r.symbol, r.mentions.length])).toEqual([['31/2024/QH15', 2]]);
  });
  it('the bare name of two numbered laws (2013 and 2024) binds to neither', () => {
    const doc = extractDocument(
      'Căn cứ Luật Đất đai số 45/2013/QH13 và Luật Đất đai số 31/2024/QH15;\nTheo Luật Đất đai thì …; Luật Đất đai quy định\n',
      { source: 'x.txt' },
    );
    expect(doc.references.map((r) => [r.symbol ?? r.name, r.mentions.length])).toEqual([
      ['45/2013/QH13', 1],
      ['31/2024/QH15', 1],
      ['Luật Đất đai', 2],
    ]);
  });
  it('"Luật Dân số số 113/2025/QH15" is the numbered law, not a law named "Luật Dân"', () => {
    const doc = extractDocument('Căn cứ Luật Dân số số 113/2025/QH15;', { source: 'x.txt' });
    expect(doc.references.map((r) => r.symbol ?? r.name)).not.toContain('Luật Dân');
    expect(doc.references.map((r) => r.symbol)).toContain('113/2025/QH15');
  });
});

describe('guiding is not implementing', () => {
  const relations = (text: string) => {
    const doc = extractDocument(text, { source: 'x.txt' });
    const label = (id: string) => {
      const r = doc.references.find((x) => x.id === id);
      return r ? (r.symbol ?? r.name ?? id) : id;
    };
    return doc.relations
      .filter((r) => r.type !== 'CITES')
      .map((r) => `${label(r.from)} ${r.type} ${label(r.to)}`);
  };
  const PREAMBLE =
    'ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 50/2019/NQ-HĐND\nBình Định, ngày 11 tháng 12 năm 2019\n\nNGHỊ QUYẾT\n';
  it.each([
    [
      'Căn cứ Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 năm 2016 của Chính phủ quy định chi tiết thi hành một số điều của Luật Ngân sách nhà nước;',
      '163/2016/NĐ-CP GUIDES Luật Ngân sách nhà nước',
    ],
    [
      'Căn cứ Nghị định số 41/2026/NĐ-CP quy định chi tiết một số điều và biện\npháp thi hành Luật Thủy sản;',
      '41/2026/NĐ-CP GUIDES Luật Thủy sản',
    ],
    [
      'Căn cứ Nghị định số 75/2006/NĐ-CP ngày 02 tháng 8 năm 2006 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Giáo dục;',
      '75/2006/NĐ-CP GUIDES Luật Giáo dục',
    ],
  ])('%j', (sentence, relation) => {
    expect(relations(`${PREAMBLE}${sentence}\n`)).toEqual([relation]);
  });
  it('"hướng dẫn thực hiện" is implementing (DOMAIN §6)', () => {
    const sentence =
      'Căn cứ Quyết định số 810/QĐ-UBND ngày 5/3/2022 của UBND tỉnh ban hành Quy định hướng dẫn thực hiện Nghị quyết số 12/2021/NQ-HĐND;';
    expect(relations(`${PREAMBLE}${sentence}\n`)).toEqual(['810/QĐ-UBND IMPLEMENTS 12/2021/NQ-HĐND']);
  });
  it('"triển khai thi hành Luật" still implements it', () => {
    expect(relations(`${PREAMBLE}KẾ HOẠCH\nTriển khai thi hành Luật Thủ đô số 39/2024/QH15\n`)).toEqual([
      'SELF IMPLEMENTS 39/2024/QH15',
    ]);
  });
});

describe('congress resolutions and parallel clauses', () => {
  it.each([
    // The body after the number: the city's congress, not the national one.
    [
      'Thực hiện Nghị quyết Đại hội đại biểu lần thứ XV Đảng bộ Thành phố nhiệm kỳ 2020-2025;',
      'Nghị quyết Đại hội đại biểu Đảng bộ Thành phố lần thứ XV',
      'Ban Chấp hành Đảng bộ thành phố',
    ],
    [
      'Thực hiện Nghị quyết Đại hội XIII của Đảng;',
      'Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII',
      'Ban Chấp hành Trung ương Đảng',
    ],
  ])('%j', (text, name, issuer) => {
    const [ref] = extractDocument(`${text}\n`, { source: 'x.txt' }).references;
    expect([ref?.name, ref?.issuer?.name]).toEqual([name, issuer]);
  });
  it('"thực hiện A, thực hiện B": the document implements both, A does not implement B', () => {
    const doc = extractDocument(
      'ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 50/KH-UBND\nBình Định, ngày 11 tháng 12 năm 2019\n\nKẾ HOẠCH\nChuyển đổi số năm 2024\n\nNhằm từng bước thực hiện Chiến lược quốc gia về chuyển đổi số đến năm 2030, thực hiện Chỉ thị số 22/CT-TTg ngày 10/5/2023 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n',
      { source: 'x.txt' },
    );
    const label = (id: string) => {
      const r = doc.references.find((x) => x.id === id);
      return r ? (r.symbol ?? r.name ?? id) : id;
    };
    expect(
      doc.relations.filter((r) => r.type === 'IMPLEMENTS').map((r) => `${label(r.from)} → ${label(r.to)}`),
    ).toEqual(['SELF → Chiến lược quốc gia về chuyển đổi số đến năm 2030', 'SELF → 22/CT-TTg']);
  });
});

describe('issuers after "của"', () => {
  it.each([
    // A minister's title wrapped before the ministry's name; a dash inside the ministry's name.
    [
      'Căn cứ Thông tư số 57/2015/TT-BLĐTBXH ngày 25/12/2015 của Bộ trưởng\nBộ Lao động - Thương binh và Xã hội;',
      'Bộ Lao động - Thương binh và Xã hội',
    ],
    [
      'Căn cứ Thông tư số 57/2015/TT-BLĐTBXH của Bộ trưởng Bộ Lao động - Thương binh và Xã hội;',
      'Bộ Lao động - Thương binh và Xã hội',
    ],
    // A verb of validity ends it ("Bộ Công Thương sửa đổi …").
    [
      'Căn cứ Thông tư số 20/2016/TT-BCT của Bộ trưởng Bộ Công Thương sửa đổi Thông tư số 12/2015/TT-BCT;',
      'Bộ Công Thương',
    ],
  ])('%j', (text, issuer) => {
    expect(extractDocument(`${text}\n`, { source: 'x.txt' }).references[0]?.issuer?.name).toBe(issuer);
  });
});
