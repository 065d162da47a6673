// API lineage answers made once and reused: the tree of a lineage view (pre-order, child and subtree counts,
// children lists), the matches of a subtree filter on it, and a node index for the request loaders.
//
// Everything here is memoized on the object it is computed from (WeakMaps): a view is memoized on the store's
// answer (views.ts), the tree on the view, a filter's matches on the tree. The store's answers are what the
// answer cache (answer-cache.ts) keeps, so these live exactly as long as the cached answer: a write clears the
// answer cache, the next request gets a new answer object from the store and everything is computed afresh
// (once); an expired answer is replaced by a refreshed one the same way. Without an answer cache every request
// has its own answer objects and computes its own tree (still once per request, however many pages it asks for).
import { findProvince, geoKey, provinceKeysOf } from '../gazetteer/geo.ts';
import { typeOfCode } from '../lexicon/lexicon.ts';
import { foldText, type GraphNode, searchTokens } from '../model/graph.ts';
import { nodeName } from '../query/views.ts';
import { drain, drainInSlices, type Steps } from './budget.ts';
import { apiError } from './errors.ts';
import type { TreeFilter } from './generated/resolver-types.ts';
import type { LineageView, TreeEntryView } from './mappers.ts';
import { chainUpTree, chainUpTreeSteps, lineageDownTree, lineageDownTreeSteps, type Tree } from './tree.ts';

const trees = new WeakMap<LineageView, Tree>();
const building = new WeakMap<LineageView, Promise<Tree>>();

/** The view's tree (the `tree` field): DOWN without a depth cut (the lineage is cut already), UP to `depth`. */
export function lineageTree(view: LineageView): Tree {
  let tree = trees.get(view);
  if (tree === undefined) {
    tree =
      view.answer.direction === 'DOWN'
        ? lineageDownTree(view.answer.lineage, Number.POSITIVE_INFINITY)
        : chainUpTree(view.answer.chain, view.depth);
    trees.set(view, tree);
  }
  return tree;
}

/**
 * The same tree (the same object, memoized alike), built a slice at a time with the event loop free in between.
 * Concurrent callers share one build.
 */
export function lineageTreeInSlices(view: LineageView): Promise<Tree> {
  const known = trees.get(view);
  if (known !== undefined) return Promise.resolve(known);
  let pending = building.get(view);
  if (pending === undefined) {
    const steps =
      view.answer.direction === 'DOWN'
        ? lineageDownTreeSteps(view.answer.lineage, Number.POSITIVE_INFINITY)
        : chainUpTreeSteps(view.answer.chain, view.depth);
    pending = drainInSlices(steps)
      .then((tree) => {
        const first = trees.get(view) ?? tree;
        trees.set(view, first);
        return first;
      })
      .finally(() => building.delete(view));
    building.set(view, pending);
  }
  return pending;
}

const nodeIndexes = new WeakMap<object, ReadonlyMap<string, GraphNode>>();

/** Nodes by id of a store answer, built once per answer object. */
export function nodeIndex(answer: object, nodes: () => Iterable<GraphNode>): ReadonlyMap<string, GraphNode> {
  let index = nodeIndexes.get(answer);
  if (index === undefined) {
    const map = new Map<string, GraphNode>();
    for (const n of nodes()) if (!map.has(n.id)) map.set(n.id, n);
    index = map;
    nodeIndexes.set(answer, index);
  }
  return index;
}

// ------------------------------------------------------------------------------------------------
// Subtree filters
// ------------------------------------------------------------------------------------------------

export interface FilterMatches {
  /** 1 where the entry itself matches. */
  matches: Uint8Array;
  /** Matching entries in each entry's subtree, itself excluded. */
  descendantMatches: Int32Array;
}

/** A filter with its values checked and normalized (also its cache key). */
interface Criteria {
  province: string | null;
  level: string | null;
  type: string | null;
  /** The type code as given (for documents without a symbol, judged by their type). */
  typeAsGiven: string | null;
  tokens: readonly string[];
}

const FILTERS_PER_TREE = 32;
const filtered = new WeakMap<Tree, Map<string, FilterMatches>>();

/** Null without a criterion (an empty filter is no filter). */
export function treeCriteria(filter: TreeFilter | null | undefined): Criteria | null {
  if (!filter) return null;
  const province = typeof filter.province === 'string' ? provinceCriterion(filter.province) : null;
  const type = typeof filter.type === 'string' ? typeCriterion(filter.type) : null;
  const tokens = typeof filter.text === 'string' ? searchTokens(filter.text) : [];
  if (typeof filter.text === 'string' && tokens.length === 0)
    throw apiError('BAD_USER_INPUT', 'filter.text has no words');
  const level = filter.level ?? null;
  if (province === null && level === null && type === null && tokens.length === 0) return null;
  return { province, level, type, typeAsGiven: filter.type ?? null, tokens };
}

/** A type code compared folded: "QĐ", "qd" and "Qđ" are one code. */
const typeCode = (code: string) => foldText(code).replace(/ /g, '');

/**
 * `filter.province` of a tree or a search: the province's geoKey; BAD_USER_INPUT when the gazetteer has none
 * (`extensions` added to the error: a search names the field, the tree's filter does not).
 */
export function provinceCriterion(name: string, extensions: Record<string, unknown> = {}): string {
  const p = findProvince(name);
  if (p === null) throw apiError('BAD_USER_INPUT', `filter.province: unknown province "${name}"`, extensions);
  return geoKey(p.name);
}

/** `filter.type` of a tree or a search: the folded code; BAD_USER_INPUT when it has no letters. */
export function typeCriterion(code: string, extensions: Record<string, unknown> = {}): string {
  const folded = typeCode(code);
  if (folded === '') throw apiError('BAD_USER_INPUT', 'filter.type has no letters', extensions);
  return folded;
}

/** The type code of a symbol: "36-NQ/TW" and "57-CTr/TU" (party style), "1693/KH-UBND" and "569/QĐ-TTg" (state style). */
export function symbolTypeCode(symbol: string): string | null {
  const slash = symbol.indexOf('/');
  if (slash < 0) return null;
  const left = symbol.slice(0, slash);
  const dash = left.indexOf('-');
  const code = dash >= 0 ? left.slice(dash + 1) : (symbol.slice(slash + 1).split('-')[0] ?? '');
  const folded = typeCode(code);
  return folded === '' ? null : folded;
}

function memoOf(tree: Tree): Map<string, FilterMatches> {
  let memo = filtered.get(tree);
  if (memo === undefined) {
    memo = new Map();
    filtered.set(tree, memo);
  }
  return memo;
}

function remember(tree: Tree, key: string, result: FilterMatches): FilterMatches {
  const memo = memoOf(tree);
  const first = memo.get(key);
  if (first !== undefined) return first;
  if (memo.size >= FILTERS_PER_TREE) memo.clear();
  memo.set(key, result);
  return result;
}

export function filterMatches(tree: Tree, criteria: Criteria): FilterMatches {
  const key = JSON.stringify(criteria);
  return memoOf(tree).get(key) ?? remember(tree, key, drain(computeMatches(tree, criteria)));
}

/** filterMatches judged a slice at a time, the event loop free in between (same memo, same objects). */
export async function filterMatchesInSlices(tree: Tree, criteria: Criteria): Promise<FilterMatches> {
  const key = JSON.stringify(criteria);
  const hit = memoOf(tree).get(key);
  if (hit !== undefined) return hit;
  return remember(tree, key, await drainInSlices(computeMatches(tree, criteria)));
}

const MATCH_SLICE = 2_000;

function* computeMatches(tree: Tree, c: Criteria): Steps<FilterMatches> {
  const { entries, parent } = tree;
  const n = entries.length;
  const byId = new Map<string, GraphNode>();
  for (const e of entries) byId.set(e.node.id, e.node);
  const keys = new Map<string, string>();
  const geo = (name: string): string => {
    let k = keys.get(name);
    if (k === undefined) {
      k = geoKey(name);
      keys.set(name, k);
    }
    return k;
  };
  const documentOf = (node: GraphNode): GraphNode | null =>
    node.kind === 'TASK' ? (byId.get(node.documentId) ?? null) : node.kind === 'DOCUMENT' ? node : null;

  // Province keys of a jurisdiction: the lineage's own documents first (they name the province of their
  // district or commune), then the gazetteer (a province, or the provinces of a district of that name).
  const local = new Map<string, Set<string>>();
  for (const node of byId.values())
    if (node.kind === 'DOCUMENT' && node.jurisdiction !== null && node.province !== null) {
      const j = geo(node.jurisdiction);
      const set = local.get(j) ?? new Set<string>();
      set.add(geo(node.province));
      local.set(j, set);
    }
  const provincesOf = new Map<string, ReadonlySet<string>>();
  const provinces = (jurisdiction: string): ReadonlySet<string> => {
    const j = geo(jurisdiction);
    let set = provincesOf.get(j);
    if (set === undefined) {
      set = local.get(j) ?? provinceKeysOf(jurisdiction);
      provincesOf.set(j, set);
    }
    return set;
  };
  const inProvince = (node: GraphNode): boolean => {
    if (c.province === null) return true;
    const holder = node.kind === 'AGENCY' ? node : documentOf(node);
    if (holder === null || holder.kind === 'TASK') return false;
    if (holder.kind === 'DOCUMENT' && holder.province !== null && geo(holder.province) === c.province)
      return true;
    return holder.jurisdiction !== null && provinces(holder.jurisdiction).has(c.province);
  };
  const ofLevel = (node: GraphNode): boolean => {
    if (c.level === null) return true;
    const holder = node.kind === 'AGENCY' ? node : documentOf(node);
    return holder !== null && holder.kind !== 'TASK' && holder.level === c.level;
  };
  const ofType = (node: GraphNode): boolean => {
    if (c.type === null) return true;
    if (node.kind !== 'DOCUMENT') return false;
    if (node.symbol !== null) return symbolTypeCode(node.symbol) === c.type;
    // Unnumbered ("Kế hoạch" without a number): the type the code stands for.
    return typeOfCode(c.typeAsGiven ?? '', node.branch === 'PARTY') === node.type;
  };
  const hasWords = (node: GraphNode): boolean => {
    if (c.tokens.length === 0) return true;
    const words =
      node.kind === 'DOCUMENT'
        ? `${nodeName(node)} ${node.symbol ?? ''} ${node.title ?? ''}`
        : node.kind === 'TASK'
          ? `${nodeName(node)} ${node.label} ${node.title}`
          : `${nodeName(node)} ${node.name}`;
    const padded = ` ${foldText(words)} `;
    return c.tokens.every((t) => padded.includes(` ${t}`));
  };

  // A node matches the same wherever it appears in the tree: judged once per node.
  const judged = new Map<string, boolean>();
  const matches = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if ((i + 1) % MATCH_SLICE === 0) yield;
    const node = (entries[i] as TreeEntryView).node;
    let m = judged.get(node.id);
    if (m === undefined) {
      m = inProvince(node) && ofLevel(node) && ofType(node) && hasWords(node);
      judged.set(node.id, m);
    }
    matches[i] = m ? 1 : 0;
  }
  const descendantMatches = new Int32Array(n);
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i] as number;
    descendantMatches[p] =
      (descendantMatches[p] as number) + (matches[i] as number) + (descendantMatches[i] as number);
  }
  return { matches, descendantMatches };
}
