// IO (DOC): a story of a legacy Word file (body, footnotes, endnotes) as the text the extractor reads — Word's
// control characters turned into lines the way the .docx reader (read-docx.ts, through HTML) lays them out, so
// the same document as .doc and as .docx gives the same text.

/** Word's cell mark: the end of a table cell's last paragraph. */
const CELL = '\u0007';

/**
 * `raw`: the characters of the story as Word stores them, with the row ends already turned into line breaks
 * (word-extractor writes one over each row-end mark it finds by the paragraph's "table row end" property).
 * - field codes `\u0013 code \u0014 result \u0015` become their result (nested ones from the inside out: a code
 *   such as HYPERLINK is markup, the result is what the page shows);
 * - paragraph marks `\r`, line breaks `\u000b`, page and column breaks `\u000c`/`\u000e` become line breaks;
 * - the non-breaking hyphen `\u001e` a hyphen (symbols like "12/KH-UBND" are typed with it), the optional hyphen
 *   `\u001f` and every other control character (footnote marks `\u0002`, pictures `\u0001`, deleted text that
 *   word-extractor blanked with NULs) nothing;
 * - table rows as read-html.ts renders them: "cell | cell" when every cell is one line, a line per cell line
 *   when a cell holds several (the header table with the issuer beside the motto), empty cells left out;
 * - blank space collapsed and blank lines dropped, as in the .docx text.
 */
export function wordStoryText(raw: string): string {
  return tableLines(plainCharacters(raw).split('\n'))
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;
const BREAKS = new Set([0x0b, 0x0c, 0x0d, 0x0e]);
const KEPT = new Set([0x09, 0x0a, 0x07]);

/** Fields reduced to their results and control characters mapped; the cell mark is kept for tableLines. */
function plainCharacters(raw: string): string {
  // One entry per open field: whether its separator was seen, and its result so far (a field may hold fields).
  const open: Array<{ inResult: boolean; result: string }> = [];
  let out = '';
  const write = (s: string) => {
    const field = open.at(-1);
    if (!field) out += s;
    else if (field.inResult) field.result += s;
  };
  for (const ch of raw) {
    const c = ch.charCodeAt(0);
    if (c >= 0x20 || KEPT.has(c)) write(ch);
    else if (BREAKS.has(c)) write('\n');
    else if (c === 0x1e) write('-');
    else if (c === FIELD_BEGIN) open.push({ inResult: false, result: '' });
    else if (c === FIELD_SEPARATOR) {
      const field = open.at(-1);
      if (field) field.inResult = true;
    } else if (c === FIELD_END) {
      const field = open.pop();
      if (field) write(field.result);
    }
  }
  // A field never closed (a damaged file) keeps the result it had.
  while (open.length > 0) write((open.pop() as { result: string }).result);
  return out;
}

/**
 * Lines with cell marks grouped into rows: a row runs to the first line that ends with a cell mark (its last
 * cell's end; the row-end mark after it is the line break). A cell's first paragraphs are not marked as inside
 * the table in the text, so a row of one-line cells is told by the row being one line.
 */
function tableLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.includes(CELL)) {
      out.push(line);
      continue;
    }
    let end = i;
    while (end < lines.length - 1 && !(lines[end] as string).endsWith(CELL)) end++;
    const row = lines.slice(i, end + 1);
    if (row.length === 1) {
      const cells = line
        .split(CELL)
        .map((c) => c.replace(/\s+/g, ' ').trim())
        .filter((c) => c !== '');
      if (cells.length > 0) out.push(cells.join(' | '));
    } else {
      for (const l of row) out.push(...l.split(CELL));
    }
    i = end;
  }
  return out;
}
