import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

/**
 * `tip batch --action-plans`: each country's drafts are the five `tip render --doc all` writes for
 * it, the action plan among them, byte for byte (issue 14 left the batch without action plans).
 */

let root: string;
const tiers = join(PACKAGE_ROOT, 'examples', 'tiers.csv');

async function tip(...args: string[]) {
  const io = bufferIo(root);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tip-batch-plans-'));
  mkdirSync(join(root, 'evidence'));
  copyFileSync(join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml'), join(root, 'evidence', 'CHN-2009.yaml'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tip batch --action-plans', () => {
  test("each country's five drafts are tip render --doc all's, byte for byte", async () => {
    const batch = await tip('batch', 'evidence', '--year', '2009', '--history', tiers, '--out', 'with-plans', '--action-plans');
    expect(batch.code, batch.err).toBe(0);
    const render = await tip('render', join('evidence', 'CHN-2009.yaml'), '--history', tiers, '--doc', 'all', '--out', 'rendered');
    expect(render.code, render.err).toBe(0);
    const drafts = readdirSync(join(root, 'with-plans', 'drafts')).sort();
    expect(drafts).toEqual(['CHN-2009-action-plan.txt', 'CHN-2009-demarche.txt', 'CHN-2009-narrative.txt', 'CHN-2009-nonpaper.txt', 'CHN-2009-press.txt']);
    expect(readdirSync(join(root, 'rendered')).sort()).toEqual(drafts);
    for (const f of drafts) expect(readFileSync(join(root, 'with-plans', 'drafts', f), 'utf8'), f).toBe(readFileSync(join(root, 'rendered', f), 'utf8'));
    // The report lists the action plan with the other drafts, and the page links it by its name.
    const report = JSON.parse(readFileSync(join(root, 'with-plans', 'report.json'), 'utf8')) as { countries: { drafts: { doc: string; file: string }[] }[] };
    expect(report.countries[0]!.drafts).toContainEqual({ doc: 'action-plan', file: 'drafts/CHN-2009-action-plan.txt' });
    expect(readFileSync(join(root, 'with-plans', 'report.html'), 'utf8')).toContain('<a href="drafts/CHN-2009-action-plan.txt">action plan</a>');
  });

  test('without it, the four drafts and no what-if: the demarche orders the recommendations as written', async () => {
    const batch = await tip('batch', 'evidence', '--year', '2009', '--history', tiers, '--out', 'four');
    expect(batch.code, batch.err).toBe(0);
    expect(readdirSync(join(root, 'four', 'drafts')).sort()).toEqual(['CHN-2009-demarche.txt', 'CHN-2009-narrative.txt', 'CHN-2009-nonpaper.txt', 'CHN-2009-press.txt']);
    expect(batch.out).not.toContain('action-plan');
  });

  test('with --no-drafts it is a usage error (exit 2), not silently ignored', async () => {
    const r = await tip('batch', 'evidence', '--year', '2009', '--out', 'none', '--action-plans', '--no-drafts');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--action-plans');
  });

  test('--help lists it', async () => {
    expect((await tip('batch', '--help')).out).toContain('--action-plans');
  });
});
