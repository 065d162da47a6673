// API over HTTP on the seeds graph: every "Lineage the API must answer" item of SEEDS.md, mandates overdue on a
// date, search without diacritics, coverage, references with mention offsets, refs that are ambiguous, invalid or
// unknown, and the store round trips behind lineage, chain and mandates (constant whatever the answer's size).
import { describe, expect, it } from 'vitest';
import { codes, gql, seededApi } from './support.ts';

const api = seededApi();

interface NodeOut {
  id: string;
  kind: string;
  name: string;
  symbol?: string | null;
  status?: string;
  jurisdiction?: string | null;
  key?: string;
  documentId?: string;
}
interface EdgeOut {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  role: string | null;
  provenance: {
    assertedBy: string;
    source: string;
    method: string;
    confidence: number;
    evidence: { start: number; end: number };
  };
}
interface LineageOut {
  lineage: {
    root: NodeOut;
    nodes: Array<{ depth: number; node: NodeOut }>;
    edges: EdgeOut[];
    tree: Array<{
      node: NodeOut;
      depth: number;
      parentId: string | null;
      relation: string | null;
      repeated: boolean;
    }>;
  };
}

const DOC = 'id kind name symbol status jurisdiction';
const NODE = `id kind name ... on Document { symbol status jurisdiction } ... on Task { key documentId }`;
const LINEAGE = `query($ref: String!, $dir: Direction, $depth: Int) {
  lineage(ref: $ref, direction: $dir, depth: $depth) {
    root { ${NODE} }
    nodes { depth node { ${NODE} } }
    edges { id type fromId toId role provenance { assertedBy source method confidence evidence { start end } } }
    tree { depth parentId relation repeated node { ${NODE} } }
  }
}`;

async function lineage(ref: string, dir: 'DOWN' | 'UP' = 'DOWN') {
  const r = await gql<LineageOut>(api.url, LINEAGE, { ref, dir });
  expect(r.errors).toBeUndefined();
  return (r.data as LineageOut).lineage;
}
const docSymbols = (l: LineageOut['lineage']) =>
  l.nodes.flatMap((n) => (n.node.kind === 'DOCUMENT' ? [n.node.symbol] : []));
const byId = (l: LineageOut['lineage']) => new Map(l.nodes.map((n) => [n.node.id, n]));

/** The Ia H'Drai plan (seed 000): printed without a number, so found by its jurisdiction. */
async function iaHDraiPlan(): Promise<string> {
  const r = await gql<{ documents: { edges: Array<{ node: { id: string } }> } }>(
    api.url,
    `{ documents(filter: { issuerJurisdiction: "Ia H'Drai", status: FULL_TEXT }) { edges { node { id } } } }`,
  );
  const id = r.data?.documents.edges[0]?.node.id;
  expect(id).toMatch(/^doc:.*@ia-h-drai@/);
  return id as string;
}

describe('SEEDS.md: lineage the API must answer', () => {
  it('1. down from 36-NQ/TW (2023): 57-CTr/TU → 1693/KH-UBND → Ia H’Drai task III.6.h, with 1693’s tasks and agencies', async () => {
    const l = await lineage('36-NQ/TW@2023');
    expect(l.root.symbol).toBe('36-NQ/TW');
    const nodes = byId(l);
    const ctr57 = l.nodes.find((n) => n.node.symbol === '57-CTr/TU');
    const kh1693 = l.nodes.find((n) => n.node.symbol === '1693/KH-UBND');
    expect(ctr57?.depth).toBe(1);
    expect(kh1693?.depth).toBe(2);
    expect(kh1693?.node.status).toBe('FULL_TEXT'); // seed 004 and the citation in 000 are one node
    const iaPlan = await iaHDraiPlan();
    const h = l.nodes.find((n) => n.node.kind === 'TASK' && n.node.key === 'III.6.h');
    expect(h?.node.documentId).toBe(iaPlan);
    expect(h?.depth).toBe(3);
    // Each hop is an IMPLEMENTS edge with provenance from the document that states it.
    const implementsEdge = (from: string, to: string) =>
      l.edges.find((e) => e.type === 'IMPLEMENTS' && e.fromId === from && e.toId === to);
    expect(implementsEdge(ctr57?.node.id ?? '', l.root.id)?.provenance.assertedBy).toMatch(/^doc:/);
    expect(implementsEdge(h?.node.id ?? '', kh1693?.node.id ?? '')?.provenance.assertedBy).toBe(iaPlan);
    // 1693's own tasks (II.3.b among them) with the agencies assigned to them.
    const ii3b = l.nodes.find((n) => n.node.id === `${kh1693?.node.id}#II.3.b`);
    expect(ii3b).toBeDefined();
    const lead = l.edges.find((e) => e.type === 'ASSIGNS' && e.fromId === ii3b?.node.id && e.role === 'LEAD');
    expect(nodes.get(lead?.toId ?? '')?.node.name).toMatch(/^Sở Kế hoạch và Đầu tư/);
    expect(
      l.nodes.some((n) => n.node.kind === 'AGENCY' && n.node.name.startsWith('Sở Khoa học và Công nghệ')),
    ).toBe(true);
    expect(l.edges.every((e) => e.provenance.source.length > 0 && e.provenance.confidence > 0)).toBe(true);
    // The tree hangs III.6.h under 1693 under 57 under 36.
    const entry = (id: string | undefined) => l.tree.find((t) => t.node.id === id && !t.repeated);
    expect(entry(h?.node.id)?.parentId).toBe(kh1693?.node.id);
    expect(entry(h?.node.id)?.relation).toBe('IMPLEMENTS');
    expect(entry(kh1693?.node.id)?.parentId).toBe(ctr57?.node.id);
    expect(entry(ctr57?.node.id)?.parentId).toBe(l.root.id);
    expect(l.tree[0]?.node.id).toBe(l.root.id);
  });

  it('2. up from Ia H’Drai task III.6.h: 1693/KH-UBND → 57-CTr/TU → 36-NQ/TW', async () => {
    const ref = `${await iaHDraiPlan()}#III.6.h`;
    const r = await gql<{
      chain: Array<{ nodes: NodeOut[]; steps: Array<{ fromId: string; toId: string; edges: EdgeOut[] }> }>;
    }>(
      api.url,
      `query($ref: String!) { chain(ref: $ref) { nodes { ${NODE} } steps { fromId toId edges { id type fromId toId role provenance { assertedBy source method confidence evidence { start end } } } } } }`,
      { ref },
    );
    expect(r.errors).toBeUndefined();
    const paths = (r.data?.chain ?? []).map((p) =>
      p.nodes.map((n) => (n.kind === 'TASK' ? n.key : n.symbol)),
    );
    expect(paths).toContainEqual(['III.6.h', '1693/KH-UBND', '57-CTr/TU', '36-NQ/TW']);
    const path = r.data?.chain.find((p) => p.nodes[p.nodes.length - 1]?.symbol === '36-NQ/TW');
    expect(path?.steps.map((s) => s.edges[0]?.type)).toEqual(['IMPLEMENTS', 'IMPLEMENTS', 'IMPLEMENTS']);
    // The same through lineage(direction: UP): the root is the task, 36-NQ/TW three steps up.
    const up = await lineage(ref, 'UP');
    expect(up.root.key).toBe('III.6.h');
    expect(up.nodes.find((n) => n.node.symbol === '36-NQ/TW')?.depth).toBe(3);
  });

  it('3. down from 569/QĐ-TTg: the Lào Cai plan; 2629/KH-UBND → the Ia H’Drai plan and its tasks', async () => {
    const l = await lineage('569/QĐ-TTg');
    const docs = l.nodes.filter((n) => n.node.kind === 'DOCUMENT').map((n) => n.node);
    expect(docs.some((d) => d.jurisdiction === 'Lào Cai' && d.status === 'FULL_TEXT')).toBe(true);
    expect(docSymbols(l)).toContain('2629/KH-UBND');
    const iaPlan = await iaHDraiPlan();
    const kh2629 = l.nodes.find((n) => n.node.symbol === '2629/KH-UBND');
    expect(kh2629?.depth).toBe(1);
    expect(
      l.edges.some((e) => e.type === 'IMPLEMENTS' && e.fromId === iaPlan && e.toId === kh2629?.node.id),
    ).toBe(true);
    expect(l.nodes.filter((n) => n.node.documentId === iaPlan).length).toBeGreaterThan(10);
    // 2629 → 569 was inferred from the strategy's name, and the edge says so.
    const inferred = l.edges.find(
      (e) => e.type === 'IMPLEMENTS' && e.provenance.method === 'SUBJECT_INFERRED',
    );
    expect(byId(l).get(inferred?.fromId ?? '')?.node.symbol).toBe('2629/KH-UBND');
  });

  it('4. down from 42-CT/TW: 93-KL/TW → 167/KH-UBND (and 186-CV/TU) → 167’s tasks and agencies', async () => {
    const l = await lineage('42-CT/TW');
    expect(docSymbols(l)).toEqual(expect.arrayContaining(['93-KL/TW', '167/KH-UBND', '186-CV/TU']));
    const kh167 = l.nodes.find((n) => n.node.symbol === '167/KH-UBND');
    const kl93 = l.nodes.find((n) => n.node.symbol === '93-KL/TW');
    expect(kl93?.depth).toBe(1);
    expect(
      l.edges.some((e) => e.type === 'IMPLEMENTS' && e.fromId === kh167?.node.id && e.toId === kl93?.node.id),
    ).toBe(true);
    expect(
      l.edges.some((e) => e.type === 'IMPLEMENTS' && e.fromId === kl93?.node.id && e.toId === l.root.id),
    ).toBe(true);
    const keys = l.nodes.filter((n) => n.node.documentId === kh167?.node.id).map((n) => n.node.key);
    expect(keys).toEqual(expect.arrayContaining(['II.1', 'II.4.d', 'II.4.d~2', 'II.4.h']));
    expect(l.nodes.some((n) => n.node.name.startsWith('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh'))).toBe(
      true,
    );
  });

  it('5. down from 234-TB/TW: 26-KH/TU → the An Giang action plan', async () => {
    const l = await lineage('234-TB/TW');
    const kh26 = l.nodes.find((n) => n.node.symbol === '26-KH/TU');
    expect(kh26?.depth).toBe(1);
    const anGiang = l.nodes.find((n) => n.node.jurisdiction === 'An Giang' && n.node.status === 'FULL_TEXT');
    expect(anGiang?.depth).toBe(2);
    expect(
      l.edges.some(
        (e) => e.type === 'IMPLEMENTS' && e.fromId === anGiang?.node.id && e.toId === kh26?.node.id,
      ),
    ).toBe(true);
  });

  it('6. 36-NQ/TW resolves to the one of 2023-01-30 (the 2018 one is told apart in mutation.test.ts)', async () => {
    const r = await gql<{ document: { id: string; date: string; symbol: string } }>(
      api.url,
      '{ document(ref: "36-NQ/TW") { id date symbol } }',
    );
    expect(r.data?.document.date).toBe('2023-01-30');
  });
});

describe('mandates', () => {
  const Q = `query($f: MandateFilter, $first: Int) { mandates(filter: $f, first: $first) {
    totalCount edges { cursor node { id role task { key } agency { name } document { symbol } deadline { kind text valid dueBy } assignment { type provenance { assertedBy } } } }
    pageInfo { hasNextPage endCursor }
    invalidDeadlines { task { key } deadline { text valid kind dueBy } }
  } }`;
  type Out = {
    mandates: {
      totalCount: number;
      edges: Array<{
        cursor: string;
        node: {
          role: string;
          task: { key: string };
          agency: { name: string };
          document: { symbol: string };
          deadline: { dueBy: string | null };
        };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      invalidDeadlines: Array<{
        task: { key: string };
        deadline: { text: string; valid: boolean; kind: string; dueBy: string | null };
      }>;
    };
  };
  const run = async (f: Record<string, unknown>, first = 100) => {
    const r = await gql<Out>(api.url, Q, { f, first });
    expect(r.errors).toBeUndefined();
    return (r.data as Out).mandates;
  };

  it('overdue on 2022-04-01: 167/KH-UBND tasks due before it, and the impossible 31/6/2022 deadline reported, not dropped', async () => {
    const m = await run({ document: '167/KH-UBND', overdueOn: '2022-04-01' });
    const keys = [...new Set(m.edges.map((e) => e.node.task.key))].sort();
    expect(keys).toEqual(['II.1', 'II.2.c', 'II.3.b', 'II.3.c', 'II.4.d~2']);
    expect(m.edges.every((e) => (e.node.deadline.dueBy ?? '') < '2022-04-01')).toBe(true);
    expect(m.invalidDeadlines.map((i) => i.task.key)).toContain('II.4.h');
    const h = m.invalidDeadlines.find((i) => i.task.key === 'II.4.h');
    expect(h?.deadline).toEqual({
      text: 'Trước ngày 31/6/2022.',
      valid: false,
      kind: 'BY_DATE',
      dueBy: null,
    });
    // The lead of II.2.c is Sở Tài chính, with coordinators.
    const ii2c = m.edges.filter((e) => e.node.task.key === 'II.2.c');
    expect(ii2c.find((e) => e.node.role === 'LEAD')?.node.agency.name).toMatch(/^Sở Tài chính/);
    expect(
      ii2c.some(
        (e) => e.node.role === 'COORDINATOR' && e.node.agency.name.startsWith('Kho bạc Nhà nước tỉnh'),
      ),
    ).toBe(true);
  });

  it('due strictly before the date: on 2022-03-31 only the 2021-12-30 task is overdue', async () => {
    const m = await run({ document: '167/KH-UBND', overdueOn: '2022-03-31' });
    expect([...new Set(m.edges.map((e) => e.node.task.key))]).toEqual(['II.3.b']);
    expect(m.invalidDeadlines.length).toBeGreaterThan(0);
  });

  it('without a date criterion nothing is set aside; recurring and role filters', async () => {
    const all = await run({ document: '167/KH-UBND' });
    expect(all.invalidDeadlines).toEqual([]);
    expect(all.edges.some((e) => e.node.task.key === 'II.4.h')).toBe(true);
    const recurring = await run({ document: '167/KH-UBND', recurring: true, role: 'LEAD' });
    expect(recurring.edges.length).toBeGreaterThan(0);
    expect(recurring.edges.every((e) => e.node.role === 'LEAD' && e.node.deadline.dueBy === null)).toBe(true);
    expect(recurring.edges.map((e) => e.node.task.key)).toContain('II.2.a');
  });

  it('by jurisdiction over the whole graph: a province includes its districts’ plans', async () => {
    const m = await run({ jurisdiction: 'Kon Tum' }, 100);
    const symbols = new Set(m.edges.map((e) => e.node.document.symbol));
    expect(symbols.has('1693/KH-UBND')).toBe(true);
    expect(symbols.has(null as unknown as string)).toBe(true); // the Ia H'Drai plan (no number), district of Kon Tum
    expect(m.edges.every((e) => !e.node.agency.name.includes('Quảng Ngãi'))).toBe(true);
  });

  it('pages with Relay cursors, no item repeated or skipped', async () => {
    const whole = await run({ under: '42-CT/TW' }, 100);
    expect(whole.totalCount).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: { data: Out | null | undefined } = await gql<Out>(
        api.url,
        `query($after: String) { mandates(filter: { under: "42-CT/TW" }, first: 4, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } invalidDeadlines { task { key } } } }`,
        { after },
      );
      const page = r.data?.mandates as unknown as {
        edges: Array<{ node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(whole.totalCount);
    expect(new Set(seen).size).toBe(whole.totalCount);
  });

  it('an agency’s mandates carry the chain that gave them', async () => {
    const r = await gql<{
      agencies: {
        edges: Array<{
          node: {
            id: string;
            mandates: {
              edges: Array<{
                node: { task: { key: string }; chain: Array<{ nodes: Array<{ symbol?: string | null }> }> };
              }>;
            };
          };
        }>;
      };
    }>(
      api.url,
      `{ agencies(filter: { text: "so ke hoach va dau tu", jurisdiction: "Kon Tum" }, first: 1) { edges { node { id mandates(filter: { overdueOn: "2024-07-01" }, first: 5) { edges { node { task { key } chain { nodes { ... on Document { symbol } } } } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const [agency] = r.data?.agencies.edges ?? [];
    expect(agency?.node.id).toBe('agency:so-ke-hoach-va-dau-tu@kon-tum');
    const ii3b = agency?.node.mandates.edges.find((e) => e.node.task.key === 'II.3.b'); // due quý II/2024
    expect(ii3b?.node.chain.map((p) => p.nodes.map((n) => n.symbol).filter(Boolean))).toContainEqual([
      '1693/KH-UBND',
      '57-CTr/TU',
      '36-NQ/TW',
    ]);
  });
});

describe('documents, search and coverage', () => {
  it('a document exposes its text and every citation’s mention offsets into it', async () => {
    const r = await gql<{
      document: {
        text: string;
        references: Array<{
          symbol: string | null;
          target: { id: string; symbol: string | null } | null;
          mentions: Array<{ start: number; end: number }>;
          relations: EdgeOut[];
        }>;
      };
    }>(
      api.url,
      `{ document(ref: "167/KH-UBND") { text references { symbol target { id symbol } mentions { start end } relations { type provenance { assertedBy evidence { start end } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const doc = r.data?.document;
    const text = doc?.text ?? '';
    expect(text.length).toBeGreaterThan(10_000);
    const kl93 = doc?.references.find((x) => x.symbol === '93-KL/TW');
    expect(kl93?.target?.symbol).toBe('93-KL/TW');
    // Short forms are mentions of the same reference ("Kết luận 93").
    const printed = (kl93?.mentions ?? []).map((m) => text.slice(m.start, m.end));
    expect(printed[0]).toBe('Kết luận số 93-KL/TW ngày 20/11/2020 của Ban Bí thư');
    expect(printed).toContain('Kết luận 93');
    const cv186 = doc?.references.find((x) => x.symbol === '186-CV/TU');
    expect(cv186?.mentions.map((m) => text.slice(m.start, m.end))).toContain('Công văn 186');
    // The edge's evidence points into the same text.
    const ev = kl93?.relations[0]?.provenance.evidence;
    expect(text.slice(ev?.start ?? 0, ev?.end ?? 0)).toContain('93-KL/TW');
  });

  it('a cited-only document has no text, and its references are empty rather than invented', async () => {
    const r = await gql<{
      document: {
        status: string;
        text: string | null;
        citedBy: Array<{ edge: { type: string }; node: NodeOut }>;
      };
    }>(api.url, `{ document(ref: "93-KL/TW") { status text citedBy { edge { type } node { ${NODE} } } } }`);
    expect(r.data?.document.status).toBe('CITED_ONLY');
    expect(r.data?.document.text).toBeNull();
    expect(
      r.data?.document.citedBy.some((c) => c.edge.type === 'IMPLEMENTS' && c.node.symbol === '167/KH-UBND'),
    ).toBe(true);
  });

  it('search without diacritics or case finds 36-NQ/TW, tasks and agencies', async () => {
    const r = await gql<{ search: Array<{ __typename: string; id: string; symbol?: string; name: string }> }>(
      api.url,
      `{ search(text: "nghi quyet 36") { __typename ... on Document { id symbol name } ... on Task { id name } ... on Agency { id name } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.search.some((h) => h.__typename === 'Document' && h.symbol === '36-NQ/TW')).toBe(true);
    const tasks = await gql<{ search: Array<{ __typename: string; name: string }> }>(
      api.url,
      `{ search(text: "CONG NGHE SINH HOC", kinds: [TASK]) { __typename ... on Task { name } } }`,
    );
    expect(tasks.data?.search[0]?.name).toMatch(/công nghệ sinh học/);
    expect(tasks.data?.search.every((h) => h.__typename === 'Task')).toBe(true);
    const agencies = await gql<{ search: Array<{ __typename: string; name: string }> }>(
      api.url,
      `{ search(text: "lien hiep hoi", kinds: [AGENCY]) { __typename ... on Agency { name } } }`,
    );
    expect(agencies.data?.search.map((h) => h.name)).toContain(
      'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh (Quảng Ngãi)',
    );
  });

  it('coverage of 36-NQ/TW at province level: Kon Tum with its documents, 62 pre-2025 provinces uncovered', async () => {
    const r = await gql<{
      coverage: {
        era: string;
        unitCount: number;
        covered: Array<{ unit: string; documents: NodeOut[] }>;
        uncovered: string[];
      };
    }>(
      api.url,
      `{ coverage(ref: "36-NQ/TW@2023", level: PROVINCE) { era unitCount covered { unit documents { ${DOC} } } uncovered } }`,
    );
    expect(r.errors).toBeUndefined();
    const c = r.data?.coverage;
    expect(c?.era).toBe('PRE_2025');
    expect(c?.unitCount).toBe(63);
    expect(c?.covered.map((u) => u.unit)).toEqual(['Kon Tum']);
    expect(c?.covered[0]?.documents.map((d) => d.symbol).sort()).toEqual(['1693/KH-UBND', '57-CTr/TU']);
    expect(c?.uncovered).toHaveLength(62);
    expect(c?.uncovered).toContain('Lào Cai');
    const post = await gql<{ coverage: { unitCount: number; era: string } }>(
      api.url,
      '{ coverage(ref: "36-NQ/TW@2023", level: PROVINCE, era: POST_2025) { era unitCount } }',
    );
    expect(post.data?.coverage).toEqual({ era: 'POST_2025', unitCount: 34 });
  });

  it('coverage at district level within a province', async () => {
    const r = await gql<{ coverage: { covered: Array<{ unit: string }>; unitCount: number } }>(
      api.url,
      '{ coverage(ref: "1693/KH-UBND", level: DISTRICT, province: "Kon Tum") { unitCount covered { unit } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.coverage.covered.map((u) => u.unit)).toEqual(["Ia H'Drai"]);
    expect(r.data?.coverage.unitCount).toBeGreaterThan(5);
  });

  it('documents page with Relay cursors and a total', async () => {
    const first = await gql<{
      documents: {
        totalCount: number;
        edges: Array<{ cursor: string; node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      api.url,
      '{ documents(filter: { status: FULL_TEXT }, first: 3) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.data?.documents.totalCount).toBe(5);
    expect(first.data?.documents.pageInfo.hasNextPage).toBe(true);
    const next = await gql<{
      documents: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } };
    }>(
      api.url,
      'query($a: String) { documents(filter: { status: FULL_TEXT }, first: 3, after: $a) { edges { node { id } } pageInfo { hasNextPage } } }',
      { a: first.data?.documents.pageInfo.endCursor },
    );
    const ids = [...(first.data?.documents.edges ?? []), ...(next.data?.documents.edges ?? [])].map(
      (e) => e.node.id,
    );
    expect(new Set(ids).size).toBe(5);
    expect(next.data?.documents.pageInfo.hasNextPage).toBe(false);
  });
});

describe('bad references and inputs get typed errors', () => {
  it.each([
    // [query, expected code]
    ['{ document(ref: "99-NQ/TW") { id } }', 'NOT_FOUND'], // a well-formed symbol nobody issued
    ['{ node(id: "x") { id } }', 'BAD_USER_INPUT'], // not a node id (an unknown well-formed one is null)
    ['{ document(ref: "hello world") { id } }', 'BAD_USER_INPUT'], // not a reference at all
    ['{ lineage(ref: "36-NQ/TW@2023", depth: 0) { depth } }', 'BAD_USER_INPUT'], // depth out of range
    ['{ document(ref: "167/KH-UBND#II.1") { id } }', 'BAD_USER_INPUT'], // a task is not a document
    ['{ mandates(filter: { overdueOn: "2022-06-31" }) { totalCount } }', 'BAD_USER_INPUT'], // an impossible date as input
    ['{ documents(after: "bm90LWEtY3Vyc29y") { totalCount } }', 'BAD_USER_INPUT'], // a forged cursor
    ['{ coverage(ref: "36-NQ/TW@2023", level: COMMUNE) { unitCount } }', 'BAD_USER_INPUT'], // no gazetteer for communes
    ['{ lineage(ref: "agency:so-y-te@kon-tum") { depth } }', 'BAD_USER_INPUT'], // lineage starts from a document or task
  ])('%s → %s', async (query, code) => {
    const r = await gql(api.url, query);
    expect(codes(r)).toEqual([code]);
  });
});

describe('partial answers', () => {
  it('a bad field fails alone: status 200, the other fields keep their data', async () => {
    const r = await gql<{ ok: { totalCount: number }; bad: null }>(
      api.url,
      '{ ok: documents { totalCount } bad: document(ref: "hello world") { id } }',
    );
    expect(r.status).toBe(200);
    expect(r.data?.ok.totalCount).toBeGreaterThan(5);
    expect(r.data?.bad).toBeNull();
    expect(r.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['bad'], 'BAD_USER_INPUT']]);
  });
});

describe('store round trips do not grow with the answer', () => {
  const measure = async (query: string, variables: Record<string, unknown>) => {
    api.counting.reset();
    const r = await gql(api.url, query, variables);
    expect(r.errors).toBeUndefined();
    return Object.fromEntries(api.counting.calls);
  };

  it('lineage: one resolve and one traversal, for a small and a large lineage alike (edge ends included)', async () => {
    const q = `query($ref: String!) { lineage(ref: $ref) { nodes { node { ${NODE} } } edges { from { id name } to { id name } provenance { assertedBy } } tree { node { id } parentId } } }`;
    const small = await measure(q, { ref: '234-TB/TW' });
    const large = await measure(q, { ref: '42-CT/TW' });
    expect(small).toEqual({ resolveDocument: 1, lineageDown: 1 });
    expect(large).toEqual(small);
  });

  it('chain: the same few calls from a task with one path and from a document', async () => {
    const q = `query($ref: String!) { chain(ref: $ref) { nodes { ${NODE} } steps { from { id name } to { id name } edges { id provenance { assertedBy } } } } }`;
    const fromTask = await measure(q, { ref: `${await iaHDraiPlan()}#III.6.h` });
    const fromDoc = await measure(q, { ref: '167/KH-UBND' });
    expect(fromTask).toEqual({ getNode: 1, chainUp: 1 });
    expect(fromDoc).toEqual({ resolveDocument: 1, chainUp: 1 });
  });

  it('mandates: a fixed number of calls whether the scope holds 3 or 60 assignments (agency, document and provenance included)', async () => {
    const q = `query($f: MandateFilter) { mandates(filter: $f, first: 100) { totalCount edges { node { role task { key title document { symbol } } agency { name } document { symbol name } deadline { dueBy } assignment { from { id } to { id } provenance { assertedBy } } } } } }`;
    const small = await measure(q, { f: { under: '234-TB/TW' } });
    const large = await measure(q, { f: { under: '42-CT/TW' } });
    expect(large).toEqual(small);
    expect(large).toEqual({ resolveDocument: 1, lineageDown: 1 });
    const count = await gql<{ mandates: { totalCount: number } }>(api.url, q, { f: { under: '42-CT/TW' } });
    expect(count.data?.mandates.totalCount).toBeGreaterThan(30);
  });

  it('coverage: its documents come from one lineage, not one lookup each', async () => {
    const calls = await measure(
      `{ coverage(ref: "36-NQ/TW@2023", level: PROVINCE) { covered { unit documents { id name } } } }`,
      {},
    );
    expect(calls).toEqual({ resolveDocument: 1, coverage: 1, lineageDown: 1 });
  });
});
