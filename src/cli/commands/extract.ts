// CLI command `extract`: reads files (or the .txt/.md/.pdf/.docx/.html files of directories), runs extractDocument on each, prints JSON or a summary.
import type { Command } from 'commander';
import { z } from 'zod';
import { expandPaths, readDocuments } from '../../io/input-files.ts';
import { type ExtractedDocument, ExtractionOutput } from '../../model/extraction.ts';
// A cycle with main.ts, but only through functions and constants used at call time, never at load.
import { type CliIo, type CommandContext, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { addMaxFileBytesOption, resolveMaxFileBytes } from '../max-file-bytes.ts';

export interface ExtractOptions {
  json: boolean;
  /** Largest input file (default: POLICY_GRAPH_MAX_FILE_BYTES, else 64 MiB). */
  maxFileBytes?: number;
}

export function registerExtract(program: Command, context: CommandContext): void {
  const command = program
    .command('extract')
    .description('extract the header, references, relations and tasks of policy documents')
    .argument(
      '<paths...>',
      'files, or directories whose .txt and .md files are read (not recursively, by name)',
    )
    .option('--json', 'print one JSON object {"documents": [...]}, validated against the extraction schema');
  addMaxFileBytesOption(command).action(
    async (paths: string[], options: { json?: true; maxFileBytes?: number }) => {
      const run: ExtractOptions = { json: options.json === true };
      if (options.maxFileBytes !== undefined) run.maxFileBytes = options.maxFileBytes;
      context.setExitCode(await runExtract(paths, run, context.io));
    },
  );
}

/** The command itself, without commander: returns the exit code. Prints nothing to stdout unless every file was read. */
export async function runExtract(
  paths: readonly string[],
  options: ExtractOptions,
  io: CliIo,
): Promise<number> {
  const note = (message: string) => io.stderr(`policy-graph: ${message}\n`);
  const limit = resolveMaxFileBytes(options.maxFileBytes);
  if (!limit.ok) {
    note(limit.message);
    return EXIT_USAGE;
  }
  const listed = await expandPaths(paths, note);
  const read = await readDocuments(listed.files, note, { maxFileBytes: limit.bytes });
  const errors = [...listed.errors, ...read.errors];
  if (errors.length > 0) {
    for (const error of errors) io.stderr(`policy-graph: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const documents = read.documents.map((d) => d.document);
  const parsed = ExtractionOutput.safeParse({ documents });
  if (!parsed.success) {
    io.stderr(
      `policy-graph: internal error: extractor output failed validation\n${z.prettifyError(parsed.error)}\n`,
    );
    return EXIT_INTERNAL;
  }
  io.stdout(
    options.json ? `${JSON.stringify(parsed.data, null, 2)}\n` : renderSummary(parsed.data.documents),
  );
  return EXIT_OK;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function renderDate(document: ExtractedDocument['document']): string {
  const date = document.date;
  if (!date) return '(no date)';
  if (!date.valid) return `${date.text} (invalid)`;
  return date.value ?? (date.text || '(blank)');
}

function renderSummary(documents: readonly ExtractedDocument[]): string {
  const lines: string[] = [];
  const totals = { references: 0, relations: 0, tasks: 0, warnings: 0 };
  for (const doc of documents) {
    const header = doc.document;
    lines.push(doc.source);
    lines.push(
      `  ${header.symbol ?? '(no number)'}  ${header.type}  issuer: ${header.issuer?.name ?? '(unknown)'}  date: ${renderDate(header)}`,
    );
    lines.push(
      `  ${count(doc.references.length, 'reference')}, ${count(doc.relations.length, 'relation')}, ` +
        `${count(doc.tasks.length, 'task')}, ${count(doc.warnings.length, 'warning')}`,
    );
    for (const w of doc.warnings) lines.push(`    ${w.code} [${w.start}, ${w.end}): ${w.message}`);
    totals.references += doc.references.length;
    totals.relations += doc.relations.length;
    totals.tasks += doc.tasks.length;
    totals.warnings += doc.warnings.length;
  }
  lines.push(
    `total: ${count(documents.length, 'document')}, ${count(totals.references, 'reference')}, ` +
      `${count(totals.relations, 'relation')}, ${count(totals.tasks, 'task')}, ${count(totals.warnings, 'warning')}`,
  );
  return `${lines.join('\n')}\n`;
}
