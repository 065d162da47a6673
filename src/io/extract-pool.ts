// I/O: files read and extracted on worker threads (Piscina), so the thread that writes the store keeps its
// core. Results come back in the order the files were given, with a bounded number in flight (a corpus of
// any size never sits in memory at once).
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ExtractedDocument } from '../model/extraction.ts';
import type { ReadOutcome } from './read-document.ts';
import type { ReadOptions } from './read-text.ts';

const WORKER = new URL('./extract-worker.mjs', import.meta.url).href;

/** Worker threads when not told: every core but the writer's, at least one. */
export function defaultExtractThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface ExtractPool {
  /** Outcomes in the order of `files`, extracted ahead of the consumer by at most `ahead`. */
  outcomes(files: readonly string[], options?: ReadOptions): AsyncGenerator<ReadOutcome>;
  close(): Promise<void>;
}

/**
 * `ahead`: most files extracted and not yet taken; at least a batch of the consumer's (ingest writes up to 500
 * files at a time), so the next batch is extracted while one is written (each holds a text and its extraction:
 * about ten times the text in memory).
 */
export function createExtractPool(threads: number, ahead = 512): ExtractPool {
  const window = Math.max(threads * 2, ahead);
  const pool = new Piscina<{ source: string } & ReadOptions, ReadOutcome>({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1_000,
    // The whole window queued on the threads at once: the writer's transaction blocks the event loop that hands
    // out tasks, so with one task per thread the extractors sat idle for every batch written and ingest ran as
    // extraction plus writing, never both at once (each core idle half the time). A thread still extracts one
    // file at a time; only the reads overlap.
    concurrentTasksPerWorker: Math.ceil(window / threads),
  });
  return {
    async *outcomes(files, options = {}) {
      const inFlight: Array<Promise<ReadOutcome>> = [];
      let next = 0;
      const fill = () => {
        while (next < files.length && inFlight.length < window) {
          const running = pool.run({ ...options, source: files[next++] as string });
          running.catch(() => undefined); // awaited in order below; this only keeps it from counting as unhandled
          inFlight.push(running);
        }
      };
      fill();
      while (inFlight.length > 0) {
        const outcome = await (inFlight.shift() as Promise<ReadOutcome>);
        fill();
        yield outcome;
      }
    },
    close: () => pool.destroy(),
  };
}

/** An extraction that ran past its time limit; its thread was stopped. */
export class ExtractionTimeoutError extends Error {
  override readonly name = 'ExtractionTimeoutError';
  readonly code = 'EXTRACTION_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`the extraction took longer than ${timeoutMs} ms and was stopped`);
  }
}

export interface TextExtractor {
  /**
   * extractDocument(text) on a worker thread, so the calling thread keeps serving. Rejects with
   * ExtractionTimeoutError after `timeoutMs` (waiting for a thread counts): the thread running it is terminated,
   * so an extraction that never ends stops using a core.
   */
  extract(text: string, source: string): Promise<ExtractedDocument>;
  /** Stops the threads; extractions still running are rejected. */
  close(): Promise<void>;
}

/**
 * Texts extracted on worker threads with a time limit (the API's ingestDocument). The first thread starts with the
 * first text (its start counts in that text's time); one stays, more (up to `threads`, default the cores but one)
 * start when texts come together and stop when idle.
 */
export function createTextExtractor(options: { timeoutMs: number; threads?: number }): TextExtractor {
  const threads = options.threads ?? defaultExtractThreads();
  let pool: Piscina<{ text: string; source: string }, ExtractedDocument> | null = null;
  let closed = false;
  return {
    async extract(text, source) {
      if (closed) throw new Error('the extractor is closed');
      // One thread is kept from the first text on (a thread takes a second or two to start), and replaces one stopped.
      pool ??= new Piscina({ filename: WORKER, minThreads: 1, maxThreads: threads, idleTimeout: 60_000 });
      const signal = AbortSignal.timeout(options.timeoutMs);
      try {
        return await pool.run({ text, source }, { signal });
      } catch (error) {
        if (signal.aborted) throw new ExtractionTimeoutError(options.timeoutMs);
        throw error;
      }
    },
    async close() {
      closed = true;
      const running = pool;
      pool = null;
      await running?.destroy();
    },
  };
}
