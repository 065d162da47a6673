// API costs that follow the graph, and the budgets that keep one client from holding the server: on a generated
// national graph (1,400 documents; 60-NQ/TW's lineage holds 19,000 nodes and 37,000 edges), an alias flood is
// refused before anything runs, a heavy accepted request leaves /healthz answering, a lineage costs what it can
// hold, a request past its time budget is stopped, and a client past its points per minute gets 429.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from '../../src/api/config.ts';
import { graphPricing } from '../../src/api/costs.ts';
import { Kind, type OperationDefinitionNode, parse } from '../../src/api/graphql.ts';
import { analyzeOperation, DEFAULT_LIMITS } from '../../src/api/limits.ts';
import { lineageTree } from '../../src/api/lineage-index.ts';
import { RateLimiter } from '../../src/api/rate-limit.ts';
import { resolvers } from '../../src/api/resolvers/index.ts';
import { buildApiSchema, loadSchemaText } from '../../src/api/schema.ts';
import { downView } from '../../src/api/views.ts';
import type { GraphNode } from '../../src/model/graph.ts';
import { resolveRef } from '../../src/query/refs.ts';
import type { WalkBounds } from '../../src/store/graph-store.ts';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { codes, gql, nationalStore, type Started, startApi } from './support.ts';

let national: Awaited<ReturnType<typeof nationalStore>>;
let store: SqliteStore;
let central: string;
/** A district or commune plan nothing implements. */
let leaf: string;
/** Default limits, no answer cache: every walk is done again. */
let api: Started;

beforeAll(async () => {
  national = await nationalStore();
  store = national.store;
  central = national.central;
  const bounds = (await store.walkBounds()) as WalkBounds;
  const root = await resolveRef(store, central);
  const lineage = await store.lineageDown(root.id, 10);
  const docs = lineage.nodes.filter((n) => n.kind === 'DOCUMENT' && n.depth >= 2);
  const small = docs.find((d) => (bounds.down(d.id, 10) ?? 0) < 50);
  leaf = small?.id ?? '';
  api = await startApi(store, { answerCacheTtlMs: 0 });
  // A server in service: its code warm and the node cache filled by one lineage of the central document.
  expect(
    (await gql(api.url, `{ lineage(ref: "${central}") { nodeCount treeSize } }`)).errors,
  ).toBeUndefined();
}, 240_000);

afterAll(async () => {
  await api?.close();
  await national?.dispose();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while /healthz is probed every 10 ms. A probe's latency counts from when it was due, not from
 * when it was sent: client and server share this process, so a blocked event loop delays the probe wherever the
 * block falls (in the request or in the pause between probes).
 */
async function probing<T>(url: string, work: () => Promise<T>): Promise<{ result: T; latencies: number[] }> {
  const latencies: number[] = [];
  const statuses = new Set<number>();
  let done = false;
  const loop = (async () => {
    let due = performance.now();
    while (!done) {
      const res = await fetch(`${url}/healthz`);
      await res.text();
      statuses.add(res.status);
      const end = performance.now();
      latencies.push(end - due);
      due = end + 10;
      await sleep(10);
    }
  })();
  await sleep(30);
  const result = await work();
  done = true;
  await loop;
  expect([...statuses]).toEqual([200]);
  return { result, latencies };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const report = (what: string, ms: number, latencies: readonly number[]) =>
  console.info(
    `${what}: ${ms.toFixed(0)} ms; /healthz ×${latencies.length} median ${median(latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
  );

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t };
}

const lineages = (n: number, ref: (i: number) => string, depth: (i: number) => number, selection: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: lineage(ref: "${ref(i)}", depth: ${depth(i)}) { ${selection} }`).join(' ')} }`;

describe('an alias flood is refused before anything runs', () => {
  it('280 lineage aliases (19 KB, under the static cost limit) → EXPENSIVE_FIELDS_LIMIT_EXCEEDED at once, /healthz answering', async () => {
    const flood = lineages(
      280,
      () => central,
      (i) => (i % 32) + 1,
      'treeSize nodeCount',
    );
    expect(flood.length).toBeLessThan(DEFAULT_LIMITS.maxQueryChars);
    api.counting.reset();
    const { result, latencies } = await probing(api.url, () => timed(() => gql(api.url, flood)));
    report('280-alias flood', result.ms, latencies);
    expect(result.value.status).toBe(400);
    expect(codes(result.value)).toEqual(['EXPENSIVE_FIELDS_LIMIT_EXCEEDED']);
    expect(result.value.errors?.[0]?.extensions).toMatchObject({
      expensiveFields: 32,
      maxExpensiveFields: 10,
    });
    expect(api.counting.calls.get('lineageDown') ?? 0).toBe(0);
    expect(result.ms).toBeLessThan(1_000);
    // The goal is "under 1 s" while the suite loads both cores; before, /healthz waited 16 s behind the flood.
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });

  it('280 aliases of one lineage share its walk: counts alone are cheap and accepted, its full lists are priced by its size', async () => {
    api.counting.reset();
    const counts = await timed(() =>
      gql(
        api.url,
        lineages(
          280,
          () => central,
          () => 10,
          'nodeCount',
        ),
      ),
    );
    expect(counts.value.errors).toBeUndefined();
    expect(api.counting.calls.get('lineageDown')).toBe(1);
    const lists = await gql(
      api.url,
      lineages(
        280,
        () => central,
        () => 10,
        'nodes { node { id } }',
      ),
    );
    expect(codes(lists)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(lists.errors?.[0]?.extensions?.graphAware).toBe(true);
    expect(lists.errors?.[0]?.extensions?.cost).toBeGreaterThan(280 * 2 * 19_000);
  });
});

describe('a heavy accepted request leaves the event loop free', () => {
  it('four cold lineages of the central document (115,000 tree entries): /healthz keeps answering', async () => {
    // Depths 2–5 are walked again (no answer cache), 16,000 to 40,000 items each: over a second of work, which
    // held the event loop in one piece before.
    const heavy = lineages(
      4,
      () => central,
      (i) => i + 2,
      'nodeCount treeSize',
    );
    const { result, latencies } = await probing(api.url, () => timed(() => gql(api.url, heavy)));
    report('four central lineages', result.ms, latencies);
    expect(result.value.errors).toBeUndefined();
    expect(result.value.status).toBe(200);
    expect(latencies.length).toBeGreaterThan(5);
    // The aim is under 100 ms; a loaded two-core machine (the suite runs files side by side) gets some slack.
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });

  it('a filtered subtree of the central document (a walk, its tree and a filter over 34,000 entries)', async () => {
    const q = `{ subtree(ref: "${central}", depth: 9, filter: { text: "kế hoạch" }) { totalCount edges { node { descendantMatches } } } }`;
    const { result, latencies } = await probing(api.url, () => timed(() => gql(api.url, q)));
    report('filtered subtree', result.ms, latencies);
    expect(result.value.errors).toBeUndefined();
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });
});

describe('costs follow the graph', () => {
  const schema = buildApiSchema(loadSchemaText(), resolvers);
  const cost = async (query: string, variables: Record<string, unknown>, graph: boolean) => {
    const op = parse(query).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    ) as OperationDefinitionNode;
    const resolved = new Map<string, GraphNode | null>();
    for (const ref of [variables.ref].filter((r): r is string => typeof r === 'string'))
      resolved.set(ref, await resolveRef(store, ref));
    const bounds = (await store.walkBounds()) as WalkBounds;
    const pricing = graph ? graphPricing(bounds, resolved, DEFAULT_LIMITS) : null;
    return analyzeOperation(schema, new Map(), op, variables, DEFAULT_LIMITS.maxPageSize, pricing).cost;
  };

  it('a lineage of a leaf costs a few points, the same of the central document thousands (statically both alike)', async () => {
    const q = 'query($ref: String!) { lineage(ref: $ref, depth: 10) { nodeCount nodes { node { id } } } }';
    const ofLeaf = await cost(q, { ref: leaf }, true);
    const ofCentral = await cost(q, { ref: central }, true);
    expect(ofLeaf).toBeLessThan(150);
    expect(ofCentral).toBeGreaterThan(40_000);
    expect(ofCentral).toBeGreaterThan(100 * ofLeaf);
    expect(await cost(q, { ref: leaf }, false)).toBe(await cost(q, { ref: central }, false));
    // Over HTTP: the leaf's full list is answered, the central one's refused with the graph's price.
    const small = await gql(api.url, q, { ref: leaf });
    expect(small.errors).toBeUndefined();
    const big = await gql(api.url, q, { ref: central });
    expect(codes(big)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(big.errors?.[0]?.extensions).toMatchObject({ cost: ofCentral, graphAware: true });
  });

  it('the walk alone is priced: counts of a central lineage cost more than of a leaf, and less than the cap', async () => {
    const q = 'query($ref: String!) { lineage(ref: $ref) { nodeCount } }';
    const ofLeaf = await cost(q, { ref: leaf }, true);
    const ofCentral = await cost(q, { ref: central }, true);
    expect(ofLeaf).toBeLessThan(15);
    expect(ofCentral).toBeGreaterThan(150);
    expect(ofCentral).toBeLessThan(DEFAULT_LIMITS.maxCost / 10);
  });

  it('bounds are never below the answer, and close to it', async () => {
    const bounds = (await store.walkBounds()) as WalkBounds;
    const root = await resolveRef(store, central);
    const sample = [root.id, leaf];
    const lineage = await store.lineageDown(root.id, 3);
    for (const n of lineage.nodes.filter((x) => x.kind === 'DOCUMENT').slice(0, 40)) sample.push(n.id);
    for (const id of sample)
      for (const depth of [1, 2, 5, 10]) {
        const l = await store.lineageDown(id, depth);
        const entries = lineageTree(downView(l)).entries.length;
        const bound = bounds.down(id, depth) ?? 0;
        expect(bound, `${id} depth ${depth}`).toBeGreaterThanOrEqual(
          Math.max(l.nodes.length, l.edges.length, entries),
        );
        if (id === root.id) expect(bound).toBeLessThan(1.2 * (l.edges.length + 1));
      }
    const chain = await store.chainUp(leaf);
    const up = bounds.up(leaf);
    expect(up?.paths).toBeGreaterThanOrEqual(chain.paths.length);
    expect(bounds.implementers(root.id)).toBeGreaterThanOrEqual((await store.descendants(root.id)).length);
    // One object until the next write: its memo is of one state of the index.
    expect(await store.walkBounds()).toBe(bounds);
  });
});

describe('time budget', () => {
  it('a request past API_MAX_REQUEST_MS is stopped with REQUEST_TIMEOUT (503), the server still serving', async () => {
    const quick = await startApi(store, { answerCacheTtlMs: 0, limits: { maxRequestMs: 150 } });
    try {
      const heavy = lineages(
        8,
        () => central,
        (i) => i + 3,
        'nodeCount treeSize',
      );
      const r = await timed(() => gql(quick.url, heavy));
      expect(r.value.status).toBe(503);
      expect(codes(r.value)).toEqual(['REQUEST_TIMEOUT']);
      expect(r.value.errors?.[0]?.extensions?.maxRequestMs).toBe(150);
      expect(r.ms).toBeLessThan(1_500);
      expect((await fetch(`${quick.url}/healthz`)).status).toBe(200);
      expect((await gql(quick.url, `{ lineage(ref: "${leaf}") { nodeCount } }`)).errors).toBeUndefined();
    } finally {
      await quick.close();
    }
  });
});

/** A GraphQL POST from a given local address (127.0.0.2 is another client to the rate limit). */
function postFrom(
  url: string,
  localAddress: string,
  query: string,
): Promise<{ status: number; retryAfter: string | undefined; body: string }> {
  const u = new URL(url);
  const payload = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: '/graphql',
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('rate limit', () => {
  it('past its points per minute a client gets 429 with Retry-After; another client and /healthz are served', async () => {
    const limited = await startApi(store, { limits: { ratePointsPerMinute: 1_000 } });
    try {
      const q = `{ lineage(ref: "${central}", depth: 2) { nodeCount } }`;
      const seen: number[] = [];
      let refused: Awaited<ReturnType<typeof postFrom>> | null = null;
      for (let i = 0; i < 30 && refused === null; i++) {
        const r = await postFrom(limited.url, '127.0.0.1', q);
        seen.push(r.status);
        if (r.status === 429) refused = r;
      }
      expect(seen[0]).toBe(200);
      expect(refused).not.toBeNull();
      expect(Number(refused?.retryAfter)).toBeGreaterThanOrEqual(1);
      const body = JSON.parse(refused?.body ?? '{}') as {
        errors: Array<{ extensions: { code: string; retryAfterSeconds: number } }>;
      };
      expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
      expect(body.errors[0]?.extensions.retryAfterSeconds).toBe(Number(refused?.retryAfter));
      // Refused again, while another address and /healthz are served.
      expect((await postFrom(limited.url, '127.0.0.1', q)).status).toBe(429);
      expect((await postFrom(limited.url, '127.0.0.2', q)).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('a token bucket per client: a minute of points at once, refilled continuously', () => {
    let now = 0;
    const rate = new RateLimiter(600, () => now);
    expect(rate.take('a', 500).ok).toBe(true);
    const no = rate.take('a', 200);
    expect(no).toMatchObject({ ok: false, remaining: 100, retryAfterSeconds: 10 });
    expect(rate.take('b', 600).ok).toBe(true);
    now += 10_000; // 100 points back
    expect(rate.take('a', 200).ok).toBe(true);
    // A cost beyond a full bucket takes the full bucket (it is never out of reach).
    now += 60_000;
    expect(rate.take('a', 10_000)).toMatchObject({ ok: true, remaining: 0 });
  });
});

describe('configuration', () => {
  it('API_MAX_EXPENSIVE_FIELDS, API_MAX_REQUEST_MS and API_RATE_POINTS_PER_MIN (0 turns the last two off)', () => {
    expect(apiConfigFromEnv({}).limits).toMatchObject({
      maxExpensiveFields: 10,
      maxRequestMs: 5_000,
      ratePointsPerMinute: 60_000,
    });
    expect(
      apiConfigFromEnv({
        API_MAX_EXPENSIVE_FIELDS: '3',
        API_MAX_REQUEST_MS: '0',
        API_RATE_POINTS_PER_MIN: '0',
      }).limits,
    ).toMatchObject({ maxExpensiveFields: 3, maxRequestMs: 0, ratePointsPerMinute: 0 });
    expect(() => apiConfigFromEnv({ API_RATE_POINTS_PER_MIN: '-5' })).toThrow(/API_RATE_POINTS_PER_MIN/);
    expect(() => apiConfigFromEnv({ API_MAX_EXPENSIVE_FIELDS: '0' })).toThrow(/API_MAX_EXPENSIVE_FIELDS/);
  });
});
