import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GLIA_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Debian Chromium with the flags this sandboxed machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

export interface TabletPage {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser context (own cookies) sized like a tablet in landscape. */
export async function newTablet(browser: Browser, baseURL: string): Promise<TabletPage> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1180, height: 820 }, locale: 'en-US' });
  const page = await context.newPage();
  return { context, page };
}
