import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { WhatIf } from '../../src/whatif/types.js';

/**
 * Issue 14's "done when", for China 2009 (examples/CHN-2009.yaml with examples/tiers.csv), through
 * the command line: increasing efforts (ground (II)) is the government action toward Tier 2, the
 * victim-population ground is marked situational, and a second counted Watch List year in 2010
 * makes the 2011 report the first in which the automatic downgrade applies, waivable for up to two
 * years under that year's law.
 */
const CHN = join('examples', 'CHN-2009.yaml');
const TIERS = join('examples', 'tiers.csv');

async function tip(...argv: string[]) {
  const io = bufferIo(PACKAGE_ROOT);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('tip what-if on China 2009', () => {
  test('--json: the action toward Tier 2, the situational ground, the clock next year, the actions in order', async () => {
    const r = await tip('what-if', CHN, '--history', TIERS, '--json');
    expect(r.code).toBe(0);
    const w = JSON.parse(r.out) as WhatIf;
    expect(w.current.tier).toBe('2WL');
    expect(w.targets.map((t) => t.tier)).toEqual(['2', '3', '1']); // the nearest first
    const tier2 = w.targets.find((t) => t.tier === '2')!;
    const best = tier2.sets[0]!;
    expect(best.changes.map((c) => [c.field, c.from, c.to, c.class, c.kind])).toEqual([
      ['comparison_with_previous_year.increasing_efforts', false, true, 'actionable', 'change'],
      ['victims.watch_list_ground_i.very_significant', true, false, 'situational', 'change'],
    ]);
    expect(best.changes[0]!.label).toContain('Watch List ground (II)');
    expect(best.changes[0]!.rules.map((x) => x.rule)).toContain('22usc7107.b.2.A.iii.II');
    expect(best.changes[1]!.label).toContain('Watch List ground (I)');
    expect(best.decidedBy.map((d) => d.rule)).toEqual(['22usc7107.b.1.B']);
    // Every way to Tier 2 needs ground (I) gone, and that is never advice.
    for (const s of tier2.sets) expect(s.changes.some((c) => c.fact === 'victimsVerySignificant' && c.class === 'situational')).toBe(true);
    expect(w.plan[0]).toMatchObject({ fact: 'increasingEfforts', to: true, towards: ['2'], covers: ['b11'] });
    expect(w.plan[0]!.conditions.join(' ')).toMatch(/Watch List ground \(I\)\) \[situational\]/);
    expect(w.plan.every((a) => !['victimsVerySignificant', 'victimsSignificantlyIncreasing'].includes(a.fact))).toBe(true);
    expect(w.nextYear.summary[0]).toBe(
      "If nothing changes, the 2010 report is the second counted Watch List year, which makes the 2011 report the first in which the automatic downgrade applies (22 U.S.C. 7107(b)(2)(D)(i)), waivable for up to two years under that year's law; without a waiver, Tier 3 in the 2011 report.",
    );
    expect(w.nextYear.summary[1]).toBe('A third and a fourth counted Watch List year would require a waiver (the 2011 and 2012 reports); a fifth is barred: Tier 3 in the 2013 report.');
    expect(w.nextYear.ruleFReading).toBe('after-waiver-run');
    expect(w.nextYear.years.map((y) => [y.year, y.tier])).toEqual([
      [2010, '2WL'],
      [2011, '3'],
    ]);
    expect(w.nextYear.withWaivers.map((y) => [y.year, y.tier])).toEqual([
      [2010, '2WL'],
      [2011, '2WL'],
      [2012, '2WL'],
      [2013, '3'],
    ]);
    expect(w.work.confirmed).toBe(w.work.candidates);
  });

  test('text: marks, the bound, and byte-identical output on every run', async () => {
    const a = await tip('what-if', CHN, '--history', TIERS);
    expect(a.code).toBe(0);
    expect(a.out).toContain('[action] comparison_with_previous_year.increasing_efforts: false -> true');
    expect(a.out).toContain('[situational] victims.watch_list_ground_i.very_significant: true -> false or unknown');
    expect(a.out).toContain("[situational] the country's situation: never advice");
    expect(a.out).toContain('smallest sets of at most 3 evidence changes');
    expect((await tip('what-if', CHN, '--history', TIERS)).out).toBe(a.out);
    const only = await tip('what-if', CHN, '--history', TIERS, '--target', '3');
    expect(only.out.match(/^Toward /gm)).toEqual(['Toward ']);
    expect(only.out).toContain('[procedural] determination.significant_efforts: true -> false');
  });

  test('a smaller bound says how many changes Tier 1 would take; bad options are usage errors', async () => {
    const two = await tip('what-if', CHN, '--history', TIERS, '--max-changes', '2', '--target', '1');
    expect(two.out).toContain('Toward Tier 1 (up): no set of at most 2 changes gives it (the fewest that would: 3; --max-changes 3 lists them)');
    for (const bad of [['--target', '4'], ['--max-changes', '9'], ['--max-changes', 'x']]) {
      const r = await tip('what-if', CHN, ...bad);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect((await tip('what-if', '--help')).out).toMatch(/^Usage: tip what-if FILE/);
    const top = await tip('--help');
    expect(top.out).toContain('what-if');
  });

  test('without a ledger the clock is not projected, and the output says so', async () => {
    const r = await tip('what-if', CHN, '--json');
    const w = JSON.parse(r.out) as WhatIf;
    expect(w.nextYear.unavailable).toMatch(/No tier history was given/);
    expect(w.notes.join(' ')).toMatch(/clock is not applied/);
  });
});
