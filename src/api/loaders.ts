// API support: per-request loaders over the store port — each answer's nodes are remembered so later per-node
// lookups in the same request cost no round trip, and repeated lookups are deduplicated (DataLoader).
import DataLoader from 'dataloader';
import type { AgencyMandates, ChainUp, Citations, Direction, GraphNode, Lineage } from '../model/graph.ts';
import { resolveRef } from '../query/refs.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { pace, type RequestBudget, requestBudget } from './budget.ts';
import { nodeIndex } from './lineage-index.ts';

/** Per-key results: an Error instance fails only that key (DataLoader's convention). */
function each<K, V>(work: (key: K) => Promise<V>) {
  return (keys: readonly K[]): Promise<Array<V | Error>> =>
    Promise.all(
      keys.map((k) => work(k).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))),
    );
}

export class Loaders {
  /** Every node any store answer of this request contained, by id. */
  readonly known = new Map<string, GraphNode>();
  /** Node indexes of large answers (a lineage), looked up after `known` rather than copied into it. */
  private readonly indexes: Array<ReadonlyMap<string, GraphNode>> = [];
  readonly node: DataLoader<string, GraphNode>;
  /** A reference as typed by people (symbol, id, doc#task) → its node. */
  readonly ref: DataLoader<string, GraphNode>;
  /** Key: `${id}|${depth}`. */
  readonly lineage: DataLoader<string, Lineage>;
  readonly chain: DataLoader<string, ChainUp>;
  /** Key: `${id}|${IN or OUT}`. */
  readonly citations: DataLoader<string, Citations>;
  readonly validity: DataLoader<string, Citations>;
  readonly agencyMandates: DataLoader<string, AgencyMandates>;

  /** The request's walks, one after another (see `walk`). */
  private lane: Promise<unknown> = Promise.resolve();

  constructor(
    store: GraphStore,
    private readonly budget: RequestBudget = requestBudget(0),
  ) {
    const remember = (...nodes: GraphNode[]) => this.remember(nodes);
    this.node = new DataLoader(
      each(async (id: string) => {
        const hit = this.known.get(id) ?? this.indexed(id);
        if (hit !== undefined) return hit;
        const node = await store.getNode(id);
        remember(node);
        return node;
      }),
    );
    this.ref = new DataLoader(
      each(async (ref: string) => {
        const node = await resolveRef(store, ref);
        remember(node);
        return node;
      }),
    );
    this.lineage = new DataLoader(
      each(async (key: string) => {
        const bar = key.lastIndexOf('|');
        const answer = await this.walk(() =>
          store.lineageDown(key.slice(0, bar), Number(key.slice(bar + 1))),
        );
        // Lineage nodes carry an extra `depth`; as graph nodes they are used as they are. The index is made once
        // per store answer (a cached one is reused across requests), not copied node by node per request.
        remember(answer.root);
        this.indexes.push(nodeIndex(answer, () => answer.nodes));
        return answer;
      }),
    );
    this.chain = new DataLoader(
      each(async (id: string) => {
        const answer = await this.walk(() => store.chainUp(id));
        remember(answer.start);
        for (const p of answer.paths) this.remember(p.nodes);
        return answer;
      }),
    );
    this.citations = new DataLoader(
      each(async (key: string) => {
        const bar = key.lastIndexOf('|');
        const answer = await store.citations(key.slice(0, bar), key.slice(bar + 1) as Direction);
        remember(answer.node);
        this.remember(answer.citations.map((c) => c.node));
        return answer;
      }),
    );
    this.validity = new DataLoader(
      each(async (key: string) => {
        const bar = key.lastIndexOf('|');
        const answer = await store.validity(key.slice(0, bar), key.slice(bar + 1) as Direction);
        remember(answer.node);
        this.remember(answer.citations.map((c) => c.node));
        return answer;
      }),
    );
    this.agencyMandates = new DataLoader(
      each(async (id: string) => {
        const answer = await this.walk(() => store.agencyMandates(id));
        remember(answer.agency);
        for (const m of answer.mandates) remember(m.task, m.document);
        return answer;
      }),
    );
  }

  /**
   * Runs a store walk after the request's previous ones, with the event loop let through before it and the
   * budget checked: a batch of walks (aliases) is not queued on the store all at once, where a health check or
   * another client's request would wait behind every one of them.
   */
  walk<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lane.then(() => pace(this.budget)).then(work);
    this.lane = run.catch(() => undefined);
    return run;
  }

  private indexed(id: string): GraphNode | undefined {
    for (const index of this.indexes) {
      const n = index.get(id);
      if (n !== undefined) return n;
    }
    return undefined;
  }

  /** Makes nodes obtained elsewhere (the catalog, a search) available to `node` without a round trip. */
  remember(nodes: Iterable<GraphNode>): void {
    for (const n of nodes) if (!this.known.has(n.id)) this.known.set(n.id, n);
  }

  lineageOf(id: string, depth: number): Promise<Lineage> {
    return this.lineage.load(`${id}|${depth}`);
  }

  citationsOf(id: string, direction: Direction): Promise<Citations> {
    return this.citations.load(`${id}|${direction}`);
  }

  /** AMENDS / REPLACES / REPEALS / GUIDES edges at a node (the store's `validity`). */
  validityOf(id: string, direction: Direction): Promise<Citations> {
    return this.validity.load(`${id}|${direction}`);
  }
}
