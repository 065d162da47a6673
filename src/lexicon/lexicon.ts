// Lexicon: loads the data files in resources/lexicon (type words and codes, issuing bodies, agency vocabulary),
// validates them once with zod and builds the lookup tables the extractors use.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Branch, DocType, Level } from '../model/extraction.ts';
import { fold } from '../text/fold.ts';

const dataUrl = (name: string) => new URL(`../../resources/lexicon/${name}`, import.meta.url);
const load = <T extends z.ZodType>(name: string, schema: T): z.infer<T> =>
  schema.parse(JSON.parse(readFileSync(dataUrl(name), 'utf8')));

const Generic = z.enum(['PROVINCE', 'CITY', 'DISTRICT', 'COMMUNE', 'UNIT']);
export type Generic = z.infer<typeof Generic>;

const DocTypesFile = z.object({
  types: z.array(z.object({ type: DocType, words: z.array(z.string()), codes: z.array(z.string()) })),
  partyCodeOverrides: z.record(z.string(), DocType),
  ambiguousCodes: z.record(z.string(), z.array(DocType)),
});

const Body = z.object({
  phrases: z.array(z.string()),
  name: z.string(),
  branch: Branch,
  level: Level.nullable(),
  generic: Generic.optional(),
});
export type Body = z.infer<typeof Body>;

const IssuerCode = z.object({
  code: z.string(),
  name: z.string(),
  branch: Branch,
  level: Level.nullable(),
  generic: Generic.optional(),
});
export type IssuerCode = z.infer<typeof IssuerCode>;

const IssuersFile = z.object({
  bodies: z.array(Body),
  ministries: z.array(z.object({ code: z.string(), name: z.string() })),
  codes: z.array(IssuerCode),
  partyOfficeSuffixes: z.record(z.string(), Level),
});

const AgenciesFile = z.object({
  headWords: z.array(z.string()),
  groupWords: z.array(z.string()),
  titles: z.array(z.string()),
  notAgency: z.array(z.string()),
  abbreviations: z.record(z.string(), z.string()),
  aliases: z.array(z.object({ variants: z.array(z.string()), name: z.string() })),
  standardNames: z.array(z.string()),
});

const docTypes = load('doc-types.json', DocTypesFile);
const issuers = load('issuers.json', IssuersFile);
export const agencyVocabulary = load('agencies.json', AgenciesFile);

/** Upper-cased code key: "CTR", "QĐI". Codes compare case-insensitively but keep Đ. */
export const codeKey = (code: string) => code.toUpperCase().replace(/\s+/g, '');

const canonicalCodes = new Map<string, string>();
const codeTypes = new Map<string, DocType>();
for (const t of docTypes.types) {
  for (const c of t.codes) {
    canonicalCodes.set(codeKey(c), c);
    codeTypes.set(codeKey(c), t.type);
  }
}

/** Canonical spelling of a type code ("Ctr" → "CTr"); unknown codes are upper-cased. */
export function canonicalTypeCode(code: string): string {
  return canonicalCodes.get(codeKey(code)) ?? code.toUpperCase();
}

/** The type a symbol's code denotes, null when the code is not a document-type code. */
export function typeOfCode(code: string, party: boolean): DocType | null {
  const key = codeKey(code);
  if (party) {
    const override = docTypes.partyCodeOverrides[canonicalCodes.get(key) ?? key];
    if (override) return override;
  }
  return codeTypes.get(key) ?? null;
}

/** Types a code may stand for when the text names the type ("12-QĐ/TW" may be a Quy định). */
export function typesCompatibleWithCode(code: string): DocType[] {
  const canon = canonicalCodes.get(codeKey(code));
  return (canon && docTypes.ambiguousCodes[canon]) || [];
}

/** Folded type words, longest first, with their type. */
export const typeWords: ReadonlyArray<{ word: string; type: DocType }> = docTypes.types
  .flatMap((t) => t.words.map((w) => ({ word: fold(w), type: t.type })))
  .sort((a, b) => b.word.length - a.word.length);

const typeByWord = new Map(typeWords.map((t) => [t.word, t.type]));
export function typeOfWord(foldedWord: string): DocType | null {
  return typeByWord.get(foldedWord.replace(/\s+/g, ' ').trim()) ?? null;
}

/** Regex source matching any type word on folded text (word-bounded by the caller). */
export const typeWordPattern = typeWords.map((t) => t.word.replace(/ /g, '\\s+')).join('|');

/** Bodies by folded phrase, longest phrase first. */
export const bodies: ReadonlyArray<{ phrase: string; body: Body }> = issuers.bodies
  .flatMap((b) => b.phrases.map((phrase) => ({ phrase, body: b })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

const ministryByKey = new Map(issuers.ministries.map((m) => [ministryKey(m.code), m.name]));
function ministryKey(code: string) {
  return fold(code).replace(/[^a-z0-9]/g, '');
}

const issuerCodes = new Map(issuers.codes.map((c) => [codeKey(c.code), c]));

/**
 * What an issuer code of a symbol says about the issuer ("TTg", "UBND", "BKH-CN", "QH13", "SKHCN", "BTGTU").
 * Null when the code says nothing we know.
 */
export function issuerOfCode(code: string): IssuerCode | null {
  const key = codeKey(code);
  const direct = issuerCodes.get(key) ?? issuerCodes.get(key.replace(/\d+$/, ''));
  if (direct) return direct;
  const ministry = ministryByKey.get(ministryKey(code));
  if (ministry) return { code, name: ministry, branch: 'STATE', level: 'CENTRAL' };
  // Party offices end in their committee's code: BTGTU (Ban Tuyên giáo Tỉnh ủy), VPTW, UBKTHU.
  for (const [suffix, level] of Object.entries(issuers.partyOfficeSuffixes)) {
    if (key.length > suffix.length && key.endsWith(codeKey(suffix)))
      return { code, name: code, branch: 'PARTY', level, ...genericFor(level) };
  }
  // Provincial departments: S + sector (SKHCN, SNN, STC); ministries B + sector.
  if (/^S[A-ZĐ]{1,8}$/.test(key))
    return { code, name: code, branch: 'STATE', level: 'PROVINCE', generic: 'PROVINCE' };
  if (/^B[A-ZĐ]{2,8}$/.test(key)) return { code, name: code, branch: 'STATE', level: 'CENTRAL' };
  return null;
}

function genericFor(level: Level): { generic?: Generic } {
  if (level === 'PROVINCE') return { generic: 'PROVINCE' };
  if (level === 'DISTRICT') return { generic: 'DISTRICT' };
  return {};
}

export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Expands printed abbreviations word by word ("Sở KH&CN" → "Sở Khoa học và Công nghệ"). */
const abbreviationEntries = Object.entries(agencyVocabulary.abbreviations).sort(
  (a, b) => b[0].length - a[0].length,
);
const abbreviationRe = new RegExp(
  `(?<![\\p{L}\\d&-])(${abbreviationEntries.map(([k]) => escapeRegex(k)).join('|')})(?![\\p{L}\\d&])`,
  'gu',
);
const abbreviationMap = new Map(abbreviationEntries);
export function expandAbbreviations(s: string): string {
  return s.replace(abbreviationRe, (m) => abbreviationMap.get(m) ?? m);
}
