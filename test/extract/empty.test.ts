import { describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../../src/model/extraction.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';

describe('extractDocument', () => {
  it('returns schema-valid output for empty text, with a warning', () => {
    const out = extractDocument('', { source: 'x.txt' });
    expect(ExtractedDocument.parse(out).warnings.map((w) => w.code)).toEqual(['EMPTY_DOCUMENT']);
  });
});
