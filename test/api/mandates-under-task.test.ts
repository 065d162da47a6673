// `mandates(filter: { under: <task> })` on the seeds: a task's own assignments and those of its sub-tasks, each
// with its chain — the same rows as its document's mandates restricted by hand to that part of the numbering
// (SEEDS.md: 167/KH-UBND's II.2.a–d, Ia H'Drai's III.6.a–h) — and the CLI's `export --what mandates --ref <task>`
// gives those rows too. The walk down from a task once lost its holder document, and with it every mandate.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli-run.ts';
import { readCsv } from '../support/export-readers.ts';
import { type GqlResponse, gql, type Started, seededStore, startApi } from './support.ts';

const QN = '167/KH-UBND@2021';
const IA_H_DRAI = 'doc:~ke-hoach-47e1100467@ia-h-drai@?';
const CHAIN = 'Chuỗi văn bản (nhiệm vụ → … → văn bản gốc)';

let seeds: Awaited<ReturnType<typeof seededStore>>;
let api: Started;
beforeAll(async () => {
  seeds = await seededStore();
  api = await startApi(seeds.store);
});
afterAll(async () => {
  await api?.close();
  await seeds?.dispose();
});

interface Mandate {
  role: string;
  task: { key: string; id: string };
  agency: { id: string; name: string };
  chain: Array<{ nodes: Array<{ symbol?: string | null; key?: string }> }>;
}

async function mandates(filter: Record<string, unknown>): Promise<Mandate[]> {
  const out: Mandate[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GqlResponse<{
      mandates: {
        edges: Array<{ node: Mandate }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }> = await gql(
      api.url,
      `query($f: MandateFilter, $after: String) { mandates(filter: $f, first: 20, after: $after) {
        edges { node { role task { key id } agency { id name }
          chain { nodes { ... on Document { symbol } ... on Task { key } } } } }
        pageInfo { hasNextPage endCursor } } }`,
      { f: filter, after },
    );
    expect(r.errors).toBeUndefined();
    const m = r.data?.mandates;
    if (!m) throw new Error('no mandates');
    out.push(...m.edges.map((e) => e.node));
    if (!m.pageInfo.hasNextPage) return out;
    after = m.pageInfo.endCursor;
  }
}

const key = (m: Mandate) => `${m.task.id}|${m.agency.id}|${m.role}`;
const chainText = (m: Mandate) =>
  m.chain.map((p) => p.nodes.map((n) => n.key ?? n.symbol).join(' → ')).join(' | ');

describe('mandates under a task', () => {
  it.each([
    // II.2 assigns nothing itself: everything under it is its sub-tasks' (II.2.a–d)
    [`${QN}#II.2`, QN, /^II\.2\.[a-d]$/, 4],
    // a leaf: its own assignments only (Sở Tài chính leads, Kho bạc … coordinates)
    [`${QN}#II.2.c`, QN, /^II\.2\.c$/, 1],
    // the district plan's III.6 and its eight sectors
    [`${IA_H_DRAI}#III.6`, IA_H_DRAI, /^III\.6(\.[a-hđ])?$/, 6],
  ])(
    '%s: the document’s mandates of that part of the numbering, with chains',
    async (under, doc, keys, tasks) => {
      const own = await mandates({ under });
      const expected = (await mandates({ document: doc })).filter((m) => keys.test(m.task.key));
      expect(own.length).toBeGreaterThan(0);
      expect(own.map(key).sort()).toEqual(expected.map(key).sort());
      expect(new Set(own.map((m) => m.task.key)).size).toBe(tasks);
      const byKey = new Map(expected.map((m) => [key(m), m]));
      for (const m of own) expect(chainText(m)).toBe(chainText(byKey.get(key(m)) as Mandate));
    },
  );

  it('holds what SEEDS.md names for 167’s II.2.c and Ia H’Drai’s III.6', async () => {
    const c = await mandates({ under: `${QN}#II.2.c` });
    expect(c.filter((m) => m.role === 'LEAD').map((m) => m.agency.name)).toEqual([
      'Sở Tài chính (Quảng Ngãi)',
    ]);
    expect(c.map((m) => m.agency.name)).toEqual(
      expect.arrayContaining([
        'Sở Nội vụ (Quảng Ngãi)',
        'Sở Khoa học và Công nghệ (Quảng Ngãi)',
        'Kho bạc Nhà nước tỉnh (Quảng Ngãi)',
      ]),
    );
    expect(chainText(c[0] as Mandate)).toBe('II.2.c → II.2 → 167/KH-UBND → 93-KL/TW → 42-CT/TW');
    const leads = (await mandates({ under: `${IA_H_DRAI}#III.6`, role: 'LEAD' })).map(
      (m) => `${m.task.key} ${m.agency.name}`,
    );
    // SEEDS.md: 6.b (two duties: Kinh tế và Hạ tầng, Nông nghiệp), 6.c, 6.d, 6.e, 6.đ, 6.g; 6.h's is a group
    expect([...leads].sort()).toEqual(
      [
        "III.6.b Phòng Kinh tế và Hạ tầng (Ia H'Drai)",
        "III.6.b Phòng Nông nghiệp và Phát triển nông thôn (Ia H'Drai)",
        "III.6.c Phòng Giáo dục và Đào tạo (Ia H'Drai)",
        "III.6.d Phòng Kinh tế và Hạ tầng (Ia H'Drai)",
        "III.6.e Phòng Kinh tế và Hạ tầng (Ia H'Drai)",
        "III.6.g Trung tâm Y tế huyện (Ia H'Drai)",
        "III.6.đ Phòng Tài nguyên và Môi trường (Ia H'Drai)",
      ].sort(),
    );
    // III.5 and III.7 are not under III.6
    expect(leads.some((l) => /^III\.[57] /.test(l))).toBe(false);
  });

  it('export --what mandates --ref <task> lists the same rows and chains', async () => {
    const under = `${QN}#II.2`;
    const r = await runCliCaptured(
      '--store',
      join(seeds.dir, 'graph'),
      'export',
      '--what',
      'mandates',
      '--ref',
      under,
      '--format',
      'csv',
      '--as-of',
      '2022-04-01',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { rows } = readCsv(r.stdout);
    expect(rows.length).toBeGreaterThan(0);
    const own = await mandates({ under });
    const rowKey = (x: Record<string, string>) =>
      `${x['Mã nhiệm vụ']}|${x['Mã cơ quan']}|${x['Vai trò'] === 'Chủ trì' ? 'LEAD' : 'COORDINATOR'}`;
    expect(rows.map(rowKey).sort()).toEqual(own.map(key).sort());
    const byKey = new Map(own.map((m) => [key(m), m]));
    for (const x of rows) expect(x[CHAIN]).toBe(chainText(byKey.get(rowKey(x)) as Mandate));
  });
});
