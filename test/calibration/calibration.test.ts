import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../src/ledger/ledger.js';
import { beforeCorpus } from './before.js';
import { calibrate } from '../../src/calibrate/calibrate.js';
import { DATA, ablationMarkdown, checkCalibration, corpusFiles, corpusMarkdown, figuresMarkdown, readMeta, readSplit, resultsMarkdown } from './check.js';

/**
 * The calibration corpus: real published narratives encoded blind (test/calibration/*.yaml, each
 * with a `calibration` block and no determination; their encoders' notes in meta/). The engine's
 * agreement with the published tiers must stay at or above threshold.json, every miss must be
 * explained in README.md, and README.md's corpus table and figures must be the engine's own.
 * The same checks run on the synthetic fixtures (synthetic/), so they are known to work.
 */
const CORPUS = import.meta.dirname;
const SYNTHETIC = join(import.meta.dirname, 'synthetic');
const TIERS_CSV = join(DATA, 'tip-tiers.csv');
const WAIVERS_CSV = join(DATA, 'tip-downgrade-waivers.csv');
const readme = () => readFileSync(join(CORPUS, 'README.md'), 'utf8');

describe('calibration against the published tiers', () => {
  test('the synthetic fixtures: agreement at their threshold, every miss explained, no failure', async () => {
    const c = await checkCalibration(SYNTHETIC, join(SYNTHETIC, 'tiers.csv'));
    expect(c.report.failures).toEqual([]);
    expect(c.report.agreement.ratio).toBeGreaterThanOrEqual(c.threshold);
    expect(c.unexplained).toEqual([]);
  });

  test('the corpus: agreement at or above threshold.json, every miss explained in README.md', async () => {
    const c = await checkCalibration(CORPUS, TIERS_CSV, WAIVERS_CSV);
    expect(c.report.failures).toEqual([]);
    expect(c.report.skipped).toEqual([]);
    expect(c.report.rows.length).toBe(corpusFiles(CORPUS).length);
    expect(c.report.agreement.ratio).toBeGreaterThanOrEqual(c.threshold);
    expect(c.unexplained, 'misses not explained in test/calibration/README.md').toEqual([]);
  });
});

describe('the corpus is the pre-registered one', () => {
  const split = readSplit(CORPUS);
  const stems = corpusFiles(CORPUS).map((f) => f.replace(/\.yaml$/, ''));

  test('every scored file is in exactly one of DEV and HELD-OUT; no excluded file is scored', () => {
    expect([...split.dev, ...split.heldOut].sort()).toEqual([...stems].sort());
    expect(split.dev.filter((f) => split.heldOut.includes(f))).toEqual([]);
    expect(stems.filter((f) => f in split.excluded || split.notEncoded.includes(f))).toEqual([]);
    expect(stems).toHaveLength(39);
  });

  test("each file's published tier is the record's, and its meta file agrees with it", () => {
    const ledger = readLedger(TIERS_CSV);
    for (const file of corpusFiles(CORPUS)) {
      const e = parse(readFileSync(join(CORPUS, file), 'utf8')) as { country: { iso3: string }; report_year: number; calibration: { published_tier: string }; determination?: unknown };
      const meta = readMeta(CORPUS, file);
      expect(e.determination, file).toBeUndefined();
      expect([meta.iso3, meta.report_year, meta.published_tier], file).toEqual([e.country.iso3, e.report_year, e.calibration.published_tier]);
      expect(ledger.byCountry.get(e.country.iso3)?.get(e.report_year)?.tier, file).toBe(e.calibration.published_tier);
    }
  });

  test("README.md's corpus table is the files' own", () => {
    expect(readme()).toContain(corpusMarkdown(CORPUS, split));
  });

  test("README.md's per-file results and confusion matrices are the engine's: the rubric before issue 9 and the current one, on all files, DEV and HELD-OUT", async () => {
    const before = await checkCalibration(CORPUS, TIERS_CSV, WAIVERS_CSV, { corpus: beforeCorpus() });
    const after = await checkCalibration(CORPUS, TIERS_CSV, WAIVERS_CSV);
    expect(before.report.failures).toEqual([]);
    const figures = figuresMarkdown(
      [
        { label: 'Before (rubric of 2ddec02, no upgrade practice)', report: before.report },
        { label: 'After (current rubric and practice rules)', report: after.report },
      ],
      split,
    );
    expect(readme()).toContain(figures);
    expect(readme()).toContain(resultsMarkdown(before.report, after.report));
  });

  test("README.md's ablation figure (the four §108(a) findings withheld) is the engine's", async () => {
    const withheld = await calibrate(CORPUS, { historyPath: TIERS_CSV, waiversPath: WAIVERS_CSV, withholdStandards: true });
    expect(withheld.failures).toEqual([]);
    expect(readme()).toContain(ablationMarkdown(withheld));
  });
});
