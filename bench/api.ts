// Bench `api`: bounded HTTP load (10 keep-alive connections, 10 s, 127.0.0.1) on the GraphQL API for the lineage of a
// central resolution and a chain up from a task — on the seeds and on a generated ~10,000-document graph — and the
// same answers straight from the store port; req/s, p50/p99 and the API/port ratio go to bench/results/api.json.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createApiServer } from '../src/api/server.ts';
import { allProvinces, type Province } from '../src/gazetteer/geo.ts';
import { DEFAULT_BATCH_SIZE, ingestDocuments } from '../src/ingest/ingest.ts';
import {
  type AgencyFields,
  agencyId,
  type DocumentFacts,
  type DocumentFields,
  documentId,
  type EdgeFields,
  emptyDocumentFields,
  type TaskFields,
  taskId,
} from '../src/model/graph.ts';
import { extractDocument } from '../src/pipeline/extract-document.ts';
import { resolveRef } from '../src/query/refs.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { SQLITE_SCHEMA_VERSION, SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { CHAIN_QUERY, LINEAGE_DEPTH, LINEAGE_QUERY } from './queries.ts';

// ---------------------------------------------------------------------------------------------
// The generated graph: central resolutions → province plans (34) → district plans (2 each) → tasks → agencies.
// Per central resolution: 1 + 34 + 68 documents, 136 tasks, 136 agencies in its lineage (≈375 nodes).

const GENERATOR_VERSION = 1;
const EXTRACTOR = 'bench-api-1';
const PROVINCES_PER_CENTRAL = 34;
const DISTRICTS_PER_PROVINCE = 2;

function doc(id: string, f: Partial<DocumentFields>): DocumentFields {
  return {
    ...emptyDocumentFields(id, 'KE_HOACH'),
    branch: 'STATE',
    ...f,
  };
}

function factsFor(
  self: DocumentFields,
  parent: DocumentFields,
  agencies: AgencyFields[],
  tasks: Array<{ key: string; title: string; lead: string; due: string }>,
): DocumentFacts {
  const source = `bench/generated/${createHash('sha256').update(self.id).digest('hex').slice(0, 12)}.txt`;
  const provenance = {
    assertedBy: self.id,
    source,
    evidence: { start: 0, end: 40 },
    method: 'STATED' as const,
    confidence: 0.95,
    extractorVersion: EXTRACTOR,
  };
  const taskFields: TaskFields[] = tasks.map((t) => ({
    id: taskId(self.id, t.key),
    documentId: self.id,
    key: t.key,
    label: t.key,
    parentKey: null,
    title: t.title,
    text: `${t.title}: tổ chức triển khai, báo cáo kết quả.`,
    groups: [],
    deadlineKind: 'BY_DATE',
    deadlineValue: t.due,
    deadlineText: `Trước ngày ${t.due}`,
    deadlineValid: true,
    deadlineDates: [],
    deadlineCondition: null,
    deadlineRecurrence: null,
  }));
  const issuer = agencies[0] as AgencyFields;
  const edges: EdgeFields[] = [
    { type: 'ISSUED_BY', from: self.id, to: issuer.id, provenance },
    { type: 'IMPLEMENTS', from: self.id, to: parent.id, provenance },
    ...tasks.flatMap((t): EdgeFields[] => [
      { type: 'HAS_TASK', from: self.id, to: taskId(self.id, t.key), provenance },
      { type: 'ASSIGNS', from: taskId(self.id, t.key), to: t.lead, role: 'LEAD', provenance },
    ]),
  ];
  return {
    source,
    contentHash: createHash('sha256').update(`${GENERATOR_VERSION}|${self.id}`).digest('hex'),
    extractorVersion: EXTRACTOR,
    document: self,
    mentioned: [parent],
    agencies,
    tasks: taskFields,
    edges,
  };
}

function agency(name: string, jurisdiction: string, level: 'PROVINCE' | 'DISTRICT'): AgencyFields {
  return { id: agencyId({ name, jurisdiction }), name, variants: [], jurisdiction, level };
}

/** The documents of one central resolution's lineage, parents before children. */
export function* generatedFacts(centrals: number): Generator<DocumentFacts> {
  const provinces = allProvinces()
    .filter((p) => p.era !== 'POST_2025' && p.districts.length >= DISTRICTS_PER_PROVINCE)
    .slice(0, PROVINCES_PER_CENTRAL) as Province[];
  for (let c = 0; c < centrals; c++) {
    const central = doc(documentId({ symbol: `${100 + c}-NQ/TW`, jurisdiction: null, date: '2023-01-30' }), {
      symbol: `${100 + c}-NQ/TW`,
      type: 'NGHI_QUYET',
      issuerName: 'Bộ Chính trị',
      branch: 'PARTY',
      level: 'CENTRAL',
      dateValue: '2023-01-30',
      year: 2023,
      subject: `chủ đề số ${c}`,
    });
    for (const p of provinces) {
      const symbol = `${1000 + c}/KH-UBND`;
      const plan = doc(documentId({ symbol, jurisdiction: p.name, date: '2023-06-07' }), {
        symbol,
        issuerName: `Ủy ban nhân dân tỉnh ${p.name}`,
        level: 'PROVINCE',
        jurisdiction: p.name,
        province: p.name,
        dateValue: '2023-06-07',
        year: 2023,
        title: `Kế hoạch thực hiện ${central.symbol}`,
      });
      const pa = [
        agency(`Ủy ban nhân dân tỉnh ${p.name}`, p.name, 'PROVINCE'),
        agency('Sở Khoa học và Công nghệ', p.name, 'PROVINCE'),
        agency('Sở Tài chính', p.name, 'PROVINCE'),
      ];
      yield factsFor(plan, central, pa, [
        { key: 'II.1', title: 'Tuyên truyền, quán triệt', lead: pa[1]?.id ?? '', due: '2023-12-31' },
        { key: 'II.2', title: 'Bố trí kinh phí thực hiện', lead: pa[2]?.id ?? '', due: '2024-03-31' },
      ]);
      for (let k = 0; k < DISTRICTS_PER_PROVINCE; k++) {
        const d = p.districts[(c * DISTRICTS_PER_PROVINCE + k) % p.districts.length];
        if (d === undefined) continue;
        const dsym = `${2000 + c}/KH-UBND`;
        const dplan = doc(documentId({ symbol: dsym, jurisdiction: d.name, date: '2023-08-15' }), {
          symbol: dsym,
          issuerName: `Ủy ban nhân dân huyện ${d.name}`,
          level: 'DISTRICT',
          jurisdiction: d.name,
          province: p.name,
          dateValue: '2023-08-15',
          year: 2023,
          title: `Kế hoạch thực hiện ${symbol} của UBND tỉnh ${p.name}`,
        });
        const da = [
          agency(`Ủy ban nhân dân huyện ${d.name}`, d.name, 'DISTRICT'),
          agency('Phòng Kinh tế và Hạ tầng', d.name, 'DISTRICT'),
        ];
        yield factsFor(dplan, plan, da, [
          { key: 'III.1', title: 'Triển khai tại địa phương', lead: da[1]?.id ?? '', due: '2024-06-30' },
        ]);
      }
    }
  }
}

/** The generated graph in an embedded store, built once per generator version and cached under the temp directory. */
export async function generatedStore(
  centrals: number,
  log: (s: string) => void,
): Promise<{ store: SqliteStore; documents: number }> {
  const dir = join(
    tmpdir(),
    'policy-graph-bench-api',
    `g${GENERATOR_VERSION}-s${SQLITE_SCHEMA_VERSION}-c${centrals}`,
  );
  const marker = join(dir, 'complete.json');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const store = new SqliteStore({ directory: join(dir, 'graph') });
    await store.init();
    const total = centrals * PROVINCES_PER_CENTRAL * (1 + DISTRICTS_PER_PROVINCE);
    let n = 0;
    const started = Date.now();
    let batch: DocumentFacts[] = [];
    const flush = async () => {
      await store.applyDocuments(batch);
      n += batch.length;
      batch = [];
      log(`  built ${n}/${total} plans (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    };
    for (const facts of generatedFacts(centrals)) {
      batch.push(facts);
      if (batch.length === DEFAULT_BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
    const stats = await store.stats();
    await store.close();
    writeFileSync(marker, JSON.stringify({ stats, seconds: (Date.now() - started) / 1000 }));
  }
  const store = new SqliteStore({ directory: join(dir, 'graph') });
  await store.init();
  const documents = (JSON.parse(readFileSync(marker, 'utf8')) as { stats: { nodes: { DOCUMENT: number } } })
    .stats.nodes.DOCUMENT;
  return { store, documents };
}

// ---------------------------------------------------------------------------------------------
// Load: HTTP from a worker thread (its own event loop, so it does not steal the server's), the port in-process.

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

/** Plain JavaScript run with `eval`: a keep-alive node:http client posting one body on `connections` loops. */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, body, vary, connections, seconds, warmup } = workerData;
const u = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
let nonce = 0;
function once() {
  // vary: an unused variable makes every body distinct, so no response is reused (the answer itself is the same).
  const b = vary ? body.replace('"variables":{', '"variables":{"nonce":' + nonce++ + ',') : body;
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(b) };
  return new Promise((resolve) => {
    const t = performance.now();
    const req = http.request({ host: u.hostname, port: u.port, path: '/graphql', method: 'POST', agent, headers }, (res) => {
      let ok = res.statusCode === 200;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { if (text.length < 64) text += c; });
      res.on('end', () => { if (text.startsWith('{"errors"')) ok = false; resolve({ ok, ms: performance.now() - t }); });
    });
    req.on('error', () => resolve({ ok: false, ms: performance.now() - t }));
    req.end(b);
  });
}
(async () => {
  const start = performance.now();
  const measureFrom = start + warmup * 1000;
  const end = measureFrom + seconds * 1000;
  const lat = [];
  let errors = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      const r = await once();
      if (sent < measureFrom) continue;
      if (r.ok) lat.push(r.ms); else errors++;
    }
  }));
  agent.destroy();
  parentPort.postMessage({ lat, errors });
})();
`;

function summarize(lat: number[], errors: number, seconds: number): LoadResult {
  lat.sort((a, b) => a - b);
  const at = (q: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * q))] ?? Number.NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: lat.length,
    errors,
    seconds,
    rps: Math.round(lat.length / seconds),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
  };
}

function httpLoad(
  url: string,
  body: string,
  vary: boolean,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      workerData: { url, body, vary, connections, seconds, warmup: 1 },
    });
    worker.once('message', (m: { lat: number[]; errors: number }) =>
      resolve(summarize(m.lat, m.errors, seconds)),
    );
    worker.once('error', reject);
  });
}

async function portLoad(
  call: () => Promise<unknown>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const run = async (until: number, lat: number[] | null) => {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const t = performance.now();
          await call();
          lat?.push(performance.now() - t);
        }
      }),
    );
  };
  await run(performance.now() + 1000, null);
  const lat: number[] = [];
  await run(performance.now() + seconds * 1000, lat);
  return summarize(lat, 0, seconds);
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

interface Scenario {
  graph: 'seeds' | 'generated';
  kind: 'descendants' | 'chain';
  name: string;
  ref: string;
  query: string;
  /** The same answer from the port, as the API gets it without its cache. */
  port: (store: GraphStore) => Promise<unknown>;
}

/** Lineage down (depth 10) from `ref`, through the API and straight from the port. */
function lineageScenario(graph: Scenario['graph'], name: string, ref: string): Scenario {
  const port = async (st: GraphStore) => st.lineageDown((await resolveRef(st, ref)).id, LINEAGE_DEPTH);
  return { graph, kind: 'descendants', name, ref, query: LINEAGE_QUERY, port };
}

/** Every path up from `ref`, through the API and straight from the port. */
function chainScenario(graph: Scenario['graph'], name: string, ref: string): Scenario {
  const port = async (st: GraphStore) => st.chainUp((await resolveRef(st, ref)).id);
  return { graph, kind: 'chain', name, ref, query: CHAIN_QUERY, port };
}

interface ScenarioResult {
  name: string;
  graph: string;
  kind: string;
  answer: { nodes: number; edges: number; bytes: number };
  /** The same answer from the store port (resolve the ref, then lineageDown / chainUp), 10 concurrent callers. */
  port: LoadResult;
  /** The API as configured by default: store answers and identical responses reused for 1 s. */
  api: LoadResult;
  /** Store answers reused, but every response executed by Apollo (each request body differs): Apollo's own cost. */
  apiExecuted: LoadResult;
  /** No reuse at all: every request reaches the store. */
  apiNoCache: LoadResult;
  /** API req/s ÷ port calls/s for each configuration (above 1: faster than asking the port). */
  ratio: number;
  ratioExecuted: number;
  ratioNoCache: number;
}

async function runScenario(
  store: GraphStore,
  s: Scenario,
  connections: number,
  seconds: number,
  log: (m: string) => void,
): Promise<ScenarioResult> {
  const body = JSON.stringify({ query: s.query, variables: { ref: s.ref } });
  const measure = async (ttl: number, vary = false) => {
    // A load generator is one client at one address: no rate limit.
    const api = await createApiServer({ store, answerCacheTtlMs: ttl, limits: { ratePointsPerMinute: 0 } });
    const { url } = await api.listen(0, '127.0.0.1');
    try {
      return await httpLoad(url, body, vary, connections, seconds);
    } finally {
      await api.close();
    }
  };
  // One request first: the answer must be right before it is timed.
  const probe = await createApiServer({ store });
  const { url } = await probe.listen(0, '127.0.0.1');
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  await probe.close();
  const parsed = JSON.parse(text) as {
    data?: {
      lineage?: { nodes: unknown[]; edges: unknown[] };
      chain?: Array<{ nodes: unknown[]; steps: unknown[] }>;
    };
    errors?: unknown;
  };
  if (parsed.errors || !parsed.data) throw new Error(`${s.name}: ${text.slice(0, 300)}`);
  const answer =
    s.kind === 'descendants'
      ? {
          nodes: parsed.data.lineage?.nodes.length ?? 0,
          edges: parsed.data.lineage?.edges.length ?? 0,
          bytes: text.length,
        }
      : {
          nodes: new Set((parsed.data.chain ?? []).flatMap((p) => p.nodes)).size,
          edges: (parsed.data.chain ?? []).reduce((n, p) => n + p.steps.length, 0),
          bytes: text.length,
        };
  log(`${s.name}: ${answer.nodes} nodes, ${answer.edges} edges, ${answer.bytes} bytes`);
  const port = await portLoad(() => s.port(store), connections, seconds);
  log(`  port         ${fmt(port)}`);
  const api = await measure(1_000);
  log(`  API (cache)  ${fmt(api)}`);
  const apiExecuted = await measure(1_000, true);
  log(`  API (exec)   ${fmt(apiExecuted)}`);
  const apiNoCache = await measure(0);
  log(`  API (none)   ${fmt(apiNoCache)}`);
  const ratio = (r: LoadResult) => Math.round((r.rps / Math.max(1, port.rps)) * 100) / 100;
  return {
    name: s.name,
    graph: s.graph,
    kind: s.kind,
    answer,
    port,
    api,
    apiExecuted,
    apiNoCache,
    ratio: ratio(api),
    ratioExecuted: ratio(apiExecuted),
    ratioNoCache: ratio(apiNoCache),
  };
}

const fmt = (r: LoadResult) =>
  `${String(r.rps).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(2).padStart(7)} ms  p99 ${r.p99Ms.toFixed(2).padStart(7)} ms${r.errors ? `  ${r.errors} errors` : ''}`;

const SEEDS = [
  '000_5f6ac51fd7d22cf5',
  '001_ffb4562998a4ed83',
  '002_edd4871f2584adf0',
  '003_241023ceb20e6f40',
  '004_4621c10ea01442bf',
];

async function seedsStore(): Promise<{ store: SqliteStore; dir: string }> {
  const root = new URL('../', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-api-'));
  const store = new SqliteStore({ directory: dir });
  await store.init();
  await ingestDocuments(
    store,
    SEEDS.map((name) => {
      const source = `seeds/${name}.txt`;
      const text = readFileSync(join(root, source), 'utf8');
      return { source, text, document: extractDocument(text, { source }) };
    }),
  );
  return { store, dir };
}

function option(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

export async function main(args: readonly string[]): Promise<number> {
  // Measured as deployed: graphql-js runs development-mode type checks unless NODE_ENV=production (~1.7× slower
  // here), and NODE_ENV must be set before graphql is loaded, hence a fresh process.
  if (process.env.NODE_ENV !== 'production' && !args.includes('--development')) {
    const root = new URL('../', import.meta.url).pathname;
    const child = spawn(
      process.execPath,
      [join(root, 'bin/run-ts.js'), join(root, 'bench/index.ts'), 'api', ...args],
      {
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }
  const seconds = option(args, 'seconds', 10);
  const connections = option(args, 'connections', 10);
  const centrals = option(args, 'centrals', 97);
  const log = (m: string) => process.stdout.write(`${m}\n`);
  const results: ScenarioResult[] = [];
  const graphs: Record<string, unknown> = {};

  const seeds = await seedsStore();
  try {
    graphs.seeds = await seeds.store.stats();
    const iaTask = (await seeds.store.findDocuments({ symbol: '1693/KH-UBND' }))[0];
    if (iaTask === undefined) throw new Error('seeds: 1693/KH-UBND is missing');
    const lineage = await seeds.store.lineageDown(iaTask.id, 2);
    const task = lineage.nodes.find((n) => n.kind === 'TASK' && n.key === 'III.6.h');
    if (task === undefined) throw new Error('seeds: task III.6.h is missing');
    const scenarios = [
      lineageScenario('seeds', 'seeds · lineage down from 36-NQ/TW', '36-NQ/TW@2023'),
      chainScenario('seeds', 'seeds · chain up from Ia H’Drai task III.6.h', task.id),
    ];
    for (const s of scenarios) results.push(await runScenario(seeds.store, s, connections, seconds, log));
  } finally {
    await seeds.store.close();
    rmSync(seeds.dir, { recursive: true, force: true });
  }

  if (!args.includes('--skip-generated')) {
    log(`generated graph: ${centrals} central resolutions (built once, then reused from the temp directory)`);
    const g = await generatedStore(centrals, log);
    try {
      graphs.generated = await g.store.stats();
      const root = documentId({ symbol: '100-NQ/TW', jurisdiction: null, date: '2023-01-30' });
      const l = await g.store.lineageDown(root, 10);
      const districtTask = l.nodes.find((n) => n.kind === 'TASK' && n.key === 'III.1');
      if (districtTask === undefined) throw new Error('generated: no district task');
      const scenarios = [
        lineageScenario(
          'generated',
          `generated (${g.documents} documents) · lineage down from 100-NQ/TW`,
          '100-NQ/TW@2023-01-30',
        ),
        chainScenario('generated', 'generated · chain up from a district task', districtTask.id),
      ];
      for (const s of scenarios) results.push(await runScenario(g.store, s, connections, seconds, log));
    } finally {
      await g.store.close();
    }
  }

  const goal = (kind: 'descendants' | 'chain', rps: number, p99: number | null) =>
    results
      .filter((r) => r.kind === kind)
      .map((r) => ({
        scenario: r.name,
        goal: { rps, ...(p99 === null ? {} : { p99Ms: p99 }) },
        withCache: r.api.rps >= rps && (p99 === null || r.api.p99Ms <= p99),
        withoutCache: r.apiNoCache.rps >= rps && (p99 === null || r.apiNoCache.p99Ms <= p99),
      }));
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    load: {
      connections,
      seconds,
      warmupSeconds: 1,
      generator: 'node:http keep-alive agent in a worker thread, 127.0.0.1',
    },
    api: 'Apollo Server 5 over node:http, NODE_ENV=production, cache-control plugin disabled. api: default configuration (store answers and identical responses reused for 1 s, API_CACHE_TTL_MS); apiExecuted: answers reused but every response executed by Apollo; apiNoCache: every request reaches the store',
    graphs,
    scenarios: results,
    goals: [...goal('descendants', 1_500, 20), ...goal('chain', 3_000, null)],
  };
  const out = new URL('./results/api.json', import.meta.url).pathname;
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${out}`);
  for (const g of report.goals)
    log(
      `goal ${g.scenario}: ${g.withCache ? 'met' : 'NOT met'} with the cache, ${g.withoutCache ? 'met' : 'NOT met'} without`,
    );
  return 0;
}
