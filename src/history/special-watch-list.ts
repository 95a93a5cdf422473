import { z } from 'zod';
import type { CountryHistory } from '../ledger/history.js';
import { TIERS, type Tier } from '../model/tier.js';
import { parameterAt, parameterInForce } from '../rules/parameters.js';
import type { Cite } from '../rules/schema.js';
import { addDays, isoDate, requireIsoDate } from './dates.js';
import { WATCH_LIST_FIRST_REPORT } from './eras.js';
import { uniqueCites } from '../rules/cites.js';

/**
 * The Special Watch List (22 U.S.C. 7107(b)(2)(A); §110(b)(3)(A) in the 2004-2013 reports),
 * its interim assessment due February 1 of the next year ((b)(2)(B)), and from the 2019 report the
 * action plan for a country moved from Tier 3 to the Watch List ((b)(4)). The texts, dates and
 * day counts come from the parameter files under rules/22usc7107/b/; this module compares tiers and
 * adds days.
 */

export type SwlGround = 'upgraded-to-tier-1' | 'upgraded-from-tier-3' | 'watch-list';

const TierList = z.array(z.enum(TIERS)).min(1);
const GroupsSchema = z.strictObject({
  paragraph: z.string(),
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
const InterimSchema = z.object({ pinpoint: z.string(), due_month: z.number().int(), due_day: z.number().int(), progress_since: z.string() });
const ActionPlanSchema = z.object({ days: z.number().int().positive(), text: z.string() });

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
  /** From the 2019 report: the action plan for a Tier 3 -> Watch List upgrade ((b)(4)). */
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


/** Special Watch List membership in `year`, given this year's tier and last year's (null: missing). */
export function specialWatchList(year: number, tier: Tier, previousTier: Tier | null, options: SpecialWatchListOptions = {}): SpecialWatchList {
  const release = options.releaseDate === undefined ? undefined : requireIsoDate(options.releaseDate);
  const none = (explanation: string, cites: Cite[]): SpecialWatchList => ({
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
    cites,
    explanation,
  });
  if (year < WATCH_LIST_FIRST_REPORT) {
    return none(`There is no Special Watch List in the ${year} report: it was added by the TVPRA of 2003 (Pub. L. 108-193) and first applies to the 2004 report.`, [
      { title: 'Trafficking Victims Protection Reauthorization Act of 2003, Pub. L. 108-193', pinpoint: 'sec. 6(e)', href: 'https://www.congress.gov/bill/108th-congress/house-bill/2620' },
    ]);
  }
  const groups = parameterAt(MEMBERSHIP_ID, year);
  const g = GroupsSchema.parse(groups.value);
  const interim = parameterAt(INTERIM_ID, year);
  const iv = InterimSchema.parse(interim.value);

  // Which of the statute's groups (read from the parameter file) the country is certainly in,
  // and which it may be in when last year's placement is missing.
  const codes: SwlGround[] = [];
  const possible: SwlGround[] = [];
  for (const group of g.groups) {
    if (!group.tier.includes(tier)) continue;
    if (group.previous_tier === undefined) codes.push(group.code);
    else if (previousTier === null) possible.push(group.code);
    else if (group.previous_tier.includes(previousTier)) codes.push(group.code);
  }
  codes.sort();
  const member: boolean | 'unknown' = codes.length > 0 ? true : possible.length > 0 ? 'unknown' : false;
  const text = Object.fromEntries(g.groups.map((x) => [x.code, x.text])) as Record<SwlGround, string>;

  // (b)(4), from 2019: the Tier 3 -> Watch List action plan.
  let actionPlan: SpecialWatchList['actionPlan'] = null;
  const cites: Cite[] = [...groups.cites];
  const plan = tier === '2WL' ? parameterInForce(ACTION_PLAN_ID, year) : undefined;
  if (plan !== undefined) {
    const pv = ActionPlanSchema.parse(plan.value);
    const required: boolean | 'unknown' = previousTier === null ? 'unknown' : previousTier === '3';
    if (required !== false) {
      actionPlan = { required, days: pv.days, dueDate: release ? addDays(release, pv.days) : null, text: pv.text };
      cites.push(...plan.cites);
    }
  }
  const due = member === false ? null : isoDate(year + 1, iv.due_month, iv.due_day);
  if (due) cites.push(...interim.cites);

  const para = g.paragraph;
  let explanation: string;
  if (member === true) {
    explanation = `On the Special Watch List of the ${year} report under §${para}${codes.map((c) => text[c].slice(0, text[c].indexOf(':'))).join(' and ')}; the interim assessment of its progress since ${iv.progress_since} is due by ${String(due)} (§${iv.pinpoint}).`;
  } else if (member === 'unknown') {
    explanation = `Whether the country is on the Special Watch List of the ${year} report (§${para}(A)) depends on its ${year - 1} placement, which the ledger lacks; if it is, the interim assessment is due by ${String(due)} (§${iv.pinpoint}).`;
  } else {
    explanation = `Not on the Special Watch List of the ${year} report: §${para}(A) covers only countries moved up to Tier 1 from Tier 2 or the Watch List, moved up from Tier 3, or on the Tier 2 Watch List.`;
  }
  if (actionPlan) {
    explanation += actionPlan.required === true
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
    interimAssessment: due ? { due, progressSince: iv.progress_since, pinpoint: iv.pinpoint } : null,
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
export function specialWatchListFor(history: CountryHistory, year: number, tier?: Tier, options: SpecialWatchListOptions = {}): SpecialWatchList | null {
  const now = tier ?? history.years.get(year)?.tier;
  if (now === undefined) return null;
  return specialWatchList(year, now, history.years.get(year - 1)?.tier ?? null, options);
}
