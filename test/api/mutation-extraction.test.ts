// ingestDocument extracts on a worker thread with a time limit: past the limit the mutation is EXTRACTION_TIMEOUT,
// nothing is stored and the thread is stopped (it uses no more CPU); while a big text is extracting, the server
// keeps answering (/healthz within 200 ms). The server's close() stops the extraction threads.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, gql, ROOT, type Started, seededStore, startApi } from './support.ts';

const TOKEN = 'test-token-0123456789abcdef';
const INGEST = `mutation($text: String!, $source: String) {
  ingestDocument(text: $text, source: $source) { outcome document { id } }
}`;
const auth = { authorization: `Bearer ${TOKEN}` };
const SEEDS = readdirSync(join(ROOT, 'seeds'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
/** About `mb` megabytes of plan text: the seeds over and over (a few seconds of extraction for 16 MB). */
const big = (mb: number) => {
  const parts: string[] = [];
  for (let len = 0, i = 0; len < mb * 1e6; i++) {
    const t = SEEDS[i % SEEDS.length] as string;
    parts.push(t);
    len += t.length;
  }
  return parts.join('\n');
};

const PLAN_HEAD =
  'ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/KH-UBND\nKẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 36-NQ/TW\n' +
  'Thực hiện Nghị quyết số 36-NQ/TW, UBND tỉnh ban hành Kế hoạch như sau:\nIII. NHIỆM VỤ, GIẢI PHÁP\n';

let seeds: Awaited<ReturnType<typeof seededStore>>;
let textDir: string;
let quick: Started;
let patient: Started;

beforeAll(async () => {
  seeds = await seededStore();
  textDir = mkdtempSync(join(tmpdir(), 'pg-api-texts-'));
  const common = { token: TOKEN, textCacheDir: textDir };
  quick = await startApi(seeds.store, { ...common, limits: { extractTimeoutMs: 5 } });
  patient = await startApi(seeds.store, {
    ...common,
    limits: { extractTimeoutMs: 60_000, maxBodyBytes: 64 * 1024 * 1024 },
  });
});

afterAll(async () => {
  await quick?.close();
  await patient?.close();
  await seeds?.dispose();
  rmSync(textDir, { recursive: true, force: true });
});

describe('extraction of an ingested text', () => {
  it('past the time limit: EXTRACTION_TIMEOUT, nothing stored, no text kept', async () => {
    const before = await seeds.store.stats();
    quick.counting.reset();
    const r = await gql(quick.url, INGEST, { text: SEEDS[0], source: 'late.txt' }, auth);
    expect(codes(r)).toEqual(['EXTRACTION_TIMEOUT']);
    expect(r.errors?.[0]?.message).toMatch(/5 ms.*nothing was stored/);
    expect(r.errors?.[0]?.extensions?.timeoutMs).toBe(5);
    expect(quick.counting.calls.get('applyDocument') ?? 0).toBe(0);
    expect(await seeds.store.stats()).toEqual(before);
    expect(readdirSync(textDir)).toEqual([]);
  });

  it('within the limit, off the event loop: /healthz answers within 200 ms while a big text extracts', async () => {
    // A first mutation starts the extraction thread.
    const warm = await gql(patient.url, INGEST, { text: SEEDS[1], source: 'seeds/001.txt' }, auth);
    expect(codes(warm)).toEqual([]);
    // Client and server share this thread: a blocked event loop would hold the client's timers too, so the
    // measure is how soon after sending the big text the first /healthz answer comes, and that the big text is
    // still being handled then.
    let done = false;
    const sent = performance.now();
    const heavy = gql(patient.url, INGEST, { text: big(16), source: 'big.txt' }, auth).finally(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const waits: number[] = [];
    let firstAnswer = 0;
    let overlapped = false;
    for (let k = 0; k < 5 && !done; k++) {
      const started = performance.now();
      const res = await fetch(`${patient.url}/healthz`);
      waits.push(performance.now() - started);
      if (k === 0) {
        firstAnswer = performance.now() - sent;
        overlapped = !done;
      }
      expect(res.status).toBe(200);
      await res.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(overlapped).toBe(true);
    expect(firstAnswer).toBeLessThan(1_500);
    for (const w of waits) expect(w).toBeLessThan(200);
    const r = await heavy;
    expect(codes(r)).toEqual([]);
  }, 120_000);

  it('a running extraction past the limit is stopped: its thread takes no more CPU', async () => {
    const api = await startApi(seeds.store, {
      token: TOKEN,
      textCacheDir: textDir,
      limits: { extractTimeoutMs: 1_500, maxBodyBytes: 64 * 1024 * 1024 },
    });
    try {
      // The thread's start counts in the first text's time: it may take more than the limit on a loaded machine.
      let warm = await gql(api.url, INGEST, { text: SEEDS[2], source: 'seeds/002.txt' }, auth);
      for (let k = 0; k < 5 && codes(warm).length > 0; k++)
        warm = await gql(api.url, INGEST, { text: SEEDS[2], source: 'seeds/002.txt' }, auth);
      expect(codes(warm)).toEqual([]);
      // Many short task lines: some ten seconds of extraction in 4 MB.
      const text = `${PLAN_HEAD}1. Nhiệm vụ\n${'a) Thực hiện.\n'.repeat(300_000)}`;
      api.counting.reset();
      const r = await gql(api.url, INGEST, { text, source: 'huge.txt' }, auth);
      expect(codes(r)).toEqual(['EXTRACTION_TIMEOUT']);
      expect(api.counting.calls.get('applyDocument') ?? 0).toBe(0);
      // A thread still extracting would take most of a core; a stopped one takes none. (Its replacement takes a
      // second or so to start: the window begins after that.)
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const before = process.cpuUsage();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const spent = process.cpuUsage(before);
      expect((spent.user + spent.system) / 1000).toBeLessThan(300);
    } finally {
      await api.close();
    }
  }, 120_000);
});
