// Bench `scale`: the Markdown table of BENCHMARKS.md and the goals of the issue, each marked met or MISSED.
import type { SizeResult } from './run-size.ts';

/** The goals of the issue (Step 7), judged at 100,000 documents; the ratios are shown at 10,000 too. */
const GOALS = {
  ingestDocsPerSecond: 300,
  peakRssMb: 2048,
  startupSeconds: 20,
  storeTimesText: 3,
  ratio: 10,
  pageP99Ms: 20,
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
    row('store ÷ text', (r) => `${round2(r.storeMb / r.textMb)}×`),
    row('RSS while serving (after the queries)', (r) => (r.servingRssMb ? `${n(r.servingRssMb)} MB` : '—')),
    row(
      'start-up (open + load the index): from the snapshot / rebuilt from rows',
      (r) => `${r.startup.seconds} s / ${r.startup.rebuildSeconds ?? '—'} s`,
    ),
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
    row('**a 100-entry page of a full lineage tree, GraphQL**: tree size (median entries)', (r) =>
      r.lineagePages ? n(r.lineagePages.treeSize) : '—',
    ),
    row('  first page (builds the tree) p50 / p99', (r) =>
      r.lineagePages ? `${r.lineagePages.first.p50Ms} / ${r.lineagePages.first.p99Ms} ms` : '—',
    ),
    row('  next pages p50 / p99', (r) =>
      r.lineagePages ? `${r.lineagePages.next.p50Ms} / ${r.lineagePages.next.p99Ms} ms` : '—',
    ),
  );
  lines.push(
    row(
      'answers checked against the expected lineage',
      (r) => `${r.correctness.checked - r.correctness.failures.length}/${r.correctness.checked}`,
    ),
  );
  return `${lines.join('\n')}\n\n${goals(runs).join('\n')}\n\n${projection(runs).join('\n')}`;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One line per goal: met, MISSED, or not measured (the size was not run). */
export function goals(runs: Record<string, SizeResult>): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : '**MISSED**');
  const out: string[] = [];
  const at10k = runs['10000'];
  if (at10k) {
    for (const [key, label] of OPS) {
      const ratio = at10k.operations[key].ratio;
      out.push(
        `- at 10,000: ${label} within ${GOALS.ratio}× of the lower bound: ${ratio}× — ${verdict(ratio <= GOALS.ratio)}`,
      );
    }
  }
  const r = runs['100000'];
  if (!r) {
    out.push(
      '- 100,000-document goals: not measured in this run (`npm run bench -- scale --sizes 1000,10000,100000`)',
    );
    return out;
  }
  const ingest = r.ingest.documentsPerSecond;
  out.push(
    `- at 100,000: ingest ≥ ${GOALS.ingestDocsPerSecond} documents/s: ${n(ingest)} — ${verdict(ingest >= GOALS.ingestDocsPerSecond)}`,
  );
  const peak = Math.max(r.ingest.peakRssMb, r.peakRssMb);
  out.push(
    `- at 100,000: peak RSS ≤ 2 GB while ingesting and serving: ${n(peak)} MB — ${verdict(peak <= GOALS.peakRssMb)}`,
  );
  out.push(
    `- at 100,000: start-up ≤ ${GOALS.startupSeconds} s: ${r.startup.seconds} s — ${verdict(r.startup.seconds <= GOALS.startupSeconds)}`,
  );
  const times = round2(r.storeMb / r.textMb);
  out.push(
    `- at 100,000: store ≤ ${GOALS.storeTimesText}× the text: ${times}× — ${verdict(times <= GOALS.storeTimesText)}`,
  );
  for (const [key, label] of OPS) {
    const ratio = r.operations[key].ratio;
    out.push(
      `- at 100,000: ${label} within ${GOALS.ratio}× of the lower bound: ${ratio}× — ${verdict(ratio <= GOALS.ratio)}`,
    );
  }
  if (r.lineagePages) {
    const p99 = r.lineagePages.next.p99Ms;
    out.push(
      `- at 100,000: a 100-entry page of a full lineage through GraphQL ≤ ${GOALS.pageP99Ms} ms p99: ${p99} ms — ${verdict(p99 <= GOALS.pageP99Ms)}`,
    );
  } else out.push('- at 100,000: lineage pages not measured in this run');
  return out;
}

/**
 * Linear growth from 10,000 to 100,000 documents carried on to 1,000,000: what each of memory, disk,
 * start-up and ingest time costs per document, measured, times ten more.
 */
export function projection(runs: Record<string, SizeResult>): string[] {
  const a = runs['10000'];
  const b = runs['100000'];
  if (!a || !b) return ['Projection to 1,000,000 documents: needs the 10,000 and 100,000 runs.'];
  const at1m = (x: number, y: number) =>
    y + ((y - x) * (1_000_000 - b.documents)) / (b.documents - a.documents);
  const peak = (r: SizeResult) => Math.max(r.ingest.peakRssMb, r.peakRssMb);
  const ingestSeconds = at1m(a.ingest.seconds, b.ingest.seconds);
  return [
    'Projection to 1,000,000 documents (linear in the growth measured from 10,000 to 100,000):',
    `- peak memory ≈ ${n(Math.round(at1m(peak(a), peak(b))))} MB; store ≈ ${n(Math.round(at1m(a.storeMb, b.storeMb)))} MB;` +
      ` start-up ≈ ${Math.round(at1m(a.startup.seconds, b.startup.seconds))} s;` +
      ` ingest ≈ ${n(Math.round(ingestSeconds / 60))} min (${n(Math.round(1_000_000 / ingestSeconds))} documents/s)`,
  ];
}
