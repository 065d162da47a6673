// Tests for src/io/read-doc.ts beyond the plan's facts (read-input.test.ts): files that are OLE but not Word, or
// Word but damaged, get their codes and reasons; ingest goes on past them; worker threads read .doc as well.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamDocuments } from '../../src/io/input-files.ts';
import { decodeInput } from '../../src/io/read-input.ts';
import { ReadTextError } from '../../src/io/read-text.ts';
import { runCliCaptured } from '../support/cli-run.ts';
import { HEADER, oleFile, planDoc, planText, wordDoc } from './format-fixtures.ts';

async function failure(bytes: Uint8Array, path: string): Promise<{ code: string; message: string }> {
  try {
    await decodeInput(bytes, path);
  } catch (error) {
    if (error instanceof ReadTextError) return { code: error.code, message: error.message };
    throw error;
  }
  return { code: 'none', message: '' };
}

/** The file with the FAT entries of the directory's sector and of the first FAT sector pointing at each other. */
function withLoopingChain(file: Uint8Array): Uint8Array {
  const bytes = Buffer.from(file);
  const sector = 1 << bytes.readUInt16LE(30);
  const fatSector = bytes.readInt32LE(76);
  const dirSector = bytes.readInt32LE(48);
  const fat = (fatSector + 1) * sector;
  bytes.writeInt32LE(fatSector, fat + dirSector * 4);
  bytes.writeInt32LE(dirSector, fat + fatSector * 4);
  return bytes;
}

describe('a .doc typed in a legacy Vietnamese font', () => {
  // TCVN3 bytes as in test/read-text.test.ts (by hand from the code chart): ế 0xD5, ạ 0xB9, ể 0xD3, ủ 0xF1, â 0xA9.
  const tcvn3 = 'K\xD5 HO\xB9CH\rK\xD5 ho\xB9ch tri\xD3n khai\r\xF1y ban nh\xA9n d\xA9n\r';

  it.each([
    ['one byte a character, as Word stores it', true],
    ['two bytes a character', false],
  ])('is decoded from TCVN3 (%s), with the warnings a .txt would get', async (_name, compressed) => {
    const read = await decodeInput(wordDoc({ body: tcvn3 }, { compressed }), 'abc.doc');
    expect(read).toMatchObject({
      format: 'doc',
      encoding: 'tcvn3',
      text: 'KẾ HOẠCH\nKế hoạch triển khai\nủy ban nhân dân',
    });
    expect(read.warnings.map((w) => w.code)).toEqual(['LEGACY_ENCODING', 'CASE_GUESSED']);
  });

  it('is decoded from VNI; Unicode text and Latin-1 text that is not Vietnamese stay as they are', async () => {
    // VNI, as in test/read-text.test.ts: a base letter and a mark byte (e + 0xE1 = ế, a + 0xEF = ạ), ò = ị.
    const vni = await decodeInput(
      wordDoc({ body: 'Ke\xE1 hoa\xEFch\rNgh\xF2 quye\xE1t\r' }, { compressed: true }),
      'vni.doc',
    );
    expect(vni).toMatchObject({ encoding: 'vni', text: 'Kế hoạch\nNghị quyết' });
    expect((await decodeInput(planDoc(), 'plan.doc')).encoding).toBe('utf-8');
    const french = await decodeInput(
      wordDoc({ body: 'Arrêté du préfet, année 2024\r' }, { compressed: true }),
      'fr.doc',
    );
    expect(french).toMatchObject({ encoding: 'utf-8', text: 'Arrêté du préfet, année 2024', warnings: [] });
  });
});

describe('a .doc that cannot be read', () => {
  it('is NOT_TEXT when the OLE file holds no Word document (an Excel workbook), naming the file', async () => {
    const xls = oleFile({ Workbook: Buffer.alloc(600, 9) });
    const { code, message } = await failure(xls, 'budget.doc');
    expect(code).toBe('NOT_TEXT');
    expect(message).toMatch(/^budget\.doc: .*without a WordDocument stream: not a Word \.doc document/);
  });

  it.each([
    ['cut after the header', 700],
    ['cut in the middle', 0.5],
    ['cut before the directory at the end', 0.9],
  ])('is UNREADABLE when truncated (%s), saying so', async (_name, at) => {
    const whole = planDoc();
    const cut = whole.subarray(0, at < 1 ? Math.floor(whole.length * at) : at);
    const { code, message } = await failure(cut, 'cut.doc');
    expect(code).toBe('UNREADABLE');
    expect(message).toMatch(
      /^cut\.doc: .*corrupt Word \.doc document: it ends at byte \d+, before a sector .*truncated/,
    );
  });

  it('is UNREADABLE, not a crash, for a header alone, a WordDocument stream that is not Word, a looping sector chain', async () => {
    const header = Buffer.from(planDoc().subarray(0, 10));
    expect(await failure(header, 'tiny.doc')).toMatchObject({
      code: 'UNREADABLE',
      message: expect.stringMatching(/shorter than the 512-byte OLE header/),
    });
    const notWord = oleFile({ WordDocument: Buffer.alloc(5000, 1), '1Table': Buffer.alloc(64) });
    expect(await failure(notWord, 'odd.doc')).toMatchObject({
      code: 'UNREADABLE',
      message: expect.stringMatching(/corrupt Word \.doc document: This does not seem to be a Word document/),
    });
    // word-extractor alone would follow this chain until memory ran out.
    expect(await failure(withLoopingChain(planDoc()), 'loop.doc')).toMatchObject({
      code: 'UNREADABLE',
      message: expect.stringMatching(/a sector chain loops at sector \d+/),
    });
  }, 20_000);

  it('with no 1Table stream is UNREADABLE, naming the stream', async () => {
    // A FIB whose magic is right and that names 1Table as its table stream, in a file without one.
    const fib = Buffer.alloc(4096);
    fib.writeUInt16LE(0xa5ec, 0);
    fib.writeUInt16LE(0x0200, 0x0a);
    expect(await failure(oleFile({ WordDocument: fib }), 'notable.doc')).toMatchObject({
      code: 'UNREADABLE',
      message: expect.stringMatching(/corrupt Word \.doc document: no 1Table stream/),
    });
  });
});

describe('a directory with a good .doc and a bad one', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-graph-doc-'));
    await writeFile(join(dir, 'a-good.doc'), planDoc());
    await writeFile(join(dir, 'b-cut.doc'), planDoc().subarray(0, 3000));
    await writeFile(join(dir, 'c-sheet.doc'), oleFile({ Workbook: Buffer.alloc(600, 9) }));
    await writeFile(join(dir, 'd.txt'), planText({ table: true }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ingest stores the good ones, names each bad one with its reason, and counts the files by format', async () => {
    const { code, stdout, stderr } = await runCliCaptured('--store', join(dir, '.store'), 'ingest', dir);
    expect(code).toBe(2); // some input was unreadable
    expect(stderr).toContain(
      `${join(dir, 'b-cut.doc')}: cannot be read (corrupt Word .doc document: it ends at byte 3000`,
    );
    expect(stderr).toMatch(
      new RegExp(
        `${join(dir, 'c-sheet.doc')}: not a text file \\(.*not a Word \\.doc document.*\\) \\(not stored\\)`,
      ),
    );
    expect(stdout).toMatch(/^files: 2 read \(.*\), 2 unreadable, 0 skipped; read as 1 text, 1 doc$/m);
    const lineage = await runCliCaptured('--store', join(dir, '.store'), 'lineage', '12/KH-UBND');
    expect(lineage.stdout).toContain('12/KH-UBND');
  }, 60_000);

  it('reads the same on worker threads as on this one', async () => {
    const files = ['a-good.doc', 'b-cut.doc', 'c-sheet.doc', 'd.txt'].map((n) => join(dir, n));
    const run = async (threads: number) => {
      const errors: ReadTextError[] = [];
      const docs = [];
      for await (const d of streamDocuments(files, () => undefined, errors, { threads })) docs.push(d);
      return { docs, errors: errors.map((e) => `${e.code} ${e.message}`) };
    };
    const here = await run(0);
    expect(here.docs.map((d) => d.format)).toEqual(['doc', 'text']);
    expect(here.docs[0]?.document.document.symbol).toBe(HEADER.number.replace('Số: ', ''));
    expect(here.errors.map((e) => e.split(' ')[0])).toEqual(['UNREADABLE', 'NOT_TEXT']);
    expect(await run(2)).toEqual(here);
  }, 60_000);
});
