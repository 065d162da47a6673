// IO (PDF layout): rebuilds the lines of a page in reading order from positioned text items. Pure.
// Items on one baseline (within a tolerance) form a line, sorted by x, with a space where the gap is wide;
// a very wide gap splits the line into pieces. A run of lines split at the same place (the issuer block
// beside the national motto, "Số: …" beside place and date, "Nơi nhận" beside the signer) is two columns:
// the left column comes out first, then the right one. Three pieces or more are a table row: " | ".
// The wrapped lines of a paragraph are joined into one, over a page break too. Running heads of the
// official gazette and bare page numbers on the first or last line of a page are dropped.

/** One text item as PDF.js gives it, reduced to what layout needs (PDF user space: y grows upwards). */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the item's height). */
  size: number;
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

interface Row {
  y: number;
  size: number;
  pieces: Piece[];
}

/** "CÔNG BÁO/Số 271/Ngày 12-05-2026", "CÔNG BÁO/Số 271 + 272/Ngày …", with the page number beside it or not. */
const GAZETTE_HEAD =
  /^(?:\d{1,4}\s+)?CÔNG\s*BÁO\s*\/\s*Số\s*[\d\s+]+\s*\/\s*Ngày\s*\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}(?:\s+\d{1,4})?$/iu;
/** "12", "- 12 -", "Trang 12", "12/40". */
const PAGE_NUMBER = /^(?:trang\s+)?[-–—\s]*\d{1,4}(?:\s*\/\s*\d{1,4})?[-–—\s]*$/iu;

export function isRunningHead(text: string): boolean {
  const t = text.trim().normalize('NFC');
  return GAZETTE_HEAD.test(t) || PAGE_NUMBER.test(t);
}

/** The page's text, one line per row (columns split as described above). */
export function pageLines(items: readonly PositionedText[]): string[] {
  return layout(items).lines;
}

/**
 * The text of a document's pages, a line per row; a paragraph running over a page break (the last row of
 * a page filled, the next page's first row starting at its left margin with no list marker) is one line.
 */
export function documentText(pages: readonly (readonly PositionedText[])[]): string {
  const lines: string[] = [];
  let previous: PageLayout | null = null;
  for (const items of pages) {
    const page = layout(items);
    if (page.lines.length === 0) continue;
    const first = page.rows[0];
    if (previous?.lastRow && first && continuesOnNextPage(previous, first, page)) {
      lines[lines.length - 1] += ` ${page.lines[0]}`;
      lines.push(...page.lines.slice(1));
    } else lines.push(...page.lines);
    previous = page;
  }
  return lines.join('\n');
}

function continuesOnNextPage(before: PageLayout, first: Row, page: PageLayout): boolean {
  const last = before.lastRow;
  if (last?.pieces.length !== 1 || first.pieces.length !== 1) return false;
  const a = last.pieces[0] as Piece;
  const b = first.pieces[0] as Piece;
  const leftEdge = Math.min(...page.rows.map((r) => (r.pieces[0] as Piece).start));
  if (a.text.length < 40 || b.start > leftEdge + first.size || LIST_MARKER.test(b.text)) return false;
  return filled(a, b, first.size, before.rightEdge);
}

interface PageLayout {
  lines: string[];
  rows: Row[];
  /** The last row when it is the page's last line as it stands (one piece, not in a column block). */
  lastRow: Row | null;
  rightEdge: number;
}

function layout(items: readonly PositionedText[]): PageLayout {
  const rows = mergeOffsetColumns(dropRunningHeads(groupRows(items)));
  return { rows, ...orderColumns(rows) };
}

function groupRows(items: readonly PositionedText[]): Row[] {
  const visible = items.filter((i) => i.str.length > 0);
  // Top to bottom, then left to right.
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    const first = last?.[0];
    const tolerance = Math.max(1, 0.4 * Math.min(item.size || 10, first?.size || 10));
    if (last && first && Math.abs(first.y - item.y) <= tolerance) last.push(item);
    else groups.push([item]);
  }
  const rows: Row[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    const size = median(group.filter((i) => i.str.trim()).map((i) => i.size)) || 10;
    const pieces = splitPieces(group, size);
    if (pieces.length > 0) rows.push({ y: group[0]?.y ?? 0, size, pieces });
  }
  return rows;
}

/** Joins a row's items; a gap wider than ~3 font sizes starts a new piece. */
function splitPieces(items: readonly PositionedText[], size: number): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  let end = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const gap = item.x - end;
    // Whitespace items (PDF.js fills a gap with one) neither start a piece nor widen one.
    const blank = item.str.trim() === '';
    if (blank) {
      if (current && !/\s$/.test(current.text)) current.text += ' ';
      continue;
    }
    if (!current || gap > Math.max(3 * size, 18)) {
      if (current) pieces.push(current);
      current = { text: item.str, start: item.x, end: item.x + item.width };
    } else {
      const needsSpace = gap > 0.15 * size && !/\s$/.test(current.text) && !/^\s/.test(item.str);
      current.text += (needsSpace ? ' ' : '') + item.str;
      current.end = Math.max(current.end, item.x + item.width);
    }
    end = current.end;
  }
  if (current) pieces.push(current);
  return pieces
    .map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ').trim() }))
    .filter((p) => p.text.length > 0);
}

/** Running heads sit on the first and the last row of a page: those pieces are dropped. */
function dropRunningHeads(rows: Row[]): Row[] {
  const edges = new Set([0, 1, rows.length - 2, rows.length - 1].filter((i) => i >= 0 && i < rows.length));
  const out: Row[] = [];
  rows.forEach((row, i) => {
    if (!edges.has(i)) {
      out.push(row);
      return;
    }
    // Only the outermost row, or the second one when the outermost was a running head too.
    const outer = i === 0 || i === rows.length - 1;
    const inner =
      i === 1 ? isHeadRow(rows[0]) : i === rows.length - 2 ? isHeadRow(rows[rows.length - 1]) : false;
    if (!outer && !inner) {
      out.push(row);
      return;
    }
    // A row of running heads goes; a row with other text too (a table row starting "5") keeps its numbers.
    const joined = row.pieces.map((p) => p.text).join(' ');
    if (isRunningHead(joined) || row.pieces.every((p) => isRunningHead(p.text))) return;
    const kept = row.pieces.filter((p) => !GAZETTE_HEAD.test(p.text.normalize('NFC')));
    out.push(kept.length === row.pieces.length ? row : { ...row, pieces: kept });
  });
  return out;
}

function isHeadRow(row: Row | undefined): boolean {
  return !!row && row.pieces.some((p) => GAZETTE_HEAD.test(p.text.normalize('NFC')));
}

/**
 * Two columns whose baselines are offset (the motto set half a line lower than the issuer block) give
 * rows that alternate sides: a row and the next, less than a line apart and side by side with a wide gap,
 * are one row.
 */
function mergeOffsetColumns(rows: readonly Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    const next = rows[i + 1];
    if (next && row.y - next.y < 0.9 * Math.max(row.size, next.size) && sideBySide(row, next)) {
      const pieces = [...row.pieces, ...next.pieces].sort((a, b) => a.start - b.start);
      out.push({ y: row.y, size: Math.max(row.size, next.size), pieces });
      i++;
    } else out.push(row);
  }
  return out;
}

function sideBySide(a: Row, b: Row): boolean {
  const gap = 3 * Math.max(a.size, b.size);
  return a.pieces.every((p) => b.pieces.every((q) => q.start - p.end > gap || p.start - q.end > gap));
}

interface Band {
  start: number;
  end: number;
}

/** Emits rows as lines; runs of two-piece rows split at a common band become left column, then right. */
function orderColumns(rows: readonly Row[]): { lines: string[]; lastRow: Row | null; rightEdge: number } {
  const lines: string[] = [];
  const rightEdge = Math.max(
    0,
    ...rows.filter((r) => r.pieces.length === 1).map((r) => (r.pieces[0] as Piece).end),
  );
  let previous: Row | null = null;
  let i = 0;
  while (i < rows.length) {
    const row = rows[i] as Row;
    if (row.pieces.length !== 2) {
      if (previous && continues(previous, row, rightEdge))
        lines[lines.length - 1] += ` ${row.pieces[0]?.text}`;
      else lines.push(row.pieces.map((p) => p.text).join(' | '));
      previous = row.pieces.length === 1 ? row : null;
      i++;
      continue;
    }
    previous = null;
    const [a, b] = row.pieces as [Piece, Piece];
    let band: Band = { start: a.end, end: b.start };
    const left: string[] = [a.text];
    const right: string[] = [b.text];
    let j = i + 1;
    for (; j < rows.length; j++) {
      const next = rows[j] as Row;
      const prev = rows[j - 1] as Row;
      if (prev.y - next.y > 2.5 * Math.max(prev.size, next.size)) break;
      const tol = next.size;
      if (next.pieces.length === 2) {
        const [l, r] = next.pieces as [Piece, Piece];
        const s = Math.max(band.start, l.end);
        const e = Math.min(band.end, r.start);
        if (e - s < tol) break;
        band = { start: s, end: e };
        left.push(l.text);
        right.push(r.text);
      } else if (next.pieces.length === 1) {
        const p = next.pieces[0] as Piece;
        if (p.end <= band.start + tol) left.push(p.text);
        else if (p.start >= band.end - tol) right.push(p.text);
        else break;
      } else break;
    }
    lines.push(...left, ...right);
    i = j;
  }
  return { lines, lastRow: previous, rightEdge };
}

const LIST_MARKER = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-–—+•*]|Điều\s+\d|Chương\s+[IVXLC\d])\s?/u;

/**
 * A wrapped line of a paragraph: the previous row (40 characters at least) was filled (the first word of this one would not have
 * fitted after it), this one starts no further right than it and not with a list marker, and no blank space
 * lies between them. Such rows are joined, so a paragraph is one line as in a text file.
 */
function continues(prev: Row, row: Row, rightEdge: number): boolean {
  if (row.pieces.length !== 1 || prev.pieces.length !== 1) return false;
  const a = prev.pieces[0] as Piece;
  const b = row.pieces[0] as Piece;
  if (prev.y - row.y > 1.8 * Math.max(prev.size, row.size) || Math.abs(prev.size - row.size) > 0.5)
    return false;
  // A short line is a heading or the end of a paragraph, whatever the page's widest line is.
  if (a.text.length < 40 || b.start > a.start + row.size || LIST_MARKER.test(b.text)) return false;
  return filled(a, b, row.size, rightEdge);
}

/** The first word of `b` would not have fitted after `a` before the right edge. */
function filled(a: Piece, b: Piece, size: number, rightEdge: number): boolean {
  const charWidth = (b.end - b.start) / Math.max(1, b.text.length);
  const firstWord = b.text.split(' ')[0] ?? '';
  return a.end + (firstWord.length + 1) * charWidth > rightEdge - 0.5 * size;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
