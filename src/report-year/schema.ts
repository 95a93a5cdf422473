import { z } from 'zod';
import { REGIONAL_BUREAUS } from '../model/tier.js';

/**
 * Report-year settings: the facts of one year's release that the demarche and the non-paper print
 * (release date and time in Washington, the Secretary who signs, the Ambassador-at-Large for G/TIP,
 * the embassy briefing, the earliest delivery to host governments per regional bureau).
 *
 * Two shapes share the same keys:
 *  - the FILE shape (data/report-years.yaml and any `--settings FILE`): every field optional, so a
 *    file may hold only what is known for a year, and a settings file may override one field;
 *  - the RESOLVED shape (defaults merged with the override): the fields every draft needs are
 *    required, so a year that lacks one is an error naming the year, never a silent gap.
 * Keys are snake_case because people write these files by hand, as the evidence files.
 */

const text = z.string().trim().min(1, 'a non-empty text');

/** 24-hour clock, Washington time for the release and the briefing, local time for delivery. */
/** A string matching `pattern`, with the loader's "expected" in words rather than the regular expression. */
const matching = (pattern: RegExp, expected: string) => z.string().refine((v) => pattern.test(v), { message: expected, params: { expected } });

const clock = matching(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time written HH:MM on the 24-hour clock, such as "10:00"');

/** Washington's zone abbreviations: the June release falls in daylight time, but a settings file may say otherwise. */
export const ZONES = ['EDT', 'EST'] as const;
const zone = z.enum(ZONES);

/** "OOB": opening of business, local time (the 2009 window for SCA and EAP posts). */
const deliveryTime = z.union([clock, z.literal('OOB')]);

const SourceSchema = z.strictObject({ title: text, url: z.url().optional(), note: z.string().optional() });

const shapes = {
  release: { date: z.iso.date(), time: clock, zone },
  secretary: {
    /** "Hillary Rodham Clinton" */
    name: text,
    /** The signature line of a Department cable: the Secretary's surname in capitals ("CLINTON"). */
    signature: matching(/^[A-Z][A-Z' .-]*$/, 'a surname in capitals, such as CLINTON'),
  },
  ambassador: {
    /** "Luis CdeBaca" */
    name: text,
    /** "CdeBaca", for "Ambassador CdeBaca will also hold ..." */
    surname: text,
  },
  briefing: { date: z.iso.date(), time: clock, zone },
  press_statement: { time: clock, zone },
};

const DeliveryWindowSchema = z.strictObject({
  bureaus: z.array(z.enum(REGIONAL_BUREAUS)).min(1),
  /** 1: the day before the release; 0: the release day. */
  days_before_release: z.number().int().min(0).max(14),
  time: deliveryTime,
});
export type DeliveryWindow = z.output<typeof DeliveryWindowSchema>;

/** One year in a settings file: everything optional, nested objects too (a file may override one field). */
export const ReportYearEntrySchema = z.strictObject({
  release: z.strictObject(shapes.release).partial().optional(),
  secretary: z.strictObject(shapes.secretary).partial().optional(),
  ambassador: z.strictObject(shapes.ambassador).partial().optional(),
  briefing: z.strictObject(shapes.briefing).partial().optional(),
  press_statement: z.strictObject(shapes.press_statement).partial().optional(),
  /** Where the Secretary releases the Report: "at a press conference in the Department's press briefing room". */
  venue: text.optional(),
  /** Where the Report and the TVPA text are online, as the cable writes it ("www.state.gov/g/tip"). */
  website: text.optional(),
  /** Earliest delivery of the narrative to the host government, by regional bureau. Replaced as a whole by an override. */
  delivery: z.array(DeliveryWindowSchema).min(1).optional(),
  /** That year's theme for the non-paper (2009: forced labor and the financial crisis), one paragraph per item. */
  theme: z.array(text).optional(),
  /** Where the values come from. */
  sources: z.array(SourceSchema).optional(),
});
export type ReportYearEntry = z.output<typeof ReportYearEntrySchema>;

/** The file: `years:` keyed by report year. */
export const ReportYearsFileSchema = z.strictObject({
  years: z.record(z.string().regex(/^(20\d\d|2100)$/, 'a report year such as 2009'), ReportYearEntrySchema),
});
export type ReportYearsFile = z.output<typeof ReportYearsFileSchema>;

/**
 * A year's settings after merging: what the drafts need is required; the ambassador, briefing, press
 * statement time, venue, website and theme are optional (the drafts leave out the words that use them).
 */
export const ResolvedEntrySchema = z.strictObject({
  release: z.strictObject(shapes.release),
  secretary: z.strictObject(shapes.secretary),
  ambassador: z.strictObject(shapes.ambassador).optional(),
  briefing: z.strictObject(shapes.briefing).optional(),
  press_statement: z.strictObject(shapes.press_statement).optional(),
  venue: text.optional(),
  website: text.optional(),
  delivery: z.array(DeliveryWindowSchema).min(1),
  theme: z.array(text).default([]),
  sources: z.array(SourceSchema).default([]),
});
export type ResolvedEntry = z.output<typeof ResolvedEntrySchema>;

/** What the view models read: the resolved entry plus the year and the edition of the Report. */
export interface ReportYearSettings extends ResolvedEntry {
  year: number;
  /** 9 for the 2009 Report, the "ninth annual TIP Report" (derived: the first Report was 2001's). */
  edition: number;
}
