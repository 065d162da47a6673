// Test support: the same plan written as plain text, a PDF (two-column header, gazette running heads,
// page numbers), a Word file (paragraphs and a table) as .docx and as a Word 97 .doc, and a web page (with script,
// style, nav, footer).
import { existsSync, readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import CFB from 'cfb';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { degrees, PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

export const HEADER = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH KON TUM'],
  motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  number: 'Số: 12/KH-UBND',
  placeDate: 'Kon Tum, ngày 5 tháng 3 năm 2024',
};
export const TITLE = ['KẾ HOẠCH', 'Triển khai thực hiện Chương trình chuyển đổi số năm 2024'];
export const PREAMBLE =
  'Thực hiện Nghị quyết số 05-NQ/TU ngày 10/01/2024 của Tỉnh ủy Kon Tum và Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:';
export const BODY = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích: Cụ thể hóa các nhiệm vụ chuyển đổi số trên địa bàn tỉnh.',
  'II. NHIỆM VỤ',
  '1. Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành xây dựng nền tảng dữ liệu dùng chung; hoàn thành trước ngày 30/6/2024.',
  '2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch; thời gian thực hiện: hằng năm.',
  '3. Sở Nội vụ hướng dẫn các cơ quan, đơn vị triển khai Kế hoạch; hoàn thành trong Quý III năm 2024.',
];
/** A table of the plan: rows "cell | cell | cell". */
export const TABLE = [
  ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian'],
  ['1', 'Báo cáo kết quả thực hiện Kế hoạch', 'Sở Kế hoạch và Đầu tư', 'Trước ngày 15/12/2024'],
];
export const SIGNATURE = ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn A'];

/** The plan as a .txt holds it: the header one line each, the body one paragraph a line. */
export function planText(options: { table?: boolean } = {}): string {
  return [
    ...HEADER.issuer,
    ...HEADER.motto,
    HEADER.number,
    HEADER.placeDate,
    ...TITLE,
    PREAMBLE,
    ...BODY,
    ...(options.table ? TABLE.map((r) => r.join(' | ')) : []),
    ...SIGNATURE,
  ].join('\n');
}

export const FONT_PATH = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
export const GAZETTE_HEAD = 'CÔNG BÁO/Số 271/Ngày 12-05-2026';
/** Text that only a wrong reader lets through. */
export const NOISE = [
  'window.tracking = "SCRIPT-NOISE"',
  'STYLE-NOISE',
  'Trang chủ NAV-NOISE',
  'FOOTER-NOISE bản quyền',
];

export const hasFont = (): boolean => existsSync(FONT_PATH);

/**
 * A two-page gazette copy of the plan: page 1 carries the two-column header; each page a running head
 * with the page number at the top and at the foot; long paragraphs wrapped over several lines. Options:
 * `blankPage` adds a page with no text (a scan); `table` the table, one text item per cell; `pageBreakBefore`
 * / `pageBreakInside` (an index into BODY) start a new page before that paragraph / after its first line.
 */
export async function planPdf(
  options: {
    blankPage?: boolean;
    table?: boolean;
    /** The table on a page of its own, printed turned (its rows running up the page), the head upright. */
    turnedTable?: boolean;
    pageBreakBefore?: number;
    pageBreakInside?: number;
  } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT_PATH), { subset: true });
  const size = 11;
  const width = 595;
  const margin = 60;
  let page = pdf.addPage([width, 842]);
  let y = 800;
  let pageNo = 1;
  const head = (p: PDFPage, n: number) => {
    // Page number at the outer edge, the gazette head centred, on one baseline; the number again at the foot.
    p.drawText(String(n), { x: n % 2 ? width - margin : margin, y: 815, size: 10, font });
    p.drawText(GAZETTE_HEAD, { x: 210, y: 815, size: 10, font });
    p.drawText(String(n), { x: width / 2, y: 30, size: 10, font });
  };
  const newPage = () => {
    page = pdf.addPage([width, 842]);
    head(page, ++pageNo);
    y = 800;
  };
  head(page, pageNo);
  const line = (text: string, x = margin, f: PDFFont = font) => {
    if (y < 80) newPage();
    page.drawText(text, { x, y, size, font: f });
    y -= size * 1.5;
  };
  const pair = (left: string, right: string) => {
    page.drawText(left, { x: margin, y, size, font });
    page.drawText(right, { x: 300, y, size, font });
    y -= size * 1.5;
  };
  y -= 10;
  pair(HEADER.issuer[0] as string, HEADER.motto[0] as string);
  pair(HEADER.issuer[1] as string, HEADER.motto[1] as string);
  y -= 6;
  pair(HEADER.number, HEADER.placeDate);
  y -= 20;
  const centred = (text: string) => line(text, (width - font.widthOfTextAtSize(text, size)) / 2);
  for (const t of TITLE) centred(t);
  y -= 10;
  [PREAMBLE, ...BODY].forEach((paragraph, i) => {
    if (options.pageBreakBefore === i - 1) newPage();
    wrap(paragraph, font, size, width - 2 * margin).forEach((l, k) => {
      if (k === 1 && options.pageBreakInside === i - 1) newPage();
      line(l);
    });
  });
  if (options.table) {
    const xs = [margin, margin + 40, margin + 240, margin + 380];
    for (const row of TABLE) {
      row.forEach((cell, i) => {
        page.drawText(cell, { x: xs[i] as number, y, size: 8, font });
      });
      y -= size * 1.5;
    }
  }
  if (options.turnedTable) {
    // Turned a quarter counter-clockwise: each row is a column of the page, read bottom to top, the next
    // row to its right.
    newPage();
    const ys = [80, 120, 320, 460];
    TABLE.forEach((row, r) => {
      row.forEach((cell, i) => {
        page.drawText(cell, { x: 100 + r * 20, y: ys[i] as number, size: 8, font, rotate: degrees(90) });
      });
    });
    newPage();
  }
  y -= 10;
  for (const s of SIGNATURE) line(s, 330);
  if (options.blankPage) pdf.addPage([width, 842]);
  return pdf.save();
}

/** Greedy word wrap at `maxWidth`. Each wrapped line is its own text item, as in a real PDF. */
function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > maxWidth && current) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/** The plan as a Word file: header in a borderless two-column table (as Word templates have it), a paragraph a line. */
export async function planDocx(options: { footnote?: string } = {}): Promise<Uint8Array> {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const cell = (...lines: string[]) => new TableCell({ children: lines.map(p) });
  const header = new Table({
    rows: [
      new TableRow({ children: [cell(...HEADER.issuer), cell(...HEADER.motto)] }),
      new TableRow({ children: [cell(HEADER.number), cell(HEADER.placeDate)] }),
    ],
  });
  const table = new Table({ rows: TABLE.map((r) => new TableRow({ children: r.map((c) => cell(c)) })) });
  const preamble = options.footnote
    ? new Paragraph({ children: [new TextRun(PREAMBLE), new FootnoteReferenceRun(1)] })
    : p(PREAMBLE);
  const doc = new Document({
    ...(options.footnote ? { footnotes: { 1: { children: [p(options.footnote)] } } } : {}),
    sections: [
      {
        children: [
          header,
          ...TITLE.map((t) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(t)] })),
          preamble,
          ...BODY.map(p),
          table,
          ...SIGNATURE.map(p),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The plan as a portal page: site banner, menu, sidebar, scripts, styles, a cookie form and a footer
 * around a `main` (layout 'div': a plain content `div` beside a sidebar `div`; 'body': the content right in
 * the body, among the chrome); the header in a table
 * with `<br>`s, the body in paragraphs, entities for some letters.
 */
export function planHtml(options: { layout?: 'main' | 'div' | 'body' } = {}): string {
  const [script, style, nav, footer] = NOISE as [string, string, string, string];
  const content = `
    <table class="header"><tr>
      <td><p>${HEADER.issuer.join('<br>')}</p><p>&nbsp;</p></td>
      <td><p><b>${HEADER.motto[0]}</b><br/>${HEADER.motto[1]}</p></td>
    </tr><tr><td>${HEADER.number}</td><td><i>${HEADER.placeDate}</i></td></tr></table>
    <nav class="breadcrumb"><a href="/">${nav}</a> › Văn bản</nav>
    <script>${script}</script><style>.${style} p { margin: 0 }</style>
    <h2 style="text-align:center">${TITLE[0]}</h2>
    <p class="title"><span>${TITLE[1]}</span></p>
    <p>${esc(PREAMBLE).replace('Tỉnh ủy', 'T&#7881;nh &#7911;y')}</p>
    ${BODY.map((b) => `<p>${esc(b)}</p>`).join('\n    ')}
    <table border="1"><thead><tr>${(TABLE[0] as string[]).map((c) => `<th>${c}</th>`).join('')}</tr></thead>
      <tbody><tr>${(TABLE[1] as string[]).map((c) => `<td>${c}</td>`).join('')}<td></td></tr></tbody></table>
    <div class="sign">${SIGNATURE.map((s) => `<p>${s}</p>`).join('')}</div>`;
  const sidebar = `<ul class="related"><li><a href="/a">Tin liên quan: Kế hoạch số 99/KH-UBND</a></li><li><a href="/b">Quyết định số 88/QĐ-UBND</a></li></ul>`;
  const layout = options.layout ?? 'main';
  const main =
    layout === 'div'
      ? `<div id="page"><div id="content">${content}</div><div id="side">${sidebar}</div></div>`
      : layout === 'body'
        ? `${content}<aside>${sidebar}</aside>`
        : `<main>${content}</main><aside>${sidebar}</aside>`;
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch 12/KH-UBND</title>
<style>.${style} { color: red }</style>
<script>${script}; if (a < b && c > d) {}</script></head>
<body>
<header><div class="logo">Cổng thông tin điện tử tỉnh</div><nav><a href="/">${nav}</a> <a href="/vb">Văn bản</a></nav></header>
<noscript>Bật JavaScript NOSCRIPT-NOISE</noscript>
<form><label>Tìm kiếm FORM-NOISE</label><input name="q"><button>Tìm</button></form>
${main}
<footer>${footer} Số 01/2024 <script>${script}</script></footer>
</body></html>`;
}

/** Word's characters for the .doc builder: paragraph mark, cell (and row-end) mark, line break, footnote mark. */
export const WORD = {
  PARA: '\r',
  CELL: '\u0007',
  LINE: '\u000b',
  NOTE: '\u0002',
  NB_HYPHEN: '\u001e',
} as const;
/** A field whose code names another document: only a reader that drops field codes keeps it out of the text. */
export const FIELD_CODE = ' HYPERLINK "https://vanban.example.vn/99-QĐ-UBND" \\o "Quyết định số 99/QĐ-UBND" ';

/**
 * The plan as a Word 97-2003 .doc, from the characters Word stores: the header in a two-column table, the
 * motto's second line after a line break, a table, the number with a non-breaking hyphen, a tab, a hyperlink
 * field around a reference, and optionally a footnote on the preamble.
 */
export function planDoc(options: { footnote?: string } = {}): Uint8Array {
  const { PARA, CELL, LINE, NOTE, NB_HYPHEN } = WORD;
  const row = (...cells: string[]) => `${cells.map((c) => c + CELL).join('')}${CELL}`;
  const [issuer0, issuer1] = HEADER.issuer as [string, string];
  const [motto0, motto1] = HEADER.motto as [string, string];
  const linked = PREAMBLE.replace(
    'Quyết định số 749/QĐ-TTg',
    `\u0013${FIELD_CODE}\u0014Quyết định số 749/QĐ-TTg\u0015`,
  );
  const body = [
    row(`${issuer0}${PARA}${issuer1}`, `${motto0}${LINE}${motto1}`),
    row(HEADER.number.replace('KH-', `KH${NB_HYPHEN}`), HEADER.placeDate),
    ...TITLE.map((t) => t + PARA),
    `${linked}${options.footnote ? NOTE : ''}${PARA}`,
    ...BODY.map((b) => b.replace(/^(\d+)\. /, '$1.\t') + PARA),
    ...TABLE.map((r) => row(...r)),
    ...SIGNATURE.map((s) => s + PARA),
  ].join('');
  return wordDoc({ body, ...(options.footnote ? { footnotes: `${NOTE} ${options.footnote}${PARA}` } : {}) });
}

/*
 * A minimal Word 97 binary file (MS-DOC), written with just what word-extractor (lib/word-ole-extractor.js)
 * reads, in an OLE compound file written by cfb.
 *
 * WordDocument stream:
 *   0x000  FIB (0x384 bytes, the rest zero):
 *          0x000 wIdent 0xA5EC          0x002 nFib 0x00C1 (Word 97)   0x00A flags: fWhichTblStm 0x0200 (the
 *          table stream is 1Table), fExtChar 0x1000   0x018 fcMin   0x020 csw 14   0x03E cslw 22
 *          FibRgLw97: 0x040 cbMac, 0x04C ccpText, 0x050 ccpFtn, 0x054 ccpHdd, 0x05C ccpAtn, 0x060 ccpEdn, ...
 *          0x098 cbRgFcLcb 0x5D; FibRgFcLcb97 (fc/lcb pairs from 0x09A): 0x102/0x106 fcPlcfBtePapx/lcbPlcfBtePapx,
 *          0x1A2/0x1A6 fcClx/lcbClx (PlcfHdd, PlcfBteChpx, bookmarks: lcb 0, none)   0x382 cswNew 0
 *   0x400  the text, every story one after the other, UTF-16LE (so Vietnamese letters need no code page); with
 *          `compressed`, one byte a character (Windows-1252: what Word stores for text typed in a TCVN3 font)
 *   then   PAPX FKP pages (512 bytes each): rgfc[crun+1] (file offsets of the paragraphs), rgbx[crun] (13 bytes,
 *          the first the PAPX's offset / 2), the PAPXs, crun in the last byte. A row-end mark is a paragraph of
 *          its own whose PAPX has sprmPFTtp (0x2417, operand 1): word-extractor writes a line break over it.
 * 1Table stream:
 *   0      Clx: 0x02 (Pcdt), lcb, PlcPcd with one piece: aCP [0, every character], one PCD (2 bytes of flags,
 *          fc = 0x400 with bit 30 clear: fCompressed 0, UTF-16LE; compressed: 0x800 | bit 30, the byte offset
 *          doubled; prm 0)
 *   then   PlcBtePapx: aFC[n+1] (the pages' first and last file offsets), aPnBte[n] (page numbers, 512 units)
 * Footnote references (PlcffndRef/PlcffndTxt) are not written: word-extractor reads the footnote story by ccpFtn.
 */
export function wordDoc(
  stories: { body: string; footnotes?: string; endnotes?: string },
  options: { compressed?: boolean } = {},
): Uint8Array {
  const footnotes = stories.footnotes ?? '';
  const endnotes = stories.endnotes ?? '';
  // With any story besides the body, Word ends the text with one more paragraph mark, in no story.
  const text = stories.body + footnotes + endnotes + (footnotes || endnotes ? WORD.PARA : '');
  const TEXT_AT = 0x400;
  const perChar = options.compressed ? 1 : 2;
  if (options.compressed && [...text].some((c) => c > '\u00ff' || (c >= '\u0080' && c < '\u00a0')))
    throw new Error('the text has characters that are not one byte each');
  const textBytes = Buffer.from(text, options.compressed ? 'latin1' : 'utf16le');
  const fkpAt = Math.ceil((TEXT_AT + textBytes.length) / 512) * 512;
  const fkps = papxPages(text, TEXT_AT, perChar);
  const doc = Buffer.alloc(fkpAt + fkps.length * 512);
  textBytes.copy(doc, TEXT_AT);
  fkps.forEach((page, i) => {
    page.bytes.copy(doc, fkpAt + i * 512);
  });

  const clx = Buffer.alloc(1 + 4 + 8 + 8);
  clx.writeUInt8(0x02, 0);
  clx.writeUInt32LE(8 + 8, 1);
  clx.writeUInt32LE(0, 5);
  clx.writeUInt32LE(text.length, 9);
  // PCD: 2 bytes of flags at 13, then fc; prm after it stays 0.
  clx.writeUInt32LE(options.compressed ? (TEXT_AT * 2) | 0x40000000 : TEXT_AT, 15);
  const plcAt = clx.length;
  const plc = Buffer.alloc((fkps.length + 1) * 4 + fkps.length * 4);
  fkps.forEach((page, i) => {
    plc.writeUInt32LE(page.firstFc, i * 4);
    plc.writeUInt32LE(fkpAt / 512 + i, (fkps.length + 1) * 4 + i * 4);
  });
  plc.writeUInt32LE(TEXT_AT + textBytes.length, fkps.length * 4);
  const table = Buffer.concat([clx, plc]);

  doc.writeUInt16LE(0xa5ec, 0x000);
  doc.writeUInt16LE(0x00c1, 0x002);
  doc.writeUInt16LE(0x0200 | 0x1000, 0x00a);
  doc.writeUInt32LE(TEXT_AT, 0x018);
  doc.writeUInt16LE(14, 0x020);
  doc.writeUInt16LE(22, 0x03e);
  doc.writeUInt32LE(doc.length, 0x040);
  doc.writeUInt32LE(stories.body.length, 0x04c);
  doc.writeUInt32LE(footnotes.length, 0x050);
  doc.writeUInt32LE(endnotes.length, 0x060);
  doc.writeUInt16LE(0x5d, 0x098);
  doc.writeUInt32LE(plcAt, 0x102);
  doc.writeUInt32LE(plc.length, 0x106);
  doc.writeUInt32LE(0, 0x1a2);
  doc.writeUInt32LE(clx.length, 0x1a6);
  return oleFile({ WordDocument: doc, '1Table': table });
}

/** PAPX FKP pages over the text's paragraphs (each ends with a paragraph or cell mark), 20 to a page. */
function papxPages(text: string, textAt: number, perChar: number): Array<{ firstFc: number; bytes: Buffer }> {
  // Paragraph ends; a cell mark right after a cell mark (or first) is a row end.
  const paragraphs: Array<{ end: number; rowEnd: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== WORD.PARA && c !== WORD.CELL) continue;
    const prev = paragraphs.at(-1)?.end ?? 0;
    paragraphs.push({ end: i + 1, rowEnd: c === WORD.CELL && prev === i && text[i - 1] === WORD.CELL });
  }
  const pages: Array<{ firstFc: number; bytes: Buffer }> = [];
  for (let first = 0; first < paragraphs.length; first += 20) {
    const runs = paragraphs.slice(first, first + 20);
    const start = first === 0 ? 0 : (paragraphs[first - 1]?.end as number);
    const page = Buffer.alloc(512);
    const fc = (cp: number) => textAt + cp * perChar;
    page.writeUInt32LE(fc(start), 0);
    runs.forEach((r, j) => {
      page.writeUInt32LE(fc(r.end), (j + 1) * 4);
    });
    // Two PAPXs at the end of the page: a plain one (cb 0, cb' 1: istd 0) and a row end (cb 3: istd 0, sprmPFTtp 1).
    const plain = 500;
    const rowEnd = 504;
    page.set([0x00, 0x01, 0x00, 0x00], plain);
    page.set([0x03, 0x00, 0x00, 0x17, 0x24, 0x01], rowEnd);
    runs.forEach((r, j) => {
      page.writeUInt8((r.rowEnd ? rowEnd : plain) / 2, (runs.length + 1) * 4 + j * 13);
    });
    page.writeUInt8(runs.length, 511);
    pages.push({ firstFc: fc(start), bytes: page });
  }
  return pages;
}

/** An OLE compound file holding these streams (an .xls has a Workbook stream, a .doc a WordDocument one). */
export function oleFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, bytes] of Object.entries(streams)) CFB.utils.cfb_add(container, name, Buffer.from(bytes));
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/**
 * A scanned copy of the plan's first lines: one page holding only an image of the text (no text layer), drawn at
 * 150 dpi with DejaVu Sans — what OCR has to read.
 */
export async function scannedPlanPdf(): Promise<Uint8Array> {
  const { createCanvas, GlobalFonts } = await import('@napi-rs/canvas');
  GlobalFonts.registerFromPath(FONT_PATH, 'FixtureSans');
  const canvas = createCanvas(1240, 1754);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  ctx.font = '26px FixtureSans';
  let y = 160;
  const at = (text: string, x: number) => ctx.fillText(text, x, y);
  at(HEADER.issuer[0] as string, 110);
  at(HEADER.motto[0] as string, 640);
  y += 40;
  at(HEADER.issuer[1] as string, 110);
  at(HEADER.motto[1] as string, 640);
  y += 70;
  at(HEADER.number, 110);
  at(HEADER.placeDate, 640);
  y += 110;
  for (const t of TITLE) {
    at(t, (canvas.width - ctx.measureText(t).width) / 2);
    y += 44;
  }
  y += 30;
  for (const line of wrapCanvas(PREAMBLE, (s) => ctx.measureText(s).width, 1020)) {
    at(line, 110);
    y += 40;
  }
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(await canvas.encode('png'));
  const page = pdf.addPage([595, 842]);
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return pdf.save();
}

function wrapCanvas(text: string, width: (s: string) => number, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (width(next) > maxWidth && current) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}
