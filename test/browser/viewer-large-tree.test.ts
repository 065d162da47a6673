// The viewer on a large tree: a generated national corpus (bench/national/, seed 7, 1,400 documents) whose
// central root 60-NQ/TW has about a thousand documents below it (some 19,000 entries with tasks and agencies).
// The tree must load lazily, stay a bounded number of DOM rows, filter to a province and open it in under 2 s,
// and never draw a blank or giant canvas. Debian's Chromium, as viewer.test.ts; skipped without it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_SKIP_REASON, chromiumAvailable, openViewerBrowser } from './browser-fixture.ts';
import { type NationalServer, REPO_ROOT, startNationalServer } from './server-fixture.ts';
import { allRows } from './tree-helpers.ts';

const available = chromiumAvailable;
const SHOTS = join(REPO_ROOT, 'test-results');
/** Rows in the DOM at most: a 70vh box of 34 px rows at 800 px is 17 rows, plus 12 above and 12 below. */
const MAX_DOM_ROWS = 60;

/** The drawing is either replaced by a summary, or a canvas of a sane size with something drawn on it. */
async function drawingState(page: Page) {
  return page.locator('body').evaluate((body) => {
    const document = body.ownerDocument;
    const summary = document.querySelector('.graph-summary');
    const box = document.querySelector('.graph-canvas');
    const canvases = [...document.querySelectorAll('.graph-canvas canvas')];
    let inked = 0;
    let biggest = 0;
    for (const c of canvases) {
      biggest = Math.max(biggest, c.width * c.height);
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) continue;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4 * 7) if ((data[i] as number) > 0) inked++;
    }
    return {
      summary: summary ? (summary.textContent ?? '') : null,
      canvasShown: box !== null && box.offsetParent !== null,
      height: box ? box.getBoundingClientRect().height : 0,
      inked,
      biggest,
    };
  });
}

if (!available) console.warn(`large-tree browser tests skipped: ${CHROMIUM_SKIP_REASON}`);

describe.skipIf(!available)(
  `viewer on a thousand-document tree${available ? '' : ` (skipped: ${CHROMIUM_SKIP_REASON})`}`,
  () => {
    let server: NationalServer;
    let browser: Browser;
    let page: Page;
    const problems: string[] = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await startNationalServer();
      ({ browser, page } = await openViewerBrowser(server.url, problems));
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('opens the root’s tree lazily: its first page of children, a bounded DOM, "Xem thêm" for the rest', async () => {
      expect(server.central).toBe('60-NQ/TW');
      const started = Date.now();
      await page.goto(`${server.url}/#/document/${encodeURIComponent(server.central)}`);
      await page.locator('.tree-panel[aria-busy="false"]').waitFor();
      await page.locator('.tree-item[aria-level="2"]').first().waitFor();
      const opened = Date.now() - started;
      console.log(`large tree: page with tree shown in ${opened} ms`);
      expect(opened).toBeLessThan(5_000);
      const count = await page.locator('.tree-count').textContent();
      const size = Number((count ?? '').replace(/\D/g, ''));
      expect(size).toBeGreaterThan(10_000);
      const rows = await allRows(page);
      // The root and all its children (fewer than a page of 100), nothing deeper: the next level would not fit.
      const label =
        (await page.locator('.tree-item[aria-level="1"] button.toggle').getAttribute('aria-label')) ?? '';
      const children = Number(/\((\d+) mục\)/.exec(label)?.[1]);
      expect(children).toBeGreaterThan(50);
      expect(rows.filter((r) => r.depth === 1)).toHaveLength(children);
      expect(rows.filter((r) => r.depth > 1)).toHaveLength(0);
      expect(rows.length).toBe(children + 1);
      expect(await page.locator('.tree-box li.tree-item').count()).toBeLessThanOrEqual(MAX_DOM_ROWS);
      const drawing = await drawingState(page);
      // Under a hundred nodes are drawn, in a canvas of bounded size with something on it.
      expect(drawing.summary).toBeNull();
      expect(drawing.height).toBeLessThanOrEqual(600);
      expect(drawing.inked).toBeGreaterThan(100);
      await page.locator('.tree-panel').screenshot({ path: join(SHOTS, 'viewer-large-tree.png') });
    });

    it('filters to one province and opens it in under 2 s, matches highlighted, nodes named by jurisdiction', async () => {
      // A province of the tree, read from a provincial document's row (data-province).
      const province = await page
        .locator('.tree-item[aria-level="2"].kind-document[data-province]')
        .first()
        .getAttribute('data-province');
      expect(province).toBeTruthy();
      const select = page.locator('select[id^="tree-province-"]');
      await page.locator(`select option[value="${province}"]`).first().waitFor({ state: 'attached' });
      const started = Date.now();
      await select.selectOption(province as string);
      await page.locator('.tree-status', { hasText: 'mục khớp bộ lọc' }).waitFor();
      await page.locator('.tree-panel[aria-busy="false"]').waitFor();
      // The province's own documents under the root, opened (by the first levels, or here).
      const provincial = page.locator(
        `.tree-item[aria-level="2"].kind-document[data-province="${province}"].match`,
      );
      await provincial.first().waitFor();
      const first = provincial.first();
      if ((await first.getAttribute('aria-expanded')) === 'false')
        await first.locator('> .tree-row > button.toggle').click();
      await page.locator('.tree-item[aria-level="3"]').first().waitFor();
      const elapsed = Date.now() - started;
      console.log(`large tree: filtered to ${province} and opened in ${elapsed} ms`);
      // The goal is 2 s (about 0.5 s alone); the bound leaves room for a suite loading both cores, and still
      // catches a tree that freezes or loads whole (tens of seconds).
      expect(elapsed).toBeLessThan(5_000);

      const matches = Number(
        (
          /([\d.]+) mục khớp/.exec((await page.locator('.tree-status').textContent()) ?? '')?.[1] ?? ''
        ).replaceAll('.', ''),
      );
      expect(matches).toBeGreaterThan(0);
      const rows = await allRows(page);
      // Only the path to matches is kept: every document row below the root belongs to the province (district
      // and commune documents carry it too), and the matches are marked.
      const docs = rows.filter((r) => r.kind === 'document' && r.depth > 0);
      expect(docs.length).toBeGreaterThan(0);
      // Rows kept only as the path to a match may be of another province; every match is of this one.
      const provinces = await page
        .locator('.tree-item.kind-document.match')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-province')));
      expect(new Set(provinces)).toEqual(new Set([province]));
      expect(provinces.length).toBeGreaterThan(0);
      expect(await page.locator('.tree-box li.tree-item').count()).toBeLessThanOrEqual(MAX_DOM_ROWS);

      const drawing = await drawingState(page);
      if (drawing.summary === null) {
        expect(drawing.canvasShown).toBe(true);
        expect(drawing.height).toBeLessThanOrEqual(600);
        expect(drawing.inked).toBeGreaterThan(100);
        // Same-symbol documents of different provinces are told apart: labels name the jurisdiction.
        const labels = await page.locator('.graph-canvas').evaluate((box) => {
          // cytoscape's instance hangs off its container.
          const cy = box._cyreg?.cy;
          return cy
            ? cy.nodes('.doc.province.match').map((n: { data(k: string): string }) => n.data('label'))
            : [];
        });
        expect(labels.length).toBeGreaterThan(0);
        for (const l of labels) expect(l).toContain(`· ${province}`);
      }
      await page.locator('.tree-panel').screenshot({ path: join(SHOTS, 'viewer-large-tree-province.png') });
      await page.getByRole('button', { name: 'Bỏ lọc' }).click();
      await page.locator('.tree-status', { hasText: 'mục khớp' }).waitFor({ state: 'hidden' });
    });

    it('"Mở rộng tất cả" does not freeze on the whole tree; a drawing too large becomes a summary', async () => {
      // A fresh page: a hash change keeps the previous page in the DOM until the next one has loaded, and a click
      // on the outgoing panel would be lost with it.
      await page.goto(`${server.url}/#/document/${encodeURIComponent(server.central)}`);
      await page.reload();
      await page.locator('.tree-panel[aria-busy="false"]').waitFor();
      await page.locator('.tree-item[aria-level="2"]').first().waitFor();
      const started = Date.now();
      await page.getByRole('button', { name: 'Mở rộng tất cả' }).click();
      await page.locator('.tree-notice', { hasText: 'quá 500' }).waitFor();
      const elapsed = Date.now() - started;
      console.log(`large tree: "Mở rộng tất cả" answered in ${elapsed} ms`);
      expect(elapsed).toBeLessThan(5_000);
      // The page still answers at once.
      const ping = Date.now();
      await page.evaluate(() => 1);
      expect(Date.now() - ping).toBeLessThan(500);
      // Filtered to a province, the tree has fewer than 500 matches: "Mở rộng tất cả" opens it whole, more than
      // 300 entries, and the drawing gives way to a summary.
      const province = await page
        .locator('.tree-item[aria-level="2"].kind-document[data-province]')
        .first()
        .getAttribute('data-province');
      await page.locator('select[id^="tree-province-"]').selectOption(province as string);
      await page.locator('.tree-status', { hasText: 'mục khớp bộ lọc' }).waitFor();
      const matches = Number(
        (
          /([\d.]+) mục khớp/.exec((await page.locator('.tree-status').textContent()) ?? '')?.[1] ?? ''
        ).replaceAll('.', ''),
      );
      expect(matches).toBeGreaterThan(300);
      expect(matches).toBeLessThanOrEqual(500);
      const opening = Date.now();
      await page.getByRole('button', { name: 'Mở rộng tất cả' }).click();
      await page.locator('.tree-notice[hidden]').waitFor({ state: 'attached' });
      await page.locator('.graph-summary').waitFor();
      console.log(`large tree: ${province} (${matches} matches) opened whole in ${Date.now() - opening} ms`);
      const rows = await allRows(page);
      expect(rows.length).toBeGreaterThan(matches);
      expect(rows.every((r) => r.expanded !== 'false')).toBe(true);
      const drawing = await drawingState(page);
      expect(drawing.summary).toContain('quá nhiều để vẽ');
      expect(drawing.summary).toContain('Theo tỉnh');
      expect(drawing.canvasShown).toBe(false);
      expect(await page.locator('.tree-box li.tree-item').count()).toBeLessThanOrEqual(MAX_DOM_ROWS);
      await page.locator('.tree-panel').screenshot({ path: join(SHOTS, 'viewer-large-tree-summary.png') });
    });

    it('pages children past 100 behind "Xem thêm (n)", loaded by cursor (a generated entry of 250 children)', async () => {
      // The corpus has no entry with more than 100 children: the panel is mounted in the page over a source that
      // answers like the API (pages of `first` by cursor) for one root with 250 children.
      const result = await page.locator('body').evaluate(async (body) => {
        const win = body.ownerDocument.defaultView;
        // Built by the page's Function, so the test runner does not rewrite the dynamic import.
        const load = new win.Function('u', 'return import(u)');
        const { treePanel } = await load('/viewer/components/tree-panel.js');
        const node = (i: number) => ({
          id: `doc:x${i}`,
          kind: 'DOCUMENT',
          name: `Văn bản ${i}`,
          symbol: `${i}/KH-UBND`,
          level: 'PROVINCE',
          jurisdiction: 'Hà Giang',
          province: 'Hà Giang',
        });
        const entry = (i: number, depth: number, childCount: number) => ({
          depth,
          parentId: null,
          relation: depth ? 'IMPLEMENTS' : null,
          repeated: false,
          childCount,
          descendantCount: childCount,
          matches: null,
          descendantMatches: null,
          node: node(i),
        });
        const asked: string[] = [];
        const source = {
          async pages(requests: { parent: string | null; first: number; after: string | null }[]) {
            return requests.map((r) => {
              asked.push(`${r.parent}:${r.first}:${r.after}`);
              if (r.parent === null)
                return {
                  totalCount: 1,
                  pageInfo: { hasNextPage: false, endCursor: 'r' },
                  edges: [{ cursor: 'r', node: entry(0, 0, 250) }],
                };
              const from = r.after ? Number(r.after) : 0;
              const to = Math.min(250, from + r.first);
              const edges = [];
              for (let i = from; i < to; i++) edges.push({ cursor: String(i + 1), node: entry(i + 1, 1, 0) });
              return { totalCount: 250, pageInfo: { hasNextPage: to < 250, endCursor: String(to) }, edges };
            });
          },
        };
        const panel = treePanel('x', { graph: false, filters: false, source });
        const host = body.ownerDocument.createElement('div');
        host.id = 'paging-test';
        body.prepend(host);
        host.append(panel.element);
        await panel.ready;
        await panel.mounted();
        const frame = () => new Promise((r) => win.requestAnimationFrame(() => win.requestAnimationFrame(r)));
        const box = host.querySelector('.tree-box');
        const moreLabel = async () => {
          box.scrollTop = box.scrollHeight;
          await frame();
          return host.querySelector('.tree-more button')?.textContent ?? null;
        };
        const labels = [await moreLabel()];
        host.querySelector('.tree-more button').click();
        await frame();
        await frame();
        labels.push(await moreLabel());
        host.querySelector('.tree-more button').click();
        await frame();
        await frame();
        labels.push(await moreLabel());
        const last = [...host.querySelectorAll('li.tree-item[role="treeitem"]')].pop()?.textContent ?? '';
        const domRows = host.querySelectorAll('li.tree-item').length;
        panel.destroy();
        host.remove();
        return { labels, asked, last, domRows };
      });
      expect(result.labels).toEqual(['Xem thêm (150)', 'Xem thêm (50)', null]);
      expect(result.asked).toEqual(['null:1:null', 'doc:x0:100:null', 'doc:x0:100:100', 'doc:x0:50:200']);
      expect(result.last).toContain('250/KH-UBND');
      expect(result.domRows).toBeLessThanOrEqual(MAX_DOM_ROWS);
    });

    it('shows who implemented the resolution on time: a grid of the 63 provinces and a table that sorts', async () => {
      await page.goto(`${server.url}/#/timeliness/${encodeURIComponent(server.central)}?asOf=2030-01-01`);
      await page.reload();
      await page.locator('main h1', { hasText: 'đúng hạn' }).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      // The API's own answer, to compare the page with.
      const api = await page.evaluate(async (ref) => {
        const r = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query:
              'query($ref: String!) { timeliness(ref: $ref, level: PROVINCE, asOf: "2030-01-01") { dueBy counts { onTime late silentOverdue } } }',
            variables: { ref },
          }),
        });
        const body = (await r.json()) as {
          data: {
            timeliness: { dueBy: string; counts: { onTime: number; late: number; silentOverdue: number } };
          };
        };
        return body.data.timeliness;
      }, server.central);
      expect(api.counts.late).toBeGreaterThan(0);
      expect(await page.locator('.unit-grid .unit-cell').count()).toBe(63);
      expect(await page.locator('.unit-grid .unit-cell[data-status="LATE"]').count()).toBe(api.counts.late);
      expect(await page.locator('.unit-grid .unit-cell[data-status="ON_TIME"]').count()).toBe(
        api.counts.onTime,
      );
      expect(await page.locator('.summary').first().textContent()).toContain('Thời hạn văn bản giao');
      // Sorted by lag: the numbers never go down (units without a lag last).
      await page.getByRole('button', { name: 'Độ trễ (ngày)' }).click();
      const lags = (await page.locator('.timeliness-table tbody tr td.num:nth-of-type(4)').allTextContents())
        .filter((t) => t !== '—')
        .map(Number);
      expect(lags.length).toBe(api.counts.late + api.counts.onTime);
      for (let i = 1; i < lags.length; i++)
        expect(lags[i] as number).toBeGreaterThanOrEqual(lags[i - 1] as number);
      expect(await page.locator('th[data-key="lag"]').getAttribute('aria-sort')).toBe('ascending');
      await page.getByRole('button', { name: 'Độ trễ (ngày)' }).click();
      expect(await page.locator('th[data-key="lag"]').getAttribute('aria-sort')).toBe('descending');
      await page.screenshot({ path: join(SHOTS, 'viewer-timeliness.png'), fullPage: true });
    });

    it('made no request outside the server and logged no error', () => {
      expect(problems).toEqual([]);
    });
  },
);
