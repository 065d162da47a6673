// I/O: one file read and extracted — the unit of work of `extract` and `ingest`, run in this thread or in an
// extraction worker (extract-pool.ts). Everything it returns can cross a thread: an unreadable file comes
// back as the fields of its ReadTextError, not as the error object.
import type { ExtractedDocument, ExtractionWarning } from '../model/extraction.ts';
import { extractDocument } from '../pipeline/extract-document.ts';
import { type DecodedText, ReadTextError, type ReadTextErrorCode, readTextFile } from './read-text.ts';

export interface InputDocument {
  source: string;
  text: string;
  document: ExtractedDocument;
}

export type ReadOutcome =
  | { ok: true; input: InputDocument; notes: string[] }
  | { ok: false; error: { code: ReadTextErrorCode; path: string; detail: string } };

export async function readDocument(source: string): Promise<ReadOutcome> {
  let decoded: DecodedText;
  try {
    decoded = await readTextFile(source);
  } catch (error) {
    if (!(error instanceof ReadTextError)) throw error;
    return { ok: false, error: { code: error.code, path: error.path, detail: error.detail } };
  }
  // Warnings with no code in the extraction schema still reach the user.
  const notes = decoded.warnings
    .filter((w) => w.code === 'INVALID_BYTES')
    .map((w) => `${source}: warning: ${w.message}`);
  const document = withEncodingWarning(extractDocument(decoded.text, { source }), decoded);
  return { ok: true, input: { source, text: decoded.text, document }, notes };
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
