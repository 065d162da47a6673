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
