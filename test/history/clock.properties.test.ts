import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeClock, type Clock } from '../../src/history/clock.js';
import { checkHistory } from '../../src/history/check.js';
import { clockLaw } from '../../src/history/clock/law.js';
import { parseLedger } from '../../src/ledger/ledger.js';
import { LAST_REPORT_YEAR, TIERS, type Tier } from '../../src/model/tier.js';
import { completeHistoryArb, lawfulEra, optionsArb, tierArb, toHistory } from './arbitraries.js';
import { LAW } from '../support/law.js';

const FIELDS = ['consecutiveWatchListYears', 'countedWatchListYears', 'waiverYearsUsed', 'waiverYearsAllowed', 'watchListPlacement', 'earliestDowngradeYear'] as const;
function fields(c: Clock): Record<string, unknown> {
  return { ...Object.fromEntries(FIELDS.map((f) => [f, c[f]])), ruleF: c.ruleF.applies };
}

describe('the clock (fast-check)', () => {
  test('the clock for Y does not change when later years are appended or changed', () => {
    fc.assert(
      fc.property(completeHistoryArb(2001, 2030), fc.integer({ min: 2001, max: 2031 }), optionsArb, (tiers, y, options) => {
        const before = Object.fromEntries(Object.entries(tiers).filter(([k]) => Number(k) < y));
        expect(computeClock(toHistory(tiers), y, LAW, options)).toEqual(computeClock(toHistory(before), y, LAW, options));
      }),
      { numRuns: 300 },
    );
  });

  test('years before the 2009 report never count', () => {
    fc.assert(
      fc.property(completeHistoryArb(2001, 2030), completeHistoryArb(2001, 2008), fc.integer({ min: 2001, max: 2031 }), optionsArb, (tiers, early, y, options) => {
        const changed = { ...tiers, ...early };
        const a = computeClock(toHistory(tiers), y, LAW, options);
        const b = computeClock(toHistory(changed), y, LAW, options);
        const { consecutiveWatchListYears: _a, ...restA } = fields(a);
        const { consecutiveWatchListYears: _b, ...restB } = fields(b);
        expect(restB).toEqual(restA);
        if (y <= 2009) expect(a.countedWatchListYears).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  test('any year off the Watch List resets the run', () => {
    const offList = fc.constantFrom<Tier>('1', '2', '3', 'special');
    fc.assert(
      fc.property(completeHistoryArb(2001, 2030), fc.integer({ min: 2004, max: 2031 }), offList, optionsArb, (tiers, y, off, options) => {
        if (off === 'special' && !options.specialCaseBreaksRun) return; // the option: a Special Case year does not end a run
        const c = computeClock(toHistory({ ...tiers, [y - 1]: off }), y, LAW, options);
        expect(c.consecutiveWatchListYears).toBe(0);
        expect(c.countedWatchListYears).toBe(0);
        expect(c.waiverYearsUsed).toBe(0);
        expect(c.ruleF.applies).toBe(false);
        expect(c.watchListPlacement).toBe('allowed');
        expect(c.earliestDowngradeYear).toBe(Math.max(y, 2009) + 2);
      }),
      { numRuns: 300 },
    );
  });

  test('with specialCaseBreaksRun false a Special Case year neither counts nor ends a run', () => {
    fc.assert(
      fc.property(completeHistoryArb(2001, 2030), fc.integer({ min: 2011, max: 2030 }), (tiers, y) => {
        const withSpecial = { ...tiers, [y - 1]: 'special' as Tier };
        // The same history with the Special Case year taken out and the earlier years moved up one.
        const shifted: Record<number, Tier> = {};
        for (const [k, t] of Object.entries(tiers)) if (Number(k) < y - 1) shifted[Number(k) + 1] = t;
        const a = computeClock(toHistory(withSpecial), y, LAW, { specialCaseBreaksRun: false, ruleF: 'after-waiver-run' });
        const b = computeClock(toHistory(shifted), y, LAW, { specialCaseBreaksRun: false, ruleF: 'after-waiver-run' });
        expect(a.consecutiveWatchListYears).toBe(b.consecutiveWatchListYears);
        if (y - 2 >= 2009 && tiers[y - 2] === '2WL') expect(a.countedWatchListYears).not.toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  test('rule (F): never before 2019, never without a Watch List year before Y, and after-waiver-run ⊆ literal ⊆ any-time-after', () => {
    fc.assert(
      fc.property(completeHistoryArb(2001, 2030), fc.integer({ min: 2004, max: 2031 }), fc.boolean(), (tiers, y, breaks) => {
        const h = toHistory(tiers);
        const [narrow, literal, ever] = (['after-waiver-run', 'literal', 'any-time-after'] as const).map((r) => computeClock(h, y, LAW, { ruleF: r, specialCaseBreaksRun: breaks }).ruleF.applies);
        if (y < 2019 || tiers[y - 1] !== '2WL') {
          if (y < 2019 || breaks || tiers[y - 1] !== 'special') expect([narrow, literal, ever]).toEqual([false, false, false]);
        }
        if (narrow === true) expect(literal).toBe(true);
        if (literal === true) expect(ever).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('rule (F) after a run, a Tier 3 stint and one Watch List year: by the length of the earlier run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2019, max: 2030 }), completeHistoryArb(2001, 2030), (run, stint, y, noise) => {
        // ... noise | run of `run` Watch List years | `stint` Tier 3 years | one Watch List year | Y
        const start = y - 1 - stint - run;
        if (start < 2010) return;
        const tiers: Record<number, Tier> = {};
        for (const [k, t] of Object.entries(noise)) if (Number(k) < start - 1) tiers[Number(k)] = t;
        tiers[start - 1] = '2';
        for (let i = 0; i < run; i++) tiers[start + i] = '2WL';
        for (let i = 0; i < stint; i++) tiers[start + run + i] = '3';
        tiers[y - 1] = '2WL';
        const h = toHistory(tiers);
        const f = (r: 'after-waiver-run' | 'literal' | 'any-time-after') => computeClock(h, y, LAW, { ruleF: r }).ruleF.applies;
        expect(f('after-waiver-run')).toBe(run >= 3);
        expect(f('literal')).toBe(true);
        expect(f('any-time-after')).toBe(true);
        expect(computeClock(h, y, LAW, { ruleF: run >= 3 ? 'after-waiver-run' : 'literal' }).watchListPlacement).toBe('barred');
      }),
      { numRuns: 200 },
    );
  });
});

describe('histories the engine itself produces are never flagged (model-based)', () => {
  // Each year: the decision a desk officer might reach (a tier) and whether a waiver would be
  // granted. The engine places the country as the clock allows: the Watch List only when allowed,
  // or with a granted waiver when one is needed; otherwise Tier 3 (the automatic downgrade).
  const decision = fc.record({ tier: tierArb, waiver: fc.boolean() });
  test('no run exceeds 2 + the waiver years of its era, and check-history finds nothing', () => {
    fc.assert(
      fc.property(fc.array(decision, { minLength: LAST_REPORT_YEAR - 2000, maxLength: LAST_REPORT_YEAR - 2000 }), optionsArb, (decisions, options) => {
        const tiers: Record<number, Tier> = {};
        const waivers: number[] = [];
        decisions.forEach((d, i) => {
          const y = 2001 + i;
          let tier = lawfulEra(y, d.tier);
          if (tier === '2WL') {
            const c = computeClock(toHistory(tiers), y, LAW, options).watchListPlacement;
            if (c === 'needs-waiver' && d.waiver) waivers.push(y);
            else if (c !== 'allowed') tier = '3';
          }
          tiers[y] = tier;
        });
        // No run longer than the statute allows.
        let counted = 0;
        for (let y = 2001; y <= LAST_REPORT_YEAR; y++) {
          if (tiers[y] === '2WL' && y >= 2009) {
            expect(counted).toBeLessThan(clockLaw(LAW).at(y).freeYears + clockLaw(LAW).at(y).waiverYears);
            counted++;
          } else if (!(tiers[y] === 'special' && !options.specialCaseBreaksRun)) {
            counted = 0;
          }
        }
        // The checker agrees: no violation, no missing waiver, nothing unknown.
        const csv = ['iso3,year,tier,waiver', ...Object.entries(tiers).map(([y, t]) => `XXX,${y},${t},${waivers.includes(Number(y)) ? 'true' : ''}`)].join('\n');
        const result = checkHistory(parseLedger(csv, 'generated.csv'), LAW, options);
        expect(result.violations).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.unknown).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('missing years (fast-check)', () => {
  test('a gap never yields a definite answer that the missing years could change; unknown answers really vary', () => {
    fc.assert(
      fc.property(
        completeHistoryArb(2001, 2029),
        fc.integer({ min: 2004, max: 2030 }),
        fc.uniqueArray(fc.integer({ min: 2001, max: 2029 }), { minLength: 1, maxLength: 3 }),
        optionsArb,
        (tiers, y, gaps, options) => {
          const holes = gaps.filter((g) => g < y);
          const partial = Object.fromEntries(Object.entries(tiers).filter(([k]) => Number(k) < y && !holes.includes(Number(k))));
          const withGap = computeClock(toHistory(partial), y, LAW, options);
          // Every filling of the holes, with every tier the era allows.
          let fillings: Record<number, Tier>[] = [{}];
          for (const g of holes) fillings = fillings.flatMap((f) => TIERS.filter((t) => lawfulEra(g, t) === t).map((t) => ({ ...f, [g]: t })));
          const filled = fillings.map((f) => fields(computeClock(toHistory({ ...partial, ...f }), y, LAW, options)));
          const gapFields = fields(withGap);
          for (const [k, v] of Object.entries(gapFields)) {
            const values = new Set(filled.map((f) => JSON.stringify(f[k])));
            if (v === 'unknown') expect(values.size, `${k} is unknown but every filling agrees`).toBeGreaterThan(1);
            else expect([...values], k).toEqual([JSON.stringify(v)]);
          }
          for (const u of withGap.unknownYears) expect(holes).toContain(u);
          if (Object.values(gapFields).every((v) => v !== 'unknown')) expect(withGap.unknownYears).toEqual([]);
        },
      ),
      {
        numRuns: 400,
        examples: [
          // Regression (seed -633662230): every field was definite but 2020 was listed as unknown,
          // because two fillings gave different *reasons* for rule (F) not applying.
          [
            { 2001: '2', 2002: '3', 2003: '2', 2004: '2WL', 2005: '2WL', 2006: 'special', 2007: '2WL', 2008: 'special', 2009: '2', 2010: '2WL', 2011: '2WL', 2012: '2WL', 2013: '2WL', 2014: '2WL', 2015: '2WL', 2016: '2', 2017: '2WL', 2018: '3', 2019: '3', 2020: '2', 2021: '3', 2022: '2WL', 2023: '2WL', 2024: '2WL', 2025: '2', 2026: '1', 2027: 'special', 2028: '2WL', 2029: '2WL' },
            2023,
            [2020, 2001],
            { ruleF: 'after-waiver-run', specialCaseBreaksRun: false },
          ],
        ],
      },
    );
  });
});
