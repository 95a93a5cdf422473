import type { EventType } from './schema.js';
import { CRITERIA } from './schema.js';
import { FINDINGS } from '../model/finding.js';
import { TIERS } from '../model/tier.js';

/**
 * The decision runs in stages, in the order of State Department practice (README, How the decision is made):
 *   1. scope (§108(a)) and presumptions about the evidence (§108(b)(1) and (7) data presumption);
 *   2. the §108(a) standards and §108(b) criteria, each met or not;
 *   3. the rubric's recommendation and the Watch List grounds;
 *   4. the tier, with its exceptions (Watch List, proof of failure, automatic downgrade, waiver).
 * A rule's stage follows from its event type; it may read only facts available by then.
 */
export const STAGE_OF_EVENT: Record<EventType, 1 | 2 | 3 | 4> = {
  scope: 1,
  presumption: 1,
  'standard-unmet': 2,
  'criterion-unmet': 2,
  rubric: 3,
  'watch-list-ground': 3,
  tier: 4,
};
export const STAGES = [1, 2, 3, 4] as const;
export type Stage = (typeof STAGES)[number];

export type FactType = 'boolean' | 'number' | 'string';
export interface FactSpec {
  type: FactType;
  /** For string facts: the values it can take. For boolean facts: the strings it may take besides true and false ("unknown"). */
  values?: readonly string[];
  /** The first stage that may read it (0: from the evidence, options or history before any rule runs). */
  availableFrom: 0 | 1 | 2 | 3 | 4;
  nullable?: boolean;
  description: string;
}

const FINDING_VALUES = [...FINDINGS, 'not_in_force'] as const;
/** A yes/no fact the narrative may leave open (src/evidence/values.ts): no rule reads "unknown" as true or false. */
const TRI = ['unknown'] as const;
const DATA_PROVIDED = ['unknown', 'partial'] as const;
export const WATCH_LIST_PLACEMENTS = ['allowed', 'needs-waiver', 'barred', 'unavailable', 'unknown'] as const;

function criterionFacts(): Record<string, FactSpec> {
  const out: Record<string, FactSpec> = {};
  for (const c of CRITERIA) {
    out[`criterion_${c}`] = {
      type: 'string',
      values: FINDING_VALUES,
      availableFrom: 0,
      description: `The analyst's finding on §108(b)(${c.slice(1)}); not_in_force when the criterion did not exist that year`,
    };
    out[`presumed_not_met_${c}`] = {
      type: 'boolean',
      availableFrom: 2,
      description: `A presumption rule found §108(b)(${c.slice(1)}) not met`,
    };
  }
  return out;
}

/** Every fact a rule may name. A rule naming anything else fails to load. */
export const FACTS: Record<string, FactSpec> = {
  reportYear: { type: 'number', availableFrom: 0, description: 'The report year (the June report)' },
  roleOrigin: { type: 'boolean', values: TRI, availableFrom: 0, description: 'A country of origin' },
  roleTransit: { type: 'boolean', values: TRI, availableFrom: 0, description: 'A country of transit' },
  roleDestination: { type: 'boolean', values: TRI, availableFrom: 0, description: 'A country of destination' },
  victimsSignificantNumber: {
    type: 'boolean',
    values: TRI,
    availableFrom: 0,
    description: 'A significant number of victims (the scope test of the original 22 U.S.C. 7106(a), rules/22usc7106/a/scope@*.yaml)',
  },
  inScope: { type: 'boolean', availableFrom: 2, description: 'No scope rule put the country outside the standards' },
  specialCase: { type: 'boolean', availableFrom: 0, description: 'The evidence records a Special Case' },
  standard_a1: { type: 'string', values: FINDING_VALUES, availableFrom: 0, description: 'Finding on §108(a)(1)' },
  standard_a2: { type: 'string', values: FINDING_VALUES, availableFrom: 0, description: 'Finding on §108(a)(2)' },
  standard_a3: { type: 'string', values: FINDING_VALUES, availableFrom: 0, description: 'Finding on §108(a)(3)' },
  standard_a4: { type: 'string', values: FINDING_VALUES, availableFrom: 0, description: 'Finding on §108(a)(4)' },
  ...criterionFacts(),
  prosecutionDataRequested: { type: 'boolean', values: TRI, availableFrom: 0, description: 'The Department asked for prosecution data' },
  prosecutionDataProvided: { type: 'boolean', values: DATA_PROVIDED, availableFrom: 0, description: 'The government provided prosecution data' },
  prosecutionDataCapacity: {
    type: 'boolean',
    values: TRI,
    availableFrom: 0,
    description: "The prosecution data not provided were within the government's capacity to obtain (from 2019: a demonstrably increasing capacity)",
  },
  prosecutionPresumptionRebutted: { type: 'boolean', availableFrom: 0, description: 'The evidence records a rebuttal of the §108(b)(1) data presumption, with its rationale' },
  complicityReported: { type: 'boolean', values: TRI, availableFrom: 0, description: 'Complicity of public officials was reported or alleged' },
  complicityDataRequested: { type: 'boolean', values: TRI, availableFrom: 0, description: 'The Department asked for data on complicit officials' },
  complicityDataProvided: { type: 'boolean', values: DATA_PROVIDED, availableFrom: 0, description: 'The government provided data on complicit officials' },
  complicityDataCapacity: {
    type: 'boolean',
    values: TRI,
    availableFrom: 0,
    description: "The officials' data not provided were within the government's resources or capacity to obtain",
  },
  complicityPresumptionRebutted: { type: 'boolean', availableFrom: 0, description: 'The evidence records a rebuttal of the §108(b)(7) data presumption, with its rationale' },
  departsFromUpgradePractice: {
    type: 'boolean',
    availableFrom: 0,
    description: 'The analyst determination departs from the practice of placing a country upgraded out of Tier 3 on the Watch List',
  },
  previousTier: {
    type: 'string',
    values: [...TIERS, 'unknown'],
    availableFrom: 0,
    description: "Last year's placement, from the ledger; unknown with no ledger or no row for that year",
  },
  secretaryDisregardsPresumption: {
    type: 'boolean',
    availableFrom: 0,
    description: 'Option: the Secretary disregards the data presumption (only in the reports the transitional clause of the data presumption covers)',
  },
  increasingEfforts: {
    type: 'boolean',
    values: ['unknown', 'first_year_in_report'],
    availableFrom: 0,
    description: 'Evidence of increasing efforts from the previous year (first_year_in_report: nothing to compare with)',
  },
  victimsVerySignificant: { type: 'boolean', values: TRI, availableFrom: 0, description: 'Finding of Watch List ground (I): the number of victims is very significant' },
  victimsSignificantlyIncreasing: { type: 'boolean', values: TRI, availableFrom: 0, description: 'Finding of Watch List ground (I): the number of victims is significantly increasing' },
  proportionalConcreteActions: {
    type: 'boolean',
    values: TRI,
    availableFrom: 0,
    description: 'Finding of Watch List ground (I), amended wording: the country is taking proportional concrete actions',
  },
  concreteActions: { type: 'boolean', values: TRI, availableFrom: 0, description: 'Concrete actions were recorded in the reporting period' },
  effortsRestOnCommitments: { type: 'boolean', values: TRI, availableFrom: 0, description: 'The significant-efforts finding rests on commitments for next year' },
  policyOrPatternFound: {
    type: 'boolean',
    values: TRI,
    availableFrom: 0,
    description: 'The analyst found a government policy or pattern of trafficking, forced labor, sexual slavery or child soldiers',
  },
  watchListPlacement: {
    type: 'string',
    values: WATCH_LIST_PLACEMENTS,
    availableFrom: 0,
    description:
      'What the Watch List clock allows this year (computed from the ledger); with gaps in the ledger, one possible outcome at a time (the rules run once per outcome); unknown when no ledger was given',
  },
  ruleFApplies: { type: 'boolean', availableFrom: 0, description: 'Rule (F) bars the Watch List this year (under the reading chosen)' },
  waiverGranted: { type: 'boolean', values: TRI, availableFrom: 0, description: 'A waiver of the automatic downgrade was granted' },
  waiverWrittenPlan: { type: 'boolean', values: TRI, availableFrom: 0, description: 'The country has a written plan to begin making significant efforts' },
  waiverPlanSufficient: { type: 'boolean', values: TRI, availableFrom: 0, description: 'The plan, if implemented, would constitute significant efforts' },
  waiverResources: { type: 'boolean', values: TRI, availableFrom: 0, description: 'The country is devoting sufficient resources to the plan' },
  fullyMeets: { type: 'boolean', availableFrom: 4, description: 'Determination (analyst, else rubric): the government fully meets the minimum standards (the tier rules add the data presumptions)' },
  significantEfforts: { type: 'boolean', availableFrom: 4, description: 'Determination (analyst, else rubric): the government makes significant efforts' },
  watchListGroundCount: { type: 'number', availableFrom: 4, description: 'How many Watch List grounds apply' },
};

export type FactValue = boolean | number | string | null;
export type Facts = Record<string, FactValue>;
