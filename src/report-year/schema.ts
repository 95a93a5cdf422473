import * as z from 'zod';
import { REGIONAL_BUREAUS } from '../model/tier.js';

/**
 * Report-year settings: the facts of one year's release that the demarche cable and the non-paper
 * print (release date and time in Washington, the Secretary who signs, the trafficking office's
 * symbol and its head, the embassy briefing, the earliest delivery to host governments per
 * regional bureau, the reference cables).
 *
 * One shape serves data/report-years.yaml and every `--settings FILE`: every field is optional, so
 * a file holds only what is known, and a settings file may override one field. A field that is
 * absent is UNKNOWN: the drafts print a visible placeholder (`[RELEASE DATE]`) and list it as a
 * warning. `null` says the thing did not exist that year (no office head in post, no embassy
 * briefing), and the drafts leave out the words that would use it.
 * Keys are snake_case because people write these files by hand, as the evidence files.
 */

const text = z.string().trim().min(1, 'a non-empty text');

/** A string matching `pattern`, with the loader's "expected" in words rather than the regular expression. */
const matching = (pattern: RegExp, expected: string) => z.string().refine((v) => pattern.test(v), { message: expected, params: { expected } });

/** 24-hour clock: Washington time for the release, the briefing and the press statement; local time for delivery. */
const clock = matching(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time written HH:MM on the 24-hour clock, such as "10:00"');

/** Washington's zone abbreviations. When a time is given without a zone, the zone follows from the date. */
export const ZONES = ['EDT', 'EST'] as const;
export type Zone = (typeof ZONES)[number];
const zone = z.enum(ZONES);

/** "OOB": opening of business, local time (the 2009 window for SCA and EAP posts). */
const deliveryTime = z.union([clock, z.literal('OOB')]);

/** Where a value comes from. `verified: false` marks a value taken from a secondary source not yet checked against a primary one. */
export const SettingsSourceSchema = z.strictObject({
  title: text,
  url: z.url().optional(),
  note: z.string().optional(),
  verified: z.boolean().optional(),
});
export type SettingsSource = z.output<typeof SettingsSourceSchema>;

const MomentSchema = z.strictObject({ date: z.iso.date(), time: clock, zone }).partial();

const DeliveryWindowSchema = z.strictObject({
  bureaus: z.array(z.enum(REGIONAL_BUREAUS)).min(1),
  /** 1: the day before the release; 0: the release day. */
  days_before_release: z.number().int().min(0).max(14),
  time: deliveryTime,
});
export type DeliveryWindow = z.output<typeof DeliveryWindowSchema>;

const SecretarySchema = z.strictObject({
  /** "Hillary Rodham Clinton" */
  name: text,
  /** The signature line of a Department cable: the Secretary's surname in capitals ("CLINTON"). */
  signature: matching(/^[A-Z][A-Z' .-]*$/, 'a surname in capitals, such as CLINTON'),
});

const OfficeSchema = z.strictObject({
  /** The office symbol the cables use that year: "G/TIP" (under the Under Secretary for Democracy and Global Affairs), "J/TIP" from 2012. */
  symbol: matching(/^[A-Z]{1,2}\/TIP$/, 'an office symbol such as G/TIP or J/TIP'),
  /** "Office to Monitor and Combat Trafficking in Persons" */
  name: text,
});

const HeadSchema = z.strictObject({
  /** "Luis CdeBaca" */
  name: text,
  /** "CdeBaca", for "Ambassador CdeBaca will also hold ..." */
  surname: text,
  /** "Ambassador-at-Large", "Director", "Acting Director". */
  title: text,
  /** How the cable styles the head when it differs from the title: "Director and Senior Advisor to the Secretary, Ambassador-at-Large" (2009). */
  styled: text.optional(),
  /** The form of address before the surname ("Ambassador CdeBaca"); by default "Ambassador" for an Ambassador-at-Large, else the title. */
  address: text.optional(),
});

/** The fields of a year's settings, in the order `tip settings` prints them. */
export const SETTINGS_FIELDS = ['release', 'release_event', 'secretary', 'office', 'head', 'briefing', 'press_briefing', 'press_statement', 'venue', 'website', 'delivery', 'refs', 'theme'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

/** One year in a settings file: everything optional, nested objects too (a file may override one field). */
export const ReportYearEntrySchema = z.strictObject({
  release: MomentSchema.optional(),
  /**
   * false: the Report was posted online with no release event (2025: a press statement only).
   * Absent: the customary event at which the Secretary releases it, as for every Report to 2024.
   */
  release_event: z.boolean().optional(),
  secretary: SecretarySchema.partial().optional(),
  office: OfficeSchema.partial().nullable().optional(),
  head: HeadSchema.partial().nullable().optional(),
  /** The general briefing for foreign embassies in Washington; null when there was none. */
  briefing: MomentSchema.nullable().optional(),
  /** The head of the office's briefing of the press on the Report, where a record of it exists (not the embassy briefing). */
  press_briefing: MomentSchema.nullable().optional(),
  /** Earliest time of a local press statement at post (2009: 10:30 a.m. EDT on the release day). */
  press_statement: z.strictObject({ time: clock, zone }).partial().optional(),
  /** Where the Secretary releases the Report: "at a press conference in the Department's press briefing room". */
  venue: text.optional(),
  /** Where the Report and the TVPA text are online, as the cable writes it ("www.state.gov/g/tip"). */
  website: text.optional(),
  /** Earliest delivery of the narrative to the host government, by regional bureau. Replaced as a whole by an override. */
  delivery: z.array(DeliveryWindowSchema).min(1).optional(),
  /** The cable's REF line, one reference per item ("STATE 59732"); lettered A., B., ... in the header. */
  refs: z.array(text).optional(),
  /** That year's theme for the non-paper (2009: forced labor and the financial crisis), one paragraph per item. */
  theme: z.array(text).optional(),
  /** Where each value comes from, by field. Every bundled value has one (a test checks). */
  sources: z.partialRecord(z.enum(SETTINGS_FIELDS), z.array(SettingsSourceSchema).min(1)).optional(),
});
export type ReportYearEntry = z.output<typeof ReportYearEntrySchema>;

/** The file: `years:` keyed by report year. A year may be left empty (`2026:` with every field still commented out). */
export const ReportYearsFileSchema = z.strictObject({
  years: z.record(
    z.string().regex(/^(20\d\d|2100)$/, 'a report year such as 2009'),
    ReportYearEntrySchema.nullable().transform((v) => v ?? {}),
  ),
});
export type ReportYearsFile = z.output<typeof ReportYearsFileSchema>;

export type Secretary = z.output<typeof SecretarySchema>;
export type Office = z.output<typeof OfficeSchema>;
export type Head = z.output<typeof HeadSchema>;

/** A date and time in Washington; any part may be unknown. */
export interface Moment {
  date?: string;
  time?: string;
  zone?: Zone;
}

/**
 * A year's settings after merging the defaults and the override: what the view models read.
 * `undefined` is unknown (a placeholder in the drafts); `null` is "none that year".
 */
export interface ReportYearSettings {
  year: number;
  /** 9 for the 2009 Report, the "ninth annual TIP Report" (derived: the first Report was 2001's). */
  edition: number;
  release: Moment;
  /** false: posted online with no release event; undefined: the customary event. */
  release_event?: boolean;
  secretary?: Secretary;
  office?: Office | null;
  head?: Head | null;
  briefing?: Moment | null;
  press_briefing?: Moment | null;
  press_statement?: { time: string; zone: Zone };
  venue?: string;
  website?: string;
  delivery?: DeliveryWindow[];
  refs: string[];
  theme: string[];
  sources: Partial<Record<SettingsField, SettingsSource[]>>;
  /** The fields the drafts need that nobody supplied (`release.date`, `head`, ...), in SETTINGS_FIELDS order. */
  unknown: string[];
}
