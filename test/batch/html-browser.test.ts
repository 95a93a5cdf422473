import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateWorld, type World } from '../../bench/world.js';
import { runBatch } from '../../src/batch/run.js';

/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core (no browser can
 * be downloaded here). In CI the lead's .ci/run installs chromium, so the test must run there; on
 * a machine without it the test is skipped with a message, never silently passed.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';
if (!haveChromium && !inCI) {
  console.warn(`report.html browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium); it always runs in CI`);
}

const YEAR = 2025;
let root: string;
let world: World;
let browser: BrowserContext | undefined;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tip-batch-html-'));
  world = generateWorld(join(root, 'world'), { seed: 20250620, countries: 12, firstYear: 2001, lastYear: YEAR, evidenceYears: 'last' });
  await runBatch(world.evidenceDir(YEAR), { year: YEAR, outDir: join(root, 'out'), settingsPath: world.settingsPath, historyPath: world.ledgerPath, waiversPath: world.waiversPath });
});

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!haveChromium && !inCI)('report.html in headless Chromium', () => {
  test('loads with no console errors, one timeline per country, and a screenshot', async () => {
    // A fresh profile folder per run (playwright passes it to chromium as --user-data-dir).
    browser = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      viewport: { width: 1400, height: 1000 },
    });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // Any request beyond the file itself would mean the page is not self-contained.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));

    const url = pathToFileURL(join(root, 'out', 'report.html')).href;
    await page.goto(url, { waitUntil: 'load' });

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    const countries = await page.locator('#placements + svg + table tbody tr').count();
    expect(countries).toBe(world.countries.length);
    expect(await page.locator('svg.timeline').count()).toBe(countries);
    // Every picture is labelled for a screen reader and drawn with a visible size.
    const labelled = await page.locator('svg.timeline').evaluateAll((svgs) =>
      svgs.map((s) => {
        const box = s.getBoundingClientRect();
        return Boolean(s.querySelector('title')?.textContent && s.querySelector('desc')?.textContent) && box.width > 0 && box.height > 0;
      }),
    );
    expect(labelled.every(Boolean)).toBe(true);
    expect(await page.locator('table th[scope="col"]').count()).toBeGreaterThan(0);

    const shot = join(root, 'report.png');
    await page.screenshot({ path: shot, fullPage: false });
    const png = readFileSync(shot);
    expect(statSync(shot).size).toBeGreaterThan(1000);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    // For a person to look at: TIP_KEEP_SCREENSHOT=/path/page.png keeps a full-page picture.
    if (process.env.TIP_KEEP_SCREENSHOT) await page.screenshot({ path: process.env.TIP_KEEP_SCREENSHOT, fullPage: true });
  });
});
