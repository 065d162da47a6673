// API timeliness: the `timeliness` query's work (src/query/timeliness.ts), the root's text read and extracted as
// for references (memoized), its documents through the request's loaders.
import type { IssueDeadline, Level } from '../model/extraction.ts';
import type { DocumentNode } from '../model/graph.ts';
import { timelinessFromStore } from '../query/timeliness.ts';
import type { ApiContext, ApiServices } from './context.ts';
import type { Era } from './generated/resolver-types.ts';
import type { TimelinessView } from './mappers.ts';

/** The time limits a document's text states for issuing implementing documents: its text read and extracted once. */
export async function issueLimitsOf(
  services: Pick<ApiServices, 'texts' | 'extractions'>,
  doc: DocumentNode,
): Promise<readonly IssueDeadline[]> {
  const text = await services.texts.textOf(doc);
  return text === null
    ? []
    : services.extractions.of(doc.contentHash ?? doc.id, text, doc.sources[0] ?? doc.id).issueDeadlines;
}

export async function timelinessOf(
  ctx: ApiContext,
  root: DocumentNode,
  level: Level,
  era: Era | null | undefined,
  province: string | null | undefined,
  asOf: string | null | undefined,
): Promise<TimelinessView> {
  const answer = await timelinessFromStore({
    store: ctx.store,
    root,
    level,
    era,
    province,
    asOf,
    limitsOf: (doc) => issueLimitsOf(ctx.services, doc),
    documents: async (ids) =>
      (await ctx.loaders.node.loadMany(ids)).filter(
        (n): n is DocumentNode => !(n instanceof Error) && n.kind === 'DOCUMENT',
      ),
  });
  return { ...answer, level };
}
