import type { Condition } from '../rules/schema.js';
import type { FactValue } from '../rules/stages.js';
import type { Evidence } from './schema.js';
import { UNKNOWN } from './values.js';

/**
 * The facts the evidence gives the rules, each with the field it comes from. One table serves
 * three jobs: the facts of an assessment (src/assess/facts.ts), the fields a report year
 * requires (an `optional` field is required in the years a rule in force reads its fact:
 * law-checks.ts), and the fields `tip init` writes (skeleton.ts).
 *
 * Each fact is a plain copy of its field; "unknown" stays "unknown". An optional field a rule
 * reads is required by the law checks, so its absence never reaches a rule from a file; from
 * in-memory evidence it reads as "unknown", never as false.
 */
/** The practice rule an analyst determination may depart from (rules/practice/upgrade-from-tier-3.yaml). */
export const UPGRADE_PRACTICE = 'practice.upgrade-from-tier-3';

export interface EvidenceFact {
  /** The field, for the law checks, `tip init` and the open questions ("record prosecution.data_capacity"). */
  path: readonly string[];
  /** The schema lets the field be absent; it is required in the years a rule reads this fact. */
  optional?: true;
  read: (e: Evidence) => FactValue;
}

function get(e: unknown, path: readonly string[]): unknown {
  let cur = e;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

const field = (...path: string[]): EvidenceFact => ({ path, read: (e) => get(e, path) as FactValue });
const optionalField = (...path: string[]): EvidenceFact => ({ path, optional: true, read: (e) => (get(e, path) ?? UNKNOWN) as FactValue });

/** true when some finding says true, "unknown" when none does but some is unknown, else false. */
function anyOf(values: readonly unknown[]): FactValue {
  if (values.includes(true)) return true;
  return values.includes(UNKNOWN) ? UNKNOWN : false;
}

export const EVIDENCE_FACTS: Record<string, EvidenceFact> = {
  reportYear: field('report_year'),
  roleOrigin: field('roles', 'origin'),
  roleTransit: field('roles', 'transit'),
  roleDestination: field('roles', 'destination'),
  specialCase: { path: ['special_case'], read: (e) => e.special_case !== undefined },
  victimsSignificantNumber: optionalField('victims', 'significant_number'),
  standard_a1: field('standards', 'a1', 'finding'),
  standard_a2: field('standards', 'a2', 'finding'),
  standard_a3: field('standards', 'a3', 'finding'),
  standard_a4: field('standards', 'a4', 'finding'),
  prosecutionDataRequested: field('prosecution', 'data_requested'),
  prosecutionDataProvided: field('prosecution', 'data_provided'),
  prosecutionDataCapacity: optionalField('prosecution', 'data_capacity'),
  prosecutionPresumptionRebutted: { path: ['prosecution', 'presumption_rebuttal'], read: (e) => e.prosecution.presumption_rebuttal !== undefined },
  complicityReported: field('complicity', 'reported'),
  complicityDataRequested: optionalField('complicity', 'data_requested'),
  complicityDataProvided: field('complicity', 'data_provided'),
  complicityDataCapacity: optionalField('complicity', 'data_capacity'),
  complicityPresumptionRebutted: { path: ['complicity', 'presumption_rebuttal'], read: (e) => e.complicity.presumption_rebuttal !== undefined },
  increasingEfforts: field('comparison_with_previous_year', 'increasing_efforts'),
  victimsVerySignificant: optionalField('victims', 'watch_list_ground_i', 'very_significant'),
  victimsSignificantlyIncreasing: optionalField('victims', 'watch_list_ground_i', 'significantly_increasing'),
  proportionalConcreteActions: optionalField('victims', 'watch_list_ground_i', 'proportional_concrete_actions'),
  concreteActions: field('efforts_basis', 'concrete_actions'),
  effortsRestOnCommitments: field('efforts_basis', 'rests_on_commitments'),
  policyOrPatternFound: {
    path: ['state_labor'],
    read: (e) => anyOf(e.state_labor.map((f) => f.government_policy_or_pattern)),
  },
  departsFromUpgradePractice: {
    path: ['determination', 'departs_from_practice'],
    read: (e) => (e.determination?.departs_from_practice ?? []).includes(UPGRADE_PRACTICE),
  },
  // No waiver block: no waiver was granted (the block records a decision taken).
  waiverGranted: { path: ['waiver', 'granted'], read: (e) => e.waiver?.granted ?? false },
  waiverWrittenPlan: { path: ['waiver', 'written_plan'], read: (e) => e.waiver?.written_plan ?? false },
  waiverPlanSufficient: { path: ['waiver', 'plan_would_constitute_significant_efforts'], read: (e) => e.waiver?.plan_would_constitute_significant_efforts ?? false },
  waiverResources: { path: ['waiver', 'sufficient_resources'], read: (e) => e.waiver?.sufficient_resources ?? false },
};

/** The facts of every §108(b) criterion: the finding, or `not_in_force` when the year has no such criterion. */
export function criterionFact(e: Evidence, criterion: string): FactValue {
  return e.criteria[criterion]?.finding ?? 'not_in_force';
}

export { get as valueAt };

/** The facts a rule's conditions read, in document order. */
export function factsRead(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(factsRead);
  if ('any' in c) return c.any.flatMap(factsRead);
  if ('not' in c) return factsRead(c.not);
  return [c.fact];
}
