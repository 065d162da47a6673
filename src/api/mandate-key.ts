// API support: mandates as nodes — their ids ("mandate:" + the ASSIGNS edge's id), the view of one assignment, and
// their order (and cursor key): by document, task key, role, then edge id.
import type { AgencyNode, DocumentNode, GraphEdge, TaskNode } from '../model/graph.ts';
import type { MandateView } from './mappers.ts';

export const MANDATE_PREFIX = 'mandate:';

/** A mandate's node id: stable while its ASSIGNS edge is stored (the edge id is made of its ends, asserter and role). */
export const mandateId = (assignmentId: string) => `${MANDATE_PREFIX}${assignmentId}`;

/** The parts of a mandate id; null for a string that is not one ("mandate:ASSIGNS:<task>-><agency>|<document>|<role>"). */
export function parseMandateId(
  id: string,
): { assignmentId: string; taskId: string; agencyId: string; role: 'LEAD' | 'COORDINATOR' } | null {
  const m = /^mandate:(ASSIGNS:(doc:[^#]+#.+)->(agency:[^|]+)\|doc:[^|#]+\|(LEAD|COORDINATOR))$/.exec(id);
  if (m === null) return null;
  return {
    assignmentId: m[1] as string,
    taskId: m[2] as string,
    agencyId: m[3] as string,
    role: m[4] as 'LEAD' | 'COORDINATOR',
  };
}

export function mandateView(
  assignment: GraphEdge & { type: 'ASSIGNS' },
  task: TaskNode,
  agency: AgencyNode,
  document: DocumentNode,
): MandateView {
  return {
    id: mandateId(assignment.id),
    kind: 'MANDATE',
    assignmentId: assignment.id,
    role: assignment.role,
    agency,
    task,
    document,
    assignment,
  };
}

/** The order key; it holds the edge id, not the mandate id, so cursors stay what they were before mandates had ids. */
export function mandateKey(m: MandateView): string {
  return `${m.document.id}\u0001${m.task.key}\u0001${m.role}\u0001${m.assignmentId}`;
}

/** Sorted by mandateKey, each key made once (a comparator making both keys costs 30× more on 30,000 mandates). */
export function sortMandates(list: readonly MandateView[]): MandateView[] {
  const keyed = list.map((m) => ({ key: mandateKey(m), m }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.m);
}
