// Timeliness over GraphQL on a generated national corpus (bench/national/): the central resolution states a time
// for the provinces ("trong thời hạn 60 ngày kể từ ngày ký"); each province's lag must be the generator's own
// dates (its first provincial document implementing the tree, directly or through others), late ones listed
// LATE with the days past, provinces outside the tree silent and overdue.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, issueLimitOf, type Plan, type PlannedDoc } from '../../bench/national/plan.ts';
import { generateDocuments } from '../../bench/national/write.ts';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { readCsv, readXlsx } from '../support/export-readers.ts';
import { gql, type Started, startApi } from './support.ts';

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

interface Unit {
  unit: string;
  status: string;
  lagDays: number | null;
  daysLate: number | null;
  first: { symbol: string | null; date: string | null } | null;
}

let plan: Plan;
let central: PlannedDoc;
let store: SqliteStore;
let api: Started;
let dir: string;

beforeAll(async () => {
  plan = buildPlan(7, 700);
  central = plan.docs[0] as PlannedDoc;
  dir = mkdtempSync(join(tmpdir(), 'pg-timeliness-'));
  const texts = join(dir, 'corpus');
  const inputs = [...generateDocuments(plan)].map((d) => {
    const path = join(texts, d.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, d.text);
    return { source: d.file, text: d.text, document: extractDocument(d.text, { source: d.file }) };
  });
  store = new SqliteStore({ directory: join(dir, 'store') });
  await store.init();
  await ingestDocuments(store, inputs);
  api = await startApi(store, { sourceRoots: [texts] });
}, 180_000);
afterAll(async () => {
  await api?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether `d` implements the central document of tree 0, directly or through the documents it implements. */
function underCentral(d: PlannedDoc): boolean {
  const seen = new Set<number>();
  const walk = (x: PlannedDoc): boolean => {
    if (x.index === central.index) return true;
    if (seen.has(x.index)) return false;
    seen.add(x.index);
    return x.parents.some((p) => walk(plan.docs[p] as PlannedDoc));
  };
  return d.index !== central.index && walk(d);
}

describe('timeliness of a central resolution at province level', () => {
  it('states the limit the text gives, and the due day from the resolution’s date', async () => {
    const limit = issueLimitOf(plan, central);
    expect(limit).not.toBeNull();
    const r = await gql<{
      timeliness: { rootDate: string; dueBy: string; limits: Array<{ days: number; addressees: string }> };
    }>(
      api.url,
      `query($ref: String!) { timeliness(ref: $ref, level: PROVINCE, asOf: "2030-01-01") { rootDate dueBy limits { days addressees } } }`,
      { ref: central.symbol },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.timeliness.rootDate).toBe(iso(central.day));
    expect(r.data?.timeliness.limits.map((l) => l.days)).toEqual([limit?.days]);
    expect(r.data?.timeliness.limits[0]?.addressees).toMatch(/^Các tỉnh ủy, thành ủy/);
    expect(r.data?.timeliness.dueBy).toBe(iso(limit?.dueDay as number));
  });

  it('gives each province the generator’s lag and status; late ones with the days past; the rest silent', async () => {
    const limit = issueLimitOf(plan, central) as { dueDay: number };
    const first = new Map<string, number>();
    for (const d of plan.docs)
      if (d.level === 'PROVINCE' && d.province !== null && !d.draft && underCentral(d))
        first.set(d.province.name, Math.min(first.get(d.province.name) ?? Number.POSITIVE_INFINITY, d.day));
    expect(first.size).toBeGreaterThan(5);
    const r = await gql<{ timeliness: { units: Unit[]; counts: Record<string, number> } }>(
      api.url,
      `query($ref: String!) { timeliness(ref: $ref, level: PROVINCE, asOf: "2030-01-01") {
        units { unit status lagDays daysLate first { symbol date } } counts { onTime late silentOverdue silent } } }`,
      { ref: central.symbol },
    );
    expect(r.errors).toBeUndefined();
    const units = r.data?.timeliness.units ?? [];
    expect(units.length).toBe(63);
    let late = 0;
    for (const u of units) {
      const day = first.get(u.unit);
      if (day === undefined) {
        expect(u.status, u.unit).toBe('SILENT_OVERDUE');
        continue;
      }
      expect(u.lagDays, u.unit).toBe(day - central.day);
      expect(u.first?.date, u.unit).toBe(iso(day));
      if (day <= limit.dueDay) expect(u.status, u.unit).toBe('ON_TIME');
      else {
        late++;
        expect(u.status, u.unit).toBe('LATE');
        expect(u.daysLate, u.unit).toBe(day - limit.dueDay);
      }
    }
    expect(late).toBeGreaterThan(0);
    expect(r.data?.timeliness.counts.late).toBe(late);
    expect(r.data?.timeliness.counts.onTime).toBe(first.size - late);
  });

  it('judged on an early day, the provinces with nothing yet are silent, not overdue', async () => {
    const r = await gql<{ timeliness: { counts: { silent: number; silentOverdue: number } } }>(
      api.url,
      `query($ref: String!, $asOf: Date) { timeliness(ref: $ref, level: PROVINCE, asOf: $asOf) { counts { silent silentOverdue } } }`,
      { ref: central.symbol, asOf: iso(central.day + 1) },
    );
    expect(r.data?.timeliness.counts.silentOverdue).toBe(0);
    expect(r.data?.timeliness.counts.silent).toBeGreaterThan(0);
  });
});

describe('GET /export/timeliness.{csv,xlsx}', () => {
  const QUERY = `query($ref: String!) { timeliness(ref: $ref, level: PROVINCE, asOf: "2030-01-01") {
    dueBy units { unit status lagDays daysLate first { id } documents { id } } } }`;
  const answer = async () => {
    const r = await gql<{
      timeliness: {
        dueBy: string;
        units: Array<Unit & { first: { id: string } | null; documents: Array<{ id: string }> }>;
      };
    }>(api.url, QUERY, { ref: central.symbol });
    expect(r.errors).toBeUndefined();
    return r.data?.timeliness.units ?? [];
  };
  const url = (format: string) =>
    `${api.url}/export/timeliness.${format}?ref=${encodeURIComponent(central.symbol ?? '')}&level=PROVINCE&asOf=2030-01-01`;
  const STATUS: Record<string, string> = {
    ON_TIME: 'Đúng hạn',
    LATE: 'Chậm',
    SILENT_OVERDUE: 'Chưa ban hành, quá hạn',
    SILENT: 'Chưa ban hành',
  };

  it('CSV: a row per province with the lag, status and days late the API gives', async () => {
    const res = await fetch(url('csv'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/filename="tien-do_.+_cap-tinh_2030-01-01\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const { rows } = readCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    const units = await answer();
    expect(rows.map((r) => r['Đơn vị'])).toEqual(units.map((u) => u.unit));
    const late = units.filter((u) => u.status === 'LATE');
    expect(late.length).toBeGreaterThan(0);
    units.forEach((u, i) => {
      const r = rows[i] as Record<string, string>;
      expect(r['Tình trạng'], u.unit).toBe(STATUS[u.status]);
      expect(r['Độ trễ (ngày)'], u.unit).toBe(u.lagDays === null ? '' : String(u.lagDays));
      expect(r['Quá hạn (ngày)'], u.unit).toBe(u.daysLate === null ? '' : String(u.daysLate));
      expect(r['Mã văn bản đầu tiên'], u.unit).toBe(u.first?.id ?? '');
      expect(r['Số văn bản'], u.unit).toBe(String(u.documents.length));
    });
  });

  it('XLSX: the same units, lags as numbers, late ones with their days past; the stated limit on its own sheet', async () => {
    const res = await fetch(url('xlsx'));
    expect(res.status).toBe(200);
    const [main, limits] = await readXlsx(new Uint8Array(await res.arrayBuffer()));
    const units = await answer();
    expect(main?.name).toBe('Tiến độ');
    expect(main?.rows.map((r) => r['Đơn vị'])).toEqual(units.map((u) => u.unit));
    const lateRows = main?.rows.filter((r) => r['Tình trạng'] === 'Chậm') ?? [];
    expect(lateRows.map((r) => [r['Đơn vị'], r['Độ trễ (ngày)'], r['Quá hạn (ngày)']])).toEqual(
      units.filter((u) => u.status === 'LATE').map((u) => [u.unit, u.lagDays, u.daysLate]),
    );
    expect(main?.rows.map((r) => r['Độ trễ (ngày)'] ?? null)).toEqual(units.map((u) => u.lagDays));
    const limit = issueLimitOf(plan, central) as { days: number; dueDay: number };
    expect(limits?.name).toBe('Thời hạn');
    expect(limits?.rows.map((r) => [r['Số ngày'], r['Hạn chót']])).toEqual([
      [limit.days, new Date(limit.dueDay * 86_400_000)],
    ]);
  });
});
