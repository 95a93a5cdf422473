import { z } from 'zod';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { REGIONAL_BUREAUS } from '../model/tier.js';
import type { ReportYearSettings } from '../report-year/schema.js';
import type { Corpus } from '../rules/corpus.js';
import { lawOfYear } from './law.js';
import { CountryViewSchema, TierSchema, countryView, draftRecommendations, MomentSchema } from './view-common.js';
import { NarrativeViewSchema, buildNarrativeView, type NarrativeView } from './view-narrative.js';
import { NonpaperViewSchema, buildNonpaperView, type NonpaperView } from './view-nonpaper.js';
import { PressViewSchema, buildPressView, type PressView } from './view-press.js';
import { addDays } from './words.js';

/**
 * The demarche: the action cable to post, in the order of the 2009 cable (seed 003): ¶1 action
 * cable, ¶2 release and embargo, ¶3 what is provided and the delivery windows, ¶4 where the Report
 * and statements will be, ¶5 the action request, [the lowered-tier paragraph], the action-plan (or
 * recommendations) paragraph, [the Tier 3 reassessment paragraph], the press action request, the
 * narrative, the non-paper, the website request, the press guidance, thanks, signature.
 * Paragraph numbers are computed here, so the cross-references ("see paras 5 through 7 and 10")
 * stay right when a conditional paragraph is present.
 */
const moment = MomentSchema;
const para = z.number().int().min(1);

export const DemarcheViewSchema = z.strictObject({
  country: CountryViewSchema,
  year: z.number().int(),
  previousYear: z.number().int(),
  nextYear: z.number().int(),
  tier: TierSchema,
  release: moment,
  /** "at a press conference in the Department's press briefing room" (2009), when the settings say. */
  venue: z.string().nullable(),
  secretary: z.strictObject({ name: z.string(), signature: z.string() }),
  ambassador: z.strictObject({ name: z.string(), surname: z.string() }).nullable(),
  briefing: moment.nullable(),
  pressStatement: z.strictObject({ time: z.string(), zone: z.string() }).nullable(),
  website: z.string().nullable(),
  /** Earliest delivery to the host government, per group of bureaus, as dated local times. */
  delivery: z.array(z.strictObject({ bureaus: z.array(z.enum(REGIONAL_BUREAUS)).min(1), date: z.iso.date(), time: z.string() })).min(1),
  /** The window of this country's own bureau. */
  ownWindow: z.strictObject({ bureau: z.enum(REGIONAL_BUREAUS), date: z.iso.date(), time: z.string() }),
  /** Present only when the tier went down from last year's. */
  lowered: z.strictObject({ from: TierSchema, to: TierSchema }).nullable(),
  /** Tier 3 and Tier 2 Watch List countries receive an action plan. */
  actionPlan: z.boolean(),
  /** 22 U.S.C. 7107(b)(4) (2019-): an upgrade from Tier 3 to the Watch List gets its action plan within this many days. */
  actionPlanDueDays: z.number().int().nullable(),
  hasRecommendations: z.boolean(),
  /** Tier 3: the 45-90 day window after release in which a reassessment can avoid the restrictions. */
  tier3: z
    .strictObject({ minDays: z.number().int(), maxDays: z.number().int(), from: z.iso.date(), to: z.iso.date(), fiscalYear: z.number().int() })
    .nullable(),
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

/** The other three views, when the caller has built them already (renderDocuments does). */
export interface DemarcheParts {
  narrative: NarrativeView;
  nonpaper: NonpaperView;
  press: PressView;
}

export function buildDemarcheView(assessment: Assessment, evidence: Evidence, settings: ReportYearSettings, corpus?: Corpus, parts?: DemarcheParts): DemarcheView {
  const release = settings.release;
  const delivery = settings.delivery.map((w) => ({ bureaus: w.bureaus, date: addDays(release.date, -w.days_before_release), time: w.time }));
  const own = delivery.find((w) => w.bureaus.includes(assessment.country.bureau));
  // resolveReportYear guarantees a window for every bureau; a hand-built settings object might not.
  if (!own) throw new Error(`the ${assessment.year} settings give no delivery window for the ${assessment.country.bureau} bureau`);

  const lowered = assessment.tierChange === 'downgrade' && assessment.previousTier !== null ? { from: assessment.previousTier, to: assessment.tier } : null;
  const isTier3 = assessment.tier === '3';
  const effective = (assessment.options.effective ?? {}) as Record<string, { from?: number; to?: number }>;
  const law = lawOfYear(assessment.year, corpus, effective);
  // The assessment's Tier 3 summary when the history gave one, else the same parameters read here.
  // Before the 2003 report there were no determinations (22 U.S.C. 7107(c)), so no paragraph.
  const window = assessment.tier3?.determinationWindow ?? law.tier3Window;
  const fiscalYear = assessment.tier3?.fiscalYear ?? (law.restrictionsFiscalYearOffset === null ? null : assessment.year + law.restrictionsFiscalYearOffset);
  const tier3 =
    isTier3 && window && fiscalYear !== null
      ? {
          minDays: window.minDays,
          maxDays: window.maxDays,
          from: addDays(release.date, window.minDays),
          to: addDays(release.date, window.maxDays),
          fiscalYear,
        }
      : null;

  let n = FIRST_ACTION_PARA;
  const next = () => ++n;
  const loweredPara = lowered ? next() : null;
  const actionPlanPara = next();
  const tier3Para = tier3 ? next() : null;
  const pressReady = next();
  const paras = {
    actionFirst: FIRST_ACTION_PARA,
    actionLast: pressReady,
    lowered: loweredPara,
    actionPlan: actionPlanPara,
    tier3: tier3Para,
    pressReady,
    narrative: next(),
    nonpaper: next(),
    website: next(),
    press: next(),
    closing: next(),
  };

  return DemarcheViewSchema.parse({
    country: countryView(assessment),
    year: assessment.year,
    previousYear: assessment.year - 1,
    nextYear: assessment.year + 1,
    tier: assessment.tier,
    release,
    venue: settings.venue ?? null,
    secretary: settings.secretary,
    ambassador: settings.ambassador ?? null,
    briefing: settings.briefing ?? null,
    pressStatement: settings.press_statement ?? null,
    website: settings.website ?? null,
    delivery,
    ownWindow: { bureau: assessment.country.bureau, date: own.date, time: own.time },
    lowered,
    actionPlan: isTier3 || assessment.tier === '2WL',
    actionPlanDueDays: assessment.tier === '2WL' && assessment.previousTier === '3' ? law.upgradeActionPlanDays : null,
    hasRecommendations: draftRecommendations(assessment).length > 0,
    tier3,
    paras,
    narrative: parts?.narrative ?? buildNarrativeView(assessment, evidence),
    nonpaper: parts?.nonpaper ?? buildNonpaperView(assessment, evidence, settings, corpus),
    press: parts?.press ?? buildPressView(assessment, evidence),
  });
}
