// Query (coverage units): the units a coverage question is asked over — provinces of an era (63 before the 2025 merger,
// 34 after) or the districts (of one province), from the gazetteer.
import { allDistricts, allProvinces, findProvince } from '../gazetteer/geo.ts';
import type { Level } from '../model/extraction.ts';
import type { DocumentNode } from '../model/graph.ts';
import { StoreError } from '../store/graph-store.ts';
/** Which province list: the 63 units before the 2025 merger, or the 34 after. */
export type Era = 'PRE_2025' | 'POST_2025';

/** The merged provinces took effect on 1 July 2025 (Resolution 202/2025/QH15). */
const MERGER_EFFECTIVE = '2025-07';

/** The province list a document belongs to: by its date (or year); undated ones are taken as pre-merger. */
export function eraOf(doc: DocumentNode): Era {
  const when = doc.dateValue ?? (doc.year === null ? null : String(doc.year));
  return when !== null && when >= MERGER_EFFECTIVE ? 'POST_2025' : 'PRE_2025';
}

export function coverageUnits(
  level: Level,
  root: DocumentNode,
  era: Era | null | undefined,
  province: string | null | undefined,
): { units: string[]; era: Era | null } {
  if (level === 'PROVINCE') {
    if (typeof province === 'string')
      throw new StoreError(
        'INVALID_ARGUMENT',
        '`province` narrows DISTRICT coverage; it does not apply to PROVINCE',
      );
    const chosen = era ?? eraOf(root);
    const units = allProvinces()
      .filter((p) => (chosen === 'PRE_2025' ? p.era !== 'POST_2025' : p.era !== 'PRE_2025'))
      .map((p) => p.name);
    return { units, era: chosen };
  }
  if (level === 'DISTRICT') {
    if (era === 'POST_2025')
      throw new StoreError(
        'INVALID_ARGUMENT',
        'the district level was abolished in 2025: DISTRICT coverage is pre-2025 only',
      );
    let districts = allDistricts();
    if (typeof province === 'string') {
      const p = findProvince(province);
      if (p === null) throw new StoreError('INVALID_ARGUMENT', `unknown province "${province}"`);
      districts = districts.filter((d) => d.province.name === p.name);
      if (districts.length === 0)
        throw new StoreError(
          'INVALID_ARGUMENT',
          `${p.name} has no districts in the gazetteer (a post-2025 unit)`,
        );
    }
    // District names repeat across provinces ("Châu Thành"): a unit is a name, as documents name their jurisdiction.
    return { units: [...new Set(districts.map((d) => d.name))], era: null };
  }
  throw new StoreError('INVALID_ARGUMENT', `coverage is asked at PROVINCE or DISTRICT level, not ${level}`);
}
