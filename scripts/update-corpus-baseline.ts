// Corpus diff baseline: re-extracts seeds/ and writes per-document counts to test/fixtures/corpus-baseline.json.
//
// Run `node bin/run-ts.js scripts/update-corpus-baseline.ts` when a change in recall is intended; it prints
// what changed. test/corpus-diff.test.ts imports the counting and diffing from here, so both agree.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { readTextFile } from '../src/io/read-text.ts';
import type { ExtractedDocument } from '../src/model/extraction.ts';
import { extractDocument } from '../src/pipeline/extract-document.ts';

export const SEEDS_DIR = new URL('../seeds/', import.meta.url);
export const BASELINE_FILE = new URL('../test/fixtures/corpus-baseline.json', import.meta.url);
export const UPDATE_COMMAND = 'node bin/run-ts.js scripts/update-corpus-baseline.ts';

/** A count per code; codes with no occurrence are left out, so new codes show up as additions. */
const Tally = z.record(z.string(), z.number().int().positive());

export const DocumentCounts = z.strictObject({
  references: z.number().int().nonnegative(),
  relations: Tally,
  tasks: z.number().int().nonnegative(),
  tasksWithLead: z.number().int().nonnegative(),
  deadlines: Tally,
  warnings: Tally,
});
export type DocumentCounts = z.infer<typeof DocumentCounts>;

export const Baseline = z.strictObject({
  $comment: z.string(),
  documents: z.record(z.string(), DocumentCounts),
});
export type Baseline = z.infer<typeof Baseline>;

const COMMENT =
  'Extraction counts per seed document (relations by type, duty deadlines by kind, warnings by code; ' +
  `zero counts omitted). Checked by test/corpus-diff.test.ts; regenerate with: ${UPDATE_COMMAND}`;

/** Sorted keys: the JSON file and its diffs stay stable whatever order the extractor emits. */
function tally(codes: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function countsOf(doc: ExtractedDocument): DocumentCounts {
  return {
    references: doc.references.length,
    relations: tally(doc.relations.map((r) => r.type)),
    tasks: doc.tasks.length,
    tasksWithLead: doc.tasks.filter((t) => t.lead.length > 0).length,
    // Every deadline lives on a duty (a task's own deadline is one of its duties'), so count duties.
    deadlines: tally(
      doc.tasks.flatMap((t) => t.duties.flatMap((d) => (d.deadline ? [d.deadline.kind] : []))),
    ),
    warnings: tally(doc.warnings.map((w) => w.code)),
  };
}

/** Extracts every .txt/.md file of seeds/ (decoded as the CLI does), keyed by file name in name order. */
export async function extractSeeds(dir: URL = SEEDS_DIR): Promise<Record<string, DocumentCounts>> {
  const names = readdirSync(dir)
    .filter((name) => /\.(txt|md)$/i.test(name) && !name.startsWith('.'))
    .sort();
  const out: Record<string, DocumentCounts> = {};
  for (const name of names) {
    const decoded = await readTextFile(fileURLToPath(new URL(name, dir)));
    out[name] = countsOf(extractDocument(decoded.text, { source: `seeds/${name}` }));
  }
  return out;
}

export function readBaseline(file: URL = BASELINE_FILE): Baseline {
  return Baseline.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Flattens counts to "references", "relations.CITES", ... so that any change is one line. */
function flatten(c: DocumentCounts): Map<string, number> {
  const out = new Map<string, number>([
    ['references', c.references],
    ['tasks', c.tasks],
    ['tasksWithLead', c.tasksWithLead],
  ]);
  for (const group of ['relations', 'deadlines', 'warnings'] as const)
    for (const [code, n] of Object.entries(c[group])) out.set(`${group}.${code}`, n);
  return out;
}

/** One block per differing document: "  references: 10 → 12". Empty when the counts agree. */
export function diffCounts(
  before: Record<string, DocumentCounts>,
  after: Record<string, DocumentCounts>,
): string[] {
  const lines: string[] = [];
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const name of names) {
    const b = before[name];
    const a = after[name];
    if (b === undefined) {
      lines.push(`${name}: new in seeds/, not in the baseline`);
      continue;
    }
    if (a === undefined) {
      lines.push(`${name}: in the baseline, no longer in seeds/`);
      continue;
    }
    const fb = flatten(b);
    const fa = flatten(a);
    const changed = [...new Set([...fb.keys(), ...fa.keys()])]
      .filter((k) => (fb.get(k) ?? 0) !== (fa.get(k) ?? 0))
      .map((k) => `  ${k}: ${fb.get(k) ?? 0} → ${fa.get(k) ?? 0}`);
    if (changed.length > 0) lines.push(name, ...changed);
  }
  return lines;
}

async function main(): Promise<void> {
  const documents = await extractSeeds();
  let previous: Baseline | null = null;
  try {
    previous = readBaseline();
  } catch {
    previous = null; // first run, or a broken file: it is replaced either way
  }
  const baseline: Baseline = { $comment: COMMENT, documents };
  const tmp = new URL('./corpus-baseline.json.tmp', BASELINE_FILE);
  writeFileSync(tmp, `${JSON.stringify(baseline, null, 2)}\n`);
  renameSync(tmp, BASELINE_FILE);
  const diff = previous ? diffCounts(previous.documents, documents) : [];
  process.stdout.write(
    `wrote ${fileURLToPath(BASELINE_FILE)} (${Object.keys(documents).length} documents)\n` +
      (previous === null
        ? ''
        : diff.length === 0
          ? 'no change\n'
          : `changes (before → after):\n${diff.join('\n')}\n`),
  );
}

// Run only as a script: the test imports this module for countsOf/diffCounts.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  await main();
