// API search: documents through the store's search, tasks and agencies through the catalog — every folded word
// of the text must start a word of the node's text (case and diacritics ignored).
import { type GraphNode, searchTokens, type TaskNode } from '../model/graph.ts';
import type { ApiContext } from './context.ts';
import { apiError } from './errors.ts';
import type { NodeKind } from './generated/resolver-types.ts';

const hasAll = (padded: string, tokens: readonly string[]) => tokens.every((t) => padded.includes(` ${t}`));

export async function searchAll(
  ctx: ApiContext,
  text: string,
  first: number,
  kinds: readonly NodeKind[] | null | undefined,
): Promise<GraphNode[]> {
  const tokens = searchTokens(text);
  if (tokens.length === 0) throw apiError('BAD_USER_INPUT', 'search text has no words');
  const want = new Set<NodeKind>(kinds && kinds.length > 0 ? kinds : ['DOCUMENT', 'TASK', 'AGENCY']);
  const [found, snapshot] = await Promise.all([
    want.has('DOCUMENT') ? ctx.store.search(text, first) : null,
    want.has('TASK') || want.has('AGENCY') ? ctx.services.catalog.snapshot() : null,
  ]);
  const documents = (found?.hits ?? []).filter((h) => h.kind === 'DOCUMENT');
  const tasks: TaskNode[] = [];
  if (snapshot !== null && want.has('TASK')) {
    const titled: TaskNode[] = [];
    const other: TaskNode[] = [];
    snapshot.tasks.forEach((t, i) => {
      if (!hasAll(snapshot.taskText[i] ?? '', tokens)) return;
      // A task whose title has the words ranks before one that only mentions them in its text.
      (hasAll(` ${searchTokens(`${t.key} ${t.title}`).join(' ')} `, tokens) ? titled : other).push(t);
    });
    tasks.push(...titled, ...other);
  }
  const agencies =
    snapshot !== null && want.has('AGENCY')
      ? snapshot.agencies.filter((a) => hasAll(a.searchText, tokens))
      : [];
  const hits = [...documents, ...tasks, ...agencies].slice(0, first);
  ctx.loaders.remember(hits);
  return hits;
}
