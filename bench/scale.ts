// Bench `scale`: how cost grows with the corpus. For each size (default 1,000 and 10,000 documents;
// 100,000 on request), a generated national corpus (bench `generate`) is ingested and queried in a child
// process of its own (bench/scale/run-size.ts); figures go to bench/results/scale.json and the table in
// BENCHMARKS.md, with each goal of the issue marked met or MISSED.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { renderTable } from './scale/report.ts';
import { runSize, type SizeResult } from './scale/run-size.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = join(ROOT, 'bench/results/scale.json');
const BENCHMARKS_MD = join(ROOT, 'BENCHMARKS.md');

interface Options {
  sizes: string;
  seed: string;
  work: string;
  repeat: string;
  only?: string;
  out?: string;
}

function corpusDir(work: string, size: number, seed: number): string {
  return join(work, `corpus-${size}-seed-${seed}`);
}

/** The corpus for a size, generated once and reused (deterministic for a seed). */
function ensureCorpus(work: string, size: number, seed: number, log: (m: string) => void): number | null {
  const dir = corpusDir(work, size, seed);
  if (existsSync(join(dir, 'expected.json'))) return null;
  log(`generating ${size} documents into ${dir}`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin/run-ts.js'),
      join(ROOT, 'bench/index.ts'),
      'generate',
      '--documents',
      String(size),
      '--seed',
      String(seed),
      '--out',
      dir,
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error(`generate ${size} failed (${run.status})`);
  return Math.round((performance.now() - started) / 100) / 10;
}

export async function main(args: readonly string[]): Promise<number> {
  const program = new Command('scale')
    .option('--sizes <list>', 'corpus sizes, comma-separated', '1000,10000')
    .option('--seed <n>', 'corpus seed', '7')
    .option('--work <dir>', 'where corpora and stores go', join(tmpdir(), 'policy-graph-scale'))
    .option('--repeat <n>', 'timed calls per target', '30')
    .option('--only <size>', '(internal) run one size in this process')
    .option('--out <file>', '(internal) where --only writes its JSON')
    .exitOverride();
  program.parse(['node', 'scale', ...args]);
  const o = program.opts<Options>();
  const seed = Number(o.seed);
  const repeat = Number(o.repeat);
  const log = (m: string) => process.stderr.write(`scale: ${m}\n`);

  if (o.only !== undefined) {
    const size = Number(o.only);
    const result = await runSize({
      corpus: corpusDir(o.work, size, seed),
      store: join(o.work, `store-${size}`),
      repeat,
      repeatDatabase: size >= 100_000 ? 2 : 5,
      databaseTargets: size >= 100_000 ? 3 : 10,
      log: (m) => log(`[${size}] ${m}`),
    });
    writeFileSync(o.out ?? join(o.work, `result-${size}.json`), JSON.stringify(result));
    return 0;
  }

  mkdirSync(o.work, { recursive: true });
  const previous = existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { runs: Record<string, unknown> })
    : { runs: {} };
  const runs: Record<string, unknown> = { ...previous.runs };
  for (const size of o.sizes.split(',').map(Number)) {
    const generateSeconds = ensureCorpus(o.work, size, seed, log);
    const out = join(o.work, `result-${size}.json`);
    // A process per size: its peak memory is that size's alone.
    const child = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/run-ts.js'),
        join(ROOT, 'bench/index.ts'),
        'scale',
        '--only',
        String(size),
        '--seed',
        String(seed),
        '--work',
        o.work,
        '--repeat',
        String(repeat),
        '--out',
        out,
      ],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) {
      log(`size ${size} failed (exit ${child.status})`);
      return 1;
    }
    const result = JSON.parse(readFileSync(out, 'utf8')) as SizeResult;
    runs[String(size)] = {
      ...result,
      ...(generateSeconds === null ? {} : { generateSeconds }),
      seed,
      measuredAt: new Date().toISOString(),
    };
  }
  const results = { machine: { cores: 2, node: process.version }, runs };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  const table = renderTable(runs as Record<string, SizeResult>);
  process.stdout.write(`${table}\n`);
  updateBenchmarksMd(table);
  const failures = Object.values(runs as Record<string, SizeResult>).flatMap((r) => r.correctness.failures);
  if (failures.length > 0) {
    log(`${failures.length} answers differ from the expected lineage`);
    return 1;
  }
  return 0;
}

const BEGIN = '<!-- scale:begin (written by npm run bench -- scale) -->';
const END = '<!-- scale:end -->';

function updateBenchmarksMd(table: string): void {
  const current = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '';
  const block = `${BEGIN}\n${table}\n${END}`;
  const at = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    at >= 0 && end > at
      ? `${current.slice(0, at)}${block}${current.slice(end + END.length)}`
      : `${current}\n${block}\n`;
  writeFileSync(BENCHMARKS_MD, next);
}
