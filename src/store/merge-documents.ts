// Store internals: the write sequence of mergeDocuments over an adapter's primitives, run inside the adapter's one transaction.
import { EdgeType, type GraphEdge, type IdentityNote, type MergeResult } from '../model/graph.ts';
import { createAllEdges } from './create-edges.ts';
import { type MergeStep, StoreError, type StoreHooks } from './graph-store.ts';
import { assertersOfEdgesFrom, planMerge } from './merge-plan.ts';
import type { StoredDocument, StoredNode, WriteOps } from './store-ops.ts';

function documentOf(stored: StoredNode | undefined, id: string): StoredDocument {
  if (stored?.kind !== 'DOCUMENT') {
    throw new StoreError('NOT_FOUND', `no document ${id}`, { details: { id } });
  }
  return stored.stored;
}

/** Every edge of any type touching `id`, each once (a loop on it is both out and in). */
async function edgesAt(ops: WriteOps, id: string): Promise<GraphEdge[]> {
  const types = EdgeType.options;
  const hits = [...(await ops.edgesFrom([id], types)), ...(await ops.edgesTo([id], types))];
  return [...new Map(hits.map((h) => [h.edge.id, h.edge])).values()];
}

export async function mergeNodes(
  ops: WriteOps,
  fromId: string,
  intoId: string,
  note: IdentityNote,
  hooks: StoreHooks,
): Promise<MergeResult> {
  const step = async (s: MergeStep) => {
    await hooks.afterStep?.(s, fromId);
  };

  const stored = await ops.nodesById([fromId, intoId]);
  const byId = (id: string) => stored.find((s) => s.kind === 'DOCUMENT' && s.stored.node.id === id);
  const from = documentOf(byId(fromId), fromId);
  const into = documentOf(byId(intoId), intoId);
  if (from.node.status !== 'CITED_ONLY') {
    // Its tasks are keyed by its id: the full text is always the survivor.
    throw new StoreError('INVALID_ARGUMENT', `${fromId} has its full text; merge the other node into it`, {
      details: { id: fromId, status: from.node.status },
    });
  }
  const fromEdges = await edgesAt(ops, fromId);
  const intoEdgeIds = new Set((await edgesAt(ops, intoId)).map((e) => e.id));
  const asserterIds = assertersOfEdgesFrom(fromId, fromEdges).filter((id) => id !== intoId);
  const asserters = (await ops.nodesById(asserterIds)).flatMap((s) =>
    s.kind === 'DOCUMENT' ? [s.stored] : [],
  );
  if (asserters.length !== asserterIds.length) {
    throw new StoreError('INTERNAL', `an edge at ${fromId} was asserted by a document that is not stored`, {
      details: { asserters: asserterIds },
    });
  }
  const plan = planMerge({ from, into, fromEdges, intoEdgeIds, asserters, note });
  await step('MERGE_READ_STATE');

  await ops.upsertDocuments(plan.documents);
  await step('MERGE_UPSERT_DOCUMENTS');

  // Both ends are stored nodes read above.
  await createAllEdges(ops, plan.edges, `at ${intoId}`);
  await step('MERGE_CREATE_EDGES');

  // Detached: its old edges go with it (their copies at the survivor were created above).
  const removed = await ops.deleteDocument(fromId);
  if (removed !== 1) throw new StoreError('WRITE_FAILED', `deleting ${fromId} removed ${removed} nodes`);
  await step('MERGE_DELETE_FROM');

  return { from: fromId, into: intoId, edgesMoved: plan.edges.length, edgesDropped: plan.dropped };
}
