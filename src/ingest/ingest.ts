// Ingest: extracted documents → the store, each document all or nothing (written in batches), then identities reconciled
// across the batch and what the store already holds. Reports what each file did.
import type { ExtractedDocument } from '../model/extraction.ts';
import type { ApplyOutcome, GraphStats } from '../model/graph.ts';
import { contentHash, toGraphFacts } from '../pipeline/to-graph.ts';
import type { GraphStore } from '../store/graph-store.ts';
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
  /** Stopped by the caller's signal before the inputs ran out (identities then not reconciled). */
  interrupted: boolean;
}

export interface IngestOptions {
  /** Called after each file is applied (for a progress bar); `total` is the option's, when given. */
  onProgress?: (done: number, total: number | undefined, source: string) => void;
  /** How many inputs a stream will yield (for progress only). */
  total?: number;
  /** Most documents written per store call (each still all or nothing); default 500. */
  batchSize?: number;
  /** Most text per store call, in UTF-16 code units; default 2 M (a transaction's work, and so the pause in
   * progress, stays about the same whatever the documents' sizes; a commit syncs the log once). */
  batchChars?: number;
  /**
   * Stops the run between batches (Ctrl-C): the batch being written commits whole, nothing further is read, and
   * identities are not reconciled (the next run over the same files does it). The report says `interrupted`.
   */
  signal?: AbortSignal;
}

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_BATCH_CHARS = 2_000_000;

/** Groups a stream into arrays of at most `size` items and about `chars` of text, pulling no further ahead than one group. */
async function* chunks<T extends { text: string }>(
  items: Iterable<T> | AsyncIterable<T>,
  size: number,
  chars: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  let held = 0;
  for await (const item of items) {
    // Interrupted: the documents read but not written are dropped (none of them was acknowledged).
    if (signal?.aborted) return;
    chunk.push(item);
    held += item.text.length;
    if (chunk.length >= size || held >= chars) {
      yield chunk;
      chunk = [];
      held = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Stores the inputs (a list or a stream: a large corpus is extracted as it is written, never held whole)
 * in batches, each document all or nothing, then reconciles identities across what changed.
 */
export async function ingestDocuments(
  store: GraphStore,
  inputs: Iterable<IngestInput> | AsyncIterable<IngestInput>,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const total = options.total ?? (Array.isArray(inputs) ? inputs.length : undefined);
  const files: FileOutcome[] = [];
  const touched = new Set<string>();
  const batchChars = Math.max(1, options.batchChars ?? DEFAULT_BATCH_CHARS);
  const pending = chunks(inputs, batchSize, batchChars, options.signal)[Symbol.asyncIterator]();
  let next = pending.next();
  for (;;) {
    const { value: inputChunk, done } = await next;
    if (done) break;
    const chunk = inputChunk.map((input) => {
      const facts = toGraphFacts(input.document, contentHash(input.text));
      const base = {
        source: input.source,
        documentId: facts.document.id,
        references: input.document.references.length,
        tasks: input.document.tasks.length,
        warnings: input.document.warnings.length,
      };
      return { facts, base };
    });
    const writing = store.applyDocuments(chunk.map((c) => c.facts));
    // Start on the next chunk (with extraction threads, their results already queue up meanwhile).
    next = pending.next();
    next.catch(() => undefined); // awaited at the top of the loop; this only keeps it from counting as unhandled
    const outcomes = await writing;
    // Back to the event loop between batches: when extraction runs ahead, the next batch is already resolved and
    // the loop would go on through microtasks alone, so a Ctrl-C (a signal is an event) waited for the whole run.
    await new Promise((resolve) => setImmediate(resolve));
    chunk.forEach(({ facts, base }, i) => {
      const o = outcomes[i];
      if (!o || o.error !== null) {
        // One failed document does not stop the batch: nothing of it was stored.
        const error = o?.error ?? { code: 'INTERNAL', message: 'no outcome' };
        files.push({ ...base, outcome: 'FAILED', error: { code: error.code, message: error.message } });
      } else {
        files.push({ ...base, outcome: o.result.outcome, error: null });
        // Unchanged documents too: a run killed after its writes but before reconcile left their merges
        // undone, and only a later run can finish them (reconcile is idempotent).
        touched.add(facts.document.id);
        for (const m of facts.mentioned) touched.add(m.id);
      }
      options.onProgress?.(files.length, total, base.source);
    });
  }
  const interrupted = options.signal?.aborted ?? false;
  const { merges, ambiguities } =
    touched.size > 0 && !interrupted ? await reconcile(store, [...touched]) : { merges: [], ambiguities: [] };
  return { files, merges, ambiguities, stats: await store.stats(), interrupted };
}
