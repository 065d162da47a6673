// Bench `scale`: the Markdown table of BENCHMARKS.md and the goals of the issue, each marked met or MISSED.
import type { SizeResult } from './run-size.ts';

const GOALS = {
  ingestDocsPerSecondAt10k: 300,
  peakRssMbAt100k: 1536,
  ratioAt10k: 10,
} as const;

const OPS = [
  ['descendants', 'descendants of a central resolution'],
  ['chainUp', 'chain up from a district task'],
  ['lineageWithTasksAndAgencies', 'lineage with all tasks and agencies'],
] as const;

const n = (x: number) => x.toLocaleString('en-US');

export function renderTable(runs: Record<string, SizeResult>): string {
  const sizes = Object.keys(runs)
    .map(Number)
    .sort((a, b) => a - b);
  const get = (s: number) => runs[String(s)] as SizeResult;
  const row = (label: string, cell: (r: SizeResult) => string) =>
    `| ${label} | ${sizes.map((s) => cell(get(s))).join(' | ')} |`;
  const lines = [
    `| | ${sizes.map((s) => `${n(s)} documents`).join(' | ')} |`,
    `|---|${sizes.map(() => '---:').join('|')}|`,
    row('text', (r) => `${r.textMb} MB`),
    row('graph (nodes / edges)', (r) => `${n(r.startup.nodes)} / ${n(r.startup.edges)}`),
    row(
      'extraction, one core',
      (r) => `${r.extraction.mbPerSecond} MB/s, ${n(r.extraction.documentsPerSecond)} docs/s`,
    ),
    row(
      'ingest (extract + resolve + store)',
      (r) => `${n(r.ingest.documentsPerSecond)} docs/s (${r.ingest.seconds} s)`,
    ),
    row('failed documents / merges', (r) => `${r.ingest.failed} / ${r.ingest.merges}`),
    row('store on disk', (r) => `${r.storeMb} MB`),
    row(
      'peak memory (RSS) after ingest / whole run',
      (r) => `${n(r.ingest.peakRssMb)} / ${n(r.peakRssMb)} MB`,
    ),
    row('start-up (open + load the graph into memory)', (r) => `${r.startup.seconds} s`),
  ];
  for (const [key, label] of OPS) {
    lines.push(row(`**${label}**: answer size (median nodes)`, (r) => n(r.operations[key].answerNodes)));
    lines.push(
      row(
        '  store port p50 / p99',
        (r) => `${r.operations[key].port.p50Ms} / ${r.operations[key].port.p99Ms} ms`,
      ),
    );
    lines.push(row('  lower bound (array walk) p50', (r) => `${r.operations[key].lowerBound.p50Ms} ms`));
    lines.push(
      row(
        '  port ÷ lower bound (median / worst target)',
        (r) => `${r.operations[key].ratio}× / ${r.operations[key].worstRatio}×`,
      ),
    );
    lines.push(
      row(
        '  before: port with every read a database query, p50 (÷ lower bound)',
        (r) => `${r.operations[key].database.p50Ms} ms (${n(r.operations[key].databaseRatio)}×)`,
      ),
    );
    if (key !== 'descendants') {
      lines.push(
        row('  GraphQL over HTTP p50 / p99', (r) => {
          const g = r.operations[key].graphql;
          return g ? `${g.p50Ms} / ${g.p99Ms} ms` : '—';
        }),
      );
    }
  }
  lines.push(
    row(
      'answers checked against the expected lineage',
      (r) => `${r.correctness.checked - r.correctness.failures.length}/${r.correctness.checked}`,
    ),
  );
  return `${lines.join('\n')}\n\n${goals(runs).join('\n')}`;
}

/** One line per goal: met, MISSED, or not measured (the size was not run). */
export function goals(runs: Record<string, SizeResult>): string[] {
  const at10k = runs['10000'];
  const at100k = runs['100000'];
  const verdict = (ok: boolean) => (ok ? 'met' : '**MISSED**');
  const out: string[] = [];
  if (at10k) {
    const ingest = at10k.ingest.documentsPerSecond;
    out.push(
      `- Ingest ≥ ${GOALS.ingestDocsPerSecondAt10k} documents/s at 10,000: ${n(ingest)} — ${verdict(ingest >= GOALS.ingestDocsPerSecondAt10k)}`,
    );
    for (const [key, label] of OPS) {
      const ratio = at10k.operations[key].ratio;
      out.push(
        `- ${label} within ${GOALS.ratioAt10k}× of the lower bound at 10,000: ${ratio}× — ${verdict(ratio <= GOALS.ratioAt10k)}`,
      );
    }
  } else out.push('- 10,000-document goals: not measured in this run');
  if (at100k) {
    const peak = at100k.peakRssMb;
    out.push(`- Peak memory < 1.5 GB at 100,000: ${n(peak)} MB — ${verdict(peak < GOALS.peakRssMbAt100k)}`);
  } else
    out.push(
      '- 100,000-document goals: not measured in this run (`npm run bench -- scale --sizes 1000,10000,100000`)',
    );
  return out;
}
