// IO (PDF orientation): text items turned on the page — a wide table printed across a portrait page, its
// baselines running up the page — brought back to upright coordinates, so lines are rebuilt along their
// baselines instead of across them (which reads a rotated table as letters in columns). Pure.
import type { PositionedText } from './pdf-lines.ts';

/** How far an item's baseline is turned counter-clockwise from left-to-right, in degrees. */
export type Turn = 0 | 90 | 180 | 270;

export interface TurnedText extends PositionedText {
  turn: Turn;
}

/** The turn of a text matrix [a, b, c, d, …]: the direction of its baseline vector (a, b). */
export function turnOf(a: number, b: number): Turn {
  if (Math.abs(a) >= Math.abs(b)) return a >= 0 ? 0 : 180;
  return b > 0 ? 90 : 270;
}

/** The item in the frame where its baseline runs left to right and up is up. */
function upright(item: TurnedText): PositionedText {
  const { str, x, y, width, size } = item;
  switch (item.turn) {
    case 90:
      return { str, x: y, y: -x, width, size };
    case 270:
      return { str, x: -y, y: x, width, size };
    case 180:
      return { str, x: -x, y: -y, width, size };
    default:
      return { str, x, y, width, size };
  }
}

/**
 * A page's items as groups that each read upright: the upright items first (running heads, a portrait header),
 * then each turned group, the most text first. Almost every page is one group.
 */
export function uprightGroups(items: readonly TurnedText[]): PositionedText[][] {
  const byTurn = new Map<Turn, { items: PositionedText[]; chars: number }>();
  for (const item of items) {
    let group = byTurn.get(item.turn);
    if (!group) {
      group = { items: [], chars: 0 };
      byTurn.set(item.turn, group);
    }
    group.items.push(upright(item));
    group.chars += item.str.trim().length;
  }
  return [...byTurn]
    .sort(([ta, a], [tb, b]) => (ta === 0 ? -1 : tb === 0 ? 1 : b.chars - a.chars))
    .map(([, g]) => g.items);
}
