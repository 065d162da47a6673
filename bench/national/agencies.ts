// National corpus (agencies): who leads and coordinates tasks at each level, by field of work. Each agency has
// its canonical name (what the extractor yields, what expected.json records) and the forms printed for it
// ("Sở KH&CN", "phòng Kinh tế - Hạ tầng"). A district's offices depend on its kind: a city has "Phòng Quản lý
// đô thị" where a rural district has "Phòng Kinh tế và Hạ tầng".
import type { Rng } from '../corpus.ts';
import type { NationalDistrict } from './places.ts';

export type Field =
  | 'khcn'
  | 'khdt'
  | 'tc'
  | 'nv'
  | 'tp'
  | 'yt'
  | 'gd'
  | 'ct'
  | 'nn'
  | 'tnmt'
  | 'ldtbxh'
  | 'tttt'
  | 'vhttdl'
  | 'xd'
  | 'gtvt'
  | 'ca'
  | 'qs'
  | 'tt'
  | 'vp'
  | 'dt'
  | 'bhxh'
  | 'thue'
  | 'mttq'
  | 'doan'
  | 'pn'
  | 'nd';

export interface Agency {
  /** Canonical name, as the extractor gives it. */
  name: string;
  /** Forms printed for it; the first is the canonical one. */
  printed: readonly string[];
}

const agency = (name: string, ...variants: string[]): Agency => ({ name, printed: [name, ...variants] });

/** Provincial departments and bodies, by field. */
const PROVINCE: Record<Field, Agency> = {
  khcn: agency('Sở Khoa học và Công nghệ', 'Sở KH&CN'),
  khdt: agency('Sở Kế hoạch và Đầu tư', 'Sở KH&ĐT'),
  tc: agency('Sở Tài chính'),
  nv: agency('Sở Nội vụ'),
  tp: agency('Sở Tư pháp'),
  yt: agency('Sở Y tế'),
  gd: agency('Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'),
  ct: agency('Sở Công Thương'),
  nn: agency('Sở Nông nghiệp và Phát triển nông thôn', 'Sở NN&PTNT'),
  tnmt: agency('Sở Tài nguyên và Môi trường', 'Sở TN&MT'),
  ldtbxh: agency('Sở Lao động - Thương binh và Xã hội', 'Sở LĐ-TB&XH'),
  tttt: agency('Sở Thông tin và Truyền thông', 'Sở TT&TT'),
  vhttdl: agency('Sở Văn hóa, Thể thao và Du lịch', 'Sở VH-TT&DL'),
  xd: agency('Sở Xây dựng'),
  // "Sở Giao thông vận tải" loses "tải" (read as "tại", a word that ends an assignee list): not printed.
  gtvt: agency('Sở Xây dựng'),
  ca: agency('Công an tỉnh'),
  qs: agency('Bộ Chỉ huy Quân sự tỉnh'),
  tt: agency('Thanh tra tỉnh'),
  vp: agency('Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng UBND tỉnh'),
  dt: agency('Ban Dân tộc tỉnh'),
  bhxh: agency('Bảo hiểm xã hội tỉnh'),
  thue: agency('Cục Thuế tỉnh'),
  mttq: agency('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh'),
  doan: agency('Tỉnh đoàn'),
  pn: agency('Hội Liên hiệp Phụ nữ tỉnh'),
  nd: agency('Hội Nông dân tỉnh'),
};

/**
 * Bodies of a centrally-run city that differ from a province's. "Bộ Chỉ huy Quân sự thành phố" and "Cục Thuế
 * thành phố" read as central bodies, "Thành đoàn" as no agency at all: other bodies stand in for them.
 */
const CITY: Partial<Record<Field, Agency>> = {
  ca: agency('Công an thành phố'),
  qs: agency('Công an thành phố'),
  tt: agency('Thanh tra thành phố'),
  vp: agency('Văn phòng Ủy ban nhân dân thành phố', 'Văn phòng UBND thành phố'),
  dt: agency('Ban Dân tộc thành phố'),
  bhxh: agency('Bảo hiểm xã hội thành phố'),
  thue: agency('Sở Tài chính'),
  mttq: agency('Ủy ban Mặt trận Tổ quốc Việt Nam thành phố'),
  doan: agency('Hội Liên hiệp Phụ nữ thành phố'),
  pn: agency('Hội Liên hiệp Phụ nữ thành phố'),
  nd: agency('Hội Nông dân thành phố'),
};

/** Party bodies of a province ("Tỉnh ủy") or a centrally-run city ("Thành ủy"), leading programme tasks. */
export function partyAgencies(city: boolean): Agency[] {
  const u = city ? 'Thành ủy' : 'Tỉnh ủy';
  const unit = city ? 'thành phố' : 'tỉnh';
  return [
    agency(`Ban Tuyên giáo ${u}`),
    agency(`Ban Tổ chức ${u}`),
    agency(`Ban Dân vận ${u}`),
    agency(`Ban Nội chính ${u}`),
    agency(`Ủy ban Kiểm tra ${u}`),
    agency(`Văn phòng ${u}`),
    agency(`Ban cán sự đảng Ủy ban nhân dân ${unit}`, `Ban cán sự đảng UBND ${unit}`),
  ];
}

export function provinceAgency(field: Field, city: boolean): Agency {
  return (city ? CITY[field] : undefined) ?? PROVINCE[field];
}

/**
 * District offices by field. `u` is the unit word ("huyện", "quận", "thành phố"); for a town ("thị xã") bodies
 * named after the unit are replaced by offices ("Công an thị xã" ends like a commune's name and is misread).
 */
export function districtAgency(field: Field, district: NationalDistrict): Agency {
  const rural = district.kind === 'HUYEN';
  const u = district.unit;
  const town = district.kind === 'THI_XA';
  const economy = rural
    ? agency('Phòng Kinh tế và Hạ tầng', 'Phòng Kinh tế - Hạ tầng', 'Phòng KT-HT')
    : agency('Phòng Kinh tế');
  const urban = rural ? economy : agency('Phòng Quản lý đô thị');
  const named = (name: string, fallback: Agency) => (town ? fallback : agency(name));
  const table: Record<Field, Agency> = {
    khcn: economy,
    khdt: agency('Phòng Tài chính - Kế hoạch', 'Phòng TC-KH'),
    tc: agency('Phòng Tài chính - Kế hoạch', 'Phòng TC-KH'),
    nv: agency('Phòng Nội vụ'),
    tp: agency('Phòng Tư pháp'),
    yt: agency('Phòng Y tế'),
    gd: agency('Phòng Giáo dục và Đào tạo', 'Phòng GD&ĐT'),
    ct: economy,
    nn: rural ? agency('Phòng Nông nghiệp và Phát triển nông thôn', 'Phòng NN&PTNT') : economy,
    tnmt: agency('Phòng Tài nguyên và Môi trường', 'Phòng TN&MT'),
    ldtbxh: agency('Phòng Lao động - Thương binh và Xã hội', 'Phòng LĐ-TB&XH'),
    tttt: agency('Phòng Văn hóa và Thông tin'),
    vhttdl: agency('Phòng Văn hóa và Thông tin'),
    xd: urban,
    gtvt: urban,
    ca: named(`Công an ${u}`, agency('Phòng Tư pháp')),
    qs: named(`Ban Chỉ huy Quân sự ${u}`, agency('Phòng Nội vụ')),
    tt: named(`Thanh tra ${u}`, agency('Phòng Nội vụ')),
    // "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện" splits at "và Ủy ban": never printed.
    vp: agency('Phòng Nội vụ'),
    dt: rural ? agency('Phòng Dân tộc') : agency('Phòng Nội vụ'),
    bhxh: named(`Bảo hiểm xã hội ${u}`, agency('Phòng Lao động - Thương binh và Xã hội')),
    thue: agency('Chi cục Thuế'),
    mttq: named(`Ủy ban Mặt trận Tổ quốc Việt Nam ${u}`, agency('Phòng Văn hóa và Thông tin')),
    doan: named(`Trung tâm Văn hóa - Thể thao và Truyền thông ${u}`, agency('Phòng Văn hóa và Thông tin')),
    pn: named(`Hội Liên hiệp Phụ nữ ${u}`, agency('Phòng Lao động - Thương binh và Xã hội')),
    nd: named(`Hội Nông dân ${u}`, economy),
  };
  return table[field];
}

/** Central bodies: ministries and Party commissions. */
const CENTRAL: Record<Field, Agency> = {
  khcn: agency('Bộ Khoa học và Công nghệ'),
  khdt: agency('Bộ Kế hoạch và Đầu tư'),
  tc: agency('Bộ Tài chính'),
  nv: agency('Bộ Nội vụ'),
  tp: agency('Bộ Tư pháp'),
  yt: agency('Bộ Y tế'),
  gd: agency('Bộ Giáo dục và Đào tạo'),
  ct: agency('Bộ Công Thương'),
  nn: agency('Bộ Nông nghiệp và Phát triển nông thôn'),
  tnmt: agency('Bộ Tài nguyên và Môi trường'),
  ldtbxh: agency('Bộ Lao động - Thương binh và Xã hội'),
  tttt: agency('Bộ Thông tin và Truyền thông'),
  vhttdl: agency('Bộ Văn hóa, Thể thao và Du lịch'),
  xd: agency('Bộ Xây dựng'),
  gtvt: agency('Bộ Xây dựng'),
  ca: agency('Bộ Công an'),
  qs: agency('Bộ Quốc phòng'),
  tt: agency('Thanh tra Chính phủ'),
  vp: agency('Văn phòng Chính phủ'),
  dt: agency('Ủy ban Dân tộc'),
  bhxh: agency('Bảo hiểm xã hội Việt Nam'),
  thue: agency('Bộ Tài chính'),
  mttq: agency('Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam'),
  doan: agency('Bộ Nội vụ'),
  pn: agency('Bộ Lao động - Thương binh và Xã hội'),
  nd: agency('Bộ Nông nghiệp và Phát triển nông thôn'),
};

export function centralAgency(field: Field): Agency {
  return CENTRAL[field];
}

/** Party commissions at the centre, leading the tasks of Party resolutions. */
export const CENTRAL_PARTY: readonly Agency[] = [
  agency('Ban Tuyên giáo Trung ương'),
  agency('Ban Tổ chức Trung ương'),
  agency('Ban Kinh tế Trung ương'),
  agency('Ban Dân vận Trung ương'),
  agency('Ban Nội chính Trung ương'),
  agency('Ủy ban Kiểm tra Trung ương'),
  agency('Văn phòng Trung ương Đảng'),
  agency('Ban cán sự đảng Chính phủ'),
];

/** A commune's bodies. */
export const COMMUNE: readonly Agency[] = [
  agency('Công an xã'),
  agency('Ban Chỉ huy Quân sự xã'),
  agency('Trạm Y tế xã'),
  agency('Hội Nông dân xã'),
  agency('Hội Liên hiệp Phụ nữ xã'),
  agency('Hội Cựu chiến binh xã'),
  agency('Ủy ban Mặt trận Tổ quốc Việt Nam xã'),
];

/** A printed form of an agency: mostly the canonical name, sometimes an abbreviation or a variant. */
export function printedForm(rng: Rng, a: Agency): string {
  if (a.printed.length === 1 || !rng.chance(0.2)) return a.name;
  return a.printed[rng.int(1, a.printed.length - 1)] as string;
}

/** Every field, in a fixed order. */
export const FIELDS = Object.keys(PROVINCE) as Field[];
