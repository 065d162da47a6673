// API ingest: the mutation's work — extract one text, refuse what is not a policy document, store it through the
// ingest service (one transaction, then reconcile), keep the text for Document.text, and drop cached reads.
import { createHash } from 'node:crypto';
import { ingestDocuments } from '../ingest/ingest.ts';
import { ExtractionTimeoutError } from '../io/extract-pool.ts';
import type { ExtractedDocument } from '../model/extraction.ts';
import { StoreError } from '../store/graph-store.ts';
import type { ApiServices } from './context.ts';
import { apiError } from './errors.ts';
import type { IngestResultView } from './mappers.ts';

/** Nothing a policy document has: no type word, no issuer, no reference, no task. */
export function isNotADocument(d: ExtractedDocument): boolean {
  return (
    d.document.type === 'OTHER' &&
    d.document.issuer === null &&
    d.references.length === 0 &&
    d.tasks.length === 0
  );
}

function sourceName(text: string, source: string | null | undefined): string {
  if (source === null || source === undefined)
    return `api:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  const s = source.normalize('NFC').trim();
  // A label only (never opened as given): control characters or huge names are refused rather than stored.
  if (s.length === 0 || s.length > 300 || /\p{Cc}/u.test(s))
    throw apiError('BAD_USER_INPUT', 'source must be 1–300 printable characters');
  return s;
}

export async function ingestText(
  services: ApiServices,
  text: string,
  source: string | null | undefined,
): Promise<IngestResultView> {
  const name = sourceName(text, source);
  // On a worker thread with a time limit: one big text never holds up the other requests.
  const extracted = await services.extract(text, name).catch((error: unknown) => {
    if (!(error instanceof ExtractionTimeoutError)) throw error;
    throw apiError('EXTRACTION_TIMEOUT', `${error.message}: nothing was stored`, {
      timeoutMs: error.timeoutMs,
    });
  });
  if (isNotADocument(extracted))
    throw apiError(
      'NOT_A_DOCUMENT',
      'the text has no document type, issuer, reference or task: nothing was stored',
      {
        warnings: extracted.warnings.map((w) => w.code),
      },
    );
  return services.write(async () => {
    const report = await ingestDocuments(services.store, [{ source: name, text, document: extracted }]);
    const file = report.files[0];
    if (file === undefined) throw new StoreError('INTERNAL', 'the ingest service reported no file');
    if (file.outcome === 'FAILED') {
      const code = file.error?.code === 'INVALID_ARGUMENT' ? 'INVALID_ARGUMENT' : 'WRITE_FAILED';
      throw new StoreError(code, file.error?.message ?? 'the document was not stored');
    }
    // The reconcile step may have merged the new node into an existing one: follow the merges.
    let id = file.documentId;
    for (let hop = 0; hop < report.merges.length; hop++) {
      const next = report.merges.find((m) => m.from === id);
      if (next === undefined) break;
      id = next.into;
    }
    const textStored = await services.texts.keep(text).catch((error: unknown) => {
      services.logger.warn('could not keep an ingested text', { error: String(error) });
      return false;
    });
    return {
      outcome: file.outcome,
      document: await services.store.getDocument(id),
      references: file.references,
      tasks: file.tasks,
      warnings: extracted.warnings,
      merges: report.merges,
      ambiguities: report.ambiguities,
      textStored,
    };
  });
}
