// National corpus (plan): the hierarchy of documents and their identities, before any text is written.
//
// Central documents (Party resolutions, conclusions and directives `NN-NQ/TW`, Prime Minister's decisions
// `NNN/QĐ-TTg`) are implemented in most provinces by a Party programme (`NN-CTr/TU`, or a Party plan `NN-KH/TU`
// for a conclusion or directive) and a People's Committee plan (`NNN/KH-UBND`), each provincial plan by several
// of its districts, some district plans by communes. Counts add up to exactly N:
//
//   central documents  C = N <= 3 ? N : max(3, round(N / 520))
//   each tree gets     B = (N - C) / C documents (the remainder one each to the first trees), spent on
//   provinces          P = clamp(round(B / (k + 6.5)), 1, 63), k = 2 (programme + plan) or 1 (plan only, for
//                      a decision, or when B < 2P)
//   communes           5 % of what is left once there are 40 or more, and whatever exceeds the districts
//   districts          the rest, shared among the P provinces by weight (size × U(0.6, 1.4)), at most all of
//                      a province's districts
//
// Who implements whom: central kinds cycle NQ QĐ NQ KL NQ QĐ CT NQ (Politburo, Central Committee, Secretariat;
// half the Prime Minister's decisions are the Government's programme for the latest earlier resolution and
// implement it); a Party programme implements its central document; a provincial plan implements the programme
// (65 %), the programme and the central document (20 %) or the central document alone (15 %; always for a
// decision); a district plan its provincial plan, and 8 % of them also take up, in one task, a plan of the same
// province made for another central document; a commune plan its district plan. About 4 % of the documents
// nothing cites (district and commune plans) are drafts without number or day, about 3 % of all. Dates follow
// the chain: central 2018-01-02 … 2024-06-28, programme +15…120 days, plan +10…90, district +7…75,
// commune +5…45, on working days — all before July 2025.
//
// Numbers restart per issuer and year (Party: per congress term) and grow with the date, as real registers do;
// a register is keyed by the jurisdiction's slug, so the ten districts called Châu Thành, or a province and its
// capital of the same name, never print the same number in the same year: every (symbol, jurisdiction, date)
// is unique, while the same number recurs across provinces and years. Document i depends only on the seed and
// its place in the hierarchy; its number also on the other documents of its register (and so on N).
import type { Level } from '../../src/model/extraction.ts';
import { CENTRAL, slug } from '../../src/model/graph.ts';
import { communesOf, type NationalDistrict, type NationalProvince, nationalProvinces } from './places.ts';
import { dayOf, pad, rngFor, sample, workingDay } from './util.ts';
import { TOPICS } from './vocab.ts';

export type DocKind = 'CENTRAL' | 'PARTY_PROVINCE' | 'PROVINCE_PLAN' | 'DISTRICT_PLAN' | 'COMMUNE_PLAN';
/** NQ resolution, KL conclusion, CT directive (all Party, `/TW`); QD a Prime Minister's decision. */
export type CentralKind = 'NQ' | 'KL' | 'CT' | 'QD';
/** Who signs a central document: Politburo, Central Committee, Secretariat, Prime Minister. */
export type CentralBody = 'BCT' | 'BCH' | 'BBT' | 'TTG';

export interface PlannedDoc {
  index: number;
  /** The tree (central document) it belongs to. */
  tree: number;
  kind: DocKind;
  level: Level;
  /** Kind of the tree's central document. */
  centralKind: CentralKind;
  centralBody: CentralBody;
  /** A provincial Party document issued by the Standing Board (else by the Party Committee). */
  standingBoard: boolean;
  province: NationalProvince | null;
  district: NationalDistrict | null;
  commune: string | null;
  day: number;
  draft: boolean;
  number: number | null;
  symbol: string | null;
  /** Documents it implements (document level). */
  parents: number[];
  /** Documents one of its tasks implements (a cross-link to another plan of its province). */
  taskLinks: number[];
  topic: number;
  /** Relative path of its text. */
  file: string;
  /** Its place in the hierarchy: what its randomness is derived from. */
  key: string;
}

export interface Plan {
  seed: number;
  documents: number;
  docs: PlannedDoc[];
}

const KIND_CYCLE: readonly CentralKind[] = ['NQ', 'QD', 'NQ', 'KL', 'NQ', 'QD', 'CT', 'NQ'];
const FIRST_DAY = dayOf(2018, 1, 2);
const LAST_CENTRAL_DAY = dayOf(2024, 6, 28);

export function centralCount(n: number): number {
  if (n <= 3) return Math.max(0, n);
  return Math.max(3, Math.round(n / 520));
}

interface CentralMeta {
  kind: CentralKind;
  body: CentralBody;
  day: number;
  topic: number;
  /** Tree number of the resolution a decision implements, or -1. */
  implementsTree: number;
}

function centralMeta(seed: number, count: number): CentralMeta[] {
  const metas: CentralMeta[] = [];
  for (let c = 0; c < count; c++) {
    const rng = rngFor(seed, `central/${c}`);
    const kind = KIND_CYCLE[c % KIND_CYCLE.length] as CentralKind;
    const body: CentralBody =
      kind === 'QD'
        ? 'TTG'
        : kind === 'NQ'
          ? rng.chance(0.65)
            ? 'BCT'
            : 'BCH'
          : kind === 'KL'
            ? rng.chance(0.5)
              ? 'BCT'
              : 'BBT'
            : rng.chance(0.6)
              ? 'BBT'
              : 'BCT';
    metas.push({
      kind,
      body,
      day: workingDay(rng.int(FIRST_DAY, LAST_CENTRAL_DAY)),
      topic: rng.int(0, TOPICS.length - 1),
      implementsTree: -1,
    });
  }
  // Half the decisions are the Government's programme for the latest earlier resolution.
  metas.forEach((m, c) => {
    if (m.kind !== 'QD' || !rngFor(seed, `central/${c}/implements`).chance(0.5)) return;
    let best = -1;
    metas.forEach((o, k) => {
      if (o.kind === 'NQ' && o.day < m.day - 30 && (best < 0 || o.day > (metas[best] as CentralMeta).day))
        best = k;
    });
    if (best >= 0) {
      m.implementsTree = best;
      m.topic = (metas[best] as CentralMeta).topic;
    }
  });
  return metas;
}

/** Splits `total` over items by weight, each at most its cap (largest remainder). */
function share(total: number, weights: number[], caps: number[]): number[] {
  const out = weights.map(() => 0);
  let left = total;
  while (left > 0) {
    const open = weights.map((_, i) => i).filter((i) => (out[i] as number) < (caps[i] as number));
    if (open.length === 0) break;
    const sum = open.reduce((s, i) => s + (weights[i] as number), 0);
    const want = open.map((i) => ((weights[i] as number) / sum) * left);
    let given = 0;
    open.forEach((i, k) => {
      const g = Math.min(Math.floor(want[k] as number), (caps[i] as number) - (out[i] as number));
      out[i] = (out[i] as number) + g;
      given += g;
    });
    if (given === 0) {
      // Largest fractional parts first, one each.
      const order = open
        .map((i, k) => ({ i, f: (want[k] as number) - Math.floor(want[k] as number) }))
        .sort((a, b) => b.f - a.f || a.i - b.i);
      for (const { i } of order) {
        if (given >= left) break;
        if ((out[i] as number) < (caps[i] as number)) {
          out[i] = (out[i] as number) + 1;
          given++;
        }
      }
    }
    left -= given;
  }
  return out;
}

const placeSlug = (d: PlannedDoc): string =>
  d.level === 'CENTRAL'
    ? 'central'
    : [d.province?.name, d.district?.name, d.commune]
        .filter((x): x is string => x !== null && x !== undefined)
        .map(slug)
        .join('_');

const TAG: Record<DocKind, string> = {
  CENTRAL: 'central',
  PARTY_PROVINCE: 'party',
  PROVINCE_PLAN: 'province',
  DISTRICT_PLAN: 'district',
  COMMUNE_PLAN: 'commune',
};

/** The whole hierarchy for N documents: who implements whom, places, dates, numbers and file names. */
export function buildPlan(seed: number, documents: number): Plan {
  if (!Number.isInteger(documents) || documents < 0) throw new RangeError('documents must be a whole number');
  const provinces = nationalProvinces();
  const C = centralCount(documents);
  const metas = centralMeta(seed, C);
  const docs: PlannedDoc[] = [];
  const centralIndex: number[] = [];
  const rest = documents - C;

  const add = (d: Omit<PlannedDoc, 'index' | 'number' | 'symbol' | 'file' | 'draft' | 'taskLinks'>) => {
    const doc: PlannedDoc = {
      ...d,
      index: docs.length,
      number: null,
      symbol: null,
      file: '',
      draft: false,
      taskLinks: [],
    };
    docs.push(doc);
    return doc;
  };

  for (let c = 0; c < C; c++) {
    const meta = metas[c] as CentralMeta;
    const budget = Math.floor(rest / C) + (c < rest % C ? 1 : 0);
    const base = { tree: c, centralKind: meta.kind, centralBody: meta.body, topic: meta.topic };
    const central = add({
      ...base,
      kind: 'CENTRAL',
      level: 'CENTRAL',
      standingBoard: false,
      province: null,
      district: null,
      commune: null,
      day: meta.day,
      parents: [],
      key: `c${c}`,
    });
    centralIndex.push(central.index);
    if (budget === 0) continue;

    const rng = rngFor(seed, `tree/${c}`);
    let perProvince = meta.kind === 'QD' ? 1 : 2;
    let P = Math.min(provinces.length, Math.max(1, Math.round(budget / (perProvince + 6.5))));
    if (P * perProvince > budget) {
      perProvince = 1;
      P = Math.min(P, budget);
    }
    const chosen = sample(rng, provinces, P).sort((a, b) => (a.code < b.code ? -1 : 1));
    const left = budget - P * perProvince;
    let communes = left >= 40 ? Math.round(left * 0.05) : 0;
    let districts = left - communes;
    const caps = chosen.map((p) => p.districts.length);
    const capacity = caps.reduce((s, n) => s + n, 0);
    if (districts > capacity) {
      communes += districts - capacity;
      districts = capacity;
    }
    const perDistrict = share(
      districts,
      chosen.map((p) => p.districts.length * (0.6 + 0.8 * rng.next())),
      caps,
    );

    // District plans that will have communes: chosen now, so that the tree is laid out in order.
    const districtSlots: Array<{ p: number; d: number }> = [];
    const districtChoice = chosen.map((p, i) => {
      const picked = sample(rngFor(seed, `tree/${c}/p${p.code}`), p.districts, perDistrict[i] as number).sort(
        (a, b) => (a.code < b.code ? -1 : 1),
      );
      for (let d = 0; d < picked.length; d++) districtSlots.push({ p: i, d });
      return picked;
    });
    const communeCount = new Map<string, number>();
    for (let k = 0; k < communes && districtSlots.length > 0; k++) {
      const weights = districtSlots.map((s): number => {
        const dist = (districtChoice[s.p] as NationalDistrict[])[s.d] as NationalDistrict;
        const used = communeCount.get(`${s.p}/${s.d}`) ?? 0;
        const room = communesOf(seed, dist).length - used;
        return room <= 0 ? 0 : dist.kind === 'HUYEN' ? 3 : 1;
      });
      const total = weights.reduce((s, w) => s + w, 0);
      if (total === 0) break;
      let x = rng.next() * total;
      let at = 0;
      for (; at < weights.length - 1; at++) {
        x -= weights[at] as number;
        if (x < 0 && (weights[at] as number) > 0) break;
      }
      const s = districtSlots[at] as { p: number; d: number };
      communeCount.set(`${s.p}/${s.d}`, (communeCount.get(`${s.p}/${s.d}`) ?? 0) + 1);
    }

    chosen.forEach((province, i) => {
      const prng = rngFor(seed, `c${c}/p${province.code}`);
      let party: PlannedDoc | null = null;
      if (perProvince === 2)
        party = add({
          ...base,
          kind: 'PARTY_PROVINCE',
          level: 'PROVINCE',
          standingBoard: prng.chance(0.7),
          province,
          district: null,
          commune: null,
          day: workingDay(central.day + prng.int(15, 120)),
          parents: [central.index],
          key: `c${c}/p${province.code}/party`,
        });
      const r = prng.next();
      const parents = !party
        ? [central.index]
        : r < 0.65
          ? [party.index]
          : r < 0.85
            ? [party.index, central.index]
            : [central.index];
      const plan = add({
        ...base,
        kind: 'PROVINCE_PLAN',
        level: 'PROVINCE',
        standingBoard: false,
        province,
        district: null,
        commune: null,
        day: workingDay((party ?? central).day + prng.int(10, 90)),
        parents,
        key: `c${c}/p${province.code}/plan`,
      });
      (districtChoice[i] as NationalDistrict[]).forEach((district, d) => {
        const key = `c${c}/p${province.code}/d${district.code}`;
        const drng = rngFor(seed, key);
        const dplan = add({
          ...base,
          kind: 'DISTRICT_PLAN',
          level: 'DISTRICT',
          standingBoard: false,
          province,
          district,
          commune: null,
          day: workingDay(plan.day + drng.int(7, 75)),
          parents: [plan.index],
          key,
        });
        const n = communeCount.get(`${i}/${d}`) ?? 0;
        const names = sample(rngFor(seed, `${key}/communes`), communesOf(seed, district), n).sort();
        for (const name of names)
          add({
            ...base,
            kind: 'COMMUNE_PLAN',
            level: 'COMMUNE',
            standingBoard: false,
            province,
            district,
            commune: name,
            day: workingDay(dplan.day + rngFor(seed, `${key}/x/${name}`).int(5, 45)),
            parents: [dplan.index],
            key: `${key}/x/${name}`,
          });
      });
    });
  }

  // Decisions that are the Government's programme for a resolution implement it.
  metas.forEach((m, c) => {
    if (m.implementsTree >= 0)
      (docs[centralIndex[c] as number] as PlannedDoc).parents = [centralIndex[m.implementsTree] as number];
  });

  // Drafts (no number, no day): only documents nothing else cites, about 3 % of all.
  const hasChildren = new Set<number>();
  for (const d of docs) for (const p of d.parents) hasChildren.add(p);
  for (const d of docs)
    if ((d.kind === 'DISTRICT_PLAN' || d.kind === 'COMMUNE_PLAN') && !hasChildren.has(d.index))
      d.draft = rngFor(seed, `${d.key}#draft`).chance(0.04);

  // A district plan's task may take up another plan of its province (of another resolution, issued before).
  const plansOf = new Map<string, PlannedDoc[]>();
  for (const d of docs)
    if (d.kind === 'PROVINCE_PLAN' && d.province) {
      const list = plansOf.get(d.province.code) ?? [];
      list.push(d);
      plansOf.set(d.province.code, list);
    }
  for (const d of docs) {
    if (d.kind !== 'DISTRICT_PLAN' || !d.province) continue;
    const rng = rngFor(seed, `${d.key}#link`);
    if (!rng.chance(0.08)) continue;
    const candidates = (plansOf.get(d.province.code) ?? []).filter(
      (p) => p.tree !== d.tree && p.day <= d.day - 10,
    );
    if (candidates.length > 0) d.taskLinks = [(rng.pick(candidates) as PlannedDoc).index];
  }

  if (docs.length !== documents) throw new Error(`planned ${docs.length} documents for ${documents}`);
  assignNumbers(seed, docs);
  for (const d of docs)
    d.file = `docs/${pad(d.tree, 4)}/${pad(d.index, 6)}-${TAG[d.kind]}-${placeSlug(d)}.txt`;
  return { seed, documents, docs };
}

// ---------------------------------------------------------------------------------------------
// Registers: numbers per (series, jurisdiction, period), growing with the date.

interface Register {
  series: string;
  rate: number;
  periodStart: number;
  key: string;
}

const TERM_XIII = dayOf(2021, 2, 1);
const PROVINCIAL_TERM = dayOf(2020, 10, 15);

function registerOf(d: PlannedDoc): Register {
  const year = new Date(d.day * 86_400_000).getUTCFullYear();
  const yearly = (series: string, jurisdiction: string, rate: number): Register => ({
    series,
    rate,
    periodStart: dayOf(year, 1, 1),
    key: `${series}|${jurisdiction}|${year}`,
  });
  const term = (series: string, jurisdiction: string, rate: number, boundary: number, before: number) => {
    const start = d.day < boundary ? before : boundary;
    return { series, rate, periodStart: start, key: `${series}|${jurisdiction}|${start}` };
  };
  switch (d.kind) {
    case 'CENTRAL':
      if (d.centralKind === 'QD') return yearly('QĐ-TTg', CENTRAL, 4.5);
      return term(
        `${d.centralKind}/TW`,
        CENTRAL,
        d.centralKind === 'KL' ? 0.08 : d.centralKind === 'CT' ? 0.02 : 0.04,
        TERM_XIII,
        dayOf(2016, 1, 28),
      );
    case 'PARTY_PROVINCE':
      return term(
        d.centralKind === 'NQ' ? 'CTr/TU' : 'KH/TU',
        slug((d.province as NationalProvince).name),
        d.centralKind === 'NQ' ? 0.03 : 0.12,
        PROVINCIAL_TERM,
        dayOf(2015, 10, 15),
      );
    case 'PROVINCE_PLAN':
      return yearly('KH-UBND', slug((d.province as NationalProvince).name), 1.2);
    case 'DISTRICT_PLAN':
      return yearly('KH-UBND', slug((d.district as NationalDistrict).name), 0.5);
    case 'COMMUNE_PLAN':
      return yearly('KH-UBND', slug(d.commune as string), 0.12);
  }
}

function formatSymbol(series: string, n: number): string {
  if (series.endsWith('/TW') || series.endsWith('/TU')) {
    const [type, issuer] = series.split('/') as [string, string];
    return `${pad(n, 2)}-${type}/${issuer}`;
  }
  return `${n}/${series}`;
}

function assignNumbers(seed: number, docs: PlannedDoc[]): void {
  const registers = new Map<string, { reg: Register; members: PlannedDoc[] }>();
  for (const d of docs) {
    if (d.draft) continue;
    const reg = registerOf(d);
    const entry = registers.get(reg.key) ?? { reg, members: [] };
    entry.members.push(d);
    registers.set(reg.key, entry);
  }
  for (const { reg, members } of registers.values()) {
    members.sort((a, b) => a.day - b.day || a.index - b.index);
    const rng = rngFor(seed, `register/${reg.key}`);
    let last = 0;
    for (const d of members) {
      const expected = Math.floor(reg.rate * (d.day - reg.periodStart) * (0.8 + 0.4 * rng.next())) + 1;
      last = Math.max(last + 1, expected);
      d.number = last;
      d.symbol = formatSymbol(reg.series, last);
    }
  }
}

/**
 * The time a central document gives the provinces for issuing their own programmes or plans, when it states one
 * (about 70 % do): a number of days from its date (a resolution, conclusion or directive: "trong thời hạn 60 ngày
 * kể từ ngày ký") or a date (a decision: "trước ngày …", the same number of days after it). Keyed by the
 * document alone, so the rest of the corpus does not depend on it.
 */
export interface IssueLimit {
  days: number;
  /** The day the limit falls on (the document's day + days). */
  dueDay: number;
  form: 'DAYS' | 'DATE';
}

export function issueLimitOf(plan: Plan, doc: PlannedDoc): IssueLimit | null {
  if (doc.kind !== 'CENTRAL') return null;
  const rng = rngFor(plan.seed, `${doc.key}#issue-limit`);
  if (!rng.chance(0.7)) return null;
  const days = rng.pick([30, 45, 60, 90]);
  return { days, dueDay: doc.day + days, form: doc.centralKind === 'QD' ? 'DATE' : 'DAYS' };
}
