// API resolvers: the Query root — validate arguments, call the port through the request's loaders, shape answers.
import {
  documentIdKeys,
  foldText,
  jurisdictionKey,
  type DocumentFilter as ModelFilter,
  searchTokens,
} from '../../model/graph.ts';
import { coverageUnits } from '../../query/coverage-units.ts';
import { isStoreError } from '../../store/graph-store.ts';
import { checkBudget } from '../budget.ts';
import {
  arrayList,
  decodeCursor,
  encodeCursor,
  keysetPage,
  pageInfo,
  pageSize,
  positionalPage,
} from '../connection.ts';
import type { ApiContext } from '../context.ts';
import { apiError } from '../errors.ts';
import type { Direction, DocumentFilter, QueryResolvers } from '../generated/resolver-types.ts';
import { filterMatchesInSlices, lineageTreeInSlices, treeCriteria } from '../lineage-index.ts';
import { MANDATE_PREFIX } from '../mandate-key.ts';
import { mandateById, mandateConnection } from '../mandates.ts';
import type { LineageView, TreeEntryView } from '../mappers.ts';
import { searchAll, searchEvery } from '../search.ts';
import { timelinessOf } from '../timeliness.ts';
import { downView, upView } from '../views.ts';
import { lineageIdentity } from './graph.ts';

const DEFAULT_PAGE = 20;

/** The shape of a document, task or agency id (model/graph.ts): "doc:<key>@<place>@<when>", then "#<task key>"; "agency:<name>@<place>". */
function isNodeId(id: string): boolean {
  if (/^agency:[^@\s]+@[^@\s]+$/.test(id)) return true;
  const hash = id.indexOf('#');
  if (hash < 0) return documentIdKeys(id) !== null;
  return documentIdKeys(id.slice(0, hash)) !== null && id.slice(hash + 1).trim().length > 0;
}

async function documentRef(ctx: ApiContext, ref: string) {
  const node = await ctx.loaders.ref.load(ref);
  if (node.kind !== 'DOCUMENT')
    throw apiError('BAD_USER_INPUT', `"${ref}" names a ${node.kind.toLowerCase()}, not a document`);
  return node;
}

function modelFilter(f: DocumentFilter | null | undefined): ModelFilter {
  if (!f) return {};
  if (f.central === true && typeof f.issuerJurisdiction === 'string')
    throw apiError('BAD_USER_INPUT', 'give issuerJurisdiction or central, not both');
  const out: ModelFilter = {};
  if (f.type) out.type = f.type;
  if (f.status) out.status = f.status;
  if (f.level) out.level = f.level;
  if (f.branch) out.branch = f.branch;
  if (typeof f.year === 'number') out.year = f.year;
  if (typeof f.issuerJurisdiction === 'string') out.issuerJurisdiction = f.issuerJurisdiction;
  if (f.central === true) out.issuerJurisdiction = null;
  return out;
}

async function lineageView(
  ctx: ApiContext,
  ref: string,
  direction: Direction | null | undefined,
  depth: number | null | undefined,
): Promise<LineageView> {
  const d = depth ?? 10;
  const max = ctx.services.limits.maxLineageDepth;
  if (!Number.isInteger(d) || d < 1 || d > max)
    throw apiError('BAD_USER_INPUT', `depth must be a whole number from 1 to ${max}, got ${d}`);
  const root = await ctx.loaders.ref.load(ref);
  if (direction === 'UP') return upView(await ctx.loaders.chain.load(root.id), d);
  return downView(await ctx.loaders.lineageOf(root.id, d));
}

export const Query: QueryResolvers = {
  document: (_root, { ref }, ctx) => documentRef(ctx, ref),

  node: async (_root, { id }, ctx) => {
    if (id.startsWith(MANDATE_PREFIX)) return mandateById(ctx, id);
    if (!isNodeId(id))
      throw apiError(
        'BAD_USER_INPUT',
        `id: "${id}" is not a node id ("doc:…", "doc:…#key", "agency:…" or "mandate:…")`,
        { field: 'id' },
      );
    try {
      return await ctx.loaders.node.load(id);
    } catch (error) {
      // A well-formed id that names nothing (any more) is an empty answer, not an error.
      if (isStoreError(error, 'NOT_FOUND')) return null;
      throw error;
    }
  },

  documents: async (_root, { filter, first, after }, ctx) => {
    const limit = pageSize(first, DEFAULT_PAGE, ctx.services.limits.maxPageSize);
    const afterId = decodeCursor('doc', after);
    // The store pages by at least one: `first: 0` asks for one to learn whether any follows, and shows none.
    const page = await ctx.store.listDocuments(modelFilter(filter), {
      limit: Math.max(limit, 1),
      after: afterId,
    });
    const items = page.items.slice(0, limit);
    ctx.loaders.remember(items);
    const edges = items.map((node) => ({ cursor: encodeCursor('doc', node.id), node }));
    const more = limit === 0 ? page.items.length > 0 : page.next !== null;
    return { edges, pageInfo: pageInfo(edges, more, afterId !== null), totalCount: page.total };
  },

  lineage: (_root, { ref, direction, depth }, ctx) => lineageView(ctx, ref, direction, depth),

  subtree: async (_root, { ref, direction, depth, parent, filter, first, after }, ctx) => {
    const n = pageSize(first, 100, ctx.services.limits.maxPageSize);
    const criteria = treeCriteria(filter);
    const view = await lineageView(ctx, ref, direction, depth);
    // Tree, filter matches and children lists are computed once per answer (lineage-index.ts), in slices that
    // let the event loop run: a page costs the parent's children at most (filtering them), never a walk of the tree.
    const tree = await lineageTreeInSlices(view);
    checkBudget(ctx.budget);
    const fm = criteria === null ? null : await filterMatchesInSlices(tree, criteria);
    checkBudget(ctx.budget);
    const kept = (i: number) => fm === null || fm.matches[i] === 1 || (fm.descendantMatches[i] as number) > 0;
    let indices: ArrayLike<number>;
    if (parent === null || parent === undefined) indices = tree.entries.length > 0 && kept(0) ? [0] : [];
    else {
      const p = tree.expanded.get(parent);
      if (p === undefined)
        throw apiError('NOT_FOUND', `parent: ${parent} is not a node of this tree`, { argument: 'parent' });
      const all = tree.childList.subarray(tree.childStart[p], tree.childStart[p + 1]);
      indices = fm === null ? all : all.filter(kept);
    }
    const at = (k: number): TreeEntryView => {
      const i = indices[k] as number;
      const e = tree.entries[i] as TreeEntryView;
      return fm === null
        ? e
        : { ...e, matches: fm.matches[i] === 1, descendantMatches: fm.descendantMatches[i] as number };
    };
    return positionalPage(
      {
        kind: 'subtree',
        identity: `${lineageIdentity(view)}|${parent ?? ''}|${criteria === null ? '' : JSON.stringify(criteria)}`,
        length: indices.length,
        at,
        keyOf: (e) => e.node.id,
      },
      n,
      after,
    );
  },

  chain: async (_root, { ref }, ctx) => {
    const start = await ctx.loaders.ref.load(ref);
    return (await ctx.loaders.chain.load(start.id)).paths;
  },

  agency: async (_root, { id }, ctx) => {
    const node = await ctx.loaders.node.load(id);
    if (node.kind !== 'AGENCY')
      throw apiError('BAD_USER_INPUT', `${id} is a ${node.kind.toLowerCase()}, not an agency`);
    return node;
  },

  agencies: async (_root, { filter, first, after }, ctx) => {
    const limit = pageSize(first, DEFAULT_PAGE, ctx.services.limits.maxPageSize);
    const tokens = typeof filter?.text === 'string' ? searchTokens(filter.text) : [];
    if (typeof filter?.text === 'string' && tokens.length === 0)
      throw apiError('BAD_USER_INPUT', 'text has no words');
    const j = filter?.jurisdiction;
    if (typeof j === 'string' && foldText(j).length === 0)
      throw apiError('BAD_USER_INPUT', 'jurisdiction has no words');
    const place = typeof j === 'string' ? jurisdictionKey(j) : null;
    const snapshot = await ctx.services.catalog.snapshot();
    const items = snapshot.agencies.filter(
      (a) =>
        tokens.every((t) => a.searchText.includes(` ${t}`)) &&
        (place === null || jurisdictionKey(a.jurisdiction) === place) &&
        (!filter?.level || a.level === filter.level),
    );
    const page = keysetPage(items, (a) => a.id, 'agency', limit, after);
    ctx.loaders.remember(page.edges.map((e) => e.node));
    return page;
  },

  mandates: (_root, { filter, first, after }, ctx) => mandateConnection(ctx, filter, first, after, null),

  search: (_root, { text, first, kinds, filter }, ctx) =>
    searchAll(ctx, text, pageSize(first, DEFAULT_PAGE, ctx.services.limits.maxPageSize), kinds, filter),

  searchPage: async (_root, { text, kinds, filter, first, after }, ctx) => {
    const n = pageSize(first, DEFAULT_PAGE, ctx.services.limits.maxPageSize);
    const { identity, hits } = await searchEvery(ctx, text, kinds, filter);
    const page = positionalPage(
      arrayList('search', identity, hits, (h) => h.id),
      n,
      after,
    );
    ctx.loaders.remember(page.edges.map((e) => e.node));
    return page;
  },

  timeliness: async (_root, { ref, level, era, province, asOf }, ctx) =>
    timelinessOf(ctx, await documentRef(ctx, ref), level, era, province, asOf),

  coverage: async (_root, { ref, level, era, province }, ctx) => {
    const root = await documentRef(ctx, ref);
    const { units, era: used } = coverageUnits(level, root, era, province);
    const c = await ctx.loaders.walk(() => ctx.store.coverage(root.id, level, units));
    return {
      root: c.root,
      level: c.level,
      era: used,
      unitCount: units.length,
      covered: c.covered.map((u) => ({ ...u, rootId: root.id })),
      uncovered: c.uncovered,
      outside: c.outside.map((o) => ({ ...o, rootId: root.id })),
    };
  },
};
