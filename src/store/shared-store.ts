// Store internals: the port's operations implemented once over an adapter's read/write primitives (argument checks, answers, errors).

import type { z } from 'zod';
import { Level } from '../model/extraction.ts';
import {
  type AgencyMandates,
  type ApplyResult,
  type ChainUp,
  type Citations,
  type Coverage,
  Direction,
  DocumentFacts,
  DocumentFilter,
  type DocumentNode,
  type DocumentPage,
  DocumentQuery,
  type EdgeType,
  foldText,
  type GraphExport,
  type GraphNode,
  GraphStats,
  IdentityNote,
  jurisdictionKey,
  type Lineage,
  type Mandate,
  type MergeResult,
  nodeKindOf,
  PageRequest,
  type SearchResult,
  type StoreHealth,
  searchTokens,
  symbolKey,
  VALIDITY_TYPES,
} from '../model/graph.ts';
import { nameKey } from '../text/fold.ts';
import { documentsMatchingMergedIds } from './aliases.ts';
import { applyBatch } from './apply-batch.ts';
import { applyFacts } from './apply-document.ts';
import { type BatchOutcome, type GraphStore, StoreError, type StoreHooks } from './graph-store.ts';
import { mergeNodes } from './merge-documents.ts';
import { byId } from './records.ts';
import {
  criteriaFromFilter,
  type DocumentCriteria,
  type ReadOps,
  type Reread,
  StaleRead,
  type WriteOps,
} from './store-ops.ts';
import * as traversal from './traversal.ts';

export const MAX_LINEAGE_DEPTH = 32;
export const MAX_SEARCH_LIMIT = 500;

/** Validates a caller's argument: a failure is INVALID_ARGUMENT with the zod issues as data. */
export function parseArg<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new StoreError(
    'INVALID_ARGUMENT',
    `invalid ${what}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    {
      details: { issues },
    },
  );
}

function criteriaFromQuery(q: DocumentQuery): DocumentCriteria {
  const c: DocumentCriteria = {};
  if (q.symbol !== undefined) c.symbolKey = symbolKey(q.symbol);
  if (q.year !== undefined) c.year = q.year;
  if (q.date !== undefined) c.dateValue = q.date;
  if (q.issuerJurisdiction !== undefined) c.jurisdictionKey = jurisdictionKey(q.issuerJurisdiction);
  if (q.type !== undefined) c.type = q.type;
  if (q.status !== undefined) c.status = q.status;
  if (q.level !== undefined) c.level = q.level;
  if (q.branch !== undefined) c.branch = q.branch;
  if (q.numbered !== undefined) c.numbered = q.numbered;
  return c;
}

/** The whole graph as `exportAll` gives it: nodes and edges sorted by id. */
export async function sortedExport(ops: ReadOps): Promise<GraphExport> {
  return { nodes: (await ops.exportNodes()).sort(byId), edges: (await ops.exportEdges()).sort(byId) };
}

export abstract class SharedGraphStore implements GraphStore {
  abstract readonly adapter: 'embedded' | 'neo4j';
  protected readonly hooks: StoreHooks;

  constructor(hooks: StoreHooks = {}) {
    this.hooks = hooks;
  }

  abstract init(): Promise<void>;
  abstract close(): Promise<void>;
  abstract health(): Promise<StoreHealth>;
  /** Runs `work` with read primitives on one consistent view (one read transaction where the database has them). */
  protected abstract read<T>(work: (ops: ReadOps) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one write transaction: committed when it returns, rolled back when it throws. `hooks`
   * are the store's hooks for the database run; an adapter replaying the work elsewhere passes none.
   */
  protected abstract write<T>(work: (ops: WriteOps, hooks: StoreHooks) => Promise<T>): Promise<T>;

  async applyDocument(facts: DocumentFacts): Promise<ApplyResult> {
    const valid = parseArg(DocumentFacts, facts, 'document facts');
    return this.write((ops, hooks) => applyFacts(ops, valid, hooks));
  }

  async applyDocuments(batch: readonly DocumentFacts[]): Promise<BatchOutcome[]> {
    if (!Array.isArray(batch))
      throw new StoreError('INVALID_ARGUMENT', 'applyDocuments takes a list of facts');
    const outcomes: Array<BatchOutcome | undefined> = new Array(batch.length);
    const idOf = (f: unknown) => String((f as { document?: { id?: unknown } })?.document?.id ?? '');
    // Runs of valid facts with distinct document ids: a repeated id starts a new transaction.
    const runs: Array<Array<{ at: number; facts: DocumentFacts }>> = [];
    let run: Array<{ at: number; facts: DocumentFacts }> = [];
    let seen = new Set<string>();
    batch.forEach((raw, at) => {
      try {
        const facts = parseArg(DocumentFacts, raw, 'document facts');
        if (seen.has(facts.document.id)) {
          runs.push(run);
          run = [];
          seen = new Set();
        }
        seen.add(facts.document.id);
        run.push({ at, facts });
      } catch (error) {
        outcomes[at] = { documentId: idOf(raw), result: null, error: error as StoreError };
      }
    });
    runs.push(run);
    for (const r of runs.filter((x) => x.length > 0)) {
      try {
        const results = await this.write((ops, hooks) =>
          applyBatch(
            ops,
            r.map((x) => x.facts),
            hooks,
          ),
        );
        r.forEach((x, i) => {
          outcomes[x.at] = {
            documentId: x.facts.document.id,
            result: results[i] as ApplyResult,
            error: null,
          };
        });
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        // One bad document must not keep the others out: each alone, in order.
        for (const x of r) {
          const documentId = x.facts.document.id;
          try {
            const result = await this.write((ops, hooks) => applyFacts(ops, x.facts, hooks));
            outcomes[x.at] = { documentId, result, error: null };
          } catch (alone) {
            if (!(alone instanceof StoreError)) throw alone;
            outcomes[x.at] = { documentId, result: null, error: alone };
          }
        }
      }
    }
    return outcomes as BatchOutcome[];
  }

  async mergeDocuments(fromId: string, intoId: string, note: IdentityNote): Promise<MergeResult> {
    if (typeof fromId !== 'string' || typeof intoId !== 'string') {
      throw new StoreError('INVALID_ARGUMENT', 'document ids must be strings');
    }
    if (fromId === intoId) {
      throw new StoreError('INVALID_ARGUMENT', `cannot merge ${fromId} into itself`, {
        details: { id: fromId },
      });
    }
    const valid = parseArg(IdentityNote, note, 'identity note');
    for (const id of [fromId, intoId]) {
      if (nodeKindOf(id) !== 'DOCUMENT')
        throw new StoreError('NOT_FOUND', `${id} is not a document id`, { details: { id } });
    }
    return this.write((ops, hooks) => mergeNodes(ops, fromId, intoId, valid, hooks));
  }

  async implementsTargets(ids: readonly string[]): Promise<Record<string, string[]>> {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || nodeKindOf(id) !== 'DOCUMENT')) {
      throw new StoreError('INVALID_ARGUMENT', 'implementsTargets takes a list of document ids');
    }
    if (ids.length === 0) return {};
    const targets = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
    for (const { fromId, toId } of await this.read((ops) => ops.implementsTargets(ids))) {
      targets.get(fromId)?.add(toId);
    }
    return Object.fromEntries([...targets].map(([id, to]) => [id, [...to].sort()]));
  }

  async findDocuments(query: DocumentQuery): Promise<DocumentNode[]> {
    const criteria = criteriaFromQuery(parseArg(DocumentQuery, query, 'document query'));
    return this.read(async (ops) => {
      const found = [
        ...(await ops.findDocuments(criteria)),
        ...(await documentsMatchingMergedIds(ops, criteria)),
      ];
      return [...new Map(found.map((d) => [d.id, d])).values()].sort(byId);
    });
  }

  async resolveDocument(query: DocumentQuery): Promise<DocumentNode> {
    const found = await this.findDocuments(query);
    const [only] = found;
    if (only === undefined) throw new StoreError('NOT_FOUND', `no document matches ${JSON.stringify(query)}`);
    if (found.length > 1) {
      throw new StoreError('AMBIGUOUS', `${found.length} documents match ${JSON.stringify(query)}`, {
        details: { candidates: found.map((d) => d.id) },
      });
    }
    return only;
  }

  async findDocumentsBySubject(text: string): Promise<DocumentNode[]> {
    const folded = foldText(String(text));
    if (folded.length === 0) throw new StoreError('INVALID_ARGUMENT', 'empty subject');
    return this.read(async (ops) => (await ops.documentsBySubject(folded)).sort(byId));
  }

  async findDocumentsByName(name: string): Promise<DocumentNode[]> {
    if (nameKey(String(name)).length === 0) throw new StoreError('INVALID_ARGUMENT', 'empty name');
    return this.read(async (ops) => (await ops.documentsByName(String(name))).sort(byId));
  }

  async getDocument(id: string): Promise<DocumentNode> {
    const node = await this.getNode(id);
    if (node.kind !== 'DOCUMENT')
      throw new StoreError('NOT_FOUND', `${id} is not a document`, { details: { id } });
    return node;
  }

  async getNode(id: string): Promise<GraphNode> {
    return this.read((ops) => traversal.getNode(ops, id));
  }

  async lineageDown(id: string, depth: number): Promise<Lineage> {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_LINEAGE_DEPTH) {
      throw new StoreError('INVALID_ARGUMENT', `depth must be an integer from 1 to ${MAX_LINEAGE_DEPTH}`);
    }
    // The walk inside the read, what it could not read from memory in short reads of their own, the answer's
    // objects after them: other reads (a health check) need not wait for all of it. A write in between makes
    // the walk stale: it is walked again, and after a few such races in one read.
    const reread: Reread = (work) => this.read(work);
    for (let attempt = 0; attempt < 3; attempt++) {
      const pending = await this.read((ops) => traversal.lineageDownLater(ops, id, depth));
      try {
        return await pending.build(reread);
      } catch (error) {
        if (!(error instanceof StaleRead)) throw error;
      }
    }
    return this.read((ops) => traversal.lineageDown(ops, id, depth));
  }

  async chainUp(id: string): Promise<ChainUp> {
    return this.read((ops) => traversal.chainUp(ops, id));
  }

  async descendants(documentId: string): Promise<DocumentNode[]> {
    return this.read(async (ops) => {
      const root = await traversal.getNode(ops, documentId);
      if (root.kind !== 'DOCUMENT')
        throw new StoreError('INVALID_ARGUMENT', `descendants are of a document, not ${root.id}`);
      return (await traversal.implementers(ops, root.id)).sort(byId);
    });
  }

  async citations(id: string, direction: Direction): Promise<Citations> {
    return this.edgesAt(id, direction, ['CITES', 'IMPLEMENTS']);
  }

  async validity(id: string, direction: Direction): Promise<Citations> {
    return this.edgesAt(id, direction, VALIDITY_TYPES);
  }

  private async edgesAt(id: string, direction: Direction, types: readonly EdgeType[]): Promise<Citations> {
    const dir = parseArg(Direction, direction, 'direction');
    return this.read(async (ops) => {
      // By the node's own id: `id` may be one merged into it.
      const node = await traversal.getNode(ops, id);
      const hits =
        dir === 'OUT' ? await ops.edgesFrom([node.id], types) : await ops.edgesTo([node.id], types);
      return {
        node,
        direction: dir,
        citations: hits
          .map(({ edge, node: other }) => ({ edge, node: other }))
          .sort((a, b) => byId(a.edge, b.edge)),
      };
    });
  }

  async agencyMandates(agencyId: string): Promise<AgencyMandates> {
    return this.read(async (ops) => {
      const agency = await traversal.getNode(ops, agencyId);
      if (agency.kind !== 'AGENCY') throw new StoreError('INVALID_ARGUMENT', `${agencyId} is not an agency`);
      const assigns = await ops.edgesTo([agencyId], ['ASSIGNS']);
      const taskIds = [...new Set(assigns.map((a) => a.node.id))];
      const holders = new Map<string, DocumentNode>();
      if (taskIds.length > 0) {
        for (const { edge, node } of await ops.edgesTo(taskIds, ['HAS_TASK'])) {
          if (node.kind === 'DOCUMENT') holders.set(edge.to, node);
        }
      }
      const mandates: Mandate[] = assigns.map(({ edge, node }) => {
        const document = holders.get(node.id);
        if (edge.type !== 'ASSIGNS' || node.kind !== 'TASK' || document === undefined) {
          throw new StoreError('INTERNAL', `assignment ${edge.id} has no task held by a document`);
        }
        return { role: edge.role, task: node, document, edge };
      });
      mandates.sort(
        (a, b) =>
          a.document.id.localeCompare(b.document.id) ||
          a.task.key.localeCompare(b.task.key) ||
          a.role.localeCompare(b.role) ||
          byId(a.edge, b.edge),
      );
      return { agency, mandates };
    });
  }

  async listDocuments(filter: DocumentFilter = {}, page: PageRequest = {}): Promise<DocumentPage> {
    const criteria = criteriaFromFilter(parseArg(DocumentFilter, filter, 'document filter'), jurisdictionKey);
    const { limit, after } = parseArg(PageRequest, page, 'page');
    return this.read(async (ops) => {
      const rows = await ops.listDocuments(criteria, after, limit + 1);
      const items = rows.slice(0, limit);
      const total = await ops.countDocuments(criteria);
      return { items, total, next: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
    });
  }

  async search(text: string, limit = 50): Promise<SearchResult> {
    const tokens = searchTokens(String(text));
    if (tokens.length === 0) throw new StoreError('INVALID_ARGUMENT', 'search text has no words');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
      throw new StoreError('INVALID_ARGUMENT', `limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}`);
    }
    // Word-prefix match: the stored text is space-padded, so " 36" matches "36-NQ/TW" but not "136".
    const prefixed = tokens.map((t) => ` ${t}`);
    const whole = tokens.join(' ');
    return this.read(async (ops) => {
      const documents = (await ops.searchDocuments(prefixed, limit)).sort(
        (a, b) =>
          Number(b.symbol !== null && foldText(b.symbol) === whole) -
            Number(a.symbol !== null && foldText(a.symbol) === whole) ||
          Number(b.status === 'FULL_TEXT') - Number(a.status === 'FULL_TEXT') ||
          (b.year ?? 0) - (a.year ?? 0) ||
          byId(a, b),
      );
      const agencies = (await ops.searchAgencies(prefixed, limit)).sort(byId);
      return { tokens, hits: [...documents, ...agencies].slice(0, limit) };
    });
  }

  async coverage(documentId: string, level: Level, units: readonly string[]): Promise<Coverage> {
    const lvl = parseArg(Level, level, 'level');
    if (!Array.isArray(units) || units.some((u) => typeof u !== 'string' || foldText(u).length === 0)) {
      throw new StoreError('INVALID_ARGUMENT', 'units must be non-empty names');
    }
    return this.read((ops) => traversal.coverage(ops, documentId, lvl, units));
  }

  async exportAll(): Promise<GraphExport> {
    return this.read(sortedExport);
  }

  async stats(): Promise<GraphStats> {
    const rows = await this.read((ops) => ops.countAll());
    const get = (label: string) => rows.find((r) => r.label === label)?.count ?? 0;
    return GraphStats.parse({
      nodes: { DOCUMENT: get('DOCUMENT'), TASK: get('TASK'), AGENCY: get('AGENCY') },
      documents: { FULL_TEXT: get('FULL_TEXT'), CITED_ONLY: get('CITED_ONLY') },
      edges: {
        IMPLEMENTS: get('IMPLEMENTS'),
        CITES: get('CITES'),
        ASSIGNS: get('ASSIGNS'),
        ISSUED_BY: get('ISSUED_BY'),
        HAS_TASK: get('HAS_TASK'),
        PART_OF: get('PART_OF'),
        AMENDS: get('AMENDS'),
        REPLACES: get('REPLACES'),
        REPEALS: get('REPEALS'),
        GUIDES: get('GUIDES'),
      },
    });
  }
}
