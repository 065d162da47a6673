// CLI command `extract`: reads files (or the .txt/.md files of directories), runs extractDocument on each, prints JSON or a summary.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { type DecodedText, ReadTextError, readTextFile, toReadTextError } from '../../io/read-text.ts';
import { type ExtractedDocument, ExtractionOutput, type ExtractionWarning } from '../../model/extraction.ts';
import { extractDocument } from '../../pipeline/extract-document.ts';
// A cycle with main.ts, but only through functions and constants used at call time, never at load.
import { type CliIo, type CommandContext, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from '../main.ts';

export interface ExtractOptions {
  json: boolean;
}

export function registerExtract(program: Command, context: CommandContext): void {
  program
    .command('extract')
    .description('extract the header, references, relations and tasks of policy documents')
    .argument(
      '<paths...>',
      'files, or directories whose .txt and .md files are read (not recursively, by name)',
    )
    .option('--json', 'print one JSON object {"documents": [...]}, validated against the extraction schema')
    .action(async (paths: string[], options: { json?: true }) => {
      context.setExitCode(await runExtract(paths, { json: options.json === true }, context.io));
    });
}

/** The command itself, without commander: returns the exit code. Prints nothing to stdout unless every file was read. */
export async function runExtract(
  paths: readonly string[],
  options: ExtractOptions,
  io: CliIo,
): Promise<number> {
  const { files, errors } = await expandPaths(paths, io);
  const inputs: { source: string; decoded: DecodedText }[] = [];
  for (const source of files) {
    try {
      inputs.push({ source, decoded: await readTextFile(source) });
    } catch (error) {
      if (!(error instanceof ReadTextError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) {
    for (const error of errors) io.stderr(`policy-graph: ${error.message}\n`);
    return EXIT_USAGE;
  }

  const documents = inputs.map(({ source, decoded }) => {
    for (const warning of decoded.warnings) {
      // Warnings with no code in the extraction schema still reach the user.
      if (warning.code === 'INVALID_BYTES')
        io.stderr(`policy-graph: ${source}: warning: ${warning.message}\n`);
    }
    return withEncodingWarning(extractDocument(decoded.text, { source }), decoded);
  });
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

const TEXT_FILE = /\.(txt|md)$/i;

/** Files in argument order; a directory contributes its .txt/.md files sorted by name. Collects every bad path. */
async function expandPaths(
  paths: readonly string[],
  io: CliIo,
): Promise<{ files: string[]; errors: ReadTextError[] }> {
  const files: string[] = [];
  const errors: ReadTextError[] = [];
  for (const path of paths) {
    try {
      if (!(await stat(path)).isDirectory()) {
        files.push(path); // readTextFile reports anything that is not a regular text file
        continue;
      }
      // Dot files are skipped: macOS "._x.txt" resource forks are binary and would fail the run.
      const names = (await readdir(path)).filter((name) => TEXT_FILE.test(name) && !name.startsWith('.'));
      const found: string[] = [];
      for (const name of names.sort()) {
        const file = join(path, name);
        // Subdirectories named x.txt are skipped; a broken link is kept so that reading it reports it.
        const info = await stat(file).catch(() => null);
        if (!info || info.isFile()) found.push(file);
      }
      if (found.length === 0) io.stderr(`policy-graph: ${path}: no .txt or .md files\n`);
      files.push(...found);
    } catch (error) {
      errors.push(toReadTextError(error, path));
    }
  }
  return { files, errors };
}

const ENCODING_NAMES = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI-Windows' } as const;

/** Files in TCVN3/VNI get a LEGACY_ENCODING warning first (a file-level fact, hence offsets 0,0). */
function withEncodingWarning(document: ExtractedDocument, decoded: DecodedText): ExtractedDocument {
  if (decoded.encoding !== 'tcvn3' && decoded.encoding !== 'vni') return document;
  const details = decoded.warnings.filter((w) => w.code !== 'INVALID_BYTES').map((w) => w.message);
  const warning: ExtractionWarning = {
    code: 'LEGACY_ENCODING',
    message: details.length > 0 ? details.join('; ') : `decoded from ${ENCODING_NAMES[decoded.encoding]}`,
    start: 0,
    end: 0,
  };
  return { ...document, warnings: [warning, ...document.warnings] };
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
