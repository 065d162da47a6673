// API resolvers: documents, tasks and agencies (and the Node / SearchHit abstractions over them).
import { type DocumentNode, type GraphNode, isValidityType } from '../../model/graph.ts';
import { nodeName } from '../../query/views.ts';
import { arrayList, pageSize, positionalPage } from '../connection.ts';
import type { ApiContext } from '../context.ts';
import { deadlineOf } from '../deadlines.ts';
import { apiError } from '../errors.ts';
import type {
  AgencyResolvers,
  DocumentResolvers,
  NodeResolvers,
  SearchHitResolvers,
  TaskResolvers,
  ValidityHintResolvers,
} from '../generated/resolver-types.ts';
import { parseIdentityNote } from '../identity-notes.ts';
import { mandateConnection } from '../mandates.ts';
import type { MandateView, ReferenceView, ValidityHintView } from '../mappers.ts';
import { buildReferences } from '../references.ts';

async function referencesOf(d: DocumentNode, ctx: ApiContext): Promise<ReferenceView[]> {
  const [out, text] = await Promise.all([ctx.loaders.citationsOf(d.id, 'OUT'), ctx.services.texts.textOf(d)]);
  return buildReferences(d, out, text, ctx.services.extractions);
}

const VALIDITY_ORDER = ['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES'];

/** The document's validity hints in one direction, ordered by relation then edge id (the store sorts by edge id). */
async function validityOf(
  d: DocumentNode,
  direction: 'IN' | 'OUT',
  ctx: ApiContext,
): Promise<ValidityHintView[]> {
  const { citations } = await ctx.loaders.validityOf(d.id, direction);
  const hints: ValidityHintView[] = [];
  for (const { edge, node } of citations) {
    // Validity edges join documents only (EDGE_ENDPOINTS); anything else is not a hint.
    if (!isValidityType(edge.type) || node.kind !== 'DOCUMENT') continue;
    hints.push({ relation: edge.type, direction, document: node, edge });
  }
  return hints.sort((a, b) => VALIDITY_ORDER.indexOf(a.relation) - VALIDITY_ORDER.indexOf(b.relation));
}

/** A reference's key in its cursor: the target, or for an unresolved mention its printed form and first offset. */
const referenceKey = (r: ReferenceView) =>
  r.targetId ?? `~${r.symbol ?? r.name ?? ''}@${r.mentions[0]?.start ?? ''}`;

const size = (first: number | null | undefined, ctx: ApiContext) =>
  pageSize(first, 100, ctx.services.limits.maxPageSize);

const TYPE_NAME = { DOCUMENT: 'Document', TASK: 'Task', AGENCY: 'Agency' } as const;

/** A mandate is a Node (kind MANDATE) but never a search hit. */
export const Node: NodeResolvers = {
  __resolveType: (n: GraphNode | MandateView) => (n.kind === 'MANDATE' ? 'Mandate' : TYPE_NAME[n.kind]),
};
export const SearchHit: SearchHitResolvers = { __resolveType: (n: GraphNode) => TYPE_NAME[n.kind] };

export const Document: DocumentResolvers = {
  name: (d) => nodeName(d),
  date: (d) => d.dateValue,
  identityNotes: (d) => d.identityNotes.map(parseIdentityNote),
  text: (d, _args, ctx) => ctx.services.texts.textOf(d),
  references: (d, _args, ctx) => referencesOf(d, ctx),
  citedBy: async (d, _args, ctx) => (await ctx.loaders.citationsOf(d.id, 'IN')).citations,
  referencesPage: async (d, { first, after }, ctx) => {
    const n = size(first, ctx);
    return positionalPage(arrayList('reference', d.id, await referencesOf(d, ctx), referenceKey), n, after);
  },
  citedByPage: async (d, { first, after }, ctx) => {
    const n = size(first, ctx);
    const { citations } = await ctx.loaders.citationsOf(d.id, 'IN');
    return positionalPage(
      arrayList('citation', d.id, citations, (c) => c.edge.id),
      n,
      after,
    );
  },
  validity: async (d, { direction, relation }, ctx) => {
    const directions = direction ? [direction] : (['IN', 'OUT'] as const);
    const hints = (await Promise.all(directions.map((dir) => validityOf(d, dir, ctx)))).flat();
    return relation ? hints.filter((h) => h.relation === relation) : hints;
  },
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

export const ValidityHint: ValidityHintResolvers = {
  provenance: (h) => h.edge.provenance,
  evidenceText: async (h, _args, ctx) => {
    // The asserting document is one end of the edge: the document asked about (OUT) or the other one (IN).
    const asserting = await ctx.loaders.node.load(h.edge.provenance.assertedBy);
    if (asserting.kind !== 'DOCUMENT') return null;
    const text = await ctx.services.texts.textOf(asserting);
    const { start, end } = h.edge.provenance.evidence;
    return text !== null && end <= text.length ? text.slice(start, end) : null;
  },
};
