// I/O: files read and extracted on worker threads (Piscina), so the thread that writes the store keeps its
// core. Results come back in the order the files were given, with a bounded number in flight (a corpus of
// any size never sits in memory at once).
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
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
 * `ahead`: most files extracted and not yet taken; enough to keep the threads busy while the consumer
 * writes a batch (each holds a text and its extraction: about ten times the text in memory).
 */
export function createExtractPool(threads: number, ahead = 256): ExtractPool {
  const pool = new Piscina<{ source: string } & ReadOptions, ReadOutcome>({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1_000,
  });
  const window = Math.max(threads * 2, ahead);
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
