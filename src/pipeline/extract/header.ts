// Extract (header): the document's own symbol, type, issuer (with jurisdiction), date, place, title and
// signer. The issuer comes from the issuer block, the preamble's "<body> ban hành Kế hoạch ...", the
// signature block or the symbol's code, in that order; a generic issuer is placed by the names in the text.

import { escapeRegex, typeOfWord } from '../../lexicon/lexicon.ts';
import type {
  DateValue,
  DocType,
  DocumentHeader,
  ExtractionWarning,
  Issuer,
} from '../../model/extraction.ts';
import { fold, nameKey } from '../../text/fold.ts';
import type { NormalizedText } from '../normalize.ts';
import { lastIndexIn } from '../positions.ts';
import type { Line, Segmented } from '../segment.ts';
import { dateAt } from './dates.ts';
import { issuerFromCode, type Place, parseIssuerPhrase, readPlace, VAGUE } from './issuers.ts';
import { LIBRARY_LABEL_LINE, readLibraryMetadata } from './library-metadata.ts';
import { countPlaces, mostNamed } from './places.ts';
import { findSelfCitation, openingType } from './self-citation.ts';
import { findSymbols, type SymbolMatch } from './symbols.ts';

export interface HeaderResult {
  header: DocumentHeader;
  /** The writer's place: what "tỉnh"/"huyện" without a name mean in this text. */
  place: Place;
  /** Span of the document's own symbol, so it is not taken for a citation. */
  ownSymbol: SymbolMatch | null;
  warnings: ExtractionWarning[];
}

const MOTTO =
  /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|dang cong san viet nam|[*\-_=~.\s]+)$/;
const SO_LINE = /^(?:(?:bo luat|luat|nghi quyet|phap lenh|lenh)\s+)?so\s*[:.]?\s*/;
/** "Số:" (number) and "Sở" (department) fold alike: the number line is told apart on the printed text. Laws print "Luật số: …". */
const isNumberLine = (l: Line) =>
  SO_LINE.test(l.fold) &&
  !/^so (?:hieu|cong bao)\b/.test(l.fold) &&
  (/^s[ốồổ]/iu.test(l.text) || /^(?:bộ luật|luật|nghị quyết|pháp lệnh|lệnh)\s+s[ốồổ]/iu.test(l.text)) &&
  !/^sở/iu.test(l.text);
/** "Số:" left alone on its line (a table cell, a PDF line): the number is on the next line. */
const BARE_NUMBER_LINE = /^(?:(?:bo luat|luat|nghi quyet|phap lenh|lenh)\s+)?so\s*[:.]?$/;
const PLACE_DATE = /(?:^|\s)([^,\d:]{2,40}),\s*(?=ngay(?:\b|\d)|\d{1,2}\s?[/.-])/;
/** A weekday, a posting or update label, or a clock time: how web pages date themselves; a document's date line has none. */
const POSTED_LINE =
  /^[\s*_|#]*(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu\s+nhat|ngay\s+(?:dang|cap\s+nhat|xuat\s+ban)|cap\s+nhat|dang\s+(?:luc|ngay)|xuat\s+ban)\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|\bgmt\b/;
const SELF_ISSUE =
  /\b(ban hanh|xay dung|trien khai|de ra)\s+(ke hoach|chuong trinh|nghi quyet|quyet dinh|chi thi|huong dan|de an|quy che|quy dinh)\b/g;
const SENTENCE_VERB = /\b(ban hanh|thuc hien|trien khai|ve viec|quy dinh|huong dan|phe duyet|tang cuong)\b/;
const SIGNATURE_BODY = /^(?:t\/?m\.?|kt\.?|q\.?)\s*(.+)$/;

export function extractHeader(n: NormalizedText, seg: Segmented, lines: Line[]): HeaderResult {
  const warnings: ExtractionWarning[] = [];
  const warn = (code: ExtractionWarning['code'], message: string, start: number, end: number) =>
    warnings.push({ code, message, start: n.toOriginal(start), end: n.toOriginal(end) });

  const top = seg.header
    ? lines.filter((l) => l.end <= (seg.header as { end: number }).end)
    : lines.slice(0, 12);
  const topEnd = seg.typeLine ? seg.typeLine.start : (top.at(-1)?.end ?? 0);

  // Symbol: the "Số:" line (Party headers print "Số 57-CTr/TU").
  let ownSymbol: SymbolMatch | null = null;
  let blankCode: { typeCode: string | null; issuerCode: string } | null = null;
  for (const l of top) {
    if (!isNumberLine(l) || l.start >= topEnd + 1) continue;
    const numberAt = (SO_LINE.exec(l.fold)?.[0].length ?? 0) + 2;
    const sym = findSymbols(l.text)[0];
    const next = BARE_NUMBER_LINE.test(l.fold) ? lines[lines.indexOf(l) + 1] : undefined;
    const symNext = next ? findSymbols(next.text)[0] : undefined;
    if (sym && sym.start <= numberAt) {
      ownSymbol = { ...sym, start: sym.start + l.start, end: sym.end + l.start };
    } else if (next && symNext && symNext.start <= 2) {
      ownSymbol = { ...symNext, start: symNext.start + next.start, end: symNext.end + next.start };
    } else {
      const blank = /^so\s*[:.]?\s*[._…\s]*\/\s*([A-ZĐ][A-Za-zĐđ]*)(?:\s*-\s*([A-ZĐ][A-Za-zĐđ0-9-]*))?/u.exec(
        next && /^[._…\s]*\//.test(next.text)
          ? `so: ${next.text}`
          : `${l.fold.slice(0, 2)}${l.text.slice(2)}`,
      );
      if (blank) {
        blankCode = blank[2]
          ? { typeCode: blank[1] as string, issuerCode: blank[2] }
          : { typeCode: null, issuerCode: blank[1] as string };
        warn('BLANK_NUMBER', `number left blank: "${l.text}"`, l.start, l.end);
      }
    }
    break;
  }

  // No header block: the copy may open with its own title-citation, or a news sentence that issues it.
  const numberLinePrinted = top.some(isNumberLine);
  const selfScope = {
    typeLine: seg.typeLine,
    newsUntil: top.some((l) => MOTTO.test(l.fold)) ? null : (seg.typeLine?.start ?? n.text.length),
  };
  const self = ownSymbol === null && !numberLinePrinted ? findSelfCitation(n, lines, selfScope) : null;
  if (self) ownSymbol = self.symbol;
  // A legal library's metadata table states the fields the printed header may lack.
  const meta = readLibraryMetadata(n, lines);
  if (ownSymbol === null && blankCode === null && meta?.symbol) ownSymbol = meta.symbol;

  // Place and date: "Quảng Ngãi, ngày 29 tháng 11 năm 2021".
  let date: DateValue | null = null;
  let placeName: string | null = null;
  const dateScope = seg.typeLine ? top : lines.slice(0, 15);
  for (const l of dateScope) {
    // A web page's posting line ("Thứ Năm, 14/03/2024 - 09:15", "Ngày đăng: …") dates the page, not the document.
    if (POSTED_LINE.test(l.fold)) continue;
    // On a line that also holds the symbol ("Số: 569/QĐ-TTgHà Nội, ngày ..."), the place follows it.
    const symbolEnd =
      ownSymbol && ownSymbol.start >= l.start && ownSymbol.end <= l.end ? ownSymbol.end - l.start : 0;
    const pm = symbolEnd > 0 ? null : PLACE_DATE.exec(l.fold);
    if (symbolEnd > 0) {
      const after = l.fold.slice(symbolEnd);
      const pm2 = /^\s*([^,\d:]{2,40}),\s*(?=ngay\b|\d{1,2}\s?[/.-])/.exec(after);
      if (pm2) {
        const d = dateAt(n.fold, n.text, l.start + symbolEnd + pm2[0].length);
        if (d) {
          date = d.date;
          placeName = placeWords(l.text.slice(symbolEnd, symbolEnd + pm2[0].length).replace(/,\s*$/, ''));
          break;
        }
      }
    }
    const at = pm ? pm.index + pm[0].length : /^ngay(?:\b|\d)/.test(l.fold) ? 0 : -1;
    if (at < 0) continue;
    // On the whole text, not the line: "Thái Bình, ngày 05" / "tháng 7 năm 2021" is one date.
    const d = dateAt(n.fold, n.text, l.start + at);
    if (!d) continue;
    date = d.date;
    placeName = pm ? placeOfLine(l, pm, lines) : null;
    if (!date.valid) warn('INVALID_DATE', `impossible date "${date.text}" kept as written`, d.start, d.end);
    else if (date.value && date.value.length < 10)
      warn('BLANK_DATE', `date printed without a day: "${date.text}"`, d.start, d.end);
    break;
  }

  if (date === null) date = self?.date ?? meta?.date ?? null;

  // Where the text is: the most named province and district.
  const counts = countPlaces(n);
  const placeProvince = placeName ? readPlace(placeName, { province: null, district: null }) : null;
  let province = mostNamed(counts.provinces, (c) => c);
  let district = mostNamed(counts.districts, (d) => d.count);
  const ctx: Place = { province, district };

  // Issuer candidates, most explicit first.
  const fromBlock = issuerFromBlock(
    top.filter((l) => l.end <= topEnd && !isNumberLine(l) && !PLACE_DATE.test(l.fold)),
    ctx,
  );
  const fromSelf = selfStatement(n, seg, ctx);
  const fromSignature = signatureIssuer(n, seg, ctx);
  const code = ownSymbol?.issuerCode ?? blankCode?.issuerCode ?? null;
  const fromCode = code ? issuerFromCode(code, ctx) : null;
  const fromSelfCitation = self?.issuerPhrase ? parseIssuerPhrase(self.issuerPhrase, ctx) : null;
  const fromMeta = meta?.issuerPhrase ? parseIssuerPhrase(meta.issuerPhrase, ctx) : null;
  let issuer = pickIssuer([fromBlock, fromSelfCitation, fromSelf, fromSignature, fromCode, fromMeta]);

  // A vague local issuer is placed by the text: the place line, else the most named province/district.
  if (issuer && issuer.level !== 'CENTRAL') {
    if (issuer.level === 'DISTRICT' && issuer.jurisdiction) {
      district = issuer.jurisdiction;
      province = issuer.province ?? province;
    } else if (issuer.level === 'PROVINCE' && (VAGUE.has(issuer) || !issuer.jurisdiction)) {
      // Only a body named without its place ("Ủy ban nhân dân", "Tỉnh ủy") takes the place into its name.
      const p = placeProvince?.level === 'PROVINCE' ? placeProvince.province : province;
      if (p) issuer = { ...issuer, jurisdiction: p, province: p, name: renamed(issuer, p) };
    }
    if (issuer.level === 'PROVINCE') {
      province = issuer.jurisdiction ?? province;
      district = null;
    }
  }
  // A commune's name is printed upper-case in the issuer block; the place line has its usual spelling.
  if (
    issuer?.level === 'COMMUNE' &&
    issuer.jurisdiction &&
    placeName &&
    nameKey(placeName) === nameKey(issuer.jurisdiction)
  )
    issuer = {
      ...issuer,
      name: issuer.name.replace(issuer.jurisdiction, placeName),
      jurisdiction: placeName,
    };
  if (!issuer) warn('NO_ISSUER', 'no issuer found in the header, preamble or signature', 0, 0);
  // "TƯ" is the central code when printed for a central body, a mis-typed "TU" on a provincial committee's own number.
  if (
    ownSymbol?.party &&
    issuer?.branch === 'PARTY' &&
    issuer.level !== 'CENTRAL' &&
    /\/\s?TƯ/u.test(n.original.slice(n.toOriginal(ownSymbol.start), n.toOriginal(ownSymbol.end)))
  )
    ownSymbol = { ...ownSymbol, canonical: ownSymbol.canonical.replace(/\/TW$/, '/TU'), issuerCode: 'TU' };

  const typeFromLine = seg.typeLine
    ? typeOfWord(/^[a-z ]+/.exec(seg.typeLine.fold)?.[0]?.trim() ?? '')
    : null;
  const type: DocType =
    typeFromLine ??
    self?.type ??
    meta?.type ??
    ownSymbol?.type ??
    openingType(n, lines, selfScope) ??
    (blankCode?.typeCode ? (typeOfWord(fold(blankCode.typeCode)) ?? 'OTHER') : 'OTHER');

  const title = seg.title ? n.text.slice(seg.title.start, seg.title.end).replace(/\s+/g, ' ').trim() : null;
  return {
    header: {
      symbol: ownSymbol?.canonical ?? null,
      type,
      issuer,
      date,
      place: placeName,
      title: title && title.length > 0 ? title : null,
      ...findSigner(seg, lines),
    },
    place: { province: issuer?.level === 'CENTRAL' ? null : province, district },
    ownSymbol,
    warnings,
  };
}

/**
 * The place of a place-and-date line. A place broken across lines ("Bình" / "Dương, ngày …") is completed
 * from the line before when that line is one or two capitalised words and the joined name is a known place.
 */
function placeOfLine(l: Line, pm: RegExpExecArray, lines: Line[]): string | null {
  const here = placeWords(l.text.slice(pm.index, pm.index + pm[0].length).replace(/,\s*$/, ''));
  if (here === null || pm.index > 1) return here;
  const prev = lines[lines.indexOf(l) - 1];
  if (!prev || !/^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*)?$/u.test(prev.text)) return here;
  const joined = `${prev.text} ${here}`;
  const empty = { province: null, district: null };
  return readPlace(here, empty) === null && readPlace(joined, empty) !== null ? joined : here;
}

/** The place before ", ngày": the capitalised words at the end ("Số: 12/QĐ-UBND Thanh Hóa" → "Thanh Hóa"). */
function placeWords(s: string): string | null {
  const words = s.trim().split(/\s+/);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < 5; i--) {
    const w = words[i] as string;
    if (!/^[\p{Lu}]/u.test(w) || /\d|\//.test(w)) break;
    kept.unshift(w);
  }
  return kept.length > 0 ? kept.join(' ') : null;
}

function renamed(issuer: Issuer, place: string): string {
  const base = issuer.jurisdiction
    ? issuer.name.replace(new RegExp(`\\s*${escapeRegex(issuer.jurisdiction)}$`), '')
    : issuer.name;
  return `${base} ${place}`;
}

/** The first candidate that states a level and place, else the first candidate at all. */
function pickIssuer(candidates: Array<Issuer | null>): Issuer | null {
  const found = candidates.filter((c): c is Issuer => c !== null);
  return (
    found.find((c) => !VAGUE.has(c) && (c.level === 'CENTRAL' || c.jurisdiction !== null)) ?? found[0] ?? null
  );
}

/** Issuer block lines ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NGÃI"; "ĐẢNG BỘ TỈNH X" / "HUYỆN ỦY Y"). */
function issuerFromBlock(lines: Line[], ctx: Place): Issuer | null {
  const texts: string[] = [];
  for (const l of lines) {
    // A sentence (a headline, a preamble) is not an issuer block line, even when it starts with a body's name.
    if (
      MOTTO.test(l.fold) ||
      l.text.length > 80 ||
      SENTENCE_VERB.test(l.fold) ||
      LIBRARY_LABEL_LINE.test(l.fold)
    )
      continue;
    // A line that is only a place ("TỈNH QUẢNG NGÃI") completes the body on the line before.
    const barePlace =
      /^(tinh|huyen|thanh pho|quan|thi xa|xa|phuong)\s/.test(l.fold) &&
      parseIssuerPhrase(l.text, ctx) === null;
    if (barePlace && texts.length > 0) {
      texts[texts.length - 1] += ` ${l.text}`;
    } else texts.push(l.text);
  }
  let best: Issuer | null = null;
  let local = ctx;
  for (const t of texts) {
    const parsed = parseIssuerPhrase(t, local);
    if (parsed) {
      best = parsed;
      local = {
        province: parsed.province ?? local.province,
        district: parsed.level === 'DISTRICT' ? parsed.jurisdiction : local.district,
      };
    } else {
      const place = readPlace(t, local);
      if (place)
        local = {
          province: place.province,
          district: place.level === 'DISTRICT' ? place.jurisdiction : local.district,
        };
    }
  }
  return best;
}

/** "..., Ủy ban nhân dân huyện Ia H'Drai ban hành Kế hoạch ..." in the title or preamble. */
function selfStatement(n: NormalizedText, seg: Segmented, ctx: Place): Issuer | null {
  const start = seg.title?.start ?? seg.preamble?.start ?? 0;
  const end = seg.preamble?.end ?? seg.title?.end ?? Math.min(n.text.length, 3000);
  const f = n.fold.slice(0, end);
  SELF_ISSUE.lastIndex = start;
  const trimmed = trimmedRange(n.text);
  for (let m = SELF_ISSUE.exec(f); m; m = SELF_ISSUE.exec(f)) {
    const clauseStart = Math.max(
      lastIndexIn(n, ',', m.index),
      lastIndexIn(n, ';', m.index),
      lastIndexIn(n, '\n', m.index),
      lastIndexIn(n, ')', m.index),
    );
    // The phrase is `text.slice(clauseStart + 1, m.index).trim()`, measured before it is cut out.
    const [from, to] = trimmed(clauseStart + 1, m.index);
    if (to - from < 3 || to - from > 90) continue;
    const phrase = n.text.slice(from, to);
    const parsed = parseIssuerPhrase(phrase, ctx);
    if (parsed) return parsed;
  }
  return null;
}

/**
 * Where `text.slice(start, end).trim()` lies, found without cutting a long clause out of the text. Clauses
 * asked in turn often share their start: the first non-space after the last start asked is kept.
 */
function trimmedRange(text: string): (start: number, end: number) => [number, number] {
  const space = (i: number) => /\s/.test(text.charAt(i));
  let askedFrom = -1;
  let firstSolid = -1;
  return (start, end) => {
    if (start !== askedFrom) {
      askedFrom = start;
      firstSolid = start;
      while (firstSolid < text.length && space(firstSolid)) firstSolid++;
    }
    if (firstSolid >= end) return [end, end];
    let last = end;
    while (last > firstSolid && space(last - 1)) last--;
    return [firstSolid, last];
  };
}

/** "TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH" (the body is named on the TM. line). */
function signatureIssuer(n: NormalizedText, seg: Segmented, ctx: Place): Issuer | null {
  if (!seg.signature) return null;
  const lines = n.fold.slice(seg.signature.start, seg.signature.end).split('\n');
  for (const raw of lines) {
    const m = SIGNATURE_BODY.exec(raw.trim());
    if (!m) continue;
    const body = (m[1] as string).trim();
    if (/^(chu tich|giam doc|bi thu|truong ban|bo truong|thu tuong)\b/.test(body)) continue;
    const parsed = parseIssuerPhrase(body, ctx);
    if (parsed) return parsed;
  }
  return null;
}

const NAME_WORD = /^\p{Lu}\p{Ll}*$/u;
/** Lines of a signature block that are titles, not the name ("TỔNG BÍ THƯ" and "PHÓ THỦ TƯỚNG" are titles too). */
const TITLE_WORDS =
  /^(chu tich|pho chu tich|bi thu|pho bi thu|tong bi thu|thuong truc|giam doc|pho giam doc|thu tuong|pho thu tuong|bo truong|thu truong|truong ban|pho truong ban|chanh van phong|pho chanh van phong|kt\.|tm\.|t\/m|q\.)/;

/**
 * The signer: a person's name (2–6 capitalised words) below a title line near the end; and the title lines above
 * it as printed ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), joined with " / " (null when none).
 */
function findSigner(seg: Segmented, lines: Line[]): { signer: string | null; signerTitle: string | null } {
  const from = seg.signature
    ? lines.findIndex((l) => l.start >= (seg.signature as { start: number }).start)
    : -1;
  if (from < 0) return { signer: null, signerTitle: null };
  const titles: string[] = [];
  const found = (signer: string | null) => ({
    signer,
    signerTitle: titles.length > 0 ? titles.join(' / ') : null,
  });
  for (let k = from; k < lines.length; k++) {
    const l = lines[k] as Line;
    if (TITLE_WORDS.test(l.fold)) {
      titles.push(l.text.replace(/\s+/g, ' ').trim());
      continue;
    }
    if (titles.length === 0 || /^\(?da ky\)?$/.test(l.fold)) continue;
    const words = l.text.split(/\s+/);
    if (words.length < 2 || words.length > 6 || /\d/.test(l.text)) continue;
    const upper = l.text === l.text.toUpperCase();
    if (words.every((w) => NAME_WORD.test(w))) return found(words.join(' '));
    if (upper) return found(words.map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' '));
  }
  return found(null);
}
