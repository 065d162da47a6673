// API search: the ranked index of the catalog snapshot (search-index.ts), one per snapshot, shared by `search`
// (the first hits) and `searchPage` (every hit, paged by cursor, with a true count).

import type { GraphNode } from '../model/graph.ts';
import type { CatalogSnapshot } from './catalog.ts';
import type { ApiContext } from './context.ts';
import type { NodeKind, SearchFilter } from './generated/resolver-types.ts';
import { parseSearch, SearchIndex, searchIdentity } from './search-index.ts';

const indexes = new WeakMap<CatalogSnapshot, SearchIndex>();

function indexOf(snapshot: CatalogSnapshot): SearchIndex {
  let index = indexes.get(snapshot);
  if (index === undefined) {
    index = new SearchIndex(snapshot);
    indexes.set(snapshot, index);
  }
  return index;
}

/** Every hit, ranked; `identity` names the question (cursor digests). */
export async function searchEvery(
  ctx: ApiContext,
  text: string,
  kinds: readonly NodeKind[] | null | undefined,
  filter?: SearchFilter | null,
): Promise<{ identity: string; hits: readonly GraphNode[] }> {
  const query = parseSearch(text, kinds, filter);
  const snapshot = await ctx.services.catalog.snapshot();
  const hits = indexOf(snapshot).search(query, text.trim());
  return { identity: `${searchIdentity(query)}|${text.trim()}`, hits };
}

export async function searchAll(
  ctx: ApiContext,
  text: string,
  first: number,
  kinds: readonly NodeKind[] | null | undefined,
  filter?: SearchFilter | null,
): Promise<GraphNode[]> {
  const hits = (await searchEvery(ctx, text, kinds, filter)).hits.slice(0, first);
  ctx.loaders.remember(hits);
  return hits;
}
