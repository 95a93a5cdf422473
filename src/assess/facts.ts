import type { Evidence } from '../evidence/schema.js';
import { CRITERIA } from '../rules/schema.js';
import type { Facts } from '../rules/stages.js';

/**
 * What the Watch List clock tells the rules (the full clock is in the assessment): one outcome of
 * the clock. When the ledger's gaps leave several outcomes possible, the assessment runs the rules
 * once for each (src/assess/assess.ts), so the waiver rule (D)(ii) acts on the outcome that needs a
 * waiver and the downgrade on the one that forbids the Watch List; 'unknown' is only what no
 * ledger gives (the clock was not checked).
 */
export interface ClockFacts {
  watchListPlacement: 'allowed' | 'needs-waiver' | 'barred' | 'unavailable' | 'unknown';
  ruleFApplies: boolean;
}

export interface FactOptions {
  /** §108(b)(1)/(7) transitional clause: the Secretary disregards the data presumption (2004 and 2005 reports). */
  secretaryDisregardsPresumption?: boolean;
}

/**
 * The flat, typed facts the rules read before any rule runs (stage 0). Each is a plain copy of
 * a field of the validated evidence or of the clock; no statutory test is made here: the rules
 * make them, where a reader of rules/ can see them.
 */
export function baseFacts(evidence: Evidence, clock: ClockFacts, options: FactOptions = {}): Facts {
  const facts: Facts = {
    reportYear: evidence.report_year,
    roleOrigin: evidence.roles.origin,
    roleTransit: evidence.roles.transit,
    roleDestination: evidence.roles.destination,
    victimsSignificantNumber: evidence.victims.significant_number ?? null,
    specialCase: evidence.special_case !== undefined,
    standard_a1: evidence.standards.a1.finding,
    standard_a2: evidence.standards.a2.finding,
    standard_a3: evidence.standards.a3.finding,
    standard_a4: evidence.standards.a4.finding,
    prosecutionDataRequested: evidence.prosecution.data_requested,
    prosecutionDataProvided: evidence.prosecution.data_provided,
    complicityDataProvided: evidence.complicity.data_provided,
    secretaryDisregardsPresumption: options.secretaryDisregardsPresumption ?? false,
    increasingEfforts: evidence.comparison_with_previous_year.increasing_efforts,
    victimsVerySignificant: evidence.victims.very_significant,
    victimsSignificantlyIncreasing: evidence.victims.significantly_increasing,
    proportionalConcreteActions: evidence.victims.proportional_concrete_actions ?? null,
    concreteActions: evidence.efforts_basis.concrete_actions,
    effortsRestOnCommitments: evidence.efforts_basis.rests_on_commitments,
    policyOrPatternFound: evidence.state_labor.some((f) => f.government_policy_or_pattern),
    watchListPlacement: clock.watchListPlacement,
    ruleFApplies: clock.ruleFApplies,
    waiverGranted: evidence.waiver?.granted ?? false,
    waiverWrittenPlan: evidence.waiver?.written_plan ?? false,
    waiverPlanSufficient: evidence.waiver?.plan_would_constitute_significant_efforts ?? false,
    waiverResources: evidence.waiver?.sufficient_resources ?? false,
  };
  for (const c of CRITERIA) facts[`criterion_${c}`] = evidence.criteria[c]?.finding ?? 'not_in_force';
  return facts;
}
