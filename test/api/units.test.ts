// API building blocks as tables: deadline dates, cursors, operation cost and depth, bearer tokens, what is not a
// document, and the caches' invalidation.
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/api/answer-cache.ts';
import {
  arrayList,
  decodeCursor,
  encodeCursor,
  keysetPage,
  positionalPage,
} from '../../src/api/connection.ts';
import { dueBy, judgeDeadline, parseDay } from '../../src/api/deadlines.ts';
import { Kind, type OperationDefinitionNode, parse } from '../../src/api/graphql.ts';
import { bearerMatches } from '../../src/api/guard-plugin.ts';
import { isNotADocument } from '../../src/api/ingest.ts';
import { analyzeOperation } from '../../src/api/limits.ts';
import { resolvers } from '../../src/api/resolvers/index.ts';
import { ResponseCache } from '../../src/api/response-cache.ts';
import { buildApiSchema, loadSchemaText } from '../../src/api/schema.ts';
import type { TaskNode } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';

describe('deadlines', () => {
  it.each([
    // [kind, value, valid, last allowed day]
    ['BY_DATE', '2022-03-31', true, '2022-03-31'],
    ['BY_DATE', '2024-02', true, '2024-02-29'], // month precision: the month's last day (leap year)
    ['BY_DATE', '2023', true, '2023-12-31'], // year precision
    ['BY_QUARTER', '2023-Q2', true, '2023-06-30'],
    ['BY_QUARTER', '2024-Q4', true, '2024-12-31'],
    ['BY_DATE', null, false, null], // 31/6/2022: impossible, never moved to 1 July
    ['RECURRING', '--12-05', true, null], // yearly duties have no single due day
    ['START', '2022-05-18', true, null], // a start is not a deadline
    ['ONGOING', null, true, null],
  ])('%s %s (valid %s) → %s', (kind, value, valid, expected) => {
    expect(dueBy(kind, value, valid)).toBe(expected);
  });

  it.each([
    ['2022-06-30', '2022-06-30'],
    ['2022-06-31', null], // no such day
    ['2023-02-29', null],
    ['2024-02-29', '2024-02-29'],
    ['2022-6-30', null], // not zero-padded
  ])('parseDay(%s) → %s', (text, expected) => {
    expect(parseDay(text)).toBe(expected);
  });

  const task = (kind: TaskNode['deadlineKind'], value: string | null, valid: boolean) =>
    ({ deadlineKind: kind, deadlineValue: value, deadlineValid: valid }) as TaskNode;
  it('an impossible deadline is INVALID (reported), never a match or a silent miss', () => {
    expect(judgeDeadline(task('BY_DATE', null, false), { before: '2023-01-01', after: null })).toBe(
      'INVALID',
    );
    expect(judgeDeadline(task('BY_DATE', '2022-03-31', true), { before: '2022-03-31', after: null })).toBe(
      'NO_MATCH',
    );
    expect(judgeDeadline(task('BY_DATE', '2022-03-31', true), { before: '2022-04-01', after: null })).toBe(
      'MATCH',
    );
    expect(judgeDeadline(task('RECURRING', null, true), { before: '2030-01-01', after: null })).toBe(
      'NO_MATCH',
    );
  });
});

describe('cursors', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  it('pages by key: the page after "b" starts at "c", even when "b" itself was removed', () => {
    const page = keysetPage(items, (x) => x, 'agency', 2, encodeCursor('agency', 'b'));
    expect(page.edges.map((e) => e.node)).toEqual(['c', 'd']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const gone = keysetPage(['a', 'c', 'd'], (x) => x, 'agency', 2, encodeCursor('agency', 'b'));
    expect(gone.edges.map((e) => e.node)).toEqual(['c', 'd']);
  });

  it.each([
    ['a cursor of another list', encodeCursor('doc', 'x')],
    ['not base64url of a cursor', 'hello'],
  ])('refuses %s', (_what, cursor) => {
    expect(() => decodeCursor('agency', cursor)).toThrow(/not a cursor/);
  });
});

describe('positional cursors over computed answers', () => {
  const list = (items: string[], identity = 'q') =>
    arrayList('tree', identity, items, (x) => x.split('/')[0] ?? x);
  const names = (p: { edges: readonly { node: string }[] }) => p.edges.map((e) => e.node);
  const items = ['a', 'b', 'c', 'd', 'e', 'f'];
  const cursorAfter = (n: number) => positionalPage(list(items), n, null).pageInfo.endCursor as string;

  it('pages by position; first: 0 gives the count alone', () => {
    const p1 = positionalPage(list(items), 2, null);
    expect(names(p1)).toEqual(['a', 'b']);
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = positionalPage(list(items), 10, p1.pageInfo.endCursor);
    expect(names(p2)).toEqual(['c', 'd', 'e', 'f']);
    expect(p2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const zero = positionalPage(list(items), 0, null);
    expect(zero.edges).toEqual([]);
    expect(zero.totalCount).toBe(6);
    expect(zero.pageInfo.hasNextPage).toBe(true);
  });

  it('after a change, resumes right after the same item (found by its key near its old position)', () => {
    const after = cursorAfter(3); // after "c"
    expect(names(positionalPage(list(['x', 'y', ...items]), 2, after))).toEqual(['d', 'e']);
    expect(names(positionalPage(list(['b', 'c', 'd']), 2, after))).toEqual(['d']);
    // Repeated keys (a tree shows a node twice): the occurrence nearest the old position.
    const twice = ['c/1', 'a', 'b', 'c/2', 'd', 'e'];
    expect(names(positionalPage(list(twice), 2, after))).toEqual(['d', 'e']);
  });

  it.each([
    ['the item is gone', ['a', 'b', 'd'], 'q', /no longer in this answer/],
    ['another question', items, 'other', /another list/],
  ] as const)('refuses a cursor when %s', (_what, now, identity, message) => {
    expect(() => positionalPage(list([...now], identity), 2, cursorAfter(3))).toThrow(message);
  });

  it('refuses tampered cursors, naming the argument, even with a huge position', () => {
    const text = Buffer.from(cursorAfter(3), 'base64url').toString('utf8');
    const huge = Buffer.from(text.replace('.2.', '.99999999999.'), 'utf8').toString('base64url');
    // A huge position is looked for near the end of the list, in at most one pass.
    expect(names(positionalPage(list(items), 2, huge))).toEqual(['d', 'e']);
    const wrongKey = Buffer.from(text.replace('.2.c', '.2.zz'), 'utf8').toString('base64url');
    expect(() => positionalPage(list(items), 2, wrongKey, 'cursor')).toThrow(/^cursor: .*no longer/);
    expect(() => positionalPage(list(items), 2, 'garbage', 'cursor')).toThrow(/^cursor: /);
    expect(() => positionalPage(list(items), 2, encodeCursor('tree', 'no dots'))).toThrow(/not a cursor/);
  });
});

describe('operation cost and depth', () => {
  const schema = buildApiSchema(loadSchemaText(), resolvers);
  const analyze = (q: string, variables: Record<string, unknown> | null = null) => {
    const doc = parse(q);
    const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const fragments = new Map(
      doc.definitions.flatMap((d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
      ),
    );
    return analyzeOperation(schema, fragments, op, variables, 100);
  };

  it.each([
    // [query, depth]
    ['{ documents { totalCount } }', 2],
    ['{ lineage(ref: "x") { nodes { node { id } } } }', 4],
    ['{ lineage(ref: "x") { nodes { node { ...N } } } } fragment N on Node { id }', 4], // fragments count where spread
    ['{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', 0], // introspection is not counted
  ])('depth of %s is %s', (q, depth) => {
    expect(analyze(q).depth).toBe(depth);
  });

  it('cost grows with first, and a variable first is priced with its value', () => {
    const small = analyze('{ documents(first: 10) { edges { node { references { symbol } } } } }').cost;
    const large = analyze('{ documents(first: 100) { edges { node { references { symbol } } } } }').cost;
    expect(large).toBeGreaterThan(small * 5);
    const q = 'query($n: Int = 10) { documents(first: $n) { edges { node { references { symbol } } } } }';
    expect(analyze(q).cost).toBe(small);
    expect(analyze(q, { n: 100 }).cost).toBe(large);
  });

  it('a first over the cap is reported with the field', () => {
    expect(analyze('{ search(text: "x", first: 5000) { __typename } }').oversizePages).toEqual([
      { field: 'Query.search', first: 5000 },
    ]);
  });

  it('a recursive fragment does not loop', () => {
    expect(() =>
      analyze('{ node(id: "x") { ...A } } fragment A on Document { tasks { document { ...A } } }'),
    ).not.toThrow();
  });
});

describe('bearer tokens and documents', () => {
  it.each([
    ['Bearer s3cret-token-0000000000', true],
    ['bearer s3cret-token-0000000000', true], // the scheme is case-insensitive
    ['Bearer s3cret-token-0000000001', false],
    ['Bearer', false],
    ['s3cret-token-0000000000', false],
    [null, false],
  ])('%s → %s', (header, ok) => {
    expect(bearerMatches(header, 's3cret-token-0000000000')).toBe(ok);
  });

  it.each([
    ['', true],
    ['Hello, a shopping list: milk, bread.', true],
    ['KẾ HOẠCH\nThực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng.', false],
  ])('isNotADocument(%j) → %s', (text, expected) => {
    expect(isNotADocument(extractDocument(text))).toBe(expected);
  });
});

describe('caches', () => {
  it('answer cache: reads are shared until a write through it clears them', async () => {
    let calls = 0;
    let t = 0;
    const fake = {
      getNode: async (id: string) => ({ id, n: ++calls }),
      applyDocument: async () => ({}),
    } as unknown as GraphStore;
    const cache = new AnswerCache(fake, { ttlMs: 1_000, now: () => t });
    const first = await cache.store.getNode('a');
    expect(await cache.store.getNode('a')).toBe(first);
    await cache.store.applyDocument({} as never);
    expect(await cache.store.getNode('a')).not.toBe(first);
    // Expired: the old answer is served once while the refresh runs, then the new one.
    t = 1_500;
    const stale = await cache.store.getNode('a');
    expect((stale as unknown as { n: number }).n).toBe(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(((await cache.store.getNode('a')) as unknown as { n: number }).n).toBe(3);
  });

  it('answer cache: an expired answer is kept while the store revision stays, asked again when it moves', async () => {
    let calls = 0;
    let t = 0;
    let revision = 'r1';
    const fake = {
      getNode: async (id: string) => ({ id, n: ++calls }),
      revision: async () => revision,
    } as unknown as GraphStore;
    const cache = new AnswerCache(fake, { ttlMs: 1_000, now: () => t });
    const first = await cache.store.getNode('a');
    const settle = () => new Promise((r) => setTimeout(r, 0));
    for (const at of [1_500, 3_000, 9_000]) {
      t = at;
      expect(await cache.store.getNode('a')).toBe(first);
      await settle();
    }
    expect(calls).toBe(1);
    // Another process wrote: the revision moved, so the next expiry asks the store.
    revision = 'r2';
    t = 10_500;
    await cache.store.getNode('a');
    await settle();
    expect(((await cache.store.getNode('a')) as unknown as { n: number }).n).toBe(2);
  });

  it('response cache: a ticket taken before a clear never stores its (old) answer', () => {
    const cache = new ResponseCache({ ttlMs: 1_000, now: () => 0 });
    const miss = cache.lookup('{"query":"{ a }"}');
    expect(miss.kind).toBe('miss');
    cache.clear();
    if (miss.kind === 'miss') cache.store(miss.ticket, 200, {}, 'old');
    expect(cache.lookup('{"query":"{ a }"}').kind).toBe('miss');
  });

  it('response cache: a stored answer is a hit until it expires; then one request refreshes while others get it', () => {
    let t = 0;
    const cache = new ResponseCache({ ttlMs: 1_000, now: () => t });
    const key = '{"query":"{ b }"}';
    const miss = cache.lookup(key);
    if (miss.kind === 'miss')
      cache.store(miss.ticket, 200, { 'content-type': 'application/json' }, '{"data":{"b":"é"}}');
    const hit = cache.lookup(key);
    expect(hit.kind === 'hit' && hit.value.headers['content-length']).toBe('19'); // bytes: é is two
    t = 1_500;
    expect(cache.lookup(key).kind).toBe('miss'); // the one request that refreshes
    expect(cache.lookup(key).kind).toBe('hit'); // everyone else meanwhile
  });
});
