// I/O: one file read and extracted — the unit of work of `extract` and `ingest`, run in this thread or in an
// extraction worker (extract-pool.ts). Everything it returns can cross a thread: an unreadable file comes
// back as the fields of its ReadTextError, not as the error object.
import type { ExtractedDocument, ExtractionWarning } from '../model/extraction.ts';
import { extractDocument } from '../pipeline/extract-document.ts';
import { type InputFormat, type InputText, readInputFile } from './read-input.ts';
import { type ReadOptions, ReadTextError, type ReadTextErrorCode } from './read-text.ts';

export interface InputDocument {
  source: string;
  /** The format the file was read as (told by its bytes), for the commands' counts. */
  format: InputFormat;
  text: string;
  document: ExtractedDocument;
}

export type ReadOutcome =
  | { ok: true; input: InputDocument; notes: string[] }
  | { ok: false; error: { code: ReadTextErrorCode; path: string; detail: string } };

export async function readDocument(source: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  let decoded: InputText;
  try {
    decoded = await readInputFile(source, options);
  } catch (error) {
    if (!(error instanceof ReadTextError)) throw error;
    return { ok: false, error: { code: error.code, path: error.path, detail: error.detail } };
  }
  // Warnings with no code in the extraction schema still reach the user.
  const notes = decoded.warnings
    .filter((w) => w.code === 'INVALID_BYTES' || w.code === 'NUL_BYTES')
    .map((w) => `${source}: warning: ${w.message}`);
  const document = withFileWarnings(extractDocument(decoded.text, { source }), decoded);
  return { ok: true, input: { source, format: decoded.format, text: decoded.text, document }, notes };
}

const ENCODING_NAMES = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI-Windows' } as const;

/**
 * File-level facts come first, at offsets 0,0: LEGACY_ENCODING for files in TCVN3/VNI, NO_TEXT_LAYER for
 * PDF pages without text.
 */
function withFileWarnings(document: ExtractedDocument, decoded: InputText): ExtractedDocument {
  const warnings: ExtractionWarning[] = [];
  if (decoded.encoding === 'tcvn3' || decoded.encoding === 'vni') {
    const details = decoded.warnings
      .filter((w) => w.code === 'LEGACY_ENCODING' || w.code === 'CASE_GUESSED')
      .map((w) => w.message);
    warnings.push({
      code: 'LEGACY_ENCODING',
      message: details.length > 0 ? details.join('; ') : `decoded from ${ENCODING_NAMES[decoded.encoding]}`,
      start: 0,
      end: 0,
    });
  }
  for (const w of decoded.warnings) {
    if (w.code === 'NO_TEXT_LAYER') warnings.push({ code: w.code, message: w.message, start: 0, end: 0 });
  }
  return warnings.length > 0 ? { ...document, warnings: [...warnings, ...document.warnings] } : document;
}
