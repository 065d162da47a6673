import { describe, expect, it } from 'vitest';
import {
  allDistricts,
  allProvinces,
  type District,
  findDistricts,
  findProvince,
  GeoData,
  geoKey,
  matchDistrictAt,
  matchProvinceAt,
  type Province,
  provinceAfterMerger2025,
} from '../src/gazetteer/geo.ts';

const provinceNames = (ds: readonly District[]) => ds.map((d) => d.province.name).sort();
const mustFind = (name: string): Province => {
  const p = findProvince(name);
  if (p === null) throw new Error(`no province ${name}`);
  return p;
};

describe('geoKey', () => {
  it.each([
    ["Ia H' Drai", 'ia hdrai'], // space after the apostrophe, as the GSO list writes it
    ["IA H'DRAI", 'ia hdrai'], // upper case
    ['ia hdrai', 'ia hdrai'], // no apostrophe at all
    ['Ia H\u2019Drai', 'ia hdrai'], // typographic apostrophe
    ['Thanh Hoá', 'thanh hoa'], // old tone placement
    ['Thanh Hóa', 'thanh hoa'], // modern tone placement
    ['Thanh Hóa'.normalize('NFD'), 'thanh hoa'], // decomposed Unicode from a PDF tool
    ['Đắk Lắk', 'dak lak'], // đ → d
    ['Đăk Lăk', 'dak lak'], // the other common spelling
    ['Bà Rịa - Vũng Tàu', 'ba ria vung tau'], // spaced hyphen
    ['Bà Rịa-Vũng Tàu', 'ba ria vung tau'], // tight hyphen separates words too
    ['TP. Hồ  Chí\nMinh ', 'tp ho chi minh'], // dot, runs of whitespace, trailing space
    ['', ''], // empty
  ])('%j → %j', (input, key) => {
    expect(geoKey(input)).toBe(key);
  });
});

describe('findProvince', () => {
  it.each([
    ['Quảng Ngãi', 'Quảng Ngãi'], // canonical
    ['tỉnh Quảng Ngãi', 'Quảng Ngãi'], // with its type word
    ['TỈNH QUẢNG NGÃI', 'Quảng Ngãi'], // letterhead capitals
    ['quang ngai', 'Quảng Ngãi'], // no diacritics
    ['Tỉnh  Quảng\nNgãi', 'Quảng Ngãi'], // broken whitespace
    ['tĩnh Quảng Ngãi', 'Quảng Ngãi'], // the "tĩnh" typo folds to the same prefix
    ['TP. Hồ Chí Minh', 'Hồ Chí Minh'], // abbreviated type word with a dot
    ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh'], // full type word
    ['TP HCM', 'Hồ Chí Minh'], // abbreviation after a type word
    ['TP.HCM', 'Hồ Chí Minh'], // abbreviation, no space
    ['TPHCM', 'Hồ Chí Minh'], // one word
    ['Hồ Chí Minh', 'Hồ Chí Minh'], // bare name
    ['Thành phố Hà Nội', 'Hà Nội'], // centrally-run city
    ['Thanh Hoá', 'Thanh Hóa'], // old tone placement
    ['Khánh Hoà', 'Khánh Hòa'], // old tone placement
    ['tỉnh Hoà Bình', 'Hòa Bình'], // old tone placement, pre-2025 only
    ['Bà Rịa Vũng Tàu', 'Bà Rịa - Vũng Tàu'], // without the hyphen
    ['BR-VT', 'Bà Rịa - Vũng Tàu'], // alias
    ['Đăk Nông', 'Đắk Nông'], // other spelling of Đắk
    ['Kontum', 'Kon Tum'], // alias written as one word
    ['Thừa Thiên - Huế', 'Thừa Thiên Huế'], // hyphenated form of the pre-2025 province
    ['Thành phố Huế', 'Huế'], // the post-2025 city
  ])('%j → %s', (input, name) => {
    expect(findProvince(input)?.name).toBe(name);
  });

  it.each([
    ['Quảng'], // a prefix of a name is not a name
    ['Kon Tumxyz'], // trailing garbage
    ['tỉnh'], // only the type word
    [''], // empty
    ['Châu Thành'], // a district, not a province
  ])('%j → null', (input) => {
    expect(findProvince(input)).toBeNull();
  });

  it.each([
    ['Kon Tum', 'PRE_2025', 'TINH'], // merged into Quảng Ngãi in 2025
    ['Yên Bái', 'PRE_2025', 'TINH'], // merged into Lào Cai
    ['Thừa Thiên Huế', 'PRE_2025', 'TINH'], // renamed Huế, then kept as is
    ['Quảng Ngãi', 'BOTH', 'TINH'], // the name survives with more territory
    ['Lào Cai', 'BOTH', 'TINH'], // the name survives with more territory
    ['Hà Nội', 'BOTH', 'THANH_PHO_TW'], // province-level city, unchanged
    ['Hồ Chí Minh', 'BOTH', 'THANH_PHO_TW'], // province-level city that absorbed two provinces
    ['Huế', 'POST_2025', 'THANH_PHO_TW'], // only in the post-2025 list
  ])('%s is %s, %s', (name, era, kind) => {
    const p = mustFind(name);
    expect(p.era).toBe(era);
    expect(p.kind).toBe(kind);
  });
});

describe('findDistricts', () => {
  it.each([
    ["Ia H'Drai", ['Kon Tum']], // canonical apostrophe name
    ["huyện Ia H' Drai", ['Kon Tum']], // GSO spelling with its type word
    ["IA H'DRAI", ['Kon Tum']], // capitals
    ['Ia Hdrai', ['Kon Tum']], // no apostrophe
    ['Kon Tum', ['Kon Tum']], // the province capital is a district-level "thành phố"
    ['thành phố Kon Tum', ['Kon Tum']], // with its type word
    ['TP Kon Tum', ['Kon Tum']], // abbreviated type word
    ['Sa Thầy', ['Kon Tum']], // an ordinary huyện
    ['Bảo Thắng', ['Lào Cai']], // a Lào Cai huyện
    ['Bình Sơn', ['Quảng Ngãi']], // a Quảng Ngãi huyện
    ['Quận 1', ['Hồ Chí Minh']], // numbered urban district
    ['Q.1', ['Hồ Chí Minh']], // numbered urban district, abbreviated
    ['Châu Thành A', ['Hậu Giang']], // not the same as Châu Thành
    ['Thủy Nguyên', ['Hải Phòng']], // source spells it "Thuỷ Nguyên"
    ['Kỳ Anh', ['Hà Tĩnh', 'Hà Tĩnh']], // a huyện and a thị xã of the same name
    [
      'Châu Thành',
      [
        'An Giang',
        'Bến Tre',
        'Hậu Giang',
        'Kiên Giang',
        'Long An',
        'Sóc Trăng',
        'Tiền Giang',
        'Trà Vinh',
        'Tây Ninh',
        'Đồng Tháp',
      ].sort(),
    ], // ten provinces have one
    ['Hà Nội', []], // a province-level city is not a district
    ['1', []], // a bare number is not a name
    ['Châu', []], // a prefix of a name is not a name
  ])('%j → %j', (input, provinces) => {
    expect(provinceNames(findDistricts(input))).toEqual(provinces);
  });

  it.each([
    ['Kon Tum', 'THANH_PHO', '608'], // district-level city
    ["Ia H'Drai", 'HUYEN', '618'], // huyện
    ['Ba Đình', 'QUAN', '001'], // quận of Hà Nội
    ['Hoài Nhơn', 'THI_XA', '543'], // thị xã of Bình Định
  ])('%s is a %s with code %s', (name, kind, code) => {
    const [d, ...rest] = findDistricts(name);
    expect(rest).toEqual([]);
    expect(d?.kind).toBe(kind);
    expect(d?.code).toBe(code);
  });

  it('returns a fresh array each time', () => {
    const a = findDistricts('Châu Thành');
    a.pop();
    expect(findDistricts('Châu Thành')).toHaveLength(10);
  });
});

describe('matchProvinceAt', () => {
  const at = (text: string, marker: string) => text.indexOf(marker);
  it.each([
    ['Ủy ban nhân dân tỉnh Kon Tum, ngày 15/8/2023', 'Kon Tum', 'Kon Tum', 'Kon Tum'], // followed by a comma
    ['UBND tỉnh Kon Tum', 'Kon Tum', 'Kon Tum', 'Kon Tum'], // at the end of the text
    ['TỈNH KON TUM.', 'KON', 'Kon Tum', 'KON TUM'], // capitals, then a dot
    ['tỉnh Kon\nTum về', 'Kon', 'Kon Tum', 'Kon\nTum'], // split by a line break
    ['tỉnh Bà Rịa - Vũng Tàu và', 'Bà', 'Bà Rịa - Vũng Tàu', 'Bà Rịa - Vũng Tàu'], // whole multi-word name
    ['tỉnh Thanh Hoá)', 'Thanh', 'Thanh Hóa', 'Thanh Hoá'], // old tone placement, then a bracket
    ['UBND TP.HCM', 'TP', 'Hồ Chí Minh', 'TP.HCM'], // alias
    ['tỉnh Đắk Lắk;', 'Đắk', 'Đắk Lắk', 'Đắk Lắk'], // đ
    ['thành phố Hà Nội', 'Hà', 'Hà Nội', 'Hà Nội'], // centrally-run city
  ])('%j at %j → %s spanning %j', (text, marker, name, span) => {
    const index = at(text, marker);
    const m = matchProvinceAt(text, index);
    expect(m?.province.name).toBe(name);
    expect(m === null ? null : text.slice(index, m.end)).toBe(span);
  });

  it.each([
    ['tỉnh Đắk Lắk, năm', 'Đắk', 'Đắk Lắk'], // marks inside the name
    ['tỉnh Phú Thọ, năm', 'Phú', 'Phú Thọ'], // the last letter carries a mark: end is after the mark
    ['tỉnh Quảng Trị', 'Quảng', 'Quảng Trị'], // same, at the end of the text
  ])('keeps offsets into decomposed (NFD) text: %j', (nfc, marker, name) => {
    const text = nfc.normalize('NFD');
    const m = matchProvinceAt(text, text.indexOf(marker.normalize('NFD')));
    expect(m?.province.name).toBe(name);
    expect(m?.end).toBe(text.includes(',') ? text.indexOf(',') : text.length);
  });

  it.each([
    ['tỉnh Kon Tumxyz', 5], // no word boundary after the name
    ['tỉnh Kon', 5], // only the first word of a name
    ['tỉnhKon Tum', 4], // no word boundary before the name
    ['tỉnh Kon Tum', 0], // the name does not start at the index
    ['tỉnh  Kon Tum', 5], // the index is on a space
    ['tỉnh Kon Tum', 12], // the index is at the end of the text
    ['tỉnh Kon Tum', -1], // out of range
    ['tỉnh Lai Vung', 5], // Lai Vung is a district; Lai Châu is not there
  ])('%j at %i → null', (text, index) => {
    expect(matchProvinceAt(text, index)).toBeNull();
  });
});

describe('matchDistrictAt', () => {
  it.each([
    ['huyện Châu Thành A, tỉnh Hậu Giang', 6, 'Châu Thành A', ['Hậu Giang']], // the longer name wins
    ['huyện Châu Thành, tỉnh Long An', 6, 'Châu Thành', 10], // every Châu Thành
    ['huyện Châu Thành Anh', 6, 'Châu Thành', 10], // "A" is not a word here, so the shorter name
    ['huyện Mường Lát', 6, 'Mường Lát', ['Thanh Hóa']], // not Mường La
    ['huyện Mường La', 6, 'Mường La', ['Sơn La']], // Mường La itself
    ["huyện Ia H' Drai, tỉnh Kon Tum", 6, "Ia H' Drai", ['Kon Tum']], // GSO spelling in text
    ["huyện Ia H'Drai.", 6, "Ia H'Drai", ['Kon Tum']], // canonical spelling in text
    ['thành phố Kon Tum', 10, 'Kon Tum', ['Kon Tum']], // district-level city
    ['Quận 10, TP.HCM', 0, 'Quận 10', ['Hồ Chí Minh']], // not Quận 1
    ['Quận 1, TP.HCM', 0, 'Quận 1', ['Hồ Chí Minh']], // Quận 1 itself
    ['huyện Kỳ Anh', 6, 'Kỳ Anh', ['Hà Tĩnh', 'Hà Tĩnh']], // huyện and thị xã share the name
  ])('%j at %i → %j', (text, index, span, expected) => {
    const m = matchDistrictAt(text, index);
    expect(m === null ? null : text.slice(index, m.end)).toBe(span);
    const names = provinceNames(m?.districts ?? []);
    if (typeof expected === 'number') expect(names).toHaveLength(expected);
    else expect(names).toEqual(expected);
  });

  it.each([
    ['huyện Đắk Hàxyz', 6], // no word boundary after the name
    ['huyện Châu', 6], // first word only
    ['huyệnSa Thầy', 5], // no word boundary before the name
    ['Quận 100', 0], // a longer number is another name
    ['huyện Kon Tum', 0], // the index is on the type word
  ])('%j at %i → null', (text, index) => {
    expect(matchDistrictAt(text, index)).toBeNull();
  });
});

describe('provinceAfterMerger2025', () => {
  it.each([
    ['Kon Tum', 'Quảng Ngãi'], // Kon Tum joined Quảng Ngãi
    ['Quảng Ngãi', 'Quảng Ngãi'], // and Quảng Ngãi kept its name
    ['Lào Cai', 'Lào Cai'], // Lào Cai + Yên Bái → Lào Cai
    ['Yên Bái', 'Lào Cai'], // Lào Cai + Yên Bái → Lào Cai
    ['Hà Giang', 'Tuyên Quang'], // Hà Giang joined Tuyên Quang
    ['Bình Dương', 'Hồ Chí Minh'], // two provinces joined Hồ Chí Minh city
    ['Bà Rịa - Vũng Tàu', 'Hồ Chí Minh'], // two provinces joined Hồ Chí Minh city
    ['Hải Dương', 'Hải Phòng'], // joined a centrally-run city
    ['Quảng Nam', 'Đà Nẵng'], // joined a centrally-run city
    ['Hòa Bình', 'Phú Thọ'], // three provinces became Phú Thọ
    ['Bình Định', 'Gia Lai'], // Gia Lai kept the name, Bình Định's code
    ['Thừa Thiên Huế', 'Huế'], // a name change, no merger
    ['Huế', 'Huế'], // a post-2025 unit maps to itself
    ['Lạng Sơn', 'Lạng Sơn'], // unchanged
  ])('%s → %s', (from, to) => {
    expect(provinceAfterMerger2025(mustFind(from))?.name).toBe(to);
  });

  it.each([
    ['Lào Cai', ['Lào Cai', 'Yên Bái']], // two into one
    ['Quảng Ngãi', ['Kon Tum', 'Quảng Ngãi']], // two into one
    ['Hồ Chí Minh', ['Bà Rịa - Vũng Tàu', 'Bình Dương', 'Hồ Chí Minh']], // three into one
    ['Huế', ['Thừa Thiên Huế']], // renamed
    ['Hà Nội', ['Hà Nội']], // unchanged
  ])('%s is made of %j', (to, froms) => {
    const target = mustFind(to);
    const made = allProvinces().filter((p) => p.era !== 'POST_2025' && provinceAfterMerger2025(p) === target);
    expect(made.map((p) => p.name).sort()).toEqual(froms.sort());
  });
});

describe('data', () => {
  const provinces = allProvinces();
  it.each([
    ['pre-2025 provinces', () => provinces.filter((p) => p.era !== 'POST_2025').length, 63], // 58 tỉnh + 5 cities
    ['post-2025 provinces', () => provinces.filter((p) => p.era !== 'PRE_2025').length, 34], // Resolution 202
    [
      'post-2025 centrally-run cities',
      () => provinces.filter((p) => p.era !== 'PRE_2025' && p.kind === 'THANH_PHO_TW').length,
      6,
    ], // Hà Nội, Huế, Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần Thơ
    ['Kon Tum districts', () => mustFind('Kon Tum').districts.length, 10], // 1 city + 9 huyện
    ['distinct district codes', () => new Set(allDistricts().map((d) => d.code)).size, allDistricts().length], // codes are unique
  ])('%s', (_label, count, expected) => {
    expect(count()).toBe(expected);
  });

  it('has more than 650 districts, each in a pre-2025 province', () => {
    expect(allDistricts().length).toBeGreaterThan(650);
    expect(allDistricts().every((d) => d.province.era !== 'POST_2025')).toBe(true);
  });

  it('keeps names canonical: NFC, modern tone placement, no space after an apostrophe', () => {
    const names = [...provinces.map((p) => p.name), ...allDistricts().map((d) => d.name)];
    expect(names.filter((n) => n !== n.normalize('NFC'))).toEqual([]);
    expect(names.filter((n) => /(?<![qQ])(o[àáảãạ]|u[ỳýỷỹỵ])(?!\p{L})/u.test(n))).toEqual([]);
    expect(names.filter((n) => /' /.test(n))).toEqual([]);
  });

  it('is frozen', () => {
    const p = mustFind('Kon Tum');
    expect(() => {
      (p as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it.each([
    ['era BOTH without code2025', { era: 'BOTH', code2025: null }], // the post-2025 code is required
    ['merged into an unknown province', { mergedInto2025: 'Atlantis' }], // dangling reference
    ['a pre-2025 unit without districts', { districts: [] }], // districts are required
    ['a name with a comma', { name: 'Kon, Tum' }], // the matcher could not see it
    ['a decomposed name', { name: 'Kon Tùm'.normalize('NFD') }], // names are NFC
    ['a bad kind', { kind: 'HUYEN' }], // provinces are TINH or THANH_PHO_TW
  ])('rejects data with %s', (_label, change) => {
    const kon = mustFind('Kon Tum');
    const data = {
      source: {
        description: 'test',
        packages: [
          {
            name: 'x',
            version: '1',
            license: 'MIT',
            repository: 'r',
            upstream: 'u',
            dataDate: 'd',
            usedFor: 'f',
          },
        ],
        handWritten: [],
        builtBy: 'b',
      },
      provinces: allProvinces().map((p) => (p === kon ? { ...p, ...change } : p)),
    };
    expect(GeoData.safeParse({ ...data, provinces: allProvinces() }).success).toBe(true);
    expect(GeoData.safeParse(data).success).toBe(false);
  });
});
