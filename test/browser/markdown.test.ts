// The viewer's Markdown reader (viewer/markdown.js, plain JS without the DOM): blocks and emphasis as the seeds
// write them, and the offsets of every piece of text shown, which citations are placed by.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const md = await import(new URL('viewer/markdown.js', root).href);

interface Inline {
  type: 'text' | 'break' | 'strong' | 'em';
  start: number;
  end: number;
  children: Inline[];
}

/** Inline nodes as a short string: **x** for strong, _x_ for em, / for a break, text as it is shown. */
function show(text: string, inlines: Inline[]): string {
  return inlines
    .map((n) => {
      if (n.type === 'text') return text.slice(n.start, n.end);
      if (n.type === 'break') return '/';
      const inner = show(text, n.children);
      return n.type === 'strong' ? `<b>${inner}</b>` : `<i>${inner}</i>`;
    })
    .join('');
}

/** Blocks as [type, content] pairs (lists: one pair per item with its depth). */
function outline(text: string): string[][] {
  return md.parseBlocks(text).flatMap((b: Record<string, unknown>) => {
    const t = b.type as string;
    if (t === 'heading') return [[`h${b.level}`, show(text, b.inlines as Inline[])]];
    if (t === 'paragraph') return [['p', show(text, b.inlines as Inline[])]];
    if (t === 'rule') return [['hr', '']];
    if (t === 'list')
      return (b.items as Array<{ depth: number; inlines: Inline[] }>).map((i) => [
        `li${i.depth}`,
        show(text, i.inlines),
      ]);
    const cells = (row: Array<{ inlines: Inline[] }>) => row.map((c) => show(text, c.inlines)).join(' | ');
    const head = b.head as Array<{ inlines: Inline[] }> | null;
    return [
      ...(head ? [['th', cells(head)]] : []),
      ...(b.rows as Array<Array<{ inlines: Inline[] }>>).map((r) => ['td', cells(r)]),
    ];
  });
}

describe('blocks', () => {
  it.each([
    // ATX headings, with emphasis inside and a closing run of #
    [
      '## KẾ HOẠCH\n\n### **I. MỤC ĐÍCH** ##',
      [
        ['h2', 'KẾ HOẠCH'],
        ['h3', '<b>I. MỤC ĐÍCH</b>'],
      ],
    ],
    // "#5" is not a heading (no space), a paragraph keeps its line breaks
    ['#5 số\nThực hiện\nKế hoạch', [['p', '#5 số/Thực hiện/Kế hoạch']]],
    // "-" then "+" items: the "+" ones are the second level; blank lines between items keep one list
    [
      '- Đơn vị:\n\n+ Sở Y tế\n+ Sở Công Thương\n- Thời gian',
      [
        ['li0', 'Đơn vị:'],
        ['li1', 'Sở Y tế'],
        ['li1', 'Sở Công Thương'],
        ['li0', 'Thời gian'],
      ],
    ],
    // a line right under an item continues it; a paragraph after a blank line ends the list
    [
      '- một\nhai\n\nba',
      [
        ['li0', 'một/hai'],
        ['p', 'ba'],
      ],
    ],
    // a bullet of stars with italic inside; an escaped star is a paragraph's text
    [
      '* *Đơn vị thực hiện:* Phòng\n\n\\* Lĩnh vực',
      [
        ['li0', '<i>Đơn vị thực hiện:</i> Phòng'],
        ['p', '* Lĩnh vực'],
      ],
    ],
    // a GFM table: header, delimiter, rows (escaped pipe kept in its cell)
    [
      '| Nhiệm vụ | Chủ trì |\n|---|:-:|\n| II.1 | **Sở Y tế** |\n| a \\| b | c |',
      [
        ['th', 'Nhiệm vụ | Chủ trì'],
        ['td', 'II.1 | <b>Sở Y tế</b>'],
        ['td', 'a | b | c'],
      ],
    ],
    // rows fenced by pipes without a delimiter row are a table without a header
    [
      '| a | b |\n| c | d |',
      [
        ['td', 'a | b'],
        ['td', 'c | d'],
      ],
    ],
    // one line with " | " (a PDF's two columns) stays a paragraph
    ['UBND TỈNH | CỘNG HÒA', [['p', 'UBND TỈNH | CỘNG HÒA']]],
    // a rule
    [
      'trên\n\n---\n\ndưới',
      [
        ['p', 'trên'],
        ['hr', ''],
        ['p', 'dưới'],
      ],
    ],
    // Windows line breaks
    [
      '# A\r\n\r\nB\r\nC',
      [
        ['h1', 'A'],
        ['p', 'B/C'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(outline(text)).toEqual(expected);
  });
});

describe('emphasis', () => {
  const inline = (text: string) => show(text, md.parseInlines(text, 0, text.length));
  it.each([
    ['**đậm** và *nghiêng*', '<b>đậm</b> và <i>nghiêng</i>'],
    ['“*về phát triển*”', '“<i>về phát triển</i>”'],
    ['***cả hai***', '<i><b>cả hai</b></i>'],
    ['_nghiêng_ và snake_case_name', '<i>nghiêng</i> và snake_case_name'],
    // unmatched or space-flanked markers stay as they are
    ['** Thời gian:* Thường xuyên', '** Thời gian:* Thường xuyên'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['**- Đơn vị chủ trì:**', '<b>- Đơn vị chủ trì:</b>'],
    // CommonMark's nesting of *a **b* c**
    ['*a **b* c**', '<i>a <i><i>b</i> c</i></i>'],
    // escapes
    ['\\*không\\* nghiêng', '*không* nghiêng'],
    // a hard break's trailing spaces are not text
    ['TM. ỦY BAN  \nCHỦ TỊCH', 'TM. ỦY BAN/CHỦ TỊCH'],
  ])('%j → %j', (text, expected) => {
    expect(inline(text)).toBe(expected);
  });

  it('stays linear on a line of thousands of markers', () => {
    const text = '*a '.repeat(20_000);
    const started = performance.now();
    md.parseInlines(text, 0, text.length);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('offsets', () => {
  it('every piece shown is a slice of the original, in order, without overlap', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zđ #*_|\\\-+:\n]{0,80}$/), (text) => {
        const pieces = md.parseBlocks(text).flatMap((b: Record<string, unknown>) => {
          const lists = [
            ...((b.inlines as Inline[] | undefined) ? [b.inlines as Inline[]] : []),
            ...((b.items as Array<{ inlines: Inline[] }> | undefined) ?? []).map((i) => i.inlines),
            ...((b.head as Array<{ inlines: Inline[] }> | null | undefined) ?? []).map((c) => c.inlines),
            ...((b.rows as Array<Array<{ inlines: Inline[] }>> | undefined) ?? [])
              .flat()
              .map((c) => c.inlines),
          ];
          return lists.flatMap((l) => md.textPieces(l)) as Array<{ start: number; end: number }>;
        });
        let last = 0;
        for (const p of pieces) {
          expect(p.start).toBeGreaterThanOrEqual(last);
          expect(p.end).toBeGreaterThan(p.start);
          expect(p.end).toBeLessThanOrEqual(text.length);
          last = p.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a heading’s markers are left out, its words keep their offsets', () => {
    const text = '## **Nghị quyết 36-NQ/TW**';
    const [block] = md.parseBlocks(text);
    const [piece] = md.textPieces(block.inlines);
    expect(text.slice(piece.start, piece.end)).toBe('Nghị quyết 36-NQ/TW');
    expect(piece.start).toBe(5);
  });
});
