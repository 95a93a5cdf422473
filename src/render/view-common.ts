import { z } from 'zod';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { REGIONAL_BUREAUS, TIERS } from '../model/tier.js';
import { standardsWording } from '../report-year/wording.js';
import { withFinalPeriod, withoutFinalPeriod } from './words.js';

/**
 * The parts every draft shares: who the country is, and the tier paragraph ("does not fully comply
 * ...; however, it is making significant efforts to do so. ...; therefore, X is placed on Tier 2
 * Watch List."). Builders copy evidence text as data and compute every count from the assessment
 * and its clock; the templates only choose words.
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

/** A date and time as the cables write them (settings: release, briefing). */
export const MomentSchema = z.strictObject({ date: z.iso.date(), time: z.string(), zone: z.string() });

export const TierChangeSchema = z.enum(['upgrade', 'downgrade', 'same', 'unknown', 'not-comparable']);

export const PlacementViewSchema = z.strictObject({
  year: z.number().int(),
  previousYear: z.number().int(),
  tier: TierSchema,
  previousTier: TierSchema.nullable(),
  change: TierChangeSchema,
  /** Which compliance sentence opens the paragraph; from the tier before the clock. */
  basis: z.enum(['fully-meets', 'significant-efforts', 'no-significant-efforts', 'special-case']),
  /** Why the country is not ranked, as the analyst wrote it, ending with a period. */
  specialCaseReason: text.nullable(),
  /** "comply" through the 2017 report, "meet" from 2018 (src/report-year/wording.ts). */
  wording: z.enum(['comply', 'meet']),
  /**
   * A Tier 3 the statute imposes whatever the efforts (2019 on): a policy or pattern (proof of
   * failure, §110(b)(3)(B)), a finding resting on commitments, or no concrete actions recorded.
   */
  statutoryTier3: z
    .strictObject({
      reason: z.enum(['policy-or-pattern', 'commitments', 'no-concrete-actions']),
      /** For a policy or pattern: its heads, in words ("forced labor"). */
      kinds: z.array(text),
    })
    .nullable(),
  /** Why the country would be (or is) on the Watch List; null when no ground applies. */
  watchList: z
    .strictObject({
      /** Ground (II): the analyst's comparison with the previous year, used as the lead sentence. */
      progress: text.nullable(),
      /** Ground (I): the number of victims. */
      victims: z
        .strictObject({
          trend: z.enum(['very-significant', 'significantly-increasing', 'both']),
          /** "absolute" (2004-2018 text) or "estimated" (2019 text, with "not taking proportional concrete actions"). */
          number: z.enum(['absolute', 'estimated']),
        })
        .nullable(),
      /** Ground (III) (reports 2004-2018): significant efforts rest on commitments for next year. */
      commitments: z.boolean(),
    })
    .nullable(),
  clockEffect: z.enum(['none', 'automatic-downgrade', 'waiver', 'rule-f', 'not-checked']),
  /**
   * This year's consecutive Watch List year ("fifth"), when the country is on the Watch List, the
   * ledger is complete and there is something to count (null in a first year).
   */
  watchListYear: z.number().int().min(2).nullable(),
  /** Consecutive Watch List years before this report ("the last four consecutive years"). */
  previousWatchListYears: z.number().int().min(0).nullable(),
  /** What the downgrade sentence cites: section 107 of the 2008 TVPRA (reports 2011-2018) or the TVPA as amended (2019-). */
  downgradeAuthority: z.enum(['tvpra-2008', 'tvpa']),
  /** The rest of the tier paragraph, the analyst's sentences. */
  assessment: z.array(text),
});
export type PlacementView = z.output<typeof PlacementViewSchema>;

function basisOf(tier: Assessment['tierBeforeClock']): PlacementView['basis'] {
  switch (tier) {
    case '1':
      return 'fully-meets';
    case '2':
    case '2WL':
      return 'significant-efforts';
    case '3':
      return 'no-significant-efforts';
    case 'special':
      return 'special-case';
  }
}

/** A clock whose run length can be trusted: a history was given and it has no gap that matters. */
function trustedClock(assessment: Assessment): KnownClock | null {
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
interface KnownClock {
  consecutiveWatchListYears: number;
  countedWatchListYears: number;
  waiverYearsUsed: number;
  waiverYearsAllowed: number;
  earliestDowngradeYear: number | null;
}

/** The first report year of the January 2019 amendments, from which the downgrade sentence cites the TVPA as amended. */
const TVPA_AS_AMENDED_FROM = 2019;

export function placementView(assessment: Assessment, evidence: Evidence): PlacementView {
  const grounds = new Set(assessment.watchList.grounds.map((g) => g.ground));
  const groundI = assessment.watchList.grounds.find((g) => g.ground === 'I');
  const v = evidence.victims.watch_list_ground_i;
  const watchList: PlacementView['watchList'] =
    grounds.size === 0
      ? null
      : {
          progress: grounds.has('II') ? withoutFinalPeriod(evidence.comparison_with_previous_year.rationale) : null,
          victims: groundI
            ? {
                trend:
                  v?.very_significant === true && v.significantly_increasing === true
                    ? 'both'
                    : v?.significantly_increasing === true
                      ? 'significantly-increasing'
                      : 'very-significant',
                // The ground's own text says which statutory wording was in force (rules/22usc7107/b/2/A/iii/I@*.yaml).
                number: /\bestimated\b/.test(groundI.text) ? 'estimated' : 'absolute',
              }
            : null,
          commitments: grounds.has('III'),
        };
  const clock = trustedClock(assessment);
  // Which statutory Tier 3 decided, from the rules that decided (presentation of their outcome).
  const decided = new Set(assessment.decidedBy.map((d) => d.rule));
  const reason = decided.has('22usc7107.b.3.B')
    ? 'policy-or-pattern'
    : decided.has('22usc7107.b.1.B.commitments-excluded')
      ? 'commitments'
      : decided.has('22usc7107.b.1.concrete-actions')
        ? 'no-concrete-actions'
        : null;
  const kinds = [...new Set(evidence.state_labor.filter((f) => f.government_policy_or_pattern === true).map((f) => f.kind.replace(/_/g, ' ')))];
  return PlacementViewSchema.parse({
    statutoryTier3: reason === null ? null : { reason, kinds: reason === 'policy-or-pattern' ? kinds : [] },
    year: assessment.year,
    previousYear: assessment.year - 1,
    tier: assessment.tier,
    previousTier: assessment.previousTier,
    change: assessment.tierChange,
    basis: basisOf(assessment.tierBeforeClock),
    specialCaseReason: evidence.special_case ? withFinalPeriod(evidence.special_case.reason) : null,
    wording: standardsWording(assessment.year),
    watchList,
    clockEffect: assessment.clockEffect,
    watchListYear: clock && assessment.tier === '2WL' && clock.consecutiveWatchListYears >= 1 ? clock.consecutiveWatchListYears + 1 : null,
    previousWatchListYears: clock ? clock.consecutiveWatchListYears : null,
    downgradeAuthority: assessment.year >= TVPA_AS_AMENDED_FROM ? 'tvpa' : 'tvpra-2008',
    assessment: evidence.narrative.assessment,
  });
}

/**
 * The recommendations the drafts print: the analyst's own when given (the narrative's
 * "Recommendations for X"), otherwise those the assessment derived from unmet standards and
 * criteria. Duplicates are dropped, first occurrence kept.
 */
export function draftRecommendations(assessment: Assessment): string[] {
  const analyst = assessment.recommendations.filter((r) => r.source === 'analyst');
  const chosen = analyst.length > 0 ? analyst : assessment.recommendations;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of chosen) {
    if (seen.has(r.text)) continue;
    seen.add(r.text);
    out.push(r.text);
  }
  return out;
}

/** The country's Watch List clock as the non-paper and the demarche state it; null when there is nothing to say. */
export const CountryClockSchema = z
  .strictObject({
    kind: z.enum(['watch-list', 'waiver', 'automatic-downgrade', 'rule-f']),
    /** As PlacementView.watchListYear: null in a first year. */
    watchListYear: z.number().int().min(2).nullable(),
    /** This year's place among the Watch List years counted toward the downgrade (from the 2009 report). */
    countedYear: z.number().int().min(1).nullable(),
    previousWatchListYears: z.number().int().min(0),
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
    previousWatchListYears: clock.consecutiveWatchListYears,
    earliestDowngradeYear: kind === 'waiver' ? null : clock.earliestDowngradeYear,
    // waiverYearsUsed counts the waiver years before this report (counted years beyond two).
    waiverYearsRemaining: kind === 'waiver' ? Math.max(0, clock.waiverYearsAllowed - clock.waiverYearsUsed - 1) : null,
  };
}
