// Browser tests of what a researcher or auditor relies on: errors said in Vietnamese (the code in small print), an
// ambiguous reference's candidates told apart, a document's Markdown rendered with its citations still placed by
// offset, cited-by grouped with its provenance, a print view, and the lineage tree's view kept in the address.
// The seeds, plus a Bình Định plan (Markdown with a table) citing the 2018 36-NQ/TW, so the bare "36-NQ/TW" is
// ambiguous.
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_SKIP_REASON, chromiumAvailable, openViewerBrowser } from './browser-fixture.ts';
import { REPO_ROOT, type SeedsServer, startSeedsServer } from './server-fixture.ts';
import { allRows, expandRow } from './tree-helpers.ts';

const available = chromiumAvailable;
if (!available) console.warn(`viewer audit browser tests skipped: ${CHROMIUM_SKIP_REASON}`);

const SHOTS = join(REPO_ROOT, 'test-results');
const DOC_36_2023 = 'doc:36-nq/tw@central@2023-01-30';
const DOC_36_2018 = 'doc:36-nq/tw@central@2018-10-22';
const BINH_DINH = {
  source: 'extra/binh-dinh-120-kh-ubnd.md',
  text: `ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH

Số: 120/KH-UBND

Bình Định, ngày 15 tháng 3 năm 2019

# KẾ HOẠCH

**Thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045**

Thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045, Ủy ban nhân dân tỉnh Bình Định ban hành Kế hoạch thực hiện như sau:

## I. MỤC ĐÍCH, YÊU CẦU

- Quán triệt *sâu rộng* nội dung Nghị quyết số 36-NQ/TW.
- Xác định rõ nhiệm vụ của các sở, ngành.

## II. NHIỆM VỤ

| Nhiệm vụ | Cơ quan chủ trì | Thời gian |
|---|---|---|
| Tuyên truyền Nghị quyết số 36-NQ/TW | Sở Thông tin và Truyền thông | Năm 2019 |
| Quy hoạch không gian biển | Sở Tài nguyên và Môi trường | Năm 2020 |
`,
};

interface DocumentAnswer {
  document: {
    id: string;
    text: string;
    references: Array<{ mentions: Array<{ start: number; end: number }> }>;
  };
}

describe.skipIf(!available)(
  `viewer for audits in Chromium${available ? '' : ` (skipped: ${CHROMIUM_SKIP_REASON})`}`,
  () => {
    let server: SeedsServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const problems: string[] = [];

    /** The text as shown (Playwright's innerText: CSS applied, a closed <details> left out), not textContent. */
    // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees is the point of these checks
    const seen = (locator: Locator) => locator.innerText();
    const shown = async (heading: string, on = page) => {
      await on.locator('main h1', { hasText: heading }).first().waitFor();
      await on.locator('main[aria-busy="false"]').waitFor();
    };
    /** Opens a route afresh: a hash-only goto can leave the previous page's DOM while the new one loads. */
    const open = async (hash: string, on = page) => {
      await on.goto(`${server.url}/${hash}`);
      await on.reload();
    };
    const api = async <T>(query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return ((await response.json()) as { data: T }).data;
    };

    beforeAll(async () => {
      server = await startSeedsServer([BINH_DINH]);
      ({ browser, context, page } = await openViewerBrowser(server.url, problems));
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await server?.close();
    });

    it('says an unknown symbol, a bad reference and an unknown page in Vietnamese, the code in small print', async () => {
      await open(`#/document/${encodeURIComponent('999-NQ/TW')}`);
      await shown('Không tìm thấy');
      const alert = page.locator('[role="alert"]');
      expect(await alert.count()).toBe(1);
      expect(await seen(alert.locator('.error-text'))).toContain('“999-NQ/TW”');
      const visible = await seen(page.locator('main'));
      // The API's English message is not the text (it is folded away for support, under the code).
      expect(visible).not.toMatch(/no document matches|document|match/i);
      expect(await seen(alert.locator('.error-code summary'))).toBe('Mã lỗi: NOT_FOUND');
      expect(await alert.locator('.error-code code').textContent()).toContain('no document matches');

      await open(`#/document/${encodeURIComponent('%')}`);
      await shown('Tham chiếu hoặc bộ lọc không hợp lệ');
      expect(await seen(page.locator('.error-text'))).toContain('không phải một tham chiếu hợp lệ');
      expect(await seen(page.locator('.error-code summary'))).toBe('Mã lỗi: BAD_USER_INPUT');
      expect(await seen(page.locator('main'))).not.toMatch(/is not a reference|expected/);

      await open('#/nowhere/x');
      await shown('Không có trang này');
      expect(await seen(page.locator('.error-code summary'))).toBe('Mã lỗi: NO_SUCH_PAGE');
    });

    it('lists an ambiguous reference’s candidates with issuer, date, level, subject and sources, each linked', async () => {
      await open(`#/document/${encodeURIComponent('36-NQ/TW')}`);
      await shown('Ký hiệu này ứng với nhiều văn bản');
      const candidates = page.locator('li.candidate');
      await candidates.nth(1).waitFor();
      expect(await candidates.count()).toBe(2);
      const texts = await candidates.allInnerTexts();
      expect(texts[0]).toContain('22/10/2018');
      expect(texts[0]).toContain('Ban Chấp hành Trung ương');
      expect(texts[0]).toContain('Chiến lược phát triển bền vững kinh tế biển');
      expect(texts[0]).toContain(BINH_DINH.source);
      expect(texts[1]).toContain('30/01/2023');
      expect(texts[1]).toContain('Bộ Chính trị');
      for (const t of texts) expect(t).toContain('Trung ương');
      const links = candidates.locator('h2 a.node-link');
      expect(await links.allTextContents()).toEqual(['36-NQ/TW', '36-NQ/TW']);
      expect(await links.nth(0).getAttribute('href')).toBe(`#/document/${encodeURIComponent(DOC_36_2018)}`);
      await page.screenshot({ path: join(SHOTS, 'viewer-ambiguous-36-NQ-TW.png'), fullPage: true });
      await links.nth(1).click();
      await shown('36-NQ/TW');
      expect(decodeURIComponent(page.url())).toContain(`#/document/${DOC_36_2023}`);

      // On the coverage page the candidates lead to the coverage of each, with the same settings.
      await open(`#/coverage/${encodeURIComponent('36-NQ/TW')}?level=PROVINCE`);
      await shown('Ký hiệu này ứng với nhiều văn bản');
      expect(await page.locator('li.candidate h2 a').nth(1).getAttribute('href')).toBe(
        `#/coverage/${encodeURIComponent(DOC_36_2023)}?level=PROVINCE`,
      );
    });

    it('renders a document’s Markdown (headings, lists, tables, bold) with every citation still linked at its offsets', async () => {
      await open(`#/document/${encodeURIComponent('1693/KH-UBND')}`);
      await shown('1693/KH-UBND');
      const body = page.locator('.doc-text');
      expect(await body.locator('h4.md-heading', { hasText: /^KẾ HOẠCH$/ }).count()).toBe(1);
      expect(await body.locator('h5.md-heading').count()).toBeGreaterThan(2);
      expect(await body.locator('ul.md-list > li').count()).toBeGreaterThan(10);
      // "+" items under "-" ones are a nested list.
      expect(await body.locator('ul.md-list ul.md-list > li').count()).toBeGreaterThan(0);
      const shownText = await seen(body);
      expect(shownText).not.toContain('**');
      expect(shownText).not.toMatch(/^#+ /m);
      // A citation inside bold text is still a link.
      const boldCite = body.locator('strong a.cite', { hasText: '57-CTr/TU' }).first();
      expect(await boldCite.getAttribute('href')).toBe(
        `#/document/${encodeURIComponent('doc:57-ctr/tu@kon-tum@2023-04-28')}`,
      );
      // Every mention's link holds exactly the text at its offsets in the original.
      const id = decodeURIComponent(page.url().split('#/document/')[1] ?? '');
      const { document: doc } = await api<DocumentAnswer>(
        'query($ref: String!) { document(ref: $ref) { id text references { mentions { start end } } } }',
        { ref: id },
      );
      const marks = await body
        .locator('a.cite[data-start]')
        .evaluateAll((as) => as.map((a) => ({ start: Number(a.dataset.start), text: a.textContent ?? '' })));
      expect(marks.length).toBeGreaterThanOrEqual(10);
      const mentions = new Map(
        doc.references.flatMap((r) => r.mentions).map((m) => [m.start, doc.text.slice(m.start, m.end)]),
      );
      for (const m of marks) expect(m.text).toBe(mentions.get(m.start));

      // A table, with a citation in a cell.
      await open(`#/document/${encodeURIComponent('120/KH-UBND')}`);
      await shown('120/KH-UBND');
      const table = page.locator('.doc-text table.md-table');
      expect(await table.locator('thead th').allTextContents()).toEqual([
        'Nhiệm vụ',
        'Cơ quan chủ trì',
        'Thời gian',
      ]);
      expect(await table.locator('tbody tr').count()).toBe(2);
      expect(await table.locator('tbody td a.cite').first().getAttribute('href')).toBe(
        `#/document/${encodeURIComponent(DOC_36_2018)}`,
      );
      expect(await seen(page.locator('.doc-text'))).not.toContain('|');
      await page.locator('.text-layout').screenshot({ path: join(SHOTS, 'viewer-markdown-120-KH-UBND.png') });
    });

    it('groups cited-by per citing document, one row each, with every assertion’s relation, method, file and offsets', async () => {
      await open(`#/document/${encodeURIComponent(DOC_36_2023)}`);
      await shown('36-NQ/TW');
      const rows = page.locator('li.cited-by');
      await rows.first().waitFor();
      const ids = await rows.evaluateAll((lis) => lis.map((li) => li.dataset.nodeId));
      expect(ids.length).toBeGreaterThan(1);
      expect(new Set(ids).size).toBe(ids.length);
      // 57-CTr/TU is known only through the two plans that state it implements 36-NQ/TW: one row, two assertions.
      const row = page.locator('li.cited-by[data-node-id="doc:57-ctr/tu@kon-tum@2023-04-28"]');
      const assertions = await row.locator('.provenance li').allInnerTexts();
      expect(assertions).toHaveLength(2);
      for (const a of assertions)
        expect(a).toMatch(/^Triển khai · nêu trong văn bản · seeds\/00[04]_\w+\.txt ký tự \d+–\d+$/);
      expect(await row.locator('.rel').allTextContents()).toEqual(['Triển khai']);
    });

    it('prints: no search, toolbars, filters or drawing, the tree list whole as it is open; "In trang" prints', async () => {
      await open(`#/document/${encodeURIComponent(DOC_36_2023)}`);
      await shown('36-NQ/TW');
      await page.locator('.tree-panel[aria-busy="false"]').waitFor();
      await page.getByRole('button', { name: 'Mở rộng tất cả' }).click();
      await page.locator('.tree-notice[hidden]').waitFor({ state: 'attached' });
      const rows = await allRows(page);
      const inDom = () => page.locator('.tree-box li.tree-item[role="treeitem"]').count();
      // On screen the list is virtual: fewer rows in the DOM than in the tree.
      expect(await inDom()).toBeLessThan(rows.length);
      // window.print() is the browser's dialog: counted instead.
      await page.evaluate(() => {
        const w = globalThis as unknown as { printed: number; print: () => void };
        w.printed = 0;
        w.print = () => {
          w.printed++;
        };
      });
      await page.getByRole('button', { name: 'In trang' }).click();
      expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);

      await page.emulateMedia({ media: 'print' });
      try {
        for (const hidden of [
          '#search-form',
          '.tree-panel .toolbar',
          '.tree-filter',
          '.graph-host',
          '.page-actions',
        ])
          expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
        expect(await page.locator('.tree-box').isVisible()).toBe(true);
        await expect.poll(inDom).toBe(rows.length);
        expect(await page.locator('.tree-box li.tree-item').last().isVisible()).toBe(true);
        const color = await page
          .locator('main h1')
          .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).color);
        expect(color).toBe('rgb(0, 0, 0)');
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        await page.screenshot({ path: join(SHOTS, 'viewer-print-36-NQ-TW.png'), fullPage: true });
      } finally {
        await page.emulateMedia({ media: null });
      }
      await expect.poll(inDom).toBeLessThan(rows.length);
    });

    it('keeps the tree’s filter and what was opened or closed in the address: a new page opens the same view', async () => {
      await open(`#/document/${encodeURIComponent(DOC_36_2023)}`);
      await shown('36-NQ/TW');
      await page.locator('.tree-panel[aria-busy="false"]').waitFor();
      await page.locator('.tree-filter select[id^="tree-province"]').selectOption('Kon Tum');
      await page.waitForURL(/province=Kon/);
      await page.locator('.tree-panel[aria-busy="false"] .tree-status', { hasText: 'khớp' }).waitFor();
      // A task whose agencies start closed, opened by hand; a plan open at first, closed by hand.
      const before = await allRows(page);
      const closedTask = before.find((r) => r.kind === 'task' && r.expanded === 'false');
      expect(closedTask).toBeDefined();
      await expandRow(page, closedTask?.nodeId as string);
      const plan = before.find((r) => r.label === '57-CTr/TU' && r.expanded === 'true');
      expect(plan).toBeDefined();
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`open=${closedTask?.nodeId}`));
      const opened = await allRows(page);
      expect(opened.find((r) => r.nodeId === closedTask?.nodeId)?.expanded).toBe('true');
      const url = page.url();
      expect(url).toContain('province=Kon+Tum');

      const other = await context.newPage();
      try {
        await other.goto(url);
        await shown('36-NQ/TW', other);
        await other.locator('.tree-panel[aria-busy="false"]').waitFor();
        expect(await other.locator('.tree-filter select[id^="tree-province"]').inputValue()).toBe('Kon Tum');
        expect(await other.locator('.tree-status').textContent()).toMatch(/khớp bộ lọc/);
        const again = await allRows(other);
        expect(again.map((r) => [r.nodeId, r.expanded])).toEqual(opened.map((r) => [r.nodeId, r.expanded]));
        expect(other.url()).toBe(url);
      } finally {
        await other.close();
      }

      // Closing what opened by itself is kept too; clearing the filter takes it out of the address.
      await page.locator(`.tree-item[data-node-id="${plan?.nodeId}"] > .tree-row > button.toggle`).click();
      await page.waitForURL(/shut=/);
      const shut = page.url();
      const third = await context.newPage();
      try {
        await third.goto(shut);
        await shown('36-NQ/TW', third);
        await third.locator('.tree-panel[aria-busy="false"]').waitFor();
        const rows = await allRows(third);
        expect(rows.find((r) => r.nodeId === plan?.nodeId)?.expanded).toBe('false');
        expect(rows.some((r) => r.label === '1693/KH-UBND')).toBe(false);
      } finally {
        await third.close();
      }
      await page.getByRole('button', { name: 'Bỏ lọc' }).click();
      await page.waitForURL((u) => !u.href.includes('province='));

      // A filter in the address that names nothing: the tree unfiltered, and why, in Vietnamese.
      await open(`#/document/${encodeURIComponent(DOC_36_2023)}?province=Atlantis`);
      await shown('36-NQ/TW');
      await page.locator('.tree-panel[aria-busy="false"]').waitFor();
      const notice = (await page.locator('.tree-notice').textContent()) ?? '';
      expect(notice).toMatch(/^Bộ lọc trong địa chỉ không dùng được \(Bộ lọc không hợp lệ/);
      expect(notice).not.toMatch(/unknown province/);
      expect((await allRows(page)).length).toBeGreaterThan(5);
    });

    it('made no request outside the server and logged no error', () => {
      expect(problems).toEqual([]);
    });
  },
);
