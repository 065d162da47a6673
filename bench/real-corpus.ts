// Bench `corpus`: the extractor over a directory of REAL documents (every input file below it, recursively: text,
// PDF, Word, HTML).
//
// Prints how much of what the texts print was found (symbols, dates, types, issuers, references, IMPLEMENTS from
// SELF, task leads, warnings), lists the documents whose extraction looks wrong with the reason, and with --gold
// scores the extraction against a facts-only gold (bench/gold/schema.ts); with --against it scores it against the
// extraction of the same documents in another directory (gazette PDFs against their text versions). The JSON written to --out holds figures,
// file names and symbols only, never document text. (bench/corpus.ts is another thing: the seed-variant generator.)
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { isInputFileName, streamDocuments } from '../src/io/input-files.ts';
import type { ReadTextError } from '../src/io/read-text.ts';
import type { ExtractedDocument } from '../src/model/extraction.ts';
import { EXTRACTOR_VERSION } from '../src/pipeline/extract-document.ts';
import { parseCommand } from './command-args.ts';
import { GoldFile } from './gold/schema.ts';
import {
  checkDocument,
  type DocumentScore,
  type GoldScores,
  goldFromExtraction,
  HEADER_FIELDS,
  headerFacts,
  missingGoldFiles,
  scoreCorpus,
  taskHasLead,
} from './real-corpus/score.ts';

interface Options {
  dir: string;
  gold?: string;
  against?: string;
  out?: string;
  verbose: boolean;
}

function parse(args: readonly string[]): Options | number {
  const program = new Command('corpus')
    .description(
      'Runs the extractor over real documents (every .txt .md .pdf .docx .doc .html below --dir) and scores it against a gold.',
    )
    .requiredOption('--dir <dir>', 'directory read recursively')
    .option('--gold <file>', 'gold JSON (bench/gold/schema.ts) with files relative to --dir')
    .option(
      '--against <dir>',
      'score against the extraction of the same documents there (same relative path, any extension: PDFs against texts)',
    )
    .option('--out <file>', 'result JSON (default bench/results/corpus-<dirname>.json)')
    .option('--verbose', 'print every scored document with its misses', false);
  return parseCommand<Options>(program, args);
}

/** Every input file (by extension, as `ingest` walks) below `dir`, sorted by relative path; dot files and dot directories are skipped. */
export function listInputFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        isInputFileName(entry.name) &&
        (entry.isFile() || statSync(path, { throwIfNoEntry: false })?.isFile())
      )
        found.push(path);
    }
  };
  walk(dir);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const toRelative = (dir: string, file: string) => relative(dir, file).split(sep).join('/');

/** Counts over the whole directory. */
interface CorpusCounts {
  documents: number;
  symbol: { printed: number; found: number; foundWhenPrinted: number };
  date: { printed: number; found: number; foundWhenPrinted: number };
  typed: number;
  types: Record<string, number>;
  issuer: { found: number; byLevel: Record<string, number> };
  referencesPerDocument: number[];
  selfImplementsPerDocument: number[];
  unresolvedMentions: { UNRESOLVED_ALIAS: number; AMBIGUOUS_MENTION: number; documents: number };
  warnings: Record<string, number>;
  tasks: { total: number; withLead: number; withoutLead: number };
  /** Validity hints by type: stated by the document of itself (SELF), and stated between two documents it names. */
  validity: { self: Record<string, number>; between: Record<string, number> };
}

const VALIDITY_TYPES: ReadonlySet<string> = new Set(['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES']);

const newCounts = (): CorpusCounts => ({
  documents: 0,
  symbol: { printed: 0, found: 0, foundWhenPrinted: 0 },
  date: { printed: 0, found: 0, foundWhenPrinted: 0 },
  typed: 0,
  types: {},
  issuer: { found: 0, byLevel: {} },
  referencesPerDocument: [],
  selfImplementsPerDocument: [],
  unresolvedMentions: { UNRESOLVED_ALIAS: 0, AMBIGUOUS_MENTION: 0, documents: 0 },
  warnings: {},
  tasks: { total: 0, withLead: 0, withoutLead: 0 },
  validity: { self: {}, between: {} },
});

const bump = (table: Record<string, number>, key: string) => {
  table[key] = (table[key] ?? 0) + 1;
};

/** Adds one document to the counts. */
export function addDocument(counts: CorpusCounts, doc: ExtractedDocument, text: string): string[] {
  const facts = headerFacts(text);
  const h = doc.document;
  counts.documents++;
  if (facts.printsSymbol) counts.symbol.printed++;
  if (h.symbol !== null) counts.symbol.found++;
  if (facts.printsSymbol && h.symbol !== null) counts.symbol.foundWhenPrinted++;
  if (facts.printsDate) counts.date.printed++;
  if (h.date !== null) counts.date.found++;
  if (facts.printsDate && h.date !== null) counts.date.foundWhenPrinted++;
  if (h.type !== 'OTHER') counts.typed++;
  bump(counts.types, h.type);
  if (h.issuer !== null) {
    counts.issuer.found++;
    bump(counts.issuer.byLevel, `${h.issuer.branch}/${h.issuer.level}`);
  }
  counts.referencesPerDocument.push(doc.references.length);
  counts.selfImplementsPerDocument.push(
    doc.relations.filter((r) => r.type === 'IMPLEMENTS' && r.from === 'SELF').length,
  );
  let unresolved = 0;
  for (const w of doc.warnings) {
    bump(counts.warnings, w.code);
    if (w.code === 'UNRESOLVED_ALIAS' || w.code === 'AMBIGUOUS_MENTION') {
      counts.unresolvedMentions[w.code]++;
      unresolved++;
    }
  }
  if (unresolved > 0) counts.unresolvedMentions.documents++;
  for (const r of doc.relations)
    if (VALIDITY_TYPES.has(r.type))
      bump(r.from === 'SELF' ? counts.validity.self : counts.validity.between, r.type);
  for (const t of doc.tasks) {
    counts.tasks.total++;
    if (taskHasLead(t)) counts.tasks.withLead++;
    else counts.tasks.withoutLead++;
  }
  return checkDocument(doc, facts);
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const spread = (xs: readonly number[]) => ({
  median: median(xs),
  mean: round(mean(xs), 2),
  max: xs.length === 0 ? 0 : Math.max(...xs),
  total: xs.reduce((a, b) => a + b, 0),
});
const pct = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);
const sorted = (table: Record<string, number>) =>
  Object.entries(table)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

function summaryRows(c: CorpusCounts): [string, string][] {
  const refs = spread(c.referencesPerDocument);
  const selfImpl = spread(c.selfImplementsPerDocument);
  return [
    ['documents', String(c.documents)],
    [
      'symbol',
      `${c.symbol.foundWhenPrinted}/${c.symbol.printed} printed found (${pct(c.symbol.foundWhenPrinted, c.symbol.printed)}); ` +
        `${c.symbol.found} documents have one`,
    ],
    [
      'date',
      `${c.date.foundWhenPrinted}/${c.date.printed} printed found (${pct(c.date.foundWhenPrinted, c.date.printed)}); ` +
        `${c.date.found} documents have one`,
    ],
    ['type', `${c.typed}/${c.documents} not OTHER (${pct(c.typed, c.documents)}): ${sorted(c.types)}`],
    [
      'issuer',
      `${c.issuer.found}/${c.documents} (${pct(c.issuer.found, c.documents)}): ${sorted(c.issuer.byLevel)}`,
    ],
    ['references/doc', `median ${refs.median}, mean ${refs.mean}, max ${refs.max}, total ${refs.total}`],
    [
      'IMPLEMENTS SELF/doc',
      `median ${selfImpl.median}, mean ${selfImpl.mean}, max ${selfImpl.max}, total ${selfImpl.total}`,
    ],
    [
      'unresolved mentions',
      `${c.unresolvedMentions.UNRESOLVED_ALIAS} UNRESOLVED_ALIAS, ${c.unresolvedMentions.AMBIGUOUS_MENTION} AMBIGUOUS_MENTION ` +
        `in ${c.unresolvedMentions.documents} documents`,
    ],
    [
      'validity hints',
      `SELF: ${sorted(c.validity.self) || '(none)'}; between cited documents: ${sorted(c.validity.between) || '(none)'}`,
    ],
    ['warnings', sorted(c.warnings) || '(none)'],
    [
      'tasks',
      `${c.tasks.total}: ${c.tasks.withLead} with a lead, ${c.tasks.withoutLead} without (${pct(c.tasks.withoutLead, c.tasks.total)})`,
    ],
  ];
}

const fixed = (x: number) => x.toFixed(3);

function goldRows(t: GoldScores): [string, string][] {
  const acc = (a: { correct: number; total: number; accuracy: number }) =>
    `${fixed(a.accuracy)} (${a.correct}/${a.total})`;
  const p = (x: {
    precision: number;
    recall: number;
    f1: number;
    truePositives: number;
    predicted: number;
    expected: number;
  }) =>
    `P ${fixed(x.precision)}  R ${fixed(x.recall)}  F1 ${fixed(x.f1)}  (tp ${x.truePositives}, found ${x.predicted}, gold ${x.expected})`;
  return [
    ['gold documents', String(t.documents)],
    ...HEADER_FIELDS.map((f): [string, string] => [`header ${f}`, acc(t.header[f])]),
    ['header mean', fixed(t.header.mean)],
    ['references', p(t.references)],
    ['ref date', acc(t.referenceMetadata.date)],
    ['ref issuer', acc(t.referenceMetadata.issuer)],
    ['IMPLEMENTS', `${p(t.implementsEdges)}; ${t.implementsEdges.unnumbered} found with an unnumbered end`],
  ];
}

function printRows(title: string, rows: readonly [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

function printScoreDetail(s: DocumentScore): void {
  const lines = [
    ...s.headerMisses,
    ...s.references.missed.map((x) => `reference missed: ${x}`),
    ...s.references.extra.map((x) => `reference extra: ${x}`),
    ...s.metadata.misses.map((x) => `reference ${x}`),
    ...s.implementsEdges.missed.map((x) => `IMPLEMENTS missed: ${x}`),
    ...s.implementsEdges.extra.map((x) => `IMPLEMENTS extra: ${x}`),
  ];
  console.log(`  ${s.file}${lines.length === 0 ? '  ok' : ''}`);
  for (const l of lines) console.log(`    ${l}`);
}

function readGold(path: string): GoldFile | string {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const parsed = GoldFile.safeParse(raw);
  return parsed.success ? parsed.data : `${path}: not a gold file\n${z.prettifyError(parsed.error)}`;
}

/** The same document's copy under `againstDir` for each relative file: the same path with any input extension. */
function pairFiles(relativeFiles: readonly string[], againstDir: string): Map<string, string> {
  const stem = (f: string) => f.replace(/\.[^./]+$/u, '');
  const byStem = new Map(listInputFiles(againstDir).map((f) => [stem(toRelative(againstDir, f)), f]));
  const pairs = new Map<string, string>();
  for (const f of relativeFiles) {
    const partner = byStem.get(stem(f));
    if (partner !== undefined) pairs.set(f, partner);
  }
  return pairs;
}

/** Extracts the partners and scores each paired extraction against its partner's, restated as a gold. */
async function scoreAgainst(
  againstDir: string,
  partners: ReadonlyMap<string, string>,
  kept: ReadonlyMap<string, ExtractedDocument>,
) {
  const fileOf = new Map([...partners].map(([file, partner]) => [partner, file]));
  const documents: GoldFile['documents'] = [];
  const errors: ReadTextError[] = [];
  for await (const input of streamDocuments([...partners.values()], () => {}, errors)) {
    const file = fileOf.get(input.source);
    if (file !== undefined) documents.push(goldFromExtraction(file, basename(againstDir), input.document));
  }
  const gold: GoldFile = { version: 1, corpus: `extraction of ${againstDir}`, documents };
  return {
    pairs: partners.size,
    unreadable: errors.map((e) => ({ file: toRelative(againstDir, e.path), code: e.code })),
    scored: scoreCorpus(gold, kept),
  };
}

function writeResult(path: string, result: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  // Written beside, then renamed: an interrupted run never leaves half a file.
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(tmp, path);
}

export async function main(args: readonly string[]): Promise<number> {
  const options = parse(args);
  if (typeof options === 'number') return options;
  const started = performance.now();
  const dir = resolve(options.dir);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`bench corpus: ${options.dir}: not a directory\n`);
    return 2;
  }
  const dirName = basename(dir);
  const out = options.out ?? join('bench', 'results', `corpus-${dirName}.json`);

  const files = listInputFiles(dir);
  const relativeFiles = files.map((f) => toRelative(dir, f));
  const againstDir = options.against === undefined ? null : resolve(options.against);
  if (againstDir !== null && !statSync(againstDir, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`bench corpus: ${options.against}: not a directory\n`);
    return 2;
  }
  const partners = againstDir === null ? new Map<string, string>() : pairFiles(relativeFiles, againstDir);
  let gold: GoldFile | null = null;
  let missing: string[] = [];
  if (options.gold !== undefined) {
    const read = readGold(options.gold);
    if (typeof read === 'string') {
      process.stderr.write(`bench corpus: ${read}\n`);
      return 2;
    }
    gold = read;
    missing = missingGoldFiles(gold, relativeFiles);
    if (missing.length > 0) {
      console.log(`error: ${missing.length} gold file(s) not in ${dirName}:`);
      for (const f of missing) console.log(`  ${f}`);
    }
  }
  const goldFiles = new Set([...(gold?.documents.map((d) => d.file) ?? []), ...partners.keys()]);

  const counts = newCounts();
  const flagged: { file: string; symbol: string | null; reasons: string[] }[] = [];
  const kept = new Map<string, ExtractedDocument>();
  const errors: ReadTextError[] = [];
  const notes: string[] = [];
  const t0 = performance.now();
  let bytes = 0;
  for await (const input of streamDocuments(files, (m) => notes.push(m), errors)) {
    const file = toRelative(dir, input.source);
    bytes += Buffer.byteLength(input.text, 'utf8');
    const reasons = addDocument(counts, input.document, input.text);
    if (reasons.length > 0) flagged.push({ file, symbol: input.document.document.symbol, reasons });
    if (goldFiles.has(file)) kept.set(file, input.document);
  }
  const extractSeconds = (performance.now() - t0) / 1000;

  for (const n of notes) console.log(`note: ${n}`);
  for (const e of errors) console.log(`unreadable: ${e.message}`);
  console.log(
    `corpus ${dirName}: ${files.length} files, ${counts.documents} read, ${(bytes / 1e6).toFixed(2)} MB, ` +
      `extractor ${EXTRACTOR_VERSION}, ${extractSeconds.toFixed(1)} s`,
  );
  printRows('found', summaryRows(counts));

  console.log(`\nlooks wrong: ${flagged.length} documents`);
  for (const f of flagged) {
    console.log(`  ${f.file}${f.symbol === null ? '' : `  (${f.symbol})`}`);
    for (const r of f.reasons) console.log(`    - ${r}`);
  }

  const scored = gold === null ? null : scoreCorpus(gold, kept);
  if (scored !== null) {
    printRows('gold', goldRows(scored.totals));
    if (options.verbose) {
      console.log('\nper document');
      for (const s of scored.scores) printScoreDetail(s);
    }
  }

  const against = againstDir === null ? null : await scoreAgainst(againstDir, partners, kept);
  if (against !== null) {
    console.log(
      `\nagainst ${basename(againstDir ?? '')}: ${against.pairs} of ${files.length} files paired, ${against.unreadable.length} partners unreadable`,
    );
    printRows('agreement (the other copy as gold)', goldRows(against.scored.totals));
    if (options.verbose) {
      console.log('\nper document');
      for (const s of against.scored.scores) printScoreDetail(s);
    }
  }

  const totalSeconds = (performance.now() - started) / 1000;
  const result = {
    benchmark: 'corpus',
    measuredAt: new Date().toISOString(),
    extractorVersion: EXTRACTOR_VERSION,
    dir: dirName,
    files: files.length,
    bytes,
    unreadable: errors.map((e) => ({ file: toRelative(dir, e.path), code: e.code })),
    counts: {
      ...counts,
      referencesPerDocument: spread(counts.referencesPerDocument),
      selfImplementsPerDocument: spread(counts.selfImplementsPerDocument),
    },
    flagged,
    gold:
      scored === null || options.gold === undefined
        ? null
        : {
            file: basename(options.gold),
            missingFiles: missing,
            totals: scored.totals,
            documents: scored.scores,
          },
    against:
      against === null
        ? null
        : {
            dir: basename(againstDir ?? ''),
            pairs: against.pairs,
            unpaired: relativeFiles.filter((f) => !partners.has(f)),
            unreadable: against.unreadable,
            totals: against.scored.totals,
            documents: against.scored.scores,
          },
    run: {
      extractSeconds: round(extractSeconds, 2),
      totalSeconds: round(totalSeconds, 2),
      node: process.version,
    },
  };
  writeResult(out, result);
  console.log(`\n${totalSeconds.toFixed(1)} s in all; wrote ${out}`);
  return missing.length > 0 ? 1 : 0;
}
