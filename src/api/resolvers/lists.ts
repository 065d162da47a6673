// API resolvers: mandates, coverage units, ingest results and the plain types whose fields all come from their objects.
import type { DocumentNode } from '../../model/graph.ts';
import { nodeName } from '../../query/views.ts';
import type { ApiContext } from '../context.ts';
import { deadlineOf } from '../deadlines.ts';
import type {
  CoveredUnitResolvers,
  MandateResolvers,
  MutationResolvers,
  OutsideUnitResolvers,
} from '../generated/resolver-types.ts';
import { ingestText } from '../ingest.ts';

export const Mandate: MandateResolvers = {
  name: (m) => {
    const d = m.document;
    return `${nodeName(m.agency)}: ${m.role} of ${nodeName(m.task)} (${d.symbol ?? d.title ?? d.id})`;
  },
  sources: (m) => [m.assignment.provenance.source],
  deadline: (m) => deadlineOf(m.task),
  // One chainUp per distinct task of the page (deduplicated per request): the port has no batched chain.
  chain: async (m, _args, ctx) => (await ctx.loaders.chain.load(m.task.id)).paths,
};

/** Documents of a coverage answer: one lineage of the covered document holds them all. */
async function coverageDocuments(
  ctx: ApiContext,
  rootId: string,
  ids: readonly string[],
): Promise<DocumentNode[]> {
  await ctx.loaders.lineageOf(rootId, ctx.services.limits.maxLineageDepth);
  const nodes = await ctx.loaders.node.loadMany(ids);
  return nodes.map((n) => {
    if (n instanceof Error) throw n;
    if (n.kind !== 'DOCUMENT') throw new Error(`coverage listed ${n.id}, which is not a document`);
    return n;
  });
}

export const CoveredUnit: CoveredUnitResolvers = {
  documents: (u, _args, ctx) => coverageDocuments(ctx, u.rootId, u.documentIds),
};

export const OutsideUnit: OutsideUnitResolvers = {
  documents: (u, _args, ctx) => coverageDocuments(ctx, u.rootId, u.documentIds),
};

export const Mutation: MutationResolvers = {
  // Authorization is checked before execution (operation guard): a resolver only runs for an accepted token.
  ingestDocument: (_root, { text, source }, ctx) => ingestText(ctx.services, text, source),
};
