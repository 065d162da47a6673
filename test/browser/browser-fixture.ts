// Browser tests' Chromium: Debian's (never a downloaded browser), headless, and a page that may not reach
// anything but the test server; page errors, console errors and outside requests are collected in `problems`.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const CHROMIUM_SKIP_REASON = `${CHROMIUM} not found — install Debian's Chromium (apt-get install -y chromium) to run the browser tests`;

export interface ViewerBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

export async function openViewerBrowser(serverUrl: string, problems: string[]): Promise<ViewerBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  // Nothing may leave the test server (no CDN, no fonts, no telemetry).
  await context.route(
    (url) => !url.href.startsWith(serverUrl),
    async (route) => {
      problems.push(`external request: ${route.request().url()}`);
      await route.abort();
    },
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { browser, context, page };
}
