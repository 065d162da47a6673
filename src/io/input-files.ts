// I/O: the documents a command is given — paths expanded to files, each read as text and extracted — shared by
// `extract` and `ingest`. Every unusable path is collected, so a command can report them all at once.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractedDocument, ExtractionWarning } from '../model/extraction.ts';
import { extractDocument } from '../pipeline/extract-document.ts';
import { type DecodedText, ReadTextError, readTextFile, toReadTextError } from './read-text.ts';

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

export interface InputDocument {
  source: string;
  text: string;
  document: ExtractedDocument;
}

/**
 * Reads and extracts files one at a time, as the consumer asks for them (a corpus of any size never sits
 * in memory at once); unreadable ones go to `errors` (nothing is extracted for them).
 */
export async function* streamDocuments(
  files: readonly string[],
  note: (message: string) => void,
  errors: ReadTextError[],
): AsyncGenerator<InputDocument> {
  for (const source of files) {
    let decoded: DecodedText;
    try {
      decoded = await readTextFile(source);
    } catch (error) {
      if (!(error instanceof ReadTextError)) throw error;
      errors.push(error);
      continue;
    }
    // Warnings with no code in the extraction schema still reach the user.
    for (const w of decoded.warnings)
      if (w.code === 'INVALID_BYTES') note(`${source}: warning: ${w.message}`);
    const document = withEncodingWarning(extractDocument(decoded.text, { source }), decoded);
    yield { source, text: decoded.text, document };
  }
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
