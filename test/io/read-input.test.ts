// Tests for src/io/read-input.ts and the format readers: the same plan as .txt, PDF, DOCX, DOC and HTML gives the
// same extracted facts; noise (scripts, menus, running heads) never reaches the text; bad files get their codes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileTextProvider } from '../../src/api/text-provider.ts';
import { expandPaths, readDocuments } from '../../src/io/input-files.ts';
import { decodeInput, looksLikeHtml, readInputFile } from '../../src/io/read-input.ts';
import { ReadTextError } from '../../src/io/read-text.ts';
import type { ExtractedDocument } from '../../src/model/extraction.ts';
import type { DocumentNode } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { contentHash } from '../../src/pipeline/to-graph.ts';
import {
  BODY,
  FONT_PATH,
  GAZETTE_HEAD,
  HEADER,
  hasFont,
  NOISE,
  oleFile,
  PREAMBLE,
  planDoc,
  planDocx,
  planHtml,
  planPdf,
  planText,
  SIGNATURE,
  TABLE,
} from './format-fixtures.ts';

/** The facts a reader must not change: header, references, relations, tasks (no offsets). */
function facts(doc: ExtractedDocument) {
  const d = doc.document;
  return {
    symbol: d.symbol,
    type: d.type,
    date: d.date?.value ?? null,
    place: d.place,
    issuer: d.issuer && { name: d.issuer.name, level: d.issuer.level, jurisdiction: d.issuer.jurisdiction },
    title: d.title?.replace(/\s+/g, ' ') ?? null,
    signer: d.signer,
    signerTitle: d.signerTitle,
    references: doc.references
      .map((r) => ({ symbol: r.symbol, name: r.name, date: r.date?.value ?? null }))
      .sort((a, b) => String(a.symbol ?? a.name).localeCompare(String(b.symbol ?? b.name))),
    relations: doc.relations.map((r) => `${r.from} ${r.type} ${r.to}`).sort(),
    tasks: doc.tasks.map((t) => ({
      key: t.key,
      lead: t.lead.map((a) => a.name),
      coordinators: t.coordinators.map((a) => a.name),
      deadline: t.deadline && { kind: t.deadline.kind, value: t.deadline.value ?? null },
    })),
    warnings: doc.warnings.map((w) => w.code).sort(),
  };
}

const asText = (options: { table?: boolean } = {}) => facts(extractDocument(planText(options)));

async function code(promise: Promise<unknown>): Promise<{ code: string; detail: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadTextError) return { code: error.code, detail: error.detail };
    throw error;
  }
  return { code: 'none', detail: '' };
}

describe('the plan as .txt (the reference the formats are compared with)', () => {
  it('has the facts the comparisons below rely on', () => {
    const f = asText({ table: true });
    expect(f.symbol).toBe('12/KH-UBND');
    expect(f.date).toBe('2024-03-05');
    expect(f.issuer?.jurisdiction).toBe('Kon Tum');
    expect(f.references.map((r) => r.symbol)).toEqual(expect.arrayContaining(['05-NQ/TU', '749/QĐ-TTg']));
    expect(f.tasks.length).toBeGreaterThanOrEqual(3);
    expect(f.tasks.some((t) => t.lead.length > 0 && t.deadline !== null)).toBe(true);
  });
});

if (!hasFont()) console.warn(`PDF tests skipped: no ${FONT_PATH} (Debian package fonts-dejavu-core)`);

describe.skipIf(!hasFont())('PDF', () => {
  it('rebuilds the two-column header as lines, left column first', async () => {
    const { text, format } = await decodeInput(await planPdf(), 'plan.pdf');
    expect(format).toBe('pdf');
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual([...HEADER.issuer, HEADER.number, ...HEADER.motto, HEADER.placeDate]);
  });

  it('leaves out the gazette running head and the page numbers, on every page', async () => {
    const { text } = await decodeInput(await planPdf({ pageBreakBefore: 3 }), 'plan.pdf');
    expect(text).not.toContain('CÔNG BÁO');
    expect(text.split('\n').filter((l) => /^\d+$/.test(l.trim()))).toEqual([]);
    // The body on both sides of the page break is all there.
    expect(text).toContain('Sở Tài chính bố trí kinh phí');
    expect(text).toContain('Sở Nội vụ hướng dẫn');
  });

  it('gives the facts of the same text as .txt (header, references, tasks), table included', async () => {
    const { text } = await decodeInput(await planPdf({ table: true, pageBreakBefore: 3 }), 'plan.pdf');
    expect(text).toContain(TABLE[1]?.join(' | '));
    expect(facts(extractDocument(text))).toEqual(asText({ table: true }));
  });

  it('reads a table printed turned on its page along its rows, as the same table upright', async () => {
    const { text } = await decodeInput(await planPdf({ turnedTable: true }), 'plan.pdf');
    expect(text).toContain(TABLE[0]?.join(' | '));
    expect(text).toContain(TABLE[1]?.join(' | '));
    expect(facts(extractDocument(text))).toEqual(asText({ table: true }));
  });

  it('joins a paragraph running over a page break (its deadline is read as in the .txt)', async () => {
    const { text } = await decodeInput(await planPdf({ table: true, pageBreakInside: 5 }), 'plan.pdf');
    expect(text.split('\n')).toContain(BODY[5]);
    expect(facts(extractDocument(text))).toEqual(asText({ table: true }));
  });

  it('names pages without a text layer in NO_TEXT_LAYER, and still reads the rest', async () => {
    const read = await decodeInput(await planPdf({ blankPage: true }), 'scan.pdf');
    expect(read.warnings).toEqual([
      // A page with neither text nor an image is blank: nothing for OCR to read.
      {
        code: 'NO_TEXT_LAYER',
        message: 'no text layer on page 2 of 2 (scanned?): page 2 blank (no image either)',
      },
    ]);
    expect(read.text).toContain(HEADER.number);
  });

  it('refuses a corrupt PDF as UNREADABLE, and a .pdf that is not one', async () => {
    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0x41)]);
    expect(await code(decodeInput(corrupt, 'bad.pdf'))).toEqual({
      code: 'UNREADABLE',
      detail: expect.stringMatching(/^corrupt PDF/),
    });
    expect((await code(decodeInput(Buffer.from('hello'), 'fake.pdf'))).code).toBe('UNREADABLE');
  });

  it('is told by %PDF- first, or after junk in a file ending %%EOF; a text that mentions it stays text', async () => {
    const pdf = Buffer.from(await planPdf());
    expect((await decodeInput(Buffer.concat([Buffer.from('junk\r\n'), pdf]), 'download')).format).toBe('pdf');
    const mention = await decodeInput(
      Buffer.from('Ghi chú: tệp bắt đầu bằng %PDF-1.7 là tệp PDF.'),
      'note.txt',
    );
    expect(mention.format).toBe('text');
  });
});

describe('DOCX', () => {
  it('gives the facts of the same text as .txt, the table row by row', async () => {
    const { text, format } = await decodeInput(await planDocx(), 'plan.docx');
    expect(format).toBe('docx');
    expect(text.split('\n')).toEqual(expect.arrayContaining(TABLE.map((r) => r.join(' | '))));
    expect(text.split('\n').slice(0, 4)).toEqual([...HEADER.issuer, ...HEADER.motto]);
    expect(facts(extractDocument(text))).toEqual(asText({ table: true }));
  });

  it('keeps footnotes, at the end', async () => {
    const note = 'Nghị quyết số 05-NQ/TU được đăng trên Cổng thông tin điện tử tỉnh.';
    const { text } = await decodeInput(await planDocx({ footnote: note }), 'plan.docx');
    expect(text.trimEnd().endsWith(note)).toBe(true);
    expect(text.indexOf(note)).toBeGreaterThan(text.indexOf(SIGNATURE.at(-1) as string));
    expect(text).not.toContain('↑');
  });

  it('tells a Word file by its bytes; another zip is NOT_TEXT, a broken one UNREADABLE', async () => {
    expect((await decodeInput(await planDocx(), 'no-extension')).format).toBe('docx');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml')]);
    expect((await code(decodeInput(zip, 'book.xlsx'))).code).toBe('NOT_TEXT');
    const broken = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('word/document.xml garbage'),
    ]);
    expect(await code(decodeInput(broken, 'broken.docx'))).toEqual({
      code: 'UNREADABLE',
      detail: expect.stringMatching(/^corrupt Word document/),
    });
  });
});

describe('DOC (Word 97-2003)', () => {
  it('gives the facts of the same text as .txt, the table row by row, as the .docx does', async () => {
    const { text, format } = await decodeInput(planDoc(), 'plan.doc');
    expect(format).toBe('doc');
    expect(text.split('\n')).toEqual(expect.arrayContaining(TABLE.map((r) => r.join(' | '))));
    expect(text.split('\n').slice(0, 5)).toEqual([
      ...HEADER.issuer,
      ...HEADER.motto,
      `${HEADER.number} | ${HEADER.placeDate}`,
    ]);
    expect(facts(extractDocument(text))).toEqual(asText({ table: true }));
    // Line for line the text of the same document as .docx: the extractor's offsets mean the same in both.
    expect(text).toBe((await decodeInput(await planDocx(), 'plan.docx')).text);
  });

  it('keeps field results and drops their codes; a non-breaking hyphen is a hyphen, a tab a space', async () => {
    const { text } = await decodeInput(planDoc(), 'plan.doc');
    expect(text).toContain('Quyết định số 749/QĐ-TTg ngày 03/6/2020');
    expect(text).not.toMatch(/HYPERLINK|99\/QĐ-UBND/);
    expect(text).toContain(HEADER.number);
    expect(text.split('\n')).toContain(BODY[1]);
    // No control character but the line feed (the .doc's text is full of them).
    expect([...text].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
  });

  it('keeps footnotes, at the end, without the note mark', async () => {
    const note = 'Nghị quyết số 05-NQ/TU được đăng trên Cổng thông tin điện tử tỉnh.';
    const { text } = await decodeInput(planDoc({ footnote: note }), 'plan.doc');
    expect(text.split('\n').at(-1)).toBe(note);
    expect(text.split('\n').at(-2)).toBe(SIGNATURE.at(-1));
    expect(text.split('\n')).toContain(PREAMBLE);
  });

  it('tells a Word file by its bytes, whatever the name', async () => {
    expect((await decodeInput(planDoc(), 'download')).format).toBe('doc');
    expect((await decodeInput(planDoc(), 'plan.txt')).format).toBe('doc');
  });
});

describe('HTML', () => {
  it.each([
    ['a page with main and aside', planHtml()],
    ['a page without main (content div beside a sidebar div)', planHtml({ layout: 'div' })],
    ['a page with the content right in the body, among the chrome', planHtml({ layout: 'body' })],
  ])('%s: only the content, with the facts of the same text as .txt', async (_name, html) => {
    const { text, format } = await decodeInput(Buffer.from(html), 'plan.html');
    expect(format).toBe('html');
    for (const noise of [
      ...NOISE,
      'NOSCRIPT-NOISE',
      'FORM-NOISE',
      'Cổng thông tin',
      'Tin liên quan',
      'a < b',
    ]) {
      expect(text).not.toContain(noise);
    }
    expect(text).toContain('Tỉnh ủy Kon Tum'); // entities decoded
    // A header table: cells with several lines are read cell after cell, one-line cells as a row.
    expect(text.split('\n').slice(0, 5)).toEqual([
      ...HEADER.issuer,
      ...HEADER.motto,
      `${HEADER.number} | ${HEADER.placeDate}`,
    ]);
    expect(text.split('\n')).toContain(TABLE[1]?.join(' | '));
    expect(facts(extractDocument(text))).toEqual(asText({ table: true }));
  });

  it('is told by its content whatever the name, and by the name for a fragment', async () => {
    expect((await decodeInput(Buffer.from(planHtml()), 'saved.txt')).format).toBe('html');
    const fragment = await decodeInput(Buffer.from('<p>Số: 1/KH-UBND<br>Hà Nội</p>'), 'part.htm');
    expect(fragment).toMatchObject({ format: 'html', text: 'Số: 1/KH-UBND\nHà Nội' });
    // Markup inside a .md without a doctype stays text (the extractor reads such page sources itself).
    expect((await decodeInput(Buffer.from('<p>Số: 1/KH-UBND</p>'), 'page.md')).format).toBe('text');
    expect(looksLikeHtml('\uFEFF  <!-- saved --><!doctype HTML><html>')).toBe(true);
    expect(looksLikeHtml('<p>html</p>')).toBe(false);
  });
});

describe('files and directories', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-graph-formats-'));
    await writeFile(join(dir, 'a.txt'), planText({ table: true }));
    await writeFile(join(dir, 'b.docx'), await planDocx());
    await writeFile(join(dir, 'c.html'), planHtml());
    await writeFile(join(dir, 'd.htm'), planHtml({ layout: 'div' }));
    if (hasFont()) await writeFile(join(dir, 'e.pdf'), await planPdf({ table: true, blankPage: true }));
    await writeFile(join(dir, 'f.doc'), planDoc());
    await writeFile(join(dir, 'g.xls'), oleFile({ Workbook: new Uint8Array(64) }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('walks .txt .docx .html .htm .pdf .doc, skips .xls, and every format yields the .txt facts', async () => {
    const notes: string[] = [];
    const { files, skipped } = await expandPaths([dir], (m) => notes.push(m));
    const names = ['a.txt', 'b.docx', 'c.html', 'd.htm', ...(hasFont() ? ['e.pdf'] : []), 'f.doc'];
    expect(files).toEqual(names.map((n) => join(dir, n)));
    expect(skipped).toEqual([join(dir, 'g.xls')]);
    const { documents, errors } = await readDocuments(files, (m) => notes.push(m));
    expect(errors).toEqual([]);
    const [txt, ...others] = documents.map((d) => {
      const f = facts(d.document);
      // The scan page's warning is the one difference the PDF may have.
      return { ...f, warnings: f.warnings.filter((w) => w !== 'NO_TEXT_LAYER') };
    });
    for (const other of others) expect(other).toEqual(txt);
    expect(documents.map((d) => d.source)).toEqual(files);
    if (hasFont()) {
      const pdf = documents.at(-2)?.document;
      expect(pdf?.warnings[0]).toMatchObject({ code: 'NO_TEXT_LAYER', start: 0, end: 0 });
      // Offsets point into the text the format yielded.
      const input = documents.at(-2);
      const symbol = input?.document.references.find((r) => r.symbol === '749/QĐ-TTg')?.mentions[0];
      expect(symbol && input?.text.slice(symbol.start, symbol.end)).toMatch(/749\/QĐ-TTg/);
    }
    expect((await readInputFile(join(dir, 'c.html'))).text).not.toContain(GAZETTE_HEAD);
  });

  it('serves the text a format yielded to the API (what its offsets point into)', async () => {
    const provider = new FileTextProvider({ roots: [dir], cacheDir: null });
    for (const name of ['b.docx', 'c.html', ...(hasFont() ? ['e.pdf'] : []), 'f.doc']) {
      const { text } = await readInputFile(join(dir, name));
      const node = { contentHash: contentHash(text), sources: [name] } as unknown as DocumentNode;
      expect(await provider.textOf(node)).toBe(text);
    }
  });
});
