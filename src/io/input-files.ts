// I/O: the documents a command is given — paths expanded to files, each read as text and extracted — shared by
// `extract` and `ingest`. Every unusable path is collected, so a command can report them all at once.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createExtractPool } from './extract-pool.ts';
import { type InputDocument, type ReadOutcome, readDocument } from './read-document.ts';
import { ReadTextError, toReadTextError } from './read-text.ts';

const TEXT_FILE = /\.(txt|md)$/i;

/** Files in argument order; a directory contributes its .txt/.md files sorted by name. Collects every bad path. */
export async function expandPaths(
  paths: readonly string[],
  note: (message: string) => void,
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
      if (found.length === 0) note(`${path}: no .txt or .md files`);
      files.push(...found);
    } catch (error) {
      errors.push(toReadTextError(error, path));
    }
  }
  return { files, errors };
}

export type { InputDocument } from './read-document.ts';

export interface StreamOptions {
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
  try {
    const outcomes = pool ? pool.outcomes(files) : inThisThread(files);
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

async function* inThisThread(files: readonly string[]): AsyncGenerator<ReadOutcome> {
  for (const source of files) yield await readDocument(source);
}

/** Reads and extracts every file; unreadable ones go to `errors` (nothing is extracted for them). */
export async function readDocuments(
  files: readonly string[],
  note: (message: string) => void,
): Promise<{ documents: InputDocument[]; errors: ReadTextError[] }> {
  const documents: InputDocument[] = [];
  const errors: ReadTextError[] = [];
  for await (const d of streamDocuments(files, note, errors)) documents.push(d);
  return { documents, errors };
}
