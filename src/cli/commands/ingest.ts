// CLI command `ingest`: reads and extracts files, stores them (one transaction each), reconciles identities,
// prints a summary. Unreadable input: a message naming it, exit 2, nothing stored for that file.
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { type IngestReport, ingestDocuments } from '../../ingest/ingest.ts';
import { defaultExtractThreads } from '../../io/extract-pool.ts';
import { expandPaths, streamDocuments } from '../../io/input-files.ts';
import type { InputFormat } from '../../io/read-input.ts';
import type { ReadTextError } from '../../io/read-text.ts';
import { EXIT_INTERRUPTED, onInterrupt } from '../interrupt.ts';
import { type CliIo, type CommandContext, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { addMaxFileBytesOption, resolveMaxFileBytes } from '../max-file-bytes.ts';
import { storeErrorExit } from '../store-errors.ts';
import { withStore } from '../with-store.ts';

export function registerIngest(program: Command, context: CommandContext): void {
  const command = program
    .command('ingest')
    .description(
      'extract documents and store them in the graph (embedded store, or Neo4j when NEO4J_URI is set)',
    )
    .argument('<paths...>', 'files, or directories whose .txt and .md files are read (sub-directories too)')
    .option('--json', 'print the report as JSON')
    .option('--verbose', 'a line per document (failed documents are always listed)')
    .option(
      '--threads <n>',
      `extraction threads beside the writer (0: extract on the writer's thread; default ${defaultExtractThreads()}, the cores but one)`,
      parseThreads,
    );
  addMaxFileBytesOption(command).action(
    async (
      paths: string[],
      options: { json?: true; verbose?: true; threads?: number; maxFileBytes?: number },
    ) => {
      context.setExitCode(
        await runIngest(
          paths,
          {
            json: options.json === true,
            verbose: options.verbose === true,
            threads: options.threads ?? defaultExtractThreads(),
            ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
          },
          context.io,
        ),
      );
    },
  );
}

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new InvalidArgumentError('expected a whole number of threads from 0 to 64');
  return n;
}

export async function runIngest(
  paths: readonly string[],
  options: { json: boolean; verbose?: boolean; threads?: number; maxFileBytes?: number },
  io: CliIo,
): Promise<number> {
  const note = (message: string) => io.stderr(`policy-graph: ${message}\n`);
  const limit = resolveMaxFileBytes(options.maxFileBytes);
  if (!limit.ok) {
    note(limit.message);
    return EXIT_USAGE;
  }
  const listed = await expandPaths(paths, note);
  for (const error of listed.errors) note(`${error.message} (not stored)`);
  // Nothing to read is a usage error: a script must not take an empty run for a stored corpus.
  if (listed.files.length === 0) {
    note('nothing to ingest: no readable .txt, .md, .pdf, .docx, .doc or .html file in the paths given');
    return EXIT_USAGE;
  }

  const started = performance.now();
  const bar =
    process.stderr.isTTY && !options.json
      ? new SingleBar({
          format: 'ingest [{bar}] {value}/{total} read, {stored} stored  {file}',
          hideCursor: true,
        })
      : null;
  bar?.start(listed.files.length, 0, { file: '', stored: 0 });
  let stored = 0;
  const readErrors: ReadTextError[] = [];
  // Files are read and extracted as the store takes them: a corpus of any size is never held whole.
  const extracted = streamDocuments(
    listed.files,
    (message) => {
      bar?.stop();
      note(message);
    },
    readErrors,
    // A handful of files is read faster than threads start.
    { threads: listed.files.length >= 16 ? (options.threads ?? 0) : 0, maxFileBytes: limit.bytes },
  );
  // The bar moves per file read and extracted; "stored" moves as each transaction commits.
  let read = 0;
  const formats: Partial<Record<InputFormat, number>> = {};
  const stream = (async function* () {
    for await (const input of extracted) {
      read++;
      formats[input.format] = (formats[input.format] ?? 0) + 1;
      bar?.update(read + readErrors.length, { file: input.source, stored });
      yield input;
    }
  })();
  const interrupt = onInterrupt((message) => {
    bar?.stop();
    note(message);
  });
  try {
    const report = await withStore(
      (store) =>
        ingestDocuments(store, stream, {
          total: listed.files.length,
          signal: interrupt.signal,
          onProgress: (done) => {
            stored = done;
            bar?.update(read + readErrors.length, { stored });
          },
        }),
      'ingest',
    );
    bar?.stop();
    if (report.interrupted) {
      note(
        `interrupted: ${report.files.length} of ${listed.files.length} files stored, the rest not read; ` +
          'the store is closed and consistent — run the same command again to finish (stored files are skipped as unchanged)',
      );
      return EXIT_INTERRUPTED;
    }
    for (const error of readErrors) note(`${error.message} (not stored)`);
    const unreadable = [...listed.errors, ...readErrors];
    if (report.files.length === 0) {
      note('nothing was stored: every file given was unreadable');
      return EXIT_USAGE;
    }
    const seconds = (performance.now() - started) / 1000;
    const files = {
      stored: report.files.length,
      unreadable: unreadable.length,
      skipped: listed.skipped.length,
      formats,
    };
    io.stdout(
      options.json
        ? `${JSON.stringify({ ...report, counts: files, seconds }, null, 2)}\n`
        : renderReport(report, seconds, files, options.verbose === true),
    );
    if (report.files.some((f) => f.outcome === 'FAILED')) return EXIT_INTERNAL;
    return unreadable.length > 0 ? EXIT_USAGE : EXIT_OK;
  } catch (error) {
    bar?.stop();
    return storeErrorExit(error, io);
  } finally {
    interrupt.dispose();
  }
}

function renderReport(
  report: IngestReport,
  seconds: number,
  files: {
    stored: number;
    unreadable: number;
    skipped: number;
    formats: Partial<Record<InputFormat, number>>;
  },
  verbose: boolean,
): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (!verbose && f.outcome !== 'FAILED') continue;
    const detail = f.error ? ` — ${f.error.code}: ${f.error.message}` : '';
    lines.push(
      `${f.outcome.padEnd(9)} ${f.source}  ${f.references} references, ${f.tasks} tasks, ${f.warnings} warnings${detail}`,
    );
  }
  for (const m of report.merges) lines.push(`merged    ${m.from} → ${m.into} (${m.method}: ${m.reason})`);
  for (const a of report.ambiguities) lines.push(`ambiguous ${a}`);
  const outcomes = new Map<string, number>();
  for (const f of report.files) outcomes.set(f.outcome, (outcomes.get(f.outcome) ?? 0) + 1);
  lines.push(
    `files: ${files.stored} read (${[...outcomes].map(([o, n]) => `${n} ${o.toLowerCase()}`).join(', ')}), ` +
      `${files.unreadable} unreadable, ${files.skipped} skipped; read as ${renderFormats(files.formats)}`,
  );
  const s = report.stats;
  const edges = Object.values(s.edges).reduce((a, b) => a + b, 0);
  lines.push(
    `graph: ${s.nodes.DOCUMENT} documents (${s.documents.FULL_TEXT} full text, ${s.documents.CITED_ONLY} cited only), ` +
      `${s.nodes.TASK} tasks, ${s.nodes.AGENCY} agencies, ${edges} edges ` +
      `(${Object.entries(s.edges)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}); ${report.files.reduce((a, f) => a + f.warnings, 0)} warnings; ${seconds.toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}

/** Files read by format, in a fixed order: "2 text, 1 doc". */
const FORMAT_ORDER: readonly InputFormat[] = ['text', 'html', 'pdf', 'docx', 'doc'];
function renderFormats(formats: Partial<Record<InputFormat, number>>): string {
  return FORMAT_ORDER.filter((f) => (formats[f] ?? 0) > 0)
    .map((f) => `${formats[f]} ${f}`)
    .join(', ');
}
