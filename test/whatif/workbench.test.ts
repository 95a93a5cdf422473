import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { whatIf } from '../../src/whatif/index.js';
import { loadEvidenceFile } from '../../src/evidence/load.js';
import { readLedger } from '../../src/ledger/ledger.js';
import { launch, RUN_BROWSER, session, shot, tierShown } from '../serve/browser-support.js';
import { EXAMPLES, makeWorkspace, raw, serve, SHARED_LEDGER } from '../serve/support.js';

/**
 * The what-if in the workbench: POST /api/what-if answers what `tip what-if --json` prints, and the
 * panel's "What would change the tier" section shows it in Chromium, follows the form as it is
 * edited, marks the situational ground as never advice, and passes axe-core.
 */
const CHN = readFileSync(join(EXAMPLES, 'CHN-2009.yaml'), 'utf8');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('POST /api/what-if', () => {
  test('the library answer for the evidence sent, with the server ledger; bad options are 400, bad evidence 422', async () => {
    const wb = await serve(makeWorkspace({ 'CHN-2009.yaml': CHN }), { history: SHARED_LEDGER });
    try {
      const r = await raw(wb, 'POST', '/api/what-if', { body: CHN, headers: { 'content-type': 'application/yaml' } });
      expect(r.status).toBe(200);
      const { evidence } = loadEvidenceFile(join(EXAMPLES, 'CHN-2009.yaml'));
      expect(r.json()).toEqual(JSON.parse(JSON.stringify(await whatIf({ evidence, ledger: readLedger(SHARED_LEDGER) }))));
      const one = (await raw(wb, 'POST', '/api/what-if?target=2&max-changes=2', { body: CHN, headers: { 'content-type': 'application/yaml' } })).json();
      expect(one.targets.map((t: { tier: string }) => t.tier)).toEqual(['2']);
      expect(one.bound).toBe(2);
      for (const bad of ['target=4', 'max-changes=9', 'colour=red']) {
        expect((await raw(wb, 'POST', `/api/what-if?${bad}`, { body: CHN, headers: { 'content-type': 'application/yaml' } })).status, bad).toBe(400);
      }
      expect((await raw(wb, 'POST', '/api/what-if', { body: 'country: {}\n', headers: { 'content-type': 'application/yaml' } })).status).toBe(422);
    } finally {
      await wb.close();
    }
  });
});

let browser: Browser;
beforeAll(async () => {
  if (RUN_BROWSER) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function serious(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const g = globalThis as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: unknown[] }> }; document: unknown };
    return (await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'section508'] } })).violations;
  })) as { id: string; impact: string | null }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe.skipIf(!RUN_BROWSER)('the what-if section of the live panel, in headless Chromium', () => {
  test('shows the smallest changes with their marks, follows an edit, and passes axe-core', async () => {
    const s = await session(browser, { 'CHN-2009.yaml': CHN }, { bypassCSP: true });
    const { page } = s;
    try {
      await page.goto(`${s.wb.url}#/edit/CHN-2009.yaml`);
      expect(await tierShown(page)).toBe('Tier 2 Watch List');
      await page.click('#what-if > summary');
      await page.waitForSelector('#what-if .what-if-sets');
      const body = (await page.textContent('#what-if .what-if-body')) ?? '';
      expect(body).toContain('Toward Tier 2 (up)');
      expect(body).toContain('[government action] comparison_with_previous_year.increasing_efforts: false → true');
      expect(body).toContain('[situational: never advice] victims.watch_list_ground_i.very_significant: true → false');
      expect(body).toContain('the 2011 report the first in which the automatic downgrade applies');
      await page.locator('#what-if').scrollIntoViewIfNeeded();
      await shot(page, '20-what-if');
      expect(await serious(page)).toEqual([]);

      // Ground (I) found no longer: the set toward Tier 2 loses that change, and the section follows.
      const field = page.locator('[data-path="victims.watch_list_ground_i.very_significant"]');
      await field.locator('label:text-is("No")').first().click();
      await expect
        .poll(async () => (await page.textContent('#what-if .what-if-body')) ?? '', { timeout: 15_000 })
        .not.toContain('victims.watch_list_ground_i.very_significant: true → false');
      expect(await page.textContent('#what-if .what-if-body')).toContain('[government action] comparison_with_previous_year.increasing_efforts: false → true');
      await page.locator('#what-if').scrollIntoViewIfNeeded();
      await shot(page, '21-what-if-after-edit');
      expect(s.problems).toEqual([]);
      expect(s.foreign).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
