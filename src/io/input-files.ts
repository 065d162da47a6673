// I/O: the documents a command is given — paths expanded to files, each read (text, PDF, Word .docx/.doc, HTML) and extracted — shared by
// `extract` and `ingest`. Every unusable path is collected, so a command can report them all at once.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createExtractPool } from './extract-pool.ts';
import { type InputDocument, type ReadOutcome, readDocument } from './read-document.ts';
import { type ReadOptions, ReadTextError, toReadTextError } from './read-text.ts';

/** What a directory walk reads (the format itself is told by the bytes: read-input.ts). */
const INPUT_FILE = /\.(txt|md|pdf|docx?|html?)$/i;
const INPUT_KINDS = '.txt, .md, .pdf, .docx, .doc or .html';

/** Whether a directory walk reads a file of this name (by extension; the format is then told by the bytes). */
export const isInputFileName = (name: string): boolean => INPUT_FILE.test(name);

/** Files in argument order; a directory contributes its input files (.txt .md .pdf .docx .doc .html .htm), walked recursively in name order. Collects every bad path. */
export async function expandPaths(
  paths: readonly string[],
  note: (message: string) => void,
): Promise<{ files: string[]; errors: ReadTextError[]; skipped: string[] }> {
  const files: string[] = [];
  const errors: ReadTextError[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    try {
      if (!(await stat(path)).isDirectory()) {
        files.push(path); // readInputFile reports anything that cannot be read
        continue;
      }
      const found = await walk(path, skipped);
      if (found.length === 0) note(`${path}: no ${INPUT_KINDS} files (in it or below it)`);
      files.push(...found);
    } catch (error) {
      errors.push(toReadTextError(error, path));
    }
  }
  for (const s of skipped) note(`${s}: skipped (not a ${INPUT_KINDS} file)`);
  return { files, errors, skipped };
}

/**
 * The input files under `dir`, sub-directories included (each once), sorted by name at each level. Dot files and
 * directories are left out (macOS "._x.txt" resource forks are binary and would fail the run); other files
 * go to `skipped`; a broken link is kept so that reading it reports it.
 */
async function walk(dir: string, skipped: string[], seen = new Set<string>()): Promise<string[]> {
  // A link back up the tree is walked once.
  const real = await realpath(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const found: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const info = entry.isSymbolicLink() ? await stat(path).catch(() => null) : null;
    if (entry.isDirectory() || info?.isDirectory()) found.push(...(await walk(path, skipped, seen)));
    else if (INPUT_FILE.test(entry.name)) found.push(path);
    else skipped.push(path);
  }
  return found;
}

export type { InputDocument } from './read-document.ts';

export interface StreamOptions extends ReadOptions {
  /** Extract on this many worker threads (0: in this thread, one file at a time). */
  threads?: number;
}

/**
 * Reads and extracts files as the consumer asks for them, in order (a corpus of any size never sits in
 * memory at once); unreadable ones go to `errors` (nothing is extracted for them). With `threads`, the
 * work runs on worker threads ahead of the consumer.
 */
export async function* streamDocuments(
  files: readonly string[],
  note: (message: string) => void,
  errors: ReadTextError[],
  options: StreamOptions = {},
): AsyncGenerator<InputDocument> {
  const pool = (options.threads ?? 0) > 0 ? createExtractPool(options.threads ?? 1) : null;
  const read: ReadOptions = options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes };
  try {
    const outcomes = pool ? pool.outcomes(files, read) : inThisThread(files, read);
    for await (const outcome of outcomes) {
      if (!outcome.ok) {
        errors.push(new ReadTextError(outcome.error.code, outcome.error.path, outcome.error.detail));
        continue;
      }
      for (const n of outcome.notes) note(n);
      yield outcome.input;
    }
  } finally {
    await pool?.close();
  }
}

async function* inThisThread(files: readonly string[], options: ReadOptions): AsyncGenerator<ReadOutcome> {
  for (const source of files) yield await readDocument(source, options);
}

/** Reads and extracts every file; unreadable ones go to `errors` (nothing is extracted for them). */
export async function readDocuments(
  files: readonly string[],
  note: (message: string) => void,
  options: ReadOptions = {},
): Promise<{ documents: InputDocument[]; errors: ReadTextError[] }> {
  const documents: InputDocument[] = [];
  const errors: ReadTextError[] = [];
  for await (const d of streamDocuments(files, note, errors, options)) documents.push(d);
  return { documents, errors };
}
