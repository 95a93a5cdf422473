import * as z from 'zod';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR, TIERS } from '../model/tier.js';
import {
  ComparisonSchema,
  ComplicitySchema,
  CountrySchema,
  DeterminationSchema,
  EffortsBasisSchema,
  NarrativeSchema,
  PreventionSchema,
  ProsecutionSchema,
  ProtectionSchema,
  StateLaborFindingSchema,
  TRAFFICKING_FORMS,
  VictimsSchema,
  WaiverSchema,
} from './sections.js';
import { FindingSchema, TriStateSchema, WebUrlSchema, text } from './values.js';

/**
 * The evidence model, version 2: one country, one report year. Everything the desk officer
 * records. Every object is strict (unknown keys are errors); nothing is defaulted silently
 * except empty lists. Where a narrative may be silent the value "unknown" is allowed, and no
 * rule reads it as true or false. docs/evidence.md describes every field.
 *
 * Files without `evidence_version` are version 1 (src/evidence/v1.ts): they stay valid with
 * their meaning, and `tip migrate` rewrites them as version 2.
 *
 * Which fields a report year requires beyond the schema (the criteria in force, and the
 * optional fields the year's rules read) is checked in `law-checks.ts` from rules/.
 */

export * from './values.js';
export * from './sections.js';

export const EVIDENCE_VERSION = 2 as const;

/** The sections of a published narrative an encoder may have retrieved. */
export const NARRATIVE_SECTIONS = ['tier_paragraph', 'recommendations', 'prosecution', 'protection', 'prevention', 'profile'] as const;

/**
 * For calibration files only: where the encoding came from and what the report published. A file
 * with this block has no `determination` (the engine's own answer is what is calibrated).
 */
export const CalibrationSchema = z.strictObject({
  source: z.strictObject({ title: text, url: WebUrlSchema, retrieved_on: z.iso.date().optional() }),
  /** The tier the report published for this country and year. */
  published_tier: z.enum(TIERS),
  /** Which sections of the narrative the encoder read (a piece the search tool did not return is missing). */
  sections_retrieved: z.array(z.enum(NARRATIVE_SECTIONS)).min(1),
  encoder: text,
  encoded_on: z.iso.date(),
  notes: z.string().optional(),
});

export const RolesSchema = z.strictObject({
  origin: TriStateSchema,
  transit: TriStateSchema,
  destination: TriStateSchema,
});

const sections = {
  country: CountrySchema,
  report_year: z.number().int().min(FIRST_REPORT_YEAR).max(2100).refine((y) => y <= LAST_REPORT_YEAR, { message: `a report year up to ${LAST_REPORT_YEAR} (next year's report)` }),
  /** Country not ranked (conflict, no government control or information): a Special Case. */
  special_case: z.strictObject({ reason: text }).optional(),
  roles: RolesSchema,
  forms: z.array(z.enum(TRAFFICKING_FORMS)).min(1),
  /** §108(a)(1)-(4): the four minimum standards. */
  standards: z.strictObject({ a1: FindingSchema, a2: FindingSchema, a3: FindingSchema, a4: FindingSchema }),
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
  calibration: CalibrationSchema.optional(),
  narrative: NarrativeSchema.default({
    profile: [],
    assessment: [],
    prosecution: [],
    protection: [],
    prevention: [],
    recommendations: [],
    progress: [],
    press_questions: [],
  }),
};

/** Version 2, the version `tip init` writes and `tip migrate` produces. */
export const EvidenceSchema = z.strictObject({
  /** Optional editor hint line; ignored by the engine. */
  $schema: z.string().optional(),
  /** The version of the evidence model; files without it are version 1 (`tip migrate` upgrades them). */
  evidence_version: z.literal(EVIDENCE_VERSION),
  ...sections,
});

/** The sections, for the version 1 schema (src/evidence/v1.ts), which differs in a few of them. */
export const EVIDENCE_SECTIONS = sections;

export type Evidence = z.output<typeof EvidenceSchema>;
export type EvidenceInput = z.input<typeof EvidenceSchema>;
export type StateLaborFinding = z.output<typeof StateLaborFindingSchema>;
export type Calibration = z.output<typeof CalibrationSchema>;

/** The reporting period of a report year: April 1 of the year before to March 31 (22 U.S.C. 7107(b)(1)). */
export function reportingPeriod(reportYear: number): { from: string; to: string } {
  return { from: `${reportYear - 1}-04-01`, to: `${reportYear}-03-31` };
}
