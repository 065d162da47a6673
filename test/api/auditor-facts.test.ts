// Every fact an auditor cites, served over GraphQL on the seeds: how a document was recognised (merged ids and
// identity notes), the Party term, the signer's title, every date, condition and recurrence of a deadline, mandates
// as nodes of their own; `node` of an id naming nothing is null, and `first: 0` is a count everywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { codes, gql, ROOT, seededApi, seededStore, startApi } from './support.ts';

const api = seededApi();

function ok<T>(r: { data: T | null | undefined; errors?: unknown }): T {
  expect(r.errors).toBeUndefined();
  return r.data as T;
}

const DOC_FACTS =
  'id symbol status signer signerTitle term mergedIds identityNotes { method mergedId reason text }';
interface DocFacts {
  id: string;
  symbol: string | null;
  status: string;
  signer: string | null;
  signerTitle: string | null;
  term: string | null;
  mergedIds: string[];
  identityNotes: Array<{
    method: string | null;
    mergedId: string | null;
    reason: string | null;
    text: string;
  }>;
}
const doc = async (ref: string) =>
  ok(
    await gql<{ document: DocFacts }>(
      api.url,
      `query($ref: String!) { document(ref: $ref) { ${DOC_FACTS} } }`,
      { ref },
    ),
  ).document;

describe('identity: merged ids and identity notes', () => {
  it('1693/KH-UBND (seed 004 = the plan seed 000 cites): the id it was cited by, and why, parsed', async () => {
    const d = await doc('1693/KH-UBND');
    const cited = 'doc:1693/kh-ubnd@kon-tum@2023-06-07';
    expect(d.status).toBe('FULL_TEXT');
    expect(d.mergedIds).toEqual([cited]);
    expect(d.identityNotes).toEqual([
      {
        method: 'IDENTITY_INFERRED',
        mergedId: cited,
        reason:
          'same issuer (Kon Tum), type (KE_HOACH) and implemented document (doc:57-ctr/tu@kon-tum@2023-04-28)',
        text: `IDENTITY_INFERRED ${cited}: same issuer (Kon Tum), type (KE_HOACH) and implemented document (doc:57-ctr/tu@kon-tum@2023-04-28)`,
      },
    ]);
    // Its own signer title survived the merge, and the merged-away id finds the survivor with it.
    expect(d.signerTitle).toBe('TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH');
    const byOldId = ok(
      await gql<{ node: { id: string; signerTitle: string } }>(
        api.url,
        `{ node(id: "${cited}") { id ... on Document { signerTitle } } }`,
      ),
    ).node;
    expect(byOldId).toEqual({ id: d.id, signerTitle: d.signerTitle });
  });

  it('569/QĐ-TTg: an undated citation and the strategy it promulgated, oldest first, with their methods', async () => {
    const d = await doc('569/QĐ-TTg');
    expect(d.mergedIds).toHaveLength(2);
    expect(d.identityNotes.map((n) => [n.method, n.mergedId])).toEqual([
      ['IDENTITY_INFERRED', 'doc:569/qd-ttg@central@?'],
      [
        'SUBJECT_INFERRED',
        'doc:~chien-luoc-phat-trien-khoa-hoc-cong-nghe-va-doi-moi-sang-tao-den-nam-2030@central@?',
      ],
    ]);
    expect(d.identityNotes[1]?.reason).toMatch(/is the instrument that 569\/QĐ-TTg promulgated$/);
  });

  it('a document nothing was merged into: empty lists', async () => {
    expect(await doc('167/KH-UBND')).toMatchObject({ mergedIds: [], identityNotes: [] });
  });
});

describe('Party term and signer title', () => {
  it.each([
    // [ref, term] — terms printed by the citations ("Bộ Chính trị (khóa X)", "Nghị quyết Trung ương 2 (khoá VIII)")
    ['234-TB/TW', 'X'],
    ['42-CT/TW', 'X'],
    ['doc:~nghi-quyet-trung-uong-2-khoa-viii@central@?', 'VIII'],
    ['doc:~nghi-quyet-dai-hoi-dang-toan-quoc-lan-thu-xiii@central@?', 'XIII'],
    ['167/KH-UBND', null],
  ])('%s: term %s', async (ref, term) => {
    expect((await doc(ref)).term).toBe(term);
  });

  it.each([
    ['167/KH-UBND', 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', 'Trần Phước Hiền'],
    [
      'doc:~ke-hoach-47e1100467@ia-h-drai@?',
      'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      'Nguyễn Tiến Dũng',
    ],
    ['doc:~ke-hoach-7234b5fbf2@an-giang@?', null, null], // seed 002 is not signed
    ['42-CT/TW', null, null], // only cited
  ])('%s: signed by %s', async (ref, title, signer) => {
    expect(await doc(ref)).toMatchObject({ signerTitle: title, signer });
  });
});

describe('deadlines with every date, condition and recurrence', () => {
  const Q = `query($ref: String!) { document(ref: $ref) { tasks { key deadline {
      kind text value valid dueBy dates { text value valid } condition recurrence } } } }`;
  type Deadline = {
    kind: string;
    value: string | null;
    dates: Array<{ text: string; value: string | null; valid: boolean }>;
    condition: string | null;
    recurrence: string | null;
  };
  const deadlines = async (ref: string) =>
    new Map(
      ok(
        await gql<{ document: { tasks: Array<{ key: string; deadline: Deadline | null }> } }>(api.url, Q, {
          ref,
        }),
      ).document.tasks.map((t) => [t.key, t.deadline]),
    );

  it('167/KH-UBND II.4.g: a start date and a second milestone, with the condition in brackets', async () => {
    const d = await deadlines('167/KH-UBND');
    expect(d.get('II.4.g')).toMatchObject({
      kind: 'START',
      value: '2022-05-18',
      dates: [
        { text: '18/5/2022', value: '2022-05-18', valid: true },
        { text: '18/5/2023', value: '2023-05-18', valid: true },
      ],
      condition:
        'Năm 2022 triển khai phổ biến Quy chế, tiếp nhận hồ sơ thành tích khoa học, tổ chức xét chọn trí thức khoa học và công nghệ tiêu biểu',
      recurrence: null,
    });
    expect(d.get('II.3.a')).toMatchObject({
      kind: 'BY_DATE',
      dates: [{ text: '30/12/2022', value: '2022-12-30', valid: true }],
      condition: expect.stringMatching(/^Ngay sau khi Đề án tổ chức bộ máy/),
    });
    expect(d.get('II.2.a')).toMatchObject({
      kind: 'RECURRING',
      recurrence: 'YEARLY',
      dates: [],
      condition: null,
    });
    // The impossible date stays as printed (II.4.h: "Trước ngày 31/6/2022").
    expect(d.get('II.4.h')?.dates).toEqual([{ text: '31/6/2022', value: null, valid: false }]);
  });

  it('seed 004: the yearly reports before 20/11 and 20/12 "(hoặc đột xuất khi có yêu cầu)", on the mandates too', async () => {
    const r = await gql<{
      mandates: { edges: Array<{ node: { task: { key: string }; deadline: Deadline } }> };
    }>(
      api.url,
      `{ mandates(filter: { document: "1693/KH-UBND", recurring: true }, first: 50) { edges { node {
          task { key } deadline { kind value dates { text } condition recurrence } } } } }`,
    );
    // IV.1 is for "Thủ trưởng các Sở, ban ngành …" (a group: no mandate); IV.2 is Sở Khoa học và Công nghệ's.
    const byKey = new Map(ok(r).mandates.edges.map((e) => [e.node.task.key, e.node.deadline]));
    expect([...byKey.keys()]).toEqual(['IV.2']);
    expect(byKey.get('IV.2')).toMatchObject({
      value: '--12-20',
      condition: 'hoặc đột xuất khi có yêu cầu',
      recurrence: 'YEARLY',
    });
    expect((await deadlines('1693/KH-UBND')).get('IV.1')).toMatchObject({
      kind: 'RECURRING',
      value: '--11-20',
      dates: [],
      condition: 'hoặc đột xuất khi có yêu cầu',
      recurrence: 'YEARLY',
    });
  });
});

describe('mandates are nodes', () => {
  const PAGE = `{ mandates(filter: { document: "167/KH-UBND" }, first: 3) { edges { node {
      id kind name sources assignmentId assignment { id } role agency { id } task { key } } } } }`;
  type M = {
    id: string;
    kind: string;
    name: string;
    sources: string[];
    assignmentId: string;
    assignment: { id: string };
    role: string;
    agency: { id: string };
    task: { key: string };
  };
  const page = async () =>
    ok(await gql<{ mandates: { edges: Array<{ node: M }> } }>(api.url, PAGE)).mandates.edges.map(
      (e) => e.node,
    );

  it('an id of its own ("mandate:" + the ASSIGNS edge id), kind MANDATE, a name and its source; stable', async () => {
    const [first, ...rest] = await page();
    expect(rest).toHaveLength(2);
    for (const m of [first as M, ...rest]) {
      expect(m.assignmentId).toBe(m.assignment.id);
      expect(m.id).toBe(`mandate:${m.assignmentId}`);
      expect(m.id).not.toBe(m.assignmentId);
      expect(m.kind).toBe('MANDATE');
      expect(m.sources).toEqual(['seeds/003_241023ceb20e6f40.txt']);
    }
    expect(rest[0]?.name).toMatch(
      /^Ban Tuyên giáo Tỉnh ủy \(Quảng Ngãi\): LEAD of II\.1 .* \(167\/KH-UBND\)$/,
    );
    expect((await page()).map((m) => m.id)).toEqual([first, ...rest].map((m) => m?.id));
  });

  it('node(id) gives the mandate, through the Node interface', async () => {
    const [m] = await page();
    const r = await gql<{ node: M & { __typename: string } }>(
      api.url,
      `query($id: ID!) { node(id: $id) { __typename id kind name sources
          ... on Mandate { assignmentId role agency { id } task { key } deadline { kind } } } }`,
      { id: m?.id },
    );
    expect(ok(r).node).toMatchObject({
      __typename: 'Mandate',
      id: m?.id,
      kind: 'MANDATE',
      name: m?.name,
      sources: m?.sources,
      assignmentId: m?.assignmentId,
      role: m?.role,
      agency: m?.agency,
      task: m?.task,
    });
  });

  it('a well-formed mandate id naming nothing is null; a malformed one BAD_USER_INPUT; mandates are not searched', async () => {
    const [m] = await page();
    // Liên hiệp Hội coordinates II.1 (Ban Tuyên giáo leads it): the same id with LEAD names nothing.
    expect(m).toMatchObject({ role: 'COORDINATOR', task: { key: 'II.1' } });
    const gone = m?.id.replace('|COORDINATOR', '|LEAD') ?? '';
    const unknown =
      'mandate:ASSIGNS:doc:1/kh-ubnd@ha-noi@2020#1->agency:so-y-te@ha-noi|doc:1/kh-ubnd@ha-noi@2020|LEAD';
    for (const id of [gone, unknown]) {
      const r = await gql<{ node: null }>(api.url, 'query($id: ID!) { node(id: $id) { id } }', { id });
      expect(r.errors).toBeUndefined();
      expect(r.data?.node).toBeNull();
    }
    const bad = await gql(api.url, '{ node(id: "mandate:nonsense") { id } }');
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const search = await gql(api.url, '{ search(text: "so", kinds: [MANDATE]) { __typename } }');
    expect(codes(search)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('node(id) of an id that names nothing', () => {
  it.each([
    'doc:nothing@central@?',
    'doc:99-nq/tw@central@2023-01-30',
    'doc:167/kh-ubnd@quang-ngai@2021-11-29#IX.9',
    'agency:so-khong-co@ha-noi',
  ])('%s → null, no error', async (id) => {
    const r = await gql<{ node: null }>(api.url, 'query($id: ID!) { node(id: $id) { id } }', { id });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ node: null });
  });

  it.each(['x', '36-NQ/TW', 'doc:', 'doc:a@b', 'agency:', 'doc:a@central@?#'])(
    '%s (not a node id) → BAD_USER_INPUT naming the argument',
    async (id) => {
      const r = await gql(api.url, 'query($id: ID!) { node(id: $id) { id } }', { id });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions?.field).toBe('id');
    },
  );
});

describe('first: 0 everywhere first is', () => {
  type Conn = {
    totalCount: number;
    edges: unknown[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  it('documents, agencies, mandates (and an agency’s), searchPage: an empty page with the true count', async () => {
    const q = `{
      d0: documents(first: 0) { ...C }   d: documents(first: 100) { totalCount }
      a0: agencies(first: 0) { ...A }    a: agencies(first: 100) { totalCount }
      m0: mandates(first: 0) { ...M }    m: mandates(first: 100) { totalCount }
      s0: searchPage(text: "ke hoach", first: 0) { ...S }  s: searchPage(text: "ke hoach", first: 100) { totalCount }
      list: search(text: "ke hoach", first: 0) { __typename }
      agency: agency(id: "agency:so-khoa-hoc-va-cong-nghe@quang-ngai") { mandates(first: 0) { ...M } }
    }
    fragment C on DocumentConnection { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
    fragment A on AgencyConnection { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
    fragment M on MandateConnection { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
    fragment S on SearchConnection { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }`;
    const data = ok(
      await gql<Record<string, Conn> & { list: unknown[]; agency: { mandates: Conn } }>(api.url, q),
    );
    for (const [zero, full] of [
      ['d0', 'd'],
      ['a0', 'a'],
      ['m0', 'm'],
      ['s0', 's'],
    ] as const) {
      const z = data[zero] as Conn;
      expect(z.edges, zero).toEqual([]);
      expect(z.totalCount, zero).toBe((data[full] as Conn).totalCount);
      expect(z.totalCount, zero).toBeGreaterThan(0);
      expect(z.pageInfo, zero).toEqual({ hasNextPage: true, endCursor: null });
    }
    expect(data.list).toEqual([]);
    expect(data.agency.mandates.edges).toEqual([]);
    expect(data.agency.mandates.totalCount).toBeGreaterThan(0);
  });

  it('after a cursor: the count stays, hasNextPage tells whether anything follows', async () => {
    const all = ok(
      await gql<{ documents: { totalCount: number; edges: Array<{ cursor: string }> } }>(
        api.url,
        '{ documents(first: 100) { totalCount edges { cursor } } }',
      ),
    ).documents;
    const at = async (after: string | undefined) =>
      ok(
        await gql<{ documents: Conn }>(
          api.url,
          'query($a: String) { documents(first: 0, after: $a) { totalCount edges { cursor } pageInfo { hasNextPage } } }',
          { a: after },
        ),
      ).documents;
    const middle = await at(all.edges[2]?.cursor);
    expect(middle).toMatchObject({ totalCount: all.totalCount, edges: [], pageInfo: { hasNextPage: true } });
    const last = await at(all.edges.at(-1)?.cursor);
    expect(last).toMatchObject({ edges: [], pageInfo: { hasNextPage: false } });
  });

  it('a negative first is still BAD_USER_INPUT', async () => {
    expect(codes(await gql(api.url, '{ documents(first: -1) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a cited-only document that gets its full text', () => {
  it('42-CT/TW: the term its citation printed stays (the full text prints none), its own signer title comes', async () => {
    const other = await seededStore();
    try {
      const text = readFileSync(join(ROOT, 'test/fixtures/openings/party-directive-signed.txt'), 'utf8');
      const source = 'test/fixtures/openings/party-directive-signed.txt';
      await ingestDocuments(other.store, [{ source, text, document: extractDocument(text, { source }) }]);
      const served = await startApi(other.store);
      try {
        const r = await gql<{ document: DocFacts }>(
          served.url,
          `{ document(ref: "42-CT/TW") { ${DOC_FACTS} } }`,
        );
        expect(ok(r).document).toMatchObject({
          status: 'FULL_TEXT',
          term: 'X',
          signerTitle: 'T/M BỘ CHÍNH TRỊ / THƯỜNG TRỰC BAN BÍ THƯ',
          signer: 'Nguyễn Văn Mẫu',
        });
      } finally {
        await served.close();
      }
    } finally {
      await other.dispose();
    }
  });
});
