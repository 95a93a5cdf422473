import fc from 'fast-check';
import type { HistoryContext } from '../../src/assess/assess.js';
import type { ClockSummary } from '../../src/assess/types.js';
import type { WatchListOutcome } from '../../src/history/clock.js';
import { lawOf } from '../../src/rules/law.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { firstYearOf } from '../../src/rules/law.js';
import { CLOCK_IDS } from '../../src/history/clock/law.js';

/**
 * The clock as the rules see it: the outcomes the ledger leaves possible. None: no outcome is
 * known (the placement is unknown); one: a definite clock; two: a gap leaves the clock open, and
 * the rules run once for each, so the tier may be open too.
 */
export const clockOutcomes = fc.uniqueArray(
  fc.record({ placement: fc.constantFrom('allowed', 'needs-waiver', 'barred', 'unavailable' as const), ruleF: fc.boolean() }),
  { minLength: 0, maxLength: 2, selector: (o) => `${o.placement}|${o.ruleF}` },
);

const law = lawOf(bundledCorpus());
const firstReports = { watchList: firstYearOf(law, CLOCK_IDS.watchList), counting: firstYearOf(law, CLOCK_IDS.downgrade), ruleF: firstYearOf(law, CLOCK_IDS.ruleF) };

/** A history context that gives the rules exactly these outcomes of the clock (no ledger behind it). */
export function historyOf(year: number, outcomes: readonly WatchListOutcome[], previousTier: HistoryContext['previousTier'] = null): HistoryContext {
  const one = outcomes.length === 1 ? outcomes[0]! : undefined;
  const summary: ClockSummary = {
    year,
    consecutiveWatchListYears: 0,
    countedWatchListYears: 0,
    waiverYearsUsed: 0,
    waiverYearsAllowed: 0,
    ruleF: { applies: one ? one.ruleF : 'unknown', reading: 'after-waiver-run', explanation: 'given by the test' },
    watchListPlacement: one ? one.placement : 'unknown',
    earliestDowngradeYear: null,
    unknownYears: outcomes.length > 1 ? [year - 2] : [],
    explanation: 'given by the test',
    cites: [],
    options: { ruleF: 'after-waiver-run', specialCaseBreaksRun: true },
    firstReports,
  };
  return { clock: summary, previousTier, outcomes: { outcomes, decidingYears: outcomes.length > 1 ? [year - 2] : [] } };
}
