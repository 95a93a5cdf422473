import * as z from 'zod';
import { TIERS } from '../model/tier.js';

/**
 * The shape of a file under rules/. Two kinds:
 *  - `rule`: json-rules-engine conditions and an event, evaluated for a report year;
 *  - `parameter`: values keyed by the first report year they apply to (OpenFisca style:
 *    the latest start on or before the year wins).
 * Both carry their citations, the report years they apply to and their layer.
 *
 * Everything is strict: a misspelt key, an empty `all`/`any` (which json-rules-engine would
 * treat as true) or an unknown operator is a load-time error with file:line:col.
 */

const year = z.number().int().min(2001).max(2100);

export const CiteSchema = z.strictObject({
  /** "22 U.S.C. 7106(b)(1)" */
  title: z.string().min(1),
  /** The pinpoint inside the section: "(b)(1)", "(b)(2)(D)(i)". */
  pinpoint: z.string().min(1),
  href: z.url(),
  /** What the source says, when the citation needs it (a paraphrase, never a long quote). */
  note: z.string().optional(),
});
export type Cite = z.output<typeof CiteSchema>;

export const EffectiveSchema = z
  .strictObject({
    /** First report year the file applies to. */
    from: year,
    /** Last report year (inclusive); absent while in force. */
    to: year.optional(),
  })
  .refine((e) => e.to === undefined || e.to >= e.from, { message: '`to` on or after `from`' });
export type Effective = z.output<typeof EffectiveSchema>;

/**
 * `statute`: the law (authoritative). `rubric`: policy guidance the engine uses to recommend
 * (advisory). `practice`: State Department practice, not law (labelled as such in every output).
 */
export const LAYERS = ['statute', 'rubric', 'practice'] as const;
export type Layer = (typeof LAYERS)[number];

/** Where the words of a statute text come from. */
export const SourceSchema = z.strictObject({
  title: z.string().min(1),
  href: z.url(),
});

/**
 * The statute's words for one period, OpenFisca-style: `from` is the first report year they
 * govern (the latest start on or before a year wins). Verbatim unless the exact words could not
 * be found, and then a note says why.
 */
export const TextEntrySchema = z
  .strictObject({
    from: year,
    /** "TVPA §110(b)(3)(D)(i) (22 U.S.C. 7107(b)(3)(D)(i) as then numbered)" */
    citation: z.string().min(1),
    /** The act that enacted these words: "Pub. L. 110-457, §107(a)". */
    enacted_by: z.string().min(1).optional(),
    source: SourceSchema,
    /** Other copies the words were checked against. */
    also_checked: z.array(SourceSchema).min(1).optional(),
    verbatim: z.boolean(),
    /** The report years whose words were actually read (the others inferred: no amendment found). */
    years_verified: z.string().min(1).optional(),
    words: z.string().min(1),
    note: z.string().min(1).optional(),
  })
  .refine((t) => t.verbatim || t.note !== undefined, { message: 'a text that is not verbatim needs a note saying why', path: ['note'] });
export type TextEntry = z.output<typeof TextEntrySchema>;

/** The provision's citation as numbered in each period ("§110(b)(3)(D)(i)" before 2014). */
export const NumberedAsSchema = z.strictObject({ from: year, citation: z.string().min(1) });
export type NumberedAs = z.output<typeof NumberedAsSchema>;

/** Entries keyed by `from`, strictly increasing (one entry per start year). */
function dated<T extends z.ZodType<{ from: number }>>(entry: T) {
  return z
    .array(entry)
    .min(1)
    .refine((xs) => xs.every((x, i) => i === 0 || x.from > xs[i - 1]!.from), { message: 'entries in increasing order of `from`, one per year' });
}

const metadata = {
  /** Must equal the path under rules/, '/' -> '.', without `.yaml` and without an `@YEAR` version suffix. */
  id: z.string().regex(/^[A-Za-z0-9.-]+$/, 'dotted path segments'),
  title: z.string().min(1),
  cites: z.array(CiteSchema).min(1),
  effective: EffectiveSchema,
  layer: z.enum(LAYERS),
  /** The statute's words for each version the file covers (required of statute files by the corpus test). */
  text: dated(TextEntrySchema).optional(),
  /** The provision's citation as numbered in each period. */
  numbered_as: dated(NumberedAsSchema).optional(),
  /**
   * The module that computes what this rule reads from the history (the Watch List clock), so
   * the path from a citation to its code is one hop: `src/history/clock/D.ts`.
   */
  computed_by: z.string().regex(/^src\/[A-Za-z0-9/._-]+\.ts$/, 'a path under src/ ending in .ts').optional(),
  /** Date the file was last checked against its sources (a test lists files not verified for years). */
  verified_on: z.iso.date(),
  /** Interpretive choices and open questions (UNVERIFIED items), in words a lawyer reads. */
  note: z.string().optional(),
};

/** The operators a rule may use, by the type of fact they accept. */
export const OPERATORS = {
  equal: 'any',
  notEqual: 'any',
  in: 'list',
  notIn: 'list',
  lessThan: 'number',
  lessThanInclusive: 'number',
  greaterThan: 'number',
  greaterThanInclusive: 'number',
} as const;
export type Operator = keyof typeof OPERATORS;

const scalar = z.union([z.boolean(), z.number(), z.string()]);

export const LeafConditionSchema = z.strictObject({
  fact: z.string().min(1),
  operator: z.enum(Object.keys(OPERATORS) as [Operator, ...Operator[]]),
  value: z.union([scalar, z.array(z.union([z.number(), z.string()])).min(1)]),
});
export type LeafCondition = z.output<typeof LeafConditionSchema>;

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafConditionSchema,
    z.strictObject({ all: z.array(ConditionSchema).min(1, 'at least one condition (an empty group is always true)') }),
    z.strictObject({ any: z.array(ConditionSchema).min(1, 'at least one condition (an empty group is always true)') }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

/** The top of a rule's conditions must be a group (json-rules-engine requires all/any/not). */
export const TopConditionSchema = z.union([
  z.strictObject({ all: z.array(ConditionSchema).min(1, 'at least one condition (an empty group is always true)') }),
  z.strictObject({ any: z.array(ConditionSchema).min(1, 'at least one condition (an empty group is always true)') }),
  z.strictObject({ not: ConditionSchema }),
]);

const standardKey = z.enum(['a1', 'a2', 'a3', 'a4']);
export const CRITERIA = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10', 'b11', 'b12'] as const;
export type Criterion = (typeof CRITERIA)[number];
const criterionKey = z.enum(CRITERIA);

/**
 * What a rule concludes. The event type also fixes the stage in which the rule runs, since
 * later stages read what earlier ones concluded (see stages.ts).
 */
export const EventSchema = z.discriminatedUnion('type', [
  /** §108(a): the standards do not apply to this country this year (outside the report's scope). */
  z.strictObject({ type: z.literal('scope'), params: z.strictObject({ in_scope: z.literal(false) }) }),
  /** §108(b)(1)/(7): the government is presumed not to meet the criterion. */
  z.strictObject({ type: z.literal('presumption'), params: z.strictObject({ criterion: criterionKey }) }),
  z.strictObject({ type: z.literal('standard-unmet'), params: z.strictObject({ standard: standardKey }) }),
  z.strictObject({ type: z.literal('criterion-unmet'), params: z.strictObject({ criterion: criterionKey }) }),
  /** Rubric recommendation (advisory). */
  z.strictObject({
    type: z.literal('rubric'),
    params: z.strictObject({ recommends: z.enum(['fully-meets', 'significant-efforts']) }),
  }),
  z.strictObject({
    type: z.literal('watch-list-ground'),
    /** The ground's roman numeral as the statute numbers it ((I)-(III) today; a new ground adds a file). */
    params: z.strictObject({ ground: z.string().regex(/^[IVX]+$/, 'a roman numeral such as IV'), text: z.string().min(1) }),
  }),
  z.strictObject({ type: z.literal('tier'), params: z.strictObject({ tier: z.enum(TIERS) }) }),
]);
export type RuleEvent = z.output<typeof EventSchema>;
export type EventType = RuleEvent['type'];

export const RuleFileSchema = z.strictObject({
  ...metadata,
  kind: z.literal('rule'),
  /** Catala-style: the rules this one overrides when both apply. */
  exception_of: z.array(z.string().min(1)).min(1).optional(),
  conditions: TopConditionSchema,
  event: EventSchema,
  /** Recommendation to the government used when this criterion or standard is not met. */
  recommendation: z.string().min(1).optional(),
});
export type RuleFile = z.output<typeof RuleFileSchema>;

export const ParameterFileSchema = z.strictObject({
  ...metadata,
  kind: z.literal('parameter'),
  values: z.record(z.string().regex(/^\d{4}$/, 'a report year such as 2009'), z.unknown()),
});
export type ParameterFile = z.output<typeof ParameterFileSchema>;

export const CorpusFileSchema = z.discriminatedUnion('kind', [RuleFileSchema, ParameterFileSchema]);
export type CorpusFile = z.output<typeof CorpusFileSchema>;
