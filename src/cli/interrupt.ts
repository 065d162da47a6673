// CLI support: Ctrl-C (SIGINT) and SIGTERM as an AbortSignal for a command's work, so it stops at a safe point
// (between ingest batches, after the server drained) and closes the store. A second signal exits at once: every
// acknowledged write is already durable, and the store opens cleanly after a kill.

/** Exit code of a run stopped by a signal, as shells report it (128 + SIGINT's 2). */
export const EXIT_INTERRUPTED = 130;

export interface Interrupt {
  readonly signal: AbortSignal;
  /** The signal received, once one was. */
  received(): NodeJS.Signals | null;
  /** Removes the handlers (the process's default behaviour comes back). */
  dispose(): void;
}

export function onInterrupt(
  say: (message: string) => void,
  exit = (code: number) => process.exit(code),
): Interrupt {
  const controller = new AbortController();
  let got: NodeJS.Signals | null = null;
  const handle = (name: NodeJS.Signals) => {
    if (got !== null) {
      say(`${name} again: exiting now (what was acknowledged is stored)`);
      exit(EXIT_INTERRUPTED);
      return;
    }
    got = name;
    say(`${name}: stopping…`);
    controller.abort(new Error(name));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handle);
  return {
    signal: controller.signal,
    received: () => got,
    dispose: () => {
      for (const s of signals) process.off(s, handle);
    },
  };
}

/** Resolves when `signal` aborts (at once if it already has). */
export function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
