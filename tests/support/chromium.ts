/** Debian's Chromium driven by playwright-core, and a page fixture for browser tests. */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, inject, test as base } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium calls home, and the closed network refuses it.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Promise<Browser> | undefined;
function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  return browser;
}
afterAll(async () => {
  if (browser) await (await browser).close();
});

/** Opens a page in a fresh context; `baseURL` is the served built site. */
export async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await (await sharedBrowser()).newContext({ baseURL: inject('baseUrl'), locale: 'zh-CN', ...options });
  return context.newPage();
}

/** `test` with a `page` fixture (a phone-sized page) that is closed after each test. */
export const test = base.extend<{ page: Page }>({
  page: async ({}, use) => {
    const page = await openPage({ viewport: { width: 360, height: 740 } });
    await use(page);
    await page.context().close();
  },
});
