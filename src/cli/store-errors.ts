// CLI support: a store error becomes a message and an exit code (2 for what the user asked or gave, 1 otherwise).
import { isStoreError } from '../store/graph-store.ts';
import { type CliIo, EXIT_INTERNAL, EXIT_USAGE } from './main.ts';

export function storeErrorExit(error: unknown, io: CliIo): number {
  if (!isStoreError(error)) throw error;
  io.stderr(`policy-graph: ${error.code}: ${error.message}\n`);
  const candidates = error.details.candidates;
  if (Array.isArray(candidates))
    for (const c of candidates) io.stderr(`  candidate: ${typeof c === 'string' ? c : JSON.stringify(c)}\n`);
  // UNAVAILABLE: a store that cannot be used as given (damaged, foreign, locked by another writer) — not a bug.
  return ['NOT_FOUND', 'AMBIGUOUS', 'INVALID_ARGUMENT', 'UNAVAILABLE'].includes(error.code)
    ? EXIT_USAGE
    : EXIT_INTERNAL;
}
