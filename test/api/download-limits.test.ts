// Downloads (/export/…) under the limits GraphQL requests obey, on the seeds: the client's rate limit (a flood of
// downloads is 429 RATE_LIMITED with Retry-After, its bucket shared with GraphQL, another client still served,
// /healthz never limited) and the time budget (a download past API_MAX_REQUEST_MS is 503 REQUEST_TIMEOUT at its
// deadline, before any of the file, and the server goes on answering). Then whose bucket a request takes:
// X-Forwarded-For is ignored unless TRUST_PROXY says which proxies to believe.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy, type TrustProxy } from '../../src/api/client-address.ts';
import { DOWNLOAD_POINTS } from '../../src/api/export/download-limits.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { seededStore, startApi } from './support.ts';

let seeds: Awaited<ReturnType<typeof seededStore>>;
beforeAll(async () => {
  seeds = await seededStore();
});
afterAll(() => seeds?.dispose());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Milliseconds from sending to the end of the answer. */
  ms: number;
}

/** A GET from a given local address (127.0.0.2 is another client to the rate limit) with extra headers. */
function getFrom(
  url: string,
  path: string,
  {
    localAddress = '127.0.0.1',
    headers = {},
  }: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const u = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, localAddress, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: Date.now() - started,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const LINEAGE = `/export/lineage.csv?ref=${encodeURIComponent('36-NQ/TW@2023')}`;
const MANDATES = `/export/mandates.xlsx?ref=${encodeURIComponent('36-NQ/TW@2023')}&asOf=2023-07-01`;

describe('downloads under the rate limit', () => {
  it('a flood of downloads is refused RATE_LIMITED with Retry-After; /healthz and another client are served', async () => {
    const api = await startApi(seeds.store, { limits: { ratePointsPerMinute: 3 * DOWNLOAD_POINTS } });
    try {
      const flood = await Promise.all(
        Array.from({ length: 12 }, (_, i) => getFrom(api.url, i % 2 === 0 ? LINEAGE : MANDATES)),
      );
      const health = await getFrom(api.url, '/healthz');
      const statuses = flood.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(9);
      const refused = flood.find((a) => a.status === 429) as Answer;
      expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = JSON.parse(refused.body) as { code: string; message: string; retryAfterSeconds: number };
      expect(body.code).toBe('RATE_LIMITED');
      expect(body.message).toMatch(/a download costs 1000 points/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(body.retryAfterSeconds).toBe(Number(refused.headers['retry-after']));
      expect(health.status).toBe(200);
      // Still refused from this address (the bucket refills 50 points a second), served from another.
      expect((await getFrom(api.url, MANDATES)).status).toBe(429);
      expect((await getFrom(api.url, LINEAGE, { localAddress: '127.0.0.2' })).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await getFrom(api.url, '/healthz')).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

/** The store with every lineage walk slowed down: a download that cannot finish within its budget. */
function slowWalks(store: GraphStore, ms: number): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (prop === 'lineageDown' || prop === 'chainUp')
        return async (...args: unknown[]) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return method.apply(target, args);
        };
      return method.bind(target);
    },
  });
}

describe('downloads under the time budget', () => {
  it('past API_MAX_REQUEST_MS: 503 REQUEST_TIMEOUT at the deadline, before any of the file; the server still answers', async () => {
    const api = await startApi(slowWalks(seeds.store, 1_500), { limits: { maxRequestMs: 200 } });
    try {
      const [slow, health] = await Promise.all([
        getFrom(api.url, LINEAGE),
        new Promise<Answer>((resolve) => setTimeout(() => resolve(getFrom(api.url, '/healthz')), 50)),
      ]);
      expect(slow.status).toBe(503);
      expect(slow.headers['content-disposition']).toBeUndefined();
      expect(JSON.parse(slow.body)).toEqual({
        code: 'REQUEST_TIMEOUT',
        message: expect.stringMatching(/time budget \(200 ms\)/),
        maxRequestMs: 200,
      });
      // Answered at the deadline, not when the walk ends.
      expect(slow.ms).toBeLessThan(1_200);
      expect(health.status).toBe(200);
      expect(health.ms).toBeLessThan(1_000);
      // Each download has its own budget, and the server its time for the next request.
      const m = await getFrom(api.url, MANDATES);
      expect(m.status).toBe(503);
      expect((await getFrom(api.url, '/healthz')).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe('whose bucket: X-Forwarded-For and TRUST_PROXY', () => {
  const forwardedFrom = (api: { url: string }, address: string) =>
    getFrom(api.url, LINEAGE, { headers: { 'x-forwarded-for': address } });

  it('off (the default): two forwarded addresses from one socket share its bucket', async () => {
    const api = await startApi(seeds.store, { limits: { ratePointsPerMinute: DOWNLOAD_POINTS } });
    try {
      expect((await forwardedFrom(api, '203.0.113.7')).status).toBe(200);
      expect((await forwardedFrom(api, '198.51.100.9')).status).toBe(429);
    } finally {
      await api.close();
    }
  });

  it('one trusted hop: each forwarded address has its own bucket', async () => {
    const api = await startApi(seeds.store, {
      limits: { ratePointsPerMinute: DOWNLOAD_POINTS },
      trustProxy: { kind: 'hops', hops: 1 },
    });
    try {
      expect((await forwardedFrom(api, '203.0.113.7')).status).toBe(200);
      expect((await forwardedFrom(api, '198.51.100.9')).status).toBe(200);
      expect((await forwardedFrom(api, '203.0.113.7')).status).toBe(429);
      // What the client wrote left of what the proxy appended is not believed: still 203.0.113.7's bucket.
      expect((await forwardedFrom(api, '192.0.2.1, 203.0.113.7')).status).toBe(429);
    } finally {
      await api.close();
    }
  });

  const req = (remoteAddress: string, xff?: string) =>
    ({
      socket: { remoteAddress },
      headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
    }) as unknown as Parameters<typeof clientAddress>[0];
  const hops = (n: number): TrustProxy => ({ kind: 'hops', hops: n });
  const proxies = (...addresses: string[]): TrustProxy => ({ kind: 'addresses', addresses });

  it.each([
    // off: the socket, whatever the header says (IPv4 on a dual-stack socket spelt once)
    [{ kind: 'off' } as TrustProxy, '::ffff:10.0.0.2', '1.2.3.4', '10.0.0.2'],
    // one hop: the address the proxy appended; the client's own entries left of it are ignored
    [hops(1), '10.0.0.2', '6.6.6.6, 1.2.3.4', '1.2.3.4'],
    // two hops: the outer proxy's entry
    [hops(2), '10.0.0.2', '6.6.6.6, 1.2.3.4, 10.0.0.3', '1.2.3.4'],
    // more hops than entries: the leftmost
    [hops(3), '10.0.0.2', '1.2.3.4', '1.2.3.4'],
    // no header behind a proxy: the socket
    [hops(1), '10.0.0.2', undefined, '10.0.0.2'],
    // a forwarded value that is no address is not believed
    [hops(1), '10.0.0.2', 'unknown', '10.0.0.2'],
    // listed proxies: skipped from the right; the first address not listed is the client
    [proxies('10.0.0.2', '10.0.0.3'), '10.0.0.2', '6.6.6.6, 1.2.3.4, 10.0.0.3', '1.2.3.4'],
    // a socket that is not a listed proxy: its header is not believed
    [proxies('10.0.0.3'), '10.0.0.2', '1.2.3.4', '10.0.0.2'],
  ])('%o from %s with X-Forwarded-For %s → %s', (trust, socket, xff, client) => {
    expect(clientAddress(req(socket, xff), trust)).toBe(client);
  });

  it.each([
    ['', { kind: 'off' }],
    ['0', { kind: 'off' }],
    ['off', { kind: 'off' }],
    ['1', { kind: 'hops', hops: 1 }],
    ['10.0.0.2, ::1', { kind: 'addresses', addresses: ['10.0.0.2', '::1'] }],
    ['yes', null],
    ['-1', null],
    ['1.5', null],
    ['10.0.0.300', null],
    ['10.0.0.0/8', null],
  ])('TRUST_PROXY=%j → %o', (raw, parsed) => {
    expect(parseTrustProxy(raw)).toEqual(parsed);
  });
});
