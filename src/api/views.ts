// API support: store answers shaped as the schema's Lineage (DOWN from lineageDown, UP from chainUp).
import type { ChainUp, GraphEdge, Lineage } from '../model/graph.ts';
import type { LineageEntryView, LineageView } from './mappers.ts';

const downViews = new WeakMap<Lineage, LineageView>();
const upViews = new WeakMap<ChainUp, Map<number, LineageView>>();

/** Memoized on the store's answer (see lineage-index.ts): a cached answer is shaped once, not per request. */
export function downView(l: Lineage): LineageView {
  let view = downViews.get(l);
  if (view === undefined) {
    view = makeDownView(l);
    downViews.set(l, view);
  }
  return view;
}

export function upView(c: ChainUp, depth: number): LineageView {
  let byDepth = upViews.get(c);
  if (byDepth === undefined) {
    byDepth = new Map();
    upViews.set(c, byDepth);
  }
  let view = byDepth.get(depth);
  if (view === undefined) {
    view = makeUpView(c, depth);
    byDepth.set(depth, view);
  }
  return view;
}

function makeDownView(l: Lineage): LineageView {
  return {
    answer: { direction: 'DOWN', lineage: l },
    root: l.root,
    direction: 'DOWN',
    depth: l.depth,
    nodes: l.nodes.map((node) => ({ depth: node.depth, node })),
    edges: l.edges,
    paths: [],
  };
}

/** Nodes up to `depth` steps from the start (their shortest distance on any path), the edges between them, every path. */
function makeUpView(c: ChainUp, depth: number): LineageView {
  const entries = new Map<string, LineageEntryView>([[c.start.id, { depth: 0, node: c.start }]]);
  const edges = new Map<string, GraphEdge>();
  for (const p of c.paths) {
    p.nodes.forEach((node, i) => {
      const had = entries.get(node.id);
      if (i <= depth && (had === undefined || had.depth > i)) entries.set(node.id, { depth: i, node });
    });
    p.steps.forEach((s, i) => {
      if (i < depth) for (const e of s.edges) edges.set(e.id, e);
    });
  }
  return {
    answer: { direction: 'UP', chain: c },
    root: c.start,
    direction: 'UP',
    depth,
    nodes: [...entries.values()].sort((a, b) => a.depth - b.depth || (a.node.id < b.node.id ? -1 : 1)),
    edges: [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    paths: c.paths,
  };
}
