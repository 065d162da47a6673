// API resolvers: edges with provenance, lineage answers (entries, trees, paths) and references.
import type { GraphNode } from '../../model/graph.ts';
import { checkBudget } from '../budget.ts';
import { arrayList, pageSize, positionalPage } from '../connection.ts';
import type { ApiContext } from '../context.ts';
import { apiError } from '../errors.ts';
import type {
  ExtractionWarningResolvers,
  GraphEdgeResolvers,
  LineageResolvers,
  LineageStepResolvers,
  ReferenceResolvers,
  TreeEntryResolvers,
} from '../generated/resolver-types.ts';
import { lineageTreeInSlices } from '../lineage-index.ts';
import type { LineageView } from '../mappers.ts';

const PAGE = 100;
/** What a lineage answer is the answer to: the identity its page cursors carry. */
export const lineageIdentity = (l: LineageView) => `${l.root.id}|${l.direction}|${l.depth}`;
const size = (first: number | null | undefined, ctx: ApiContext) =>
  pageSize(first, PAGE, ctx.services.limits.maxPageSize);

export const GraphEdge: GraphEdgeResolvers = {
  fromId: (e) => e.from,
  toId: (e) => e.to,
  from: (e, _args, ctx) => ctx.loaders.node.load(e.from),
  to: (e, _args, ctx) => ctx.loaders.node.load(e.to),
  role: (e) => (e.type === 'ASSIGNS' ? e.role : null),
  basis: (e) => (e.type === 'CITES' ? e.basis : null),
};

/** The view's tree, built in slices the first time (the event loop runs meanwhile), then memoized. */
async function treeOf(l: LineageView, ctx: ApiContext) {
  const tree = await lineageTreeInSlices(l);
  checkBudget(ctx.budget);
  return tree;
}

// The tree is built once per store answer (lineage-index.ts); pages read it by position.
export const Lineage: LineageResolvers = {
  tree: async (l, _args, ctx) => (await treeOf(l, ctx)).entries,
  nodeCount: (l) => l.nodes.length,
  edgeCount: (l) => l.edges.length,
  treeSize: async (l, _args, ctx) => (await treeOf(l, ctx)).entries.length,
  nodesPage: (l, { first, after }, ctx) =>
    positionalPage(
      arrayList('lineage-node', lineageIdentity(l), l.nodes, (e) => e.node.id),
      size(first, ctx),
      after,
    ),
  edgesPage: (l, { first, after }, ctx) =>
    positionalPage(
      arrayList('lineage-edge', lineageIdentity(l), l.edges, (e) => e.id),
      size(first, ctx),
      after,
    ),
  treePage: async (l, { first, after }, ctx) =>
    positionalPage(
      arrayList('tree', lineageIdentity(l), (await treeOf(l, ctx)).entries, (e) => e.node.id),
      size(first, ctx),
      after,
    ),
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
