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
  /** The uses of acronym aliases that bound to a reference, ordered by start. */
  aliasUses: Mention[];
  warnings: ExtractionWarning[];
}

interface Group {
  /** Creation order: where two groups are as near, the first made wins. */
  order: number;
  mentions: Mention[];
  symbolKey: string | null;
  dateKey: string | null;
  aliases: string[];
  /** The same aliases, to ask whether one is there. */
  aliasSet: Set<string>;
}

const SHORT_TYPE_FAMILY: Partial<Record<DocType, DocType[]>> = {
  THONG_BAO: ['THONG_BAO', 'KET_LUAN'],
  KET_LUAN: ['KET_LUAN', 'THONG_BAO'],
  QUYET_DINH: ['QUYET_DINH', 'QUY_DINH'],
  QUY_DINH: ['QUY_DINH', 'QUYET_DINH'],
};

/** The family a short form's type accepts, as one key: the families are classes ("Kết luận 93" = "Thông báo 93"). */
const familyOf = (type: DocType) => (SHORT_TYPE_FAMILY[type] ?? [type]).slice().sort().join('|');
/** A mention's number and type family as one key; null without a number. */
function numberFamilyKey(number: string | null, type: DocType): string | null {
  if (number === null) return null;
  const v = Number(number);
  return Number.isNaN(v) ? null : `${v}#${familyOf(type)}`;
}

/**
 * `mentions` ordered by start (as extractDocument gives them), without the uses of acronym aliases: those are
 * asked of `aliasUses` once the aliases with an owner are known.
 */
export function resolveReferences(
  n: NormalizedText,
  mentions: Mention[],
  declarations: AliasDeclaration[],
  aliasUses: (wanted: ReadonlySet<string>) => Mention[],
  place: Place,
  own: { symbol: string | null; date: string | null },
): ResolvedReferences {
  const warnings: ExtractionWarning[] = [];
  const groups: Group[] = [];
  const groupOf = new Map<Mention, Group>();
  /** The first group holding a mention of each name key. */
  const firstByNameKey = new Map<string | null, Group>();
  const newGroup = (symbolKey: string | null, dateKey: string | null): Group => {
    const g: Group = {
      order: groups.length,
      mentions: [],
      symbolKey,
      dateKey,
      aliases: [],
      aliasSet: new Set(),
    };
    groups.push(g);
    return g;
  };
  const join = (g: Group, m: Mention) => {
    g.mentions.push(m);
    groupOf.set(m, g);
    const had = firstByNameKey.get(m.nameKey);
    if (had === undefined || had.order > g.order) firstByNameKey.set(m.nameKey, g);
  };
  const ownKey = own.symbol ? symbolKey(own.symbol) : null;
  const ownHasYear = own.symbol !== null && /\/(?:19|20)\d{2}\//.test(own.symbol);

  // 1. Dated symbols define references; 2. undated symbols join them.
  const symbolMentions = mentions.filter((m) => m.kind === 'SYMBOL' && m.symbol);
  const byKeyAndDate = new Map<string, Map<string | null, Group>>();
  const bySymbolKey = new Map<string, Group[]>();
  const datedByKey = new Map<string, Mention[]>();
  for (const m of symbolMentions.filter((s) => s.date)) {
    const key = symbolKey((m.symbol as NonNullable<Mention['symbol']>).canonical);
    // The document's own symbol is never a reference of itself: a year-in-symbol number is unique for its
    // issuer, so a differing date there is a typo of the copy, not another document.
    if (key === ownKey && (!own.date || m.date?.value === own.date || ownHasYear)) continue;
    const dateKey = m.date?.value ?? m.date?.text ?? null;
    let dates = byKeyAndDate.get(key);
    if (!dates) {
      dates = new Map();
      byKeyAndDate.set(key, dates);
    }
    let g = dates.get(dateKey);
    if (!g) {
      g = newGroup(key, dateKey);
      dates.set(dateKey, g);
      pushTo(bySymbolKey, key, g);
    }
    join(g, m);
    pushTo(datedByKey, key, m);
  }
  // Undated mentions of a symbol with several dates bind to the nearest; the dated mentions are the index.
  const nearSymbol = new Map<string, NearestGroup>();
  for (const m of symbolMentions.filter((s) => !s.date)) {
    const key = symbolKey((m.symbol as NonNullable<Mention['symbol']>).canonical);
    if (key === ownKey) continue;
    const cands = bySymbolKey.get(key) ?? [];
    if (cands.length === 0) {
      const ng = newGroup(key, null);
      pushTo(bySymbolKey, key, ng);
      join(ng, m);
      continue;
    }
    if (cands.length === 1) {
      join(cands[0] as Group, m);
      continue;
    }
    warnings.push({
      code: 'AMBIGUOUS_MENTION',
      message: `"${n.text.slice(m.start, m.end)}" without a date matches ${cands.length} documents; bound to the nearest full citation`,
      start: n.toOriginal(m.start),
      end: n.toOriginal(m.end),
    });
    let index = nearSymbol.get(key);
    if (!index) {
      index = new NearestGroup(
        (datedByKey.get(key) ?? []).map((d) => ({ start: d.start, group: groupOf.get(d) as Group })),
      );
      nearSymbol.set(key, index);
    }
    const g = index.nearest(m.start);
    join(g, m);
    index.add(m.start, g);
  }

  // 3. Short forms and alias texts with a number bind by type and number: to the nearest group holding a mention
  // of that number and type family (every mention of the group counts for its distance).
  const shorts = mentions.filter((x) => x.kind === 'SHORT');
  if (shorts.length > 0) {
    const asked = new Set(shorts.map((m) => numberFamilyKey(m.number, m.type)));
    const candidates = new Map<string, Group[]>();
    const keysOfGroup = new Map<Group, string[]>();
    const entries = new Map<string, Array<{ start: number; group: Group }>>();
    for (const g of groups) {
      const keys = new Set<string>();
      for (const x of g.mentions) {
        const k = numberFamilyKey(x.number, x.type);
        if (k !== null && asked.has(k)) keys.add(k);
      }
      if (keys.size === 0) continue;
      keysOfGroup.set(g, [...keys]);
      for (const k of keys) {
        pushTo(candidates, k, g);
        for (const x of g.mentions) pushTo(entries, k, { start: x.start, group: g });
      }
    }
    const near = new Map<string, NearestGroup>();
    const indexOf = (k: string) => {
      let index = near.get(k);
      if (!index) {
        index = new NearestGroup(entries.get(k) ?? []);
        near.set(k, index);
      }
      return index;
    };
    for (const m of shorts) {
      const k = numberFamilyKey(m.number, m.type) as string;
      const cands = candidates.get(k) ?? [];
      let g: Group;
      if (cands.length === 0) {
        g = newGroup(null, null);
        pushTo(candidates, k, g);
        keysOfGroup.set(g, [k]);
      } else g = cands.length === 1 ? (cands[0] as Group) : indexOf(k).nearest(m.start);
      join(g, m);
      for (const key of keysOfGroup.get(g) ?? [])
        if (near.has(key) || (candidates.get(key)?.length ?? 0) > 1) indexOf(key).add(m.start, g);
    }
  }
  // 4. Named references by name: "Luật Đất đai" joins "Luật Đất đai số 31/2024/QH15" cited before it, unless two
  // numbered laws carry that name (2013 and 2024): then which one is meant is not known, and it stays apart.
  const symbolsByName = new Map<string, Set<string | null>>();
  for (const g of groups)
    for (const m of g.mentions)
      if (m.kind === 'SYMBOL' && m.nameKey) pushToSet(symbolsByName, m.nameKey, g.symbolKey);
  const unnumbered = new Map<string | null, Group>();
  for (const m of mentions.filter((x) => x.kind === 'NAMED')) {
    const ambiguous = m.nameKey !== null && (symbolsByName.get(m.nameKey)?.size ?? 0) > 1;
    let g = ambiguous ? unnumbered.get(m.nameKey) : firstByNameKey.get(m.nameKey);
    if (!g) {
      g = newGroup(null, null);
      if (ambiguous) unnumbered.set(m.nameKey, g);
    }
    join(g, m);
  }
  // 5. Alias declarations: texts with a number name a reference by type and number; others (acronyms)
  // name the citation they follow.
  const aliasOwner = new Map<string, Group>();
  if (declarations.length > 0) {
    const bound = new BoundMentions(mentions, groupOf);
    for (const d of declarations) {
      const before = bound.lastEndingBy(d.range.start);
      for (const a of d.aliases) {
        const inside = bound.firstWithin(a.start, a.end);
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
        if (!g.aliasSet.has(a.text)) {
          g.aliasSet.add(a.text);
          g.aliases.push(a.text);
        }
        aliasOwner.set(a.text, g);
      }
    }
  }
  const uses = aliasOwner.size > 0 ? stableByStart(aliasUses(new Set(aliasOwner.keys()))) : [];
  for (const m of uses) {
    const g = aliasOwner.get(m.alias as string);
    if (g) join(g, m);
  }
  // 6. A document named by type and issuer only ("Kế hoạch của Ban Chấp hành Đảng bộ tỉnh").
  const byIssuer = new IssuerIndex(n, place);
  for (const m of mentions.filter((x) => x.kind === 'TYPE_ISSUER')) {
    const target = m.issuerText ? parseIssuerPhrase(m.issuerText, place) : null;
    if (!target) continue;
    const cands = byIssuer.groups(groups, m.type, nameKey(target.name));
    if (cands.size === 1) {
      const g = cands.values().next().value as Group;
      join(g, m);
      byIssuer.changed(g);
    }
  }

  // Build references in order of first mention.
  const ordered = groups
    .filter((g) => g.mentions.length > 0)
    .map((g) => {
      let first = Number.POSITIVE_INFINITY;
      for (const m of g.mentions) if (m.start < first) first = m.start;
      return { g, first };
    })
    .sort((a, b) => a.first - b.first);
  const refOf = new Map<Mention, string>();
  const references: Reference[] = ordered.map(({ g }, i) => {
    const id = `r${i + 1}`;
    for (const m of g.mentions) refOf.set(m, id);
    return buildReference(n, id, g, place);
  });
  return { references, refOf, aliasUses: uses.filter((m) => groupOf.has(m)), warnings };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stableByStart(mentions: Mention[]): Mention[] {
  return mentions.slice().sort((a, b) => a.start - b.start);
}

/**
 * The group nearest an offset among groups given by their mentions' starts: a mention before the offset is at its
 * distance, one after it at four times that; ties go to the group made first. Starts added later (the mentions that
 * join as the offsets advance) are kept sorted apart, so that adding in increasing order costs nothing.
 */
class NearestGroup {
  private readonly fixed: Array<{ start: number; group: Group }>;
  private readonly added: Array<{ start: number; group: Group }> = [];

  constructor(entries: Array<{ start: number; group: Group }>) {
    this.fixed = entries.slice().sort((a, b) => a.start - b.start);
  }

  add(start: number, group: Group): void {
    const list = this.added;
    let at = list.length;
    if (at > 0 && (list[at - 1] as { start: number }).start > start) at = upperBound(list, start);
    list.splice(at, 0, { start, group });
  }

  nearest(at: number): Group {
    let before = Number.NEGATIVE_INFINITY;
    let after = Number.POSITIVE_INFINITY;
    for (const list of [this.fixed, this.added]) {
      const k = upperBound(list, at);
      if (k > 0) before = Math.max(before, (list[k - 1] as { start: number }).start);
      if (k < list.length) after = Math.min(after, (list[k] as { start: number }).start);
    }
    const dBefore = at - before;
    const dAfter = (after - at) * 4;
    const best = Math.min(dBefore, dAfter);
    let winner: Group | null = null;
    const consider = (start: number) => {
      for (const list of [this.fixed, this.added]) {
        for (let k = lowerBound(list, start); k < list.length; k++) {
          const e = list[k] as { start: number; group: Group };
          if (e.start !== start) break;
          if (winner === null || e.group.order < winner.order) winner = e.group;
        }
      }
    };
    if (dBefore === best) consider(before);
    if (dAfter === best) consider(after);
    return winner as unknown as Group;
  }
}

/** First index whose start is greater than `at`. */
function upperBound(list: ReadonlyArray<{ start: number }>, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { start: number }).start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose start is at least `at`. */
function lowerBound(list: ReadonlyArray<{ start: number }>, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { start: number }).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mentions bound to a group when alias declarations are read: the last ending by an offset, the first inside a range. */
class BoundMentions {
  /** Bound mentions not inside a declaration, ordered by end, with the greatest array index so far. */
  private readonly ends: number[] = [];
  private readonly latest: number[] = [];
  /** Array indexes of the bound mentions, ordered by start (then index). */
  private readonly byStart: number[];

  constructor(
    private readonly mentions: readonly Mention[],
    groupOf: ReadonlyMap<Mention, Group>,
  ) {
    const owners: number[] = [];
    const bound: number[] = [];
    mentions.forEach((m, i) => {
      if (!groupOf.has(m)) return;
      bound.push(i);
      if (!m.inAliasDecl) owners.push(i);
    });
    owners.sort((a, b) => (mentions[a] as Mention).end - (mentions[b] as Mention).end || a - b);
    let most = -1;
    for (const i of owners) {
      most = Math.max(most, i);
      this.ends.push((mentions[i] as Mention).end);
      this.latest.push(most);
    }
    this.byStart = bound.sort(
      (a, b) => (mentions[a] as Mention).start - (mentions[b] as Mention).start || a - b,
    );
  }

  /** The bound mention, not in a declaration, that comes last in the array among those ending at or before `at`. */
  lastEndingBy(at: number): Mention | undefined {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] as number) <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : this.mentions[this.latest[lo - 1] as number];
  }

  /** The bound mention first in the array among those lying within [start, end]. */
  firstWithin(start: number, end: number): Mention | undefined {
    let lo = 0;
    let hi = this.byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[this.byStart[mid] as number] as Mention).start < start) lo = mid + 1;
      else hi = mid;
    }
    let best = -1;
    for (let k = lo; k < this.byStart.length; k++) {
      const i = this.byStart[k] as number;
      const m = this.mentions[i] as Mention;
      if (m.start > end) break;
      if (m.end <= end && (best < 0 || i < best)) best = i;
    }
    return best < 0 ? undefined : this.mentions[best];
  }
}

/**
 * Groups by the type of their first mention and the name key of their issuer, for "Kế hoạch của <issuer>": each
 * group's issuer is read once, and again only when a mention joins it.
 */
class IssuerIndex {
  private readonly byType = new Map<DocType, Map<string, Set<Group>>>();
  private readonly keyOf = new Map<Group, string | null>();

  constructor(
    private readonly n: NormalizedText,
    private readonly place: Place,
  ) {}

  groups(all: readonly Group[], type: DocType, key: string): ReadonlySet<Group> {
    let index = this.byType.get(type);
    if (!index) {
      index = new Map();
      this.byType.set(type, index);
      for (const g of all) if ((g.mentions[0] as Mention).type === type) this.file(index, g);
    }
    return index.get(key) ?? new Set();
  }

  changed(g: Group): void {
    const index = this.byType.get((g.mentions[0] as Mention).type);
    if (!index) return;
    const old = this.keyOf.get(g);
    if (old !== undefined && old !== null) index.get(old)?.delete(g);
    this.file(index, g);
  }

  private file(index: Map<string, Set<Group>>, g: Group): void {
    const iss = referenceIssuer(this.n, g, this.place);
    const key = iss === null ? null : nameKey(iss.name);
    this.keyOf.set(g, key);
    if (key === null) return;
    let set = index.get(key);
    if (!set) {
      set = new Set();
      index.set(key, set);
    }
    set.add(g);
  }
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
  const seen = new Set(aliases);
  for (const m of ms) {
    if ((m.kind === 'SHORT' || m.kind === 'ALIAS') && !m.inAliasDecl) {
      const shortText =
        m.kind === 'SHORT' ? collapseSpaces(n.text.slice(m.start, shortEnd(n, m))) : (m.alias as string);
      if (!seen.has(shortText)) {
        seen.add(shortText);
        aliases.push(shortText);
      }
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

function pushToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
