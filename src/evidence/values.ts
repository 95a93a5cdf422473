import * as z from 'zod';

/**
 * The small value types of the evidence file. A narrative is often silent, and silence is a
 * value: "unknown" is written where the file would otherwise have to guess, and no rule ever
 * reads "unknown" as true or as false (docs/evidence.md, "What unknown does").
 */

export const text = z.string().trim().min(1, 'a non-empty text');
export const count = z.number().int().min(0);
/** A count the narrative may not give: null = not reported. */
export const nullableCount = count.nullable();

/** The narrative does not say (or the officer does not know yet). */
export const UNKNOWN = 'unknown' as const;

/** true | false | "unknown": a yes/no question the narrative may leave open. */
export const TriStateSchema = z.union([z.boolean(), z.literal(UNKNOWN)]);
export type TriState = z.output<typeof TriStateSchema>;

/** Whether data were provided: also "partial" (some of the figures, not all of them). */
export const DataProvidedSchema = z.union([z.boolean(), z.enum([UNKNOWN, 'partial'])]);
export type DataProvided = z.output<typeof DataProvidedSchema>;

/** A link a reader can follow: http or https only (no javascript:, data: or file: in a draft or a page). */
export const WebUrlSchema = z.url({ protocol: /^https?$/ });

/** A source: a citation a reader can follow (a report, a cable, a news item). */
export const SourceSchema = z.strictObject({
  title: text,
  url: WebUrlSchema.optional(),
  date: z.iso.date().optional(),
});

/**
 * The analyst's finding on one standard or criterion. `no_information`: the narrative (or the
 * record so far) says nothing on which to judge it; unlike `not_applicable` it is a gap, and the
 * rubric neither credits nor blocks on it but counts it among the unknowns it rests on.
 */
// The finding values live in src/model/finding.ts, shared with the rules' fact registry (so
// rules/ does not import evidence/).
import { FINDINGS, type Finding } from '../model/finding.js';
export { FINDINGS, type Finding };

export const FindingSchema = z.strictObject({
  finding: z.enum(FINDINGS),
  rationale: text,
  sources: z.array(SourceSchema).default([]),
});

/** Orders of magnitude for an estimate the narrative gives only in words ("thousands"). */
export const ORDERS_OF_MAGNITUDE = ['tens', 'hundreds', 'thousands', 'tens_of_thousands', 'hundreds_of_thousands', 'millions', 'tens_of_millions'] as const;

/**
 * An estimate as the narrative gives it: an exact figure (a whole number), or a range
 * (`low`/`high`, either alone for "at least" / "as many as") or an order of magnitude, always
 * with the words as written.
 */
export const EstimateRangeSchema = z
  .strictObject({
    low: count.optional(),
    high: count.optional(),
    order_of_magnitude: z.enum(ORDERS_OF_MAGNITUDE).optional(),
    /** The words of the narrative: "as many as 1.5 million", "tens of thousands". */
    text,
  })
  .refine((e) => e.low !== undefined || e.high !== undefined || e.order_of_magnitude !== undefined, {
    message: 'a range (low and/or high) or an order_of_magnitude',
    params: { expected: 'low and/or high, or an order_of_magnitude, beside the text' },
  })
  .refine((e) => e.low === undefined || e.high === undefined || e.low <= e.high, {
    message: 'low at most high',
    params: { expected: 'low at most high' },
    path: ['high'],
  });
export const EstimateSchema = z.union([count, EstimateRangeSchema]);
export type Estimate = z.output<typeof EstimateSchema>;

/** A reason the file records for departing from a statutory presumption. */
export const RebuttalSchema = z.strictObject({
  /** Why the presumption does not hold here (e.g. the data reached the Department through another channel). */
  rationale: text,
  sources: z.array(SourceSchema).default([]),
});
