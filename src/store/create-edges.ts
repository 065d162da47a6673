// Store internals: writes a batch's edges type by type inside the caller's transaction; a shortfall
// means an endpoint is missing, a broken invariant that must abort the whole transaction.
import { EdgeType, type GraphEdge } from '../model/graph.ts';
import { StoreError } from './graph-store.ts';
import type { WriteOps } from './store-ops.ts';

export async function createAllEdges(
  ops: WriteOps,
  edges: readonly GraphEdge[],
  where: string,
): Promise<void> {
  const byType = new Map<EdgeType, GraphEdge[]>();
  for (const e of edges) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  for (const type of EdgeType.options) {
    const batch = byType.get(type) ?? [];
    if (batch.length === 0) continue;
    const created = await ops.createEdges(type, batch);
    if (created !== batch.length)
      throw new StoreError('WRITE_FAILED', `${type}: created ${created} of ${batch.length} edges ${where}`);
  }
}
