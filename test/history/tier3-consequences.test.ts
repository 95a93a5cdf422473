import { describe, expect, test } from 'vitest';
import { tier3Consequences } from '../../src/history/tier3-consequences.js';
import { LAW } from '../support/law.js';

describe('Tier 3 consequences (22 U.S.C. 7107(c)-(d))', () => {
  test('restrictions, window, fiscal year, national-interest waiver', () => {
    const t = tier3Consequences(2013, LAW);
    if (!t.applies) throw new Error('expected consequences');
    expect(t.restrictionDetails.map((r) => r.pinpoint)).toEqual(['(d)(1)(A)(i)', '(d)(1)(A)(ii)', '(d)(1)(B)']);
    expect(t.restrictions[0]).toMatch(/^\(d\)\(1\)\(A\)\(i\) No nonhumanitarian, nontrade-related/);
    expect(t.determinationWindow).toEqual({ minDays: 45, maxDays: 90, from: null, to: null });
    expect(t.reassessment).toMatch(/reassess/);
    expect(t.fiscalYear).toBe(2014);
    expect([t.fiscalYearBegins, t.fiscalYearEnds]).toEqual(['2013-10-01', '2014-09-30']);
    expect(t.nationalInterestWaiver).toMatch(/national interest/);
    expect(t.tradeAgreementLimit).toBeNull();
    expect(t.cites.map((c) => c.title)).toEqual(expect.arrayContaining(['22 U.S.C. 7107(c)', '22 U.S.C. 7107(d)(1)(A)-(B)', '22 U.S.C. 7107(d)(4)-(5)']));
  });

  test('the 45-90 day window as dates when the release date is known', () => {
    const t = tier3Consequences(2011, LAW, { releaseDate: '2011-06-27' });
    if (!t.applies) throw new Error('expected consequences');
    expect(t.determinationWindow).toEqual({ minDays: 45, maxDays: 90, from: '2011-08-11', to: '2011-09-25' });
    expect(t.fiscalYear).toBe(2012);
    // Across a year end and a leap day.
    const late = tier3Consequences(2023, LAW, { releaseDate: '2023-12-31' });
    if (!late.applies) throw new Error('expected consequences');
    expect([late.determinationWindow.from, late.determinationWindow.to]).toEqual(['2024-02-14', '2024-03-30']);
  });

  test('from the 2015 report, the trade-agreement limit (19 U.S.C. 4205(b)(6))', () => {
    const t = tier3Consequences(2015, LAW);
    if (!t.applies) throw new Error('expected consequences');
    expect(t.tradeAgreementLimit).toMatch(/trade agreement/);
    expect(t.cites.map((c) => c.href)).toContain('https://www.law.cornell.edu/uscode/text/19/4205');
    const before = tier3Consequences(2014, LAW);
    expect(before.applies && before.tradeAgreementLimit).toBeNull();
  });

  test('no determinations for the 2001 and 2002 reports (§110(c): reports on or after January 1, 2003)', () => {
    const t = tier3Consequences(2002, LAW);
    expect(t.applies).toBe(false);
    expect(t.explanation).toMatch(/January 1, 2003/);
    expect(tier3Consequences(2003, LAW).applies).toBe(true);
  });

  test('a release date that is not a calendar date is refused', () => {
    expect(() => tier3Consequences(2020, LAW, { releaseDate: '2020-6-25' })).toThrow(/YYYY-MM-DD/);
    expect(() => tier3Consequences(2021, LAW, { releaseDate: '2021-02-29' })).toThrow(/YYYY-MM-DD/);
  });
});
