// IO: reads one file as text for extraction — UTF-8 / UTF-16 by BOM, legacy TCVN3 / VNI by scoring, binary refused.
import { open, stat } from 'node:fs/promises';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'tcvn3' | 'vni';

/**
 * What decoding noticed. LEGACY_ENCODING: the bytes were TCVN3 or VNI and were converted;
 * CASE_GUESSED: TCVN3 all-caps text whose capitals were inferred (see below);
 * INVALID_BYTES: some bytes could not be decoded and became U+FFFD;
 * NUL_BYTES: a few stray NUL characters in long text (PDF-to-text tools leave them) became spaces.
 */
export type DecodeWarningCode = 'LEGACY_ENCODING' | 'CASE_GUESSED' | 'INVALID_BYTES' | 'NUL_BYTES';
export interface DecodeWarning {
  code: DecodeWarningCode;
  message: string;
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  warnings: DecodeWarning[];
}

export type ReadTextErrorCode = 'NOT_FOUND' | 'NOT_TEXT' | 'NOT_A_FILE' | 'UNREADABLE' | 'FILE_TOO_LARGE';

const REASONS: Record<ReadTextErrorCode, string> = {
  NOT_FOUND: 'no such file',
  NOT_TEXT: 'not a text file',
  NOT_A_FILE: 'not a regular file',
  UNREADABLE: 'cannot be read',
  FILE_TOO_LARGE: 'too large to read',
};

/** The largest input file read when nothing else is said: 64 MiB (a gazette text is some 25 KB). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The environment variable that sets the largest input file, in bytes ("64M", "1G", "500k" too). */
export const MAX_FILE_BYTES_ENV = 'POLICY_GRAPH_MAX_FILE_BYTES';

/** A size in bytes: a whole number, optionally with k, M or G (powers of 1024). Throws on anything else. */
export function parseByteSize(value: string, what = 'size'): number {
  const m = /^\s*(\d+)\s*(?:([kmg])(?:i?b)?|b)?\s*$/i.exec(value);
  const scale = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as const;
  const n = m
    ? Number(m[1]) * (m[2] ? scale[(m[2] as string).toLowerCase() as keyof typeof scale] : 1)
    : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(
      `${what} must be a positive number of bytes (e.g. 67108864, 64M, 1G), not ${JSON.stringify(value)}`,
    );
  return n;
}

/** The largest input file: POLICY_GRAPH_MAX_FILE_BYTES when set, else DEFAULT_MAX_FILE_BYTES. Throws when it is malformed. */
export function maxFileBytesFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[MAX_FILE_BYTES_ENV]?.trim();
  return raw ? parseByteSize(raw, MAX_FILE_BYTES_ENV) : DEFAULT_MAX_FILE_BYTES;
}

export interface ReadOptions {
  /** Files larger than this are refused (FILE_TOO_LARGE) before a byte is read. Default: maxFileBytesFromEnv(). */
  maxFileBytes?: number;
}

/** A file that cannot be used as text. `message` is "<path>: <reason> (<detail>)", ready for a CLI. */
export class ReadTextError extends Error {
  override readonly name = 'ReadTextError';
  readonly code: ReadTextErrorCode;
  readonly path: string;
  readonly detail: string;

  constructor(code: ReadTextErrorCode, path: string, detail = '') {
    super(`${path}: ${REASONS[code]}${detail ? ` (${detail})` : ''}`);
    this.code = code;
    this.path = path;
    this.detail = detail;
  }
}

/** Translates a Node fs error (ENOENT, EACCES, ...) about `path` into a ReadTextError. */
export function toReadTextError(error: unknown, path: string): ReadTextError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ReadTextError('NOT_FOUND', path);
  if (code === 'EISDIR') return new ReadTextError('NOT_A_FILE', path, 'a directory');
  return new ReadTextError(
    'UNREADABLE',
    path,
    code ?? (error instanceof Error ? error.message : String(error)),
  );
}

/** Reads and decodes one file. Throws ReadTextError (never a raw fs error). */
export async function readTextFile(path: string, options: ReadOptions = {}): Promise<DecodedText> {
  return decodeText(await readFileBytes(path, options), path);
}

/**
 * The bytes of one regular file. Throws ReadTextError (never a raw fs error); FILE_TOO_LARGE, naming the file's
 * size and the limit, when the file is over `maxFileBytes` — told by its size on disk, before it is opened.
 */
export async function readFileBytes(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const limit = options.maxFileBytes ?? maxFileBytesFromEnv();
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new ReadTextError('NOT_A_FILE', path, info.isDirectory() ? 'a directory' : 'not a regular file');
    }
    if (info.size > limit) throw tooLarge(path, info.size, limit);
    const handle = await open(path, 'r');
    try {
      // Read at most one byte past the limit: a file that grew since stat is refused, never read whole.
      const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled === buffer.length) break;
      }
      if (filled > limit) throw tooLarge(path, `more than ${limit}`, limit);
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw error instanceof ReadTextError ? error : toReadTextError(error, path);
  }
}

function tooLarge(path: string, size: number | string, limit: number): ReadTextError {
  return new ReadTextError(
    'FILE_TOO_LARGE',
    path,
    `${size} bytes, over the limit of ${limit} bytes; ${MAX_FILE_BYTES_ENV} or --max-file-bytes raise it`,
  );
}

/**
 * Decodes bytes to text. Pure. UTF-8 and UTF-16 text is returned as written (no normalisation:
 * NFD stays NFD, the pipeline normalises with an offset map); a UTF-8 BOM is dropped.
 * Bytes that are not UTF-8 are tried as TCVN3 and VNI and converted to NFC.
 * Throws ReadTextError NOT_TEXT (with `path`, only used in the message) for binary data.
 */
export function decodeText(bytes: Uint8Array, path = '(bytes)'): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3), path, true);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le', path);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be', path);
  return decodeUtf8(bytes, path, false);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

// Bytes that never occur in text files: C0 controls other than tab, newlines, vertical tab, form
// feed (page breaks in old files), SUB (DOS end-of-file) and ESC; and DEL.
function isBinaryControl(unit: number): boolean {
  return (unit < 0x20 && !(unit >= 0x09 && unit <= 0x0d) && unit !== 0x1a && unit !== 0x1b) || unit === 0x7f;
}

/**
 * Text may hold at most one NUL per this many units. Binary formats and BOM-less UTF-16 have NULs everywhere;
 * a long text converted from PDF can carry a stray one or two, which must not cost the whole document.
 */
const UNITS_PER_TOLERATED_NUL = 4096;

/**
 * Throws NOT_TEXT when `units` (bytes or UTF-16 code units) look binary: NULs denser than one per
 * UNITS_PER_TOLERATED_NUL, or >5% control codes. Returns how many NULs it tolerated.
 */
function assertTextual(units: ArrayLike<number>, path: string): number {
  let controls = 0;
  let nuls = 0;
  let firstNul = -1;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as number;
    if (unit === 0) {
      nuls++;
      if (firstNul < 0) firstNul = i;
      if (nuls * UNITS_PER_TOLERATED_NUL > units.length) {
        throw new ReadTextError('NOT_TEXT', path, `contains NUL bytes, the first at offset ${firstNul}`);
      }
    }
    if (isBinaryControl(unit)) controls++;
  }
  if (controls > 0 && controls > units.length * 0.05) {
    throw new ReadTextError('NOT_TEXT', path, 'many control bytes');
  }
  return nuls;
}

/** Stray NULs become spaces (same length, so offsets hold), with a NUL_BYTES warning. */
function withoutNuls(decoded: DecodedText, nuls: number): DecodedText {
  if (nuls === 0) return decoded;
  const warning: DecodeWarning = {
    code: 'NUL_BYTES',
    message: `${nuls} NUL byte${nuls === 1 ? '' : 's'} replaced by space${nuls === 1 ? '' : 's'}`,
  };
  return {
    ...decoded,
    text: decoded.text.replaceAll('\u0000', ' '),
    warnings: [...decoded.warnings, warning],
  };
}

function countReplacements(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\uFFFD') n++;
  return n;
}

function invalidBytesWarning(count: number, encoding: string): DecodeWarning {
  return {
    code: 'INVALID_BYTES',
    message: `${count} invalid ${encoding} sequence${count === 1 ? '' : 's'} replaced by U+FFFD`,
  };
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string): DecodedText {
  // TextDecoder only guarantees utf-16le without full ICU, so big-endian is byte-swapped first.
  const le = encoding === 'utf-16le' ? body : swapPairs(body);
  const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(le);
  const codeUnits = Array.from(text, (ch) => ch.charCodeAt(0));
  const nuls = assertTextual(codeUnits, path);
  const bad = countReplacements(text);
  return withoutNuls({ text, encoding, warnings: bad > 0 ? [invalidBytesWarning(bad, 'UTF-16')] : [] }, nuls);
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] as number;
    out[i + 1] = bytes[i] as number;
  }
  if (bytes.length % 2 === 1) out[bytes.length - 1] = bytes[bytes.length - 1] as number;
  return out;
}

function decodeUtf8(body: Uint8Array, path: string, hadBom: boolean): DecodedText {
  const nuls = assertTextual(body, path);
  return withoutNuls(decodeUtf8Text(body, path, hadBom), nuls);
}

function decodeUtf8Text(body: Uint8Array, path: string, hadBom: boolean): DecodedText {
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      encoding: 'utf-8',
      warnings: [],
    };
  } catch {
    // Not valid UTF-8: decide below between "UTF-8 with a few bad bytes", TCVN3, VNI and binary.
  }
  const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  const bad = countReplacements(lossy);
  let good = 0;
  for (const ch of lossy) if (ch > '\u007f' && ch !== '\uFFFD') good++;
  const asUtf8: DecodedText = {
    text: lossy,
    encoding: 'utf-8',
    warnings: [invalidBytesWarning(bad, 'UTF-8')],
  };
  // A BOM, or more well-formed multi-byte characters than broken ones, means UTF-8 with damage:
  // legacy 8-bit text almost never forms valid UTF-8 sequences by accident.
  if (hadBom || good > bad) return asUtf8;

  const legacy = decodeLegacy(body);
  if (legacy) return legacy;
  let visible = 0;
  for (const ch of lossy) if (!/\s/u.test(ch)) visible++;
  if (bad > visible * 0.3) throw new ReadTextError('NOT_TEXT', path, 'mostly undecodable bytes');
  return asUtf8;
}

// ---------------------------------------------------------------------------------------------
// Legacy Vietnamese 8-bit encodings.
//
// TCVN3 ("ABC", the VN3 subset of TCVN 5712:1993): one byte per letter. 0xA0–0xFF follow the
// standard's VN1 table (checked against glibc's TCVN5712-1 converter and a public ABC→Unicode
// converter's table), including the five combining tone marks at 0xB0–0xB4.
// Limits, stated honestly:
//  - VN3 has no capital letters with tone marks. ABC users set headings in a separate all-caps
//    font (.VnTimeH) that draws the *lowercase* codes as capitals, so "KẾ HOẠCH" is stored as
//    "KÕ HO¹CH". We upper-case a line (or word) whose ASCII letters are all capitals (at least
//    two of them) and report CASE_GUESSED; a heading typed in lowercase ASCII ("kÕ ho¹ch") or a
//    lone capital ("Ủy" stored as "ñy") stays lowercase — the font choice is not in the bytes.
//  - VN1 also puts toned capitals in the holes of 0xA0–0xFF (0xAF "Ằ", 0xC0–0xC5, 0xFF "Ố", ...):
//    those are decoded, as VN3 leaves them unused. Its capitals at 0x01–0x17 and 0x80–0x9F are
//    NOT: control codes stay controls, and 0x80–0x9F are read as Windows-1252 punctuation (curly
//    quotes, dashes), which is what Windows-era ABC files hold there.
//
// VNI-Windows: a base letter followed by a diacritic byte ("a" + 0xF9 = "á", "a" + 0xE1 = "ấ");
// đ ơ ư ì í ỉ ĩ ị ỵ are single bytes. Checked against two public converter tables. Marks are
// mapped to Unicode combining characters and composed by NFC; the mark byte's case is ignored
// (the base letter carries the case).
// ---------------------------------------------------------------------------------------------

const CP1252_80_9F =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F' + // 0x80–0x8F
  '\u0090‘’“”•–—˜™š›œ\u009DžŸ'; // 0x90–0x9F

const TCVN3_A0_FF =
  '\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ' + // 0xA0–0xAF
  '\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' + // 0xB0–0xBF (0xB0–0xB4: combining tone marks)
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' + // 0xC0–0xCF
  'éẹềểễếệìỉỄẾỒĩíịò' + // 0xD0–0xDF
  'Ổỏõóọồổỗốộờởỡớợù' + // 0xE0–0xEF
  'Ỗủũúụừửữứựỳỷỹýỵ' + // 0xF0–0xFE
  'Ố'; // 0xFF

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const CIRCUMFLEX = '\u0302';
const TILDE = '\u0303';
const BREVE = '\u0306';
const HOOK = '\u0309';
const DOT = '\u0323';

/** VNI-Windows single-byte letters: [uppercase byte, lowercase byte] as Latin-1 characters → [upper, lower]. */
const VNI_LETTERS: ReadonlyArray<readonly [string, string]> = [
  ['Ññ', 'Đđ'],
  ['Ôô', 'Ơơ'],
  ['Öö', 'Ưư'],
  ['Ìì', 'Ìì'],
  ['Íí', 'Íí'],
  ['Ææ', 'Ỉỉ'],
  ['Òò', 'Ịị'],
  ['Óó', 'Ĩĩ'],
  ['Îî', 'Ỵỵ'],
];

/** VNI-Windows diacritic bytes that follow a vowel: [uppercase byte, lowercase byte] → combining marks. */
const VNI_MARKS: ReadonlyArray<readonly [string, string]> = [
  ['Ùù', ACUTE],
  ['Øø', GRAVE],
  ['Ûû', HOOK],
  ['Õõ', TILDE],
  ['Ïï', DOT],
  // circumflex (â ê ô), alone and with a tone
  ['Ââ', CIRCUMFLEX],
  ['Áá', CIRCUMFLEX + ACUTE],
  ['Àà', CIRCUMFLEX + GRAVE],
  ['Åå', CIRCUMFLEX + HOOK],
  ['Ãã', CIRCUMFLEX + TILDE],
  ['Ää', CIRCUMFLEX + DOT],
  // breve (ă), alone and with a tone
  ['Êê', BREVE],
  ['Éé', BREVE + ACUTE],
  ['Èè', BREVE + GRAVE],
  ['Úú', BREVE + HOOK],
  ['Üü', BREVE + TILDE],
  ['Ëë', BREVE + DOT],
];

function buildTable(highHalf: (byte: number) => string): readonly string[] {
  const table: string[] = [];
  for (let b = 0; b < 0x80; b++) table.push(String.fromCharCode(b));
  for (let b = 0x80; b < 0xa0; b++) table.push(CP1252_80_9F[b - 0x80] as string);
  for (let b = 0xa0; b < 0x100; b++) table.push(highHalf(b));
  return table;
}

if (CP1252_80_9F.length !== 32 || TCVN3_A0_FF.length !== 96) throw new Error('read-text: bad table length');

const TCVN3_TABLE = buildTable((b) => TCVN3_A0_FF[b - 0xa0] as string);

const VNI_TABLE = (() => {
  const high = new Map<number, string>();
  for (const [bytes, letters] of VNI_LETTERS) {
    high.set(bytes.charCodeAt(0), letters.charAt(0));
    high.set(bytes.charCodeAt(1), letters.charAt(1));
  }
  for (const [bytes, marks] of VNI_MARKS) {
    high.set(bytes.charCodeAt(0), marks);
    high.set(bytes.charCodeAt(1), marks);
  }
  return buildTable((b) => high.get(b) ?? String.fromCharCode(b));
})();

function mapBytes(bytes: Uint8Array, table: readonly string[]): string {
  const parts: string[] = [];
  for (const b of bytes) parts.push(table[b] as string);
  return parts.join('').normalize('NFC');
}

/** Decodes TCVN3 (ABC) bytes to NFC text without guessing capitals. Exported for tests. */
export function decodeTcvn3(bytes: Uint8Array): string {
  return mapBytes(bytes, TCVN3_TABLE);
}

/** Decodes VNI-Windows bytes to NFC text. Exported for tests. */
export function decodeVni(bytes: Uint8Array): string {
  return mapBytes(bytes, VNI_TABLE);
}

/** Tries TCVN3 and VNI; returns the one that reads as Vietnamese, or null when neither does. */
function decodeLegacy(bytes: Uint8Array): DecodedText | null {
  const tcvn3 = decodeTcvn3(bytes);
  const vni = decodeVni(bytes);
  const s3 = scoreVietnamese(tcvn3);
  const sv = scoreVietnamese(vni);
  const best = s3.score >= sv.score ? s3 : sv;
  if (best.valid === 0 || best.score <= 0) return null;
  const scores = `TCVN3 ${s3.score}, VNI ${sv.score}`;
  if (best === s3) {
    const cased = guessTcvn3Capitals(tcvn3);
    const warnings: DecodeWarning[] = [
      {
        code: 'LEGACY_ENCODING',
        message: `decoded from TCVN3 (ABC) to Unicode (syllable scores: ${scores})`,
      },
    ];
    if (cased.changed > 0) {
      warnings.push({
        code: 'CASE_GUESSED',
        message: `${cased.changed} all-caps TCVN3 line(s)/word(s) upper-cased by guess (capitals with tone marks are not in TCVN3)`,
      });
    }
    return { text: cased.text, encoding: 'tcvn3', warnings };
  }
  return {
    text: vni,
    encoding: 'vni',
    warnings: [
      {
        code: 'LEGACY_ENCODING',
        message: `decoded from VNI-Windows to Unicode (syllable scores: ${scores})`,
      },
    ],
  };
}

const ASCII_UPPER = /[A-Z]/g;
const ASCII_LOWER = /[a-z]/;
const NON_ASCII = /[^\p{ASCII}]/u;

function looksAllCaps(s: string): boolean {
  return (s.match(ASCII_UPPER)?.length ?? 0) >= 2 && !ASCII_LOWER.test(s) && hasLowerNonAscii(s);
}

function hasLowerNonAscii(s: string): boolean {
  for (const ch of s) if (NON_ASCII.test(ch) && ch !== ch.toUpperCase()) return true;
  return false;
}

/** See the TCVN3 limits above: upper-cases all-caps lines, else all-caps words within a line. */
function guessTcvn3Capitals(text: string): { text: string; changed: number } {
  let changed = 0;
  const lines = text.split(/(\r\n|\n|\r)/).map((line) => {
    if (looksAllCaps(line)) {
      changed++;
      return line.toUpperCase();
    }
    return line.replace(/[\p{L}\p{M}]+/gu, (word) => {
      if (!looksAllCaps(word)) return word;
      changed++;
      return word.toUpperCase();
    });
  });
  return { text: lines.join(''), changed };
}

// Scoring: how many words are well-formed Vietnamese syllables. Only words with a non-ASCII letter
// count (ASCII words read the same in every encoding); a wrong table yields impossible syllables
// ("quyỹt", "nhaõn") and stray symbols ("©", "¸"), which count against it.

const TONE_MARKS = new Set([GRAVE, ACUTE, TILDE, HOOK, DOT]);
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', ...'bcdđghklmnprstvx', ''];
const CODAS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''];
/** Vowel nuclei that take a final consonant (or none). */
const NUCLEI_TAKING_CODA = new Set(
  'a ă â e ê i o ô ơ u ư y iê yê oa oă oe oo uâ uê uô uơ uy ươ uyê'.split(' '),
);
/** Vowel nuclei that end in a glide and take no final consonant. */
const GLIDE_FINAL_NUCLEI = new Set(
  'ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu'.split(
    ' ',
  ),
);

/** True when `word` (any case, NFC) is a possible Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  let tone = '';
  let base = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (TONE_MARKS.has(ch)) {
      if (tone) return false;
      tone = ch;
    } else base += ch;
  }
  const letters = base.normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/u.test(letters)) return false;
  for (const onset of ONSETS) {
    if (!letters.startsWith(onset)) continue;
    for (const coda of CODAS) {
      if (!letters.endsWith(coda) || onset.length + coda.length >= letters.length) continue;
      const nucleus = letters.slice(onset.length, letters.length - coda.length);
      const fits = coda
        ? NUCLEI_TAKING_CODA.has(nucleus)
        : NUCLEI_TAKING_CODA.has(nucleus) || GLIDE_FINAL_NUCLEI.has(nucleus);
      // Syllables closed by a stop (c ch p t) only carry the sắc or nặng tone.
      const toneOk = !/^(c|ch|p|t)$/.test(coda) || tone === ACUTE || tone === DOT;
      if (fits && toneOk) return true;
    }
  }
  return false;
}

const ALLOWED_SYMBOLS = /[\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/u;

/** Enough evidence to tell the tables apart; scoring a whole large file would only cost time. */
const MAX_SCORED_TOKENS = 5000;

function scoreVietnamese(text: string): { valid: number; score: number } {
  let valid = 0;
  let invalid = 0;
  for (const match of text.matchAll(/[\p{L}\p{M}]+|[^\p{ASCII}]/gu)) {
    const token = match[0];
    if (/^[\p{ASCII}]+$/u.test(token)) continue;
    if (/^[\p{L}\p{M}]+$/u.test(token) && isVietnameseSyllable(token)) valid++;
    else if (!ALLOWED_SYMBOLS.test(token)) invalid++;
    if (valid + invalid >= MAX_SCORED_TOKENS) break;
  }
  return { valid, score: valid - invalid };
}
