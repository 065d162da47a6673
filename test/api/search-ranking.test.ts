// Ranked search, on the seeds and on a generated national corpus of 1,500 documents: a document's own symbol is
// the first hit, an agency's whole name gives that agency first, counts are true, pages have no gaps or repeats,
// the hits are exactly the nodes with every word (checked against a brute-force scan of the exported graph), and
// filters keep what they say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText, type GraphExport, searchTokens } from '../../src/model/graph.ts';
import { gql, nationalStore, type Started, seededApi, startApi } from './support.ts';

interface Hit {
  __typename: 'Document' | 'Task' | 'Agency';
  id: string;
  symbol?: string | null;
  name: string;
  level?: string | null;
  jurisdiction?: string | null;
  year?: number | null;
}

const HIT = `__typename ... on Document { id symbol name level jurisdiction year }
  ... on Task { id name } ... on Agency { id name level jurisdiction }`;

async function search(url: string, text: string, extra = '') {
  const r = await gql<{ search: Hit[] }>(
    url,
    `query($t: String!) { search(text: $t, first: 20${extra}) { ${HIT} } }`,
    {
      t: text,
    },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.search ?? [];
}

/** Every page of a searchPage, with the totalCount of the first. */
async function allPages(url: string, text: string, filter: Record<string, unknown> | null = null) {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 500; page++) {
    const r: Awaited<
      ReturnType<
        typeof gql<{
          searchPage: {
            totalCount: number;
            edges: Array<{ node: Hit }>;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }>
      >
    > = await gql(
      url,
      `query($t: String!, $after: String, $f: SearchFilter) { searchPage(text: $t, first: 100, after: $after, filter: $f) {
          totalCount edges { node { ${HIT} } } pageInfo { hasNextPage endCursor } } }`,
      { t: text, after, f: filter },
    );
    expect(r.errors).toBeUndefined();
    const p = r.data?.searchPage;
    if (!p) throw new Error('no page');
    if (total === -1) total = p.totalCount;
    expect(p.totalCount).toBe(total);
    ids.push(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  return { ids, total };
}

/** The nodes a search must find: every word starts a word of the node's searchable text. */
function bruteForce(graph: GraphExport, text: string): Set<string> {
  const tokens = searchTokens(text);
  const has = (padded: string) => tokens.every((t) => padded.includes(` ${t}`));
  const out = new Set<string>();
  for (const n of graph.nodes) {
    const padded =
      n.kind === 'TASK'
        ? ` ${foldText(`${n.key} ${n.label} ${n.title} ${n.text}`)} `
        : (n as { searchText: string }).searchText;
    if (has(padded)) out.add(n.id);
  }
  return out;
}

describe('on the seeds', () => {
  const api = seededApi();

  it('"nghi quyet 36" puts a 36-NQ/TW first, above the plans that cite it', async () => {
    const hits = await search(api.url, 'nghi quyet 36');
    expect(hits[0]?.symbol).toBe('36-NQ/TW');
    // The plan implementing it has the same words (its title cites "Nghị quyết số 36"): it is a hit, below.
    expect(hits.findIndex((h) => h.symbol === '1693/KH-UBND')).toBeGreaterThan(0);
  });

  it('a symbol typed loosely ("57-ctr/tu", "1693/kh-ubnd") is the first hit', async () => {
    expect((await search(api.url, '57-ctr/tu'))[0]?.symbol).toBe('57-CTr/TU');
    expect((await search(api.url, '1693/kh-ubnd'))[0]?.symbol).toBe('1693/KH-UBND');
  });
});

describe('on a generated national corpus of 1,500 documents', () => {
  let national: Awaited<ReturnType<typeof nationalStore>>;
  let api: Started;
  let graph: GraphExport;

  beforeAll(async () => {
    national = await nationalStore(11, 1500);
    graph = await national.store.exportAll();
    api = await startApi(national.store);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await national?.dispose();
  });

  it('every sampled document symbol is the first hit, and every hit before another symbol has it', async () => {
    const docs = graph.nodes.filter(
      (n): n is Extract<typeof n, { kind: 'DOCUMENT' }> => n.kind === 'DOCUMENT' && n.symbol !== null,
    );
    const sample = docs.filter((_d, i) => i % Math.ceil(docs.length / 40) === 0);
    expect(sample.length).toBeGreaterThan(30);
    for (const d of sample) {
      const hits = await search(api.url, d.symbol as string);
      expect(hits[0]?.symbol, d.symbol as string).toBe(d.symbol);
      // Same-symbol documents of other provinces all come before anything else.
      const same = docs.filter((o) => o.symbol === d.symbol).length;
      expect(hits.slice(0, Math.min(same, 20)).every((h) => h.symbol === d.symbol)).toBe(true);
    }
  });

  it("an agency's whole name gives an agency of that name first (without diacritics too)", async () => {
    const agencies = graph.nodes.filter((n) => n.kind === 'AGENCY') as Array<{ id: string; name: string }>;
    const idsByName = new Map<string, Set<string>>();
    for (const a of agencies) {
      const key = foldText(a.name);
      idsByName.set(key, (idsByName.get(key) ?? new Set()).add(a.id));
    }
    const names = [...new Set(agencies.map((a) => a.name))];
    const sample = names.filter((_n, i) => i % Math.ceil(names.length / 30) === 0);
    expect(sample.length).toBeGreaterThan(20);
    for (const name of sample) {
      for (const text of [name, foldText(name)]) {
        const hits = await search(api.url, text);
        // The API names an agency with its jurisdiction ("… thành phố (Cần Thơ)"): compare by id.
        expect(idsByName.get(foldText(name))?.has(hits[0]?.id ?? ''), text).toBe(true);
      }
    }
  });

  it('central documents come before provincial ones among word matches', async () => {
    const hits = await search(api.url, 'nghi quyet', ', kinds: [DOCUMENT]');
    const levels = hits.map((h) => h.level);
    const firstProvincial = levels.findIndex((l) => l !== 'CENTRAL');
    // Both kinds are among the hits, central ones first and none after the first provincial one.
    expect(firstProvincial).toBeGreaterThan(0);
    expect(levels.slice(firstProvincial).includes('CENTRAL')).toBe(false);
  });

  it.each(['ke hoach', 'so tai chinh', 'chuyen doi so', 'nghi quyet 60'])(
    '"%s": the total is true, pages have no gap or repeat, the hits are exactly the nodes with every word',
    async (text) => {
      const { ids, total } = await allPages(api.url, text);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(total);
      expect(new Set(ids)).toEqual(bruteForce(graph, text));
    },
  );

  it('a province and a year keep only what they say', async () => {
    const doc = graph.nodes.find(
      (n) => n.kind === 'DOCUMENT' && n.level === 'PROVINCE' && n.province !== null && n.year !== null,
    ) as { province: string; year: number };
    const { ids, total } = await allPages(api.url, 'ke hoach', { province: doc.province, year: doc.year });
    expect(total).toBeGreaterThan(0);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const id of ids) {
      const n = byId.get(id);
      const holder = n?.kind === 'TASK' ? byId.get(n.documentId) : n;
      expect(holder?.kind).toBe('DOCUMENT');
      expect((holder as { year: number }).year).toBe(doc.year);
      const d = holder as { province: string | null; jurisdiction: string | null };
      expect(foldText(d.province ?? d.jurisdiction ?? '')).toContain(foldText(doc.province));
    }
  });
});
