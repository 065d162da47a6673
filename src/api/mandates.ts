// API mandates: the assignments in a scope (an agency, a document, a lineage, or the whole graph through the
// catalog), filtered by jurisdiction, role, recurrence and dates — impossible deadlines reported, never dropped.
import {
  type AgencyMandates,
  type DocumentNode,
  foldText,
  type GraphNode,
  jurisdictionKey,
  type Lineage,
} from '../model/graph.ts';
import { isStoreError } from '../store/graph-store.ts';
import { drainInSlices, pace, type Steps } from './budget.ts';
import { keysetPage, pageSize } from './connection.ts';
import type { ApiContext } from './context.ts';
import { dateCriteria, judgeDeadline } from './deadlines.ts';
import { apiError } from './errors.ts';
import type { MandateFilter } from './generated/resolver-types.ts';
import { mandateKey, mandateView, parseMandateId, sortMandates } from './mandate-key.ts';
import type { MandateConnectionView, MandateView } from './mappers.ts';

// Scope lists are derived from a store answer and sorted by mandateKey once, memoized on the answer (which the
// answer cache shares across requests): filtering keeps the order, so a page needs no sort of thousands.
const fromLineage = new WeakMap<Lineage, Promise<readonly MandateView[]>>();
const ofAgency = new WeakMap<AgencyMandates, readonly MandateView[]>();

/**
 * The assignments of a lineage, made a slice at a time (a national lineage holds tens of thousands). A lineage
 * from a task holds that task and its sub-tasks but not their document (it is above the root, not under it):
 * the caller gives it as `holder`, else their assignments would have no document and be lost.
 */
export function mandatesFromLineage(
  l: Lineage,
  holder: DocumentNode | null = null,
): Promise<readonly MandateView[]> {
  let list = fromLineage.get(l);
  if (list === undefined) {
    list = drainInSlices(lineageMandates(l, holder)).then(sortMandates);
    fromLineage.set(l, list);
  }
  return list;
}

const SLICE = 2_000;

function* lineageMandates(l: Lineage, rootHolder: DocumentNode | null): Steps<MandateView[]> {
  const nodes = new Map<string, GraphNode>();
  for (let i = 0; i < l.nodes.length; i++) {
    const n = l.nodes[i] as GraphNode;
    nodes.set(n.id, n);
    if ((i + 1) % SLICE === 0) yield;
  }
  nodes.set(l.root.id, l.root);
  if (rootHolder !== null) nodes.set(rootHolder.id, rootHolder);
  const holder = new Map<string, string>();
  for (const e of l.edges) if (e.type === 'HAS_TASK') holder.set(e.to, e.from);
  yield;
  const out: MandateView[] = [];
  for (let i = 0; i < l.edges.length; i++) {
    const e = l.edges[i] as Lineage['edges'][number];
    if ((i + 1) % SLICE === 0) yield;
    if (e.type !== 'ASSIGNS') continue;
    const task = nodes.get(e.from);
    const agency = nodes.get(e.to);
    // A task without its HAS_TASK edge here is the root or one of its sub-tasks: its document is the root's.
    const document = nodes.get(holder.get(e.from) ?? (task?.kind === 'TASK' ? task.documentId : ''));
    if (task?.kind === 'TASK' && agency?.kind === 'AGENCY' && document?.kind === 'DOCUMENT')
      out.push(mandateView(e, task, agency, document));
  }
  return out;
}

export function mandatesOfAgency(a: AgencyMandates): readonly MandateView[] {
  let list = ofAgency.get(a);
  if (list === undefined) {
    list = sortMandates(
      a.mandates.flatMap((m) =>
        m.edge.type === 'ASSIGNS' ? [mandateView(m.edge, m.task, a.agency, m.document)] : [],
      ),
    );
    ofAgency.set(a, list);
  }
  return list;
}

/**
 * The mandate a "mandate:…" id names: one read of its agency's mandates. Null when the id is well formed but names
 * nothing stored (the agency, or that assignment, is gone); BAD_USER_INPUT when it is not a mandate id.
 */
export async function mandateById(ctx: ApiContext, id: string): Promise<MandateView | null> {
  const parts = parseMandateId(id);
  if (parts === null)
    throw apiError(
      'BAD_USER_INPUT',
      `id: "${id}" is not a mandate id ("mandate:" + the id of an ASSIGNS edge)`,
      { field: 'id' },
    );
  let mandates: readonly MandateView[];
  try {
    mandates = mandatesOfAgency(await ctx.loaders.agencyMandates.load(parts.agencyId));
  } catch (error) {
    if (isStoreError(error, 'NOT_FOUND')) return null;
    throw error;
  }
  const found = mandates.find((m) => m.assignmentId === parts.assignmentId) ?? null;
  if (found !== null) ctx.loaders.remember([found.task, found.agency, found.document]);
  return found;
}

/** The mandates of one scope, sorted by mandateKey; the store calls are a fixed few whatever the number of mandates. */
async function scoped(
  ctx: ApiContext,
  f: MandateFilter,
  impliedAgency: string | null,
): Promise<readonly MandateView[]> {
  const agencies = [...new Set([impliedAgency, f.agency].filter((a): a is string => typeof a === 'string'))];
  if (agencies.length > 1) return [];
  const parts: Array<Promise<readonly MandateView[]>> = [];
  const [agency] = agencies;
  if (agency !== undefined) parts.push(ctx.loaders.agencyMandates.load(agency).then(mandatesOfAgency));
  if (typeof f.document === 'string') {
    parts.push(
      ctx.loaders.ref.load(f.document).then(async (doc) => {
        if (doc.kind !== 'DOCUMENT') throw apiError('BAD_USER_INPUT', `"${f.document}" is not a document`);
        // Depth 1 holds the document's own tasks and their assignments (and its direct implementers', filtered out).
        const l = await ctx.loaders.lineageOf(doc.id, 1);
        return (await mandatesFromLineage(l)).filter((m) => m.document.id === doc.id);
      }),
    );
  }
  if (typeof f.under === 'string') {
    parts.push(
      ctx.loaders.ref.load(f.under).then(async (root) => {
        const [l, holder] = await Promise.all([
          ctx.loaders.lineageOf(root.id, ctx.services.limits.maxLineageDepth),
          root.kind === 'TASK' ? ctx.loaders.node.load(root.documentId) : null,
        ]);
        return mandatesFromLineage(l, holder?.kind === 'DOCUMENT' ? holder : null);
      }),
    );
  }
  if (parts.length === 0) return (await ctx.services.catalog.snapshot()).mandates;
  const [first, ...rest] = await Promise.all(parts);
  const keep = rest.map((list) => new Set(list.map((m) => m.id)));
  return (first ?? []).filter((m) => keep.every((ids) => ids.has(m.id)));
}

export function placeKey(jurisdiction: string): string {
  if (foldText(jurisdiction).length === 0) throw apiError('BAD_USER_INPUT', 'jurisdiction has no words');
  return jurisdictionKey(jurisdiction);
}

/** A mandate is in a place when its document's jurisdiction or province is that place (a province holds its districts). */
export function inPlace(m: MandateView, place: string): boolean {
  const d = m.document;
  return [d.jurisdiction, d.province].some((j) => j !== null && jurisdictionKey(j) === place);
}

export async function mandateConnection(
  ctx: ApiContext,
  filter: MandateFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  impliedAgency: string | null,
): Promise<MandateConnectionView> {
  const f = filter ?? {};
  const n = pageSize(first, 20, ctx.services.limits.maxPageSize);
  const dates = dateCriteria(f);
  const place = typeof f.jurisdiction === 'string' ? placeKey(f.jurisdiction) : null;
  const all = await scoped(ctx, f, impliedAgency);
  const matching: MandateView[] = [];
  const invalid: MandateView[] = [];
  for (let i = 0; i < all.length; i++) {
    const m = all[i] as MandateView;
    if ((i + 1) % SLICE === 0) await pace(ctx.budget);
    if (f.role && m.role !== f.role) continue;
    if (typeof f.recurring === 'boolean' && (m.task.deadlineKind === 'RECURRING') !== f.recurring) continue;
    if (place !== null && !inPlace(m, place)) continue;
    if (dates !== null) {
      const verdict = judgeDeadline(m.task, dates);
      if (verdict === 'INVALID') invalid.push(m);
      if (verdict !== 'MATCH') continue;
    }
    matching.push(m);
  }
  // In mandateKey order already: every scope list is (see `scoped`).
  const page = keysetPage(matching, mandateKey, 'mandate', n, after);
  // The page's nodes answer Task.document and the assignment's ends without a round trip.
  for (const m of [...page.edges.map((e) => e.node), ...invalid])
    ctx.loaders.remember([m.task, m.agency, m.document]);
  return { ...page, invalidDeadlines: invalid };
}
