import type { HistoryContext } from '../../src/assess/assess.js';
import type { ClockSummary } from '../../src/assess/types.js';

/** A history context that gives the rules exactly these clock facts (no ledger behind it). */
export function historyOf(
  year: number,
  clock: { watchListPlacement: ClockSummary['watchListPlacement']; ruleFApplies: boolean; watchListForbiddenInEveryFilling: boolean },
  previousTier: HistoryContext['previousTier'] = null,
): HistoryContext {
  const summary: ClockSummary = {
    year,
    consecutiveWatchListYears: 0,
    countedWatchListYears: 0,
    waiverYearsUsed: 0,
    waiverYearsAllowed: 0,
    ruleF: { applies: clock.ruleFApplies, reading: 'after-waiver-run', explanation: 'given by the test' },
    watchListPlacement: clock.watchListPlacement,
    earliestDowngradeYear: null,
    unknownYears: [],
    explanation: 'given by the test',
    cites: [],
    options: { ruleF: 'after-waiver-run', specialCaseBreaksRun: true },
  };
  // For an unknown placement, what every filling of the gaps allows decides the downgrade rule.
  const possible = clock.watchListPlacement === 'unknown' ? (clock.watchListForbiddenInEveryFilling ? ['needs-waiver', 'barred'] : ['allowed', 'barred']) : [clock.watchListPlacement];
  return { clock: summary, previousTier, possiblePlacements: possible };
}
