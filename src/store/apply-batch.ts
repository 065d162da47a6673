// Store internals: many documents in one transaction, with the same result as applying them one by one.
// A round trip to the database costs about as much for one row as for a thousand, so new documents are
// planned in memory one after another (each sees what the ones before it wrote) and written with one
// query per node table and edge type. A document replacing a stored version goes through applyFacts
// alone, in its place in the order, because its deletions need the database's state at that point.
import type { ApplyResult, DocumentFacts } from '../model/graph.ts';
import { applyFacts } from './apply-document.ts';
import { type ApplyPlan, planApply } from './apply-plan.ts';
import { createAllEdges } from './create-edges.ts';
import type { ApplyStep, StoreHooks } from './graph-store.ts';
import { agencyToRecord, documentToRecord, graphNodeOf } from './records.ts';
import type { DocumentRow, StoredNode, WriteOps } from './store-ops.ts';

function unchanged(documentId: string): ApplyResult {
  return {
    documentId,
    outcome: 'UNCHANGED',
    written: { nodes: 0, edges: 0 },
    removed: { edges: 0, tasks: 0, orphans: 0 },
  };
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the stored node is an earlier version of this document's own text (its apply must delete). */
function replaces(stored: StoredNode | undefined, facts: DocumentFacts): boolean {
  if (stored?.kind !== 'DOCUMENT' || stored.stored.node.status !== 'FULL_TEXT') return false;
  const n = stored.stored.node;
  return n.contentHash !== facts.contentHash || n.extractorVersion !== facts.extractorVersion;
}

/**
 * Applies `batch` (distinct document ids, the caller's order) inside the caller's transaction. Results in
 * input order. Hooks run after each step for every document of a group, so a failure injected for one
 * document aborts the whole transaction, as it would abort that document's own.
 */
export async function applyBatch(
  ops: WriteOps,
  batch: readonly DocumentFacts[],
  hooks: StoreHooks,
): Promise<ApplyResult[]> {
  const before = new Map(
    (await ops.nodesById(batch.map((f) => f.document.id))).map((s) => [graphNodeOf(s).id, s]),
  );
  const results: ApplyResult[] = [];
  let group: DocumentFacts[] = [];
  for (const facts of batch) {
    if (!replaces(before.get(facts.document.id), facts)) {
      group.push(facts);
      continue;
    }
    results.push(...(await applyNew(ops, group, hooks)));
    group = [];
    results.push(await applyFacts(ops, facts, hooks));
  }
  results.push(...(await applyNew(ops, group, hooks)));
  return results;
}

/** Documents that are new, upgrade a citation, or are unchanged: nothing of theirs needs deleting first. */
async function applyNew(
  ops: WriteOps,
  group: readonly DocumentFacts[],
  hooks: StoreHooks,
): Promise<ApplyResult[]> {
  if (group.length === 0) return [];
  const ids = group.flatMap((f) => [
    f.document.id,
    ...f.mentioned.map((m) => m.id),
    ...f.agencies.map((a) => a.id),
  ]);
  const state = new Map<string, StoredNode>((await ops.nodesById(ids)).map((s) => [graphNodeOf(s).id, s]));
  const before = new Map(state);

  // Plan in order; each plan's rows become the state the next one sees, exactly as if it had been written.
  const results: ApplyResult[] = [];
  const plans: ApplyPlan[] = [];
  const documents = new Map<string, DocumentRow>();
  for (const facts of group) {
    const plan = planApply(facts, state, []);
    if (plan.outcome === 'UNCHANGED') {
      results.push(unchanged(facts.document.id));
      continue;
    }
    for (const row of plan.documents) {
      state.set(row.node.id, { kind: 'DOCUMENT', stored: row });
      documents.set(row.node.id, row);
    }
    for (const a of plan.agencies) state.set(a.id, { kind: 'AGENCY', node: a });
    plans.push(plan);
    results.push({
      documentId: plan.documentId,
      outcome: plan.outcome,
      written: {
        nodes: plan.documents.length + plan.agencies.length + plan.tasks.length,
        edges: plan.edges.length,
      },
      removed: { edges: 0, tasks: 0, orphans: 0 },
    });
  }
  const step = async (s: ApplyStep) => {
    for (const p of plans) await hooks.afterStep?.(s, p.documentId);
  };
  if (plans.length === 0) return results;

  await step('READ_STATE');
  await step('DELETE_EDGES');
  await step('DELETE_TASKS');
  // The last row of a node holds everything the rows before it merged. A row equal to what is stored is
  // not written again: a resolution cited by every plan of the batch mostly stays as it was.
  const changedDocuments = [...documents.values()].filter((row) => {
    const was = before.get(row.node.id);
    return was?.kind !== 'DOCUMENT' || !sameRecord(documentToRecord(row), documentToRecord(was.stored));
  });
  const newDocuments = changedDocuments.filter((row) => !before.has(row.node.id));
  const storedDocuments = changedDocuments.filter((row) => before.has(row.node.id));
  if (newDocuments.length > 0) await ops.createDocuments(newDocuments);
  if (storedDocuments.length > 0) await ops.updateDocuments(storedDocuments);
  await step('UPSERT_DOCUMENTS');
  const agencies = [...new Map(plans.flatMap((p) => p.agencies.map((a) => [a.id, a] as const))).values()];
  const known = agencies.filter((a) => {
    const was = before.get(a.id);
    return was?.kind === 'AGENCY' && !sameRecord(agencyToRecord(a), agencyToRecord(was.node));
  });
  const fresh = agencies.filter((a) => !before.has(a.id));
  if (known.length > 0) await ops.updateAgencies(known);
  if (fresh.length > 0) await ops.createAgencies(fresh);
  await step('UPSERT_AGENCIES');
  // A new document's tasks are new: tasks are only ever written by their own document.
  const tasks = plans.flatMap((p) => p.tasks);
  if (tasks.length > 0) await ops.createTasks(tasks);
  await step('UPSERT_TASKS');
  await createAllEdges(
    ops,
    plans.flatMap((p) => p.edges),
    `for a batch of ${plans.length} documents`,
  );
  await step('CREATE_EDGES');

  // A mentioned node or agency that none of the batch's edges reaches would be removed by a lone apply.
  const reached = new Set(plans.flatMap((p) => p.edges.flatMap((e) => [e.from, e.to])));
  const candidates = [...new Set(plans.flatMap((p) => p.orphanCandidates))].filter((id) => !reached.has(id));
  if (candidates.length > 0) {
    const removed = await ops.deleteOrphans(candidates);
    const last = results.findLast((r) => r.outcome !== 'UNCHANGED');
    if (last) last.removed.orphans += removed;
  }
  await step('DELETE_ORPHANS');
  return results;
}
