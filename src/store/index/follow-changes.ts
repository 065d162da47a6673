// Index: built from the database by streaming its rows, and kept current by the changes of each committed
// write transaction (sqlite-ops.ts records them), applied in the order they were made.
import type { Change, SqliteOps } from '../sqlite/sqlite-ops.ts';
import { GraphIndex } from './graph-index.ts';
import type { NodeCache } from './node-cache.ts';

/** The index of everything the database holds (call inside a read transaction: one snapshot). */
export function buildIndex(db: SqliteOps): GraphIndex {
  const index = new GraphIndex();
  for (const { n, id, kind } of db.nodeNumbers()) index.addNode(n, id, kind);
  index.reserveEdges(db.edgeCount());
  for (const edge of db.edgeTuples()) index.loadEdge(edge);
  return index;
}

export function followChanges(index: GraphIndex, cache: NodeCache, changes: readonly Change[]): void {
  for (const c of changes) {
    switch (c.op) {
      case 'node':
        index.addNode(c.n, c.id, c.kind);
        cache.forget(c.n);
        break;
      case 'deleteNode':
        index.removeNode(c.n);
        cache.forget(c.n);
        break;
      case 'edge':
        index.putEdge(c.edge);
        break;
      case 'deleteAsserted':
        index.removeAsserted(c.fromN, c.assertedBy);
        break;
    }
  }
}
