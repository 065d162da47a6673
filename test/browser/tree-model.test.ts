// The viewer's lazy tree model (viewer/components/tree-model.js, plain JS without the DOM) and the request
// packing of its source, over a fake source that answers like the API's `subtree` (pages by cursor, filter
// keeping matches and their ancestors) and records what it was asked.
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const model = await import(new URL('viewer/components/tree-model.js', root).href);
const { LazyTree, EXPAND_ALL_LIMIT } = model;

interface FakeNode {
  id: string;
  kind: string;
  province?: string;
  children: FakeNode[];
}
interface Request {
  parent: string | null;
  first: number;
  after: string | null;
}

const count = (n: FakeNode): number => n.children.reduce((s, c) => s + 1 + count(c), 0);

/** A root with `width` documents, each with `kids` tasks; documents alternate provinces A and B. */
function fakeTree(width: number, kids: number): FakeNode {
  return {
    id: 'root',
    kind: 'DOCUMENT',
    children: Array.from({ length: width }, (_, i) => ({
      id: `d${i}`,
      kind: 'DOCUMENT',
      province: i % 2 === 0 ? 'A' : 'B',
      children: Array.from({ length: kids }, (_, k) => ({ id: `d${i}#${k}`, kind: 'TASK', children: [] })),
    })),
  };
}

function fakeSource(tree: FakeNode) {
  const byId = new Map<string, FakeNode>();
  const depthOf = new Map<string, number>();
  const walk = (n: FakeNode, d: number) => {
    byId.set(n.id, n);
    depthOf.set(n.id, d);
    for (const c of n.children) walk(c, d + 1);
  };
  walk(tree, 0);
  const matchCount = (n: FakeNode, p: string | undefined): number =>
    n.children.reduce((s, c) => s + (c.province === p ? 1 : 0) + matchCount(c, p), 0);
  const calls: Request[][] = [];
  const entry = (n: FakeNode, filter: { province?: string } | null) => ({
    depth: depthOf.get(n.id),
    relation: null,
    repeated: false,
    childCount: n.children.length,
    descendantCount: count(n),
    matches: filter ? n.province === filter.province : null,
    descendantMatches: filter ? matchCount(n, filter.province) : null,
    node: { id: n.id, kind: n.kind, name: n.id, province: n.province },
  });
  return {
    calls,
    async pages(requests: Request[], filter: { province?: string } | null) {
      calls.push(requests);
      return requests.map((r) => {
        if (r.parent === null)
          return {
            totalCount: 1,
            pageInfo: { hasNextPage: false, endCursor: '1' },
            edges: [{ node: entry(tree, filter) }],
          };
        const parent = byId.get(r.parent) as FakeNode;
        const kept = parent.children.filter(
          (c) => !filter || c.province === filter.province || matchCount(c, filter.province) > 0,
        );
        const from = r.after ? Number(r.after) : 0;
        const to = Math.min(kept.length, from + r.first);
        return {
          totalCount: kept.length,
          pageInfo: { hasNextPage: to < kept.length, endCursor: String(to) },
          edges: kept.slice(from, to).map((c) => ({ node: entry(c, filter) })),
        };
      });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
type Row = { type: string; item: { node: { id: string } } };

describe('lazy tree model', () => {
  it('loads the root and its children only, and a child’s children when it is opened', async () => {
    const source = fakeSource(fakeTree(60, 5));
    const tree = new LazyTree(source);
    await tree.load();
    await settle();
    // 60 children of 5 = 300 more rows would pass the default size: nothing below the first level.
    expect(source.calls.map((c) => c.map((r) => r.parent))).toEqual([[null], ['root']]);
    expect(tree.rows()).toHaveLength(61);
    expect(tree.size()).toBe(360);
    const d3 = tree.root.children[3];
    expect(d3.children).toBeNull();
    await tree.toggle(d3);
    expect(source.calls.at(-1)).toEqual([{ parent: 'd3', first: 5, after: null }]);
    expect(tree.rows()).toHaveLength(66);
    await tree.toggle(d3);
    expect(tree.rows()).toHaveLength(61);
  });

  it('opens the next levels at first while they fit, one request per level', async () => {
    const source = fakeSource(fakeTree(10, 5));
    const tree = new LazyTree(source);
    await tree.load();
    while (tree.busy()) await settle();
    expect(source.calls).toHaveLength(3);
    expect(source.calls[2]?.map((r) => r.parent)).toEqual(Array.from({ length: 10 }, (_, i) => `d${i}`));
    expect(tree.rows()).toHaveLength(61);
  });

  it('pages children by cursor behind a "more" row', async () => {
    const source = fakeSource(fakeTree(250, 0));
    const tree = new LazyTree(source);
    await tree.load();
    const last = () => tree.rows().at(-1) as Row;
    expect(tree.rows()).toHaveLength(102);
    expect(last().type).toBe('more');
    await tree.showMore(tree.root);
    expect(source.calls.at(-1)).toEqual([{ parent: 'root', first: 100, after: '100' }]);
    await tree.showMore(tree.root);
    expect(source.calls.at(-1)).toEqual([{ parent: 'root', first: 50, after: '200' }]);
    expect(tree.rows()).toHaveLength(251);
    expect(last().item.node.id).toBe('d249');
  });

  it(`expands all of a small tree, and only what is loaded of one past ${EXPAND_ALL_LIMIT} entries`, async () => {
    const small = fakeSource(fakeTree(60, 5));
    const a = new LazyTree(small);
    await a.load();
    expect((await a.expandAll()).complete).toBe(true);
    expect(a.rows()).toHaveLength(361);

    const large = fakeSource(fakeTree(120, 5));
    const b = new LazyTree(large);
    await b.load();
    await settle();
    const asked = large.calls.length;
    const answer = await b.expandAll();
    expect(answer).toEqual({ complete: false, size: 720 });
    expect(large.calls).toHaveLength(asked);
    // The root, its first page of 100 children and the "more" row: nothing else was opened.
    expect(b.rows()).toHaveLength(102);
  });

  it('reloads under a filter in one request (root and children), keeping paths to matches', async () => {
    const source = fakeSource(fakeTree(60, 5));
    const tree = new LazyTree(source);
    await tree.load();
    const before = source.calls.length;
    await tree.setFilter({ province: 'A' });
    expect(source.calls[before]?.map((r) => r.parent)).toEqual([null, 'root']);
    expect(tree.matchCount()).toBe(30);
    expect(tree.root.children.map((c: { node: { province: string } }) => c.node.province)).toEqual(
      Array(30).fill('A'),
    );
    // Filtered, 30 matches fit: expand-all loads them whole.
    expect((await tree.expandAll()).complete).toBe(true);
  });

  it('drops an earlier load overtaken by a later filter', async () => {
    const source = fakeSource(fakeTree(6, 0));
    const slow = {
      async pages(requests: Request[], filter: { province?: string } | null) {
        if (filter?.province === 'A') await new Promise((r) => setTimeout(r, 30));
        return source.pages(requests, filter);
      },
    };
    const tree = new LazyTree(slow);
    await tree.load();
    const first = tree.setFilter({ province: 'A' });
    const second = tree.setFilter({ province: 'B' });
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(tree.root.children.map((c: { node: { id: string } }) => c.node.id)).toEqual(['d1', 'd3', 'd5']);
  });
});

describe('view state (the permalink of a tree)', () => {
  type Item = { node: { id: string }; expanded: boolean; children: Item[] | null };
  const expandedIds = (tree: { loadedItems(): Item[] }) =>
    tree
      .loadedItems()
      .filter((i) => i.expanded)
      .map((i) => i.node.id);

  it('is empty as first opened; after a toggle it names what was opened or closed, and restores it', async () => {
    const tree = new LazyTree(fakeSource(fakeTree(10, 5)));
    await tree.load();
    await tree.opening;
    expect(tree.viewState()).toEqual({ base: 'default', open: [], shut: [] });
    // The first levels are open (10 × 5 fits): close d2, and (on a large tree) open a closed one.
    await tree.toggle(tree.root.children[2]);
    expect(tree.viewState()).toEqual({ base: 'default', open: [], shut: ['d2'] });

    const again = new LazyTree(fakeSource(fakeTree(10, 5)));
    await again.load();
    await again.restore(tree.viewState());
    expect(expandedIds(again)).toEqual(expandedIds(tree));
  });

  it('opens by hand what the first levels left closed, loading it, on a large tree', async () => {
    const source = fakeSource(fakeTree(60, 5));
    const tree = new LazyTree(source);
    await tree.load();
    await tree.opening;
    await tree.toggle(tree.root.children[7]);
    await tree.toggle(tree.root.children[3]);
    // In tree order, whatever order they were opened in.
    expect(tree.viewState()).toEqual({ base: 'default', open: ['d3', 'd7'], shut: [] });

    const other = fakeSource(fakeTree(60, 5));
    const again = new LazyTree(other);
    await again.load();
    await again.restore({ base: 'default', open: ['d3', 'd7', 'gone'], shut: [] });
    expect(expandedIds(again)).toEqual(['root', 'd3', 'd7']);
    expect(again.rows()).toHaveLength(71);
  });

  it('keeps "Mở rộng tất cả" and "Thu gọn" as the base, with what was toggled after', async () => {
    const tree = new LazyTree(fakeSource(fakeTree(60, 5)));
    await tree.load();
    await tree.expandAll();
    await tree.toggle(tree.root.children[1]);
    expect(tree.viewState()).toEqual({ base: 'all', open: [], shut: ['d1'] });
    const again = new LazyTree(fakeSource(fakeTree(60, 5)));
    await again.load();
    await again.restore(tree.viewState());
    expect(again.rows()).toHaveLength(356);

    tree.collapseAll();
    await tree.toggle(tree.root.children[4]);
    expect(tree.viewState()).toEqual({ base: 'none', open: ['d4'], shut: [] });
  });

  it('names at most MAX_STATE_IDS entries of each kind', async () => {
    const tree = new LazyTree(fakeSource(fakeTree(60, 5)));
    await tree.load();
    await tree.opening;
    for (const child of tree.root.children.slice(0, 30)) await tree.toggle(child);
    expect(tree.viewState().open).toHaveLength(model.MAX_STATE_IDS);
  });
});

const { packBatches } = await import(new URL('viewer/components/tree-source.js', root).href);

describe('request packing', () => {
  it('keeps every request within the API’s cost limit (6 × first + 13 points a field, 5,000 in all)', () => {
    const requests = [100, 100, 100, 100, 100, 100, 100, 100, 3, 3, 60, ...Array(80).fill(1)].map(
      (first) => ({
        parent: 'x',
        first,
        after: null,
      }),
    );
    const batches: Request[][] = packBatches(requests);
    expect(batches.flat()).toEqual(requests);
    for (const b of batches) {
      expect(b.reduce((s, r) => s + 6 * r.first + 13, 0)).toBeLessThanOrEqual(5_000);
      expect(b.length).toBeLessThanOrEqual(40);
    }
    expect(batches.length).toBeLessThanOrEqual(4);
  });
});
