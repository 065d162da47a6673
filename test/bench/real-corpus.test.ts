// Bench `corpus` (bench/real-corpus.ts): the looks-wrong checks and the gold scorer. Tiny hand-written documents
// go through the real extractor against a gold that is partly wrong on purpose, and the scores must come out
// exactly; hand-built extractions pin the scorer's rules (symbol folding, task edges ignored, unnumbered ends).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { GoldDocument, GoldFile } from '../../bench/gold/schema.ts';
import {
  agencyProblem,
  checkDocument,
  headerFacts,
  issuerMatches,
  missingGoldFiles,
  prf,
  scoreDocument,
  symbolKey,
} from '../../bench/real-corpus/score.ts';
import { listInputFiles, main } from '../../bench/real-corpus.ts';
import type { ExtractedDocument, Issuer } from '../../src/model/extraction.ts';

const PLAN = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH BẮC NINH',
  'Số: 12/KH-UBND',
  'Bắc Ninh, ngày 3 tháng 5 năm 2024',
  '',
  'KẾ HOẠCH',
  'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị về phát triển công nghiệp bán dẫn',
  '',
  'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị và Quyết định số 569/QĐ-TTg ngày 11/5/2022 ' +
    'của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:',
  '',
  'I. NHIỆM VỤ',
  '1. Tuyên truyền rộng rãi nội dung Nghị quyết đến cán bộ, đảng viên.',
].join('\n');

const DECISION = [
  'ỦY BAN NHÂN DÂN',
  'HUYỆN YÊN PHONG',
  'Số: 45/QĐ-UBND',
  'Yên Phong, ngày 10 tháng 6 năm 2024',
  '',
  'QUYẾT ĐỊNH',
  'Về việc ban hành Kế hoạch thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh Bắc Ninh',
  '',
  'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN YÊN PHONG',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  'Căn cứ Kế hoạch số 12/KH-UBND ngày 03/5/2024 của Ủy ban nhân dân tỉnh Bắc Ninh;',
  '',
  'QUYẾT ĐỊNH:',
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Kế hoạch số 12/KH-UBND.',
].join('\n');

const NOTICE = [
  'BAN THƯỜNG VỤ TỈNH ỦY',
  'Số: 88-TB/TU',
  'Bắc Ninh, ngày 20 tháng 7 năm 2024',
  '',
  'THÔNG BÁO',
  'Kết luận của Ban Thường vụ Tỉnh ủy về Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị',
  '',
  'Ban Thường vụ Tỉnh ủy yêu cầu tiếp tục thực hiện Chỉ thị số 05-CT/TW.',
].join('\n');

/** Partly wrong on purpose: see the comments; the expected scores below follow from them. */
const GOLD: GoldFile = {
  version: 1,
  corpus: 'three hand-written test documents',
  documents: [
    {
      file: 'a-plan.txt',
      site: 'test',
      symbol: '12/KH-UBND',
      date: '2024-05-03',
      type: 'KE_HOACH',
      issuer: 'UBND tỉnh Bắc Ninh', // not a substring: matches by jurisdiction + level
      level: 'PROVINCE',
      references: [
        { symbol: '36-NQ/TW', date: '2023-01-30', issuer: 'Bộ Chính trị' },
        { symbol: '569/QĐ-TTg', date: '2022-05-12', issuer: 'Thủ tướng Chính phủ' }, // wrong date
        { symbol: '1234/QĐ-TTg' }, // not in the text: a miss
      ],
      implements: [
        { from: 'SELF', to: '36-NQ/TW' },
        { from: 'SELF', to: '569/qđ-ttg' }, // other case: still the same symbol
      ],
    },
    {
      file: 'sub/b-decision.txt',
      site: 'test',
      symbol: '45/QD-UBND', // D for Đ: folds to the same key
      date: '2024-06-01', // wrong
      type: 'QUYET_DINH',
      issuer: 'Ủy ban nhân dân huyện Yên Phong',
      level: 'DISTRICT',
      references: [{ symbol: '12/KH-UBND', date: '2024-05-03', issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh' }],
      implements: [], // wrong: the decision does implement 12/KH-UBND
    },
    {
      file: 'c-notice.md',
      site: 'test',
      symbol: '88-TB/TU',
      date: '2024-07-20',
      type: 'KET_LUAN', // wrong
      issuer: 'Ban Thường vụ Tỉnh ủy', // contained in "Ban Thường vụ Tỉnh ủy Bắc Ninh"
      level: 'PROVINCE',
      references: [{ symbol: '05-CT/TW', date: '2016-05-15', issuer: 'Bộ Chính trị' }],
      implements: [{ from: 'SELF', to: '05-CT/TW' }], // the text only cites it
    },
    {
      file: 'd-missing.txt',
      site: 'test',
      symbol: null,
      date: null,
      type: 'OTHER',
      issuer: null,
      level: null,
      references: [],
      implements: [],
    },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'real-corpus-'));
const corpus = join(dir, 'tiny');
mkdirSync(join(corpus, 'sub'), { recursive: true });
writeFileSync(join(corpus, 'a-plan.txt'), PLAN);
writeFileSync(join(corpus, 'sub', 'b-decision.txt'), DECISION);
writeFileSync(join(corpus, 'c-notice.md'), NOTICE);
writeFileSync(join(corpus, '.hidden.txt'), NOTICE);
writeFileSync(join(corpus, 'notes.json'), '{}');
writeFileSync(join(dir, 'gold.json'), JSON.stringify(GOLD));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const close = (x: number) => Number(x.toFixed(4));

describe('bench corpus end to end', () => {
  it('reads .txt/.md recursively, lists gold files missing from the dir, and scores the rest exactly', async () => {
    expect(listInputFiles(corpus).map((f) => f.slice(corpus.length + 1))).toEqual([
      'a-plan.txt',
      'c-notice.md',
      'sub/b-decision.txt',
    ]);
    const out = join(dir, 'result.json');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    let code: number;
    let printed: string;
    try {
      code = await main(['--dir', corpus, '--gold', join(dir, 'gold.json'), '--out', out, '--verbose']);
    } finally {
      printed = log.mock.calls.map((c) => c.join(' ')).join('\n');
      log.mockRestore();
    }
    expect(code).toBe(1); // d-missing.txt
    expect(printed.split('\n')[0]).toMatch(/^error: 1 gold file\(s\) not in tiny/);
    expect(printed).toContain('reference missed: 1234/QĐ-TTg');

    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.dir).toBe('tiny');
    expect(result.gold.missingFiles).toEqual(['d-missing.txt']);
    expect(result.counts.documents).toBe(3);
    expect(result.counts.symbol).toEqual({ printed: 3, found: 3, foundWhenPrinted: 3 });
    expect(result.counts.date).toEqual({ printed: 3, found: 3, foundWhenPrinted: 3 });
    const t = result.gold.totals;
    expect(t.documents).toBe(3);
    expect([
      t.header.symbol.correct,
      t.header.date.correct,
      t.header.type.correct,
      t.header.issuer.correct,
    ]).toEqual([3, 2, 2, 3]);
    expect(close(t.header.mean)).toBe(close((1 + 2 / 3 + 2 / 3 + 1) / 4));
    // References: 4 found, all in the gold; 5 in the gold.
    expect(t.references).toMatchObject({
      truePositives: 4,
      predicted: 4,
      expected: 5,
      precision: 1,
      recall: 0.8,
    });
    expect(close(t.references.f1)).toBe(close(1.6 / 1.8));
    expect(t.referenceMetadata.date).toMatchObject({ correct: 3, total: 4 });
    expect(t.referenceMetadata.issuer).toMatchObject({ correct: 4, total: 4 });
    // IMPLEMENTS: SELF→36, SELF→569 right; SELF→12/KH-UBND not in gold; SELF→05-CT/TW not found.
    expect(t.implementsEdges).toMatchObject({ truePositives: 2, predicted: 3, expected: 3 });
    expect(close(t.implementsEdges.precision)).toBe(close(2 / 3));
    expect(close(t.implementsEdges.recall)).toBe(close(2 / 3));
    // No document text in the result.
    const json = readFileSync(out, 'utf8');
    expect(json).not.toContain('bán dẫn');
    expect(json).not.toContain('Tuyên truyền');
  });
});

describe('bench corpus --against', () => {
  it('pairs files by path whatever the extension and scores one copy against the other', async () => {
    const other = join(dir, 'other');
    mkdirSync(join(other, 'sub'), { recursive: true });
    // The same plan as .md, with another number: only the symbol disagrees.
    writeFileSync(join(other, 'a-plan.md'), PLAN.replace('12/KH-UBND', '13/KH-UBND'));
    writeFileSync(join(other, 'sub', 'b-decision.txt'), DECISION); // identical
    const out = join(dir, 'against.json');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    let code: number;
    try {
      code = await main(['--dir', corpus, '--against', other, '--out', out]);
    } finally {
      log.mockRestore();
    }
    expect(code).toBe(0);
    const { against } = JSON.parse(readFileSync(out, 'utf8'));
    expect(against.pairs).toBe(2);
    expect(against.unpaired).toEqual(['c-notice.md']);
    expect(against.totals.header.symbol).toMatchObject({ correct: 1, total: 2 });
    expect(against.totals.header.date).toMatchObject({ correct: 2, total: 2 });
    expect(against.totals.references.f1).toBe(1);
    const plan = against.documents.find((d: { file: string }) => d.file === 'a-plan.txt');
    expect(plan.headerMisses).toEqual(['symbol: gold 13/KH-UBND, found 12/KH-UBND']);
  });
});

/** A minimal extraction; fields a test does not set are empty. */
function extraction(part: Partial<ExtractedDocument> & { symbol?: string | null; issuer?: Issuer | null }) {
  const { symbol = null, issuer = null, ...rest } = part;
  const doc: ExtractedDocument = {
    source: 'x.txt',
    extractor: 'test',
    document: {
      symbol,
      type: 'KE_HOACH',
      issuer,
      date: null,
      place: null,
      title: null,
      signer: null,
      signerTitle: null,
    },
    references: [],
    relations: [],
    tasks: [],
    issueDeadlines: [],
    warnings: [],
    ...rest,
  };
  return doc;
}

const ref = (id: string, symbol: string | null): ExtractedDocument['references'][number] => ({
  id,
  symbol,
  name: symbol === null ? 'Nghị quyết Trung ương 2' : null,
  number: null,
  type: 'NGHI_QUYET',
  date: null,
  issuer: null,
  subject: null,
  aliases: [],
  mentions: [],
  promulgatedBy: null,
});

const implementsRel = (from: string, to: string): ExtractedDocument['relations'][number] => ({
  from,
  to,
  type: 'IMPLEMENTS',
  basis: null,
  evidence: { start: 0, end: 0 },
});

const goldDoc = (part: Partial<GoldDocument>): GoldDocument => ({
  file: 'x.txt',
  site: 'test',
  symbol: null,
  date: null,
  type: 'KE_HOACH',
  issuer: null,
  level: null,
  references: [],
  implements: [],
  ...part,
});

describe('looks-wrong checks', () => {
  it('flags a document whose own symbol is among its references', () => {
    const doc = extraction({
      symbol: '12/KH-UBND',
      references: [ref('r1', '36-NQ/TW'), ref('r2', '12/kh-ubnd')],
    });
    expect(checkDocument(doc, { printsSymbol: true, printsDate: false })).toEqual([
      'its own symbol 12/KH-UBND is among its references',
    ]);
    const fine = extraction({ symbol: '12/KH-UBND', references: [ref('r1', '36-NQ/TW')] });
    expect(checkDocument(fine, { printsSymbol: true, printsDate: false })).toEqual([]);
  });

  it('flags a printed number or date the extraction lacks', () => {
    expect(checkDocument(extraction({}), { printsSymbol: true, printsDate: true })).toEqual([
      'a "Số:" line but no symbol',
      'a date line but no date',
    ]);
  });

  it('flags agency names with a verb or more than 12 words', () => {
    expect(agencyProblem('Sở Công Thương chủ trì, phối hợp')).toBe('contains the verb "chủ trì"');
    expect(agencyProblem('Ủy ban nhân dân các huyện, thị xã, thành phố')).toBeNull();
    expect(agencyProblem('Ban hành chính sách khen thưởng đối')).toBe('contains the verb "ban hành"');
    expect(agencyProblem('Thực hiện Kế hoạch')).toBe('contains the verb "thực hiện"');
    expect(agencyProblem('Sở Xây dựng')).toBeNull(); // a proper name, not the verb
    expect(agencyProblem('Ban Xây dựng Đảng')).toBeNull();
    expect(agencyProblem('Sở Tài chính xây dựng dự toán')).toBe('contains the verb "xây dựng"');
    expect(agencyProblem('một hai ba bốn năm sáu bảy tám chín mười mười một')).toBeNull(); // 12 words
    expect(agencyProblem('một hai ba bốn năm sáu bảy tám chín mười mười một mười hai')).toBe('14 words');
  });

  it('reads the number and date lines of a header, not the gazette running head', () => {
    expect(headerFacts(PLAN)).toEqual({ printsSymbol: true, printsDate: true });
    expect(headerFacts('CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024\n\nQUỐC HỘI\nLuật số: 51/2024/QH15\n')).toEqual({
      printsSymbol: true,
      printsDate: false,
    });
    expect(
      headerFacts(
        'CÔNG BÁO/Số 987/Ngày 25-8-2024\nKẾ HOẠCH\nsố 25/2008/QH12 đã được\nngày 01 tháng 3 năm 2018.',
      ),
    ).toEqual({ printsSymbol: false, printsDate: false });
    expect(headerFacts('Số: /KH-UBND\nLào Cai, ngày    tháng 4 năm 2024')).toEqual({
      printsSymbol: false,
      printsDate: true,
    });
  });
});

describe('scorer rules', () => {
  it('folds symbols: case, Đ/đ and spaces', () => {
    expect(symbolKey('569/QĐ-TTg')).toBe(symbolKey('569 / qd-ttg'));
    expect(symbolKey('36-NQ/TW')).not.toBe(symbolKey('36-NQ/TU'));
  });

  it('matches issuers loosely: containment after folding, or jurisdiction and level', () => {
    const province: Issuer = {
      name: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      branch: 'STATE',
      level: 'PROVINCE',
      jurisdiction: 'Bắc Ninh',
      province: null,
      term: null,
    };
    expect(issuerMatches('ủy ban nhân dân tỉnh bắc ninh', null, province)).toBe(true);
    expect(issuerMatches('UBND tỉnh Bắc Ninh', 'PROVINCE', province)).toBe(true);
    expect(issuerMatches('UBND tỉnh Bắc Ninh', null, province)).toBe(true); // level read from "tỉnh"
    expect(issuerMatches('UBND huyện Bắc Ninh', 'DISTRICT', province)).toBe(false);
    expect(issuerMatches('UBND tỉnh Bắc Giang', 'PROVINCE', province)).toBe(false);
    expect(issuerMatches(null, null, province)).toBe(false);
    expect(issuerMatches(null, null, null)).toBe(true);
    // A short form in the gold against the full name found, and the other way round.
    expect(issuerMatches('UBND tỉnh', null, { ...province, jurisdiction: null })).toBe(true);
    expect(issuerMatches('HĐND tỉnh', null, { ...province, jurisdiction: null })).toBe(false);
  });

  it('ignores task edges, counts an unnumbered end as a false positive, maps ids through references', () => {
    const doc = extraction({
      symbol: '1/KH-UBND',
      references: [ref('r1', '36-NQ/TW'), ref('r2', null), ref('r3', '569/QĐ-TTg')],
      relations: [
        implementsRel('SELF', 'r1'),
        implementsRel('SELF', 'r1'), // a duplicate counts once
        implementsRel('r3', 'r1'), // stated inside a citation
        implementsRel('SELF', 'r2'), // reference by name only
        implementsRel('task:I.1', 'r3'), // not scored
      ],
    });
    const gold = goldDoc({
      symbol: '1/KH-UBND',
      references: [{ symbol: '36-NQ/TW' }, { symbol: '569/QĐ-TTg' }, { symbol: '05-CT/TW' }],
      implements: [
        { from: 'SELF', to: '36-NQ/TW' },
        { from: '569/QĐ-TTg', to: '36-NQ/TW' },
        { from: 'SELF', to: '05-CT/TW' },
      ],
    });
    const s = scoreDocument(gold, doc);
    expect(s.references).toMatchObject({ truePositives: 2, predicted: 2, expected: 3, missed: ['05-CT/TW'] });
    expect(s.implementsEdges).toMatchObject({ truePositives: 2, predicted: 3, expected: 3, unnumbered: 1 });
    expect(s.implementsEdges.missed).toEqual(['SELF → 05-CT/TW']);
    expect(s.header).toEqual({ symbol: true, date: true, type: true, issuer: true });
  });

  it('computes precision, recall and F1, with empty sides scoring 1', () => {
    expect(prf(3, 4, 6)).toMatchObject({ precision: 0.75, recall: 0.5, f1: 0.6 });
    expect(prf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(prf(0, 2, 0)).toMatchObject({ precision: 0, recall: 1 });
  });

  it('lists gold files absent from the directory', () => {
    expect(missingGoldFiles(GOLD, ['a-plan.txt', 'sub/b-decision.txt', 'c-notice.md'])).toEqual([
      'd-missing.txt',
    ]);
  });
});
