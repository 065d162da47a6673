// Bench `scale`, one corpus size in its own process (so its peak memory is its own): extraction alone,
// ingest into a fresh embedded store (extract + resolve + store, the CLI's path), size on disk, start-up
// (the in-memory copy loaded from the database), then three lineage questions timed through the store
// port, the same port with every read a database query, a plain array walk (the lower bound) and GraphQL
// over HTTP — every timed answer first checked against the corpus's expected lineage.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { createApiServer } from '../../src/api/server.ts';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { defaultExtractThreads } from '../../src/io/extract-pool.ts';
import { streamDocuments } from '../../src/io/input-files.ts';
import type { ReadTextError } from '../../src/io/read-text.ts';
import { type ChainUp, type Lineage, taskId } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { DATABASE_FILE, INDEX_FILE, SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { chainsUp, descendants, type Expected, readExpected } from '../national/expected.ts';
import { CHAIN_QUERY, LINEAGE_DEPTH, LINEAGE_PAGE_QUERY, LINEAGE_QUERY } from '../queries.ts';
import { ArrayGraph } from './lower-bound.ts';
import { type Latency, latency, mb, median, round, timeCalls } from './measure.ts';

export interface SizeOptions {
  corpus: string;
  store: string;
  /** Repetitions per target for the memory-backed port, the lower bound and GraphQL. */
  repeat: number;
  /** Repetitions per target when every read is a database query (slow: fewer). */
  repeatDatabase: number;
  /** Targets timed with every read a database query. */
  databaseTargets: number;
  log: (message: string) => void;
}

export type OpName = 'descendants' | 'chainUp' | 'lineageWithTasksAndAgencies';

export interface OpResult {
  targets: number;
  /** Median answer size over the targets (nodes; paths for a chain). */
  answerNodes: number;
  port: Latency;
  lowerBound: Latency;
  /** Median over targets of (port p50 / lower-bound p50) for the same target. */
  ratio: number;
  worstRatio: number;
  database: Latency;
  databaseRatio: number;
  graphql: Latency | null;
}

async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const rssPeakMb = () => round(process.resourceUsage().maxRSS / 1024, 0);

/** Per-target latencies as one figure: the median of the medians, the worst p99, every call counted. */
function acrossTargets(samples: readonly Latency[]): Latency {
  return {
    calls: samples.reduce((n, s) => n + s.calls, 0),
    p50Ms: median(samples.map((s) => s.p50Ms)),
    p99Ms: Math.max(...samples.map((s) => s.p99Ms)),
  };
}

/** `count` items spread evenly over `items` (the same ones every run). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

function sameSet(a: Iterable<string>, b: Iterable<string>): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/**
 * The documents lineageDown shows, by its rules, from the expected corpus: documents implementing a reached
 * document are expanded further; a document holding an implementing task is shown but not expanded.
 */
function lineageDocuments(expected: Expected, root: number, depth: number): Set<number> {
  const shown = new Set([root]);
  const expanded = new Set([root]);
  let frontier = [root];
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const reached = new Set(frontier);
    const next: number[] = [];
    expected.docs.forEach((d, i) => {
      if (d.implements.some((t) => reached.has(t)) && !expanded.has(i)) {
        expanded.add(i);
        shown.add(i);
        next.push(i);
      }
      if (d.tasks.some((t) => t.implements.some((x) => reached.has(x)))) shown.add(i);
    });
    frontier = next;
  }
  return shown;
}

class Checks {
  checked = 0;
  readonly failures: string[] = [];
  expect(ok: boolean, what: () => string): void {
    this.checked++;
    if (!ok && this.failures.length < 20) this.failures.push(what());
  }
}

/** First pages (tree built) and following pages (cursor after cursor, up to `pagesPerTarget`) per target. */
async function timeLineagePages(store: SqliteStore, targets: readonly string[], pagesPerTarget: number) {
  // One client timing thousands of pages: no rate limit.
  const api = await createApiServer({
    store,
    answerCacheTtlMs: 1_000,
    limits: { ratePointsPerMinute: 0 },
  });
  const { url } = await api.listen(0, '127.0.0.1');
  type Page = {
    data?: {
      lineage: {
        treeSize: number;
        treePage: { pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      };
    };
    errors?: unknown;
  };
  const post = async (ref: string, after: string | null): Promise<{ ms: number; page: Page }> => {
    const started = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LINEAGE_PAGE_QUERY, variables: { ref, after } }),
    });
    const page = (await res.json()) as Page;
    const ms = performance.now() - started;
    if (page.errors || !page.data)
      throw new Error(`lineage page of ${ref}: ${JSON.stringify(page.errors).slice(0, 300)}`);
    return { ms, page };
  };
  const first: number[] = [];
  const next: number[] = [];
  const sizes: number[] = [];
  try {
    for (const ref of targets) {
      const opening = await post(ref, null);
      first.push(opening.ms);
      sizes.push(opening.page.data?.lineage.treeSize ?? 0);
      let cursor = opening.page.data?.lineage.treePage.pageInfo.endCursor ?? null;
      for (let i = 0; i < pagesPerTarget; i++) {
        const { ms, page } = await post(ref, cursor);
        next.push(ms);
        const info = page.data?.lineage.treePage.pageInfo;
        cursor = info?.hasNextPage ? info.endCursor : null; // past the last page, start over
      }
    }
  } finally {
    await api.close();
  }
  return { treeSize: median(sizes), first: latency(first), next: latency(next) };
}

export async function runSize(o: SizeOptions) {
  // The heap growth the CLI runs with (bin/policy-graph.js), so memory figures are the command's.
  setFlagsFromString('--heap-growing-percent=20');
  const expected: Expected = readExpected(o.corpus);
  const files = expected.docs.map((d) => join(o.corpus, d.file));
  o.log(`${expected.docs.length} documents, ${mb(expected.textBytes)} MB of text`);

  // 1. Ingest: read, extract, resolve, store (each document all or nothing), reconcile — the CLI's path.
  rmSync(o.store, { recursive: true, force: true });
  const store = new SqliteStore({ directory: o.store });
  await store.init();
  const readErrors: ReadTextError[] = [];
  const started = performance.now();
  const report = await ingestDocuments(
    store,
    streamDocuments(files, () => undefined, readErrors, { threads: defaultExtractThreads() }),
    {
      total: files.length,
    },
  );
  const ingestSeconds = (performance.now() - started) / 1000;
  const failed = report.files.filter((f) => f.outcome === 'FAILED').length + readErrors.length;
  const ingest = {
    seconds: round(ingestSeconds, 2),
    documentsPerSecond: Math.round(files.length / ingestSeconds),
    failed,
    merges: report.merges.length,
    ambiguities: report.ambiguities.length,
    stats: report.stats,
    peakRssMb: rssPeakMb(),
  };
  o.log(
    `ingest: ${ingest.documentsPerSecond} documents/s (${ingest.seconds} s), ${failed} failed, peak RSS ${ingest.peakRssMb} MB`,
  );
  const idOf = new Map(report.files.map((f) => [f.source, f.documentId]));
  await store.close();
  const storeBytes = await diskBytes(o.store);

  // 2. Extraction alone, one core: the text pipeline's cost without the store (after the ingest, so the
  // ingest's peak memory is its own).
  let extractMs = 0;
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    const t = performance.now();
    extractDocument(text, { source: file });
    extractMs += performance.now() - t;
  }
  const extraction = {
    seconds: round(extractMs / 1000, 2),
    mbPerSecond: round(bytes / 2 ** 20 / (extractMs / 1000), 2),
    documentsPerSecond: Math.round(files.length / (extractMs / 1000)),
  };
  o.log(`extraction: ${extraction.mbPerSecond} MB/s, ${extraction.documentsPerSecond} documents/s`);

  // 3. Start-up: open the database and load the in-memory copy; first rebuilt from the database's rows (no
  // snapshot: a store last closed by a crash, or by an older version), then from the snapshot that close saved.
  rmSync(join(o.store, INDEX_FILE), { force: true });
  const coldStarted = performance.now();
  await store.init();
  const rebuildSeconds = round((performance.now() - coldStarted) / 1000, 2);
  const rebuiltFrom = store.memoryState().loadedFrom;
  await store.close();
  const heapBefore = process.memoryUsage().heapUsed;
  const openStarted = performance.now();
  await store.init();
  const startup = {
    seconds: round((performance.now() - openStarted) / 1000, 2),
    memoryHeapMb: mb(process.memoryUsage().heapUsed - heapBefore),
    ...store.memoryState(),
    rebuildSeconds,
    rebuiltFrom,
  };
  o.log(
    `start-up: ${startup.seconds} s from the ${startup.loadedFrom} (${rebuildSeconds} s rebuilt from the ${rebuiltFrom}), ${startup.nodes} nodes, ${startup.edges} edges in memory`,
  );

  const graph = ArrayGraph.fromDatabase(join(o.store, DATABASE_FILE));
  const docId = (i: number) => idOf.get(files[i] as string) as string;
  const central = spread(
    expected.docs.flatMap((d, i) => (d.level === 'CENTRAL' ? [i] : [])),
    10,
  );
  const districtTasks = spread(
    expected.docs.flatMap((d, i) =>
      d.level === 'DISTRICT' || d.level === 'COMMUNE' ? d.tasks.map((t) => ({ doc: i, key: t.key })) : [],
    ),
    30,
  );
  const checks = new Checks();
  const indexOf = (id: string) => graph.index.get(id) as number;

  // 4. Correctness, before anything is timed: port = expected lineage = lower bound.
  for (const c of central) {
    const root = docId(c);
    const want = [...descendants(expected, c)].map(docId);
    const got = (await store.descendants(root)).map((d) => d.id);
    checks.expect(
      sameSet(got, want),
      () => `descendants of ${root}: ${got.length} found, ${want.length} expected`,
    );
    const lb = [...graph.descendants(indexOf(root))].map((i) => graph.ids[i] as string);
    checks.expect(sameSet(lb, got), () => `descendants of ${root}: lower bound differs from the port`);
    const lineage: Lineage = await store.lineageDown(root, LINEAGE_DEPTH);
    const docs = lineage.nodes.filter((n) => n.kind === 'DOCUMENT').map((n) => n.id);
    const wantLineage = [...lineageDocuments(expected, c, LINEAGE_DEPTH)].map(docId);
    checks.expect(sameSet(docs, wantLineage), () => `lineage of ${root}: documents differ from expected`);
    const lbLineage = graph.lineageDown(indexOf(root), LINEAGE_DEPTH);
    checks.expect(
      sameSet(
        lineage.nodes.map((n) => n.id),
        [...lbLineage.nodes].map((i) => graph.ids[i] as string),
      ) &&
        sameSet(
          lineage.edges.map((e) => e.id),
          [...lbLineage.edges].map((i) => graph.edgeId(i)),
        ),
      () => `lineage of ${root}: lower bound differs from the port`,
    );
  }
  for (const t of districtTasks) {
    const id = taskId(docId(t.doc), t.key);
    const want = chainsUp(expected, t.doc, t.key).map((p) => p.map(docId).join(' > '));
    const chain: ChainUp = await store.chainUp(id);
    const got = chain.paths.map((p) =>
      p.nodes
        .filter((n) => n.kind === 'DOCUMENT')
        .map((n) => n.id)
        .join(' > '),
    );
    checks.expect(
      sameSet(got, want),
      () => `chain up from ${id}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`,
    );
    const lb = graph.chainUp(indexOf(id)).map((p) => p.map((i) => graph.ids[i]).join(' > '));
    checks.expect(
      sameSet(
        lb,
        chain.paths.map((p) => p.nodes.map((n) => n.id).join(' > ')),
      ),
      () => `chain up from ${id}: lower bound differs from the port`,
    );
  }
  o.log(`correctness: ${checks.checked - checks.failures.length}/${checks.checked} answers as expected`);
  for (const f of checks.failures) o.log(`  MISMATCH ${f}`);

  // 5. Timing, per target: the memory-backed port and the lower bound, then GraphQL over HTTP.
  const centralIds = central.map(docId);
  const taskIds = districtTasks.map((t) => taskId(docId(t.doc), t.key));
  const ops = {
    descendants: {
      targets: centralIds,
      port: (s: SqliteStore, id: string) => s.descendants(id),
      lowerBound: (id: string) => graph.descendants(indexOf(id)),
      size: (id: string) => graph.descendants(indexOf(id)).length,
      graphql: null,
    },
    chainUp: {
      targets: taskIds,
      port: (s: SqliteStore, id: string) => s.chainUp(id),
      lowerBound: (id: string) => graph.chainUp(indexOf(id)),
      size: (id: string) => new Set(graph.chainUp(indexOf(id)).flat()).size,
      graphql: CHAIN_QUERY,
    },
    lineageWithTasksAndAgencies: {
      targets: centralIds,
      port: (s: SqliteStore, id: string) => s.lineageDown(id, LINEAGE_DEPTH),
      lowerBound: (id: string) => graph.lineageDown(indexOf(id), LINEAGE_DEPTH),
      size: (id: string) => graph.lineageDown(indexOf(id), LINEAGE_DEPTH).nodes.length,
      graphql: LINEAGE_QUERY,
    },
  } as const;

  // Whole lineages of every size are timed: the default cost limit (which prices them by their size) would refuse
  // the big ones, the time budget stop them, and the rate limit this one client.
  const api = await createApiServer({
    store,
    answerCacheTtlMs: 0,
    limits: { maxCost: Number.MAX_SAFE_INTEGER, maxRequestMs: 0, ratePointsPerMinute: 0 },
  });
  const { url } = await api.listen(0, '127.0.0.1');
  const results: Record<string, Omit<OpResult, 'database' | 'databaseRatio'>> = {};
  try {
    for (const [name, op] of Object.entries(ops)) {
      const ratios: number[] = [];
      const portSamples: Latency[] = [];
      const lbSamples: Latency[] = [];
      for (const target of op.targets) {
        const port = await timeCalls([target], (id) => op.port(store, id), { repeat: o.repeat });
        const lb = await timeCalls([target], (id) => op.lowerBound(id), { repeat: o.repeat, inner: 20 });
        portSamples.push(port);
        lbSamples.push(lb);
        ratios.push(port.p50Ms / Math.max(lb.p50Ms, 1e-6));
      }
      let graphql: Latency | null = null;
      if (op.graphql) {
        const query = op.graphql;
        const request = () =>
          fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables: { ref: currentRef } }),
          });
        let currentRef = '';
        const post = async (ref: string) => {
          currentRef = ref;
          // A kept-alive socket the server closed while the port was being timed fails once: ask again.
          const res = await request().catch(() => request());
          const body = (await res.json()) as { errors?: unknown };
          if (body.errors) throw new Error(`${name} ${ref}: ${JSON.stringify(body.errors).slice(0, 300)}`);
        };
        graphql = await timeCalls(op.targets, post, { repeat: Math.max(3, Math.floor(o.repeat / 4)) });
      }
      results[name] = {
        targets: op.targets.length,
        answerNodes: median(op.targets.map(op.size)),
        port: acrossTargets(portSamples),
        lowerBound: acrossTargets(lbSamples),
        ratio: round(median(ratios), 1),
        worstRatio: round(Math.max(...ratios), 1),
        graphql,
      };
      o.log(
        `${name}: port p50 ${results[name].port.p50Ms} ms, lower bound ${results[name].lowerBound.p50Ms} ms, ratio ${results[name].ratio}×`,
      );
    }
  } finally {
    await api.close();
  }

  // 6. Pages of a full lineage tree through GraphQL, as served (the answer cache on, its default TTL): the
  // first page builds the tree once; the next pages read positions in it.
  const pages = await timeLineagePages(store, centralIds, o.repeat);
  o.log(
    `lineage pages (100 entries): first p50 ${pages.first.p50Ms} ms, next p50 / p99 ${pages.next.p50Ms} / ${pages.next.p99Ms} ms`,
  );
  const servingRssMb = round(process.memoryUsage().rss / 2 ** 20, 0);
  await store.close();

  // 7. Before: the same port with every read a database query (the in-memory copy off).
  const dbStore = new SqliteStore({
    directory: o.store,
    memoryIndex: false,
  });
  await dbStore.init();
  const full = {} as Record<OpName, OpResult>;
  try {
    for (const [name, op] of Object.entries(ops)) {
      const base = results[name] as Omit<OpResult, 'database' | 'databaseRatio'>;
      const key = name as OpName;
      // Database-only walks take seconds at 100k: a few targets are enough to show the gap.
      const database = await timeCalls(op.targets.slice(0, o.databaseTargets), (id) => op.port(dbStore, id), {
        repeat: o.repeatDatabase,
        warmup: 1,
      });
      full[key] = {
        ...base,
        database,
        databaseRatio: round(database.p50Ms / Math.max(base.lowerBound.p50Ms, 1e-6), 0),
      };
      o.log(
        `${name}: database-only port p50 ${database.p50Ms} ms (${full[key].databaseRatio}× the lower bound)`,
      );
    }
  } finally {
    await dbStore.close();
  }

  return {
    documents: expected.docs.length,
    textMb: mb(expected.textBytes),
    extraction,
    ingest,
    storeMb: mb(storeBytes),
    startup,
    operations: full,
    lineagePages: pages,
    servingRssMb,
    correctness: { checked: checks.checked, failures: checks.failures },
    peakRssMb: rssPeakMb(),
  };
}

export type SizeResult = Awaited<ReturnType<typeof runSize>>;
