import { describe, expect, test } from 'vitest';
import { clockTimeline, computeClock } from '../../src/history/clock.js';
import { countryHistory, historyFromTiers } from '../../src/ledger/history.js';
import { published } from './published.js';
import { CLOCK_IDS, paragraphOf } from '../../src/history/clock/law.js';
import { numberedAs } from '../../src/rules/law.js';
import { LAW } from '../support/law.js';

describe('computeClock: details', () => {
  test('clockTimeline gives the clock of every year, first row to the year after the last', () => {
    const chn = countryHistory(published(), 'CHN');
    const all = clockTimeline(chn, LAW);
    expect(all.map((c) => c.year)).toEqual(Array.from({ length: 26 }, (_, i) => 2001 + i));
    expect(all.find((c) => c.year === 2009)).toEqual(computeClock(chn, 2009, LAW));
    expect(clockTimeline(chn, LAW, {}, 2010).at(-1)?.year).toBe(2010);
    expect(clockTimeline(historyFromTiers('XXX', {}), LAW)).toEqual([]);
  });

  test('a Special Case year ends a run by default; with the option it neither counts nor ends it', () => {
    const h = historyFromTiers('XXX', { 2008: '2', 2009: '2WL', 2010: '2WL', 2011: 'special', 2012: '2WL' });
    const dflt = computeClock(h, 2013, LAW);
    expect([dflt.consecutiveWatchListYears, dflt.countedWatchListYears, dflt.watchListPlacement]).toEqual([1, 1, 'allowed']);
    const cont = computeClock(h, 2013, LAW, { specialCaseBreaksRun: false });
    expect([cont.consecutiveWatchListYears, cont.countedWatchListYears, cont.watchListPlacement]).toEqual([3, 3, 'needs-waiver']);
    expect(cont.options).toEqual({ ruleF: 'after-waiver-run', specialCaseBreaksRun: false });
  });

  test('a lone row and a long gap: counts unknown, the answer says "at least", nothing hangs', () => {
    const h = historyFromTiers('XXX', { 2025: '2WL' });
    for (const ruleF of ['after-waiver-run', 'literal', 'any-time-after'] as const) {
      const c = computeClock(h, 2026, LAW, { ruleF });
      expect(c.countedWatchListYears).toBe('unknown');
      expect(c.watchListPlacement).toBe('unknown');
      expect(c.explanation).toMatch(/at least 1 consecutive year, at least 1 of them counted/);
      expect(c.unknownYears).toContain(2024);
      expect(c.unknownYears.every((y) => y < 2025)).toBe(true);
    }
  });

  test('any-time-after: a gap that could hold the earlier downgrade leaves rule (F) open, and names it', () => {
    // Watch List 2012-2013, 2014 missing, Tier 2 2015-2019, Watch List 2020: if 2014 was Tier 3,
    // (F) bars 2021 under "any time after".
    const h = historyFromTiers('XXX', { 2009: '2', 2010: '2', 2011: '2', 2012: '2WL', 2013: '2WL', 2015: '2', 2016: '2', 2017: '2', 2018: '2', 2019: '2', 2020: '2WL' });
    const c = computeClock(h, 2021, LAW, { ruleF: 'any-time-after' });
    expect(c.ruleF.applies).toBe('unknown');
    expect(c.unknownYears).toEqual([2014]);
    expect(c.ruleF.explanation).toMatch(/missing year 2014/);
    expect(computeClock(h, 2021, LAW).ruleF.applies).toBe(false); // the default reading looks only right after a Tier 3 stint
  });

  test('the provision is cited as numbered that year, from the rule files (numbered_as)', () => {
    const h = historyFromTiers('XXX', { 2008: '2WL' });
    const numbered = (id: string, y: number) => numberedAs(LAW, id, y);
    expect(computeClock(h, 2003, LAW).cites.map((c) => c.title).join(' ')).toMatch(/Pub. L. 108-193/);
    expect(computeClock(h, 2009, LAW).cites.map((c) => c.pinpoint)).toContain(numbered(CLOCK_IDS.downgrade, 2009));
    expect(computeClock(h, 2009, LAW).explanation).toContain(`§110${paragraphOf(LAW, 2009)}(D)`);
    expect(computeClock(historyFromTiers('XXX', { 2013: '2', 2014: '2WL', 2015: '2WL' }), 2016, LAW).explanation).toContain(numbered(CLOCK_IDS.waiver, 2016));
    expect(paragraphOf(LAW, 2013)).not.toBe(paragraphOf(LAW, 2016)); // the renumbering of the rule files
    const f = computeClock(h, 2019, LAW);
    expect(f.cites.map((c) => c.pinpoint)).toEqual(expect.arrayContaining([numbered(CLOCK_IDS.ruleF, 2019)]));
    expect(f.explanation).toContain('(D)-(F)');
  });
});
