// Store internals: the write sequence of applyDocument over an adapter's primitives, run inside the adapter's one transaction.
import type { ApplyResult, DocumentFacts } from '../model/graph.ts';
import { planApply } from './apply-plan.ts';
import { createAllEdges } from './create-edges.ts';
import type { ApplyStep, StoreHooks } from './graph-store.ts';
import { graphNodeOf } from './records.ts';
import type { WriteOps } from './store-ops.ts';

export async function applyFacts(
  ops: WriteOps,
  facts: DocumentFacts,
  hooks: StoreHooks,
): Promise<ApplyResult> {
  const documentId = facts.document.id;
  const step = async (s: ApplyStep) => {
    await hooks.afterStep?.(s, documentId);
  };

  const batchIds = [documentId, ...facts.mentioned.map((m) => m.id), ...facts.agencies.map((a) => a.id)];
  const existing = new Map((await ops.nodesById(batchIds)).map((s) => [graphNodeOf(s).id, s]));
  const ownTasks = existing.has(documentId) ? await ops.taskIdsOf(documentId) : [];
  const plan = planApply(facts, existing, ownTasks);
  if (plan.outcome === 'UNCHANGED') {
    return {
      documentId,
      outcome: 'UNCHANGED',
      written: { nodes: 0, edges: 0 },
      removed: { edges: 0, tasks: 0, orphans: 0 },
    };
  }
  await step('READ_STATE');

  const deleted =
    plan.previousAssertedFrom.length > 0
      ? await ops.deleteAssertedEdges(documentId, plan.previousAssertedFrom)
      : { removed: 0, endpoints: [] };
  await step('DELETE_EDGES');

  const tasksRemoved = plan.staleTaskIds.length > 0 ? await ops.deleteTasks(plan.staleTaskIds) : 0;
  await step('DELETE_TASKS');

  await ops.upsertDocuments(plan.documents);
  await step('UPSERT_DOCUMENTS');

  if (plan.agencies.length > 0) await ops.upsertAgencies(plan.agencies);
  await step('UPSERT_AGENCIES');

  if (plan.tasks.length > 0) await ops.upsertTasks(plan.tasks);
  await step('UPSERT_TASKS');

  // Endpoints are batch nodes written above.
  await createAllEdges(ops, plan.edges, `for ${documentId}`);
  await step('CREATE_EDGES');

  const candidates = [...new Set([...deleted.endpoints, ...plan.orphanCandidates])].filter(
    (id) => id !== documentId,
  );
  const orphans = candidates.length > 0 ? await ops.deleteOrphans(candidates) : 0;
  await step('DELETE_ORPHANS');

  return {
    documentId,
    outcome: plan.outcome,
    written: {
      nodes: plan.documents.length + plan.agencies.length + plan.tasks.length,
      edges: plan.edges.length,
    },
    removed: { edges: deleted.removed, tasks: tasksRemoved, orphans },
  };
}
