import { EvidenceSchema, type Evidence, type EvidenceInput, type Finding } from '../../src/evidence/schema.js';
import { criteriaInForce, requiredFields } from '../../src/evidence/law-checks.js';

/** Deep-merges plain objects; arrays and scalars in `patch` replace. */
export function merge<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch) || base === null || typeof base !== 'object' || Array.isArray(base)) {
    return patch as T;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    out[k] = v === undefined ? undefined : merge(out[k], v);
    if (out[k] === undefined) delete out[k];
  }
  return out as T;
}

const finding = (f: Finding) => ({ finding: f, rationale: `recorded as ${f}` });

/** Values of the optional fields a year's rules read (law-checks.ts requiredFields), for a plain Tier 2 country. */
const REQUIRED_WHEN_READ: Record<string, unknown> = {
  'victims.significant_number': true,
  'victims.watch_list_ground_i.very_significant': false,
  'victims.watch_list_ground_i.significantly_increasing': false,
  'victims.watch_list_ground_i.proportional_concrete_actions': true,
  'prosecution.data_capacity': true,
  'complicity.data_requested': true,
  'complicity.data_capacity': true,
};

/** The optional fields the rules in force in `year` read, with the values above, as a patch. */
function requiredPatch(year: number): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const { path } of requiredFields(year)) {
    const key = path.join('.');
    if (!(key in REQUIRED_WHEN_READ)) throw new Error(`test/support/evidence.ts: no baseline value for ${key}, which a rule reads`);
    let cur = patch;
    for (const seg of path.slice(0, -1)) cur = (cur[seg] ??= {}) as Record<string, unknown>;
    cur[path.at(-1)!] = REQUIRED_WHEN_READ[key];
  }
  return patch;
}

/**
 * A minimal valid evidence object for a year: a Tier 2 country (standards partly met, every
 * criterion in force partly met, increasing efforts, data provided). Tests patch what they need.
 * The optional fields the year requires come from the rules in force (requiredFields).
 */
export function baseEvidence(year: number, patch: unknown = {}): Evidence {
  const criteria: Record<string, ReturnType<typeof finding>> = {};
  for (const c of criteriaInForce(year)) criteria[c] = finding('partly_met');
  const input: EvidenceInput = {
    evidence_version: 2,
    country: {
      name: 'Testland',
      iso3: 'TST',
      bureau: 'EUR',
      government: { formal_name: 'the Government of Testland', short_name: 'the government' },
      adjective: 'Testish',
    },
    report_year: year,
    roles: { origin: true, transit: false, destination: true },
    forms: ['forced_labor'],
    standards: { a1: finding('met'), a2: finding('met'), a3: finding('met'), a4: finding('partly_met') },
    criteria,
    prosecution: { data_requested: true, data_provided: true, investigations: 10, prosecutions: 5, convictions: 2 },
    complicity: { reported: false, data_provided: true, officials_investigated: 0, officials_prosecuted: 0, officials_convicted: 0 },
    protection: {
      victims_identified: 20,
      victims_rescued: null,
      dedicated_assistance_programs: true,
      systematic_identification_procedures: true,
      victims_penalized: false,
      foreign_victims_deported: false,
      legal_alternatives_to_removal: true,
    },
    prevention: { awareness_campaigns: true, officials_trained: 100, demand_reduction_measures: true, palermo_protocol_party: true },
    comparison_with_previous_year: { increasing_efforts: true, rationale: 'more prosecutions than last year' },
    victims: { estimate: null },
    efforts_basis: { concrete_actions: true, rests_on_commitments: false },
    narrative: { profile: ['Testland is a source country.'], prosecution: ['p'], protection: ['p'], prevention: ['p'] },
  };
  return EvidenceSchema.parse(merge(merge(input, requiredPatch(year)), patch));
}
