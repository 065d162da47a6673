// Bench `extract`: extractDocument throughput on one core (main thread) over a ≥ 20 MB varied seed corpus.
//
// MB means 10^6 bytes of UTF-8 input (what the files would weigh). Passes run back to back in this thread;
// each pass extracts every corpus document once. The pass count adapts to the warm-up speed so that the
// whole run stays under about two minutes even with a slow extractor.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { EXTRACTOR_VERSION, extractDocument } from '../src/pipeline/extract-document.ts';
import { buildCorpus, type Corpus, loadSeeds } from './corpus.ts';

const GOAL_MB_PER_SECOND = 25;
const DEFAULTS = { megabytes: 20, seed: 20240611, passes: 5 };
/** Time the timed passes may take together; passes drop (to at least 3) when a pass is slower than this / 5. */
const PASS_BUDGET_SECONDS = 75;
const WARMUP_MAX_SECONDS = 10;
const RESULT_FILE = new URL('./results/extract.json', import.meta.url);

const USAGE = `usage: npm run bench -- extract [--mb N] [--passes N] [--seed N]
  --mb N      corpus size in MB of UTF-8 (default ${DEFAULTS.megabytes}; the goal is stated for >= 20)
  --passes N  timed passes over the whole corpus (default: ${DEFAULTS.passes}, fewer if a pass is slow)
  --seed N    corpus PRNG seed (default ${DEFAULTS.seed})
`;

interface Options {
  megabytes: number;
  seed: number;
  passes: number | null;
}

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { megabytes: DEFAULTS.megabytes, seed: DEFAULTS.seed, passes: null };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = Number(args[i + 1]);
    if (!Number.isFinite(value) || value <= 0) return `${flag}: expected a positive number`;
    if (flag === '--mb') options.megabytes = value;
    else if (flag === '--seed') options.seed = Math.floor(value);
    else if (flag === '--passes') options.passes = Math.max(1, Math.floor(value));
    else return `unknown option ${flag}`;
  }
  return options;
}

/** What one pass found: summed over the corpus, printed, and compared between passes. */
interface Counts {
  references: number;
  mentions: number;
  relations: number;
  tasks: number;
  duties: number;
  agencies: number;
  warnings: number;
}

const zeroCounts = (): Counts => ({
  references: 0,
  mentions: 0,
  relations: 0,
  tasks: 0,
  duties: 0,
  agencies: 0,
  warnings: 0,
});

/** One full pass. Every result is read (counts of what it holds), so the work cannot be dropped as dead. */
function runPass(corpus: Corpus): { seconds: number; counts: Counts } {
  const counts = zeroCounts();
  const t0 = performance.now();
  for (const doc of corpus.documents) {
    const out = extractDocument(doc.text, { source: doc.source });
    counts.references += out.references.length;
    for (const r of out.references) counts.mentions += r.mentions.length;
    counts.relations += out.relations.length;
    counts.tasks += out.tasks.length;
    for (const t of out.tasks) {
      counts.duties += t.duties.length;
      counts.agencies += t.lead.length + t.coordinators.length;
    }
    counts.warnings += out.warnings.length;
  }
  return { seconds: (performance.now() - t0) / 1000, counts };
}

/** Extracts documents in corpus order until one full pass or the time limit, whichever comes first. */
function warmUp(corpus: Corpus): { seconds: number; documents: number; bytes: number } {
  const t0 = performance.now();
  let documents = 0;
  let bytes = 0;
  let sink = 0;
  for (const doc of corpus.documents) {
    sink += extractDocument(doc.text).tasks.length;
    documents++;
    bytes += doc.bytes;
    if ((performance.now() - t0) / 1000 > WARMUP_MAX_SECONDS) break;
  }
  if (sink < 0) throw new Error('unreachable'); // keeps `sink` observable
  return { seconds: (performance.now() - t0) / 1000, documents, bytes };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round = (x: number, digits: number) => Number(x.toFixed(digits));
const summary = (xs: readonly number[], digits: number) => ({
  median: round(median(xs), digits),
  min: round(Math.min(...xs), digits),
  max: round(Math.max(...xs), digits),
});

export async function main(args: readonly string[]): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`bench extract: ${options}\n${USAGE}`);
    return 2;
  }
  const runStarted = performance.now();
  const load = loadavg()[0] ?? 0;

  const t0 = performance.now();
  const corpus = buildCorpus({
    seeds: loadSeeds(),
    targetBytes: options.megabytes * 1e6,
    seed: options.seed,
  });
  const buildSeconds = (performance.now() - t0) / 1000;
  const mb = corpus.bytes / 1e6;
  console.log(
    `corpus: ${corpus.documents.length} documents, ${mb.toFixed(2)} MB UTF-8 (${corpus.utf16Units} UTF-16 units), ` +
      `seed ${corpus.seed}; ${corpus.composition.nfd} NFD, ${corpus.composition.crlf} CRLF, ` +
      `${corpus.composition.markdownNoise} with markdown noise; built in ${buildSeconds.toFixed(1)} s`,
  );

  const warm = warmUp(corpus);
  const estimatedPass = (warm.seconds / Math.max(1, warm.bytes)) * corpus.bytes;
  const passes =
    options.passes ??
    Math.max(3, Math.min(DEFAULTS.passes, Math.floor(PASS_BUDGET_SECONDS / Math.max(estimatedPass, 1e-3))));
  console.log(
    `warm-up: ${warm.documents} documents in ${warm.seconds.toFixed(1)} s; ${passes} timed passes of ~${estimatedPass.toFixed(1)} s`,
  );

  const results: { seconds: number; counts: Counts }[] = [];
  for (let i = 0; i < passes; i++) {
    const pass = runPass(corpus);
    results.push(pass);
    console.log(
      `  pass ${i + 1}: ${pass.seconds.toFixed(2)} s, ${(mb / pass.seconds).toFixed(1)} MB/s, ` +
        `${(corpus.documents.length / pass.seconds).toFixed(0)} docs/s`,
    );
  }
  const first = results[0]?.counts ?? zeroCounts();
  const deterministic = results.every((r) => JSON.stringify(r.counts) === JSON.stringify(first));
  const mbps = summary(
    results.map((r) => mb / r.seconds),
    2,
  );
  const docsps = summary(
    results.map((r) => corpus.documents.length / r.seconds),
    1,
  );
  const met = mbps.median >= GOAL_MB_PER_SECOND;
  const statement = met
    ? `Goal met: median ${mbps.median} MB/s >= ${GOAL_MB_PER_SECOND} MB/s on one core.`
    : `Goal NOT met: median ${mbps.median} MB/s < ${GOAL_MB_PER_SECOND} MB/s on one core.`;

  const caveats: string[] = [];
  if (!deterministic) caveats.push('Passes found different counts: extraction is not deterministic.');
  if (first.references === 0 && first.tasks === 0)
    caveats.push('No references and no tasks in the whole corpus: is the extractor still a stub?');
  if (mb < 20) caveats.push(`Corpus of ${mb.toFixed(1)} MB is below the 20 MB the goal is stated for.`);
  if (passes < 3) caveats.push(`Only ${passes} timed pass(es): min/median/max say little.`);
  if (load > 1) caveats.push(`1-minute load average was ${load.toFixed(2)} at start: the machine was busy.`);

  const cpuList = cpus();
  const result = {
    benchmark: 'extract',
    measuredAt: new Date().toISOString(),
    goal: { megabytesPerSecond: GOAL_MB_PER_SECOND, met, statement },
    throughput: { megabytesPerSecond: mbps, documentsPerSecond: docsps },
    corpus: {
      seed: corpus.seed,
      documents: corpus.documents.length,
      bytes: corpus.bytes,
      megabytes: round(mb, 3),
      utf16Units: corpus.utf16Units,
      seeds: new Set(corpus.documents.map((d) => d.variant.seed)).size,
      nfdDocuments: corpus.composition.nfd,
      crlfDocuments: corpus.composition.crlf,
      markdownNoiseDocuments: corpus.composition.markdownNoise,
      shuffledRuns: corpus.composition.shuffledRuns,
      buildSeconds: round(buildSeconds, 2),
    },
    run: {
      passes,
      passSeconds: results.map((r) => round(r.seconds, 3)),
      warmupDocuments: warm.documents,
      warmupSeconds: round(warm.seconds, 2),
      totalSeconds: round((performance.now() - runStarted) / 1000, 1),
      mode: 'one core: main thread, no workers',
      unit: 'MB = 10^6 bytes of UTF-8 input',
    },
    counts: { perPass: first, deterministic },
    environment: {
      node: process.version,
      v8: process.versions.v8,
      platform: `${process.platform}-${process.arch}`,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      cpus: availableParallelism(),
      loadAverage1m: round(load, 2),
      extractorVersion: EXTRACTOR_VERSION,
    },
    caveats,
  };

  const rows: [string, string][] = [
    ['MB/s (median)', `${mbps.median}  (min ${mbps.min}, max ${mbps.max})`],
    ['docs/s (median)', `${docsps.median}  (min ${docsps.min}, max ${docsps.max})`],
    ['corpus', `${round(mb, 2)} MB, ${corpus.documents.length} documents`],
    ['passes', `${passes} (+ warm-up of ${warm.documents} documents)`],
    [
      'found per pass',
      `${first.references} references, ${first.relations} relations, ${first.tasks} tasks, ` +
        `${first.duties} duties, ${first.warnings} warnings`,
    ],
    ['node / cpu', `${process.version} / ${result.environment.cpuModel}`],
    ['goal', statement],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('');
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  for (const c of caveats) console.log(`note: ${c}`);

  mkdirSync(new URL('./', RESULT_FILE), { recursive: true });
  // Written beside, then renamed: an interrupted run never leaves half a file (*.tmp is git-ignored).
  const tmp = new URL('./extract.json.tmp', RESULT_FILE);
  writeFileSync(tmp, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(tmp, RESULT_FILE);
  console.log(`\nwrote ${RESULT_FILE.pathname}`);
  return 0;
}
