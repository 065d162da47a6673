// IO (PDF): the text layer of a PDF through Mozilla's PDF.js (legacy build, in this thread: no worker,
// no eval, nothing fetched — CMaps and standard fonts are read from the installed package). Lines are
// rebuilt in reading order by pdf-lines.ts. A page without text (a scan) is named in a NO_TEXT_LAYER warning.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ocrAvailable, ocrPage, type RenderablePage } from './ocr.ts';
import { documentText, type PositionedText } from './pdf-lines.ts';
import { type TurnedText, turnOf, uprightGroups } from './pdf-orientation.ts';

export interface PdfText {
  text: string;
  pages: number;
  /** 1-based numbers of the pages that have no text items. */
  pagesWithoutText: number[];
  /** Of those, the pages that paint no image either (blank: nothing to read), the pages read by OCR, and the ones
   * OCR could not read (with why). */
  pagesBlank: number[];
  pagesRecognised: number[];
  ocrFailures: Array<{ page: number; reason: string }>;
}

export interface PdfOptions {
  /** OCR pages without a text layer when Tesseract with `vie` is installed (default); false never does. */
  ocr?: boolean;
}

/** Thrown for bytes PDF.js cannot open (corrupt, encrypted); the reader turns it into UNREADABLE. */
export class PdfReadError extends Error {
  override readonly name = 'PdfReadError';
}

const PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface PdfJsItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // PDF.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: `${join(PACKAGE_DIR, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PACKAGE_DIR, 'standard_fonts')}/`,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : String(error);
    throw new PdfReadError(
      name === 'PasswordException' ? 'encrypted PDF (a password is needed)' : `corrupt PDF: ${message}`,
    );
  }
  try {
    const pages: PositionedText[][] = [];
    const pagesWithoutText: number[] = [];
    const pagesBlank: number[] = [];
    const pagesRecognised: number[] = [];
    const ocrFailures: PdfText['ocrFailures'] = [];
    const ocr = options.ocr !== false && ocrAvailable();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as PdfJsItem[]).flatMap(toPositioned);
      if (!items.some((i) => i.str.trim())) {
        pagesWithoutText.push(n);
        if (!(await paintsImage(page, pdfjs.OPS))) pagesBlank.push(n);
        else if (ocr) {
          try {
            pages.push(recognisedItems(await ocrPage(page as unknown as RenderablePage)));
            pagesRecognised.push(n);
          } catch (error) {
            // One page OCR cannot read never fails the file: it stays unread and is named.
            ocrFailures.push({
              page: n,
              reason: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
            });
            pages.push([]);
          }
          page.cleanup();
          continue;
        }
      }
      // A table turned across the page is laid out along its own baselines, after the page's upright text.
      pages.push(...(items.length > 0 ? uprightGroups(items) : [[]]));
      page.cleanup();
    }
    return {
      text: documentText(pages),
      pages: doc.numPages,
      pagesWithoutText,
      pagesBlank,
      pagesRecognised,
      ocrFailures,
    };
  } catch (error) {
    throw new PdfReadError(`corrupt PDF: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await doc.destroy();
  }
}

function toPositioned(item: PdfJsItem): TurnedText[] {
  if (typeof item.str !== 'string' || !item.transform) return [];
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  // PDF.js gives width along the baseline and height across it, whatever the turn.
  const size = item.height || Math.hypot(c, d) || Math.hypot(a, b);
  return [{ str: item.str.normalize('NFC'), x, y, width: item.width ?? 0, size, turn: turnOf(a, b) }];
}

/** Whether a page draws an image (a scan does; a blank separator page does not). */
async function paintsImage(
  page: { getOperatorList(): Promise<{ fnArray: number[] }> },
  ops: Record<string, number>,
): Promise<boolean> {
  const images = new Set(
    ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat']
      .map((name) => ops[name])
      .filter((op): op is number => op !== undefined),
  );
  const { fnArray } = await page.getOperatorList();
  return fnArray.some((op) => images.has(op));
}

/**
 * OCR lines as positioned items for the layout: one row each, down the page, a blank line a wider gap; a line's
 * width follows its length, so a paragraph's lines wrapped near the margin join as a text layer's do.
 */
function recognisedItems(text: string): PositionedText[] {
  const items: PositionedText[] = [];
  let y = 10_000;
  for (const line of text.split('\n')) {
    const str = line.trim();
    y -= str ? 14 : 10;
    if (str) items.push({ str, x: 0, y, width: str.length * 6, size: 10 });
  }
  return items;
}

/** "pages 3, 4 and 7" / "page 2". */
export function namePages(pages: readonly number[]): string {
  if (pages.length === 1) return `page ${pages[0]}`;
  return `pages ${pages.slice(0, -1).join(', ')} and ${pages.at(-1)}`;
}
