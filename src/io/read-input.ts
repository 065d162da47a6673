// IO: one input file as text, whatever its format — told by its bytes (magic numbers), the extension
// only deciding between HTML and plain text when the content does not: PDF (text layer), Word .docx and
// legacy .doc, HTML, or text in any encoding read-text.ts knows. The text returned is the document's text: the
// extractor's offsets point into it.
import { extname } from 'node:path';
import { legacyFontText } from './legacy-font-text.ts';
import { DocReadError, readDoc } from './read-doc.ts';
import { readDocx } from './read-docx.ts';
import { htmlToText } from './read-html.ts';
import { namePages, readPdf } from './read-pdf.ts';
import {
  type DecodedText,
  type DecodeWarning,
  decodeText,
  type ReadOptions,
  ReadTextError,
  readFileBytes,
} from './read-text.ts';

export type InputFormat = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

/** Decoding warnings, and NO_TEXT_LAYER: PDF pages without text (scans), read by OCR where it is installed. */
export interface InputWarning {
  code: DecodeWarning['code'] | 'NO_TEXT_LAYER';
  message: string;
}

export interface InputText extends Omit<DecodedText, 'warnings'> {
  format: InputFormat;
  warnings: InputWarning[];
}

/**
 * Reads one file and turns it into text. Throws ReadTextError (UNREADABLE for a corrupt PDF, DOCX or DOC,
 * NOT_TEXT for an OLE file that is not a Word document, FILE_TOO_LARGE for a file over the size limit, told before it is read).
 */
export async function readInputFile(path: string, options: ReadOptions = {}): Promise<InputText> {
  return decodeInput(await readFileBytes(path, options), path);
}

/** `bytes` as text; `path` names the file in errors and, by its extension, marks HTML. */
export async function decodeInput(bytes: Uint8Array, path = '(bytes)'): Promise<InputText> {
  const format = sniffBinary(bytes, path);
  if (format === 'pdf') return fromPdf(bytes, path);
  if (format === 'docx') {
    const text = await readDocx(bytes).catch((error: unknown) => {
      throw new ReadTextError('UNREADABLE', path, messageOf(error));
    });
    return { text, encoding: 'utf-8', format: 'docx', warnings: [] };
  }
  if (format === 'doc') {
    const text = await readDoc(bytes).catch((error: unknown) => {
      const notWord = error instanceof DocReadError && error.notWord;
      throw new ReadTextError(notWord ? 'NOT_TEXT' : 'UNREADABLE', path, messageOf(error));
    });
    return { ...legacyFontText(text), format: 'doc' };
  }
  // Not .doc: web portals serve pages and RTF named .doc, and those are read by their content.
  const claimed = /^\.(pdf|docx)$/i.exec(extname(path))?.[1]?.toLowerCase();
  if (claimed) {
    const what =
      claimed === 'pdf' ? 'a PDF (no %PDF- header)' : 'a Word document (not a zip with word/document.xml)';
    throw new ReadTextError('UNREADABLE', path, `named .${claimed} but not ${what}`);
  }
  const decoded = decodeText(bytes, path);
  if (isHtmlPath(path) || looksLikeHtml(decoded.text)) {
    return { ...decoded, text: htmlToText(decoded.text), format: 'html' };
  }
  return { ...decoded, format: 'text' };
}

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * 'pdf' / 'docx' / 'doc' by magic bytes, null for anything else; a zip that is not a Word document is refused as
 * NOT_TEXT. Every OLE compound file is 'doc': whether it holds a Word document is told by reading it (read-doc.ts).
 */
export function sniffBinary(bytes: Uint8Array, path = '(bytes)'): 'pdf' | 'docx' | 'doc' | null {
  if (isPdf(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) {
    // Zip entry names are stored as written: a Word document has word/document.xml.
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml'))
      return 'docx';
    throw new ReadTextError('NOT_TEXT', path, 'a zip archive that is not a Word .docx document');
  }
  if (startsWith(bytes, OLE_MAGIC)) return 'doc';
  return null;
}

/**
 * `%PDF-` first (after blank space), or — readers accept junk before it — within the first 1 KiB of a file
 * that ends with `%%EOF`: a text that only mentions "%PDF-" stays text.
 */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  const at = head.indexOf(PDF_MAGIC, 0, 'latin1');
  if (at < 0) return false;
  if (
    /^[\s\uFEFF]*$/.test(
      head
        .subarray(0, at)
        .toString('latin1')
        .replace(/^\xEF\xBB\xBF/, ''),
    )
  )
    return true;
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.byteLength - 1024));
  return tail.includes('%%EOF', 0, 'latin1');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function isHtmlPath(path: string): boolean {
  return /^\.html?$/i.test(extname(path));
}

/** `<!doctype html` or `<html` first (after a BOM, blank space, an XML declaration or comments). */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .replace(/^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->)+/, '');
  return /^<(?:!doctype\s+html|html)[\s>]/i.test(head);
}

async function fromPdf(bytes: Uint8Array, path: string): Promise<InputText> {
  const pdf = await readPdf(bytes).catch((error: unknown) => {
    throw new ReadTextError('UNREADABLE', path, messageOf(error));
  });
  const warnings: InputWarning[] = [];
  if (pdf.pagesWithoutText.length > 0) {
    const unread = pdf.pagesWithoutText.filter(
      (p) => !pdf.pagesRecognised.includes(p) && !pdf.pagesBlank.includes(p),
    );
    const said = [
      pdf.pagesBlank.length > 0 ? `${namePages(pdf.pagesBlank)} blank (no image either)` : null,
      pdf.pagesRecognised.length > 0
        ? `${namePages(pdf.pagesRecognised)} read by OCR (tesseract, vie): check the text against the scan`
        : null,
      ...pdf.ocrFailures.map((f) => `OCR failed on page ${f.page} (${f.reason}): not read`),
      unread.length > pdf.ocrFailures.length
        ? `${namePages(unread.filter((p) => !pdf.ocrFailures.some((f) => f.page === p)))} not read (OCR off, or not installed: tesseract-ocr tesseract-ocr-vie)`
        : null,
    ].filter((x) => x !== null);
    warnings.push({
      code: 'NO_TEXT_LAYER',
      message: `no text layer on ${namePages(pdf.pagesWithoutText)} of ${pdf.pages} (scanned?): ${said.join('; ')}`,
    });
  }
  return { text: pdf.text, encoding: 'utf-8', format: 'pdf', warnings };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
