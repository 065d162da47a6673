// Helpers for the virtual tree list: only the rows in view exist in the DOM, so reading the whole tree means
// scrolling its box from top to bottom (each row carries its index in the list, data-row).
import type { Page } from 'playwright-core';

export interface TreeRow {
  row: number;
  key: string;
  nodeId: string;
  depth: number;
  kind: string;
  label: string;
  expanded: string | null;
  text: string;
}

const BOX = '.tree-box';

/** Every row of the (first) tree list, in order, read by scrolling its box. Leaves the box scrolled to the top. */
export async function allRows(page: Page, box = BOX): Promise<TreeRow[]> {
  return page
    .locator(box)
    .first()
    .evaluate(async (el) => {
      const seen = new Map<number, TreeRow>();
      const read = () => {
        for (const li of el.querySelectorAll('li.tree-item[role="treeitem"]')) {
          const row = Number(li.dataset.row);
          seen.set(row, {
            row,
            key: li.dataset.key ?? '',
            nodeId: li.dataset.nodeId ?? '',
            depth: Number(li.dataset.depth),
            kind: [...li.classList].find((c) => c.startsWith('kind-'))?.slice(5) ?? '',
            label: li.querySelector('.tree-label a.node-link')?.textContent ?? '',
            expanded: li.getAttribute('aria-expanded'),
            text: li.textContent ?? '',
          });
        }
      };
      const win = el.ownerDocument.defaultView;
      const frame = () =>
        new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
      el.scrollTop = 0;
      await frame();
      for (;;) {
        read();
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
        el.scrollTop += Math.max(100, el.clientHeight / 2);
        await frame();
      }
      el.scrollTop = 0;
      await frame();
      return [...seen.values()].sort((a, b) => a.row - b.row);
    });
}

/** Scrolls the box so row `row` is in view and waits for it to be drawn. */
export async function scrollToRow(page: Page, row: number, box = BOX): Promise<void> {
  await page
    .locator(box)
    .first()
    .evaluate(async (el, r) => {
      const li = el.querySelector('li');
      const height = li ? li.getBoundingClientRect().height : 34;
      el.scrollTop = Math.max(0, r * height - el.clientHeight / 2);
      const win = el.ownerDocument.defaultView;
      await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
    }, row);
  await page.locator(`${box} li[data-row="${row}"]`).waitFor();
}

/** The ancestors' labels of the row at `index` in `rows` (nearest first), read from the rows' depths. */
export function ancestorLabels(rows: TreeRow[], index: number): string[] {
  const out: string[] = [];
  let depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0 && depth > 0; i--) {
    const r = rows[i] as TreeRow;
    if (r.depth < depth) {
      out.push(r.label);
      depth = r.depth;
    }
  }
  return out;
}

/** Opens the row of `nodeId` if closed (found by scrolling) and waits until its first child is drawn. */
export async function expandRow(page: Page, nodeId: string, box = BOX): Promise<void> {
  const rows = await allRows(page, box);
  const row = rows.find((r) => r.nodeId === nodeId);
  if (!row) throw new Error(`no row for ${nodeId}`);
  if (row.expanded === 'true') return;
  await scrollToRow(page, row.row, box);
  await page.locator(`${box} li[data-row="${row.row}"] > .tree-row > button.toggle`).click();
  await page.locator(`${box} li[data-row="${row.row}"][aria-expanded="true"]`).waitFor();
  await page.locator(`${box} li[data-row="${row.row + 1}"][role="treeitem"]`).waitFor();
}
