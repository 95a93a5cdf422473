import fc from 'fast-check';
import { FINDINGS } from '../../src/evidence/schema.js';
import { criteriaInForce } from '../../src/evidence/law-checks.js';
import { WATCH_LIST_PLACEMENTS } from '../../src/rules/stages.js';
import { LAST_REPORT_YEAR } from '../../src/model/tier.js';
import { baseEvidence } from './evidence.js';

const finding = fc.constantFrom(...FINDINGS).map((f) => ({ finding: f, rationale: `found ${f}` }));
/** A yes/no the narrative may leave open (evidence v2): unknown as often as each answer. */
export const triState = fc.constantFrom(true, false, 'unknown' as const);
const dataProvided = fc.constantFrom(true, false, 'partial' as const, 'unknown' as const);
const rebuttal = fc.option(fc.constant({ rationale: 'the data reached the Department by another channel' }), { nil: undefined, freq: 4 });

/** A patch over the baseline evidence covering every fact the rules read. */
export const evidencePatch = (year: number) =>
  fc.record({
    standards: fc.record({ a1: finding, a2: finding, a3: finding, a4: finding }),
    criteria: fc.tuple(...criteriaInForce(year).map((c) => finding.map((f) => [c, f] as const))).map((pairs) => Object.fromEntries(pairs)),
    prosecution: fc.record({ data_requested: triState, data_provided: dataProvided, data_capacity: triState, presumption_rebuttal: rebuttal }),
    complicity: fc.record({ reported: triState, data_requested: triState, data_provided: dataProvided, data_capacity: triState, presumption_rebuttal: rebuttal }),
    comparison_with_previous_year: fc.record({ increasing_efforts: fc.constantFrom(true, false, 'unknown' as const, 'first_year_in_report' as const) }),
    victims: fc.record({
      ...(year <= 2008 ? { significant_number: fc.constant(true) } : {}),
      watch_list_ground_i: fc.record({
        very_significant: triState,
        significantly_increasing: triState,
        ...(year >= 2019 ? { proportional_concrete_actions: triState } : {}),
      }),
    }),
    efforts_basis: fc.record({ concrete_actions: triState, rests_on_commitments: triState }),
    state_labor: fc.array(
      fc.record({
        program: fc.constant('prison_labor' as const),
        kind: fc.constant('forced_labor' as const),
        description: fc.constant('prisoners made goods for export'),
        government_policy_or_pattern: triState,
      }),
      { maxLength: 2 },
    ),
    waiver: fc.option(
      fc.record({ written_plan: fc.boolean(), plan_would_constitute_significant_efforts: fc.boolean(), sufficient_resources: fc.boolean(), granted: fc.boolean() }),
      { nil: undefined },
    ),
    determination: fc.option(
      fc.record({ fully_meets: fc.boolean(), significant_efforts: fc.boolean(), rationale: fc.constant('the analyst weighed the record') }),
      { nil: undefined },
    ),
  });

/** Clock facts as the clock can give them: one outcome (the assessment runs the rules once per outcome a gap leaves). */
export const clockFacts = fc.record({ watchListPlacement: fc.constantFrom(...WATCH_LIST_PLACEMENTS), ruleFApplies: fc.boolean() });

/** A report year, valid evidence for it, and clock facts. */
export const assessmentInput = fc
  .integer({ min: 2001, max: LAST_REPORT_YEAR })
  .chain((year) => fc.tuple(fc.constant(year), evidencePatch(year), clockFacts))
  .map(([year, patch, clock]) => ({ year, evidence: baseEvidence(year, patch), clock }));
