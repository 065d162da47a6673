// Extract (issuers): who issued a document, from a phrase ("Ban Thường vụ Tỉnh ủy", "UBND tỉnh Kon Tum",
// "Bộ Chính trị (khóa X)") or from a symbol's issuer code ("TTg", "TU"), with branch, level and
// jurisdiction. Generic names ("UBND tỉnh", "Tỉnh ủy") take the writer's own province (DOMAIN §2).
import { matchDistrictAt, matchProvinceAt } from '../../gazetteer/geo.ts';
import { bodies, expandAbbreviations, type Generic, issuerOfCode } from '../../lexicon/lexicon.ts';
import type { Issuer, Level } from '../../model/extraction.ts';
import { fold } from '../../text/fold.ts';
import { canonicalAgency } from './agencies.ts';

/** The writer's own place: what "tỉnh" and "huyện" without a name mean in its text. */
export interface Place {
  province: string | null;
  district: string | null;
}

const TERM_RE = /\(?\s*khoa\s+([ivxlc]+|\d{1,2})\b\s*\)?/;
const UNIT_WORD = /^\s*(tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong|thi tran)(?=\s|$)\s*/;
const LEADING_TITLES = /^(chu tich|pho chu tich|thuong truc|lanh dao|giam doc|thu truong|bo truong)\s+/;

interface PlaceMatch {
  level: Level;
  jurisdiction: string;
  province: string;
  unitWord: string;
}

/** Reads "tỉnh Kon Tum", "huyện Ia H'Drai", "thành phố Hà Nội", "Kon Tum" at the start of `rest`. */
export function readPlace(rest: string, ctx: Place): PlaceMatch | null {
  const f = fold(rest);
  const unit = UNIT_WORD.exec(f);
  const word = unit ? (unit[1] as string).replace(/\.$/, '') : '';
  const at = unit ? unit[0].length : f.length - f.trimStart().length;
  const prov = matchProvinceAt(rest, at);
  const dist = matchDistrictAt(rest, at);
  const provinceLevel = word === 'tinh' || word === '';
  if (
    prov &&
    (provinceLevel || ((word === 'thanh pho' || word === 'tp') && prov.province.kind === 'THANH_PHO_TW'))
  ) {
    return {
      level: 'PROVINCE',
      jurisdiction: prov.province.name,
      province: prov.province.name,
      unitWord: word,
    };
  }
  if (dist && word !== 'tinh') {
    const inCtx = dist.districts.find((d) => d.province.name === ctx.province) ?? dist.districts[0];
    if (inCtx)
      return {
        level: 'DISTRICT',
        jurisdiction: inCtx.name,
        province: inCtx.province.name,
        unitWord: word || 'huyen',
      };
  }
  if (prov)
    return {
      level: 'PROVINCE',
      jurisdiction: prov.province.name,
      province: prov.province.name,
      unitWord: word,
    };
  return null;
}

const unitDisplay: Record<string, string> = {
  tinh: 'tỉnh',
  'thanh pho': 'thành phố',
  tp: 'thành phố',
  huyen: 'huyện',
  quan: 'quận',
  'thi xa': 'thị xã',
  xa: 'xã',
  phuong: 'phường',
  'thi tran': 'thị trấn',
};
const levelOfUnitWord: Record<string, Level> = {
  tinh: 'PROVINCE',
  huyen: 'DISTRICT',
  quan: 'DISTRICT',
  'thi xa': 'DISTRICT',
  xa: 'COMMUNE',
  phuong: 'COMMUNE',
  'thi tran': 'COMMUNE',
};

/** Parses an issuer phrase; null when it names no body we recognise. */
export function parseIssuerPhrase(phrase: string, ctx: Place): Issuer | null {
  let text = phrase.normalize('NFC').trim();
  const termMatch = TERM_RE.exec(fold(text));
  const term = termMatch ? (termMatch[1] as string).toUpperCase() : null;
  if (termMatch)
    text = (text.slice(0, termMatch.index) + text.slice(termMatch.index + termMatch[0].length)).trim();
  text = text.replace(/[\s,.;:]+$/, '');
  const expanded = expandAbbreviations(text);
  let f = fold(expanded);
  let offset = 0;
  const title = LEADING_TITLES.exec(f);
  if (title) {
    offset = title[0].length;
    f = f.slice(offset);
  }
  const body = bodies.find((b) => f.startsWith(b.phrase) && !/[a-z0-9]/.test(f[b.phrase.length] ?? ''));
  if (body) {
    const rest = expanded.slice(offset + body.phrase.length);
    return withPlace(body.body.name, body.body.branch, body.body.level, body.body.generic, rest, ctx, term);
  }
  // Ministries, departments and offices named in full.
  const words = expanded.slice(offset);
  if (/^bo\s/.test(f)) return issuer(titleCase(words), 'STATE', 'CENTRAL', null, null, term);
  if (/^(tong cuc|cuc)\s/.test(f) && !/\btinh\b/.test(f))
    return issuer(titleCase(words), 'STATE', 'CENTRAL', null, null, term);
  if (/^so\s/.test(f)) return deptIssuer(words, 'PROVINCE', ctx, term);
  if (/^phong\s/.test(f)) return deptIssuer(words, 'DISTRICT', ctx, term);
  if (/^(ban chi dao|ban quan ly|van phong|thanh tra|ban)\s/.test(f)) {
    const level: Level | null = /\b(huyen|quan|thi xa)\b/.test(f)
      ? 'DISTRICT'
      : /\btinh\b/.test(f)
        ? 'PROVINCE'
        : null;
    if (level) return deptIssuer(words, level, ctx, term);
  }
  return null;
}

/** "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THỪA THIÊN HUẾ": a department, then (perhaps) the place it serves. */
function deptIssuer(name: string, level: Level, ctx: Place, term: string | null): Issuer {
  const unit = /\s(tinh|huyen|thanh pho|quan|thi xa)\s/.exec(fold(name));
  const place = unit ? readPlace(name.slice(unit.index + 1), ctx) : null;
  const body = (unit ? name.slice(0, unit.index) : name).trim();
  const printed = body === body.toUpperCase() ? body.charAt(0) + body.slice(1).toLowerCase() : body;
  const local: Place = place
    ? { province: place.province, district: place.level === 'DISTRICT' ? place.jurisdiction : ctx.district }
    : ctx;
  const jurisdiction = level === 'DISTRICT' ? (local.district ?? local.province) : local.province;
  const shown = canonicalAgency(printed, { start: 0, end: 0 }, { place: local, writerLevel: level }).name;
  return issuer(shown, 'STATE', level, jurisdiction, local.province, term);
}

function withPlace(
  bodyName: string,
  branch: Issuer['branch'],
  level: Level | null,
  generic: Generic | undefined,
  rest: string,
  ctx: Place,
  term: string | null,
): Issuer {
  if (!generic) return issuer(bodyName, branch, level ?? 'CENTRAL', null, null, term);
  const place = readPlace(rest, ctx);
  const unit = UNIT_WORD.exec(fold(rest));
  const unitWord = unit ? (unit[1] as string).replace(/\.$/, '') : null;
  switch (generic) {
    case 'PROVINCE': {
      const province = place?.province ?? ctx.province;
      return issuer(join(bodyName, province), branch, 'PROVINCE', province, province, term);
    }
    case 'CITY': {
      if (place?.level === 'DISTRICT')
        return issuer(
          join(bodyName, place.jurisdiction),
          branch,
          'DISTRICT',
          place.jurisdiction,
          place.province,
          term,
        );
      const province = place?.province ?? ctx.province;
      return issuer(join(bodyName, province), branch, 'PROVINCE', province, province, term);
    }
    case 'DISTRICT': {
      const district = place?.level === 'DISTRICT' ? place.jurisdiction : ctx.district;
      const province = place?.province ?? ctx.province;
      return issuer(join(bodyName, district), branch, 'DISTRICT', district, province, term);
    }
    case 'COMMUNE':
      return issuer(bodyName, branch, 'COMMUNE', null, ctx.province, term);
    case 'UNIT': {
      if (place) {
        const shown = unitDisplay[place.unitWord] ?? (place.level === 'PROVINCE' ? 'tỉnh' : 'huyện');
        return issuer(
          `${bodyName} ${shown} ${place.jurisdiction}`,
          branch,
          place.level,
          place.jurisdiction,
          place.province,
          term,
        );
      }
      const unitLevel = unitWord ? (levelOfUnitWord[unitWord] ?? null) : null;
      if (unitLevel === 'PROVINCE')
        return issuer(
          join(`${bodyName} tỉnh`, ctx.province),
          branch,
          'PROVINCE',
          ctx.province,
          ctx.province,
          term,
        );
      if (unitLevel === 'DISTRICT') {
        const shown = unitDisplay[unitWord as string] as string;
        return issuer(
          join(`${bodyName} ${shown}`, ctx.district),
          branch,
          'DISTRICT',
          ctx.district,
          ctx.province,
          term,
        );
      }
      if (unitLevel === 'COMMUNE') {
        // Communes are not in the gazetteer: keep the name as printed ("xã Ia Tơi").
        const name =
          /^\s*\S+(?:\s+tr[aấ]n)?\s+((?:\p{Lu}[\p{L}']*\s*){1,4})/u.exec(rest)?.[1]?.trim() ?? null;
        const shown = unitDisplay[unitWord as string] as string;
        return issuer(join(`${bodyName} ${shown}`, name), branch, 'COMMUNE', name, ctx.province, term);
      }
      // "Ủy ban nhân dân" with no unit: the caller decides the level from context.
      return issuer(bodyName, branch, 'PROVINCE', ctx.province, ctx.province, term, true);
    }
  }
}

const join = (name: string, place: string | null) => (place ? `${name} ${place}` : name);

/** Marks issuers whose level was not stated, so the caller may refine them. */
export const VAGUE = new WeakSet<Issuer>();

function issuer(
  name: string,
  branch: Issuer['branch'],
  level: Level,
  jurisdiction: string | null,
  province: string | null,
  term: string | null,
  vague = false,
): Issuer {
  const out: Issuer = {
    name: name.replace(/\s+/g, ' ').trim(),
    branch,
    level,
    jurisdiction: level === 'CENTRAL' ? null : jurisdiction,
    province: level === 'CENTRAL' ? null : province,
    term,
  };
  if (vague) VAGUE.add(out);
  return out;
}

function titleCase(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** What a symbol's issuer code says ("TU" → the writer's provincial Party committee). */
export function issuerFromCode(issuerCode: string, ctx: Place): Issuer | null {
  const tokens = issuerCode.split('-');
  for (let n = tokens.length; n > 0; n--) {
    const known = issuerOfCode(tokens.slice(0, n).join('-'));
    if (!known) continue;
    const level = known.level;
    switch (known.generic) {
      case 'PROVINCE':
      case 'CITY':
        return issuer(
          join(known.name, ctx.province),
          known.branch,
          'PROVINCE',
          ctx.province,
          ctx.province,
          null,
        );
      case 'DISTRICT':
        return issuer(
          join(known.name, ctx.district),
          known.branch,
          'DISTRICT',
          ctx.district,
          ctx.province,
          null,
        );
      case 'UNIT':
        return issuer(
          known.branch === 'STATE' ? join(`${known.name} tỉnh`, ctx.province) : known.name,
          known.branch,
          'PROVINCE',
          ctx.province,
          ctx.province,
          null,
          true,
        );
      default:
        return issuer(known.name, known.branch, level ?? 'CENTRAL', null, null, null);
    }
  }
  return null;
}
