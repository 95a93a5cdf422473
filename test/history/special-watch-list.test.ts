import { describe, expect, test } from 'vitest';
import { specialWatchList, specialWatchListFor } from '../../src/history/special-watch-list.js';
import { countryHistory } from '../../src/ledger/history.js';
import type { Tier } from '../../src/model/tier.js';
import { published } from './published.js';
import { LAW } from '../support/law.js';

describe('Special Watch List (22 U.S.C. 7107(b)(2)(A); 110(b)(3)(A) before 2014)', () => {
  const cases: { name: string; year: number; tier: Tier; prev: Tier | null; member: boolean | 'unknown'; grounds: string[] }[] = [
    { name: 'Tier 2 -> Tier 1: (A)(i)', year: 2022, tier: '1', prev: '2', member: true, grounds: ['upgraded-to-tier-1'] },
    { name: 'Watch List -> Tier 1: (A)(i)', year: 2022, tier: '1', prev: '2WL', member: true, grounds: ['upgraded-to-tier-1'] },
    { name: 'Tier 1 -> Tier 1: not a member', year: 2022, tier: '1', prev: '1', member: false, grounds: [] },
    { name: 'Tier 3 -> Tier 2: (A)(ii)', year: 2022, tier: '2', prev: '3', member: true, grounds: ['upgraded-from-tier-3'] },
    { name: 'Tier 3 -> Watch List: (A)(ii) and (A)(iii)', year: 2022, tier: '2WL', prev: '3', member: true, grounds: ['upgraded-from-tier-3', 'watch-list'] },
    { name: 'Watch List -> Tier 2 is no upgrade (both on the (1)(B) list)', year: 2022, tier: '2', prev: '2WL', member: false, grounds: [] },
    { name: 'Watch List again: (A)(iii)', year: 2010, tier: '2WL', prev: '2WL', member: true, grounds: ['watch-list'] },
    { name: 'Tier 3: not a member', year: 2022, tier: '3', prev: '2WL', member: false, grounds: [] },
    { name: 'Tier 1, last year missing: unknown', year: 2022, tier: '1', prev: null, member: 'unknown', grounds: [] },
    { name: 'Tier 2, last year missing: unknown', year: 2022, tier: '2', prev: null, member: 'unknown', grounds: [] },
    { name: 'Watch List, last year missing: a member anyway', year: 2022, tier: '2WL', prev: null, member: true, grounds: ['watch-list'] },
    { name: 'Before 2004 there is no list', year: 2003, tier: '1', prev: '2', member: false, grounds: [] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const s = specialWatchList(c.year, c.tier, c.prev, LAW);
      expect(s.member).toBe(c.member);
      expect(s.groundCodes).toEqual(c.grounds);
      expect(s.grounds).toHaveLength(c.grounds.length);
      expect(s.interimAssessmentDue).toBe(c.member === false ? null : `${c.year + 1}-02-01`);
      expect(s.cites.length).toBeGreaterThan(0);
    });
  }

  test('the paragraph is cited as numbered that year', () => {
    expect(specialWatchList(2010, '2WL', '2WL', LAW).explanation).toMatch(/§110\(b\)\(3\)\(A\)\(iii\)/);
    expect(specialWatchList(2015, '2WL', '2WL', LAW).explanation).toMatch(/§110\(b\)\(2\)\(A\)\(iii\)/);
    expect(specialWatchList(2015, '2WL', '2WL', LAW).cites[0]!.title).toMatch(/7107\(b\)\(2\)\(A\)/);
  });

  test('the interim assessment covers progress since the last report until 2018, since April 1 of the previous year from 2019', () => {
    expect(specialWatchList(2018, '2WL', '2', LAW).interimAssessment).toMatchObject({ due: '2019-02-01', progressSince: 'the last annual report' });
    expect(specialWatchList(2019, '2WL', '2', LAW).interimAssessment).toMatchObject({ due: '2020-02-01', progressSince: 'April 1 of the previous year' });
  });

  test('from 2019, Tier 3 -> Watch List needs an action plan within 180 days (dated when the release date is known)', () => {
    const s = specialWatchList(2020, '2WL', '3', LAW, { releaseDate: '2020-06-25' });
    expect(s.actionPlan).toMatchObject({ required: true, days: 180, dueDate: '2020-12-22' });
    expect(s.actionPlanDueDays).toBe(180);
    expect(s.cites.map((c) => c.title)).toContain('22 U.S.C. 7107(b)(4)');
    expect(specialWatchList(2018, '2WL', '3', LAW).actionPlan).toBeNull();
    expect(specialWatchList(2020, '2WL', '2WL', LAW).actionPlan).toBeNull();
    expect(specialWatchList(2020, '2WL', null, LAW).actionPlan).toMatchObject({ required: 'unknown' });
    expect(() => specialWatchList(2020, '2WL', '3', LAW, { releaseDate: '2020-02-30' })).toThrow(/YYYY-MM-DD/);
  });

  test('from the published ledger: Malaysia 2023 (Tier 3 -> Watch List), Malaysia 2024 (Watch List -> Tier 2: not a member)', () => {
    const mys = countryHistory(published(), 'MYS');
    expect(specialWatchListFor(mys, 2023, undefined, LAW)).toMatchObject({ member: true, groundCodes: ['upgraded-from-tier-3', 'watch-list'], actionPlan: { required: true } });
    expect(specialWatchListFor(mys, 2024, undefined, LAW)).toMatchObject({ member: false });
    expect(specialWatchListFor(mys, 2030, undefined, LAW)).toBeNull();
    expect(specialWatchListFor(mys, 2030, '1', LAW)).toMatchObject({ member: 'unknown' });
  });
});
