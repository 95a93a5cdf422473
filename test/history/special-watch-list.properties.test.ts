import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { specialWatchList, specialWatchListFor } from '../../src/history/special-watch-list.js';
import { historyFromTiers } from '../../src/ledger/history.js';
import { TIERS, type Tier } from '../../src/model/tier.js';
import { LAW } from '../support/law.js';

const tier = fc.constantFrom<Tier>(...TIERS);
const year = fc.integer({ min: 2001, max: 2030 });

/** Special Watch List (22 U.S.C. 7107(b)(2)(A)): properties that hold whatever the placements. */
describe('Special Watch List properties', () => {
  test('a missing last year never gives a definite answer it could change', () => {
    fc.assert(
      fc.property(year, tier, (y, t) => {
        const unknown = specialWatchList(y, t, null, LAW).member;
        const fillings = new Set(TIERS.map((p) => specialWatchList(y, t, p, LAW).member));
        if (fillings.size > 1) expect(unknown).toBe('unknown');
        else expect(unknown).toBe([...fillings][0]);
      }),
    );
  });

  test('every Tier 2 Watch List country from 2004 is on it; nothing is on it before 2004', () => {
    fc.assert(
      fc.property(year, tier, fc.option(tier, { nil: null }), (y, t, prev) => {
        const swl = specialWatchList(y, t, prev, LAW);
        if (y < 2004) expect(swl.member).toBe(false);
        else if (t === '2WL') expect(swl.member).toBe(true);
      }),
    );
  });

  test('a move between Tier 2 and the Watch List is no upgrade: Tier 2 after the Watch List is off the list', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2004, max: 2030 }), (y) => {
        expect(specialWatchList(y, '2', '2WL', LAW).member).toBe(false);
        expect(specialWatchList(y, '2WL', '2', LAW).groundCodes).toEqual(['watch-list']);
      }),
    );
  });

  test('the interim assessment is due February 1 of the next year exactly when membership is possible', () => {
    fc.assert(
      fc.property(year, tier, fc.option(tier, { nil: null }), (y, t, prev) => {
        const swl = specialWatchList(y, t, prev, LAW);
        expect(swl.interimAssessmentDue).toBe(swl.member === false ? null : `${y + 1}-02-01`);
      }),
    );
  });

  test('the 180-day action plan is required only from 2019, for a Tier 3 -> Watch List upgrade', () => {
    fc.assert(
      fc.property(year, tier, tier, (y, t, prev) => {
        const plan = specialWatchList(y, t, prev, LAW).actionPlan;
        const expected = y >= 2019 && t === '2WL' && prev === '3';
        expect(plan?.required === true).toBe(expected);
        if (expected) expect(plan?.days).toBe(180);
      }),
    );
  });

  test('membership reads only this year and last year of the ledger', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2005, max: 2025 }), fc.array(tier, { minLength: 25, maxLength: 25 }), tier, (y, earlier, t) => {
        const tiers: Record<number, Tier> = {};
        earlier.forEach((x, i) => {
          if (2001 + i < y) tiers[2001 + i] = x;
        });
        const fromLedger = specialWatchListFor(historyFromTiers('TST', tiers), y, t, LAW);
        expect(fromLedger?.member).toBe(specialWatchList(y, t, tiers[y - 1] ?? null, LAW).member);
      }),
    );
  });
});
