import * as z from 'zod';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { REGIONAL_BUREAUS, TIERS } from '../model/tier.js';

/**
 * The parts every draft shares: who the country is, its recommendations, and the Watch List clock
 * as far as the ledger settles it. Builders copy evidence text as data and compute every count from
 * the assessment and its clock; the templates only choose words.
 */

export const TierSchema = z.enum(TIERS);
const text = z.string();

export const CountryViewSchema = z.strictObject({
  name: text,
  iso3: z.string().regex(/^[A-Z]{3}$/),
  bureau: z.enum(REGIONAL_BUREAUS),
  adjective: text,
  government: z.strictObject({
    /** "the Government of the People's Republic of China" */
    formal: text,
    /** "the Chinese government" */
    short: text,
  }),
});
export type CountryView = z.output<typeof CountryViewSchema>;

export function countryView(assessment: Assessment): CountryView {
  const c = assessment.country;
  return {
    name: c.name,
    iso3: c.iso3,
    bureau: c.bureau,
    adjective: c.adjective,
    government: { formal: c.government.formal_name, short: c.government.short_name },
  };
}

/** A clock whose run length can be trusted: a history was given and it has no gap that matters. */
export function trustedClock(assessment: Assessment): KnownClock | null {
  const c = assessment.clock;
  if (!c || c.watchListPlacement === 'unknown' || c.unknownYears.length > 0) return null;
  // A count the ledger cannot settle ('unknown') is never printed as a number.
  if (typeof c.consecutiveWatchListYears !== 'number' || typeof c.countedWatchListYears !== 'number' || typeof c.waiverYearsUsed !== 'number') return null;
  if (c.earliestDowngradeYear === 'unknown') return null;
  return {
    consecutiveWatchListYears: c.consecutiveWatchListYears,
    countedWatchListYears: c.countedWatchListYears,
    waiverYearsUsed: c.waiverYearsUsed,
    waiverYearsAllowed: c.waiverYearsAllowed,
    earliestDowngradeYear: c.earliestDowngradeYear,
  };
}
/** The clock's counts when every one of them is known. */
export interface KnownClock {
  consecutiveWatchListYears: number;
  countedWatchListYears: number;
  waiverYearsUsed: number;
  waiverYearsAllowed: number;
  earliestDowngradeYear: number | null;
}

/**
 * The recommendations the drafts print. The analyst's list, when there is one, is the drafts':
 * they are the officer's words, in the officer's order. The statutory recommendations of the unmet
 * standards and criteria it does not cover stay in the assessment as suggestions (and `tip render`
 * names them), so a draft never gains items the officer did not write. With no analyst list, the
 * drafts print the statutory ones, so the section is never empty. Duplicate texts are dropped.
 */
export function draftRecommendations(assessment: Assessment): string[] {
  const analyst = assessment.recommendations.filter((r) => r.source === 'analyst');
  return [...new Set((analyst.length > 0 ? analyst : assessment.recommendations).map((r) => r.text))];
}

/** The statutory suggestions the drafts leave out because the analyst wrote a list (see draftRecommendations). */
export function suggestedRecommendations(assessment: Assessment): Assessment['recommendations'] {
  const hasAnalyst = assessment.recommendations.some((r) => r.source === 'analyst');
  return hasAnalyst ? assessment.recommendations.filter((r) => r.source !== 'analyst') : [];
}

/** The country's Watch List clock as the non-paper and the demarche state it; null when there is nothing to say. */
export const CountryClockSchema = z
  .strictObject({
    kind: z.enum(['watch-list', 'waiver', 'automatic-downgrade', 'rule-f']),
    /** As PlacementView.watchListYear: null in a first year. */
    watchListYear: z.number().int().min(2).nullable(),
    /** This year's place among the Watch List years counted toward the downgrade (from the 2009 report). */
    countedYear: z.number().int().min(1).nullable(),
    /** Consecutive Watch List years before this report, when at least two (the automatic downgrade's "for the last four consecutive years"). */
    previousWatchListYears: z.number().int().min(2).nullable(),
    /** If the country stays on the Watch List (clock.earliestDowngradeYear); null for a waiver year, which is itself the downgrade year waived. */
    earliestDowngradeYear: z.number().int().nullable(),
    /** Waiver years left in this run after this year's waiver; null unless this is a waiver year. */
    waiverYearsRemaining: z.number().int().min(0).nullable(),
  })
  .nullable();
export type CountryClock = z.output<typeof CountryClockSchema>;

/** From the 2009 report, Watch List years count toward the automatic downgrade (22 U.S.C. 7107(b)(2)(D)(i)). */
export function countryClock(assessment: Assessment, firstCountedYear: number): CountryClock {
  const clock = trustedClock(assessment);
  if (!clock || assessment.year < firstCountedYear) return null;
  const onWatchList = assessment.tier === '2WL';
  const kind =
    assessment.clockEffect === 'automatic-downgrade'
      ? 'automatic-downgrade'
      : assessment.clockEffect === 'rule-f'
        ? 'rule-f'
        : assessment.clockEffect === 'waiver'
          ? 'waiver'
          : onWatchList
            ? 'watch-list'
            : null;
  if (kind === null) return null;
  return {
    kind,
    watchListYear: onWatchList && clock.consecutiveWatchListYears >= 1 ? clock.consecutiveWatchListYears + 1 : null,
    countedYear: onWatchList ? clock.countedWatchListYears + 1 : null,
    previousWatchListYears: clock.consecutiveWatchListYears >= 2 ? clock.consecutiveWatchListYears : null,
    earliestDowngradeYear: kind === 'waiver' ? null : clock.earliestDowngradeYear,
    // waiverYearsUsed counts the waiver years before this report (counted years beyond two).
    waiverYearsRemaining: kind === 'waiver' ? Math.max(0, clock.waiverYearsAllowed - clock.waiverYearsUsed - 1) : null,
  };
}
