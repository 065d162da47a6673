// Extract (places): provinces and districts named in a text ("tỉnh Kon Tum", "huyện Ia H'Drai"),
// counted, so a document that says only "UBND tỉnh" can be placed (DOMAIN §2, §4).
import { matchDistrictAt, matchProvinceAt } from '../../gazetteer/geo.ts';
import type { NormalizedText } from '../normalize.ts';

export interface PlaceCounts {
  provinces: Map<string, number>;
  /** District name → its province and count. */
  districts: Map<string, { province: string; count: number }>;
}

const UNIT = /(?<![a-z])(tinh|thanh pho|tp\.?|huyen|quan|thi xa)[ \t]+/g;

export function countPlaces(n: NormalizedText, from = 0, to = n.text.length): PlaceCounts {
  const provinces = new Map<string, number>();
  const districts = new Map<string, { province: string; count: number }>();
  const fold = n.fold.slice(0, to);
  UNIT.lastIndex = from;
  for (let m = UNIT.exec(fold); m; m = UNIT.exec(fold)) {
    const at = m.index + m[0].length;
    if (!/^\p{Lu}/u.test(n.text.charAt(at))) continue;
    const word = m[1] as string;
    if (word === 'tinh' || word.startsWith('t')) {
      const p = matchProvinceAt(n.text, at);
      if (p && (word === 'tinh' || p.province.kind === 'THANH_PHO_TW')) {
        provinces.set(p.province.name, (provinces.get(p.province.name) ?? 0) + 1);
        continue;
      }
    }
    if (word !== 'tinh') {
      const d = matchDistrictAt(n.text, at);
      const first = d?.districts[0];
      if (d && first) {
        const entry = districts.get(first.name) ?? { province: first.province.name, count: 0 };
        entry.count++;
        districts.set(first.name, entry);
      }
    }
  }
  return { provinces, districts };
}

/** The most named key of a count map; ties keep the first named. */
export function mostNamed<T>(counts: Map<string, T>, count: (v: T) => number): string | null {
  let best: string | null = null;
  let bestN = 0;
  for (const [k, v] of counts) {
    if (count(v) > bestN) {
      best = k;
      bestN = count(v);
    }
  }
  return best;
}
