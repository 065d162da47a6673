// National corpus (places): the 63 pre-2025 provinces and their districts from the gazetteer, with the words
// documents print for them ("tỉnh"/"thành phố", "huyện"/"quận"/"thị xã"/"thành phố"), and commune names made up
// per district (communes are not in the gazetteer). Everything here is fixed by the gazetteer and a seed.
import {
  allProvinces,
  type DistrictKind,
  matchDistrictAt,
  matchProvinceAt,
} from '../../src/gazetteer/geo.ts';
import { createRng, documentSeed } from '../corpus.ts';
import { compareText, hashKey } from './util.ts';

export interface NationalProvince {
  name: string;
  code: string;
  /** A centrally-run city ("thành phố Hà Nội", Party committee "Thành ủy") or a province ("tỉnh", "Tỉnh ủy"). */
  city: boolean;
  /** How the unit is printed before its name: "tỉnh" or "thành phố". */
  unit: string;
  districts: NationalDistrict[];
}

export interface NationalDistrict {
  name: string;
  code: string;
  kind: DistrictKind;
  /** "huyện", "quận", "thị xã", "thành phố". */
  unit: string;
  province: NationalProvince;
}

const DISTRICT_UNIT: Record<DistrictKind, string> = {
  HUYEN: 'huyện',
  QUAN: 'quận',
  THI_XA: 'thị xã',
  THANH_PHO: 'thành phố',
};

/**
 * Districts the generator leaves out, with the reason (see the report in bench/generate.ts): numbered urban
 * districts ("Quận 1") are never placed by the extractor, since a unit word must be followed by a capitalised name.
 */
const EXCLUDED_DISTRICT = /^Quận \d+$/u;
/**
 * Districts whose name is read as another unit: "thành phố Huế" (of Thừa Thiên Huế before 2025) is taken for the
 * centrally-run city Huế of 2025.
 */
const MISREAD_DISTRICTS = new Set(['Huế']);

let cache: NationalProvince[] | null = null;

/** The 63 provinces and centrally-run cities of 2018–2024, by statistics code, each with its districts. */
export function nationalProvinces(): NationalProvince[] {
  if (cache) return cache;
  cache = allProvinces()
    .filter((p) => p.era !== 'POST_2025' && p.code !== null)
    .map((p) => {
      const city = p.kind === 'THANH_PHO_TW';
      const province: NationalProvince = {
        name: p.name,
        code: p.code as string,
        city,
        unit: city ? 'thành phố' : 'tỉnh',
        districts: [],
      };
      province.districts = p.districts
        .filter((d) => !EXCLUDED_DISTRICT.test(d.name) && !MISREAD_DISTRICTS.has(d.name))
        .map((d) => ({ name: d.name, code: d.code, kind: d.kind, unit: DISTRICT_UNIT[d.kind], province }))
        .sort((a, b) => compareText(a.code, b.code));
      return province;
    })
    .sort((a, b) => compareText(a.code, b.code));
  return cache;
}

// ---------------------------------------------------------------------------------------------
// Communes: two-syllable names of the usual kind ("Tân Hòa", "Ia Tơi"). A name that starts with a district or
// province name ("Tân Phú Đông" starts with the district "Tân Phú") would be read as that unit: never used.

const FIRST = [
  'Tân',
  'Hòa',
  'Phú',
  'An',
  'Bình',
  'Long',
  'Thạnh',
  'Vĩnh',
  'Mỹ',
  'Đông',
  'Tây',
  'Hưng',
  'Phước',
  'Thuận',
  'Quang',
  'Trung',
  'Xuân',
  'Thanh',
  'Hợp',
  'Đại',
  'Kim',
  'Ngọc',
  'Hồng',
  'Yên',
  'Cẩm',
  'Sơn',
  'Lộc',
  'Đức',
  'Nghĩa',
  'Hiệp',
  'Khánh',
  'Tiến',
  'Minh',
  'Quảng',
  'Ia',
  'Đăk',
  'Chư',
  'Nậm',
  'Pá',
  'Mường',
];
const SECOND = [
  'Hòa',
  'Lợi',
  'Thịnh',
  'Phong',
  'Lạc',
  'Thành',
  'Hiệp',
  'Tiến',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Phát',
  'Hưng',
  'Khê',
  'Lâm',
  'Sơn',
  'Thủy',
  'Điền',
  'Mỹ',
  'Quới',
  'Tơi',
  'Kreng',
  'Pơng',
  'Xuyên',
  'Hải',
  'Cường',
  'Định',
  'Tường',
];

const communeCache = new Map<string, string[]>();

/** The communes (xã) of a district: 8–16 names, fixed by the corpus seed and the district code. */
export function communesOf(seed: number, district: NationalDistrict): string[] {
  const key = `${seed}|${district.code}`;
  const hit = communeCache.get(key);
  if (hit) return hit;
  const rng = createRng(documentSeed(seed, hashKey(`communes/${district.code}`)));
  const want = rng.int(8, 16);
  const names: string[] = [];
  for (let tries = 0; names.length < want && tries < 400; tries++) {
    const name = `${rng.pick(FIRST)} ${rng.pick(SECOND)}`;
    if (names.includes(name) || !usableCommuneName(name)) continue;
    names.push(name);
  }
  communeCache.set(key, names);
  return names;
}

const usable = new Map<string, boolean>();

function usableCommuneName(name: string): boolean {
  let ok = usable.get(name);
  if (ok === undefined) {
    const [a, b] = name.split(' ') as [string, string];
    ok = a !== b && matchDistrictAt(name, 0) === null && matchProvinceAt(name, 0) === null;
    usable.set(name, ok);
  }
  return ok;
}
