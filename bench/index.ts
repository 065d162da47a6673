// Bench dispatcher: `npm run bench -- <name> [options]` runs one benchmark module from the table below.
//
// Adding a benchmark: write bench/<name>.ts exporting `main(args): Promise<number>` (the exit code) and
// add one row here. Modules load lazily, so one benchmark's imports never slow down or break another.

interface BenchModule {
  main(args: readonly string[]): Promise<number>;
}

interface Benchmark {
  summary: string;
  load: () => Promise<BenchModule>;
}

const BENCHMARKS: Record<string, Benchmark> = {
  extract: {
    summary: 'extractDocument throughput on one core over a >= 20 MB varied seed corpus (goal >= 25 MB/s)',
    load: () => import('./extract.ts'),
  },
  scale: {
    summary:
      'national corpus at 1k/10k (--sizes …,100000): extraction, ingest, disk, memory, lineage via port / database / array walk / GraphQL',
    load: () => import('./scale.ts'),
  },
  api: {
    summary:
      'GraphQL API under HTTP load (10 connections, 10 s) for lineage down and chain up, seeds and ~10k-doc graph, vs the store port',
    load: () => import('./api.ts'),
  },
  corpus: {
    summary:
      'extractor over real files below --dir (text, PDF, Word, HTML): what was found, what looks wrong, --gold scores, --against agreement',
    load: () => import('./real-corpus.ts'),
  },
  generate: {
    summary:
      'writes a deterministic national-scale corpus (central → province → district → commune) with expected.json',
    load: () => import('./generate.ts'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(BENCHMARKS).map((n) => n.length));
  const rows = Object.entries(BENCHMARKS).map(([name, b]) => `  ${name.padEnd(width)}  ${b.summary}`);
  return `usage: npm run bench -- <name> [options]\n\nbenchmarks:\n${rows.join('\n')}\n`;
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  const bench = name === undefined ? undefined : BENCHMARKS[name];
  if (bench === undefined) {
    const problem = name === undefined ? 'name a benchmark' : `unknown benchmark "${name}"`;
    process.stderr.write(`bench: ${problem}\n${usage()}`);
    return 2;
  }
  return (await bench.load()).main(rest);
}

process.exitCode = await dispatch(process.argv.slice(2));
