// API support: the order (and cursor key) of mandates — by document, task key, role, then edge id.
import type { MandateView } from './mappers.ts';

export function mandateKey(m: MandateView): string {
  return `${m.document.id}\u0001${m.task.key}\u0001${m.role}\u0001${m.id}`;
}
