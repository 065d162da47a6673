// Document text as Markdown: blocks (headings, paragraphs, bullet lists, tables, rules) and inline emphasis
// (**bold**, *italic*, _italic_, backslash escapes), parsed into plain data — no DOM, no HTML. Every piece of
// text keeps its [start, end) offsets into the original text, so citations (whose offsets point into that text)
// can be placed in the rendered document; markers (#, **, |, list bullets) are left out of the pieces.
// Deliberately small: no links, images, HTML, code or setext headings — a document's text is shown, not run.

/**
 * @typedef {{ type: 'text', start: number, end: number }
 *   | { type: 'break', start: number, end: number }
 *   | { type: 'strong' | 'em', children: Inline[] }} Inline
 * @typedef {{ start: number, end: number, align: string | null, inlines: Inline[] }} Cell
 * @typedef {{ type: 'heading', level: number, start: number, end: number, inlines: Inline[] }
 *   | { type: 'paragraph', start: number, end: number, inlines: Inline[] }
 *   | { type: 'list', start: number, end: number, items: Array<{ depth: number, start: number, end: number, inlines: Inline[] }> }
 *   | { type: 'table', start: number, end: number, head: Cell[] | null, rows: Cell[][] }
 *   | { type: 'rule', start: number, end: number }} Block
 */

const BLANK = /^[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const BULLET = /^( *)([-+*])[ \t]+(?=\S)/;
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** How far back a closing marker looks for its opener: keeps a line of thousands of '*' linear. */
const MAX_LOOKBACK = 128;
/** Deepest bullet nesting shown. */
const MAX_DEPTH = 3;

/** Lines with their offsets (end before the line break; "\r\n" and "\r" count as breaks). */
function splitLines(text) {
  const lines = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

const isBlank = (line) => BLANK.test(line.text);
const isTableLine = (line) => /^[ \t]*\|.*\|[ \t]*$/.test(line.text) && line.text.trim().length > 1;

/** Whether a table starts at line i: a header row and a delimiter row, or two rows fenced by pipes. */
function tableStarts(lines, i) {
  const line = lines[i];
  const next = lines[i + 1];
  if (!line || !next || !line.text.includes('|')) return false;
  if (
    DELIMITER_ROW.test(next.text) &&
    next.text.includes('-') &&
    (next.text.includes('|') || line.text.includes('|'))
  )
    return true;
  return isTableLine(line) && isTableLine(next);
}

/** Whether line i starts a block other than a paragraph (so it ends a paragraph before it). */
function startsBlock(lines, i) {
  const text = lines[i].text;
  return HEADING.test(text) || RULE.test(text) || BULLET.test(text) || tableStarts(lines, i);
}

/** [start, end) of `line` without surrounding spaces and tabs. */
function trimmed(start, end, text) {
  let s = start;
  let e = end;
  while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  return [s, e];
}

/** The cells of a table row: split on unescaped '|', the outer pipes dropped. */
function rowCells(line, text) {
  const bounds = [];
  let from = line.start;
  for (let i = line.start; i < line.end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') {
      bounds.push([from, i]);
      from = i + 1;
    }
  }
  bounds.push([from, line.end]);
  const lead = line.text.trimStart().startsWith('|');
  const trail = line.text.trimEnd().endsWith('|') && !line.text.trimEnd().endsWith('\\|');
  const cells = bounds.slice(lead ? 1 : 0, trail ? -1 : undefined);
  return cells.map(([s, e]) => trimmed(s, e, text));
}

function alignments(line) {
  return line.text
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => {
      const cell = c.trim();
      const left = cell.startsWith(':');
      const right = cell.endsWith(':');
      return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
    });
}

/** The document's blocks, in order. */
export function parseBlocks(text) {
  const lines = splitLines(text);
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (RULE.test(line.text)) {
      blocks.push({ type: 'rule', start: line.start, end: line.end });
      i++;
      continue;
    }
    const heading = HEADING.exec(line.text);
    if (heading) {
      let [s, e] = trimmed(line.start + heading[0].length, line.end, text);
      // A closing run of '#' (preceded by a space, or the whole content) is not part of the heading.
      const closing = /(?:^|[ \t])#+[ \t]*$/.exec(text.slice(s, e));
      if (closing) [s, e] = trimmed(s, s + closing.index, text);
      blocks.push({
        type: 'heading',
        level: heading[1].length,
        start: line.start,
        end: line.end,
        inlines: parseInlines(text, s, e),
      });
      i++;
      continue;
    }
    if (tableStarts(lines, i)) {
      i = parseTable(lines, i, text, blocks);
      continue;
    }
    if (BULLET.test(line.text)) {
      i = parseList(lines, i, text, blocks);
      continue;
    }
    // A paragraph: lines up to a blank one or the start of another block; its line breaks are kept.
    const first = i;
    i++;
    while (i < lines.length && !isBlank(lines[i]) && !startsBlock(lines, i)) i++;
    const [s, e] = trimmed(lines[first].start, lines[i - 1].end, text);
    blocks.push({ type: 'paragraph', start: s, end: e, inlines: parseInlines(text, s, e) });
  }
  return blocks;
}

function parseTable(lines, i, text, blocks) {
  const start = lines[i].start;
  let head = null;
  let align = [];
  let at = i;
  const next = lines[i + 1];
  if (DELIMITER_ROW.test(next.text) && next.text.includes('-')) {
    align = alignments(next);
    head = rowCells(lines[i], text);
    at = i + 2;
  }
  const rows = [];
  while (at < lines.length && !isBlank(lines[at]) && lines[at].text.includes('|')) {
    rows.push(rowCells(lines[at], text));
    at++;
  }
  const cell = ([s, e], k) => ({
    start: s,
    end: e,
    align: align[k] ?? null,
    inlines: parseInlines(text, s, e),
  });
  blocks.push({
    type: 'table',
    start,
    end: lines[at - 1].end,
    head: head ? head.map(cell) : null,
    rows: rows.map((r) => r.map(cell)),
  });
  return at;
}

function parseList(lines, i, text, blocks) {
  const items = [];
  let at = i;
  let sawDash = false;
  while (at < lines.length) {
    const line = lines[at];
    const bullet = BULLET.exec(line.text);
    if (bullet) {
      const indent = bullet[1].length;
      // "+" under "-" is the second level of Vietnamese administrative texts, whatever the indentation.
      let depth = Math.min(MAX_DEPTH, Math.floor(indent / 2));
      if (bullet[2] === '+' && sawDash) depth = Math.max(depth, 1);
      if (bullet[2] !== '+' && depth === 0) sawDash = true;
      items.push({ depth, start: line.start + bullet[0].length, end: line.end });
      at++;
      continue;
    }
    if (isBlank(line)) {
      // Blank lines between items keep the list; before anything else they end it.
      let k = at;
      while (k < lines.length && isBlank(lines[k])) k++;
      if (k < lines.length && BULLET.test(lines[k].text)) {
        at = k;
        continue;
      }
      break;
    }
    // A line right under an item, starting nothing else, continues it.
    if (startsBlock(lines, at)) break;
    const last = items[items.length - 1];
    last.end = line.end;
    at++;
  }
  blocks.push({
    type: 'list',
    start: lines[i].start,
    end: items[items.length - 1].end,
    items: items.map((item) => {
      const [s, e] = trimmed(item.start, item.end, text);
      return { depth: item.depth, start: s, end: e, inlines: parseInlines(text, s, e) };
    }),
  });
  return at;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/**
 * Inline content of text[start, end): text pieces (exact slices of the original), line breaks, and strong/em
 * around them — CommonMark's delimiter-run rules for * and _ (flanking, the rule of 3), unmatched markers kept
 * as text.
 */
export function parseInlines(text, start, end) {
  // 1. Tokens: text slices, breaks and delimiter runs.
  const tokens = [];
  const runs = [];
  let from = start;
  const flush = (to) => {
    if (to > from) tokens.push({ type: 'text', start: from, end: to });
  };
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '\\' && i + 1 < end && ESCAPABLE.test(text[i + 1])) {
      flush(i);
      tokens.push({ type: 'text', start: i + 1, end: i + 2 });
      i += 2;
      from = i;
    } else if (c === '\n' || c === '\r') {
      // Trailing spaces (and a backslash hard break) before a line break are not shown.
      let to = i;
      while (to > from && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--;
      if (to > from && text[to - 1] === '\\') to--;
      flush(to);
      const next = c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      tokens.push({ type: 'break', start: i, end: next });
      i = next;
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      from = i;
    } else if (c === '*' || c === '_') {
      flush(i);
      let e = i;
      while (e < end && text[e] === c) e++;
      const before = i > start ? text[i - 1] : ' ';
      const after = e < end ? text[e] : ' ';
      const wsBefore = WHITESPACE.test(before);
      const wsAfter = WHITESPACE.test(after);
      const pBefore = PUNCTUATION.test(before);
      const pAfter = PUNCTUATION.test(after);
      const left = !wsAfter && (!pAfter || wsBefore || pBefore);
      const right = !wsBefore && (!pBefore || wsAfter || pAfter);
      const run = {
        type: 'run',
        char: c,
        start: i,
        end: e,
        length: e - i,
        left: e - i,
        canOpen: c === '*' ? left : left && (!right || pBefore),
        canClose: c === '*' ? right : right && (!left || pAfter),
        closes: [],
        opens: [],
      };
      tokens.push(run);
      runs.push(run);
      i = e;
      from = i;
    } else i++;
  }
  flush(end);

  // 2. Match closers with openers (CommonMark's "process emphasis", with a bounded look-back).
  for (let ci = 0; ci < runs.length; ci++) {
    const closer = runs[ci];
    while (closer.canClose && closer.left > 0) {
      let found = -1;
      for (let k = ci - 1; k >= 0 && k >= ci - MAX_LOOKBACK; k--) {
        const opener = runs[k];
        if (!opener.canOpen || opener.left === 0 || opener.char !== closer.char) continue;
        const odd =
          (opener.canClose || closer.canOpen) &&
          (opener.length + closer.length) % 3 === 0 &&
          !(opener.length % 3 === 0 && closer.length % 3 === 0);
        if (odd) continue;
        found = k;
        break;
      }
      if (found < 0) break;
      const opener = runs[found];
      const use = opener.left >= 2 && closer.left >= 2 ? 2 : 1;
      const type = use === 2 ? 'strong' : 'em';
      opener.left -= use;
      closer.left -= use;
      opener.opens.push({ type, use });
      closer.closes.push({ type, use });
      // Runs between them can no longer open anything (they stay text).
      for (let k = found + 1; k < ci; k++) runs[k].canOpen = false;
    }
  }

  // 3. The tree: each run closes what it closed, keeps its unused markers as text, opens what it opened.
  const root = { children: [] };
  const stack = [root];
  const top = () => stack[stack.length - 1];
  for (const t of tokens) {
    if (t.type !== 'run') {
      top().children.push(t);
      continue;
    }
    let at = t.start;
    for (const close of t.closes) {
      at += close.use;
      const k = stack.findLastIndex((n) => n.type === close.type);
      if (k > 0) stack.length = k;
    }
    const opened = t.opens.reduce((n, o) => n + o.use, 0);
    if (t.end - opened > at) top().children.push({ type: 'text', start: at, end: t.end - opened });
    for (const open of [...t.opens].reverse()) {
      const node = { type: open.type, children: [] };
      top().children.push(node);
      stack.push(node);
    }
  }
  return root.children;
}

/** The text pieces of a block, in order (what the rendering shows, with offsets). */
export function textPieces(inlines, out = []) {
  for (const n of inlines) {
    if (n.type === 'text') out.push(n);
    else if (n.children) textPieces(n.children, out);
  }
  return out;
}
