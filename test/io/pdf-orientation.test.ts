// Turned text on a PDF page (pdf-orientation.ts): whatever way a table is turned, its rows come out as the same
// lines as upright, after the page's upright text.
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../src/io/pdf-lines.ts';
import { type Turn, type TurnedText, turnOf, uprightGroups } from '../../src/io/pdf-orientation.ts';

/** Two rows of two words, upright at (x, y), then turned about the origin by `turn`. */
function rows(turn: Turn): TurnedText[] {
  const upright = [
    { str: 'Sở Tài chính', x: 100, y: 500 },
    { str: 'hằng năm', x: 300, y: 500 },
    { str: 'Sở Nội vụ', x: 100, y: 480 },
    { str: 'Quý III', x: 300, y: 480 },
  ];
  const rad = (turn * Math.PI) / 180;
  return upright.map(({ str, x, y }) => ({
    str,
    x: Math.round(x * Math.cos(rad) - y * Math.sin(rad)),
    y: Math.round(x * Math.sin(rad) + y * Math.cos(rad)),
    width: str.length * 5,
    size: 10,
    turn,
  }));
}

describe('turned text', () => {
  it('reads the turn off the text matrix', () => {
    expect([turnOf(10, 0), turnOf(0, 10), turnOf(-10, 0), turnOf(0, -10)]).toEqual([0, 90, 180, 270]);
  });
  it.each([90, 180, 270] as const)('a table turned %i° reads as upright', (turn) => {
    const upright = pageLines(uprightGroups(rows(0))[0] ?? []);
    expect(upright.join(' ')).toMatch(/^Sở Tài chính.*Sở Nội vụ/);
    const groups = uprightGroups(rows(turn));
    expect(groups).toHaveLength(1);
    expect(pageLines(groups[0] ?? [])).toEqual(upright);
  });
  it('puts the page’s upright text (its running head) before a turned table', () => {
    const head: TurnedText = { str: 'CÔNG BÁO', x: 200, y: 800, width: 40, size: 10, turn: 0 };
    const groups = uprightGroups([...rows(90), head]);
    expect(groups.map((g) => g.map((i) => i.str))).toEqual([
      ['CÔNG BÁO'],
      ['Sở Tài chính', 'hằng năm', 'Sở Nội vụ', 'Quý III'],
    ]);
  });
});
