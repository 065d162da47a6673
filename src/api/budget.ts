// API request budgets: the time a request may take (API_MAX_REQUEST_MS) and the yields that keep one request from
// holding the event loop — long work runs in slices, and each slice boundary is where a spent budget stops it.
import { apiError } from './errors.ts';

/** Shared by the HTTP layer (which answers REQUEST_TIMEOUT at the deadline) and the request's resolvers. */
export interface RequestBudget {
  /** Epoch milliseconds; Infinity for none. */
  readonly deadline: number;
  readonly maxRequestMs: number;
  /** Set by the HTTP layer once it has answered the request with REQUEST_TIMEOUT: nothing more is worth doing. */
  expired: boolean;
  /**
   * A mutation runs to its end whatever it takes (set before it executes): answering REQUEST_TIMEOUT while the
   * write may still commit would tell the client it failed when it did not.
   */
  exempt: boolean;
}

/** A budget of `maxRequestMs` from now (0: none). */
export function requestBudget(maxRequestMs: number, now: number = Date.now()): RequestBudget {
  return {
    deadline: maxRequestMs > 0 ? now + maxRequestMs : Number.POSITIVE_INFINITY,
    maxRequestMs,
    expired: false,
    exempt: false,
  };
}

export function timeoutMessage(maxRequestMs: number): string {
  return `the request ran out of its time budget (${maxRequestMs} ms) and was stopped; ask for less (smaller pages, fewer fields)`;
}

/** Throws REQUEST_TIMEOUT once the budget is spent. */
export function checkBudget(budget: RequestBudget): void {
  if (budget.exempt) return;
  if (budget.expired || Date.now() > budget.deadline)
    throw apiError('REQUEST_TIMEOUT', timeoutMessage(budget.maxRequestMs), {
      maxRequestMs: budget.maxRequestMs,
    });
}

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Lets other work run (a health check, another request), then checks the budget. */
export async function pace(budget: RequestBudget): Promise<void> {
  await yieldToLoop();
  checkBudget(budget);
}

/**
 * Long work written as a generator that pauses (`yield`) every slice: `drain` runs it at once, `drainInSlices` lets
 * the event loop run between slices, so 100,000s of entries never hold it for long.
 */
export type Steps<T> = Generator<void, T, void>;

export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export async function drainInSlices<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await yieldToLoop();
  }
}
