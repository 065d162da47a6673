// IO (OCR): the text of a scanned PDF page through Tesseract with its Vietnamese model, when both are installed
// (Debian: tesseract-ocr tesseract-ocr-vie). Optional: without them, or with POLICY_GRAPH_OCR=off, a page
// without a text layer is only named in NO_TEXT_LAYER. The page is rendered by PDF.js onto @napi-rs/canvas
// (PDF.js's own canvas for Node) and handed to the `tesseract` command; nothing is fetched.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Resolution a page is rendered at: Tesseract reads body text best at about 300 dpi. */
const DPI = 300;
/** Longest a page's OCR may take before the page is left unread (a huge or damaged page). */
const PAGE_TIMEOUT_MS = 60_000;

let available: boolean | null = null;

/** Whether OCR can run here: `tesseract` on the PATH with the `vie` model, and not switched off. */
export function ocrAvailable(): boolean {
  if (process.env.POLICY_GRAPH_OCR === 'off') return false;
  if (available === null) {
    const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8', timeout: 10_000 });
    available = r.status === 0 && /^vie$/m.test(`${r.stdout}\n${r.stderr}`);
  }
  return available;
}

/** What `render` needs of a PDF.js page. */
export interface RenderablePage {
  getViewport(options: { scale: number }): { width: number; height: number };
  render(options: { canvasContext: unknown; viewport: unknown }): { promise: Promise<void> };
}

/** The page's text as Tesseract reads it from a 300 dpi rendering, lines in reading order. */
export async function ocrPage(page: RenderablePage): Promise<string> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const viewport = page.getViewport({ scale: DPI / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  // A scan's white page: transparent pixels would read as black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, viewport }).promise;
  const dir = await mkdtemp(join(tmpdir(), 'pg-ocr-'));
  try {
    const image = join(dir, 'page.png');
    await writeFile(image, await canvas.encode('png'));
    const { stdout } = await run('tesseract', [image, 'stdout', '-l', 'vie', '--dpi', String(DPI)], {
      encoding: 'utf8',
      timeout: PAGE_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout.normalize('NFC');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
