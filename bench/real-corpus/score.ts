// Bench `corpus`, pure part: what a real document's text promises (a number line, a date line), the checks that
// flag an extraction as looking wrong, and the gold scoring (header fields, references, IMPLEMENTS edges).
// No I/O: every function here takes values and returns values, so the tests call them directly.

import type { ExtractedDocument, Issuer, Level } from '../../src/model/extraction.ts';
import { fold, nameKey } from '../../src/text/fold.ts';
import type { GoldDocument, GoldFile } from '../gold/schema.ts';

// ---------------------------------------------------------------------------------------------------------
// What the text promises

/** Lines of the top of a document searched for the header's number and date lines. */
export const HEADER_LINES = 25;

/** "Số: 12/KH-UBND", "Số 12/KH-UBND", "Luật số: 51/2024/QH15": the number must start with a digit (a blank "Số: /KH-UBND" prints none). */
const NUMBER_LINE = /^[\s*_#>|]*(?:Số[*_]*\s*(?::[*_]*)?|(?:\p{L}+\s+){1,2}[Ss]ố[*_]*\s*:[*_]*)\s*\d/u;
/** A line that is nothing but a symbol ("12/KH-UBND", "51/2024/QH15"). */
const SYMBOL_LINE = /^[\s*_#>|]*\d+[\p{L}\d.]*\s*\/\s*[\p{Lu}\d][\p{Lu}\p{N}\-/.]*\s*$/u;
/**
 * A line that is a date: "ngày 3 tháng 5 năm 2024", after a place or not ("Bắc Ninh, ngày …"), blanks allowed.
 * Nothing may follow the year, so a wrapped body line ("ngày 01 tháng 3 năm 2018. ") is not one.
 */
const LONG_DATE_LINE =
  /^[\s*_#>|]*(?:[^\d,]{2,40},\s*)?ngày[\s\d.…_]*tháng[\s\d.…_]*năm\s*(?:\d{2,4}|[.…_]+|\d{2,3}[.…_]+)?[\s*_]*$/iu;
/** A place and a numeric date: "Hà Nội, ngày 03/5/2024". */
const PLACE_DATE_LINE = /^\s*[^\d,]{2,40},\s*ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/iu;
/** The running head of gazette copies ("CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024") is not the document's header. */
const GAZETTE_HEAD = /C[ÔO]NG\s+B[ÁA]O/iu;

export interface HeaderFacts {
  /** A "Số: …" line or a bare symbol line near the top. */
  printsSymbol: boolean;
  /** A date line ("…, ngày … tháng … năm …") near the top. */
  printsDate: boolean;
}

/** What the top of a text prints. Reads at most the first HEADER_LINES lines; keeps nothing of the text. */
export function headerFacts(text: string): HeaderFacts {
  const lines = text.normalize('NFC').split(/\r\n|\r|\n/u, HEADER_LINES * 4);
  let printsSymbol = false;
  let printsDate = false;
  let seen = 0;
  for (const line of lines) {
    if (seen >= HEADER_LINES) break;
    if (line.trim() === '') continue; // gazette copies pad the top with blank lines
    seen++;
    if (GAZETTE_HEAD.test(line)) continue;
    if (NUMBER_LINE.test(line) || SYMBOL_LINE.test(line)) printsSymbol = true;
    if (LONG_DATE_LINE.test(line) || PLACE_DATE_LINE.test(line)) printsDate = true;
  }
  return { printsSymbol, printsDate };
}

// ---------------------------------------------------------------------------------------------------------
// Keys and loose matches

/** Comparison key of a symbol: NFC, Đ/đ → d, no spaces, lower case ("12/KH-UBND" ≡ "12/kh-ubnd"). */
export function symbolKey(symbol: string): string {
  return symbol.normalize('NFC').replace(/[Đđ]/gu, 'd').replace(/\s+/gu, '').toLowerCase();
}

const endpointKey = (e: string) => (e === 'SELF' ? 'SELF' : symbolKey(e));

/** The level a name implies ("… tỉnh Bắc Ninh" → PROVINCE), for gold issuers given without a level. */
export function levelOfName(name: string): Level | null {
  const key = ` ${nameKey(name)} `;
  if (/ (xa|phuong|thi tran) /u.test(key)) return 'COMMUNE';
  if (/ (huyen|quan|thi xa) /u.test(key)) return 'DISTRICT';
  if (/ (tinh|thanh pho|tinh uy|thanh uy) /u.test(key)) return 'PROVINCE';
  return null;
}

/**
 * Loose issuer match: the folded gold name contains or is contained in the folded extracted name, or the
 * extracted issuer has the gold's level and a jurisdiction the gold name names. A null gold matches only null.
 */
export function issuerMatches(gold: string | null, goldLevel: Level | null, found: Issuer | null): boolean {
  if (gold === null) return found === null;
  if (found === null) return false;
  const g = expandShortBodies(nameKey(gold));
  const f = expandShortBodies(nameKey(found.name));
  if (g !== '' && f !== '' && (g.includes(f) || f.includes(g))) return true;
  const level = goldLevel ?? levelOfName(gold);
  if (level === null || found.level !== level || found.jurisdiction === null) return false;
  const j = nameKey(found.jurisdiction);
  return j !== '' && ` ${g} `.includes(` ${j} `);
}

/** "UBND", "HĐND", "BCH", "BTV" as the words they stand for, so a short form and a full name compare. */
function expandShortBodies(key: string): string {
  return key
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\bhdnd\b/g, 'hoi dong nhan dan')
    .replace(/\bbch\b/g, 'ban chap hanh')
    .replace(/\bbtv\b/g, 'ban thuong vu');
}

// ---------------------------------------------------------------------------------------------------------
// Looks-wrong checks

/** Words that make an agency name a clause rather than a name ("Sở Tài chính chủ trì"). */
export const AGENCY_VERBS = [
  'thực hiện',
  'triển khai',
  'ban hành',
  'chủ trì',
  'phối hợp',
  'báo cáo',
  'hoàn thành',
  'tổ chức thực hiện',
  'xây dựng',
] as const;
const VERB_FOLDS = AGENCY_VERBS.map((v) => fold(v));
export const AGENCY_MAX_WORDS = 12;
const LETTER = /[\p{L}\p{N}]/u;

/**
 * Where a verb of AGENCY_VERBS is printed as a verb in `name`, or -1. A capitalised occurrence after the first
 * word is part of a proper name ("Sở Xây dựng", "Ban Xây dựng Đảng"), not a verb.
 */
function verbIn(name: string): number {
  const folded = fold(name);
  for (let v = 0; v < VERB_FOLDS.length; v++) {
    const verb = VERB_FOLDS[v] as string;
    for (let at = folded.indexOf(verb); at >= 0; at = folded.indexOf(verb, at + 1)) {
      const before = at === 0 ? '' : (folded[at - 1] as string);
      const after = folded[at + verb.length] ?? '';
      if (LETTER.test(before) || LETTER.test(after)) continue;
      const first = name[at] as string;
      const capitalised = first !== first.toLowerCase();
      if (capitalised && name.slice(0, at).trim() !== '') continue;
      return v;
    }
  }
  return -1;
}

/** Why an agency name looks wrong, or null: it holds a verb or runs past AGENCY_MAX_WORDS words. */
export function agencyProblem(name: string): string | null {
  const verb = verbIn(name.normalize('NFC'));
  if (verb >= 0) return `contains the verb "${AGENCY_VERBS[verb]}"`;
  const words = name.trim().split(/\s+/u).length;
  return words > AGENCY_MAX_WORDS ? `${words} words` : null;
}

/** Canonical names of every lead and coordinator of a document's tasks and their duties, once each. */
export function agencyNames(doc: ExtractedDocument): string[] {
  const names = new Set<string>();
  for (const t of doc.tasks) {
    for (const a of [...t.lead, ...t.coordinators]) names.add(a.name);
    for (const d of t.duties) for (const a of [...d.lead, ...d.coordinators]) names.add(a.name);
  }
  return [...names];
}

/** Reasons an extraction looks wrong given what its text prints; empty when nothing is off. */
export function checkDocument(doc: ExtractedDocument, facts: HeaderFacts): string[] {
  const reasons: string[] = [];
  const header = doc.document;
  if (facts.printsSymbol && header.symbol === null) reasons.push('a "Số:" line but no symbol');
  if (facts.printsDate && header.date === null) reasons.push('a date line but no date');
  if (header.symbol !== null) {
    const own = symbolKey(header.symbol);
    if (doc.references.some((r) => r.symbol !== null && symbolKey(r.symbol) === own))
      reasons.push(`its own symbol ${header.symbol} is among its references`);
  }
  for (const name of agencyNames(doc)) {
    const problem = agencyProblem(name);
    if (problem !== null) reasons.push(`agency "${name}" ${problem}`);
  }
  return reasons;
}

/** A task has a lead when its lead array is non-empty or one of its duties has a lead. */
export function taskHasLead(task: ExtractedDocument['tasks'][number]): boolean {
  return task.lead.length > 0 || task.duties.some((d) => d.lead.length > 0);
}

// ---------------------------------------------------------------------------------------------------------
// Gold scoring

export interface Prf {
  truePositives: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts. Nothing predicted → precision 1; nothing expected → recall 1. */
export function prf(truePositives: number, predicted: number, expected: number): Prf {
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = expected === 0 ? 1 : truePositives / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predicted, expected, precision, recall, f1 };
}

export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number;
}

const accuracy = (correct: number, total: number): Accuracy => ({
  correct,
  total,
  accuracy: total === 0 ? 1 : correct / total,
});

export type HeaderField = 'symbol' | 'date' | 'type' | 'issuer';
export const HEADER_FIELDS: readonly HeaderField[] = ['symbol', 'date', 'type', 'issuer'];

/** What one gold document scored. Misses name symbols and fields only, never text. */
export interface DocumentScore {
  file: string;
  header: Record<HeaderField, boolean>;
  /** Gold value vs extracted value for each wrong header field. */
  headerMisses: string[];
  references: {
    truePositives: number;
    predicted: number;
    expected: number;
    missed: string[];
    extra: string[];
  };
  metadata: {
    dateCorrect: number;
    dateTotal: number;
    issuerCorrect: number;
    issuerTotal: number;
    misses: string[];
  };
  implementsEdges: {
    truePositives: number;
    predicted: number;
    expected: number;
    missed: string[];
    extra: string[];
    /** Predicted edges with an endpoint that has no symbol (a reference by name): never in a gold. */
    unnumbered: number;
  };
}

const show = (v: string | null | undefined) => (v === null || v === undefined ? '(none)' : v);

/** Scores one extraction against its gold entry. */
export function scoreDocument(gold: GoldDocument, doc: ExtractedDocument): DocumentScore {
  const h = doc.document;
  const header: Record<HeaderField, boolean> = {
    symbol:
      gold.symbol === null
        ? h.symbol === null
        : h.symbol !== null && symbolKey(h.symbol) === symbolKey(gold.symbol),
    date: (gold.date ?? null) === (h.date?.value ?? null),
    type: gold.type === h.type,
    issuer: issuerMatches(gold.issuer, gold.level, h.issuer),
  };
  const found: Record<HeaderField, string | null> = {
    symbol: h.symbol,
    date: h.date?.value ?? null,
    type: h.type,
    issuer: h.issuer?.name ?? null,
  };
  const expectedValue: Record<HeaderField, string | null> = {
    symbol: gold.symbol,
    date: gold.date,
    type: gold.type,
    issuer: gold.issuer,
  };
  const headerMisses = HEADER_FIELDS.filter((f) => !header[f]).map(
    (f) => `${f}: gold ${show(expectedValue[f])}, found ${show(found[f])}`,
  );

  // References: sets of symbol keys.
  const refsByKey = new Map<string, ExtractedDocument['references']>();
  for (const r of doc.references) {
    if (r.symbol === null) continue;
    const key = symbolKey(r.symbol);
    refsByKey.set(key, [...(refsByKey.get(key) ?? []), r]);
  }
  const goldRefs = new Map<string, GoldDocument['references'][number]>();
  for (const r of gold.references)
    if (!goldRefs.has(symbolKey(r.symbol))) goldRefs.set(symbolKey(r.symbol), r);
  const missed = [...goldRefs].filter(([k]) => !refsByKey.has(k)).map(([, r]) => r.symbol);
  const extra = [...refsByKey].filter(([k]) => !goldRefs.has(k)).map(([, rs]) => rs[0]?.symbol ?? '');
  const matched = [...goldRefs].filter(([k]) => refsByKey.has(k));

  // Metadata of matched references: any extracted reference with that symbol may carry it.
  const metadata = { dateCorrect: 0, dateTotal: 0, issuerCorrect: 0, issuerTotal: 0, misses: [] as string[] };
  for (const [key, g] of matched) {
    const candidates = refsByKey.get(key) ?? [];
    if (g.date !== null && g.date !== undefined) {
      metadata.dateTotal++;
      if (candidates.some((r) => r.date?.value === g.date)) metadata.dateCorrect++;
      else
        metadata.misses.push(`${g.symbol} date: gold ${g.date}, found ${show(candidates[0]?.date?.value)}`);
    }
    if (g.issuer !== null && g.issuer !== undefined) {
      metadata.issuerTotal++;
      const goldIssuer = g.issuer;
      if (candidates.some((r) => issuerMatches(goldIssuer, null, r.issuer))) metadata.issuerCorrect++;
      else
        metadata.misses.push(
          `${g.symbol} issuer: gold ${g.issuer}, found ${show(candidates[0]?.issuer?.name)}`,
        );
    }
  }

  // IMPLEMENTS edges between the document and its references (task edges are not scored).
  const symbolOf = new Map(doc.references.map((r) => [r.id, r.symbol]));
  const foundEdges = new Map<string, string>();
  let unnumbered = 0;
  for (const rel of doc.relations) {
    if (rel.type !== 'IMPLEMENTS' || rel.from.startsWith('task:') || rel.to.startsWith('task:')) continue;
    const ends = [rel.from, rel.to].map((e) => {
      if (e === 'SELF') return 'SELF';
      const symbol = symbolOf.get(e);
      return symbol === null || symbol === undefined ? null : symbolKey(symbol);
    });
    const [from, to] = ends;
    if (from === null || to === null || from === undefined || to === undefined) {
      const key = `${rel.from} → ${rel.to} (unnumbered)`;
      if (!foundEdges.has(key)) unnumbered++;
      foundEdges.set(key, key);
      continue;
    }
    const printed = (e: string, id: string) => (e === 'SELF' ? 'SELF' : (symbolOf.get(id) ?? e));
    foundEdges.set(`${from}\u0000${to}`, `${printed(from, rel.from)} → ${printed(to, rel.to)}`);
  }
  const goldEdges = new Map<string, string>();
  for (const e of gold.implements)
    goldEdges.set(`${endpointKey(e.from)}\u0000${endpointKey(e.to)}`, `${e.from} → ${e.to}`);
  const edgeTp = [...goldEdges.keys()].filter((k) => foundEdges.has(k)).length;

  return {
    file: gold.file,
    header,
    headerMisses,
    references: {
      truePositives: matched.length,
      predicted: refsByKey.size,
      expected: goldRefs.size,
      missed,
      extra,
    },
    metadata,
    implementsEdges: {
      truePositives: edgeTp,
      predicted: foundEdges.size,
      expected: goldEdges.size,
      missed: [...goldEdges].filter(([k]) => !foundEdges.has(k)).map(([, v]) => v),
      extra: [...foundEdges].filter(([k]) => !goldEdges.has(k)).map(([, v]) => v),
      unnumbered,
    },
  };
}

export interface GoldScores {
  documents: number;
  header: Record<HeaderField, Accuracy> & { mean: number };
  references: Prf;
  referenceMetadata: { date: Accuracy; issuer: Accuracy };
  implementsEdges: Prf & { unnumbered: number };
}

/** Sums document scores (micro-averaged: every reference and edge counts once, whatever its document). */
export function aggregateScores(scores: readonly DocumentScore[]): GoldScores {
  const sum = (f: (s: DocumentScore) => number) => scores.reduce((acc, s) => acc + f(s), 0);
  const fieldAccuracy = (field: HeaderField) =>
    accuracy(
      sum((s) => (s.header[field] ? 1 : 0)),
      scores.length,
    );
  const header = {
    symbol: fieldAccuracy('symbol'),
    date: fieldAccuracy('date'),
    type: fieldAccuracy('type'),
    issuer: fieldAccuracy('issuer'),
  };
  const mean = HEADER_FIELDS.reduce((acc, f) => acc + header[f].accuracy, 0) / HEADER_FIELDS.length;
  return {
    documents: scores.length,
    header: { ...header, mean },
    references: prf(
      sum((s) => s.references.truePositives),
      sum((s) => s.references.predicted),
      sum((s) => s.references.expected),
    ),
    referenceMetadata: {
      date: accuracy(
        sum((s) => s.metadata.dateCorrect),
        sum((s) => s.metadata.dateTotal),
      ),
      issuer: accuracy(
        sum((s) => s.metadata.issuerCorrect),
        sum((s) => s.metadata.issuerTotal),
      ),
    },
    implementsEdges: {
      ...prf(
        sum((s) => s.implementsEdges.truePositives),
        sum((s) => s.implementsEdges.predicted),
        sum((s) => s.implementsEdges.expected),
      ),
      unnumbered: sum((s) => s.implementsEdges.unnumbered),
    },
  };
}

/** Gold files absent from the directory's file list (paths relative to the directory, "/"-separated). */
export function missingGoldFiles(gold: GoldFile, files: readonly string[]): string[] {
  const present = new Set(files);
  return gold.documents.map((d) => d.file).filter((f) => !present.has(f));
}

/** Scores every gold document that has an extraction (keyed by relative file). */
export function scoreCorpus(
  gold: GoldFile,
  extracted: ReadonlyMap<string, ExtractedDocument>,
): {
  scores: DocumentScore[];
  totals: GoldScores;
} {
  const scores: DocumentScore[] = [];
  for (const g of gold.documents) {
    const doc = extracted.get(g.file);
    if (doc !== undefined) scores.push(scoreDocument(g, doc));
  }
  return { scores, totals: aggregateScores(scores) };
}

/**
 * An extraction restated as a gold entry, so that one copy's extraction can be scored against another's (a
 * gazette PDF against its text version): what differs between the two is then what the format reader changed.
 * References by name only, and IMPLEMENTS edges with an end that has no number, are left out, as in a gold.
 */
export function goldFromExtraction(file: string, site: string, doc: ExtractedDocument): GoldDocument {
  const h = doc.document;
  const symbolOf = new Map(doc.references.map((r) => [r.id, r.symbol]));
  const end = (e: string) => (e === 'SELF' ? 'SELF' : (symbolOf.get(e) ?? null));
  const implementsEdges: GoldDocument['implements'] = [];
  for (const rel of doc.relations) {
    if (rel.type !== 'IMPLEMENTS') continue;
    const [from, to] = [end(rel.from), end(rel.to)];
    if (from && to) implementsEdges.push({ from, to });
  }
  return {
    file,
    site,
    symbol: h.symbol,
    date: h.date?.value ?? null,
    type: h.type,
    issuer: h.issuer?.name ?? null,
    level: h.issuer?.level ?? null,
    references: doc.references.flatMap((r) =>
      r.symbol === null
        ? []
        : [{ symbol: r.symbol, date: r.date?.value ?? null, issuer: r.issuer?.name ?? null }],
    ),
    implements: implementsEdges,
  };
}
