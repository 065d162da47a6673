// Pipeline entry: composes the pure stages (normalise → segment → extract → resolve) for one document.
import type { ExtractedDocument } from '../model/extraction.ts';

export const EXTRACTOR_VERSION = '0.1.0';

export interface ExtractOptions {
  /** Where the text came from (a path); copied into the result. */
  source?: string;
}

/** Extracts one document. Pure: no I/O, never throws on any string input. */
export function extractDocument(text: string, options: ExtractOptions = {}): ExtractedDocument {
  return {
    source: options.source ?? '',
    extractor: EXTRACTOR_VERSION,
    document: {
      symbol: null,
      type: 'OTHER',
      issuer: null,
      date: null,
      place: null,
      title: null,
      signer: null,
    },
    references: [],
    relations: [],
    tasks: [],
    warnings: text.length === 0 ? [{ code: 'EMPTY_DOCUMENT', message: 'empty text', start: 0, end: 0 }] : [],
  };
}
