import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectTier, launch, RUN_BROWSER, session, shot, tierShown } from './browser-support.js';
import { mys2025 } from './support.js';

/**
 * Section 508: axe-core (a devDependency, injected into the page) finds no serious or critical
 * violation on the workspace, on a file with an error shown, the drafts and the trace open, and
 * on a conflict. And evidence text is shown as text: HTML or script from a file never runs.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
beforeAll(async () => {
  if (RUN_BROWSER) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const g = globalThis as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: unknown[] }> }; document: unknown };
    const r = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'section508'] } });
    return r.violations;
  })) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const HOSTILE = mys2025()
  .replace('  name: Malaysia', '  name: "<img src=x onerror=\\"window.__xss=1\\">Malaysia"')
  .replace('rationale: Amendments in force', 'rationale: <script>window.__xss=2</script> Amendments in force')
  .replace('    - investigate and prosecute officials complicit in trafficking', '    - "</pre><svg onload=window.__xss=3> investigate and prosecute officials complicit in trafficking"');

describe.skipIf(!RUN_BROWSER)('accessibility and escaping in headless Chromium', () => {
  test('axe-core: no serious or critical violation (workspace, errors, drafts, trace, conflict)', async () => {
    const s = await session(browser, { 'MYS-2025.yaml': mys2025() }, { bypassCSP: true });
    const { page } = s;
    try {
      await page.goto(s.wb.url);
      await page.waitForSelector('table.files tbody tr');
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${s.wb.url}#/edit/MYS-2025.yaml`);
      await tierShown(page);
      await page.click('#trace > summary');
      await page.waitForSelector('#trace table.trace');
      await page.click('details[data-doc="narrative"] > summary');
      await page.fill('[data-path="prosecution.investigations"] input', '-5');
      await page.waitForSelector('[data-path="prosecution.investigations"] > p.error:not([hidden])');
      expect(await seriousViolations(page)).toEqual([]);

      // A change on disk since the file was opened: the save shows the conflict and writes nothing.
      await page.fill('[data-path="prosecution.investigations"] input', '151');
      await expectTier(page, 'Tier 2 Watch List');
      const onDisk = readFileSync(join(s.dir, 'MYS-2025.yaml'), 'utf8').replace('investigations: 150', 'investigations: 160');
      writeFileSync(join(s.dir, 'MYS-2025.yaml'), onDisk);
      await page.click('#save');
      await page.waitForSelector('.conflict');
      expect(await page.textContent('.conflict')).toContain('prosecution.investigations');
      expect(readFileSync(join(s.dir, 'MYS-2025.yaml'), 'utf8')).toBe(onDisk);
      await shot(page, '08-conflict');
      expect(await seriousViolations(page)).toEqual([]);

      // Keeping one's own version is a second, explicit choice.
      await page.click('.conflict button.danger');
      await expect.poll(() => readFileSync(join(s.dir, 'MYS-2025.yaml'), 'utf8'), { timeout: 15_000 }).toContain('investigations: 151');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('evidence text is escaped everywhere it is shown: no HTML or script from a file runs', async () => {
    const s = await session(browser, { 'MYS-2025.yaml': HOSTILE });
    const { page } = s;
    try {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(s.wb.url);
      await page.waitForSelector('table.files tbody tr');
      expect(await page.textContent('table.files tbody')).toContain('<img src=x onerror="window.__xss=1">Malaysia');
      await page.goto(`${s.wb.url}#/edit/MYS-2025.yaml`);
      await tierShown(page);
      expect(await page.inputValue('[data-path="country.name"] textarea')).toBe('<img src=x onerror="window.__xss=1">Malaysia');
      expect(await page.textContent('ol.recommendations')).toContain('</pre><svg onload=window.__xss=3>');
      await page.click('details[data-doc="narrative"] > summary');
      await expect.poll(() => page.textContent('details[data-doc="narrative"] pre'), { timeout: 15_000 }).toContain('<img src=x onerror=');
      await page.waitForTimeout(300);
      await shot(page, '09-hostile-text-shown-as-text');
      expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('main img, main script, main svg[onload]').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
