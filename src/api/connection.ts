// API support: Relay connections — opaque cursors, page-size checks, and keyset pages over sorted in-memory lists.
import { apiError } from './errors.ts';
import type { ConnectionView, PageInfoView } from './mappers.ts';

export type CursorKind = 'doc' | 'agency' | 'mandate';

export function encodeCursor(kind: CursorKind, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

/** The key inside a cursor of the expected kind; BAD_USER_INPUT for anything else. */
export function decodeCursor(kind: CursorKind, cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}:`) || encodeCursor(kind, text.slice(kind.length + 1)) !== cursor)
    throw apiError('BAD_USER_INPUT', `"${cursor}" is not a cursor of this list`);
  return text.slice(kind.length + 1);
}

/** `first` checked against the page cap (the operation guard rejects it earlier; this keeps resolvers honest). */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1)
    throw apiError('BAD_USER_INPUT', `first must be a positive integer, got ${String(first)}`);
  if (n > max) throw apiError('PAGE_SIZE_LIMIT_EXCEEDED', `first is at most ${max}, got ${n}`, { max });
  return n;
}

/** A page of `items` (sorted by `keyOf`, ascending and unique) after the key in `after`. */
export function keysetPage<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  kind: CursorKind,
  first: number,
  after: string | null | undefined,
): ConnectionView<T> {
  const afterKey = decodeCursor(kind, after);
  let start = 0;
  if (afterKey !== null) {
    // Binary search: the first item whose key sorts after the cursor (stable when items were added or removed).
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyOf(items[mid] as T) <= afterKey) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const slice = items.slice(start, start + first);
  const edges = slice.map((node) => ({ cursor: encodeCursor(kind, keyOf(node)), node }));
  return {
    edges,
    pageInfo: pageInfo(edges, start + first < items.length, afterKey !== null),
    totalCount: items.length,
  };
}

export function pageInfo(
  edges: readonly { cursor: string }[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
): PageInfoView {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}
