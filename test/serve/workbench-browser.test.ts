import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assessFile } from '../../src/assess/file.js';
import { renderDocuments } from '../../src/render/index.js';
import { checkEvidenceText } from '../../src/serve/evidence-io.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { expectTier, launch, RUN_BROWSER, session, shot, SHOTS, tabTo, tierShown } from './browser-support.js';
import { mys2025, SHARED_LEDGER } from './support.js';

/**
 * The desk officer's flow in a real browser: open the workspace and create Malaysia's 2026 file
 * from its 2025 file; change a field and see the tier change; make an error and see it at the
 * field, then fix it; save, reload and find the change kept; download a draft. Once with the
 * mouse, once with the keyboard only. Screenshots go to test-output/serve/.
 */

let browser: Browser;
beforeAll(async () => {
  if (RUN_BROWSER) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const INVESTIGATIONS = '[data-path="prosecution.investigations"]';
const SIGNIFICANT = '[data-path="determination.significant_efforts"]';

/** What `tip validate` says about investigations "abc" in this file: the words the field must show. */
function validateWording(dir: string, value: unknown): string {
  const bad = structuredClone(value) as { prosecution: { investigations: unknown } };
  bad.prosecution.investigations = 'abc';
  const checked = checkEvidenceText(JSON.stringify(bad), join(dir, 'MYS-2026.yaml'), bundledCorpus());
  if (checked.ok) throw new Error('expected a problem');
  const d = checked.diagnostics.find((x) => x.path.join('.') === 'prosecution.investigations')!;
  return `expected ${d.expected}, found ${d.found}`;
}

async function panelValue(page: Page): Promise<unknown> {
  return page.evaluate(() => JSON.parse((globalThis as any).localStorage.getItem('tip-workbench:draft:MYS-2026.yaml') ?? 'null')?.value ?? null);
}

describe.skipIf(!RUN_BROWSER)('the workbench in headless Chromium', () => {
  test('the whole flow, with the mouse', async () => {
    const s = await session(browser, { 'MYS-2025.yaml': mys2025() });
    const { page } = s;
    try {
      await page.goto(s.wb.url);
      await page.waitForSelector('table.files tbody tr');
      expect(await page.textContent('table.files tbody')).toContain('Malaysia, 2025');
      await shot(page, '01-workspace');

      await page.fill('#new-iso3', 'MYS');
      await page.fill('#new-year', '2026');
      await page.click('form.new-country-year button[type=submit]');
      const first = await tierShown(page);
      expect(first).toBe('Tier 2 Watch List'); // the 2025 evidence (no increasing efforts) under the 2026 law and clock
      expect(await page.locator('.mark', { hasText: 'from 2025, unchanged' }).count()).toBeGreaterThan(40);
      await expect.poll(() => page.textContent('.banners'), { timeout: 15_000 }).toContain('Carried forward from MYS-2025.yaml (2025)');
      await shot(page, '02-new-from-2025');

      // A field changes the tier: the analyst finds no significant efforts.
      await page.locator(SIGNIFICANT).getByLabel('No', { exact: true }).check();
      await expectTier(page, 'Tier 3');
      expect(await page.locator(`${SIGNIFICANT} .mark`).isHidden()).toBe(true);

      // An error appears at the field, in the words of tip validate, and goes when fixed.
      const wording = validateWording(s.dir, await panelValue(page));
      await page.fill(`${INVESTIGATIONS} input`, 'abc');
      await expect.poll(() => page.textContent(`${INVESTIGATIONS} > p.error`), { timeout: 15_000 }).toBe(wording);
      expect(await page.getAttribute(`${INVESTIGATIONS} input`, 'aria-invalid')).toBe('true');
      expect(await page.textContent('#errors')).toContain(`prosecution.investigations: ${wording}`);
      await page.locator(INVESTIGATIONS).scrollIntoViewIfNeeded();
      await shot(page, '03-error-at-the-field');
      await page.fill(`${INVESTIGATIONS} input`, '180');
      await expect.poll(() => page.isHidden(`${INVESTIGATIONS} > p.error`), { timeout: 15_000 }).toBe(true);
      await expectTier(page, 'Tier 3');

      // Save: the YAML file is the record.
      await page.click('#save');
      await expect.poll(() => page.textContent('#save-state'), { timeout: 15_000 }).toContain('Saved MYS-2026.yaml');
      const saved = readFileSync(join(s.dir, 'MYS-2026.yaml'), 'utf8');
      expect(saved).toMatch(/^# Evidence for Malaysia \(MYS\), 2026 Trafficking in Persons Report\.\n# Created in the workbench from MYS-2025\.yaml/);
      expect(saved).toContain('  investigations: 180\n');
      expect(saved).toContain('  significant_efforts: false\n');
      expect(readFileSync(join(s.dir, 'MYS-2025.yaml'), 'utf8')).toBe(mys2025());

      // Reload: the change is kept (from the file); an unsaved edit survives too (from the browser).
      await page.reload();
      await tierShown(page);
      expect(await page.inputValue(`${INVESTIGATIONS} input`)).toBe('180');
      await page.fill('[data-path="prosecution.convictions"] input', '55');
      await page.reload();
      await tierShown(page);
      expect(await page.inputValue('[data-path="prosecution.convictions"] input')).toBe('55');
      expect(await page.textContent('.banners')).toContain('Unsaved changes from');
      await page.click('#save');
      await expect.poll(() => readFileSync(join(s.dir, 'MYS-2026.yaml'), 'utf8'), { timeout: 15_000 }).toContain('  convictions: 55\n');
      await shot(page, '04-saved-and-reloaded');

      // A draft: previewed, then downloaded; the file is what the library renders from the saved file.
      await page.click('details[data-doc="narrative"] > summary');
      await expect.poll(() => page.textContent('details[data-doc="narrative"] pre'), { timeout: 15_000 }).toContain('Malaysia');
      await page.locator('details[data-doc="narrative"]').scrollIntoViewIfNeeded();
      await shot(page, '05-draft-preview');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.download[data-doc="narrative"][data-format="text"]')]);
      expect(download.suggestedFilename()).toBe('MYS-2026-narrative.txt');
      const file = join(SHOTS, 'MYS-2026-narrative.txt');
      await download.saveAs(file);
      const { assessment, evidence } = await assessFile(join(s.dir, 'MYS-2026.yaml'), { historyPath: SHARED_LEDGER });
      expect(readFileSync(file, 'utf8')).toBe(renderDocuments(assessment, evidence, { docs: ['narrative'], format: 'text' })[0]!.content);

      expect(s.problems).toEqual([]);
      expect(s.foreign).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('the same flow with the keyboard only', async () => {
    const s = await session(browser, { 'MYS-2025.yaml': mys2025() });
    const { page } = s;
    const k = page.keyboard;
    try {
      await page.goto(s.wb.url);
      await page.waitForSelector('table.files tbody tr');
      await tabTo(page, '#new-iso3');
      await k.type('MYS');
      await k.press('Tab');
      await k.press('Control+A');
      await k.type('2026');
      await k.press('Enter');
      expect(await tierShown(page)).toBe('Tier 2 Watch List');

      // The section links move the keyboard; a radio group changes with the arrow keys.
      await tabTo(page, 'nav.sections a[href="#sec-decision"]');
      await k.press('Enter');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('sec-decision-h');
      await tabTo(page, `${SIGNIFICANT} input:checked`);
      await k.press('ArrowRight');
      await expectTier(page, 'Tier 3');

      await tabTo(page, 'nav.sections a[href="#sec-prosecution"]', { reverse: true });
      await k.press('Enter');
      await tabTo(page, `${INVESTIGATIONS} input`);
      await k.press('Control+A');
      await k.type('abc');
      await expect.poll(() => page.isVisible(`${INVESTIGATIONS} > p.error`), { timeout: 15_000 }).toBe(true);
      await shot(page, '06-keyboard-error');
      await k.press('Control+A');
      await k.type('180');
      await expect.poll(() => page.isHidden(`${INVESTIGATIONS} > p.error`), { timeout: 15_000 }).toBe(true);
      await expectTier(page, 'Tier 3');

      await tabTo(page, '#save', { reverse: true });
      await k.press('Enter');
      await expect.poll(() => page.textContent('#save-state'), { timeout: 15_000 }).toContain('Saved MYS-2026.yaml');
      await page.reload();
      await tierShown(page);
      expect(await page.inputValue(`${INVESTIGATIONS} input`)).toBe('180');

      await tabTo(page, 'details[data-doc="press"] > summary');
      await k.press('Enter');
      await expect.poll(() => page.textContent('details[data-doc="press"] pre'), { timeout: 15_000 }).toContain('Malaysia');
      await tabTo(page, 'button.download[data-doc="press"][data-format="markdown"]');
      await shot(page, '07-keyboard-focus-on-download');
      const [download] = await Promise.all([page.waitForEvent('download'), k.press('Enter')]);
      expect(download.suggestedFilename()).toBe('MYS-2026-press.md');
      const path = await download.path();
      expect(statSync(path).size).toBeGreaterThan(500);
      expect(s.problems).toEqual([]);
      expect(s.foreign).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('unsaved edits made against an older file come back after a reload, and saving them shows the conflict', async () => {
    const s = await session(browser, { 'MYS-2025.yaml': mys2025() });
    const { page } = s;
    try {
      await page.goto(`${s.wb.url}#/edit/MYS-2025.yaml`);
      await tierShown(page);
      await page.fill(`${INVESTIGATIONS} input`, '151');
      const changed = mys2025().replace('investigations: 150', 'investigations: 149');
      writeFileSync(join(s.dir, 'MYS-2025.yaml'), changed);
      await page.reload();
      await tierShown(page);
      expect(await page.inputValue(`${INVESTIGATIONS} input`)).toBe('151');
      expect(await page.textContent('.banners')).toContain('the file changed on disk since');
      await page.click('#save');
      await page.waitForSelector('.conflict');
      expect(await page.textContent('.conflict tbody')).toContain('149');
      expect(readFileSync(join(s.dir, 'MYS-2025.yaml'), 'utf8')).toBe(changed);
      await page.click('.conflict button:has-text("Take the file on disk")');
      await tierShown(page);
      expect(await page.inputValue(`${INVESTIGATIONS} input`)).toBe('149');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
