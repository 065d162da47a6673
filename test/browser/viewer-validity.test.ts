// Browser test of the validity hints on document pages: the seeds plus three documents written for the tests (a
// decree, a decree amending it and replacing an older one, a circular guiding it). The decree's page says
// "Được sửa đổi, bổ sung bởi" with a link to the amending decree and the clause behind "Căn cứ"; the replaced
// decree (known only from the citation) carries the notice; a seed, which states none, shows no section.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentId } from '../../src/model/graph.ts';
import { CHROMIUM_SKIP_REASON, chromiumAvailable, openViewerBrowser } from './browser-fixture.ts';
import { REPO_ROOT, type SeedsServer, startSeedsServer } from './server-fixture.ts';

const available = chromiumAvailable;
if (!available) console.warn(`viewer validity browser tests skipped: ${CHROMIUM_SKIP_REASON}`);

const FILES = ['nd-15-2018.txt', 'nd-155-2018.txt', 'tt-05-2019-tt-byt.txt'];
const ND155 = documentId({ symbol: '155/2018/NĐ-CP', jurisdiction: null, date: '2018-11-12' });

describe.skipIf(!available)(
  `validity hints in Chromium${available ? '' : ` (skipped: ${CHROMIUM_SKIP_REASON})`}`,
  () => {
    let server: SeedsServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const problems: string[] = [];

    const open = async (ref: string, heading: string) => {
      await page.goto(`${server.url}/#/document/${encodeURIComponent(ref)}`);
      await page.locator('main h1', { hasText: heading }).first().waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
    };

    beforeAll(async () => {
      const extra = FILES.map((name) => ({
        source: `validity/${name}`,
        text: readFileSync(join(REPO_ROOT, 'test/fixtures/validity', name), 'utf8'),
      }));
      server = await startSeedsServer(extra);
      ({ browser, context, page } = await openViewerBrowser(server.url, problems));
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await server?.close();
    });

    it('the decree’s page says "Được sửa đổi, bổ sung bởi" 155/2018, linked, with the clause on hover and expand', async () => {
      await open('15/2018/NĐ-CP', '15/2018/NĐ-CP');
      const section = page.locator('section', { has: page.locator('h2', { hasText: 'Hiệu lực' }) });
      await section.waitFor();
      const terms = await section.locator('dt').allTextContents();
      expect(terms).toEqual(['Được sửa đổi, bổ sung bởi', 'Được hướng dẫn bởi', 'Hướng dẫn thi hành']);
      const amended = section.locator('li.validity-item[data-direction="IN"][data-relation="AMENDS"]');
      const link = amended.locator('a').first();
      expect(await link.textContent()).toContain('155/2018/NĐ-CP');
      expect(await link.getAttribute('href')).toBe(`#/document/${encodeURIComponent(ND155)}`);
      expect(await link.getAttribute('title')).toMatch(
        /^Sửa đổi, bổ sung một số điều của Nghị định số 15\/2018\/NĐ-CP/,
      );
      // The clause is folded away until "Căn cứ" is opened.
      const clause = amended.locator('.evidence-text');
      expect(await clause.isVisible()).toBe(false);
      await amended.locator('summary', { hasText: 'Căn cứ' }).click();
      expect(await clause.isVisible()).toBe(true);
      expect(await clause.textContent()).toContain('Nghị định số 15/2018/NĐ-CP');
      mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
      await section.screenshot({ path: join(REPO_ROOT, 'test-results', 'viewer-validity.png') });
      // Amended, not replaced: no notice.
      expect(await page.locator('.validity-notice').count()).toBe(0);
      // Following the link opens the amending decree, which says what it amends and replaces.
      await link.click();
      await page.locator('main h1', { hasText: '155/2018/NĐ-CP' }).first().waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      const out = page.locator('section', { has: page.locator('h2', { hasText: 'Hiệu lực' }) }).locator('dt');
      expect(await out.allTextContents()).toEqual(['Sửa đổi, bổ sung', 'Thay thế']);
    });

    it('a replaced decree carries the notice "Văn bản này đã được thay thế bởi …"', async () => {
      await open('38/2012/NĐ-CP', '38/2012/NĐ-CP');
      const notice = page.locator('.validity-notice');
      await notice.waitFor();
      expect((await notice.textContent())?.replace(/\s+/g, ' ')).toBe(
        'Văn bản này đã được thay thế bởi 155/2018/NĐ-CP.',
      );
      expect(await notice.locator('a').getAttribute('href')).toBe(`#/document/${encodeURIComponent(ND155)}`);
      await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'viewer-validity-notice.png') });
    });

    it('a seed, which states no validity hint, has neither the section nor the notice', async () => {
      await open('36-NQ/TW@2023', '36-NQ/TW');
      expect(await page.locator('h2', { hasText: 'Hiệu lực' }).count()).toBe(0);
      expect(await page.locator('.validity-notice').count()).toBe(0);
      expect(problems).toEqual([]);
    });
  },
);
