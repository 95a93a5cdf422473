import * as z from 'zod';
import type { Assessment } from '../assess/types.js';
import { REGIONAL_BUREAUS } from '../model/tier.js';
import type { LawView } from './law.js';
import type { Layout } from './layout.js';
import type { Placeholders } from './placeholders.js';
import { CableHeaderSchema, buildCableHeader } from './view-cable.js';
import { CountryViewSchema, TierSchema, countryView, draftRecommendations } from './view-common.js';
import { NarrativeViewSchema, type NarrativeView } from './view-narrative.js';
import { NonpaperViewSchema, type NonpaperView } from './view-nonpaper.js';
import { PressViewSchema, type PressView } from './view-press.js';
import { DateText, ReleaseViewSchema, TimeText, ownWindow, shiftDate, type ReleaseView } from './view-release.js';

/**
 * The demarche: the action cable to post, in the order of the 2009 cable (seed 003): the header
 * block, ¶1 action cable, ¶2 release and embargo, ¶3 what is provided and the delivery windows, ¶4
 * where the Report and statements will be, ¶5 the action request, [the lowered-tier paragraph],
 * the recommendations paragraph (¶6 of the cable), [the Tier 3 reassessment paragraph], the press
 * action request, the narrative, the non-paper, the website request, the press guidance, thanks,
 * signature. Paragraph numbers are computed here, so the cross-references ("see paras 5 through 7
 * and 10") stay right when a conditional paragraph is present.
 */
const para = z.number().int().min(1);

export const DemarcheViewSchema = z.strictObject({
  header: CableHeaderSchema,
  country: CountryViewSchema,
  year: z.number().int(),
  previousYear: z.number().int(),
  nextYear: z.number().int(),
  tier: TierSchema,
  settings: ReleaseViewSchema,
  /** The window of this country's own bureau; null while the windows are unknown. */
  ownWindow: z.strictObject({ bureau: z.enum(REGIONAL_BUREAUS), date: DateText, time: TimeText }).nullable(),
  /** Present only when the tier went down from last year's. */
  lowered: z.strictObject({ from: TierSchema, to: TierSchema }).nullable(),
  /**
   * 22 U.S.C. 7107(b)(4) (2019-): a country upgraded from Tier 3 to the Watch List gets an action
   * plan within this many days; the one action-plan sentence the law requires in ¶6.
   */
  actionPlanDueDays: z.number().int().nullable(),
  /** The name of the narrative's recommendations section ("Recommendations", "Prioritized Recommendations"); null when there is none (the eras that end the tier paragraph with them, or no recommendation). */
  recommendationsSection: z.string().nullable(),
  /** The action plan's priorities in order (tip what-if's government actions), when known. */
  priorities: z.array(z.string()),
  /** Tier 3: the 45-90 day window after release in which a reassessment can avoid the restrictions. */
  tier3: z.strictObject({ minDays: z.number().int(), maxDays: z.number().int(), from: DateText, to: DateText, fiscalYear: z.number().int() }).nullable(),
  paras: z.strictObject({
    actionFirst: para,
    actionLast: para,
    lowered: para.nullable(),
    actionPlan: para,
    tier3: para.nullable(),
    pressReady: para,
    narrative: para,
    nonpaper: para,
    website: para,
    press: para,
    closing: para,
  }),
  narrative: NarrativeViewSchema,
  nonpaper: NonpaperViewSchema,
  press: PressViewSchema,
});
export type DemarcheView = z.output<typeof DemarcheViewSchema>;

/** Paragraphs 1-4 never move; 5 is the first action request. */
const FIRST_ACTION_PARA = 5;

/** The other three views, built once by renderDocuments. */
export interface DemarcheParts {
  narrative: NarrativeView;
  nonpaper: NonpaperView;
  press: PressView;
}

function paragraphs(lowered: boolean, tier3: boolean): DemarcheView['paras'] {
  let n = FIRST_ACTION_PARA;
  const next = () => ++n;
  const loweredPara = lowered ? next() : null;
  const actionPlan = next();
  const tier3Para = tier3 ? next() : null;
  const pressReady = next();
  return { actionFirst: FIRST_ACTION_PARA, actionLast: pressReady, lowered: loweredPara, actionPlan, tier3: tier3Para, pressReady, narrative: next(), nonpaper: next(), website: next(), press: next(), closing: next() };
}

function tier3Of(assessment: Assessment, law: LawView, release: ReleaseView, ph: Placeholders): DemarcheView['tier3'] {
  // The assessment's Tier 3 summary when the history gave one, else the same parameters read here.
  // Before the 2003 report there were no determinations (22 U.S.C. 7107(c)), so no paragraph.
  const window = assessment.tier3?.determinationWindow ?? law.tier3Window;
  const fiscalYear = assessment.tier3?.fiscalYear ?? (law.restrictionsFiscalYearOffset === null ? null : assessment.year + law.restrictionsFiscalYearOffset);
  if (assessment.tier !== '3' || !window || fiscalYear === null) return null;
  const from = shiftDate(release.release.date, window.minDays, ph, assessment.year);
  const to = shiftDate(release.release.date, window.maxDays, ph, assessment.year);
  return { minDays: window.minDays, maxDays: window.maxDays, from, to, fiscalYear };
}

export function buildDemarcheView(assessment: Assessment, law: LawView, layout: Layout, release: ReleaseView, parts: DemarcheParts, ph: Placeholders, priorities: readonly string[] = []): DemarcheView {
  const lowered = assessment.tierChange === 'downgrade' && assessment.previousTier !== null ? { from: assessment.previousTier, to: assessment.tier } : null;
  const tier3 = tier3Of(assessment, law, release, ph);
  return DemarcheViewSchema.parse({
    header: buildCableHeader(assessment.country, assessment.year, release.refs, ph),
    country: countryView(assessment),
    year: assessment.year,
    previousYear: assessment.year - 1,
    nextYear: assessment.year + 1,
    tier: assessment.tier,
    settings: release,
    ownWindow: ownWindow(release, assessment.country.bureau),
    lowered,
    actionPlanDueDays: assessment.tier === '2WL' && assessment.previousTier === '3' ? law.upgradeActionPlanDays : null,
    recommendationsSection: draftRecommendations(assessment).length === 0 || layout.recommendations === 'sentence' ? null : layout.recommendations === 'prioritized' ? 'Prioritized Recommendations' : 'Recommendations',
    priorities: [...priorities],
    tier3,
    paras: paragraphs(lowered !== null, tier3 !== null),
    narrative: parts.narrative,
    nonpaper: parts.nonpaper,
    press: parts.press,
  });
}
