import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { historyContextFor } from '../../src/assess/file.js';
import { LAST_REPORT_YEAR, TIERS, type Tier } from '../../src/model/tier.js';
import { baseEvidence } from '../support/evidence.js';
import { LAW } from '../support/law.js';
import { completeHistoryArb, lawfulEra, optionsArb, toHistory } from './arbitraries.js';

/**
 * Issue 9, item 9: the tier of an assessment over a ledger with gaps, against every filling of the
 * gaps. Whatever the evidence's waiver, the assessment is definite exactly when every filling gives
 * the same tier (and then gives it), and open with exactly the tiers the fillings give otherwise.
 */
describe('an assessment over a ledger with gaps, against every filling (fast-check)', () => {
  test('definite only when every filling agrees; open with exactly the tiers the fillings give', async () => {
    await fc.assert(
      fc.asyncProperty(
        completeHistoryArb(2001, LAST_REPORT_YEAR - 1),
        fc.integer({ min: 2004, max: LAST_REPORT_YEAR }),
        fc.uniqueArray(fc.integer({ min: 2001, max: LAST_REPORT_YEAR - 1 }), { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        optionsArb,
        async (tiers, year, gaps, waiver, options) => {
          const holes = gaps.filter((g) => g < year);
          const partial = Object.fromEntries(Object.entries(tiers).filter(([k]) => Number(k) < year && !holes.includes(Number(k))));
          const evidence = baseEvidence(year, {
            comparison_with_previous_year: { increasing_efforts: false, rationale: 'no evidence of increasing efforts' },
            waiver: { written_plan: waiver, plan_would_constitute_significant_efforts: waiver, sufficient_resources: waiver, granted: waiver },
          });
          const assess = (t: Record<number, Tier>) => assessEvidence(evidence, historyContextFor(toHistory(t), year, LAW, options), {}, LAW.corpus);
          const withGaps = await assess(partial);
          let fillings: Record<number, Tier>[] = [{}];
          for (const g of holes) fillings = fillings.flatMap((f) => TIERS.filter((t) => lawfulEra(g, t) === t).map((t) => ({ ...f, [g]: t })));
          const filled = new Set<Tier>();
          for (const f of fillings) {
            const a = await assess({ ...partial, ...f });
            expect(a.open, 'a complete ledger gives a definite tier').toBeNull();
            filled.add(a.tier);
          }
          if (filled.size === 1) {
            expect(withGaps.open).toBeNull();
            expect(withGaps.tier).toBe([...filled][0]);
          } else {
            expect(withGaps.open?.tiers.slice().sort()).toEqual([...filled].sort());
            for (const y of withGaps.open!.decidingYears) expect(holes).toContain(y);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
