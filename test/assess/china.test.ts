import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { assessFile } from '../../src/assess/file.js';
import { EXAMPLES_DIR } from '../../src/paths.js';
import { main } from '../../src/cli/main.js';
import { bufferIo } from '../../src/cli/io.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

const example = join(EXAMPLES_DIR, 'CHN-2009.yaml');
const ledger = join(EXAMPLES_DIR, 'tiers.csv');

describe('China, 2009 report (examples/CHN-2009.yaml)', () => {
  test('Tier 2 Watch List on the ground of no increasing efforts, with the data presumption applied', async () => {
    const { assessment } = await assessFile(example, { historyPath: ledger });
    expect(assessment.tier).toBe('2WL');
    expect(assessment.era.id).toBe('tvpra-2008-counting');
    expect(assessment.watchList.grounds.map((g) => g.ground)).toContain('II');
    const presumption = assessment.trace.find((t) => t.rule === '22usc7106.b.1.data-presumption' && t.outcome === 'fired');
    expect(presumption?.file).toBe('rules/22usc7106/b/1/data-presumption@2006.yaml');
    expect(assessment.decidedBy.map((d) => d.rule)).toEqual(['22usc7107.b.2.A.iii']);
  });

  test('the clock: fifth consecutive Watch List year, counted year 1, earliest downgrade 2011', async () => {
    const { assessment } = await assessFile(example, { historyPath: ledger });
    const c = assessment.clock!;
    expect(c.consecutiveWatchListYears).toBe(4);
    expect(c.countedWatchListYears).toBe(0);
    expect(c.earliestDowngradeYear).toBe(2011);
    expect(c.watchListPlacement).toBe('allowed');
    expect(assessment.specialWatchList?.member).toBe(true);
    expect(assessment.specialWatchList?.interimAssessmentDue).toBe('2010-02-01');
  });

  test('the same evidence in the 2020 report, with state forced labor found a policy or pattern, is Tier 3 under §110(b)(3)(B)', async () => {
    const { evidence } = await assessFile(example);
    const in2020 = {
      ...evidence,
      report_year: 2020,
      victims: { ...evidence.victims, watch_list_ground_i: { ...evidence.victims.watch_list_ground_i, sources: [], proportional_concrete_actions: false } },
      state_labor: evidence.state_labor.map((f) => ({ ...f, government_policy_or_pattern: true })),
    };
    const a = await assessEvidence(in2020, { clock: null, previousTier: null });
    expect(a.tier).toBe('3');
    expect(a.decidedBy.map((d) => d.rule)).toEqual(['22usc7107.b.3.B']);
    expect(a.decidedBy[0]!.cites.map((c) => c.title)).toContain('22 U.S.C. 7107(b)(3)(B)');
    // Without the finding, the same 2020 evidence stays on the Watch List.
    const without = await assessEvidence({ ...in2020, state_labor: evidence.state_labor }, { clock: null, previousTier: null });
    expect(without.tier).toBe('2WL');
  });

  test('tip assess --json gives "tier": "2WL" and a trace citing 22 U.S.C. 7106 and 7107', async () => {
    const io = bufferIo(PACKAGE_ROOT);
    const code = await main(['assess', 'examples/CHN-2009.yaml', '--history', 'examples/tiers.csv', '--json'], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.tier).toBe('2WL');
    expect(out.era.label).toContain('2009');
    expect(Array.isArray(out.watchList.grounds)).toBe(true);
    expect(out.recommendations.length).toBeGreaterThan(5);
    expect(out.clock.earliestDowngradeYear).toBe(2011);
    const cited = out.trace.flatMap((t: { cites: { title: string }[] }) => t.cites.map((c) => c.title)).join(' ');
    expect(cited).toContain('22 U.S.C. 7106');
    expect(cited).toContain('22 U.S.C. 7107');
    for (const t of out.trace) {
      expect(typeof t.rule).toBe('string');
      expect(['fired', 'not met', 'not in force in this year', 'not evaluated']).toContain(t.outcome);
    }
  });

  test('tip assess (text) says fifth consecutive year, counted year 1 and 2011', async () => {
    const io = bufferIo(PACKAGE_ROOT);
    expect(await main(['assess', 'examples/CHN-2009.yaml', '--history', 'examples/tiers.csv', '--trace'], io)).toBe(0);
    expect(io.out()).toContain('fifth consecutive Watch List year and counted year 1');
    expect(io.out()).toContain('earliest automatic downgrade: 2011');
    expect(io.out()).toContain('rules/22usc7107/b/2/A/iii.yaml');
  });
});

describe('--disregard-presumption outside the transitional reports', () => {
  test('has no effect in 2009, and the note names the reports of the rules that read it (from their files)', async () => {
    const { assessment } = await assessFile(join(EXAMPLES_DIR, 'CHN-2009.yaml'), { historyPath: join(EXAMPLES_DIR, 'tiers.csv'), secretaryDisregardsPresumption: true });
    const note = assessment.notes.find((n) => n.startsWith('--disregard-presumption has no effect'));
    expect(note).toBe('--disregard-presumption has no effect in the 2009 report: no rule in force reads it (the transitional clause covered the 2004-2005 reports).');
    expect(assessment.presumptions.filter((p) => p.status === 'applies').length).toBeGreaterThan(0);
  });
});
