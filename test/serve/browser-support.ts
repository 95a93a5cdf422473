import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { Workbench } from '../../src/serve/server.js';
import { makeWorkspace, serve, SHARED_LEDGER } from './support.js';

/**
 * The workbench in a real browser: Debian's chromium through playwright-core (no browser can be
 * downloaded here), launched as the guide says. On a machine without chromium the tests are
 * skipped with a message, never passed silently; in CI chromium is installed, so they run.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const RUN_BROWSER = HAVE_CHROMIUM || process.env.CI === 'true';
if (!RUN_BROWSER) console.warn(`workbench browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium); they always run in CI`);

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where the screenshots go, for a person to look at (test-output/ is not committed). */
export const SHOTS = join(PACKAGE_ROOT, 'test-output', 'serve');

export function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface Session {
  dir: string;
  wb: Workbench;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors, less the 4xx answers the page expects (422 invalid, 409 conflict). */
  problems: string[];
  /** Requests to anywhere but the workbench. */
  foreign: string[];
  close(): Promise<void>;
}

export async function session(browser: Browser, files: Record<string, string>, options: { bypassCSP?: boolean } = {}): Promise<Session> {
  const dir = makeWorkspace(files);
  const wb = await serve(dir, { history: SHARED_LEDGER });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 }, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const problems: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !/status of (422|409) /.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(wb.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return {
    dir,
    wb,
    context,
    page,
    problems,
    foreign,
    close: async () => {
      await context.close();
      await wb.close();
    },
  };
}

/** The tier the live panel shows, once it shows one. */
export async function tierShown(page: Page): Promise<string> {
  await page.waitForSelector('#tier-line', { timeout: 15_000 });
  return (await page.textContent('#tier-line')) ?? '';
}

export async function expectTier(page: Page, tier: string): Promise<void> {
  await expect.poll(async () => ((await page.locator('#panel-body:not(.stale) #tier-line').count()) ? page.textContent('#tier-line') : null), { timeout: 15_000 }).toBe(tier);
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
export async function tabTo(page: Page, selector: string, options: { reverse?: boolean; max?: number } = {}): Promise<void> {
  const max = options.max ?? 600;
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => (globalThis as any).document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(options.reverse ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of ${options.reverse ? 'Shift+Tab' : 'Tab'} did not reach ${selector}`);
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
