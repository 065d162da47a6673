// API resolvers: edges with provenance, lineage answers (entries, trees, paths) and references.
import type { GraphNode } from '../../model/graph.ts';
import { apiError } from '../errors.ts';
import type {
  ExtractionWarningResolvers,
  GraphEdgeResolvers,
  LineageResolvers,
  LineageStepResolvers,
  ReferenceResolvers,
  TreeEntryResolvers,
} from '../generated/resolver-types.ts';
import { chainUpTree, lineageDownTree } from '../tree.ts';

export const GraphEdge: GraphEdgeResolvers = {
  fromId: (e) => e.from,
  toId: (e) => e.to,
  from: (e, _args, ctx) => ctx.loaders.node.load(e.from),
  to: (e, _args, ctx) => ctx.loaders.node.load(e.to),
  role: (e) => (e.type === 'ASSIGNS' ? e.role : null),
  basis: (e) => (e.type === 'CITES' ? e.basis : null),
};

export const Lineage: LineageResolvers = {
  tree: (l) =>
    l.answer.direction === 'DOWN'
      ? lineageDownTree(l.answer.lineage, Number.POSITIVE_INFINITY)
      : chainUpTree(l.answer.chain, l.depth),
};

export const TreeEntry: TreeEntryResolvers = {};

export const LineageStep: LineageStepResolvers = {
  fromId: (s) => s.from,
  toId: (s) => s.to,
  from: (s, _args, ctx) => ctx.loaders.node.load(s.from),
  to: (s, _args, ctx) => ctx.loaders.node.load(s.to),
};

export const Reference: ReferenceResolvers = {
  target: async (r, _args, ctx) => {
    if (r.targetId === null) return null;
    const n: GraphNode = await ctx.loaders.node.load(r.targetId);
    if (n.kind !== 'DOCUMENT') throw apiError('NOT_FOUND', `${r.targetId} is not a document`);
    return n;
  },
};

export const ExtractionWarning: ExtractionWarningResolvers = {
  span: (w) => ({ start: w.start, end: w.end }),
};
