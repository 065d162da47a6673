// API costs that follow the graph: before an operation runs, its walks (lineage, subtree, chain, coverage,
// mandates) are priced by what their answers can hold, read off the store's index (WalkBounds) for the refs and
// depths the request names — a lineage of a leaf costs a few points, one of a national resolution hundreds —
// with the static estimate (limits.ts) where the store has no index (Neo4j, POLICY_GRAPH_MEMORY=off).
import type { GraphNode } from '../model/graph.ts';
import type { WalkBounds } from '../store/graph-store.ts';
import { checkBudget } from './budget.ts';
import type { ApiContext } from './context.ts';
import { apiError } from './errors.ts';
import type { GraphQLSchema, Kind, OperationDefinitionNode } from './graphql.ts';
import {
  type Analysis,
  type ApiLimits,
  analyzeOperation,
  type FieldPrice,
  fragmentsOf,
  limitViolations,
  type Pricing,
  type RootField,
} from './limits.ts';

/** Items of a walk per cost point: a lineage of 30,000 items costs 150 points besides the lists it returns. */
export const ITEMS_PER_POINT = 200;

/** Root fields priced by the graph where the store has bounds. */
const GRAPH_PRICED: ReadonlySet<string> = new Set([
  'lineage',
  'subtree',
  'chain',
  'coverage',
  'timeliness',
  'mandates',
]);

const points = (items: number) => Math.ceil(items / ITEMS_PER_POINT);

/** What a ref names for pricing: a node, or nothing (the field will fail on it and walk nothing). */
type Resolved = ReadonlyMap<string, GraphNode | null>;

/** The refs the graph-priced root fields name (`ref`, a mandate filter's `document` and `under`). */
function refsOf(roots: readonly RootField[]): string[] {
  const refs = new Set<string>();
  for (const r of roots) {
    if (!GRAPH_PRICED.has(r.name)) continue;
    if (typeof r.args.ref === 'string') refs.add(r.args.ref);
    const f = r.args.filter as Record<string, unknown> | null | undefined;
    if (r.name === 'mandates' && f && typeof f === 'object') {
      if (typeof f.document === 'string') refs.add(f.document);
      if (typeof f.under === 'string') refs.add(f.under);
    }
  }
  return [...refs];
}

/** Each ref through the request's loader (the resolvers reuse the answer); one that fails prices as nothing. */
async function resolveRefs(ctx: ApiContext, refs: readonly string[]): Promise<Resolved> {
  const out = new Map<string, GraphNode | null>();
  const settled = await Promise.allSettled(refs.map((r) => ctx.loaders.ref.load(r)));
  refs.forEach((ref, i) => {
    const s = settled[i];
    out.set(ref, s?.status === 'fulfilled' ? s.value : null);
  });
  return out;
}

/** Nothing to walk: the field fails (unknown ref, bad depth) before any work. */
const FAILS: FieldPrice = {
  walks: [],
  size: 0,
  lists: { 'Lineage.nodes': 0, 'Lineage.edges': 0, 'Lineage.tree': 0, 'Lineage.paths': 0 },
};

function depthOf(args: Readonly<Record<string, unknown>>, max: number): number | null {
  const d = args.depth ?? 10;
  return typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= max ? d : null;
}

/** The price of each graph-priced root field, from the bounds and the resolved refs. */
export function graphPricing(bounds: WalkBounds, resolved: Resolved, limits: ApiLimits): Pricing {
  const nodeOf = (ref: unknown) => (typeof ref === 'string' ? (resolved.get(ref) ?? null) : null);
  const down = (node: GraphNode, depth: number) => bounds.down(node.id, depth) ?? bounds.total;
  const up = (node: GraphNode) => bounds.up(node.id) ?? { paths: bounds.total, items: bounds.total };

  /** A lineage view (lineage, subtree): its walk and tree, and what its lists can hold. */
  const view = (f: RootField): { price: FieldPrice; key: string; items: number } | null => {
    const node = nodeOf(f.args.ref);
    const depth = depthOf(f.args, limits.maxLineageDepth);
    if (node === null || depth === null) return null;
    const dir = f.args.direction === 'UP' ? 'UP' : 'DOWN';
    const b = dir === 'UP' ? up(node) : { paths: 0, items: down(node, depth) };
    const key = `tree|${node.id}|${dir}|${depth}`;
    return {
      key,
      items: b.items,
      price: {
        walks: [{ key, points: points(b.items) }],
        lists: {
          'Lineage.nodes': b.items,
          'Lineage.edges': b.items,
          'Lineage.tree': b.items,
          'Lineage.paths': b.paths,
        },
      },
    };
  };

  return (f) => {
    switch (f.name) {
      case 'lineage':
        return view(f)?.price ?? FAILS;
      case 'subtree': {
        const v = view(f);
        if (v === null) return FAILS;
        // A filter judges every entry of the tree once (memoized per tree and filter).
        const filter = f.args.filter;
        const walks = [...v.price.walks];
        if (filter !== null && filter !== undefined && typeof filter === 'object')
          walks.push({ key: `${v.key}|${JSON.stringify(filter)}`, points: points(v.items) });
        return { walks };
      }
      case 'chain': {
        const node = nodeOf(f.args.ref);
        if (node === null) return FAILS;
        const b = up(node);
        return { walks: [{ key: `up|${node.id}`, points: points(b.items) }], size: b.paths };
      }
      // Timeliness is a coverage with the root's text extracted once more.
      case 'timeliness':
      case 'coverage': {
        const node = nodeOf(f.args.ref);
        if (node === null) return FAILS;
        const docs = bounds.implementers(node.id) ?? bounds.total;
        return { walks: [{ key: `coverage|${f.responseName}`, points: points(docs) }] };
      }
      case 'mandates': {
        const filter = (f.args.filter ?? {}) as Record<string, unknown>;
        const walks: Array<{ key: string; points: number }> = [];
        let scope = 0;
        let scoped = false;
        if (typeof filter.agency === 'string') {
          scoped = true;
          scope += bounds.agencyAssignments(filter.agency) ?? 0;
        }
        for (const [name, depth] of [
          ['document', 1],
          ['under', limits.maxLineageDepth],
        ] as const) {
          const ref = filter[name];
          if (typeof ref !== 'string') continue;
          scoped = true;
          const node = nodeOf(ref);
          if (node === null) continue;
          const items = down(node, depth);
          // The same lineage a `lineage` field of that depth walks (the request's loader shares it).
          walks.push({ key: `tree|${node.id}|DOWN|${depth}`, points: points(items) });
          scope += items;
        }
        // Unscoped: every assignment of the graph, filtered per alias.
        if (!scoped) scope = bounds.assignments;
        walks.push({ key: `mandates|${f.responseName}`, points: points(scope) });
        return { walks };
      }
      default:
        return null;
    }
  };
}

/** What checkOperation found: the cost the rate limit charges, and whether the graph priced it. */
export interface CostVerdict {
  cost: number;
  graphAware: boolean;
  analysis: Analysis;
}

type Violation = ReturnType<typeof limitViolations>[number];

/** A limit broken, refused before any resolver runs. */
export class LimitRefusal extends Error {
  constructor(readonly violation: Violation) {
    super(violation.message);
  }
}

/**
 * Every limit of an operation with the request's variables, before any resolver runs: depth, pages and
 * expensive fields from the operation alone (nothing asked of the store), then the cost — from the graph's
 * bounds where the store has them (refs resolved through the request's loader), else statically.
 */
export async function checkOperation(options: {
  schema: GraphQLSchema;
  document: { definitions: readonly { kind: Kind }[] };
  operation: OperationDefinitionNode;
  variables: Readonly<Record<string, unknown>>;
  limits: ApiLimits;
  ctx: ApiContext;
}): Promise<CostVerdict> {
  const { schema, operation, variables, limits, ctx } = options;
  const fragments = fragmentsOf(options.document.definitions);
  const analyze = (pricing: Pricing | null) =>
    analyzeOperation(schema, fragments, operation, variables, limits.maxPageSize, pricing);
  const statically = analyze(null);
  const [shape] = limitViolations(statically, limits).filter((v) => v.code !== 'COST_LIMIT_EXCEEDED');
  if (shape) throw new LimitRefusal(shape);
  let verdict: CostVerdict = { cost: statically.cost, graphAware: false, analysis: statically };
  if (statically.roots.some((r) => GRAPH_PRICED.has(r.name))) {
    const bounds = (await ctx.store.walkBounds?.()) ?? null;
    if (bounds !== null) {
      const resolved = await resolveRefs(ctx, refsOf(statically.roots));
      checkBudget(ctx.budget);
      const priced = analyze(graphPricing(bounds, resolved, limits));
      verdict = { cost: priced.cost, graphAware: true, analysis: priced };
    }
  }
  if (verdict.cost > limits.maxCost) {
    const [over] = limitViolations(verdict.analysis, limits).filter((v) => v.code === 'COST_LIMIT_EXCEEDED');
    if (over)
      throw new LimitRefusal({
        ...over,
        message: verdict.graphAware
          ? `${over.message}; lineage lists and walks are priced by what the graph holds under the ref at that depth`
          : over.message,
        extensions: { ...over.extensions, graphAware: verdict.graphAware },
      });
  }
  return verdict;
}

/** The error of a refusal. */
export function refusalError(r: LimitRefusal) {
  return apiError(r.violation.code, r.violation.message, r.violation.extensions);
}
