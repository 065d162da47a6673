// Ingest: extracted documents → the store, one transaction per document, then identities reconciled
// across the batch and what the store already holds. Reports what each file did.
import type { ExtractedDocument } from '../model/extraction.ts';
import type { ApplyOutcome, GraphStats } from '../model/graph.ts';
import { contentHash, toGraphFacts } from '../pipeline/to-graph.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { isStoreError } from '../store/graph-store.ts';
import { type MergeNote, reconcile } from './reconcile.ts';

export interface IngestInput {
  source: string;
  text: string;
  document: ExtractedDocument;
}

export interface FileOutcome {
  source: string;
  documentId: string;
  outcome: ApplyOutcome | 'FAILED';
  /** Why the file was not stored (the store is as it was before it). */
  error: { code: string; message: string } | null;
  references: number;
  tasks: number;
  warnings: number;
}

export interface IngestReport {
  files: FileOutcome[];
  merges: MergeNote[];
  ambiguities: string[];
  stats: GraphStats;
}

export interface IngestOptions {
  /** Called after each file is applied (for a progress bar). */
  onProgress?: (done: number, total: number, source: string) => void;
}

export async function ingestDocuments(
  store: GraphStore,
  inputs: readonly IngestInput[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const files: FileOutcome[] = [];
  const touched: string[] = [];
  let done = 0;
  for (const input of inputs) {
    const facts = toGraphFacts(input.document, contentHash(input.text));
    const base = {
      source: input.source,
      documentId: facts.document.id,
      references: input.document.references.length,
      tasks: input.document.tasks.length,
      warnings: input.document.warnings.length,
    };
    try {
      const result = await store.applyDocument(facts);
      files.push({ ...base, outcome: result.outcome, error: null });
      if (result.outcome !== 'UNCHANGED')
        touched.push(facts.document.id, ...facts.mentioned.map((m) => m.id));
    } catch (error) {
      // One failed document does not stop the batch: its transaction was rolled back.
      if (!isStoreError(error)) throw error;
      files.push({ ...base, outcome: 'FAILED', error: { code: error.code, message: error.message } });
    }
    options.onProgress?.(++done, inputs.length, input.source);
  }
  const { merges, ambiguities } =
    touched.length > 0 ? await reconcile(store, touched) : { merges: [], ambiguities: [] };
  return { files, merges, ambiguities, stats: await store.stats() };
}
