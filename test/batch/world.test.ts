import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateWorld, prng } from '../../bench/world.js';
import { runBatch } from '../../src/batch/run.js';
import { checkHistory } from '../../src/history/check.js';
import { readLedger } from '../../src/ledger/ledger.js';
import { snapshotTree } from './support.js';
import { LAW } from '../support/law.js';

const root = mkdtempSync(join(tmpdir(), 'tip-world-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = { countries: 15, firstYear: 2001, lastYear: 2025, evidenceYears: 'last' as const };

describe('the synthetic world of the benchmark', () => {
  test('the same seed gives the same bytes; another seed another world', () => {
    generateWorld(join(root, 'a'), { seed: 7, ...options });
    generateWorld(join(root, 'b'), { seed: 7, ...options });
    generateWorld(join(root, 'c'), { seed: 8, ...options });
    const a = snapshotTree(join(root, 'a'));
    const b = snapshotTree(join(root, 'b'));
    const c = snapshotTree(join(root, 'c'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [k, v] of a) expect(b.get(k)!.equals(v), k).toBe(true);
    expect(a.get('tiers.csv')!.equals(c.get('tiers.csv')!)).toBe(false);
  });

  test('the PRNG is seeded, uniform enough and in [0, 1)', () => {
    const r = prng(42);
    const xs = Array.from({ length: 10000 }, r);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(prng(42)()).toBe(xs[0]);
  });

  test('its ledger is valid and obeys the Watch List clock, with its waivers', () => {
    const w = generateWorld(join(root, 'd'), { seed: 11, ...options, countries: 60 });
    const ledger = readLedger(w.ledgerPath, { waiversPath: w.waiversPath });
    expect(ledger.byCountry.size).toBe(60);
    const result = checkHistory(ledger, LAW);
    expect(result.violations).toEqual([]);
    // The world exercises the clock: some waivers and some automatic downgrades.
    expect(w.countries.some((c) => c.waivers.size > 0)).toBe(true);
    expect(w.countries.some((c) => c.autoDowngrades.size > 0)).toBe(true);
  });

  test('every evidence file it writes is valid and assessed', async () => {
    const w = generateWorld(join(root, 'e'), { seed: 12, ...options });
    const r = await runBatch(w.evidenceDir(2025), { year: 2025, drafts: false });
    expect(r.failures).toEqual([]);
    expect(r.entries).toHaveLength(options.countries);
  });
});
