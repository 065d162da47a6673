// API support: Relay connections — opaque cursors, page-size checks, keyset pages over sorted in-memory lists, and
// positional pages over computed answers (lineages, trees, search hits, references).
import { createHash } from 'node:crypto';
import { apiError } from './errors.ts';
import type { ConnectionView, PageInfoView } from './mappers.ts';

export type CursorKind =
  | 'doc'
  | 'agency'
  | 'mandate'
  | 'lineage-node'
  | 'lineage-edge'
  | 'tree'
  | 'subtree'
  | 'search'
  | 'reference'
  | 'citation';

export function encodeCursor(kind: CursorKind, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

/** A BAD_USER_INPUT error about a cursor argument, naming it (message and `extensions.argument`). */
function badCursor(argument: string, message: string) {
  return apiError('BAD_USER_INPUT', `${argument}: ${message}`, { argument });
}

/** The key inside a cursor of the expected kind; BAD_USER_INPUT (naming `argument`) for anything else. */
export function decodeCursor(
  kind: CursorKind,
  cursor: string | null | undefined,
  argument = 'after',
): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}:`) || encodeCursor(kind, text.slice(kind.length + 1)) !== cursor)
    throw badCursor(argument, `"${cursor}" is not a cursor of this list`);
  return text.slice(kind.length + 1);
}

/**
 * `first` checked against the page cap (the operation guard rejects it earlier; this keeps resolvers honest).
 * `first: 0` asks for the counts alone: an empty page with the true totalCount and pageInfo.
 */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0)
    throw apiError('BAD_USER_INPUT', `first must be a non-negative integer, got ${String(first)}`);
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

/** A computed answer's list, read by position (nothing is copied to page it). */
export interface PositionalList<T> {
  kind: CursorKind;
  /**
   * What the list is the answer to (e.g. "DOWN|10|doc:…"): a digest of it goes into every cursor, so a cursor of
   * another list of the same kind is refused.
   */
  identity: string;
  length: number;
  at(index: number): T;
  /** What identifies an item (a node or edge id); needs not be unique, only stable across recomputations. */
  keyOf(item: T): string;
}

const digest = (identity: string) => createHash('sha256').update(identity).digest('base64url').slice(0, 12);

/**
 * A page of a computed list. The cursor holds the list's digest, the item's position and the item's key: a
 * cursor of an unchanged answer resumes at its position directly; if the answer changed since (a write), the
 * item is looked for by its key (the occurrence nearest the old position) and paging resumes after it; if the
 * item is gone, the cursor is refused (BAD_USER_INPUT) rather than silently skipping or repeating items.
 */
export function positionalPage<T>(
  list: PositionalList<T>,
  first: number,
  after: string | null | undefined,
  argument = 'after',
): ConnectionView<T> {
  const tag = digest(list.identity);
  const text = decodeCursor(list.kind, after, argument);
  let start = 0;
  if (text !== null) {
    const m = /^([A-Za-z0-9_-]+)\.(\d+)\.([\s\S]*)$/.exec(text);
    if (m === null) throw badCursor(argument, `"${after}" is not a cursor of this list`);
    if (m[1] !== tag) throw badCursor(argument, `"${after}" is a cursor of another list`);
    const pos = Number(m[2]);
    const key = m[3] as string;
    if (pos < list.length && list.keyOf(list.at(pos)) === key) start = pos + 1;
    else {
      // The nearest occurrence to the old position (bounded by the list, whatever the cursor says).
      const p = Math.min(pos, list.length - 1);
      let found = -1;
      for (let d = 0; found < 0 && d < list.length; d++) {
        if (p + d < list.length && list.keyOf(list.at(p + d)) === key) found = p + d;
        else if (d > 0 && p - d >= 0 && list.keyOf(list.at(p - d)) === key) found = p - d;
      }
      if (found < 0)
        throw badCursor(
          argument,
          `the item of cursor "${after}" is no longer in this answer (the graph changed); page again from the start`,
        );
      start = found + 1;
    }
  }
  const end = Math.min(list.length, start + first);
  const edges = [];
  for (let i = start; i < end; i++) {
    const node = list.at(i);
    edges.push({ cursor: encodeCursor(list.kind, `${tag}.${i}.${list.keyOf(node)}`), node });
  }
  return { edges, pageInfo: pageInfo(edges, end < list.length, start > 0), totalCount: list.length };
}

/** A positional list over an array. */
export function arrayList<T>(
  kind: CursorKind,
  identity: string,
  items: readonly T[],
  keyOf: (item: T) => string,
): PositionalList<T> {
  return { kind, identity, length: items.length, at: (i) => items[i] as T, keyOf };
}
