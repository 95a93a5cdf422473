import * as z from 'zod';
import type { Assessment, Recommendation } from '../assess/types.js';
import { tierName, type Tier } from '../model/tier.js';
import type { PlannedAction, WhatIf } from '../whatif/types.js';
import type { LawView } from './law.js';
import type { Placeholders } from './placeholders.js';
import { CountryViewSchema, TierSchema, countryView, draftRecommendations } from './view-common.js';
import { DateText, shiftDate, type ReleaseView } from './view-release.js';
import { capitalize, joinAnd, withFinalPeriod } from './words.js';

/**
 * The action plan draft (`tip render --doc action-plan`): the government actions of `tip what-if`
 * in their order, each worded as the report words its recommendations and linked to the standards
 * and criteria it answers and to the report's own recommendations on them; what the smallest sets
 * also need that is not advice (a situational finding, a determination); what the clock does next
 * year if nothing changes; and the statutory deadline where there is one (22 U.S.C. 7107(b)(4):
 * a country upgraded from Tier 3 to the Watch List, within the days of the parameter file).
 */
const text = z.string().min(1);

export const ActionPlanViewSchema = z.strictObject({
  country: CountryViewSchema,
  year: z.number().int(),
  nextYear: z.number().int(),
  tier: TierSchema,
  /** Tier 3 and Watch List countries receive an action plan; for another tier this is a list of priorities. */
  receivesPlan: z.boolean(),
  /** 22 U.S.C. 7107(b)(4): the days from the Report's release, the date (or its placeholder) and the citation. */
  deadline: z.strictObject({ days: z.number().int().min(1), date: DateText, cite: text }).nullable(),
  actions: z.array(
    z.strictObject({
      number: z.number().int().min(1),
      /** The recommendation's words: a clause starting with a verb. */
      text,
      /** "§108(b)(1)": the standards and criteria it answers. */
      provisions: z.array(text),
      /** The action as a sentence, with the provisions it answers: "Provide ... (§108(b)(1))." */
      lead: text,
      /** The Report's own recommendations on those provisions, as written. */
      reportRecommendations: z.array(text),
      /** "Toward Tier 2, with action 3 and ..." */
      towards: text,
      /** What else that takes that is not an action of the government, in words; empty when nothing. */
      conditions: z.array(text),
      cites: z.array(text),
    }),
  ),
  /** The consequence of the clock next year if nothing changes, in sentences. */
  outlook: z.array(text),
  /** The Report's recommendations no action above answers, in the Report's order. */
  otherRecommendations: z.array(text),
  /** Where the classes of facts come from (rules/facts/classes.yaml). */
  method: text,
});
export type ActionPlanView = z.output<typeof ActionPlanViewSchema>;

/** §108(a)(4), §108(b)(1) */
export const provisionLabel = (p: string) => `§108(${p[0]})(${p.slice(1)})`;

function analystRecommendations(assessment: Assessment): Recommendation[] {
  const analyst = assessment.recommendations.filter((r) => r.source === 'analyst');
  return analyst.length > 0 ? analyst : assessment.recommendations;
}

/**
 * The drafts' recommendations in the plan's order: first those that answer a provision of the
 * first action, then of the second, and so on; the others after them, in the officer's order. The
 * demarche and the press guidance print them so.
 */
export function recommendationsInPlanOrder(assessment: Assessment, plan: readonly PlannedAction[]): string[] {
  const texts = draftRecommendations(assessment);
  const covers = new Map(analystRecommendations(assessment).map((r) => [r.text, r.covers ?? []]));
  const rank = (t: string) => {
    const i = plan.findIndex((a) => a.covers.some((c) => covers.get(t)?.includes(c)));
    return i < 0 ? plan.length : i;
  };
  return texts.map((t, i) => ({ t, i, r: rank(t) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.t);
}

function towardsOf(a: PlannedAction, plan: readonly PlannedAction[]): string {
  const tiers = joinAnd(a.towards.map((t: Tier) => tierName(t)));
  const with_ = a.together.map((field) => plan.find((p) => p.field === field)).filter((p): p is PlannedAction => p !== undefined);
  const together = with_.length > 0 ? `, together with action${with_.length === 1 ? '' : 's'} ${joinAnd(with_.map((p) => String(p.rank)))}` : a.sufficient ? ', on its own' : '';
  return `Toward ${tiers}${together}.`;
}

/** A condition in the plan's words: "[situational]" labels say why it is no advice. */
function conditionWords(label: string): string {
  const m = /^(.*) \[(situational|procedural|to record|a finding withdrawn)\]$/.exec(label);
  if (!m) return label;
  const what = m[1]!;
  switch (m[2]) {
    case 'situational':
      return `${what} would also have to change; it describes the country's situation, and is not asked of the government`;
    case 'procedural':
      return `${what} would also be needed; it is the Department's decision, not the government's`;
    case 'to record':
      return `${what} would have to be recorded; the record is silent on it now`;
    default:
      return `${what} would have to be withdrawn as a finding; this is not advice`;
  }
}

export function buildActionPlanView(assessment: Assessment, whatIf: WhatIf, law: LawView, release: () => ReleaseView, ph: Placeholders): ActionPlanView {
  const analyst = analystRecommendations(assessment);
  const answered = new Set(whatIf.plan.flatMap((a) => a.covers));
  const upgraded = assessment.tier === '2WL' && assessment.previousTier === '3' && law.upgradeActionPlanDays !== null;
  const deadline = upgraded
    ? { days: law.upgradeActionPlanDays!, date: shiftDate(release().release.date, law.upgradeActionPlanDays!, ph, assessment.year), cite: '22 U.S.C. 7107(b)(4)' }
    : null;
  return ActionPlanViewSchema.parse({
    country: countryView(assessment),
    year: assessment.year,
    nextYear: assessment.year + 1,
    tier: assessment.tier,
    receivesPlan: assessment.tier === '3' || assessment.tier === '2WL',
    deadline,
    actions: whatIf.plan.map((a) => ({
      number: a.rank,
      text: a.text,
      provisions: a.covers.map(provisionLabel),
      lead: withFinalPeriod(capitalize(a.text) + (a.covers.length > 0 ? ` (${joinAnd(a.covers.map(provisionLabel))})` : '')),
      reportRecommendations: analyst.filter((r) => r.source === 'analyst' && (r.covers ?? []).some((c) => a.covers.includes(c))).map((r) => r.text),
      towards: towardsOf(a, whatIf.plan),
      conditions: a.conditions.map(conditionWords),
      cites: a.cites.map((c) => c.title),
    })),
    outlook: whatIf.nextYear.summary,
    otherRecommendations: draftRecommendations(assessment).filter((t) => !(analyst.find((r) => r.text === t)?.covers ?? []).some((c) => answered.has(c))),
    method: `The actions are those of the smallest sets of at most ${whatIf.bound} changes to the evidence that would move the tier (tip what-if), government actions first; facts are classed in ${whatIf.classes.file}.`,
  });
}
