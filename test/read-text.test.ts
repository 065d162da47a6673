// Tests for src/io/read-text.ts: encoding detection, legacy TCVN3/VNI conversion, binary refusal, file errors.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeText,
  decodeVni,
  isVietnameseSyllable,
  ReadTextError,
  readTextFile,
} from '../src/io/read-text.ts';

/** Bytes from a string whose characters are byte values ("\xDE" = 0xDE), as legacy files hold them. */
const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

function notTextCode(input: Uint8Array): string | undefined {
  try {
    decodeText(input);
    return undefined;
  } catch (error) {
    return error instanceof ReadTextError ? error.code : 'OTHER';
  }
}

// Encoded by hand from the code charts (TCVN 5712 VN3 for TCVN3; base letter + diacritic byte for VNI),
// not produced with the module's own tables.
describe('TCVN3 (ABC) decoding', () => {
  it.each([
    // ị = 0xDE, ế = 0xD5
    ['Ngh\xDE quy\xD5t', 'Nghị quyết'],
    // â = 0xA9; TCVN3 has no Ủ: a capital with a tone mark needs the .VnTimeH font, so it reads as ủ
    ['\xF1y ban nh\xA9n d\xA9n', 'ủy ban nhân dân'],
    // ế = 0xD5, ạ = 0xB9
    ['K\xD5 ho\xB9ch', 'Kế hoạch'],
    // ả = 0xB6, ã = 0xB7
    ['Qu\xB6ng Ng\xB7i', 'Quảng Ngãi'],
    // Đ = 0xA7 (capitals without tone marks exist), ả = 0xB6, ộ = 0xE9
    ['\xA7\xB6ng b\xE9', 'Đảng bộ'],
    // ư = 0xAD (soft hyphen position), ờ = 0xEA
    ['Th\xAD\xEAng tr\xF9c', 'Thường trực'],
    // a whole sentence: ă = 0xA8, ứ = 0xF8, ố = 0xE8, à = 0xB5, ủ = 0xF1, ụ = 0xF4, ỉ = 0xD8
    [
      'C\xA8n c\xF8 Ngh\xDE quy\xD5t s\xE8 05-NQ/TU ng\xB5y 15/8/2023 c\xF1a Ban Th\xAD\xEAng v\xF4 T\xD8nh \xF1y Qu\xB6ng Ng\xB7i',
      'Căn cứ Nghị quyết số 05-NQ/TU ngày 15/8/2023 của Ban Thường vụ Tỉnh ủy Quảng Ngãi',
    ],
    // Windows-1252 curly quotes (0x93, 0x94) in an ABC file stay quotes
    ['\x93Ngh\xDE quy\xD5t\x94', '“Nghị quyết”'],
    // combining tone marks at 0xB0–0xB4 (here 0xB3 acute after ê = 0xAA) compose to NFC
    ['quy\xAA\xB3t \xA7\xDEnh', 'quyết Định'],
  ])('%j → %s', (input, expected) => {
    const decoded = decodeText(bytes(input));
    expect(decoded.encoding).toBe('tcvn3');
    expect(decoded.text).toBe(expected);
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
    expect(decoded.warnings.map((w) => w.code)).toEqual(['LEGACY_ENCODING']);
  });

  it.each([
    // a .VnTimeH heading: lowercase codes drawn as capitals, ASCII typed in capitals
    ['K\xD5 HO\xB9CH', 'KẾ HOẠCH'],
    ['UBND T\xD8NH QU\xB6NG NG\xB7I', 'UBND TỈNH QUẢNG NGÃI'],
    // only the all-caps line is upper-cased, not the title-case line after it
    ['K\xD5 HO\xB9CH\nK\xD5 ho\xB9ch', 'KẾ HOẠCH\nKế hoạch'],
    // an all-caps word inside a lowercase line
    ['c\xF1a Ban Th\xAD\xEAng v\xF4 T\xD8NH \xF1y', 'của Ban Thường vụ TỈNH ủy'],
  ])('guesses capitals of all-caps text: %j → %s', (input, expected) => {
    const decoded = decodeText(bytes(input));
    expect(decoded.encoding).toBe('tcvn3');
    expect(decoded.text).toBe(expected);
    expect(decoded.warnings.map((w) => w.code)).toEqual(['LEGACY_ENCODING', 'CASE_GUESSED']);
  });

  it('leaves a single capital alone (title case is not all caps)', () => {
    // "KÕ" alone has one ASCII capital: it is "Kế", not "KẾ"
    expect(decodeText(bytes('K\xD5 ho\xB9ch')).text).toBe('Kế hoạch');
  });
});

describe('VNI-Windows decoding', () => {
  it.each([
    // ò = ị, e + á = ế
    ['Ngh\xF2 quye\xE1t', 'Nghị quyết'],
    // U + Û = Ủ (uppercase mark after a capital), a + â = â
    ['U\xDBy ban nha\xE2n da\xE2n', 'Ủy ban nhân dân'],
    // e + á = ế, a + ï = ạ
    ['Ke\xE1 hoa\xEFch', 'Kế hoạch'],
    // a + û = ả, a + õ = ã
    ['Qua\xFBng Nga\xF5i', 'Quảng Ngãi'],
    // all caps: E + Á = Ế, A + Ï = Ạ
    ['KE\xC1 HOA\xCFCH', 'KẾ HOẠCH'],
    // ö = ư, ô = ơ, ø = grave on ơ
    ['Tr\xF6\xF4\xF8ng', 'Trường'],
    // Ñ = Đ, o + ä = ộ
    ['\xD1a\xFBng bo\xE4', 'Đảng bộ'],
    // a whole sentence: a + ê = ă, ö + ù = ứ, æ = ỉ
    [
      'Ca\xEAn c\xF6\xF9 Ngh\xF2 quye\xE1t so\xE1 05-NQ/TU nga\xF8y 15/8/2023 cu\xFBa Ban Th\xF6\xF4\xF8ng vu\xEF T\xE6nh u\xFBy Qua\xFBng Nga\xF5i',
      'Căn cứ Nghị quyết số 05-NQ/TU ngày 15/8/2023 của Ban Thường vụ Tỉnh ủy Quảng Ngãi',
    ],
  ])('%j → %s', (input, expected) => {
    const decoded = decodeText(bytes(input));
    expect(decoded.encoding).toBe('vni');
    expect(decoded.text).toBe(expected);
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
    expect(decoded.warnings.map((w) => w.code)).toEqual(['LEGACY_ENCODING']);
  });
});

describe('legacy tables, byte by byte', () => {
  it.each([
    // the TCVN3 block of lowercase a-vowels (0xB5–0xB9) and ư ơ đ
    [decodeTcvn3, '\xB5\xB6\xB7\xB8\xB9', 'àảãáạ'],
    [decodeTcvn3, '\xAD\xAC\xAE\xA8\xA9\xAA\xAB', 'ươđăâêô'],
    [decodeTcvn3, '\xA1\xA2\xA3\xA4\xA5\xA6\xA7', 'ĂÂÊÔƠƯĐ'],
    [decodeTcvn3, '\xFA\xFB\xFC\xFD\xFE', 'ỳỷỹýỵ'],
    // VNI tones on y, the five i forms, and ỵ as a single byte
    [decodeVni, 'y\xF8 y\xFB y\xF5 y\xF9 \xEE', 'ỳ ỷ ỹ ý ỵ'],
    [decodeVni, '\xEC \xE6 \xF3 \xED \xF2', 'ì ỉ ĩ í ị'],
    // breve with the five tones
    [decodeVni, 'a\xE8 a\xFA a\xFC a\xE9 a\xEB', 'ằ ẳ ẵ ắ ặ'],
  ])('%#: %j → %s', (decode, input, expected) => {
    expect(decode(bytes(input))).toBe(expected);
  });
});

describe('Unicode input', () => {
  it.each([
    // plain UTF-8
    [utf8('Nghị quyết số 05'), 'utf-8', 'Nghị quyết số 05'],
    // a UTF-8 BOM is dropped
    [Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('Kế hoạch')), 'utf-8', 'Kế hoạch'],
    // UTF-16 little-endian with BOM
    [Uint8Array.of(0xff, 0xfe, ...Buffer.from('Quảng Ngãi', 'utf16le')), 'utf-16le', 'Quảng Ngãi'],
    // UTF-16 big-endian with BOM
    [Uint8Array.of(0xfe, 0xff, ...Buffer.from('Quảng Ngãi', 'utf16le').swap16()), 'utf-16be', 'Quảng Ngãi'],
    // NFD (from PDF tools) passes through untouched: normalisation is the pipeline's job, with offsets
    [utf8('Nghi\u0323 quyê\u0301t'), 'utf-8', 'Nghi\u0323 quyê\u0301t'],
    // empty file
    [new Uint8Array(0), 'utf-8', ''],
    // form feeds (page breaks) and CRLF are text
    [utf8('Trang 1\f\r\nTrang 2'), 'utf-8', 'Trang 1\f\r\nTrang 2'],
  ])('%#: %s', (input, encoding, text) => {
    const decoded = decodeText(input);
    expect(decoded).toEqual({ text, encoding, warnings: [] });
  });

  it('keeps UTF-8 with a stray invalid byte as UTF-8, with a warning', () => {
    const input = Uint8Array.of(...utf8('Nghị quyết số '), 0xff, ...utf8(' của Tỉnh ủy'));
    const decoded = decodeText(input);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('Nghị quyết số \uFFFD của Tỉnh ủy');
    expect(decoded.warnings.map((w) => w.code)).toEqual(['INVALID_BYTES']);
  });

  it('never changes valid UTF-8 text (legacy detection only runs on invalid UTF-8)', () => {
    const textChar = fc
      .string({ unit: 'grapheme', maxLength: 60 })
      .filter((s) => !/[\p{Cc}\uFEFF]/u.test(s.replace(/[\t\n\r]/g, '')));
    fc.assert(
      fc.property(textChar, (s) => {
        expect(decodeText(utf8(s))).toEqual({ text: s, encoding: 'utf-8', warnings: [] });
      }),
    );
  });
});

describe('binary input', () => {
  const png = Uint8Array.of(
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...[0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01],
  );
  const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, ...utf8('a.txt'));
  it.each([
    ['a PNG header', png],
    ['a zip header', zip],
    ['text with a NUL byte', Uint8Array.of(...utf8('Nghị quyết'), 0, ...utf8('số'))],
    ['UTF-16 without a BOM (NUL in every other byte)', Buffer.from('Nghị quyết', 'utf16le')],
    ['mostly control bytes', Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42)],
    [
      'high bytes that are neither UTF-8 nor Vietnamese',
      bytes('\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\xA0\xA1'),
    ],
    ['UTF-16 with BOM whose content is NUL', Uint8Array.of(0xff, 0xfe, 0, 0, 0x41, 0)],
  ])('%s → NOT_TEXT', (_name, input) => {
    expect(notTextCode(input)).toBe('NOT_TEXT');
  });
});

describe('stray NUL bytes in long text', () => {
  const line = 'Điều 1. Ban hành kèm theo Thông tư này Quy định về hồ sơ.\n';
  const long = line.repeat(200); // ~12 KB: room for two stray NULs, not for one every few hundred bytes

  it('become spaces with a NUL_BYTES warning, the rest of the text unchanged', () => {
    const bytes = utf8(long);
    bytes[100] = 0;
    bytes[9000] = 0;
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings).toEqual([{ code: 'NUL_BYTES', message: '2 NUL bytes replaced by spaces' }]);
    expect(decoded.text).not.toContain('\u0000');
    expect(Buffer.byteLength(decoded.text)).toBe(bytes.length);
    expect(decoded.text.replaceAll(' ', '')).toBe(
      new TextDecoder().decode(bytes).replaceAll('\u0000', '').replaceAll(' ', ''),
    );
  });

  it('are refused when dense (one every few hundred bytes), naming the byte', () => {
    const bytes = utf8(long);
    for (let i = 50; i < bytes.length; i += 300) bytes[i] = 0;
    expect(() => decodeText(bytes)).toThrow(/NUL bytes, the first at offset 50/u);
  });
});

describe('isVietnameseSyllable', () => {
  it.each([
    ['Nghị', true],
    ['quyết', true],
    ['Trường', true],
    ['khuya', true],
    ['hoạch', true],
    // a stop (c ch p t) only takes sắc or nặng
    ['hoàch', false],
    // two tone marks
    ['quýết', false],
    // impossible nucleus / coda
    ['nhaõn', false],
    ['quyỹt', false],
    ['Þng', false],
  ])('%s → %s', (word, expected) => {
    expect(isVietnameseSyllable(word)).toBe(expected);
  });
});

describe('readTextFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-graph-read-text-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and decodes a file', async () => {
    const path = join(dir, 'tcvn3.txt');
    await writeFile(path, bytes('K\xD5 ho\xB9ch'));
    expect(await readTextFile(path)).toMatchObject({ text: 'Kế hoạch', encoding: 'tcvn3' });
  });

  it.each([
    ['NOT_FOUND', 'missing.txt', 'no such file'],
    ['NOT_A_FILE', '.', 'not a regular file'],
    ['NOT_TEXT', 'image.png', 'not a text file'],
  ])('throws %s', async (code, name, reason) => {
    await writeFile(join(dir, 'image.png'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d));
    const path = join(dir, name);
    const error = await readTextFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadTextError);
    expect(error).toMatchObject({ code, path });
    expect((error as Error).message).toContain(`${path}: ${reason}`);
  });
});
