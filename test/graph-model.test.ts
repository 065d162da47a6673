// Graph model: folding, deterministic ids, edge ids, search text, batch validation and the store's merge rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agencyId,
  DocumentFacts,
  type DocumentFields,
  documentId,
  documentSearchText,
  type EdgeFields,
  edgeId,
  foldText,
  nodeKindOf,
  searchTokens,
  symbolKey,
  taskId,
} from '../src/model/graph.ts';
import { mergeDocumentFields } from '../src/store/apply-plan.ts';
import { allFacts, ID, quangNgaiPlan } from './support/lineage-fixture.ts';

describe('foldText', () => {
  it.each([
    // diacritics, đ and case
    ['Nghị quyết 36-NQ/TW', 'nghi quyet 36 nq tw'],
    ['Đắk Tô', 'dak to'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    // tone mark placement variants fold alike
    ['khoá', 'khoa'],
    ['khóa', 'khoa'],
    // decomposed input (NFD from PDF tools)
    ['Nghị quyết'.normalize('NFD'), 'nghi quyet'],
    // punctuation runs become one space, ends trimmed
    ['  Sở KH&CN, tỉnh  ', 'so kh cn tinh'],
    ["Ia H'Drai", 'ia h drai'],
  ])('%j → %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldText(foldText(s)) === foldText(s)));
  });

  it('splits a query into distinct words', () => {
    expect(searchTokens('Nghị quyết nghi QUYET 36')).toEqual(['nghi', 'quyet', '36']);
    expect(searchTokens(' –, ')).toEqual([]);
  });
});

describe('symbolKey', () => {
  it.each([
    // case variants of one code
    ['57-CTr/TU', '57-ctr/tu'],
    ['57-Ctr/TU', '57-ctr/tu'],
    ['57-CTR/TU', '57-ctr/tu'],
    // Đ folds, spaces vanish, dashes unify
    ['569/QĐ-TTg', '569/qd-ttg'],
    [' 36 - NQ/TW ', '36-nq/tw'],
    ['36–NQ/TW', '36-nq/tw'],
    ['11/2015/TT-BTC', '11/2015/tt-btc'],
  ])('%j → %j', (symbol, key) => {
    expect(symbolKey(symbol)).toBe(key);
  });
});

describe('documentId', () => {
  it.each([
    // symbol + central issuer + date
    [{ symbol: '36-NQ/TW', jurisdiction: null, date: '2023-01-30' }, 'doc:36-nq/tw@central@2023-01-30'],
    // the same symbol with another date is another document
    [{ symbol: '36-NQ/TW', jurisdiction: null, date: '2018-10-22' }, 'doc:36-nq/tw@central@2018-10-22'],
    // year only
    [{ symbol: '36-NQ/TW', jurisdiction: null, date: null, year: 2004 }, 'doc:36-nq/tw@central@2004'],
    // neither: '?'
    [{ symbol: '36-NQ/TW', jurisdiction: null, date: null }, 'doc:36-nq/tw@central@?'],
    // a province's numbering restarts: the jurisdiction is part of the key
    [
      { symbol: '1693/KH-UBND', jurisdiction: 'Kon Tum', date: '2023-06-07' },
      'doc:1693/kh-ubnd@kon-tum@2023-06-07',
    ],
    // month precision kept as printed
    [
      { symbol: null, label: 'KH-UBND 001', jurisdiction: 'Lào Cai', date: '2024-04' },
      'doc:~kh-ubnd-001@lao-cai@2024-04',
    ],
    // a named reference without number
    [
      { symbol: null, label: 'Nghị quyết Trung ương 2 (khóa VIII)', jurisdiction: null, date: null },
      'doc:~nghi-quyet-trung-uong-2-khoa-viii@central@?',
    ],
  ])('%j → %s', (parts, id) => {
    expect(documentId(parts)).toBe(id);
  });

  it('does not depend on case, Unicode form or spacing of its parts', () => {
    const variants = fc.constantFrom('57-CTr/TU', '57-Ctr/TU', '57-CTR/TU', ' 57-CTr/TU');
    const places = fc.constantFrom('Kon Tum', 'kon tum', 'Kon Tum'.normalize('NFD'), 'KON  TUM');
    fc.assert(
      fc.property(variants, places, (symbol, jurisdiction) => {
        expect(documentId({ symbol, jurisdiction, date: '2023-04-28' })).toBe(
          'doc:57-ctr/tu@kon-tum@2023-04-28',
        );
      }),
    );
  });

  it('never yields a task separator, and ids carry their kind', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (label) => {
        fc.pre(foldText(label).length > 0);
        const id = documentId({ symbol: null, label, jurisdiction: null, date: null });
        expect(nodeKindOf(id)).toBe('DOCUMENT');
      }),
    );
  });

  it.each([
    // no symbol and no label
    [{ symbol: null, jurisdiction: null, date: null }],
    // not an ISO date
    [{ symbol: '1/KH', jurisdiction: null, date: '07/6/2023' }],
  ])('refuses %j', (parts) => {
    expect(() => documentId(parts)).toThrow();
  });
});

describe('taskId, agencyId, nodeKindOf, edgeId', () => {
  it('builds task ids from the document id and the key', () => {
    expect(taskId(ID.kh167, 'II.4.d~2')).toBe(`${ID.kh167}#II.4.d~2`);
    expect(taskId(ID.kh167, 'III.6.đ'.normalize('NFD'))).toBe(`${ID.kh167}#III.6.đ`);
    expect(() => taskId(ID.kh167, 'a#b')).toThrow();
    expect(() => taskId(ID.kh167, ' ')).toThrow();
  });

  it.each([
    // printed variants of one canonical name in one jurisdiction: one id
    [
      { name: 'Phòng Kinh tế và Hạ tầng', jurisdiction: "Ia H'Drai" },
      'agency:phong-kinh-te-va-ha-tang@ia-h-drai',
    ],
    [
      { name: 'phòng kinh tế và hạ tầng', jurisdiction: "IA H'DRAI" },
      'agency:phong-kinh-te-va-ha-tang@ia-h-drai',
    ],
    // the same name in two provinces: two agencies
    [
      { name: 'Sở Khoa học và Công nghệ', jurisdiction: 'Kon Tum' },
      'agency:so-khoa-hoc-va-cong-nghe@kon-tum',
    ],
    [
      { name: 'Sở Khoa học và Công nghệ', jurisdiction: 'Quảng Ngãi' },
      'agency:so-khoa-hoc-va-cong-nghe@quang-ngai',
    ],
    // central bodies
    [{ name: 'Bộ Chính trị', jurisdiction: null }, 'agency:bo-chinh-tri@central'],
  ])('agencyId(%j) = %s', (input, id) => {
    expect(agencyId(input)).toBe(id);
  });

  it.each([
    [ID.nq36, 'DOCUMENT'],
    [taskId(ID.nq36, 'I.1'), 'TASK'],
    ['agency:bo-chinh-tri@central', 'AGENCY'],
    ['something-else', null],
  ])('nodeKindOf(%s) = %s', (id, kind) => {
    expect(nodeKindOf(id)).toBe(kind);
  });

  it('gives one edge id per asserting document, role and basis', () => {
    const provenance = {
      assertedBy: ID.kh1693,
      source: 's',
      evidence: { start: 0, end: 1 },
      method: 'STATED' as const,
      confidence: 1,
      extractorVersion: 'x',
    };
    const e: EdgeFields = { type: 'IMPLEMENTS', from: ID.ctr57, to: ID.nq36, provenance };
    const other: EdgeFields = { ...e, provenance: { ...provenance, assertedBy: ID.iaHDrai } };
    expect(edgeId(e)).not.toBe(edgeId(other));
    expect(edgeId(e)).toBe(edgeId({ ...e, provenance: { ...provenance, evidence: { start: 5, end: 9 } } }));
    const lead: EdgeFields = {
      type: 'ASSIGNS',
      from: `${ID.kh1693}#I`,
      to: 'agency:a@central',
      role: 'LEAD',
      provenance,
    };
    expect(edgeId(lead)).not.toBe(edgeId({ ...lead, role: 'COORDINATOR' }));
  });
});

describe('documentSearchText', () => {
  it('holds folded symbol, type word, title, issuer and year, space-padded', () => {
    const [plan] = allFacts();
    const text = documentSearchText({
      ...(plan?.mentioned.find((m) => m.id === ID.nq36) as DocumentFields),
    });
    expect(text.startsWith(' 36 nq tw nghi quyet bo chinh tri ')).toBe(true);
    expect(text.endsWith(' 2023 ')).toBe(true);
  });
});

describe('DocumentFacts', () => {
  it('accepts every fixture batch', () => {
    for (const facts of allFacts()) expect(DocumentFacts.safeParse(facts).success).toBe(true);
  });

  it('reports where a batch is wrong', () => {
    const facts = quangNgaiPlan();
    const spoiled = {
      ...facts,
      tasks: facts.tasks.map((t, i) => (i === 0 ? { ...t, id: `${ID.kh1693}#II.4` } : t)),
      edges: facts.edges.map((e, i) => (i === 0 ? { ...e, to: ID.nq36 } : e)),
    };
    const result = DocumentFacts.safeParse(spoiled);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('tasks.0.id');
    expect(paths).toContain('edges.0.to');
  });
});

describe('merge rules (store)', () => {
  const base: DocumentFields = {
    id: ID.kh1693,
    symbol: null,
    type: 'KE_HOACH',
    issuerName: 'Ủy ban nhân dân tỉnh Kon Tum',
    branch: 'STATE',
    level: 'PROVINCE',
    jurisdiction: 'Kon Tum',
    province: 'Kon Tum',
    dateValue: null,
    dateText: null,
    dateValid: true,
    year: null,
    title: 'Kế hoạch',
    subject: null,
    promulgates: null,
    signer: 'Nguyễn Hữu Tháp',
  };
  const citation: DocumentFields = {
    ...base,
    symbol: '1693/KH-UBND',
    issuerName: 'UBND tỉnh',
    dateValue: '2023-06-07',
    dateText: '07/6/2023',
    year: 2023,
    title: null,
    signer: null,
    subject: 'triển khai thực hiện Chương trình số 57-CTr/TU',
  };

  it('the primary side wins where it has a value; the other fills gaps', () => {
    expect(mergeDocumentFields(base, citation)).toMatchObject({
      symbol: '1693/KH-UBND',
      issuerName: 'Ủy ban nhân dân tỉnh Kon Tum',
      dateValue: '2023-06-07',
      year: 2023,
      title: 'Kế hoạch',
      subject: 'triển khai thực hiện Chương trình số 57-CTr/TU',
    });
  });

  it('moves the date fields as one group (a value never pairs with another text or validity)', () => {
    const impossible = { ...base, dateValue: null, dateText: '31/6/2022', dateValid: false };
    expect(mergeDocumentFields(impossible, citation)).toMatchObject({
      dateValue: null,
      dateText: '31/6/2022',
      dateValid: false,
    });
  });

  it('a type of OTHER never overrides a known one', () => {
    expect(mergeDocumentFields({ ...base, type: 'OTHER' }, citation).type).toBe('KE_HOACH');
  });
});
