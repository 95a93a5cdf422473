import { z } from 'zod';
import { REGIONAL_BUREAUS } from '../model/tier.js';

/**
 * The evidence model: one country, one report year. Everything the desk officer records.
 * Every object is strict (unknown keys are errors); nothing is defaulted silently except
 * empty lists and the "not recorded" nulls that the file states explicitly.
 *
 * The keys are snake_case because people write these files by hand in YAML.
 * Which §108(b) criteria must be present depends on the report year; that check lives in
 * `law-checks.ts`, which reads the criteria in force from rules/.
 */

const text = z.string().trim().min(1, 'a non-empty text');
const count = z.number().int().min(0);
const nullableCount = count.nullable();

/** A source: a citation a reader can follow (a report, a cable, a news item). */
export const SourceSchema = z.strictObject({
  title: text,
  url: z.url().optional(),
  date: z.iso.date().optional(),
});

/** The analyst's finding on one standard or criterion. */
export const FINDINGS = ['met', 'partly_met', 'not_met', 'not_applicable'] as const;
export type Finding = (typeof FINDINGS)[number];

export const FindingSchema = z.strictObject({
  finding: z.enum(FINDINGS),
  rationale: text,
  sources: z.array(SourceSchema).default([]),
});

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

/** The five heads of a "government policy or pattern" under 22 U.S.C. 7107(b)(3)(B)(i)-(v). */
export const POLICY_OR_PATTERN_KINDS = [
  'trafficking',
  'trafficking_in_government_funded_programs',
  'forced_labor',
  'sexual_slavery_in_government_camps',
  'child_soldiers',
] as const;

/** State-imposed or state-sanctioned labor that the report records (seeds 000-004). */
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
  /** Under which head of §110(b)(3)(B) the finding falls, if it is one. */
  kind: z.enum(POLICY_OR_PATTERN_KINDS),
  description: text,
  /** Where: province, region, sector. */
  location: z.string().optional(),
  /** Goods produced, when relevant (prison-labor exports, cotton, ...). */
  goods: z.array(text).default([]),
  /** Whether the products were exported (prison-labor export, 19 U.S.C. 1307 detentions). */
  exported: z.boolean().optional(),
  /**
   * The analyst's finding that this is a *government policy or pattern*, the proof of failure to
   * make significant efforts from the 2019 report (22 U.S.C. 7107(b)(3)(B)). Before 2019 it is
   * recorded and drafted but has no statutory effect.
   */
  government_policy_or_pattern: z.boolean(),
  sources: z.array(SourceSchema).default([]),
});

export const CountrySchema = z.strictObject({
  name: text,
  iso3: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code in capitals, such as CHN'),
  bureau: z.enum(REGIONAL_BUREAUS),
  government: z.strictObject({
    /** "the Government of the People's Republic of China" */
    formal_name: text,
    /** "the Chinese government" */
    short_name: text,
    /** "PRC": the short form the narrative uses after the first mention, if any. */
    abbreviation: z.string().optional(),
  }),
  /** Adjective for the people and the state: "Chinese". */
  adjective: text,
});

export const ProsecutionSchema = z.strictObject({
  /** The Department asked for the data (the presumption applies only "after reasonable requests"). */
  data_requested: z.boolean(),
  /** The government gave the Department investigation, prosecution, conviction and sentencing data. */
  data_provided: z.boolean(),
  /** Whether it gave the UN (or other bodies) its data; recorded, not statutory. */
  data_provided_to_un: z.boolean().optional(),
  investigations: nullableCount,
  prosecutions: nullableCount,
  convictions: nullableCount,
  /** Persons sentenced, with the range of sentences as written. */
  sentences: z
    .strictObject({
      count: nullableCount,
      description: z.string().optional(),
    })
    .optional(),
  /** Cases the narrative names (dates, places, numbers), one line each. */
  cases: z.array(text).default([]),
  /** The law: does it prohibit all severe forms, are penalties sufficiently stringent. */
  law: z
    .strictObject({
      prohibits_all_forms: z.boolean(),
      penalties_sufficiently_stringent: z.boolean(),
      penalties_commensurate_with_rape: z.boolean().optional(),
      description: z.string().optional(),
    })
    .optional(),
  cooperation_with_foreign_governments: z.enum(['good', 'limited', 'none', 'unknown']).optional(),
});

export const ComplicitySchema = z.strictObject({
  reported: z.boolean(),
  /** Data on officials investigated, prosecuted, convicted: provided to the Department? */
  data_provided: z.boolean(),
  officials_investigated: nullableCount,
  officials_prosecuted: nullableCount,
  officials_convicted: nullableCount,
  description: z.string().optional(),
});

export const ProtectionSchema = z.strictObject({
  victims_identified: nullableCount,
  /** Persons rescued or removed from exploitation, as the narrative reports them. */
  victims_rescued: nullableCount,
  dedicated_assistance_programs: z.boolean(),
  shelters: z.string().optional(),
  systematic_identification_procedures: z.boolean(),
  victims_penalized: z.boolean(),
  foreign_victims_deported: z.boolean(),
  legal_alternatives_to_removal: z.boolean(),
  ngo_cooperation: z.enum(['supported', 'tolerated', 'obstructed', 'unknown']).optional(),
  notes: z.array(text).default([]),
});

export const PreventionSchema = z.strictObject({
  awareness_campaigns: z.boolean(),
  hotlines: z
    .strictObject({
      operating: z.boolean(),
      provinces: nullableCount.optional(),
    })
    .optional(),
  national_action_plan: z
    .strictObject({
      exists: z.boolean(),
      year_adopted: z.number().int().min(1990).max(2100).optional(),
      implementation_guidelines_issued: z.boolean().optional(),
      subnational_plans: nullableCount.optional(),
    })
    .optional(),
  officials_trained: nullableCount,
  training_regions: nullableCount.optional(),
  demand_reduction_measures: z.boolean(),
  peacekeeper_training: z.boolean().optional(),
  peacekeepers_implicated: z.boolean().optional(),
  palermo_protocol_party: z.boolean(),
  notes: z.array(text).default([]),
});

/** §110(b)(2)(A)(iii)(II): evidence of increasing efforts compared with the previous year. */
export const ComparisonSchema = z.strictObject({
  increasing_efforts: z.boolean(),
  rationale: text,
});

/** §110(b)(2)(A)(iii)(I): the (estimated) number of victims. */
export const VictimsSchema = z.strictObject({
  /** The scope test of the 2001-2008 reports: a country of origin, transit or destination for a significant number of victims. */
  significant_number: z.boolean().optional(),
  estimate: nullableCount,
  estimate_source: z.string().optional(),
  very_significant: z.boolean(),
  significantly_increasing: z.boolean(),
  /** 2019 wording: "and the country is not taking proportional concrete actions". */
  proportional_concrete_actions: z.boolean().optional(),
});

/** What the significant-efforts finding rests on (§110(b)(1)(B); (b)(2)(A)(iii)(III) before 2019). */
export const EffortsBasisSchema = z.strictObject({
  /** Concrete actions recorded during the reporting period (2019 wording; §7102 definition). */
  concrete_actions: z.boolean(),
  /** Commitments to take additional future steps over the next year. */
  commitments: z.array(text).default([]),
  /** True when the significant-efforts finding rests on those commitments. */
  rests_on_commitments: z.boolean(),
});

/** The waiver of §110(b)(2)(D)(ii) ((b)(3)(D)(ii) before 2014). */
export const WaiverSchema = z.strictObject({
  written_plan: z.boolean(),
  plan_would_constitute_significant_efforts: z.boolean(),
  sufficient_resources: z.boolean(),
  granted: z.boolean(),
  rationale: z.string().optional(),
});

/** Layer 3: the analyst's determination, which replaces the rubric's recommendation. */
export const DeterminationSchema = z.strictObject({
  fully_meets: z.boolean(),
  significant_efforts: z.boolean(),
  rationale: text,
  analyst: z.string().optional(),
  date: z.iso.date().optional(),
});

export const PressQuestionSchema = z.strictObject({
  question: text,
  answer: text,
});

/** The narrative text, as the desk officer writes it. Never compiled as a template. */
export const NarrativeSchema = z.strictObject({
  /** Country profile paragraphs. A section left empty ([]) is drafted from the figures, marked for editing. */
  profile: z.array(text).default([]),
  /** The rest of the tier paragraph after the "does not fully comply ... therefore placed on" sentence. */
  assessment: z.array(text).default([]),
  prosecution: z.array(text).default([]),
  protection: z.array(text).default([]),
  prevention: z.array(text).default([]),
  /**
   * The analyst's recommendations for the government, each a clause starting with a verb. The
   * assessment adds those derived from unmet criteria; the drafts use these when given.
   */
  recommendations: z.array(text).default([]),
  /** Progress over the past year, for the press guidance. */
  progress: z.array(text).default([]),
  press_questions: z.array(PressQuestionSchema).default([]),
});

export const EvidenceSchema = z.strictObject({
  /** Optional editor hint line; ignored by the engine. */
  $schema: z.string().optional(),
  country: CountrySchema,
  report_year: z.number().int().min(2001).max(2100),
  /** Country not ranked (conflict, no government control or information): a Special Case. */
  special_case: z.strictObject({ reason: text }).optional(),
  roles: z.strictObject({
    origin: z.boolean(),
    transit: z.boolean(),
    destination: z.boolean(),
  }),
  forms: z.array(z.enum(TRAFFICKING_FORMS)).min(1),
  /** §108(a)(1)-(4): the four minimum standards. */
  standards: z.strictObject({
    a1: FindingSchema,
    a2: FindingSchema,
    a3: FindingSchema,
    a4: FindingSchema,
  }),
  /** §108(b): the criteria in force that year, keyed b1..b12. */
  criteria: z.record(z.string().regex(/^b([1-9]|1[0-2])$/, 'a criterion key b1..b12'), FindingSchema),
  prosecution: ProsecutionSchema,
  complicity: ComplicitySchema,
  protection: ProtectionSchema,
  prevention: PreventionSchema,
  comparison_with_previous_year: ComparisonSchema,
  victims: VictimsSchema,
  state_labor: z.array(StateLaborFindingSchema).default([]),
  efforts_basis: EffortsBasisSchema,
  waiver: WaiverSchema.optional(),
  determination: DeterminationSchema.optional(),
  narrative: NarrativeSchema,
});

export type Evidence = z.output<typeof EvidenceSchema>;
export type EvidenceInput = z.input<typeof EvidenceSchema>;
export type StateLaborFinding = z.output<typeof StateLaborFindingSchema>;

/** The reporting period of a report year: April 1 of the year before to March 31 (22 U.S.C. 7107(b)(1)). */
export function reportingPeriod(reportYear: number): { from: string; to: string } {
  return { from: `${reportYear - 1}-04-01`, to: `${reportYear}-03-31` };
}
