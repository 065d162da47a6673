// API resolvers: documents, tasks and agencies (and the Node / SearchHit abstractions over them).
import type { GraphNode } from '../../model/graph.ts';
import { nodeName } from '../../query/views.ts';
import { deadlineOf } from '../deadlines.ts';
import { apiError } from '../errors.ts';
import type {
  AgencyResolvers,
  DocumentResolvers,
  NodeResolvers,
  SearchHitResolvers,
  TaskResolvers,
} from '../generated/resolver-types.ts';
import { mandateConnection } from '../mandates.ts';
import { buildReferences } from '../references.ts';

const TYPE_NAME = { DOCUMENT: 'Document', TASK: 'Task', AGENCY: 'Agency' } as const;
const resolveType = (n: GraphNode) => TYPE_NAME[n.kind];

export const Node: NodeResolvers = { __resolveType: resolveType };
export const SearchHit: SearchHitResolvers = { __resolveType: resolveType };

export const Document: DocumentResolvers = {
  name: (d) => nodeName(d),
  date: (d) => d.dateValue,
  text: (d, _args, ctx) => ctx.services.texts.textOf(d),
  references: async (d, _args, ctx) => {
    const [out, text] = await Promise.all([
      ctx.loaders.citationsOf(d.id, 'OUT'),
      ctx.services.texts.textOf(d),
    ]);
    return buildReferences(d, out, text, ctx.services.extractions);
  },
  citedBy: async (d, _args, ctx) => (await ctx.loaders.citationsOf(d.id, 'IN')).citations,
  tasks: async (d, _args, ctx) => {
    // Depth 1 is the smallest lineage holding the document's tasks (the port has no per-document task list).
    const l = await ctx.loaders.lineageOf(d.id, 1);
    return l.nodes
      .filter((n) => n.kind === 'TASK' && n.documentId === d.id)
      .sort((a, b) =>
        a.kind === 'TASK' && b.kind === 'TASK' ? a.key.localeCompare(b.key, 'vi', { numeric: true }) : 0,
      )
      .flatMap((n) => (n.kind === 'TASK' ? [n] : []));
  },
};

export const Task: TaskResolvers = {
  name: (t) => nodeName(t),
  deadline: (t) => deadlineOf(t),
  document: async (t, _args, ctx) => {
    const n = await ctx.loaders.node.load(t.documentId);
    if (n.kind !== 'DOCUMENT') throw apiError('NOT_FOUND', `no document ${t.documentId}`);
    return n;
  },
};

export const Agency: AgencyResolvers = {
  name: (a) => nodeName(a),
  mandates: (a, { filter, first, after }, ctx) => mandateConnection(ctx, filter, first, after, a.id),
};
