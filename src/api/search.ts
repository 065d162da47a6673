// API search: documents through the store's search, tasks and agencies through the catalog — every folded word
// of the text must start a word of the node's text (case and diacritics ignored).
import { type DocumentNode, foldText, type GraphNode, searchTokens, type TaskNode } from '../model/graph.ts';
import type { CatalogSnapshot } from './catalog.ts';
import type { ApiContext } from './context.ts';
import { apiError } from './errors.ts';
import type { NodeKind } from './generated/resolver-types.ts';

const hasAll = (padded: string, tokens: readonly string[]) => tokens.every((t) => padded.includes(` ${t}`));

/** The folded words of a search and the kinds asked for (all three when none); no words is a bad input. */
function parseQuery(text: string, kinds: readonly NodeKind[] | null | undefined) {
  const tokens = searchTokens(text);
  if (tokens.length === 0) throw apiError('BAD_USER_INPUT', 'search text has no words');
  const want = new Set<NodeKind>(kinds && kinds.length > 0 ? kinds : ['DOCUMENT', 'TASK', 'AGENCY']);
  return { tokens, want };
}

/** Tasks with every word, those with the words in their key or title first (then the others, catalog order). */
function matchingTasks(snapshot: CatalogSnapshot, tokens: readonly string[]): TaskNode[] {
  const titled: TaskNode[] = [];
  const other: TaskNode[] = [];
  snapshot.tasks.forEach((t, i) => {
    if (!hasAll(snapshot.taskText[i] ?? '', tokens)) return;
    (hasAll(` ${searchTokens(`${t.key} ${t.title}`).join(' ')} `, tokens) ? titled : other).push(t);
  });
  return [...titled, ...other];
}

function matchingAgencies(snapshot: CatalogSnapshot, tokens: readonly string[]) {
  return snapshot.agencies.filter((a) => hasAll(a.searchText, tokens));
}

export async function searchAll(
  ctx: ApiContext,
  text: string,
  first: number,
  kinds: readonly NodeKind[] | null | undefined,
): Promise<GraphNode[]> {
  const { tokens, want } = parseQuery(text, kinds);
  const [found, snapshot] = await Promise.all([
    want.has('DOCUMENT') ? ctx.store.search(text, first) : null,
    want.has('TASK') || want.has('AGENCY') ? ctx.services.catalog.snapshot() : null,
  ]);
  const documents = (found?.hits ?? []).filter((h) => h.kind === 'DOCUMENT');
  const tasks = snapshot !== null && want.has('TASK') ? matchingTasks(snapshot, tokens) : [];
  const agencies = snapshot !== null && want.has('AGENCY') ? matchingAgencies(snapshot, tokens) : [];
  const hits = [...documents, ...tasks, ...agencies].slice(0, first);
  ctx.loaders.remember(hits);
  return hits;
}

/** Documents first, in the store's search order (shared-store.ts `search`): exact symbol, full texts, newest, id. */
function documentOrder(whole: string) {
  return (a: DocumentNode, b: DocumentNode) =>
    Number(b.symbol !== null && foldText(b.symbol) === whole) -
      Number(a.symbol !== null && foldText(a.symbol) === whole) ||
    Number(b.status === 'FULL_TEXT') - Number(a.status === 'FULL_TEXT') ||
    (b.year ?? 0) - (a.year ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const SEARCHES_PER_SNAPSHOT = 64;
const everyHit = new WeakMap<CatalogSnapshot, Map<string, readonly GraphNode[]>>();

/**
 * Every hit of a search, in `searchAll`'s order (documents, tasks with the words in their title, other tasks,
 * agencies), uncapped: documents are matched on the catalog's copy of their search text (the store's search caps
 * its answer). Computed once per catalog snapshot and query, so paging does not search again.
 */
export async function searchEvery(
  ctx: ApiContext,
  text: string,
  kinds: readonly NodeKind[] | null | undefined,
): Promise<{ identity: string; hits: readonly GraphNode[] }> {
  const { tokens, want } = parseQuery(text, kinds);
  const identity = `${tokens.join(' ')}|${[...want].sort().join(',')}`;
  const snapshot = await ctx.services.catalog.snapshot();
  let memo = everyHit.get(snapshot);
  if (memo === undefined) {
    memo = new Map();
    everyHit.set(snapshot, memo);
  }
  let hits = memo.get(identity);
  if (hits === undefined) {
    const documents = want.has('DOCUMENT')
      ? [...snapshot.documents.values()]
          .filter((d) => hasAll(d.searchText, tokens))
          .sort(documentOrder(tokens.join(' ')))
      : [];
    const tasks = want.has('TASK') ? matchingTasks(snapshot, tokens) : [];
    const agencies = want.has('AGENCY') ? matchingAgencies(snapshot, tokens) : [];
    hits = [...documents, ...tasks, ...agencies];
    if (memo.size >= SEARCHES_PER_SNAPSHOT) memo.clear();
    memo.set(identity, hits);
  }
  return { identity, hits };
}
