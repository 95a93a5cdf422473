import * as z from 'zod';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { lawOfYear, type LawView } from './law.js';
import { layoutOf, type Layout } from './layout.js';
import { TierSchema, trustedClock } from './view-common.js';
import { withFinalPeriod, withoutFinalPeriod } from './words.js';

/**
 * The tier paragraph ("does not fully comply ...; however, it is making significant efforts to do
 * so. ...; therefore, China is placed on Tier 2 Watch List.") as data: which compliance sentence,
 * which Watch List grounds, what the clock did, and the era's formulas from the narrative layout
 * (data/narrative-layouts.yaml): the standards' verb, the concession, and the voice ("is placed
 * on" in the reports to 2016; "remained on", "was upgraded to", "was downgraded to" from 2017).
 */

const text = z.string();

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
  /** The era's formulas (data/narrative-layouts.yaml). */
  standards: z.enum(['comply', 'meet']),
  concession: z.enum(['semicolon', 'but']),
  voice: z.enum(['present', 'past']),
  watchListForm: z.enum(['placed-for', 'therefore']),
  pandemic: z.boolean(),
  thereforeComma: z.boolean(),
  overall: z.boolean(),
  /** The analyst found increasing efforts compared with the previous year (the past voice's Tier 2 sentence). */
  increasingEfforts: z.boolean(),
  /**
   * The verb of the "therefore" clause: "is placed on" (present voice); "remained on", "was upgraded
   * to", "was downgraded to", "was placed on" (past voice, by the change from last year's tier).
   */
  verb: z.enum(['is placed on', 'remained on', 'was upgraded to', 'was downgraded to', 'was placed on']),
  /**
   * A Tier 3 the statute imposes whatever the efforts (2019 on): a policy or pattern (proof of
   * failure, §110(b)(3)(B)), a finding resting on commitments, or no concrete actions recorded.
   */
  statutoryTier3: z.strictObject({ reason: z.enum(['policy-or-pattern', 'commitments', 'no-concrete-actions']), kinds: z.array(text) }).nullable(),
  /** Why the country would be (or is) on the Watch List; null when no ground applies. */
  watchList: z
    .strictObject({
      /** Ground (II): the analyst's comparison with the previous year, used as the lead sentence. */
      progress: text.nullable(),
      /** Ground (I): the number of victims; `estimated` for the 2019 text, which adds "not taking proportional concrete actions". */
      victims: z.strictObject({ trend: z.enum(['very-significant', 'significantly-increasing', 'both']), number: z.enum(['absolute', 'estimated']) }).nullable(),
      /** Ground (III) (reports 2004-2018): significant efforts rest on commitments for next year. */
      commitments: z.boolean(),
    })
    .nullable(),
  clockEffect: z.enum(['none', 'automatic-downgrade', 'waiver', 'rule-f', 'not-checked']),
  /**
   * This year's consecutive Watch List year ("fifth"), when the country is on the Watch List, the
   * ledger is complete and there is something to count (at least the second year; never "first").
   */
  watchListYear: z.number().int().min(2).nullable(),
  /** Consecutive Watch List years before this report ("the last four consecutive years"), when at least two. */
  previousWatchListYears: z.number().int().min(2).nullable(),
  /** What the downgrade sentence cites: section 107 of the 2008 TVPRA (reports 2011-2018) or the TVPA as amended (2019-). */
  downgradeAuthority: z.enum(['tvpra-2008', 'tvpa']),
  /** The rest of the tier paragraph, the analyst's sentences. */
  assessment: z.array(text),
  /** The recommendations as the paragraph's last sentence ("The government should ..."), in the eras that set them so; else empty. */
  recommendations: z.array(text),
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

/** The report's verb for the change from last year's tier, in the era's voice. */
function verbOf(layout: Layout, change: Assessment['tierChange']): PlacementView['verb'] {
  if (layout.voice === 'present') return 'is placed on';
  switch (change) {
    case 'same':
      return 'remained on';
    case 'upgrade':
      return 'was upgraded to';
    case 'downgrade':
      return 'was downgraded to';
    default:
      return 'was placed on';
  }
}

/** Which statutory Tier 3 decided, from the rules that decided (presentation of their outcome). */
function statutoryTier3(assessment: Assessment, evidence: Evidence): PlacementView['statutoryTier3'] {
  const decided = new Set(assessment.decidedBy.map((d) => d.rule));
  const reason = decided.has('22usc7107.b.3.B')
    ? 'policy-or-pattern'
    : decided.has('22usc7107.b.1.B.commitments-excluded')
      ? 'commitments'
      : decided.has('22usc7107.b.1.concrete-actions')
        ? 'no-concrete-actions'
        : null;
  if (reason === null) return null;
  const kinds = [...new Set(evidence.state_labor.filter((f) => f.government_policy_or_pattern === true).map((f) => f.kind.replace(/_/g, ' ')))];
  return { reason, kinds: reason === 'policy-or-pattern' ? kinds : [] };
}

function watchListOf(assessment: Assessment, evidence: Evidence, law: LawView): PlacementView['watchList'] {
  const grounds = new Set(assessment.watchList.grounds.map((g) => g.ground));
  if (grounds.size === 0) return null;
  const v = evidence.victims.watch_list_ground_i;
  return {
    progress: grounds.has('II') ? withoutFinalPeriod(evidence.comparison_with_previous_year.rationale) : null,
    victims: grounds.has('I')
      ? {
          trend: v?.very_significant === true && v.significantly_increasing === true ? 'both' : v?.significantly_increasing === true ? 'significantly-increasing' : 'very-significant',
          // The ground in force says which statutory wording applies: the 2019 version reads proportionalConcreteActions.
          number: law.groundIProportional ? 'estimated' : 'absolute',
        }
      : null,
    commitments: grounds.has('III'),
  };
}

/** The tier paragraph of an assessment; the law and layout of its year unless given. */
export function placementView(assessment: Assessment, evidence: Evidence, law: LawView = lawOfYear(assessment.year), layout: Layout = layoutOf(assessment.year), sentenceRecommendations: readonly string[] = []): PlacementView {
  const clock = trustedClock(assessment);
  const previous = clock?.consecutiveWatchListYears ?? null;
  return PlacementViewSchema.parse({
    year: assessment.year,
    previousYear: assessment.year - 1,
    tier: assessment.tier,
    previousTier: assessment.previousTier,
    change: assessment.tierChange,
    basis: basisOf(assessment.tierBeforeClock),
    specialCaseReason: evidence.special_case ? withFinalPeriod(evidence.special_case.reason) : null,
    standards: layout.standards,
    concession: layout.concession,
    voice: layout.voice,
    watchListForm: layout.watch_list,
    pandemic: layout.pandemic_clause,
    thereforeComma: layout.therefore_comma,
    overall: layout.overall,
    increasingEfforts: evidence.comparison_with_previous_year.increasing_efforts === true,
    verb: verbOf(layout, assessment.tierChange),
    statutoryTier3: statutoryTier3(assessment, evidence),
    watchList: watchListOf(assessment, evidence, law),
    clockEffect: assessment.clockEffect,
    watchListYear: clock && assessment.tier === '2WL' && clock.consecutiveWatchListYears >= 1 ? clock.consecutiveWatchListYears + 1 : null,
    previousWatchListYears: previous !== null && previous >= 2 ? previous : null,
    downgradeAuthority: law.amended2019 ? 'tvpa' : 'tvpra-2008',
    assessment: evidence.narrative.assessment,
    recommendations: layout.recommendations === 'sentence' ? [...sentenceRecommendations] : [],
  });
}
