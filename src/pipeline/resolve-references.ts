// Pipeline stage (resolve, within one document): mentions → references. A symbol with two dates is two
// references; an undated symbol, a short form ("Kết luận 93") or an alias ("CTHĐ") joins the reference it
// names; ambiguity is reported, not guessed silently.
import type { DocType, ExtractionWarning, Issuer, Reference } from '../model/extraction.ts';
import { collapseSpaces, nameKey } from '../text/fold.ts';
import type { AliasDeclaration, Mention } from './extract/citations.ts';
import { issuerFromCode, type Place, parseIssuerPhrase, readPlace, VAGUE } from './extract/issuers.ts';
import { symbolKey } from './extract/symbols.ts';
import type { NormalizedText } from './normalize.ts';

export interface ResolvedReferences {
  references: Reference[];
  /** The reference id each mention resolved to (mentions that resolved to nothing are absent). */
  refOf: Map<Mention, string>;
  warnings: ExtractionWarning[];
}

interface Group {
  mentions: Mention[];
  symbolKey: string | null;
  dateKey: string | null;
  aliases: string[];
}

const SHORT_TYPE_FAMILY: Partial<Record<DocType, DocType[]>> = {
  THONG_BAO: ['THONG_BAO', 'KET_LUAN'],
  KET_LUAN: ['KET_LUAN', 'THONG_BAO'],
  QUYET_DINH: ['QUYET_DINH', 'QUY_DINH'],
  QUY_DINH: ['QUY_DINH', 'QUYET_DINH'],
};

export function resolveReferences(
  n: NormalizedText,
  mentions: Mention[],
  declarations: AliasDeclaration[],
  place: Place,
  own: { symbol: string | null; date: string | null },
): ResolvedReferences {
  const warnings: ExtractionWarning[] = [];
  const groups: Group[] = [];
  const groupOf = new Map<Mention, Group>();
  const join = (g: Group, m: Mention) => {
    g.mentions.push(m);
    groupOf.set(m, g);
  };
  const ownKey = own.symbol ? symbolKey(own.symbol) : null;
  const ownHasYear = own.symbol !== null && /\/(?:19|20)\d{2}\//.test(own.symbol);
  const nearest = (cands: Group[], at: number) =>
    [...cands].sort((a, b) => distance(a, at) - distance(b, at))[0] as Group;

  // 1. Dated symbols define references; 2. undated symbols join them.
  const symbolMentions = mentions.filter((m) => m.kind === 'SYMBOL' && m.symbol);
  for (const m of symbolMentions.filter((s) => s.date)) {
    const key = symbolKey((m.symbol as NonNullable<Mention['symbol']>).canonical);
    // The document's own symbol is never a reference of itself: a year-in-symbol number is unique for its
    // issuer, so a differing date there is a typo of the copy, not another document.
    if (key === ownKey && (!own.date || m.date?.value === own.date || ownHasYear)) continue;
    const dateKey = m.date?.value ?? m.date?.text ?? null;
    const g = groups.find((x) => x.symbolKey === key && x.dateKey === dateKey);
    if (g) join(g, m);
    else {
      const ng: Group = { mentions: [], symbolKey: key, dateKey, aliases: [] };
      groups.push(ng);
      join(ng, m);
    }
  }
  for (const m of symbolMentions.filter((s) => !s.date)) {
    const key = symbolKey((m.symbol as NonNullable<Mention['symbol']>).canonical);
    if (key === ownKey) continue;
    const cands = groups.filter((g) => g.symbolKey === key);
    if (cands.length === 0) {
      const ng: Group = { mentions: [], symbolKey: key, dateKey: null, aliases: [] };
      groups.push(ng);
      join(ng, m);
      continue;
    }
    if (cands.length > 1)
      warnings.push({
        code: 'AMBIGUOUS_MENTION',
        message: `"${n.text.slice(m.start, m.end)}" without a date matches ${cands.length} documents; bound to the nearest full citation`,
        start: n.toOriginal(m.start),
        end: n.toOriginal(m.end),
      });
    join(nearest(cands, m.start), m);
  }

  // 3. Short forms and alias texts with a number bind by type and number.
  const byTypeNumber = (type: DocType, num: string, at: number): Group | null => {
    const family = SHORT_TYPE_FAMILY[type] ?? [type];
    const cands = groups.filter((g) =>
      g.mentions.some(
        (x) => x.number !== null && Number(x.number) === Number(num) && family.includes(x.type),
      ),
    );
    return cands.length > 0 ? nearest(cands, at) : null;
  };
  for (const m of mentions.filter((x) => x.kind === 'SHORT')) {
    const g = byTypeNumber(m.type, m.number as string, m.start);
    if (g) join(g, m);
    else {
      const ng: Group = { mentions: [], symbolKey: null, dateKey: null, aliases: [] };
      groups.push(ng);
      join(ng, m);
    }
  }
  // 4. Named references by name.
  for (const m of mentions.filter((x) => x.kind === 'NAMED')) {
    const g = groups.find((x) => x.mentions.some((y) => y.nameKey === m.nameKey));
    if (g) join(g, m);
    else {
      const ng: Group = { mentions: [], symbolKey: null, dateKey: null, aliases: [] };
      groups.push(ng);
      join(ng, m);
    }
  }
  // 5. Alias declarations: texts with a number name a reference by type and number; others (acronyms)
  // name the citation they follow.
  const aliasOwner = new Map<string, Group>();
  for (const d of declarations) {
    const before = mentions.filter((m) => m.end <= d.range.start && !m.inAliasDecl && groupOf.has(m)).at(-1);
    for (const a of d.aliases) {
      const inside = mentions.find((m) => m.start >= a.start && m.end <= a.end && groupOf.has(m));
      const g = inside ? groupOf.get(inside) : before ? groupOf.get(before) : undefined;
      if (!g) {
        warnings.push({
          code: 'UNRESOLVED_ALIAS',
          message: `alias "${a.text}" follows no citation`,
          start: n.toOriginal(a.start),
          end: n.toOriginal(a.end),
        });
        continue;
      }
      if (!g.aliases.includes(a.text)) g.aliases.push(a.text);
      aliasOwner.set(a.text, g);
    }
  }
  for (const m of mentions.filter((x) => x.kind === 'ALIAS')) {
    const g = aliasOwner.get(m.alias as string);
    if (g) join(g, m);
  }
  // 6. A document named by type and issuer only ("Kế hoạch của Ban Chấp hành Đảng bộ tỉnh").
  for (const m of mentions.filter((x) => x.kind === 'TYPE_ISSUER')) {
    const target = m.issuerText ? parseIssuerPhrase(m.issuerText, place) : null;
    if (!target) continue;
    const cands = groups.filter((g) => {
      const first = g.mentions[0] as Mention;
      if (first.type !== m.type) return false;
      const iss = referenceIssuer(n, g, place);
      return iss !== null && nameKey(iss.name) === nameKey(target.name);
    });
    if (cands.length === 1) join(cands[0] as Group, m);
  }

  // Build references in order of first mention.
  const ordered = groups
    .filter((g) => g.mentions.length > 0)
    .map((g) => ({ g, first: Math.min(...g.mentions.map((m) => m.start)) }))
    .sort((a, b) => a.first - b.first);
  const refOf = new Map<Mention, string>();
  const references: Reference[] = ordered.map(({ g }, i) => {
    const id = `r${i + 1}`;
    for (const m of g.mentions) refOf.set(m, id);
    return buildReference(n, id, g, place);
  });
  return { references, refOf, warnings };
}

function distance(g: Group, at: number): number {
  // Prefer the closest citation before the mention; one after it counts as farther.
  let best = Number.POSITIVE_INFINITY;
  for (const m of g.mentions) {
    const d = m.start <= at ? at - m.start : (m.start - at) * 4;
    if (d < best) best = d;
  }
  return best;
}

function buildReference(n: NormalizedText, id: string, g: Group, place: Place): Reference {
  const ms = [...g.mentions].sort((a, b) => a.start - b.start);
  const symbolMention = ms.find((m) => m.kind === 'SYMBOL' && m.date) ?? ms.find((m) => m.kind === 'SYMBOL');
  const principal = symbolMention ?? ms.find((m) => m.kind === 'NAMED') ?? (ms[0] as Mention);
  const dated = ms.find((m) => m.date);
  const withSubject = ms.find((m) => m.subject && !m.inAliasDecl);
  const subject = withSubject?.subject
    ? cleanSubject(n.text.slice(withSubject.subject.start, withSubject.subject.end))
    : null;
  const aliases = [...g.aliases];
  for (const m of ms) {
    if ((m.kind === 'SHORT' || m.kind === 'ALIAS') && !m.inAliasDecl) {
      const shortText =
        m.kind === 'SHORT' ? collapseSpaces(n.text.slice(m.start, shortEnd(n, m))) : (m.alias as string);
      if (!aliases.includes(shortText)) aliases.push(shortText);
    }
  }
  return {
    id,
    symbol: symbolMention?.symbol?.canonical ?? null,
    name: symbolMention ? null : (principal.name ?? null),
    number: symbolMention?.number ?? principal.number ?? null,
    type: principal.type,
    date: dated?.date ?? null,
    issuer: referenceIssuer(n, g, place),
    subject,
    aliases,
    mentions: ms.map((m) => ({ start: n.toOriginal(m.start), end: n.toOriginal(m.end) })),
    promulgatedBy: null,
  };
}

/** End of a short form's own words ("Kết luận 93"), without the issuer that may follow. */
function shortEnd(n: NormalizedText, m: Mention): number {
  const re = /^[^\d]*\d+/.exec(n.text.slice(m.start, m.end));
  return re ? m.start + re[0].length : m.end;
}

function cleanSubject(s: string): string {
  return collapseSpaces(s.replace(/^["“”\s]+|["“”\s]+$/g, ''));
}

const BEFORE_TAI = /cua\s+([^,;()]{3,90}?)\s+tai\s*$/;

/** The issuer: stated after "của", or before ("chỉ đạo của X tại Công văn ..."), else the symbol's code. */
export function referenceIssuer(n: NormalizedText, g: Group, place: Place): Issuer | null {
  const ms = [...g.mentions].sort((a, b) => a.start - b.start);
  const term = ms.find((m) => m.term)?.term ?? null;
  let issuer: Issuer | null = null;
  for (const m of ms) {
    if (m.issuerText) {
      issuer = parseIssuerPhrase(m.issuerText, place);
      if (issuer) break;
    }
  }
  if (!issuer) {
    for (const m of ms) {
      const before = BEFORE_TAI.exec(n.fold.slice(Math.max(0, m.start - 100), m.start));
      if (before) {
        const at = m.start - before[0].length + before[0].indexOf(before[1] as string);
        issuer = parseIssuerPhrase(n.text.slice(at, at + (before[1] as string).length), place);
        if (issuer) break;
      }
    }
  }
  const sym = ms.find((m) => m.symbol)?.symbol;
  if (!issuer && sym) issuer = issuerFromCode(sym.issuerCode, place);
  if (issuer && VAGUE.has(issuer) && issuer.branch === 'STATE')
    issuer = placeFromSubject(n, ms, issuer, place);
  if (issuer && term && !issuer.term) issuer = { ...issuer, term };
  return issuer;
}

/** "Kế hoạch số 4485/KH-UBND ... về phát triển ... tỉnh Kon Tum": a People's Committee placed by its subject. */
function placeFromSubject(n: NormalizedText, ms: Mention[], issuer: Issuer, place: Place): Issuer {
  const withSubject = ms.find((m) => m.subject);
  if (!withSubject?.subject) return issuer;
  const subject = n.text.slice(withSubject.subject.start, withSubject.subject.end);
  const f = n.fold.slice(withSubject.subject.start, withSubject.subject.end);
  const unit = /(?<![a-z])(tinh|huyen)\s+(?=\S)/.exec(f);
  if (!unit) return issuer;
  const found = readPlace(subject.slice(unit.index), place);
  if (!found) return issuer;
  const word = found.level === 'PROVINCE' ? 'tỉnh' : 'huyện';
  return {
    ...issuer,
    name: `Ủy ban nhân dân ${word} ${found.jurisdiction}`,
    level: found.level,
    jurisdiction: found.jurisdiction,
    province: found.province,
  };
}
