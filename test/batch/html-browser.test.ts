/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateWorld, type World } from '../../bench/world.js';
import { runBatch } from '../../src/batch/run.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core (no browser can
 * be downloaded here), at 1400 px and 800 px and in print, with an axe-core accessibility check.
 * Screenshots and the PDF go to test-output/batch/ for a person to look at. In CI .ci/run installs
 * chromium, so the test must run there; elsewhere without it, it is skipped with a message.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';
if (!haveChromium && !inCI) console.warn(`report.html browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium); it always runs in CI`);

const YEAR = 2025;
const SHOTS = join(PACKAGE_ROOT, 'test-output', 'batch');
let root: string;
let world: World;
let context: BrowserContext | undefined;
let url: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tip-batch-html-'));
  mkdirSync(SHOTS, { recursive: true });
  world = generateWorld(join(root, 'world'), { seed: 20250620, countries: 24, firstYear: 2001, lastYear: YEAR, evidenceYears: 'last' });
  await runBatch(world.evidenceDir(YEAR), { year: YEAR, outDir: join(root, 'out'), settingsPath: world.settingsPath, historyPath: world.ledgerPath, waiversPath: world.waiversPath });
  url = pathToFileURL(join(root, 'out', 'report.html')).href;
  // The same year without the waivers file: the waiver years only the clock implies are drawn as inferred.
  await runBatch(world.evidenceDir(YEAR), { year: YEAR, outDir: join(root, 'inferred'), historyPath: world.ledgerPath, drafts: false });
});

afterAll(async () => {
  await context?.close();
  rmSync(root, { recursive: true, force: true });
});

async function open(width: number, file = url): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  context ??= await chromium.launchPersistentContext(join(root, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 1000 });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(file, { waitUntil: 'load' });
  return { page, problems, requests };
}

const visibleTiers = (page: Page) => page.locator('#countries tbody tr:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tier')));

describe.skipIf(!haveChromium && !inCI)('report.html in headless Chromium', () => {
  test('1400 px: self-contained, no errors, a row, a timeline and draft links per country, a working table of contents', async () => {
    const { page, problems, requests } = await open(1400);
    expect(problems).toEqual([]);
    // Nothing is fetched beyond the file itself (the CSP forbids it; the script is allowed by its hash).
    expect(requests).toEqual([url]);
    const rows = await page.locator('#countries tbody tr').count();
    expect(rows).toBe(world.countries.length);
    expect(await page.locator('#countries svg.timeline').count()).toBe(rows);
    const labelled = await page.locator('svg.timeline').evaluateAll((svgs) => svgs.every((s) => Boolean(s.querySelector('title')?.textContent && s.querySelector('desc')?.textContent) && s.getBoundingClientRect().width > 0));
    expect(labelled).toBe(true);
    // Four draft links per country, each to a file that was written.
    const hrefs = await page.locator('#countries ul.drafts a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs).toHaveLength(rows * 4);
    for (const h of hrefs) expect(existsSync(join(root, 'out', h)), h).toBe(true);
    // Every contents link points at a section of the page.
    const targets = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => document.getElementById((a as HTMLAnchorElement).hash.slice(1)) !== null));
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.every(Boolean)).toBe(true);
    // Codes never reach the page.
    const text = await page.locator('body').innerText();
    for (const code of ['needs-waiver', 'not-on-watch-list', 'after-waiver-run', 'consecutive, 0 counted', 'counted; allowed', 'not-checked']) expect(text, code).not.toContain(code);
    await page.screenshot({ path: join(SHOTS, 'report-1400.png'), fullPage: false });
    await page.locator('#countries').screenshot({ path: join(SHOTS, 'report-1400-table.png') });
    await page.close();
  });

  test('the tier filter works without the script (CSS), the sort with it', async () => {
    const { page } = await open(1400);
    const all = await visibleTiers(page);
    for (const cls of ['t3', 'twl', 't1']) {
      await page.locator(`label:has(#f-${cls})`).click();
      const shown = await visibleTiers(page);
      expect(shown, cls).toEqual(all.filter((t) => t === cls));
    }
    await page.locator('label:has(#f-all)').click();
    expect(await visibleTiers(page)).toEqual(all);

    const tierHeader = page.locator('#countries th[data-sort="rank"]');
    await tierHeader.locator('button').click();
    expect(await tierHeader.getAttribute('aria-sort')).toBe('ascending');
    const ranks = await page.locator('#countries tbody tr').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-rank'))));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await tierHeader.locator('button').click();
    const down = await page.locator('#countries tbody tr').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-rank'))));
    expect(down).toEqual([...down].sort((a, b) => b - a));

    await page.close();
  });

  test('recorded and inferred waivers are drawn differently, and the legend says which is which', async () => {
    const { page } = await open(1400, pathToFileURL(join(root, 'inferred', 'report.html')).href);
    const { page: recordedPage } = await open(1400);
    const style = (p: Page, sel: string) => p.locator(sel).evaluateAll((ps) => [...new Set(ps.map((e) => `${getComputedStyle(e).fill} ${getComputedStyle(e).strokeDasharray}`))]);
    const recorded = await style(recordedPage, '#countries path.waiver:not(.inferred)');
    const inferred = await style(page, '#countries path.waiver.inferred');
    expect(recorded.length).toBeGreaterThan(0);
    expect(inferred.length).toBeGreaterThan(0);
    expect(recorded.every((r) => r.startsWith('rgb(91, 45, 142) none'))).toBe(true);
    expect(inferred.every((r) => r.startsWith('rgb(255, 255, 255)') && !r.endsWith('none'))).toBe(true);
    expect(await page.locator('ul.legend').innerText()).toContain('waiver year, inferred from the clock');
    // A close look (twice the pixels) at a country with each kind of mark, for a person to check.
    await recordedPage.locator('#countries tbody tr:has(path.waiver)').first().locator('.tl').screenshot({ path: join(SHOTS, 'timeline-waiver-recorded.png'), scale: 'device' });
    await page.locator('#countries tbody tr:has(path.waiver.inferred)').first().locator('.tl').screenshot({ path: join(SHOTS, 'timeline-waiver-inferred.png'), scale: 'device' });
    await recordedPage.close();
    await page.close();
  });

  test('800 px: no sideways page scroll, and each timeline opens at its latest year', async () => {
    const { page } = await open(800);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // The report year's cell (the last, outlined) is inside its scroll box, on screen.
    const inView = await page.locator('#countries .tl').evaluateAll((boxes) =>
      boxes.map((box) => {
        const now = box.querySelector('g.now rect')!.getBoundingClientRect();
        const frame = box.getBoundingClientRect();
        return now.right <= frame.right + 1 && now.left >= frame.left - 1;
      }),
    );
    expect(inView.length).toBe(world.countries.length);
    expect(inView.every(Boolean)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'report-800.png'), fullPage: false });
    await page.locator('#countries tbody tr').nth(0).screenshot({ path: join(SHOTS, 'report-800-row.png') });
    await page.close();
  });

  test('print: every country shown whatever the filter, the filter and contents hidden, a PDF', async () => {
    const { page } = await open(1400);
    await page.locator('label:has(#f-t3)').click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#countries tbody tr:visible').count()).toBe(world.countries.length);
    expect(await page.locator('fieldset.filters').isVisible()).toBe(false);
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'report-print.png'), fullPage: false });
    const pdf = await page.pdf({ path: join(SHOTS, 'report.pdf'), format: 'Letter', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  test('axe-core: no serious or critical accessibility violation, at both widths', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const width of [1400, 800]) {
      const { page } = await open(width);
      // Evaluated through the DevTools protocol, so the page's CSP (which forbids other scripts) does not apply.
      await page.evaluate(axeSource);
      const result = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as { violations: { id: string; impact: string; nodes: unknown[] }[] };
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
      expect(bad, `at ${width} px`).toEqual([]);
      await page.close();
    }
  }, 60_000);
});
