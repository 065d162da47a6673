// Tests of the download routes (/export/{mandates,lineage,coverage}.{csv,xlsx,json}) over HTTP on the seeds: the
// content type and attachment name, files that parse, the same answers as the GraphQL API (mandates overdue on a
// day with their chains, the lineage tree, coverage), and 400 / 404 with {code, message, field} for bad requests.
import { describe, expect, it } from 'vitest';
import { readCsv, readXlsx } from '../support/export-readers.ts';
import { type GqlResponse, gql, seededApi } from './support.ts';

const api = seededApi();

const get = (path: string, init: RequestInit = {}) => fetch(`${api.url}${path}`, init);
/** The body as sent: fetch's text() would drop the byte-order mark the CSV starts with. */
const csvBody = async (res: Response) => {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
};
const CHAIN = 'Chuỗi văn bản (nhiệm vụ → … → văn bản gốc)';
const OVERDUE = 'Quá hạn tính đến 01/04/2022';

interface ApiMandate {
  role: string;
  task: { id: string };
  agency: { id: string };
  chain: Array<{ nodes: Array<{ symbol?: string | null; key?: string }> }>;
}

interface MandatePage {
  mandates: {
    edges: Array<{ node: ApiMandate }>;
    invalidDeadlines: Array<{ role: string; task: { id: string }; agency: { id: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every mandate of a filter through GraphQL, page after page. */
async function apiMandates(filter: Record<string, unknown>) {
  const nodes: ApiMandate[] = [];
  const invalid: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GqlResponse<MandatePage> = await gql<MandatePage>(
      api.url,
      `query($f: MandateFilter, $after: String) { mandates(filter: $f, first: 20, after: $after) {
        edges { node { role task { id } agency { id }
          chain { nodes { ... on Document { symbol } ... on Task { key } } } } }
        invalidDeadlines { role task { id } agency { id } }
        pageInfo { hasNextPage endCursor } } }`,
      { f: filter, after },
    );
    expect(r.errors).toBeUndefined();
    const m: MandatePage['mandates'] | undefined = r.data?.mandates;
    if (!m) throw new Error('no mandates');
    nodes.push(...m.edges.map((e) => e.node));
    invalid.push(...m.invalidDeadlines.map((x) => `${x.task.id}|${x.agency.id}|${x.role}`));
    if (!m.pageInfo.hasNextPage) break;
    after = m.pageInfo.endCursor;
  }
  return { nodes, invalid };
}

const keyOf = (r: Record<string, string | undefined>) =>
  `${r['Mã nhiệm vụ']}|${r['Mã cơ quan']}|${r['Vai trò'] === 'Chủ trì' ? 'LEAD' : 'COORDINATOR'}`;

describe('GET /export/mandates.csv', () => {
  it('is a CSV attachment holding the mandates the API lists, overdue and chains as the API gives them', async () => {
    const res = await get(
      `/export/mandates.csv?jurisdiction=${encodeURIComponent('Quảng Ngãi')}&asOf=2022-04-01`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="nhiem-vu-giao_Quang-Ngai_2022-04-01.csv"; filename*=UTF-8''nhiem-vu-giao_Quang-Ngai_2022-04-01.csv`,
    );
    const { rows } = readCsv(await csvBody(res));
    const everything = await apiMandates({ jurisdiction: 'Quảng Ngãi' });
    expect(rows.map(keyOf).sort()).toEqual(
      everything.nodes.map((m) => `${m.task.id}|${m.agency.id}|${m.role}`).sort(),
    );
    const overdue = await apiMandates({ jurisdiction: 'Quảng Ngãi', overdueOn: '2022-04-01' });
    expect(
      rows
        .filter((r) => r[OVERDUE] === 'Có')
        .map(keyOf)
        .sort(),
    ).toEqual(overdue.nodes.map((m) => `${m.task.id}|${m.agency.id}|${m.role}`).sort());
    expect(
      rows
        .filter((r) => r[OVERDUE] === 'Ngày không hợp lệ')
        .map(keyOf)
        .sort(),
    ).toEqual([...overdue.invalid].sort());
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    for (const m of everything.nodes) {
      const text = m.chain.map((p) => p.nodes.map((n) => n.key ?? n.symbol).join(' → ')).join(' | ');
      expect(byKey.get(`${m.task.id}|${m.agency.id}|${m.role}`)?.[CHAIN]).toBe(text);
    }
  });
});

describe('GET /export/mandates.xlsx', () => {
  it('is a workbook of one agency’s mandates, overdue as of asOf', async () => {
    const agency = 'agency:so-khoa-hoc-va-cong-nghe@kon-tum';
    const res = await get(`/export/mandates.xlsx?agency=${encodeURIComponent(agency)}&asOf=2023-07-01`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="nhiem-vu-giao_so-khoa-hoc-va-cong-nghe-kon-tum_2023-07-01\.xlsx"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const [main, sources] = await readXlsx(bytes);
    const own = await apiMandates({ agency });
    expect(main?.rows.length).toBe(own.nodes.length);
    expect(new Set(main?.rows.map((r) => r['Mã cơ quan']))).toEqual(new Set([agency]));
    expect(main?.header).toContain('Quá hạn tính đến 01/07/2023');
    expect(main?.rows.find((r) => r.Mục === 'II.2')?.[CHAIN]).toBe(
      'II.2 → 1693/KH-UBND → 57-CTr/TU → 36-NQ/TW',
    );
    expect(sources?.name).toBe('Nguồn');
  });
});

describe('GET /export/lineage and /export/coverage', () => {
  it('lists the lineage tree the API gives, in its order', async () => {
    const res = await get(`/export/lineage.csv?ref=${encodeURIComponent('36-NQ/TW@2023')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="cay-trien-khai_36-NQ-TW\.csv"/);
    const { rows } = readCsv(await csvBody(res));
    const r = await gql<{ lineage: { treeSize: number; tree: Array<{ node: { id: string } }> } }>(
      api.url,
      '{ lineage(ref: "36-NQ/TW@2023", depth: 32) { treeSize tree { node { id } } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(rows.length).toBe(r.data?.lineage.treeSize);
    expect(rows.map((x) => x.Mã)).toEqual(r.data?.lineage.tree.map((e) => e.node.id));
    expect(rows.map((x) => x['Đường dẫn từ gốc'])).toContain('36-NQ/TW › 57-CTr/TU › 1693/KH-UBND › III.6.h');
  });

  it('lists coverage as the API answers it, in a workbook', async () => {
    const res = await get(`/export/coverage.xlsx?ref=${encodeURIComponent('36-NQ/TW@2023')}&level=PROVINCE`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="bao-phu_36-NQ-TW_cap-tinh\.xlsx"/);
    const [sheet] = await readXlsx(new Uint8Array(await res.arrayBuffer()));
    const r = await gql<{ coverage: { unitCount: number; covered: Array<{ unit: string }> } }>(
      api.url,
      '{ coverage(ref: "36-NQ/TW@2023", level: PROVINCE) { unitCount covered { unit } } }',
    );
    const units = sheet?.rows.filter((x) => x['Đã triển khai'] !== 'Ngoài danh mục đơn vị') ?? [];
    expect(units.length).toBe(r.data?.coverage.unitCount);
    expect(units.filter((x) => x['Đã triển khai'] === 'Có').map((x) => x['Đơn vị hành chính'])).toEqual(
      r.data?.coverage.covered.map((c) => c.unit),
    );
    expect(units.find((x) => x['Đơn vị hành chính'] === 'Kon Tum')?.['Ngày ban hành sớm nhất']).toEqual(
      new Date(Date.UTC(2023, 3, 28)),
    );
  });

  it('answers JSON, and HEAD with the headers alone', async () => {
    const json = await get('/export/lineage.json?ref=36-NQ/TW@2023');
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await json.json()) as { export: string; root: string; tables: Array<{ rows: unknown[] }> };
    expect(body.root).toBe('doc:36-nq/tw@central@2023-01-30');
    const head = await get('/export/lineage.csv?ref=36-NQ/TW@2023', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(100);
    expect(await head.text()).toBe('');
  });
});

describe('bad requests', () => {
  it.each([
    // an impossible day, a day in another shape
    ['/export/mandates.csv?asOf=2022-06-31', 400, 'BAD_USER_INPUT', 'asOf'],
    ['/export/mandates.csv?asOf=1%2F4%2F2022', 400, 'BAD_USER_INPUT', 'asOf'],
    // a misspelt or repeated parameter is not ignored
    ['/export/mandates.csv?as_of=2022-04-01', 400, 'BAD_USER_INPUT', 'as_of'],
    ['/export/lineage.csv?ref=36-NQ/TW&ref=93-KL/TW', 400, 'BAD_USER_INPUT', 'ref'],
    // a parameter of another table
    ['/export/lineage.csv?ref=36-NQ/TW@2023&level=PROVINCE', 400, 'BAD_USER_INPUT', 'level'],
    // a required one missing, or a value that names nothing
    ['/export/lineage.csv', 400, 'BAD_USER_INPUT', 'ref'],
    ['/export/coverage.csv?ref=36-NQ/TW@2023&level=COMMUNE', 400, 'BAD_USER_INPUT', 'level'],
    ['/export/mandates.csv?jurisdiction=%25', 400, 'BAD_USER_INPUT', 'jurisdiction'],
    ['/export/lineage.csv?ref=hello', 400, 'BAD_USER_INPUT', 'ref'],
    // timeliness takes the GraphQL field's arguments, refused as it refuses them
    ['/export/timeliness.csv', 400, 'BAD_USER_INPUT', 'ref'],
    ['/export/timeliness.csv?ref=36-NQ/TW@2023&level=COMMUNE', 400, 'BAD_USER_INPUT', 'level'],
    ['/export/timeliness.csv?ref=36-NQ/TW@2023&level=NATION', 400, 'BAD_USER_INPUT', 'level'],
    ['/export/timeliness.csv?ref=36-NQ/TW@2023&era=2020', 400, 'BAD_USER_INPUT', 'era'],
    ['/export/timeliness.csv?ref=36-NQ/TW@2023&asOf=2023-02-30', 400, 'BAD_USER_INPUT', 'asOf'],
    ['/export/timeliness.xlsx?ref=36-NQ/TW@2023&province=Kon%20Tum', 400, 'BAD_USER_INPUT', 'province'],
    ['/export/timeliness.csv?ref=1693/KH-UBND%23II.2', 400, 'BAD_USER_INPUT', 'ref'],
    ['/export/timeliness.csv?ref=36-NQ/TW@2023&agency=x', 400, 'BAD_USER_INPUT', 'agency'],
    ['/export/timeliness.csv?ref=99-NQ/TW', 404, 'NOT_FOUND', undefined],
    // unknown references and files
    ['/export/lineage.csv?ref=99-NQ/TW', 404, 'NOT_FOUND', undefined],
    ['/export/mandates.xlsx?agency=agency%3Akhong-co%40ha-noi', 404, 'NOT_FOUND', undefined],
    ['/export/graph.csv', 404, 'NOT_FOUND', undefined],
    ['/export/mandates.pdf', 404, 'NOT_FOUND', undefined],
  ])('%s → %i %s', async (path, status, code, field) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { code: string; message: string; field?: string };
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(0);
    expect(body.field).toBe(field);
  });
});
