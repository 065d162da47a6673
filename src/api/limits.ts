// API guard: depth, cost, page-size and expensive-field analysis of an operation — a validation rule (depth and
// pages, from literals and defaults) and a check per request with its variables and the graph's prices (costs.ts)
// — so abusive operations are refused before any resolver runs.

import type { ApiCode } from './errors.ts';
import {
  type ArgumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  valueFromASTUntyped,
} from './graphql.ts';

export interface ApiLimits {
  /** Deepest field nesting of an operation (introspection fields excluded). */
  maxDepth: number;
  /** Points per operation (see FIELD_WEIGHT and LIST_SIZE). */
  maxCost: number;
  /** Largest `first`. */
  maxPageSize: number;
  /** Largest `depth` of a lineage. */
  maxLineageDepth: number;
  /** Characters of the query text (variables excluded). */
  maxQueryChars: number;
  /** Bytes of a request body (an ingested text travels in it). */
  maxBodyBytes: number;
  /**
   * Expensive root fields per operation (EXPENSIVE_FIELDS; aliases that page one lineage tree count once). A
   * batch of walks is refused before the first one runs.
   */
  maxExpensiveFields: number;
  /** Milliseconds a request may take before it is stopped with REQUEST_TIMEOUT (0: no limit). */
  maxRequestMs: number;
  /** Cost points a client (remote address) may spend per minute, in a token bucket (0: no rate limit). */
  ratePointsPerMinute: number;
  /** Milliseconds an ingested text may take to extract (on its own thread); past them: EXTRACTION_TIMEOUT. */
  extractTimeoutMs: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxDepth: 12,
  maxCost: 5_000,
  maxPageSize: 100,
  maxLineageDepth: 32,
  maxQueryChars: 20_000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxExpensiveFields: 10,
  maxRequestMs: 5_000,
  ratePointsPerMinute: 60_000,
  extractTimeoutMs: 30_000,
};

/**
 * Root fields that walk the graph or scan a whole list: each costs work that grows with the graph, so an
 * operation may hold only a few (maxExpensiveFields).
 */
export const EXPENSIVE_FIELDS: ReadonlySet<string> = new Set([
  'lineage',
  'chain',
  'coverage',
  'timeliness',
  'subtree',
  'mandates',
  'search',
  'searchPage',
]);

/** A root field as the operation asks for it: its name, response name (alias) and argument values. */
export interface RootField {
  name: string;
  responseName: string;
  args: Readonly<Record<string, unknown>>;
}

/**
 * The price of a root field from the graph (costs.ts): the walks behind it — aliases naming the same walk pay
 * for it once — and the lengths of the lists its answer holds, in place of the assumed ones (LIST_SIZE).
 */
export interface FieldPrice {
  walks: ReadonlyArray<{ key: string; points: number }>;
  /** Length of the field's own list (Query.chain). */
  size?: number;
  /** Lengths of lists beneath it, by `Type.field`. */
  lists?: Readonly<Record<string, number>>;
}

/** null: the field's static price. */
export type Pricing = (field: RootField) => FieldPrice | null;

/**
 * What counts one expensive field: the walk aliases share. Aliases paging the same lineage tree (lineage and
 * subtree with one ref, direction and depth; subtree with one filter) share one walk and one tree; other
 * fields do their work per alias.
 */
export function expensiveKey(f: RootField): string {
  const a = f.args;
  const j = (v: unknown) => JSON.stringify(v ?? null);
  switch (f.name) {
    case 'lineage':
      return `tree|${j(a.ref)}|${j(a.direction)}|${j(a.depth)}|null`;
    case 'subtree':
      return `tree|${j(a.ref)}|${j(a.direction)}|${j(a.depth)}|${j(a.filter)}`;
    case 'chain':
      return `up|${j(a.ref)}`;
    default:
      return `${f.name}|${f.responseName}`;
  }
}

/**
 * Extra points for fields with a store round trip, a file read or an extraction behind them (per parent object);
 * other object fields cost 1, scalars 0.
 */
const FIELD_WEIGHT: Readonly<Record<string, number>> = {
  'Query.lineage': 10,
  'Query.chain': 10,
  'Query.coverage': 10,
  'Query.timeliness': 15,
  'Query.search': 5,
  'Query.searchPage': 5,
  'Query.subtree': 10,
  'Query.mandates': 5,
  'Query.agencies': 3,
  'Query.documents': 3,
  'Query.document': 2,
  'Query.node': 2,
  'Query.agency': 2,
  'Document.text': 5,
  'Document.references': 10,
  'Document.citedBy': 5,
  'Document.referencesPage': 10,
  'Document.citedByPage': 5,
  'Document.tasks': 10,
  'Document.validity': 5,
  'ValidityHint.evidenceText': 5,
  'Agency.mandates': 10,
  'Mandate.chain': 10,
  'Mutation.ingestDocument': 100,
};

/**
 * Assumed sizes of lists without `first` (a connection's `edges` take the connection's `first`, so
 * `nodesPage` / `edgesPage` / `treePage` / `subtree` cost by their page). The full lineage lists are priced at 300
 * items: a national resolution's lineage runs to 12,000 nodes, so a query selecting much under each of them is
 * refused and pages (or `subtree` for a lazy tree) are the way to read big answers.
 */
const LIST_SIZE: Readonly<Record<string, number>> = {
  'Lineage.nodes': 300,
  'Lineage.edges': 300,
  'Lineage.tree': 300,
  'Document.tasks': 30,
  'Document.references': 20,
  'Document.citedBy': 20,
  'Document.validity': 10,
  'Coverage.covered': 63,
  'Coverage.uncovered': 63,
  'CoveredUnit.documents': 3,
  'OutsideUnit.documents': 3,
  'Query.chain': 5,
  'Mandate.chain': 5,
  'Lineage.paths': 5,
  'LineagePath.nodes': 6,
  'LineagePath.steps': 6,
  'LineageStep.edges': 2,
  'TreeEntry.edges': 2,
  'Reference.relations': 2,
};
const DEFAULT_LIST_SIZE = 10;

export interface Analysis {
  depth: number;
  cost: number;
  /** `first` arguments above the cap. */
  oversizePages: Array<{ field: string; first: number }>;
  /** Distinct expensive root fields (expensiveKey). */
  expensive: string[];
  /** Every root field with its argument values, in the order met. */
  roots: RootField[];
}

interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
  maxPageSize: number;
  oversize: Analysis['oversizePages'];
  rootType: GraphQLCompositeType;
  pricing: Pricing | null;
  /** Walks already paid for. */
  paid: Set<string>;
  expensive: Set<string>;
  roots: RootField[];
}

type Sizes = Readonly<Record<string, number>> | null;

function argumentValue(w: Walk, node: ArgumentNode | undefined, fallback: unknown): unknown {
  if (node === undefined) return fallback;
  if (node.value.kind === Kind.VARIABLE) return w.variables[node.value.name.value] ?? fallback;
  return valueFromASTUntyped(node.value, w.variables);
}

function applies(w: Walk, condition: string | undefined, type: GraphQLCompositeType): boolean {
  if (condition === undefined || condition === type.name) return true;
  const cond = w.schema.getType(condition);
  return cond !== undefined && isAbstractType(cond) && isObjectType(type) && w.schema.isSubType(cond, type);
}

function walk(
  w: Walk,
  type: GraphQLCompositeType,
  set: SelectionSetNode,
  edgesPage: number | null,
  spreads: ReadonlySet<string>,
  sizes: Sizes,
): { cost: number; depth: number } {
  if (isAbstractType(type)) {
    // Each concrete type selects its own fields: the costliest one bounds the answer.
    let worst = { cost: 0, depth: 0 };
    for (const t of w.schema.getPossibleTypes(type)) {
      const r = walk(w, t, set, edgesPage, spreads, sizes);
      worst = { cost: Math.max(worst.cost, r.cost), depth: Math.max(worst.depth, r.depth) };
    }
    return worst;
  }
  let cost = 0;
  let depth = 0;
  const fields = type.getFields() as Record<string, GraphQLField<unknown, unknown> | undefined>;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT || sel.kind === Kind.FRAGMENT_SPREAD) {
      const name = sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : null;
      if (name !== null && spreads.has(name)) continue; // a cycle: reported by NoFragmentCyclesRule
      const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : w.fragments.get(sel.name.value);
      if (frag === undefined || !applies(w, frag.typeCondition?.name.value, type)) continue;
      const r = walk(
        w,
        type,
        frag.selectionSet,
        edgesPage,
        name === null ? spreads : new Set([...spreads, name]),
        sizes,
      );
      cost += r.cost;
      depth = Math.max(depth, r.depth);
      continue;
    }
    const fieldName = sel.name.value;
    // Introspection is governed by its own switch; its deep `ofType` nesting is not an abuse of the data.
    if (fieldName.startsWith('__')) continue;
    const def = fields[fieldName];
    if (def === undefined) continue; // an unknown field: reported by FieldsOnCorrectTypeRule
    const key = `${type.name}.${fieldName}`;
    const firstDef = def.args.find((a) => a.name === 'first');
    let page: number | null = null;
    if (firstDef !== undefined) {
      const first = argumentValue(
        w,
        sel.arguments?.find((a) => a.name.value === 'first'),
        firstDef.defaultValue,
      );
      if (typeof first === 'number') {
        if (first > w.maxPageSize) w.oversize.push({ field: key, first });
        page = Math.max(0, Math.min(first, w.maxPageSize));
      }
    }
    let price: FieldPrice | null = null;
    if (type === w.rootType) {
      const args: Record<string, unknown> = {};
      for (const a of def.args)
        args[a.name] = argumentValue(
          w,
          sel.arguments?.find((n) => n.name.value === a.name),
          a.defaultValue,
        );
      const root: RootField = { name: fieldName, responseName: sel.alias?.value ?? fieldName, args };
      w.roots.push(root);
      if (EXPENSIVE_FIELDS.has(fieldName)) w.expensive.add(expensiveKey(root));
      price = w.pricing?.(root) ?? null;
      for (const walked of price?.walks ?? []) {
        if (w.paid.has(walked.key)) continue;
        w.paid.add(walked.key);
        cost += walked.points;
      }
    }
    const named = getNamedType(def.type);
    const childSizes = price?.lists ?? sizes;
    const child =
      sel.selectionSet && isCompositeType(named)
        ? walk(w, named, sel.selectionSet, page, spreads, childSizes)
        : { cost: 0, depth: 0 };
    const own = FIELD_WEIGHT[key] ?? (isLeafType(named) ? 0 : 1);
    const isList = isListType(getNullableType(def.type));
    const times = !isList
      ? 1
      : fieldName === 'edges' && edgesPage !== null
        ? edgesPage
        : (price?.size ?? page ?? sizes?.[key] ?? LIST_SIZE[key] ?? DEFAULT_LIST_SIZE);
    // Every object of a list counts at least one point, so nested lists compound.
    cost += own + times * (isCompositeType(named) ? Math.max(1, child.cost) : 0);
    depth = Math.max(depth, 1 + child.depth);
  }
  return { cost, depth };
}

/**
 * Depth, cost and oversize pages of one operation, with the given variables (null: defaults only); root fields
 * priced by `pricing` where it has a price (the graph's), else statically (FIELD_WEIGHT, LIST_SIZE).
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null,
  maxPageSize: number,
  pricing: Pricing | null = null,
): Analysis {
  const defaults: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue !== undefined) defaults[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  }
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return { depth: 0, cost: 0, oversizePages: [], expensive: [], roots: [] };
  const w: Walk = {
    schema,
    fragments,
    variables: { ...defaults, ...(variables ?? {}) },
    maxPageSize,
    oversize: [],
    rootType: root,
    pricing,
    paid: new Set(),
    expensive: new Set(),
    roots: [],
  };
  const r = walk(w, root, operation.selectionSet, null, new Set(), null);
  return {
    depth: r.depth,
    cost: r.cost,
    oversizePages: w.oversize,
    expensive: [...w.expensive],
    roots: w.roots,
  };
}

/** Every limit an analysis breaks, each with its code. */
export function limitViolations(
  a: Analysis,
  limits: ApiLimits,
): Array<{ code: ApiCode; message: string; extensions: Record<string, unknown> }> {
  const out: Array<{ code: ApiCode; message: string; extensions: Record<string, unknown> }> = [];
  if (a.depth > limits.maxDepth)
    out.push({
      code: 'DEPTH_LIMIT_EXCEEDED',
      message: `the operation nests ${a.depth} levels; at most ${limits.maxDepth} are allowed`,
      extensions: { depth: a.depth, maxDepth: limits.maxDepth },
    });
  for (const p of a.oversizePages)
    out.push({
      code: 'PAGE_SIZE_LIMIT_EXCEEDED',
      message: `${p.field}: first is at most ${limits.maxPageSize}, got ${p.first}`,
      extensions: { field: p.field, first: p.first, maxPageSize: limits.maxPageSize },
    });
  if (a.expensive.length > limits.maxExpensiveFields)
    out.push({
      code: 'EXPENSIVE_FIELDS_LIMIT_EXCEEDED',
      message: `the operation asks for ${a.expensive.length} expensive fields (${[...EXPENSIVE_FIELDS].join(', ')}; aliases paging one lineage tree count once); at most ${limits.maxExpensiveFields} are allowed`,
      extensions: { expensiveFields: a.expensive.length, maxExpensiveFields: limits.maxExpensiveFields },
    });
  if (a.cost > limits.maxCost)
    out.push({
      code: 'COST_LIMIT_EXCEEDED',
      message: `the operation costs ${a.cost} points; at most ${limits.maxCost} are allowed (fewer items per page or fewer nested lists)`,
      extensions: { cost: a.cost, maxCost: limits.maxCost },
    });
  return out;
}

export function fragmentsOf(definitions: readonly { kind: Kind }[]): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) {
      const f = d as FragmentDefinitionNode;
      out.set(f.name.value, f);
    }
  }
  return out;
}

/** The limits a query text alone decides (the validation rule); cost and expensive fields need the request. */
const SHAPE_CODES: ReadonlySet<ApiCode> = new Set(['DEPTH_LIMIT_EXCEEDED', 'PAGE_SIZE_LIMIT_EXCEEDED']);

/**
 * Validation rule: runs once per distinct query text (Apollo caches validated documents), with literal and
 * default arguments: depth and page sizes. Cost and expensive fields are checked per request, with the
 * variables and the graph's bounds (costs.ts), before any resolver runs.
 */
export function limitsRule(limits: ApiLimits): ValidationRule {
  return (context) => ({
    Document: {
      leave(doc) {
        const fragments = fragmentsOf(doc.definitions);
        for (const d of doc.definitions) {
          if (d.kind !== Kind.OPERATION_DEFINITION) continue;
          const analysis = analyzeOperation(context.getSchema(), fragments, d, null, limits.maxPageSize);
          for (const v of limitViolations(analysis, limits))
            if (SHAPE_CODES.has(v.code))
              context.reportError(
                new GraphQLError(v.message, { nodes: d, extensions: { code: v.code, ...v.extensions } }),
              );
        }
      },
    },
  });
}
