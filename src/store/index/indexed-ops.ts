// Index: the read primitives answered from the in-memory index where a walk needs them (edges of a node,
// nodes by id, IMPLEMENTS targets, counts, the edge export), and from the database for the rest (finding,
// listing and searching documents use its indexes; node properties come through the bounded cache).
import type { AgencyNode, DocumentNode, EdgeType, GraphEdge, GraphNode } from '../../model/graph.ts';
import { StoreError } from '../graph-store.ts';
import { graphNodeOf } from '../records.ts';
import type { SqliteOps } from '../sqlite/sqlite-ops.ts';
import type { DocumentCriteria, EdgeHit, ReadOps, StatsRow, StoredNode } from '../store-ops.ts';
import type { GraphIndex } from './graph-index.ts';
import { IndexWalks } from './index-walks.ts';
import type { NodeCache } from './node-cache.ts';

export class IndexedOps implements ReadOps {
  readonly walks: IndexWalks;

  constructor(
    private readonly index: GraphIndex,
    private readonly db: SqliteOps,
    private readonly cache: NodeCache,
  ) {
    this.walks = new IndexWalks(index, db, cache);
  }

  private node(n: number): GraphNode {
    const stored = this.cache.get(n);
    if (!stored)
      throw new StoreError('INTERNAL', `node ${this.index.idOf(n)} is in the index but not in the database`);
    return graphNodeOf(stored);
  }

  async nodesById(ids: readonly string[]): Promise<StoredNode[]> {
    const found: StoredNode[] = [];
    for (const id of new Set(ids)) {
      const n = this.index.numberOf(id);
      const stored = n === undefined ? null : this.cache.get(n);
      if (stored) found.push(stored);
    }
    return found;
  }

  private hits(ids: readonly string[], types: readonly EdgeType[], direction: 'out' | 'in'): EdgeHit[] {
    const found: EdgeHit[] = [];
    for (const id of new Set(ids)) {
      const n = this.index.numberOf(id);
      if (n === undefined) continue;
      for (const e of this.index.edgesAt(n, direction)) {
        if (!types.includes(this.index.typeOf(e))) continue;
        const other = this.index.otherEnd(e, direction);
        found.push({ edge: this.walks.edge(e), node: this.node(other) });
      }
    }
    return found;
  }

  async edgesFrom(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]> {
    return this.hits(ids, types, 'out');
  }

  async edgesTo(ids: readonly string[], types: readonly EdgeType[]): Promise<EdgeHit[]> {
    return this.hits(ids, types, 'in');
  }

  async implementsTargets(ids: readonly string[]): Promise<Array<{ fromId: string; toId: string }>> {
    const found: Array<{ fromId: string; toId: string }> = [];
    for (const id of new Set(ids)) {
      const n = this.index.numberOf(id);
      if (n === undefined || this.index.kindOf(n) !== 'DOCUMENT') continue;
      for (const e of this.index.edgesAt(n, 'out')) {
        const to = this.index.otherEnd(e, 'out');
        if (this.index.typeOf(e) === 'IMPLEMENTS' && this.index.kindOf(to) === 'DOCUMENT')
          found.push({ fromId: id, toId: this.index.idOf(to) });
      }
    }
    return found;
  }

  async exportEdges(): Promise<GraphEdge[]> {
    const edges: GraphEdge[] = [];
    for (const e of this.index.allEdges()) {
      edges.push(this.walks.edge(e));
    }
    return edges;
  }

  async countAll(): Promise<StatsRow[]> {
    const { nodes, edges } = this.index.counts();
    return [...Object.entries(nodes), ...Object.entries(edges)]
      .map(([label, count]) => ({ label, count }))
      .filter((r) => r.count > 0)
      .concat(this.db.statusCounts());
  }

  // The database's own indexes answer these.
  findDocuments(criteria: DocumentCriteria): Promise<DocumentNode[]> {
    return this.db.findDocuments(criteria);
  }

  documentsByMergedPrefix(prefix: string): Promise<DocumentNode[]> {
    return this.db.documentsByMergedPrefix(prefix);
  }

  documentsByName(name: string): Promise<DocumentNode[]> {
    return this.db.documentsByName(name);
  }

  documentsBySubject(foldedText: string): Promise<DocumentNode[]> {
    return this.db.documentsBySubject(foldedText);
  }

  searchDocuments(tokens: readonly string[], limit: number): Promise<DocumentNode[]> {
    return this.db.searchDocuments(tokens, limit);
  }

  searchAgencies(tokens: readonly string[], limit: number): Promise<AgencyNode[]> {
    return this.db.searchAgencies(tokens, limit);
  }

  listDocuments(criteria: DocumentCriteria, after: string | null, limit: number): Promise<DocumentNode[]> {
    return this.db.listDocuments(criteria, after, limit);
  }

  countDocuments(criteria: DocumentCriteria): Promise<number> {
    return this.db.countDocuments(criteria);
  }

  exportNodes(): Promise<GraphNode[]> {
    return this.db.exportNodes();
  }
}
