// Big answers a page at a time: lineage nodes, edges and tree through cursors (pages concatenate to the full lists),
// the tree lazily through `subtree` (walking it rebuilds `tree` exactly, counts included), subtree filters on a
// hand-built two-province fixture, references / citedBy / search pages, and the errors of bad cursors and parents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineageTree } from '../../src/api/lineage-index.ts';
import { downView, upView } from '../../src/api/views.ts';
import {
  type AgencyFields,
  agencyId,
  type DocumentFacts,
  type DocumentFields,
  documentId,
  type EdgeFields,
  emptyDocumentFields,
  type TaskFields,
  taskId,
} from '../../src/model/graph.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { codes, type GqlResponse, gql, type Started, seededStore, startApi } from './support.ts';

let seeds: Awaited<ReturnType<typeof seededStore>>;
let api: Started;
let cached: Started;

beforeAll(async () => {
  seeds = await seededStore();
  api = await startApi(seeds.store);
  cached = await startApi(seeds.store, { answerCacheTtlMs: 60_000 });
});

afterAll(async () => {
  await api?.close();
  await cached?.close();
  await seeds?.dispose();
});

interface Entry {
  node: { id: string };
  depth: number;
  parentId: string | null;
  relation: string | null;
  repeated: boolean;
  childCount: number;
  descendantCount: number;
  matches: boolean | null;
  descendantMatches: number | null;
}
interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const ENTRY =
  'node { id } depth parentId relation repeated childCount descendantCount matches descendantMatches';
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

function ok<T>(r: GqlResponse<T>): T {
  expect(r.errors).toBeUndefined();
  return r.data as T;
}

/** Every page of a connection, `first` at a time, checking the page info on the way. */
async function allPages<T>(
  fetchPage: (after: string | null) => Promise<Connection<T>>,
): Promise<{ items: T[]; totals: number[]; pages: number }> {
  const items: T[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: Connection<T> = await fetchPage(after);
    pages++;
    totals.push(page.totalCount);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    items.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
    expect(pages).toBeLessThan(1000);
  }
  return { items, totals, pages };
}

// ------------------------------------------------------------------------------------------------
// Lineage pages
// ------------------------------------------------------------------------------------------------

const FULL = `query($ref: String!, $dir: Direction) {
  lineage(ref: $ref, direction: $dir) {
    nodeCount edgeCount treeSize
    nodes { depth node { id } }
    edges { id }
    tree { ${ENTRY} }
  }
}`;
interface Full {
  lineage: {
    nodeCount: number;
    edgeCount: number;
    treeSize: number;
    nodes: Array<{ depth: number; node: { id: string } }>;
    edges: Array<{ id: string }>;
    tree: Entry[];
  };
}

async function lineagePages(
  server: Started,
  ref: string,
  dir: 'DOWN' | 'UP',
  which: 'nodesPage' | 'edgesPage' | 'treePage',
  first: number,
) {
  const q = `query($ref: String!, $dir: Direction, $first: Int, $after: String) {
    lineage(ref: $ref, direction: $dir) {
      ${which}(first: $first, after: $after) {
        edges { cursor node { ${which === 'nodesPage' ? 'depth node { id }' : which === 'edgesPage' ? 'id' : ENTRY} } }
        ${PAGE_INFO}
      }
    }
  }`;
  return allPages(async (after) => {
    const data = ok(
      await gql<{ lineage: Record<string, Connection<unknown>> }>(server.url, q, { ref, dir, first, after }),
    );
    return data.lineage[which] as Connection<unknown>;
  });
}

/** The Ia H'Drai task III.6.h (seed 000), reached from 36-NQ/TW. */
async function taskRef(): Promise<string> {
  const data = ok(
    await gql<{ lineage: { nodes: Array<{ node: { id: string } }> } }>(
      api.url,
      '{ lineage(ref: "36-NQ/TW@2023") { nodes { node { id } } } }',
    ),
  );
  const id = data.lineage.nodes.map((n) => n.node.id).find((id) => id.endsWith('#III.6.h'));
  expect(id).toBeDefined();
  return id as string;
}

describe('lineage pages concatenate to the full lists', () => {
  it.each([
    ['36-NQ/TW@2023', 'DOWN', 3],
    ['42-CT/TW', 'DOWN', 7],
    ['task III.6.h', 'UP', 1],
  ] as const)('%s %s, %i at a time: nodesPage, edgesPage, treePage', async (name, dir, first) => {
    const ref = name === 'task III.6.h' ? await taskRef() : name;
    const full = ok(await gql<Full>(api.url, FULL, { ref, dir })).lineage;
    expect(full.tree.length).toBeGreaterThan(first * 3);
    expect(full.nodeCount).toBe(full.nodes.length);
    expect(full.edgeCount).toBe(full.edges.length);
    expect(full.treeSize).toBe(full.tree.length);

    const nodes = await lineagePages(api, ref, dir, 'nodesPage', first);
    expect(nodes.items).toEqual(full.nodes);
    expect(new Set(nodes.totals)).toEqual(new Set([full.nodes.length]));
    expect(nodes.pages).toBe(Math.max(1, Math.ceil(full.nodes.length / first)));

    const edges = await lineagePages(api, ref, dir, 'edgesPage', first);
    expect(edges.items).toEqual(full.edges);
    expect(new Set(edges.totals)).toEqual(new Set([full.edges.length]));

    const tree = await lineagePages(api, ref, dir, 'treePage', first);
    expect(tree.items).toEqual(full.tree);
    expect(new Set(tree.totals)).toEqual(new Set([full.tree.length]));
  });

  it('child and subtree counts agree with the pre-order list (counted the slow way here)', async () => {
    for (const [ref, dir] of [
      ['36-NQ/TW@2023', 'DOWN'],
      ['569/QĐ-TTg', 'DOWN'],
      [await taskRef(), 'UP'],
    ] as const) {
      const { tree } = ok(await gql<Full>(api.url, FULL, { ref, dir })).lineage;
      tree.forEach((e, i) => {
        let end = i + 1;
        while (end < tree.length && (tree[end] as Entry).depth > e.depth) end++;
        const under = tree.slice(i + 1, end);
        expect(e.descendantCount).toBe(under.length);
        expect(e.childCount).toBe(under.filter((c) => c.depth === e.depth + 1).length);
        for (const c of under.filter((x) => x.depth === e.depth + 1)) expect(c.parentId).toBe(e.node.id);
        if (e.repeated) expect(e.childCount).toBe(0);
        expect(e.matches).toBeNull();
        expect(e.descendantMatches).toBeNull();
      });
      expect(tree[0]?.descendantCount).toBe(tree.length - 1);
    }
  });

  it('first: 0 gives an empty page with the true total; first above the cap is refused', async () => {
    const q = `{ lineage(ref: "36-NQ/TW@2023") { nodeCount treeSize
      nodesPage(first: 0) { edges { cursor } ${PAGE_INFO} }
      treePage(first: 0) { edges { cursor } ${PAGE_INFO} } } }`;
    const data = ok(
      await gql<{
        lineage: {
          nodeCount: number;
          treeSize: number;
          nodesPage: Connection<unknown>;
          treePage: Connection<unknown>;
        };
      }>(api.url, q),
    ).lineage;
    expect(data.nodeCount).toBeGreaterThan(10);
    expect(data.nodesPage.edges).toEqual([]);
    expect(data.nodesPage.totalCount).toBe(data.nodeCount);
    expect(data.nodesPage.pageInfo.hasNextPage).toBe(true);
    expect(data.treePage.edges).toEqual([]);
    expect(data.treePage.totalCount).toBe(data.treeSize);
    const big = await gql(
      api.url,
      '{ lineage(ref: "36-NQ/TW@2023") { treePage(first: 101) { totalCount } } }',
    );
    expect(codes(big)).toEqual(['PAGE_SIZE_LIMIT_EXCEEDED']);
  });

  it('the same pages through the answer cache: the traversal of the first request serves every page', async () => {
    const full = ok(await gql<Full>(cached.url, FULL, { ref: '36-NQ/TW@2023' })).lineage;
    cached.counting.reset();
    const tree = await lineagePages(cached, '36-NQ/TW@2023', 'DOWN', 'treePage', 5);
    expect(tree.pages).toBeGreaterThan(3);
    expect(tree.items).toEqual(full.tree);
    expect(cached.counting.calls.get('lineageDown') ?? 0).toBe(0);
  });

  it('the tree of a store answer is built once and reused (memoized on the answer, as the cache keeps it)', async () => {
    const rootId = ok(await gql<Full>(api.url, FULL, { ref: '36-NQ/TW@2023' })).lineage.nodes[0]?.node.id;
    const l = await seeds.store.lineageDown(rootId as string, 10);
    const view = downView(l);
    expect(downView(l)).toBe(view);
    const tree = lineageTree(view);
    expect(lineageTree(downView(l))).toBe(tree);
    expect(tree.entries.length).toBeGreaterThan(10);
    // A new answer (after a write, or an expiry) is a new object: its tree is computed afresh.
    const again = await seeds.store.lineageDown(l.root.id, 10);
    expect(lineageTree(downView(again))).not.toBe(tree);
    expect(lineageTree(downView(again)).entries.map((e) => e.node.id)).toEqual(
      tree.entries.map((e) => e.node.id),
    );
    const chain = await seeds.store.chainUp(await taskRef());
    expect(upView(chain, 10)).toBe(upView(chain, 10));
    expect(upView(chain, 1)).not.toBe(upView(chain, 10));
  });
});

// ------------------------------------------------------------------------------------------------
// subtree: lazy trees
// ------------------------------------------------------------------------------------------------

const SUBTREE = `query($ref: String!, $dir: Direction, $depth: Int, $parent: ID, $filter: TreeFilter, $first: Int, $after: String) {
  subtree(ref: $ref, direction: $dir, depth: $depth, parent: $parent, filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${ENTRY} } } ${PAGE_INFO}
  }
}`;

async function subtreeAll(
  server: Started,
  vars: { ref: string; dir?: string; parent: string | null; filter?: Record<string, unknown>; first: number },
) {
  return allPages(async (after) => {
    const data = ok(await gql<{ subtree: Connection<Entry> }>(server.url, SUBTREE, { ...vars, after }));
    return data.subtree;
  });
}

/** The tree rebuilt from subtree calls alone: the root, then the children of every entry that has any. */
async function walk(
  server: Started,
  vars: { ref: string; dir?: string; filter?: Record<string, unknown> },
  first: number,
  expand: (e: Entry) => boolean,
): Promise<Entry[]> {
  const out: Entry[] = [];
  const visit = async (e: Entry) => {
    out.push(e);
    if (!expand(e)) return;
    const kids = await subtreeAll(server, { ...vars, parent: e.node.id, first });
    if (vars.filter === undefined) expect(kids.items).toHaveLength(e.childCount);
    for (const k of kids.items) {
      expect(k.parentId).toBe(e.node.id);
      expect(k.depth).toBe(e.depth + 1);
      await visit(k);
    }
  };
  const roots = await subtreeAll(server, { ...vars, parent: null, first });
  for (const r of roots.items) await visit(r);
  return out;
}

describe('subtree rebuilds the tree lazily', () => {
  it.each([
    ['36-NQ/TW@2023', 'DOWN', 2],
    ['42-CT/TW', 'DOWN', 100],
    ['task III.6.h', 'UP', 1],
  ] as const)(
    '%s %s (%i per page): root alone, then every expanded entry’s children',
    async (name, dir, first) => {
      const ref = name === 'task III.6.h' ? await taskRef() : name;
      const { tree } = ok(await gql<Full>(api.url, FULL, { ref, dir })).lineage;
      const root = await subtreeAll(api, { ref, dir, parent: null, first });
      expect(root.items).toEqual([tree[0]]);
      expect(root.totals).toEqual([1]);
      const rebuilt = await walk(api, { ref, dir }, first, (e) => e.childCount > 0);
      expect(rebuilt).toEqual(tree);
      expect(rebuilt.some((e) => e.repeated) || dir === 'UP').toBe(true);
    },
  );

  it('a parent outside the tree is NOT_FOUND; a bad depth or province BAD_USER_INPUT', async () => {
    const missing = await gql(api.url, SUBTREE, {
      ref: '36-NQ/TW@2023',
      parent: 'doc:nope@central@?',
      first: 5,
    });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.errors?.[0]?.message).toMatch(/parent/);
    // 42-CT/TW is in the graph, but not under 36-NQ/TW.
    const other = ok(await gql<Full>(api.url, FULL, { ref: '42-CT/TW' })).lineage.tree[0]?.node.id;
    const foreign = await gql(api.url, SUBTREE, { ref: '36-NQ/TW@2023', parent: other, first: 5 });
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    const depth = await gql(api.url, SUBTREE, { ref: '36-NQ/TW@2023', depth: 0, parent: null, first: 5 });
    expect(codes(depth)).toEqual(['BAD_USER_INPUT']);
    const province = await gql(api.url, SUBTREE, {
      ref: '36-NQ/TW@2023',
      parent: null,
      filter: { province: 'Atlantis' },
      first: 5,
    });
    expect(codes(province)).toEqual(['BAD_USER_INPUT']);
  });
});

// ------------------------------------------------------------------------------------------------
// Cursors
// ------------------------------------------------------------------------------------------------

describe('cursors are checked', () => {
  const q = (field: string) =>
    `query($ref: String!, $after: String) { lineage(ref: $ref) { ${field}(first: 2, after: $after) { edges { cursor } } } }`;
  const cursorOf = async (field: string, ref = '36-NQ/TW@2023') => {
    const data = ok(
      await gql<{ lineage: Record<string, { edges: Array<{ cursor: string }> }> }>(api.url, q(field), {
        ref,
      }),
    );
    return data.lineage[field]?.edges[1]?.cursor as string;
  };

  it('tampered, of another list, of another lineage: BAD_USER_INPUT naming the argument', async () => {
    const tree = await cursorOf('treePage');
    const node = await cursorOf('nodesPage');
    const otherLineage = await cursorOf('treePage', '42-CT/TW');
    const text = Buffer.from(tree, 'base64url').toString('utf8');
    const tampered = Buffer.from(text.replace(/\.1\./, '.0x.'), 'utf8').toString('base64url');
    for (const [field, after] of [
      ['treePage', 'not-a-cursor'],
      ['treePage', node],
      ['nodesPage', tree],
      ['treePage', otherLineage],
      ['treePage', tampered],
      ['edgesPage', tree],
    ] as const) {
      const r = await gql(api.url, q(field), { ref: '36-NQ/TW@2023', after });
      expect(codes(r), `${field} after ${after}`).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.message).toMatch(/^after: /);
      expect(r.errors?.[0]?.extensions?.argument).toBe('after');
    }
    // The cursor of one subtree's children is not one of another parent's.
    const rootKids = ok(
      await gql<{ subtree: Connection<Entry> }>(api.url, SUBTREE, {
        ref: '36-NQ/TW@2023',
        parent: null,
        first: 1,
      }),
    ).subtree;
    const elsewhere = await gql(api.url, SUBTREE, {
      ref: '36-NQ/TW@2023',
      parent: rootKids.edges[0]?.node.node.id,
      first: 1,
      after: rootKids.edges[0]?.cursor,
    });
    expect(codes(elsewhere)).toEqual(['BAD_USER_INPUT']);
  });

  it('a cursor carries the item: the next page starts right after it', async () => {
    const full = ok(await gql<Full>(api.url, FULL, { ref: '36-NQ/TW@2023' })).lineage;
    const after = await cursorOf('treePage');
    const next = ok(
      await gql<{ lineage: { treePage: Connection<Entry> } }>(
        api.url,
        `query($after: String) { lineage(ref: "36-NQ/TW@2023") { treePage(first: 3, after: $after) { edges { node { ${ENTRY} } } } } }`,
        { after },
      ),
    ).lineage.treePage;
    expect(next.edges.map((e) => e.node)).toEqual(full.tree.slice(2, 5));
  });
});

// ------------------------------------------------------------------------------------------------
// References, citations and search pages
// ------------------------------------------------------------------------------------------------

describe('references, citedBy and search pages concatenate to the lists', () => {
  it.each(['1693/KH-UBND', '36-NQ/TW@2023', '167/KH-UBND'])(
    '%s: referencesPage and citedByPage',
    async (ref) => {
      const full = ok(
        await gql<{
          document: {
            references: Array<{ symbol: string | null; target: { id: string } | null; mentions: unknown[] }>;
            citedBy: Array<{ edge: { id: string }; node: { id: string } }>;
          };
        }>(
          api.url,
          'query($ref: String!) { document(ref: $ref) { references { symbol target { id } mentions { start end } } citedBy { edge { id } node { id } } } }',
          { ref },
        ),
      ).document;
      expect(full.references.length + full.citedBy.length).toBeGreaterThan(1);
      const refs = await allPages(async (after) => {
        const data = ok(
          await gql<{ document: { referencesPage: Connection<unknown> } }>(
            api.url,
            `query($ref: String!, $after: String) { document(ref: $ref) { referencesPage(first: 1, after: $after) { edges { cursor node { symbol target { id } mentions { start end } } } ${PAGE_INFO} } } }`,
            { ref, after },
          ),
        );
        return data.document.referencesPage;
      });
      expect(refs.items).toEqual(full.references);
      expect(new Set(refs.totals)).toEqual(new Set([full.references.length]));
      const cited = await allPages(async (after) => {
        const data = ok(
          await gql<{ document: { citedByPage: Connection<unknown> } }>(
            api.url,
            `query($ref: String!, $after: String) { document(ref: $ref) { citedByPage(first: 1, after: $after) { edges { cursor node { edge { id } node { id } } } ${PAGE_INFO} } } }`,
            { ref, after },
          ),
        );
        return data.document.citedByPage;
      });
      expect(cited.items).toEqual(full.citedBy);
      expect(new Set(cited.totals)).toEqual(new Set([full.citedBy.length]));
    },
  );

  it.each([
    ['nghi quyet', null],
    ['cong nghe sinh hoc', null],
    ['so khoa hoc', ['AGENCY', 'TASK']],
    ['kon tum', ['DOCUMENT']],
  ] as const)(
    'searchPage(%s, %j) pages through search(first: 100) with its true total',
    async (text, kinds) => {
      const full = ok(
        await gql<{ search: Array<{ __typename: string; id: string }> }>(
          api.url,
          'query($text: String!, $kinds: [NodeKind!]) { search(text: $text, first: 100, kinds: $kinds) { __typename ... on Node { id } } }',
          { text, kinds },
        ),
      ).search;
      expect(full.length).toBeGreaterThan(3);
      expect(full.length).toBeLessThan(100);
      const paged = await allPages(async (after) => {
        const data = ok(
          await gql<{ searchPage: Connection<unknown> }>(
            api.url,
            `query($text: String!, $kinds: [NodeKind!], $after: String) { searchPage(text: $text, kinds: $kinds, first: 3, after: $after) { edges { cursor node { __typename ... on Node { id } } } ${PAGE_INFO} } }`,
            { text, kinds, after },
          ),
        );
        return data.searchPage;
      });
      expect(paged.items).toEqual(full);
      expect(new Set(paged.totals)).toEqual(new Set([full.length]));
      const bad = await gql(
        api.url,
        'query($after: String) { searchPage(text: "nghi quyet", after: $after) { totalCount } }',
        { after: 'bm9wZQ' },
      );
      expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    },
  );
});

// ------------------------------------------------------------------------------------------------
// Subtree filters on a hand-built fixture
// ------------------------------------------------------------------------------------------------

// R (central) ← A (Kon Tum) ← B (Ia H'Drai, a Kon Tum district); A has task A1 led by Sở Y tế Kon Tum.
// R ← C (Quảng Ngãi, task C1 led by Sở Y tế Quảng Ngãi) ← D (Bình Sơn, a Quảng Ngãi district; task D1 led by
// Phòng Y tế Bình Sơn) ← E (Ia Tơi, a Kon Tum commune; task E1 led by UBND xã Ia Tơi).
const F = {
  r: documentId({ symbol: '1-NQ/TW', jurisdiction: null, date: '2024-01-02' }),
  a: documentId({ symbol: '2-CTr/TU', jurisdiction: 'Kon Tum', date: '2024-02-03' }),
  b: documentId({ symbol: '3/KH-UBND', jurisdiction: "Ia H'Drai", date: '2024-03-04' }),
  c: documentId({ symbol: '4/KH-UBND', jurisdiction: 'Quảng Ngãi', date: '2024-02-05' }),
  d: documentId({ symbol: '5/KH-UBND', jurisdiction: 'Bình Sơn', date: '2024-03-06' }),
  e: documentId({ symbol: '6/KH-UBND', jurisdiction: 'Ia Tơi', date: '2024-04-07' }),
};
const FT = { a1: taskId(F.a, '1'), c1: taskId(F.c, '1'), d1: taskId(F.d, '1'), e1: taskId(F.e, '1') };
const FA = {
  sytKonTum: agencyId({ name: 'Sở Y tế', jurisdiction: 'Kon Tum' }),
  sytQuangNgai: agencyId({ name: 'Sở Y tế', jurisdiction: 'Quảng Ngãi' }),
  pytBinhSon: agencyId({ name: 'Phòng Y tế', jurisdiction: 'Bình Sơn' }),
  ubndIaToi: agencyId({ name: 'Ủy ban nhân dân xã Ia Tơi', jurisdiction: 'Ia Tơi' }),
};

function fdoc(id: string, fields: Partial<DocumentFields>): DocumentFields {
  return { ...emptyDocumentFields(id, 'KE_HOACH'), branch: 'STATE', ...fields };
}
const R = fdoc(F.r, { symbol: '1-NQ/TW', type: 'NGHI_QUYET', branch: 'PARTY', level: 'CENTRAL' });
const A = fdoc(F.a, {
  symbol: '2-CTr/TU',
  type: 'CHUONG_TRINH',
  branch: 'PARTY',
  level: 'PROVINCE',
  jurisdiction: 'Kon Tum',
  province: 'Kon Tum',
});
const B = fdoc(F.b, {
  symbol: '3/KH-UBND',
  level: 'DISTRICT',
  jurisdiction: "Ia H'Drai",
  province: 'Kon Tum',
});
const C = fdoc(F.c, {
  symbol: '4/KH-UBND',
  level: 'PROVINCE',
  jurisdiction: 'Quảng Ngãi',
  province: 'Quảng Ngãi',
});
const D = fdoc(F.d, {
  symbol: '5/KH-UBND',
  level: 'DISTRICT',
  jurisdiction: 'Bình Sơn',
  province: 'Quảng Ngãi',
});
const E = fdoc(F.e, { symbol: '6/KH-UBND', level: 'COMMUNE', jurisdiction: 'Ia Tơi', province: 'Kon Tum' });

function ftask(docId: string, title: string): TaskFields {
  return {
    id: taskId(docId, '1'),
    documentId: docId,
    key: '1',
    label: '1',
    parentKey: null,
    title,
    text: title,
    groups: [],
    deadlineKind: null,
    deadlineValue: null,
    deadlineText: null,
    deadlineValid: true,
    deadlineDates: [],
    deadlineCondition: null,
    deadlineRecurrence: null,
  };
}

function facts(
  self: DocumentFields,
  implementsDoc: DocumentFields,
  extra?: { task: TaskFields; agency: AgencyFields },
): DocumentFacts {
  let offset = 10;
  const provenance = () => {
    offset += 20;
    return {
      assertedBy: self.id,
      source: `fixture/${self.id}.txt`,
      evidence: { start: offset, end: offset + 10 },
      method: 'STATED' as const,
      confidence: 0.9,
      extractorVersion: '0.1.0',
    };
  };
  const edges: EdgeFields[] = [
    { type: 'IMPLEMENTS', from: self.id, to: implementsDoc.id, provenance: provenance() },
  ];
  if (extra) {
    edges.push({ type: 'HAS_TASK', from: self.id, to: extra.task.id, provenance: provenance() });
    edges.push({
      type: 'ASSIGNS',
      from: extra.task.id,
      to: extra.agency.id,
      role: 'LEAD',
      provenance: provenance(),
    });
  }
  return {
    source: `fixture/${self.id}.txt`,
    contentHash: `sha256:${self.id}`,
    extractorVersion: '0.1.0',
    document: self,
    mentioned: [implementsDoc],
    agencies: extra ? [extra.agency] : [],
    tasks: extra ? [extra.task] : [],
    edges,
  };
}

const ag = (id: string, name: string, jurisdiction: string, level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE') => ({
  id,
  name,
  variants: [],
  jurisdiction,
  level,
});

describe('subtree filters (a two-province fixture, expectations by hand)', () => {
  let dir: string;
  let store: SqliteStore;
  let fx: Started;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-api-subtree-'));
    store = new SqliteStore({ directory: join(dir, 'graph') });
    await store.init();
    const outcomes = await store.applyDocuments([
      facts(A, R, {
        task: ftask(F.a, 'Tuyên truyền y tế'),
        agency: ag(FA.sytKonTum, 'Sở Y tế', 'Kon Tum', 'PROVINCE'),
      }),
      facts(B, A),
      facts(C, R, {
        task: ftask(F.c, 'Khám chữa bệnh'),
        agency: ag(FA.sytQuangNgai, 'Sở Y tế', 'Quảng Ngãi', 'PROVINCE'),
      }),
      facts(D, C, {
        task: ftask(F.d, 'Tiêm chủng'),
        agency: ag(FA.pytBinhSon, 'Phòng Y tế', 'Bình Sơn', 'DISTRICT'),
      }),
      facts(E, D, {
        task: ftask(F.e, 'Vệ sinh môi trường'),
        agency: ag(FA.ubndIaToi, 'Ủy ban nhân dân xã Ia Tơi', 'Ia Tơi', 'COMMUNE'),
      }),
    ]);
    expect(outcomes.map((o) => o.error)).toEqual([null, null, null, null, null]);
    fx = await startApi(store);
  });

  afterAll(async () => {
    await fx?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shape = (entries: Entry[]) => entries.map((e) => [e.node.id, e.matches, e.descendantMatches]);

  it('the unfiltered tree is the one drawn above', async () => {
    const { tree } = ok(await gql<Full>(fx.url, FULL, { ref: F.r })).lineage;
    expect(tree.map((e) => [e.node.id, e.childCount, e.descendantCount])).toEqual([
      [F.r, 2, 13],
      [F.a, 2, 3],
      [F.b, 0, 0],
      [FT.a1, 1, 1],
      [FA.sytKonTum, 0, 0],
      [F.c, 2, 8],
      [F.d, 2, 5],
      [F.e, 1, 2],
      [FT.e1, 1, 1],
      [FA.ubndIaToi, 0, 0],
      [FT.d1, 1, 1],
      [FA.pytBinhSon, 0, 0],
      [FT.c1, 1, 1],
      [FA.sytQuangNgai, 0, 0],
    ]);
  });

  const filteredWalk = (filter: Record<string, unknown>, first = 1) =>
    walk(fx, { ref: F.r, filter }, first, (e) => (e.descendantMatches ?? 0) > 0);

  it('province Kon Tum: its documents, their tasks, its agencies (district and commune ones too), and the path to them', async () => {
    const expected = [
      [F.r, false, 7],
      [F.a, true, 3],
      [F.b, true, 0],
      [FT.a1, true, 1],
      [FA.sytKonTum, true, 0],
      [F.c, false, 3],
      [F.d, false, 3],
      [F.e, true, 2],
      [FT.e1, true, 1],
      [FA.ubndIaToi, true, 0],
    ];
    expect(shape(await filteredWalk({ province: 'kon tum' }))).toEqual(expected);
    expect(shape(await filteredWalk({ province: 'Tỉnh Kon Tum' }, 100))).toEqual(expected);
    // Children pages hold only the kept children, and counts of the full tree stay as they are.
    const underC = await subtreeAll(fx, {
      ref: F.r,
      parent: F.c,
      filter: { province: 'Kon Tum' },
      first: 10,
    });
    expect(underC.items.map((e) => [e.node.id, e.childCount, e.descendantCount])).toEqual([[F.d, 2, 5]]);
    expect(underC.totals).toEqual([1]);
  });

  it('province Quảng Ngãi, level DISTRICT, type CTr, text', async () => {
    expect(shape(await filteredWalk({ province: 'Quang Ngai' }))).toEqual([
      [F.r, false, 6],
      [F.c, true, 5],
      [F.d, true, 2],
      [FT.d1, true, 1],
      [FA.pytBinhSon, true, 0],
      [FT.c1, true, 1],
      [FA.sytQuangNgai, true, 0],
    ]);
    expect(shape(await filteredWalk({ level: 'DISTRICT' }))).toEqual([
      [F.r, false, 4],
      [F.a, false, 1],
      [F.b, true, 0],
      [F.c, false, 3],
      [F.d, true, 2],
      [FT.d1, true, 1],
      [FA.pytBinhSon, true, 0],
    ]);
    expect(shape(await filteredWalk({ type: 'ctr' }))).toEqual([
      [F.r, false, 1],
      [F.a, true, 0],
    ]);
    expect(shape(await filteredWalk({ type: 'KH', province: 'Kon Tum' }))).toEqual([
      [F.r, false, 2],
      [F.a, false, 1],
      [F.b, true, 0],
      [F.c, false, 1],
      [F.d, false, 1],
      [F.e, true, 0],
    ]);
    // Word prefixes of the name: "kon" starts "Kon" of "Sở Y tế (Kon Tum)"; the task says "y tế" but not "kon".
    expect(shape(await filteredWalk({ text: 'Y TE kon' }))).toEqual([
      [F.r, false, 1],
      [F.a, false, 1],
      [FT.a1, false, 1],
      [FA.sytKonTum, true, 0],
    ]);
  });

  it('a filter that matches nothing gives an empty page with a zero total', async () => {
    const none = await subtreeAll(fx, { ref: F.r, parent: null, filter: { province: 'Lào Cai' }, first: 5 });
    expect(none.items).toEqual([]);
    expect(none.totals).toEqual([0]);
    const under = await subtreeAll(fx, { ref: F.r, parent: F.a, filter: { type: 'QĐ' }, first: 5 });
    expect(under.items).toEqual([]);
    expect(under.totals).toEqual([0]);
  });
  // Last of this block: it writes to the fixture.
  it('a cursor taken before a write resumes right after the same entry in the changed tree', async () => {
    const Q = `query($after: String) { lineage(ref: "${F.r}") { treePage(first: 3, after: $after) { edges { cursor node { node { id } } } pageInfo { endCursor } } } }`;
    const before = ok(await gql<{ lineage: { treePage: Connection<{ node: { id: string } }> } }>(fx.url, Q))
      .lineage.treePage;
    expect(before.edges.map((e) => e.node.node.id)).toEqual([F.r, F.a, F.b]);
    // A new Kon Tum programme implementing R, sorted before A: every later entry moves one place down.
    const z = fdoc(documentId({ symbol: '0-CTr/TU', jurisdiction: 'Kon Tum', date: '2024-01-03' }), {
      symbol: '0-CTr/TU',
      type: 'CHUONG_TRINH',
      branch: 'PARTY',
      level: 'PROVINCE',
      jurisdiction: 'Kon Tum',
      province: 'Kon Tum',
    });
    const [applied] = await store.applyDocuments([facts(z, R)]);
    expect(applied?.error).toBeNull();
    const { tree } = ok(await gql<Full>(fx.url, FULL, { ref: F.r })).lineage;
    expect(tree.map((e) => e.node.id).slice(0, 4)).toEqual([F.r, z.id, F.a, F.b]);
    const next = ok(
      await gql<{ lineage: { treePage: Connection<{ node: { id: string } }> } }>(fx.url, Q, {
        after: before.pageInfo.endCursor,
      }),
    ).lineage.treePage;
    expect(next.edges.map((e) => e.node.node.id)).toEqual([FT.a1, FA.sytKonTum, F.c]);
  });
});
