// API download routes: the limits GraphQL requests obey, for downloads — the client's rate-limit bucket (a download
// walks a whole lineage or scope and writes every row, so it is priced as an expensive operation) and the request's
// time budget (past it the download is refused before a byte of the file is sent, and its work stops).
import { type RequestBudget, requestBudget, timeoutMessage } from '../budget.ts';
import type { ApiLimits } from '../limits.ts';
import type { RateLimiter } from '../rate-limit.ts';

/**
 * Points a download takes from the client's bucket: about what a GraphQL operation asking for a whole lineage's
 * nodes, edges and tree costs where nothing bounds them (3 × 300 items, limits.ts, and its walk) — sixty a
 * minute at the default API_RATE_POINTS_PER_MIN.
 */
export const DOWNLOAD_POINTS = 1_000;

export interface DownloadRefusal {
  status: 429 | 503;
  code: 'RATE_LIMITED' | 'REQUEST_TIMEOUT';
  message: string;
  headers: Record<string, string>;
  extra: Record<string, number>;
}

/** Takes the download's points (1 for a request refused before any work), or says why it may not run. */
export function chargeDownload(
  rate: RateLimiter | null,
  client: string,
  points: number,
): DownloadRefusal | null {
  if (rate === null) return null;
  const d = rate.take(client, points);
  if (d.ok) return null;
  return {
    status: 429,
    code: 'RATE_LIMITED',
    message: `too many requests: a download costs ${points} points and ${d.remaining} of your ${rate.pointsPerMinute} points per minute are left; retry in ${d.retryAfterSeconds} s`,
    headers: { 'retry-after': String(d.retryAfterSeconds) },
    extra: { retryAfterSeconds: d.retryAfterSeconds, pointsPerMinute: rate.pointsPerMinute },
  };
}

export function timeoutRefusal(limits: Pick<ApiLimits, 'maxRequestMs'>): DownloadRefusal {
  return {
    status: 503,
    code: 'REQUEST_TIMEOUT',
    message: timeoutMessage(limits.maxRequestMs),
    headers: {},
    extra: { maxRequestMs: limits.maxRequestMs },
  };
}

/**
 * Runs a download's work within the request budget: its answer, or 'timeout' at the deadline (the budget is then
 * marked expired, so the work stops at its next check instead of running on unseen).
 */
export async function withinBudget<T>(
  limits: Pick<ApiLimits, 'maxRequestMs'>,
  work: (budget: RequestBudget) => Promise<T>,
): Promise<T | 'timeout'> {
  const budget = requestBudget(limits.maxRequestMs);
  const running = work(budget);
  if (budget.deadline === Number.POSITIVE_INFINITY) return running;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), budget.deadline - Date.now());
  });
  try {
    const first = await Promise.race([running, timedOut]);
    if (first === 'timeout') {
      budget.expired = true;
      running.catch(() => undefined);
    }
    return first;
  } catch (error) {
    // The work saw the budget spent first (checkBudget): the same answer as the timer's.
    if (isTimeout(error)) return 'timeout';
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function isTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { extensions?: { code?: unknown } }).extensions?.code === 'REQUEST_TIMEOUT'
  );
}
