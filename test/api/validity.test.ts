// Golden pipeline test for validity hints: three short documents written for it (a decree, a decree amending it
// and replacing an older one, a circular guiding it) are extracted, ingested and asked about over GraphQL:
// `validity` answers "được sửa đổi bởi", "được hướng dẫn bởi" and the outgoing acts, each with provenance whose
// span, read in the asserting document's own text, is the clause that states it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { documentId } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { toGraphFacts } from '../../src/pipeline/to-graph.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { gql, ROOT, type Started, startApi } from './support.ts';

const VALIDITY_FILES = [
  'test/fixtures/validity/nd-15-2018.txt',
  'test/fixtures/validity/nd-155-2018.txt',
  'test/fixtures/validity/tt-05-2019-tt-byt.txt',
];
const text = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Hint {
  relation: string;
  direction: string;
  document: { symbol: string | null; status: string };
  edge: { type: string; fromId: string; toId: string };
  provenance: {
    assertedBy: string;
    source: string;
    method: string;
    evidence: { start: number; end: number };
  };
  evidenceText: string | null;
}
const HINT =
  'relation direction document { symbol status } edge { type fromId toId } provenance { assertedBy source method evidence { start end } } evidenceText';

let dir = '';
let store: SqliteStore;
let api: Started;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pg-validity-'));
  store = new SqliteStore({ directory: join(dir, 'graph') });
  await store.init();
  await ingestDocuments(
    store,
    VALIDITY_FILES.map((source) => ({
      source,
      text: text(source),
      document: extractDocument(text(source), { source }),
    })),
  );
  api = await startApi(store);
});
afterAll(async () => {
  await api?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function validity(ref: string, args = ''): Promise<Hint[]> {
  const r = await gql<{ document: { validity: Hint[] } }>(
    api.url,
    `query($ref: String!) { document(ref: $ref) { validity${args} { ${HINT} } } }`,
    { ref },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.document.validity ?? [];
}

const ND15 = documentId({ symbol: '15/2018/NĐ-CP', jurisdiction: null, date: '2018-02-02' });
const ND155 = documentId({ symbol: '155/2018/NĐ-CP', jurisdiction: null, date: '2018-11-12' });
const TT05 = documentId({ symbol: '05/2019/TT-BYT', jurisdiction: null, date: '2019-03-20' });

describe('validity over GraphQL, from texts through the store', () => {
  it('15/2018/NĐ-CP is amended by 155/2018 and guided by 05/2019 (IN), and itself guides the law (OUT)', async () => {
    const hints = await validity('15/2018/NĐ-CP');
    expect(hints.map((h) => `${h.direction} ${h.relation} ${h.document.symbol ?? '-'}`)).toEqual([
      'IN AMENDS 155/2018/NĐ-CP',
      'IN GUIDES 05/2019/TT-BYT',
      'OUT GUIDES -',
      'OUT GUIDES -',
    ]);
    // That it guides the law is stated twice: by its own title and inside 155/2018's citation of it.
    expect(hints.slice(2).map((h) => h.provenance.assertedBy)).toEqual([ND15, ND155]);
    const amendedBy = hints[0] as Hint;
    // The edge runs from the acting document to the one acted on, whichever end is asked about.
    expect(amendedBy.edge).toEqual({ type: 'AMENDS', fromId: ND155, toId: ND15 });
    expect(amendedBy.provenance).toMatchObject({
      assertedBy: ND155,
      source: 'test/fixtures/validity/nd-155-2018.txt',
      method: 'STATED',
    });
    const { start, end } = amendedBy.provenance.evidence;
    expect(text(VALIDITY_FILES[1] as string).slice(start, end)).toMatch(
      /^Sửa đổi, bổ sung một số điều của Nghị định số 15\/2018\/NĐ-CP/,
    );
    // The clause itself, read from the asserting document's text (not the one asked about).
    expect(amendedBy.evidenceText).toBe(text(VALIDITY_FILES[1] as string).slice(start, end));
    const guidedBy = hints[1] as Hint;
    expect(guidedBy.edge).toEqual({ type: 'GUIDES', fromId: TT05, toId: ND15 });
    const g = guidedBy.provenance.evidence;
    expect(text(VALIDITY_FILES[2] as string).slice(g.start, g.end)).toMatch(
      /^Hướng dẫn thi hành Nghị định số 15\/2018/,
    );
  });

  it('155/2018 amends 15/2018 (stored full text) and replaces 38/2012 (known only from the citation)', async () => {
    const out = await validity('155/2018/NĐ-CP', '(direction: OUT)');
    expect(out.map((h) => `${h.relation} ${h.document.symbol} ${h.document.status}`)).toEqual([
      'AMENDS 15/2018/NĐ-CP FULL_TEXT',
      'REPLACES 38/2012/NĐ-CP CITED_ONLY',
    ]);
    expect(await validity('155/2018/NĐ-CP', '(direction: IN)')).toEqual([]);
    const replacedBy = await validity('38/2012/NĐ-CP', '(relation: REPLACES)');
    expect(replacedBy.map((h) => `${h.direction} ${h.document.symbol}`)).toEqual(['IN 155/2018/NĐ-CP']);
  });

  it('the citation lists keep their CITES / IMPLEMENTS edges only', async () => {
    const r = await gql<{ document: { citedBy: Array<{ edge: { type: string } }> } }>(
      api.url,
      '{ document(ref: "15/2018/NĐ-CP") { citedBy { edge { type } } } }',
    );
    const types = new Set(r.data?.document.citedBy.map((c) => c.edge.type));
    expect([...types].every((t) => t === 'CITES' || t === 'IMPLEMENTS')).toBe(true);
    expect(types.size).toBeGreaterThan(0);
  });

  it('the batch carries each hint as a STATED edge with the extractor version', () => {
    const source = VALIDITY_FILES[1] as string;
    const facts = toGraphFacts(extractDocument(text(source), { source }), 'hash');
    const validityEdges = facts.edges.filter((e) => e.type === 'AMENDS' || e.type === 'REPLACES');
    expect(validityEdges.map((e) => `${e.type} ${e.to}`)).toEqual([
      `AMENDS ${ND15}`,
      `REPLACES ${documentId({ symbol: '38/2012/NĐ-CP', jurisdiction: null, date: '2012-04-25' })}`,
    ]);
    expect(validityEdges.every((e) => e.provenance.method === 'STATED' && e.from === ND155)).toBe(true);
  });
});
