import * as z from 'zod';
import type { CountryHistory } from '../ledger/history.js';
import { TIERS, type Tier } from '../model/tier.js';
import { uniqueCites } from '../rules/cites.js';
import { enactedBy, firstYearOf, numberedAs, versionsOf, type Law } from '../rules/law.js';
import { parameterAt, parameterInForce } from '../rules/parameters.js';
import type { Cite } from '../rules/schema.js';
import { addDays, isoDate, requireIsoDate } from './dates.js';

/**
 * The Special Watch List (22 U.S.C. 7107(b)(2)(A); §110(b)(3)(A) before its renumbering), its
 * interim assessment ((b)(2)(B)), and the action plan for a country moved from Tier 3 to the
 * Watch List ((b)(4)). The groups, tier pairs, dates, day counts, numbering and years come from
 * the parameter files under rules/22usc7107/b/; this module compares tiers and adds days.
 */

export type SwlGround = 'upgraded-to-tier-1' | 'upgraded-from-tier-3' | 'watch-list';

const TierList = z.array(z.enum(TIERS)).min(1);
const GroupsSchema = z.strictObject({
  /** The statute's groups (A)(i)-(iii), as data: this year's tiers and, where it matters, last year's. */
  groups: z
    .array(
      z.strictObject({
        code: z.enum(['upgraded-to-tier-1', 'upgraded-from-tier-3', 'watch-list']),
        tier: TierList,
        previous_tier: TierList.optional(),
        text: z.string(),
      }),
    )
    .min(1),
});
const InterimSchema = z.strictObject({ due_month: z.number().int(), due_day: z.number().int(), progress_since: z.string() });
const ActionPlanSchema = z.strictObject({ days: z.number().int().positive(), previous_tier: TierList, tier: TierList, text: z.string() });

const MEMBERSHIP_ID = '22usc7107.b.2.A.special-watch-list';
const INTERIM_ID = '22usc7107.b.2.B.interim-assessment';
const ACTION_PLAN_ID = '22usc7107.b.4.action-plan';

export interface SpecialWatchList {
  year: number;
  tier: Tier;
  /** Last year's placement; null when the ledger has no row for it. */
  previousTier: Tier | null;
  /** 'unknown' when last year's placement is missing and decides it. */
  member: boolean | 'unknown';
  /** The groups the country is certainly in, as codes and as the texts of the statute's groups. */
  groundCodes: SwlGround[];
  grounds: string[];
  /** Statutory due date of the interim assessment (February 1 of the next year) when the country is or may be a member. */
  interimAssessmentDue: string | null;
  interimAssessment: { due: string; progressSince: string; pinpoint: string } | null;
  /** The action plan for a Tier 3 -> Watch List upgrade ((b)(4)), in the years it is in force. */
  actionPlan: { required: boolean | 'unknown'; days: number; dueDate: string | null; text: string } | null;
  /** The days of that action plan when it is or may be required. */
  actionPlanDueDays: number | null;
  cites: Cite[];
  explanation: string;
}

export interface SpecialWatchListOptions {
  /** The report's release date, `YYYY-MM-DD`: gives the action plan's due date. */
  releaseDate?: string;
}

/** "110(b)(3)" from "§110(b)(3)(A)". */
function paragraphIn(citation: string): string {
  return /^§(110\(b\)\(\d+\))/.exec(citation)?.[1] ?? citation.replace(/^§/, '');
}

/** Whether `tier` after `previous` is in a pair of lists; 'unknown' when last year is missing and decides it. */
function inPair(tier: Tier, previous: Tier | null, pair: { tier: readonly Tier[]; previous_tier?: readonly Tier[] | undefined }): boolean | 'unknown' {
  if (!pair.tier.includes(tier)) return false;
  if (pair.previous_tier === undefined) return true;
  return previous === null ? 'unknown' : pair.previous_tier.includes(previous);
}

function notOnTheList(law: Law, year: number, tier: Tier, previousTier: Tier | null): SpecialWatchList {
  const first = firstYearOf(law, MEMBERSHIP_ID);
  const act = enactedBy(law, MEMBERSHIP_ID, first) ?? 'a later act';
  return {
    year,
    tier,
    previousTier,
    member: false,
    groundCodes: [],
    grounds: [],
    interimAssessmentDue: null,
    interimAssessment: null,
    actionPlan: null,
    actionPlanDueDays: null,
    cites: versionsOf(law, MEMBERSHIP_ID)[0]!.cites,
    explanation: `There is no Special Watch List in the ${year} report: it was added by ${act} and first applies to the ${first} report.`,
  };
}

/** (b)(4): the action plan when this year's move is (or may be) the statute's pair of tiers. */
function actionPlanOf(law: Law, year: number, tier: Tier, previousTier: Tier | null, release: string | undefined) {
  const plan = parameterInForce(ACTION_PLAN_ID, year, law);
  if (plan === undefined) return { actionPlan: null, cites: [] as Cite[] };
  const pv = ActionPlanSchema.parse(plan.value);
  const required = inPair(tier, previousTier, pv);
  if (required === false) return { actionPlan: null, cites: [] as Cite[] };
  const dueDate = release ? addDays(requireIsoDate(release), pv.days) : null;
  return { actionPlan: { required, days: pv.days, dueDate, text: pv.text }, cites: plan.cites };
}

/** Special Watch List membership in `year`, given this year's tier and last year's (null: missing). */
export function specialWatchList(year: number, tier: Tier, previousTier: Tier | null, law: Law, options: SpecialWatchListOptions = {}): SpecialWatchList {
  if (options.releaseDate !== undefined) requireIsoDate(options.releaseDate);
  const groups = parameterInForce(MEMBERSHIP_ID, year, law);
  if (groups === undefined) return notOnTheList(law, year, tier, previousTier);
  const g = GroupsSchema.parse(groups.value);
  const interim = parameterAt(INTERIM_ID, year, law);
  const iv = InterimSchema.parse(interim.value);
  const interimPinpoint = numberedAs(law, INTERIM_ID, year).replace(/^§/, '');
  const para = paragraphIn(numberedAs(law, MEMBERSHIP_ID, year));

  // Which of the statute's groups the country is certainly in, and which it may be in when last
  // year's placement is missing.
  const codes: SwlGround[] = [];
  let possible = false;
  for (const group of g.groups) {
    const hit = inPair(tier, previousTier, group);
    if (hit === true) codes.push(group.code);
    if (hit === 'unknown') possible = true;
  }
  codes.sort();
  const member: boolean | 'unknown' = codes.length > 0 ? true : possible ? 'unknown' : false;
  const text = Object.fromEntries(g.groups.map((x) => [x.code, x.text])) as Record<SwlGround, string>;
  const { actionPlan, cites: planCites } = actionPlanOf(law, year, tier, previousTier, options.releaseDate);
  const due = member === false ? null : isoDate(year + 1, iv.due_month, iv.due_day);
  const cites: Cite[] = [...groups.cites, ...planCites, ...(due ? interim.cites : [])];

  let explanation: string;
  if (member === true) {
    explanation = `On the Special Watch List of the ${year} report under §${para}${codes.map((c) => text[c].slice(0, text[c].indexOf(':'))).join(' and ')}; the interim assessment of its progress since ${iv.progress_since} is due by ${String(due)} (§${interimPinpoint}).`;
  } else if (member === 'unknown') {
    explanation = `Whether the country is on the Special Watch List of the ${year} report (§${para}(A)) depends on its ${year - 1} placement, which the ledger lacks; if it is, the interim assessment is due by ${String(due)} (§${interimPinpoint}).`;
  } else {
    explanation = `Not on the Special Watch List of the ${year} report: §${para}(A) covers only countries moved up to Tier 1 from Tier 2 or the Watch List, moved up from Tier 3, or on the Tier 2 Watch List.`;
  }
  if (actionPlan) {
    explanation +=
      actionPlan.required === true
        ? ` Moved up from Tier 3 to the Watch List: an action plan is due within ${actionPlan.days} days of the report${actionPlan.dueDate ? ` (by ${actionPlan.dueDate})` : ''} (22 U.S.C. 7107(b)(4)).`
        : ` If the country was on Tier 3 in ${year - 1}, an action plan is due within ${actionPlan.days} days of the report (22 U.S.C. 7107(b)(4)).`;
  }
  return {
    year,
    tier,
    previousTier,
    member,
    groundCodes: codes,
    grounds: codes.map((c) => text[c]),
    interimAssessmentDue: due,
    interimAssessment: due ? { due, progressSince: iv.progress_since, pinpoint: interimPinpoint } : null,
    actionPlan,
    actionPlanDueDays: actionPlan ? actionPlan.days : null,
    cites: uniqueCites(cites),
    explanation,
  };
}

/**
 * Membership for a year of a country's history: this year's tier from the ledger unless given
 * (an assessment gives the tier it just decided), last year's from the ledger.
 */
export function specialWatchListFor(history: CountryHistory, year: number, tier: Tier | undefined, law: Law, options: SpecialWatchListOptions = {}): SpecialWatchList | null {
  const now = tier ?? history.years.get(year)?.tier;
  if (now === undefined) return null;
  return specialWatchList(year, now, history.years.get(year - 1)?.tier ?? null, law, options);
}
