// API writes over HTTP: ingestDocument without a configured token, without / with a wrong / with the right bearer
// token; text that is not a document and an oversize body change nothing; an ingested document's text and mention
// offsets are served back; the second 36-NQ/TW (2018) makes the bare symbol AMBIGUOUS without merging the two.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, gql, type Started, seededStore, startApi } from './support.ts';

const TOKEN = 'test-token-0123456789abcdef';
const BINH_DINH = `ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
KẾ HOẠCH
Thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045, Ủy ban nhân dân tỉnh Bình Định ban hành Kế hoạch.
`;
const INGEST = `mutation($text: String!, $source: String) {
  ingestDocument(text: $text, source: $source) {
    outcome textStored references tasks warnings { code }
    document { id status jurisdiction text references { symbol mentions { start end } target { id date } } }
  }
}`;

let seeds: Awaited<ReturnType<typeof seededStore>>;
let closed: Started;
let open: Started;
let textDir: string;

beforeAll(async () => {
  seeds = await seededStore();
  textDir = mkdtempSync(join(tmpdir(), 'pg-api-texts-'));
  closed = await startApi(seeds.store); // no token: mutations disabled
  open = await startApi(seeds.store, {
    token: TOKEN,
    textCacheDir: textDir,
    limits: { maxBodyBytes: 64 * 1024 },
    answerCacheTtlMs: 60_000,
  });
});

afterAll(async () => {
  await closed?.close();
  await open?.close();
  await seeds?.dispose();
  rmSync(textDir, { recursive: true, force: true });
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('who may write', () => {
  it('no token configured: MUTATIONS_DISABLED (403), the store untouched', async () => {
    closed.counting.reset();
    const r = await gql(closed.url, INGEST, { text: BINH_DINH }, auth(TOKEN));
    expect(r.status).toBe(403);
    expect(codes(r)).toEqual(['MUTATIONS_DISABLED']);
    expect(closed.counting.total()).toBe(0);
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', auth('not-the-token-at-all-000000')],
    ['a Basic scheme', { authorization: `Basic ${TOKEN}` }],
  ])('%s: UNAUTHENTICATED (401), nothing written', async (_name, headers) => {
    open.counting.reset();
    const r = await gql(open.url, INGEST, { text: BINH_DINH }, headers);
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(open.counting.total()).toBe(0);
  });

  it('a mutation over GET is refused (405)', async () => {
    const res = await fetch(
      `${open.url}/graphql?query=${encodeURIComponent('mutation { ingestDocument(text: "x") { outcome } }')}`,
      {
        headers: { ...auth(TOKEN), 'apollo-require-preflight': 'true' },
      },
    );
    expect(res.status).toBe(405);
  });
});

describe('with the right token', () => {
  it('text that is not a policy document: NOT_A_DOCUMENT, nothing stored', async () => {
    const before = await seeds.store.stats();
    open.counting.reset();
    const r = await gql(
      open.url,
      INGEST,
      { text: 'Hello, this is a shopping list: milk, bread, eggs.' },
      auth(TOKEN),
    );
    expect(codes(r)).toEqual(['NOT_A_DOCUMENT']);
    expect(open.counting.calls.get('applyDocument') ?? 0).toBe(0);
    expect(await seeds.store.stats()).toEqual(before);
  });

  it('an oversize body: PAYLOAD_TOO_LARGE (413), nothing stored', async () => {
    const before = await seeds.store.stats();
    open.counting.reset();
    const r = await gql(
      open.url,
      INGEST,
      { text: `${BINH_DINH}\n${'Nội dung. '.repeat(10_000)}` },
      auth(TOKEN),
    );
    expect(r.status).toBe(413);
    expect(codes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(open.counting.total()).toBe(0);
    expect(await seeds.store.stats()).toEqual(before);
  });

  it('ingests a document, keeps its text, and later reads see it at once (caches cleared)', async () => {
    const q = '{ documents(filter: { issuerJurisdiction: "Bình Định" }) { totalCount } }';
    const before = await gql<{ documents: { totalCount: number } }>(open.url, q);
    expect(before.data?.documents.totalCount).toBe(0);
    // This server reuses answers for a minute: the same request again does not reach the store ...
    open.counting.reset();
    expect((await gql(open.url, q)).data).toEqual(before.data);
    expect(open.counting.total()).toBe(0);
    // ... until a write through the API clears every cached answer.
    const r = await gql<{
      ingestDocument: {
        outcome: string;
        textStored: boolean;
        references: number;
        document: {
          id: string;
          status: string;
          jurisdiction: string;
          text: string;
          references: Array<{
            symbol: string | null;
            mentions: Array<{ start: number; end: number }>;
            target: { id: string; date: string } | null;
          }>;
        };
      };
    }>(open.url, INGEST, { text: BINH_DINH, source: 'fixture/binh-dinh-36-2018.txt' }, auth(TOKEN));
    expect(r.errors).toBeUndefined();
    const out = r.data?.ingestDocument;
    expect(out?.outcome).toBe('CREATED');
    expect(out?.textStored).toBe(true);
    expect(out?.document.status).toBe('FULL_TEXT');
    expect(out?.document.jurisdiction).toBe('Bình Định');
    expect(out?.document.text).toBe(BINH_DINH);
    const nq36 = out?.document.references.find((x) => x.symbol === '36-NQ/TW');
    expect(nq36?.target?.date).toBe('2018-10-22');
    expect(BINH_DINH.slice(nq36?.mentions[0]?.start, nq36?.mentions[0]?.end)).toMatch(
      /^Nghị quyết số 36-NQ\/TW ngày 22\/10\/2018/,
    );
    const after = await gql<{ documents: { totalCount: number } }>(open.url, q);
    expect(after.data?.documents.totalCount).toBe(1);
  });

  it('the same text again is UNCHANGED', async () => {
    const r = await gql<{ ingestDocument: { outcome: string } }>(
      open.url,
      INGEST,
      { text: BINH_DINH },
      auth(TOKEN),
    );
    expect(r.data?.ingestDocument.outcome).toBe('UNCHANGED');
  });

  it('SEEDS 6: the two 36-NQ/TW stay apart — the bare symbol is AMBIGUOUS with both candidates, a date picks one', async () => {
    const bare = await gql(open.url, '{ document(ref: "36-NQ/TW") { id } }');
    expect(codes(bare)).toEqual(['AMBIGUOUS']);
    expect(bare.errors?.[0]?.extensions?.candidates).toEqual([
      'doc:36-nq/tw@central@2018-10-22',
      'doc:36-nq/tw@central@2023-01-30',
    ]);
    const dated = await gql<{ a: { id: string }; b: { id: string } }>(
      open.url,
      '{ a: document(ref: "36-NQ/TW@2023") { id } b: document(ref: "36-NQ/TW@2018-10-22") { id } }',
    );
    expect(dated.data).toEqual({
      a: { id: 'doc:36-nq/tw@central@2023-01-30' },
      b: { id: 'doc:36-nq/tw@central@2018-10-22' },
    });
    // Still one lineage each: the Bình Định plan is not under the 2023 resolution.
    const l = await gql<{ lineage: { nodes: Array<{ node: { jurisdiction?: string | null } }> } }>(
      open.url,
      '{ lineage(ref: "36-NQ/TW@2023") { nodes { node { ... on Document { jurisdiction } } } } }',
    );
    expect(l.data?.lineage.nodes.some((n) => n.node.jurisdiction === 'Bình Định')).toBe(false);
  });
});
