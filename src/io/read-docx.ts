// IO (DOCX): a Word file's text through mammoth — converted to HTML (which keeps tables, that raw text
// loses) and read by the HTML reader; footnotes and endnotes come at the end, as mammoth places them.
import mammoth from 'mammoth';
import { htmlToText } from './read-html.ts';

/** Thrown for a zip mammoth cannot read as a Word document; the reader turns it into UNREADABLE. */
export class DocxReadError extends Error {
  override readonly name = 'DocxReadError';
}

export async function readDocx(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new DocxReadError(
      `corrupt Word document: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // The "↑" links from a note back to its reference are navigation, not text.
  const withoutBackLinks = html.replace(/<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g, '');
  return htmlToText(withoutBackLinks, { wholeBody: true });
}
