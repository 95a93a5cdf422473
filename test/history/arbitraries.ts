import fc from 'fast-check';
import type { ClockOptions } from '../../src/history/clock.js';
import { RULE_F_READINGS } from '../../src/history/clock.js';
import { historyFromTiers, type CountryHistory } from '../../src/ledger/history.js';
import type { Tier } from '../../src/model/tier.js';

/** Tiers weighted toward the Watch List, so long runs, waivers and rule (F) show up often. */
export const tierArb: fc.Arbitrary<Tier> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Tier>('2WL') },
  { weight: 2, arbitrary: fc.constant<Tier>('3') },
  { weight: 1, arbitrary: fc.constant<Tier>('2') },
  { weight: 1, arbitrary: fc.constant<Tier>('1') },
  { weight: 1, arbitrary: fc.constant<Tier>('special') },
);

export const optionsArb: fc.Arbitrary<Required<ClockOptions>> = fc.record({
  ruleF: fc.constantFrom(...RULE_F_READINGS),
  specialCaseBreaksRun: fc.boolean(),
});

/** No Watch List before the 2004 report: a generated history respects that. */
export function lawfulEra(year: number, tier: Tier): Tier {
  return year < 2004 && tier === '2WL' ? '2' : tier;
}

/** A complete history for the years first..last. */
export function completeHistoryArb(first: number, last: number): fc.Arbitrary<Record<number, Tier>> {
  return fc.array(tierArb, { minLength: last - first + 1, maxLength: last - first + 1 }).map((ts) => Object.fromEntries(ts.map((t, i) => [first + i, lawfulEra(first + i, t)])));
}

export function toHistory(tiers: Record<number, Tier>): CountryHistory {
  return historyFromTiers('XXX', tiers);
}
