import * as z from 'zod';
import { REGIONAL_BUREAUS } from '../model/tier.js';
import { DataProvidedSchema, EstimateSchema, RebuttalSchema, SourceSchema, TriStateSchema, count, nullableCount, text } from './values.js';

/** The sections of the evidence file (version 2). docs/evidence.md describes every field. */

export const TRAFFICKING_FORMS = [
  'sex_trafficking',
  'child_sex_trafficking',
  'forced_labor',
  'forced_child_labor',
  'debt_bondage',
  'domestic_servitude',
  'forced_marriage',
  'forced_begging',
  'forced_criminality',
  'child_soldiers',
  'organ_removal',
  'prison_labor',
  'state_imposed_forced_labor',
] as const;

/** State-imposed or state-sanctioned labor that the report records. */
export const STATE_LABOR_PROGRAMS = [
  'prison_labor',
  'reeducation_through_labor',
  'labor_transfer_program',
  'work_study_program',
  'forced_agricultural_labor',
  'compulsory_public_works',
  'medical_missions',
  'military_conscript_labor',
  'other',
] as const;

export const StateLaborFindingSchema = z.strictObject({
  program: z.enum(STATE_LABOR_PROGRAMS),
  /**
   * Under which head of §110(b)(3)(B) the finding falls: one of the heads in
   * rules/22usc7107/b/3/B/heads.yaml (the law checks read them from there).
   */
  kind: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a head of 22 U.S.C. 7107(b)(3)(B) in snake_case, such as forced_labor'),
  description: text,
  location: z.string().optional(),
  goods: z.array(text).default([]),
  exported: TriStateSchema.optional(),
  /**
   * The finding that this is a *government policy or pattern* (22 U.S.C. 7107(b)(3)(B), from the
   * 2019 report). "unknown": the narrative describes the labor but states no such finding.
   */
  government_policy_or_pattern: TriStateSchema,
  sources: z.array(SourceSchema).default([]),
});

export const CountrySchema = z.strictObject({
  name: text,
  iso3: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code in capitals, such as CHN'),
  bureau: z.enum(REGIONAL_BUREAUS),
  government: z.strictObject({
    formal_name: text,
    short_name: text,
    abbreviation: z.string().optional(),
  }),
  adjective: text,
});

/** The crimes the report compares sex-trafficking penalties with (22 U.S.C. 7106(a)(2)). */
export const COMPARISON_CRIMES = ['rape', 'forcible_sexual_assault', 'kidnapping', 'other_grave_crimes'] as const;

/** One penalty the law prescribes, as the narrative states it. */
export const PenaltySchema = z.strictObject({
  /** What it punishes, in the narrative's words: "sex trafficking of adults", "labor trafficking". */
  offence: text,
  forms: z.array(z.enum(TRAFFICKING_FORMS)).default([]),
  /** Imprisonment in years; `life: true` for life imprisonment. */
  imprisonment_years: z
    .strictObject({ min: z.number().min(0).optional(), max: z.number().min(0).optional(), life: z.boolean().optional() })
    .optional(),
  /** "imprisonment or a fine": `alternative`; a fine on top of prison: `in_addition`. */
  fine: z.enum(['alternative', 'in_addition', 'none', 'unknown']).optional(),
  /** The words as written: "two to 10 years' imprisonment or a fine". */
  text,
});

/** §108(a)(2): are the penalties for sex trafficking commensurate with those for a grave crime, and which. */
export const ComparisonCrimeSchema = z.strictObject({
  crime: z.enum(COMPARISON_CRIMES),
  commensurate: TriStateSchema,
  text: z.string().optional(),
});

export const LawSchema = z.strictObject({
  prohibits_all_forms: TriStateSchema,
  penalties_sufficiently_stringent: TriStateSchema,
  penalties: z.array(PenaltySchema).default([]),
  comparison: ComparisonCrimeSchema.optional(),
  description: z.string().optional(),
});

export const ProsecutionSchema = z.strictObject({
  /** The Department asked for the data ("after reasonable requests from the Department of State"). */
  data_requested: TriStateSchema,
  /** The government gave the Department investigation, prosecution, conviction and sentencing data. */
  data_provided: DataProvidedSchema,
  /**
   * The data not provided were within the government's capacity to obtain ("consistent with the
   * capacity of such government to obtain such data"; from 2019 "a demonstrably increasing capacity").
   * Required in the years a rule reads it.
   */
  data_capacity: TriStateSchema.optional(),
  /** Records why the §108(b)(1) data presumption does not hold, when it would otherwise apply. */
  presumption_rebuttal: RebuttalSchema.optional(),
  data_provided_to_un: TriStateSchema.optional(),
  investigations: nullableCount,
  prosecutions: nullableCount,
  convictions: nullableCount,
  sentences: z.strictObject({ count: nullableCount, description: z.string().optional() }).optional(),
  cases: z.array(text).default([]),
  law: LawSchema.optional(),
  cooperation_with_foreign_governments: z.enum(['good', 'limited', 'none', 'unknown']).optional(),
});

export const ComplicitySchema = z.strictObject({
  /** Complicity of public officials was reported or alleged in the reporting period. */
  reported: TriStateSchema,
  /** The Department asked for data on complicit officials. Required in the years a rule reads it. */
  data_requested: TriStateSchema.optional(),
  data_provided: DataProvidedSchema,
  /** As prosecution.data_capacity, for the officials' data (before 2019 "consistent with its resources"). */
  data_capacity: TriStateSchema.optional(),
  presumption_rebuttal: RebuttalSchema.optional(),
  officials_investigated: nullableCount,
  officials_prosecuted: nullableCount,
  officials_convicted: nullableCount,
  description: z.string().optional(),
});

/** A part of the count of victims identified, as the narrative breaks it down. */
export const VictimCountSchema = z.strictObject({
  count,
  form: z.enum(TRAFFICKING_FORMS).optional(),
  /** Nationals of the country or foreigners. */
  citizenship: z.enum(['national', 'foreign']).optional(),
  /** The nationality as written: "Filipino", "Burmese". */
  nationality: z.string().optional(),
  age: z.enum(['adult', 'child']).optional(),
  sex: z.enum(['female', 'male']).optional(),
  text: z.string().optional(),
});

export const ProtectionSchema = z.strictObject({
  victims_identified: nullableCount,
  /** Parts of victims_identified (by form, by nationality); parts may overlap. */
  victims_identified_breakdown: z.array(VictimCountSchema).default([]),
  victims_rescued: nullableCount,
  dedicated_assistance_programs: TriStateSchema,
  shelters: z.string().optional(),
  systematic_identification_procedures: TriStateSchema,
  victims_penalized: TriStateSchema,
  foreign_victims_deported: TriStateSchema,
  legal_alternatives_to_removal: TriStateSchema,
  ngo_cooperation: z.enum(['supported', 'tolerated', 'obstructed', 'unknown']).optional(),
  notes: z.array(text).default([]),
});

export const PreventionSchema = z.strictObject({
  awareness_campaigns: TriStateSchema,
  hotlines: z.strictObject({ operating: TriStateSchema, provinces: nullableCount.optional() }).optional(),
  national_action_plan: z
    .strictObject({
      exists: TriStateSchema,
      year_adopted: z.number().int().min(1990).max(2100).optional(),
      implementation_guidelines_issued: TriStateSchema.optional(),
      subnational_plans: nullableCount.optional(),
    })
    .optional(),
  officials_trained: nullableCount,
  training_regions: nullableCount.optional(),
  demand_reduction_measures: TriStateSchema,
  peacekeeper_training: TriStateSchema.optional(),
  peacekeepers_implicated: TriStateSchema.optional(),
  palermo_protocol_party: TriStateSchema,
  notes: z.array(text).default([]),
});

/** The country's first year in the report: there is no previous year to compare with. */
export const FIRST_YEAR_IN_REPORT = 'first_year_in_report' as const;

/** §110(b)(2)(A)(iii)(II): evidence of increasing efforts compared with the previous year. */
export const ComparisonSchema = z.strictObject({
  increasing_efforts: z.union([TriStateSchema, z.literal(FIRST_YEAR_IN_REPORT)]),
  rationale: text,
});

/**
 * Watch List ground (I), §110(b)(2)(A)(iii)(I): the FINDING that the number of victims is very
 * significant or significantly increasing (and, from 2019, that the country is not taking
 * proportional concrete actions). It records the Department's (or the officer's) finding, never
 * a size: a large estimate goes in victims.estimate, and a narrative that states no finding is
 * "unknown" here.
 */
export const GroundIFindingSchema = z.strictObject({
  very_significant: TriStateSchema.optional(),
  significantly_increasing: TriStateSchema.optional(),
  proportional_concrete_actions: TriStateSchema.optional(),
  rationale: z.string().optional(),
  sources: z.array(SourceSchema).default([]),
});

export const VictimsSchema = z.strictObject({
  /** The scope test of the 2001-2008 reports: a country for a significant number of victims. */
  significant_number: TriStateSchema.optional(),
  estimate: EstimateSchema.nullable(),
  estimate_source: z.string().optional(),
  watch_list_ground_i: GroundIFindingSchema.optional(),
});

/** What the significant-efforts finding rests on (§110(b)(1)(B); (b)(2)(A)(iii)(III) before 2019). */
export const EffortsBasisSchema = z.strictObject({
  concrete_actions: TriStateSchema,
  commitments: z.array(text).default([]),
  rests_on_commitments: TriStateSchema,
});

/** The waiver of §110(b)(2)(D)(ii) ((b)(3)(D)(ii) before 2014). */
export const WaiverSchema = z.strictObject({
  written_plan: TriStateSchema,
  plan_would_constitute_significant_efforts: TriStateSchema,
  sufficient_resources: TriStateSchema,
  granted: TriStateSchema,
  rationale: z.string().optional(),
});

/** Layer 3: the analyst's determination, which replaces the rubric's recommendation. */
export const DeterminationSchema = z.strictObject({
  fully_meets: z.boolean(),
  significant_efforts: z.boolean(),
  rationale: text,
  analyst: z.string().optional(),
  date: z.iso.date().optional(),
  /** Practice rules (rules/practice/) this determination departs from, for the reasons in `rationale`. */
  departs_from_practice: z.array(z.string().regex(/^practice\.[a-z0-9-]+$/, 'a practice rule id such as practice.upgrade-from-tier-3')).default([]),
});

/** The standards and criteria a recommendation may answer: a1-a4 (§108(a)), b1-b12 (§108(b)). */
export const PROVISION_KEYS = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10', 'b11', 'b12'] as const;

/**
 * One of the analyst's recommendations: the clause alone, or with the standards and criteria it
 * answers (`covers`), so that the assessment adds no statutory recommendation for those.
 */
export const RecommendationSchema = z.union([text, z.strictObject({ text, covers: z.array(z.enum(PROVISION_KEYS)).min(1) })]);

export const PressQuestionSchema = z.strictObject({ question: text, answer: text });

/** The narrative text, as the desk officer writes it. Never compiled as a template. */
export const NarrativeSchema = z.strictObject({
  profile: z.array(text).default([]),
  assessment: z.array(text).default([]),
  prosecution: z.array(text).default([]),
  protection: z.array(text).default([]),
  prevention: z.array(text).default([]),
  recommendations: z.array(RecommendationSchema).default([]),
  progress: z.array(text).default([]),
  press_questions: z.array(PressQuestionSchema).default([]),
});
