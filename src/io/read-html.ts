// IO (HTML): the document's text from a web page, parsed by linkedom (an HTML5 DOM on htmlparser2).
// Only content: script, style, noscript, templates, forms, nav, asides and page header/footer chrome are left
// out; on a page with chrome the main content element is read (`main`, one `article`, or the block that
// holds most of the text). Block elements become lines, `<br>` a line break, table rows a line with the
// cells joined by " | " (the extractor reads table pipes); entities are decoded by the parser.
import { parseHTML } from 'linkedom';

/** The part of the DOM this reader uses (linkedom's types lean on the DOM lib, which this project leaves out). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  children: ArrayLike<DomElement>;
}

export interface HtmlOptions {
  /** Read the whole body, never only a main-content element (Word files converted to HTML). */
  wholeBody?: boolean;
}

const SKIPPED = new Set([
  'HEAD',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'ASIDE',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'IFRAME',
  'OBJECT',
  'SVG',
  'CANVAS',
  'DIALOG',
]);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'complementary',
  'menu',
  'menubar',
]);
const BLOCKS = new Set(
  'ADDRESS ARTICLE BLOCKQUOTE BODY CAPTION CENTER DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE H1 H2 H3 H4 H5 H6 HEADER FOOTER HR HTML LEGEND LI MAIN MENU OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR UL'.split(
    ' ',
  ),
);
/** Elements the main-content search may descend into. */
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN']);

const ELEMENT = 1;
const TEXT = 3;

export function htmlToText(html: string, options: HtmlOptions = {}): string {
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = parseHTML(source) as unknown as { document: { body: DomElement | null } };
  const body = document.body;
  if (!body) return '';
  const root = options.wholeBody ? body : mainContent(body);
  const lines: string[] = [];
  renderBlock(root, lines);
  return lines
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

function isSkipped(el: DomElement): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')) return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  // A page's header and footer are chrome; an article's own header (its title, its date) is content.
  if ((tag === 'HEADER' || tag === 'FOOTER') && !insideContent(el)) return true;
  return false;
}

function insideContent(el: DomNode): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) {
    if (p.nodeName === 'ARTICLE' || p.nodeName === 'MAIN') return true;
  }
  return false;
}

/** Length of the text that would be read from `node` (skipped elements left out). */
function contentLength(node: DomNode, cache: Map<DomNode, number>): number {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  let n = 0;
  if (node.nodeType === TEXT) n = (node.textContent ?? '').replace(/\s+/g, '').length;
  else if (node.nodeType === ELEMENT && !isSkipped(node as DomElement)) {
    for (const child of Array.from(node.childNodes)) n += contentLength(child, cache);
  }
  cache.set(node, n);
  return n;
}

/**
 * `main` (or `[role=main]`) when the page has one, else its only `article` (or the one with most text),
 * else the body — descending while one container child holds at least 80% of the text, which strips
 * sidebars and link lists that are not marked up as such.
 */
function mainContent(body: DomElement): DomElement {
  const cache = new Map<DomNode, number>();
  const visible = (els: ArrayLike<DomElement>) =>
    Array.from(els).filter((e) => contentLength(e, cache) > 0 && !hasSkippedAncestor(e, body));
  const mains = visible(body.querySelectorAll('main, [role="main"]'));
  if (mains.length > 0) return largest(mains, cache);
  const articles = visible(body.querySelectorAll('article'));
  if (articles.length > 0) return largest(articles, cache);
  let root = body;
  for (;;) {
    const total = contentLength(root, cache);
    const child = Array.from(root.children).find(
      (c) => CONTAINERS.has(c.tagName.toUpperCase()) && contentLength(c, cache) >= 0.8 * total,
    );
    if (!child || total === 0) return root;
    root = child;
  }
}

function hasSkippedAncestor(el: DomElement, stop: DomElement): boolean {
  for (let p = el.parentNode; p && p !== stop; p = p.parentNode) {
    if (p.nodeType === ELEMENT && isSkipped(p as DomElement)) return true;
  }
  return false;
}

function largest(els: DomElement[], cache: Map<DomNode, number>): DomElement {
  return els.reduce((best, e) => (contentLength(e, cache) > contentLength(best, cache) ? e : best));
}

/** Appends `node`'s lines to `lines`; the last entry of `lines` is the line being written. */
function renderBlock(node: DomNode, lines: string[]): void {
  const open = () => {
    if (lines.length === 0 || (lines.at(-1) as string).trim() !== '') lines.push('');
  };
  const write = (s: string) => {
    if (lines.length === 0) lines.push('');
    lines[lines.length - 1] += s;
  };
  const walk = (n: DomNode, pre: boolean) => {
    if (n.nodeType === TEXT) {
      const t = n.textContent ?? '';
      if (pre) {
        const [first = '', ...rest] = t.split(/\r?\n/);
        write(first);
        for (const r of rest) lines.push(r);
      } else write(t.replace(/\s+/g, ' '));
      return;
    }
    if (n.nodeType !== ELEMENT) return;
    const el = n as DomElement;
    if (isSkipped(el)) return;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      lines.push('');
      return;
    }
    if (tag === 'TABLE') {
      open();
      for (const row of tableRows(el)) lines.push(row);
      lines.push('');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) open();
    for (const child of Array.from(el.childNodes)) walk(child, pre || tag === 'PRE');
    if (block) lines.push('');
  };
  walk(node, false);
}

/** A table's rows (not those of tables nested in its cells), each "cell | cell"; empty cells left out. */
function tableRows(table: DomElement): string[] {
  const rows: string[] = [];
  const visit = (el: DomElement) => {
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toUpperCase();
      if (isSkipped(child)) continue;
      if (tag === 'TR') rows.push(...rowLines(child));
      else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') visit(child);
      else if (tag === 'CAPTION') rows.push(cellText(child));
    }
  };
  visit(table);
  return rows.filter((r) => r.trim() !== '');
}

/**
 * "cell | cell" when every cell is one line; a row whose cells hold several lines (the issuer block beside
 * the motto in a header table) is read cell after cell, a line each, as the pipes would be read anyway.
 */
function rowLines(tr: DomElement): string[] {
  const cells = Array.from(tr.children)
    .filter((c) => /^(TD|TH)$/i.test(c.tagName) && !isSkipped(c))
    .map(cellText)
    .filter((c) => c !== '');
  if (cells.some((c) => c.includes('\n'))) return cells;
  return cells.length > 0 ? [cells.join(' | ')] : [];
}

/** A cell's lines (its paragraphs and `<br>`s) joined by line breaks. */
function cellText(cell: DomElement): string {
  const lines: string[] = [];
  renderBlock(cell, lines);
  return lines
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}
