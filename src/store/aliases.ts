// Store internals: reads by a merged-away document id — the document it was merged into answers for it — composed from read primitives.
import { type DocumentNode, documentIdKeys, symbolKey } from '../model/graph.ts';
import { StoreError } from './graph-store.ts';
import { type DocumentCriteria, matchesCriteria, type ReadOps } from './store-ops.ts';

/** The document that absorbed `id`; null when none did. Two claimants (the id reappeared and was merged again elsewhere) are AMBIGUOUS. */
export async function documentByMergedId(ops: ReadOps, id: string): Promise<DocumentNode | null> {
  const found = (await ops.documentsByMergedPrefix(id)).filter((d) => d.mergedIds.includes(id));
  if (found.length > 1) {
    throw new StoreError('AMBIGUOUS', `${found.length} documents were merged from ${id}`, {
      details: { candidates: found.map((d) => d.id).sort() },
    });
  }
  return found[0] ?? null;
}

/**
 * Whether `d` matches the criteria as the document `mergedId` named: the id's symbol and jurisdiction
 * stand in for the node's; its date or year stands in for the node's date group (which moves as one);
 * what the id does not say, and type, status, level and branch, are the node's own.
 */
function matchesAs(mergedId: string, d: DocumentNode, c: DocumentCriteria): boolean {
  const k = documentIdKeys(mergedId);
  if (k === null) return false;
  const ownSymbolKey = d.symbol === null ? null : symbolKey(d.symbol);
  const datedById = k.dateValue !== null || k.year !== null;
  return matchesCriteria(
    {
      symbolKey: k.symbolKey ?? ownSymbolKey,
      jurisdictionKey: k.jurisdictionKey,
      dateValue: datedById ? k.dateValue : d.dateValue,
      year: datedById ? k.year : d.year,
      type: d.type,
      status: d.status,
      level: d.level,
      branch: d.branch,
    },
    c,
  );
}

/** Documents that match the criteria through one of their merged-away ids (see `matchesAs`). */
export async function documentsMatchingMergedIds(ops: ReadOps, c: DocumentCriteria): Promise<DocumentNode[]> {
  // Only what an id says can differ from the node's own fields; without such a criterion the direct match is complete.
  if (
    c.symbolKey === undefined &&
    c.jurisdictionKey === undefined &&
    c.dateValue === undefined &&
    c.year === undefined
  ) {
    return [];
  }
  const prefix = c.symbolKey === undefined ? 'doc:' : `doc:${c.symbolKey}@`;
  return (await ops.documentsByMergedPrefix(prefix)).filter((d) =>
    d.mergedIds.some((id) => matchesAs(id, d, c)),
  );
}
