// OCR of scanned PDF pages (ocr.ts): a page holding only an image of text is read by Tesseract with its
// Vietnamese model where both are installed, and gives the facts the same lines give as text; without OCR (not
// installed, or POLICY_GRAPH_OCR=off) it is named in NO_TEXT_LAYER and nothing else fails.
import { afterEach, describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../src/io/ocr.ts';
import { decodeInput } from '../../src/io/read-input.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { HEADER, hasFont, PREAMBLE, scannedPlanPdf, TITLE } from './format-fixtures.ts';

const canOcr = hasFont() && ocrAvailable();
if (!canOcr)
  console.warn(
    `OCR tests skipped: ${hasFont() ? 'tesseract with the vie model is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)' : 'DejaVu Sans is not installed'}`,
  );

const facts = (text: string) => {
  const d = extractDocument(text, { source: 'scan' });
  return {
    symbol: d.document.symbol,
    date: d.document.date?.value,
    type: d.document.type,
    issuer: d.document.issuer?.name,
    references: d.references.map((r) => r.symbol),
    implements: d.relations.filter((r) => r.type === 'IMPLEMENTS').length,
  };
};
const sameAsText = () =>
  facts(
    [
      `${HEADER.issuer[0]}`,
      `${HEADER.issuer[1]}`,
      HEADER.motto.join('\n'),
      HEADER.number,
      HEADER.placeDate,
      ...TITLE,
      PREAMBLE,
    ].join('\n'),
  );

describe.skipIf(!canOcr)('OCR of a scanned page', () => {
  afterEach(() => {
    delete process.env.POLICY_GRAPH_OCR;
  });

  it('reads the scan and says so; the facts are those of the same lines as text', async () => {
    const read = await decodeInput(await scannedPlanPdf(), 'scan.pdf');
    expect(read.warnings).toEqual([
      {
        code: 'NO_TEXT_LAYER',
        message: expect.stringMatching(
          /^no text layer on page 1 of 1 .*page 1 read by OCR \(tesseract, vie\)/,
        ),
      },
    ]);
    expect(facts(read.text)).toEqual(sameAsText());
    expect(facts(read.text).references).toEqual(['05-NQ/TU', '749/QĐ-TTg']);
  }, 60_000);

  it('with POLICY_GRAPH_OCR=off, names the page as not read and reads no text', async () => {
    process.env.POLICY_GRAPH_OCR = 'off';
    const read = await decodeInput(await scannedPlanPdf(), 'scan.pdf');
    expect(read.warnings[0]?.message).toMatch(
      /^no text layer on page 1 of 1 \(scanned\?\): page 1 not read \(OCR off/,
    );
    expect(read.text.trim()).toBe('');
  }, 60_000);
});
