// API catalog: an in-memory read model of agencies, tasks and assignments, built from the port's `exportAll`, for
// what the port cannot answer (listing agencies, searching tasks, mandates across the whole graph). Rebuilt after
// an API write, when the store's counts change (checked at most every few seconds), and after a maximum age.
import {
  type AgencyNode,
  type DocumentNode,
  foldText,
  type GraphNode,
  type TaskNode,
} from '../model/graph.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { type Logger, silentLogger } from './logger.ts';
import { mandateView, sortMandates } from './mandate-key.ts';
import type { MandateView } from './mappers.ts';

export interface CatalogSnapshot {
  /** Sorted by id. */
  agencies: readonly AgencyNode[];
  tasks: readonly TaskNode[];
  /** Space-padded folded key, label, title and text of each task (same index as `tasks`). */
  taskText: readonly string[];
  /** Sorted by mandateKey. */
  mandates: readonly MandateView[];
  documents: ReadonlyMap<string, DocumentNode>;
  /** How many distinct documents cite or implement each document (directly or through one of their tasks). */
  citedBy: ReadonlyMap<string, number>;
}

export interface CatalogOptions {
  /** How often a read may ask the store whether anything changed. */
  checkIntervalMs?: number;
  /** Rebuilt at least this often even when counts look unchanged (an edit can keep every count). */
  maxAgeMs?: number;
  logger?: Logger;
  now?: () => number;
}

interface Built {
  snapshot: CatalogSnapshot;
  signature: string;
  builtAt: number;
  checkedAt: number;
}

export class Catalog {
  private built: Built | null = null;
  private building: { generation: number; promise: Promise<Built> } | null = null;
  /** Bumped by `invalidate`: a build started before a write is not kept. */
  private generation = 0;
  private readonly checkIntervalMs: number;
  private readonly maxAgeMs: number;
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(
    private readonly store: GraphStore,
    options: CatalogOptions = {},
  ) {
    this.checkIntervalMs = options.checkIntervalMs ?? 5_000;
    this.maxAgeMs = options.maxAgeMs ?? 300_000;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  /** Forgets the snapshot (after a write through the API). */
  invalidate(): void {
    this.generation++;
    this.built = null;
  }

  async snapshot(): Promise<CatalogSnapshot> {
    const b = this.built;
    const now = this.now();
    if (b !== null && now - b.checkedAt < this.checkIntervalMs) return b.snapshot;
    if (b !== null && now - b.builtAt < this.maxAgeMs) {
      const signature = JSON.stringify(await this.store.stats());
      if (signature === b.signature && this.built === b) {
        b.checkedAt = now;
        return b.snapshot;
      }
    }
    return (await this.rebuild()).snapshot;
  }

  private rebuild(): Promise<Built> {
    // Concurrent readers share one build, unless a write happened since it started.
    if (this.building !== null && this.building.generation === this.generation) return this.building.promise;
    const generation = this.generation;
    const promise = this.build(generation).finally(() => {
      if (this.building?.promise === promise) this.building = null;
    });
    this.building = { generation, promise };
    return promise;
  }

  private async build(generation: number): Promise<Built> {
    const started = this.now();
    const [stats, graph] = await Promise.all([this.store.stats(), this.store.exportAll()]);
    const byId = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
    const holder = new Map<string, DocumentNode>();
    for (const e of graph.edges) {
      const doc = byId.get(e.from);
      if (e.type === 'HAS_TASK' && doc?.kind === 'DOCUMENT') holder.set(e.to, doc);
    }
    const unsorted: MandateView[] = [];
    for (const e of graph.edges) {
      if (e.type !== 'ASSIGNS') continue;
      const task = byId.get(e.from);
      const agency = byId.get(e.to);
      const document = holder.get(e.from);
      if (task?.kind !== 'TASK' || agency?.kind !== 'AGENCY' || document === undefined) continue;
      unsorted.push(mandateView(e, task, agency, document));
    }
    const mandates = sortMandates(unsorted);
    const citing = new Map<string, Set<string>>();
    for (const e of graph.edges) {
      if (e.type !== 'CITES' && e.type !== 'IMPLEMENTS') continue;
      if (byId.get(e.to)?.kind !== 'DOCUMENT') continue;
      const from = byId.get(e.from);
      const doc =
        from?.kind === 'TASK' ? holder.get(e.from)?.id : from?.kind === 'DOCUMENT' ? from.id : undefined;
      if (doc === undefined || doc === e.to) continue;
      const set = citing.get(e.to) ?? new Set<string>();
      set.add(doc);
      citing.set(e.to, set);
    }
    const tasks = graph.nodes.filter((n): n is TaskNode => n.kind === 'TASK');
    const snapshot: CatalogSnapshot = {
      // Code-unit order: the order keyset cursors compare in.
      agencies: graph.nodes
        .filter((n): n is AgencyNode => n.kind === 'AGENCY')
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      tasks,
      taskText: tasks.map((t) => ` ${foldText(`${t.key} ${t.label} ${t.title} ${t.text}`)} `),
      mandates,
      documents: new Map(
        graph.nodes.filter((n): n is DocumentNode => n.kind === 'DOCUMENT').map((d) => [d.id, d]),
      ),
      citedBy: new Map([...citing].map(([id, set]) => [id, set.size])),
    };
    const now = this.now();
    const built = { snapshot, signature: JSON.stringify(stats), builtAt: now, checkedAt: now };
    if (generation === this.generation) this.built = built;
    this.logger.info('catalog built', {
      agencies: snapshot.agencies.length,
      tasks: tasks.length,
      mandates: mandates.length,
      ms: now - started,
    });
    return built;
  }
}
