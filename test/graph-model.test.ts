// Graph model: folding, deterministic ids, edge ids, search text, batch validation and the store's merge rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agencyId,
  DocumentFacts,
  type DocumentFields,
  documentId,
  documentIdKeys,
  documentSearchText,
  type EdgeFields,
  edgeId,
  emptyDocumentFields,
  foldText,
  type GraphEdge,
  nodeKindOf,
  searchTokens,
  symbolKey,
  taskId,
  withEdgeId,
} from '../src/model/graph.ts';
import { documentNode, mergeDocumentFields } from '../src/store/apply-plan.ts';
import { planMerge } from '../src/store/merge-plan.ts';
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

describe('documentIdKeys', () => {
  it.each([
    // symbol, central, full date
    [
      { symbol: '569/QĐ-TTg', jurisdiction: null, date: '2022-05-11' },
      { symbolKey: '569/qd-ttg', jurisdictionKey: 'central', dateValue: '2022-05-11', year: 2022 },
    ],
    // undated placeholder
    [
      { symbol: '569/QĐ-TTg', jurisdiction: null, date: null },
      { symbolKey: '569/qd-ttg', jurisdictionKey: 'central', dateValue: null, year: null },
    ],
    // year only
    [
      { symbol: '36-NQ/TW', jurisdiction: null, date: null, year: 2004 },
      { symbolKey: '36-nq/tw', jurisdictionKey: 'central', dateValue: null, year: 2004 },
    ],
    // a label instead of a symbol, month precision
    [
      { symbol: null, label: 'KH-UBND 001', jurisdiction: 'Lào Cai', date: '2024-04' },
      { symbolKey: null, jurisdictionKey: 'lao-cai', dateValue: '2024-04', year: 2024 },
    ],
  ])('reads back %j', (parts, keys) => {
    expect(documentIdKeys(documentId(parts))).toEqual(keys);
  });

  it.each(['agency:bo-chinh-tri@central', `${ID.kh167}#II.4`, 'doc:central@?'])('is null for %s', (id) => {
    expect(documentIdKeys(id)).toBeNull();
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
    signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    term: null,
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

  it('Party term and signer title: the primary side (the full text) wins, a null never overwrites', () => {
    const cited = { ...citation, term: 'XV', signerTitle: null };
    // The full text prints no term: the citation's fills it; its own signer title stays.
    expect(mergeDocumentFields(base, cited)).toMatchObject({
      term: 'XV',
      signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    });
    // Both known: the full text's.
    expect(mergeDocumentFields({ ...base, term: 'XVI' }, cited).term).toBe('XVI');
    // A citation merged as the primary of two cited nodes keeps what the other had.
    expect(mergeDocumentFields(cited, base)).toMatchObject({
      term: 'XV',
      signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    });
  });

  it('a type of OTHER never overrides a known one', () => {
    expect(mergeDocumentFields({ ...base, type: 'OTHER' }, citation).type).toBe('KE_HOACH');
  });
});

describe('merge plan (store)', () => {
  const fields = (id: string, extra: Partial<DocumentFields> = {}): DocumentFields => ({
    ...emptyDocumentFields(id, 'OTHER'),
    ...extra,
  });
  const stored = (id: string, status: 'FULL_TEXT' | 'CITED_ONLY', assertedFrom: string[] = []) => ({
    node: documentNode(fields(id), {
      status,
      sources: [`${id}.txt`],
      contentHash: null,
      extractorVersion: null,
      mergedIds: [],
      identityNotes: [],
    }),
    assertedFrom,
  });
  const FROM = 'doc:1/qd@central@?';
  const INTO = 'doc:1/qd@central@2020-01-01';
  const A = 'doc:2/kh@central@2021-01-01';
  const edge = (
    from: string,
    to: string,
    assertedBy: string,
    method: EdgeFields['provenance']['method'],
    confidence = 0.9,
  ): GraphEdge =>
    withEdgeId({
      type: 'CITES',
      from,
      to,
      basis: null,
      provenance: {
        assertedBy,
        source: 's',
        evidence: { start: 1, end: 2 },
        method,
        confidence,
        extractorVersion: 'x',
      },
    });

  it.each([
    // a statement becomes the merge's inference, confidence capped
    ['STATED', 0.9, 'SUBJECT_INFERRED', 0.8],
    ['ALIAS_RESOLVED', 0.95, 'SUBJECT_INFERRED', 0.8],
    // an edge already inferred keeps how it was inferred
    ['IDENTITY_INFERRED', 0.8, 'IDENTITY_INFERRED', 0.8],
    // a lower confidence stays
    ['STATED', 0.5, 'SUBJECT_INFERRED', 0.5],
  ] as const)('%s at %d becomes %s at %d', (method, confidence, expectedMethod, expectedConfidence) => {
    const plan = planMerge({
      from: stored(FROM, 'CITED_ONLY'),
      into: stored(INTO, 'CITED_ONLY'),
      fromEdges: [edge(A, FROM, A, method, confidence)],
      intoEdgeIds: new Set(),
      asserters: [],
      note: { method: 'SUBJECT_INFERRED', reason: 'r' },
    });
    expect(plan.edges.map((e) => [e.from, e.to, e.provenance.method, e.provenance.confidence])).toEqual([
      [A, INTO, expectedMethod, expectedConfidence],
    ]);
  });

  it('drops loops and existing ids, and gives every asserter of an edge out of `from` the survivor as a source', () => {
    const out = edge(FROM, A, INTO, 'STATED'); // asserted by the survivor itself
    const loop = edge(INTO, FROM, A, 'STATED');
    const twin = edge(A, FROM, A, 'STATED');
    const plan = planMerge({
      from: stored(FROM, 'CITED_ONLY'),
      into: stored(INTO, 'FULL_TEXT', [INTO, FROM]),
      fromEdges: [out, loop, twin],
      intoEdgeIds: new Set([edge(A, INTO, A, 'STATED').id]),
      asserters: [],
      note: { method: 'IDENTITY_INFERRED', reason: 'r' },
    });
    expect(plan.edges.map((e) => [e.from, e.to])).toEqual([[INTO, A]]);
    expect(plan.dropped).toBe(2);
    expect(plan.documents.map((d) => [d.node.id, d.assertedFrom])).toEqual([[INTO, [INTO]]]);
    expect(plan.documents[0]?.node).toMatchObject({
      status: 'FULL_TEXT',
      sources: [`${FROM}.txt`, `${INTO}.txt`].sort(),
      mergedIds: [FROM],
      identityNotes: [`IDENTITY_INFERRED ${FROM}: r`],
    });
  });
});
