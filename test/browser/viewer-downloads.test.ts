// Browser tests of the viewer's download links (Debian's Chromium, the seeds): the agency page's mandates (overdue
// as of the date picked there), the document page's lineage tree and mandates, the coverage page's table — each
// link downloads a file that parses and holds what the page shows. Skipped, saying why, without /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, readXlsx } from '../support/export-readers.ts';
import { CHROMIUM_SKIP_REASON, chromiumAvailable, openViewerBrowser } from './browser-fixture.ts';
import { type SeedsServer, startSeedsServer } from './server-fixture.ts';

if (!chromiumAvailable) console.warn(`viewer download tests skipped: ${CHROMIUM_SKIP_REASON}`);

const AGENCY = 'agency:lien-hiep-cac-hoi-khoa-hoc-va-ky-thuat-tinh@quang-ngai';

describe.skipIf(!chromiumAvailable)('viewer downloads', () => {
  let server: SeedsServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const shown = async (heading: string) => {
    await page.locator('main h1', { hasText: heading }).first().waitFor();
    await page.locator('main[aria-busy="false"]').waitFor();
  };
  /** Clicks a download link and gives the file's suggested name and bytes. */
  const download = async (selector: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  };
  const hrefOf = async (selector: string) =>
    (await page.locator(selector).first().getAttribute('href')) ?? '';

  beforeAll(async () => {
    server = await startSeedsServer();
    ({ browser, context, page } = await openViewerBrowser(server.url, problems));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('downloads an agency’s mandates, overdue as of the date picked on the page', async () => {
    await page.goto(`${server.url}/#/agency/${encodeURIComponent(AGENCY)}?on=2022-04-01`);
    await shown('Liên hiệp các Hội Khoa học và Kỹ thuật');
    const xlsx = '.downloads a.download-link[data-format="xlsx"]';
    expect(await hrefOf(xlsx)).toBe(
      `/export/mandates.xlsx?agency=${encodeURIComponent(AGENCY)}&asOf=2022-04-01`,
    );
    expect(await page.locator('.downloads').textContent()).toBe('Tải bảng nhiệm vụ: Excel (.xlsx) · CSV');
    await page.locator('#as-of').fill('2021-01-01');
    await page.locator('.summary', { hasText: '01/01/2021' }).waitFor();
    expect(await hrefOf(xlsx)).toContain('asOf=2021-01-01');
    await page.locator('#as-of').fill('2022-04-01');
    await page.locator('.summary', { hasText: '01/04/2022' }).waitFor();
    const { name, bytes } = await download(xlsx);
    expect(name).toBe('nhiem-vu-giao_lien-hiep-cac-hoi-khoa-hoc-va-ky-thuat-tinh-quang-ngai_2022-04-01.xlsx');
    const [sheet] = await readXlsx(bytes);
    const shownRows = await page.locator('table.mandates tbody tr').count();
    expect(sheet?.rows.length).toBe(shownRows);
    const overdueShown = await page.locator('table.mandates tbody tr.overdue').count();
    expect(sheet?.rows.filter((r) => r['Quá hạn tính đến 01/04/2022'] === 'Có')).toHaveLength(overdueShown);
  });

  it('downloads a document’s lineage tree (CSV) and points to the mandates under it', async () => {
    await page.goto(`${server.url}/#/document/${encodeURIComponent('36-NQ/TW@2023')}`);
    await shown('36-NQ/TW');
    const lineage = '.page-actions a.download-link[data-export="lineage"][data-format="csv"]';
    expect(await hrefOf(lineage)).toBe(
      `/export/lineage.csv?ref=${encodeURIComponent('doc:36-nq/tw@central@2023-01-30')}`,
    );
    const { name, bytes } = await download(lineage);
    expect(name).toBe('cay-trien-khai_36-NQ-TW.csv');
    const { rows } = readCsv(bytes.toString('utf8'));
    expect(rows.map((r) => r['Đường dẫn từ gốc'])).toContain('36-NQ/TW › 57-CTr/TU › 1693/KH-UBND › III.6.h');
    const mandates = await hrefOf(
      '.page-actions a.download-link[data-export="mandates"][data-format="xlsx"]',
    );
    expect(mandates).toMatch(
      /^\/export\/mandates\.xlsx\?ref=doc%3A36-nq%2Ftw%40central%402023-01-30&asOf=\d{4}-\d{2}-\d{2}$/,
    );
    const res = await fetch(`${server.url}${mandates}`);
    expect(res.status).toBe(200);
    const [sheet] = await readXlsx(new Uint8Array(await res.arrayBuffer()));
    expect(sheet?.rows.some((r) => r['Số, ký hiệu văn bản'] === '1693/KH-UBND')).toBe(true);
  });

  it('downloads the coverage table of the level shown', async () => {
    await page.goto(
      `${server.url}/#/coverage/${encodeURIComponent('doc:36-nq/tw@central@2023-01-30')}?level=DISTRICT&province=Kon%20Tum`,
    );
    await shown('Ai đã triển khai 36-NQ/TW?');
    const xlsx = '.downloads a.download-link[data-format="xlsx"]';
    expect(await hrefOf(xlsx)).toBe(
      `/export/coverage.xlsx?ref=${encodeURIComponent('doc:36-nq/tw@central@2023-01-30')}&level=DISTRICT&province=Kon+Tum`,
    );
    const { name, bytes } = await download(xlsx);
    expect(name).toBe('bao-phu_36-NQ-TW_cap-huyen_Kon-Tum.xlsx');
    const [sheet] = await readXlsx(bytes);
    expect(sheet?.rows.filter((r) => r['Đã triển khai'] === 'Có').map((r) => r['Đơn vị hành chính'])).toEqual(
      ["Ia H'Drai"],
    );
  });

  it('downloads the timeliness table with the filters shown', async () => {
    const central = 'doc:36-nq/tw@central@2023-01-30';
    await page.goto(
      `${server.url}/#/timeliness/${encodeURIComponent(central)}?level=DISTRICT&province=Kon%20Tum&asOf=2024-01-01`,
    );
    await shown('Ai triển khai 36-NQ/TW đúng hạn?');
    const csv = '.downloads a.download-link[data-export="timeliness"][data-format="csv"]';
    expect(await hrefOf(csv)).toBe(
      `/export/timeliness.csv?ref=${encodeURIComponent(central)}&level=DISTRICT&asOf=2024-01-01&province=Kon+Tum`,
    );
    const { name, bytes } = await download(csv);
    expect(name).toBe('tien-do_36-NQ-TW_cap-huyen_Kon-Tum_2024-01-01.csv');
    const { rows } = readCsv(bytes.toString('utf8'));
    // Every unit the page's table shows, with its status and lag, and no other.
    const shownRows = await page.locator('.timeliness-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll('td');
        const num = (td: { textContent: string | null } | undefined) =>
          td?.textContent === '—' ? '' : td?.textContent;
        // cells: status, first document, date, lag, days late
        return [tr.getAttribute('data-unit'), num(cells[3]), num(cells[4])];
      }),
    );
    expect(shownRows.length).toBeGreaterThan(5);
    const statusOf = Object.fromEntries(
      (await page
        .locator('.timeliness-table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.getAttribute('data-unit'), tr.querySelector('.status-tag')?.textContent]),
        )) as Array<[string, string]>,
    );
    expect(rows.map((r) => r['Đơn vị']).sort()).toEqual(shownRows.map((r) => r[0]).sort());
    for (const r of rows) expect(r['Tình trạng'], r['Đơn vị']).toBe(statusOf[r['Đơn vị'] as string]);
    const iaHDrai = rows.find((r) => r['Đơn vị'] === "Ia H'Drai");
    expect(iaHDrai?.['Tình trạng']).toBe('Đã ban hành, không rõ ngày');
    const shownBy = new Map(shownRows.map((r) => [r[0], r]));
    for (const r of rows) {
      const seen = shownBy.get(r['Đơn vị'] as string);
      expect([r['Độ trễ (ngày)'], r['Quá hạn (ngày)']], r['Đơn vị']).toEqual([seen?.[1], seen?.[2]]);
    }
  });

  it('says a refused download on the page instead of saving the refusal as a file', async () => {
    await page.goto(`${server.url}/#/document/${encodeURIComponent('36-NQ/TW@2023')}`);
    await shown('36-NQ/TW');
    const lineage = '.page-actions a.download-link[data-export="lineage"][data-format="csv"]';
    // The server's refusal when downloads come too fast, as the export routes send it.
    await page.route('**/export/lineage.csv*', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '30' },
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ code: 'RATE_LIMITED', message: 'too many downloads' }),
      }),
    );
    let saved = 0;
    const onDownload = () => saved++;
    page.on('download', onDownload);
    await page.locator(lineage).first().click();
    const status = page.locator('.page-actions .download-status.error').first();
    await status.waitFor();
    expect(await status.textContent()).toContain('Chưa tải được: Máy chủ đang nhận quá nhiều yêu cầu');
    expect(saved).toBe(0);
    // Once the server answers again, the same link saves the file.
    await page.unroute('**/export/lineage.csv*');
    const { name } = await download(lineage);
    expect(name).toBe('cay-trien-khai_36-NQ-TW.csv');
    expect(await page.locator('.page-actions .download-status.error').count()).toBe(0);
    page.off('download', onDownload);
    // Chromium logs the refused request to the console; that one is expected here.
    const refused = problems.filter((p) => /status of 429/.test(p));
    problems.splice(0, problems.length, ...problems.filter((p) => !refused.includes(p)));
  });

  it('raised no page error and made no outside request', () => {
    expect(problems).toEqual([]);
  });
});
