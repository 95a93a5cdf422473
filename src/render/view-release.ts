import * as z from 'zod';
import { REGIONAL_BUREAUS, type RegionalBureau } from '../model/tier.js';
import type { Head, Moment, ReportYearSettings } from '../report-year/schema.js';
import { isPlaceholder, Placeholders, settingsHint } from './placeholders.js';
import { addDays } from './words.js';

/**
 * The release facts the demarche and the non-paper print, from the year's settings. Every unknown
 * becomes a placeholder minted by the render's collector; every known value is copied as it is.
 */

/** An ISO date, or a placeholder printed in its place. */
export const DateText = z.union([z.iso.date(), z.string().refine(isPlaceholder, 'a placeholder')]);
/** HH:MM, "OOB", or a placeholder. */
export const TimeText = z.union([z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^OOB$/), z.string().refine(isPlaceholder, 'a placeholder')]);

/** A date and time as the cables write them; `zone` is empty when the time is a placeholder. */
export const MomentSchema = z.strictObject({ date: DateText, time: TimeText, zone: z.string() });
export type MomentView = z.output<typeof MomentSchema>;

export const ReleaseViewSchema = z.strictObject({
  year: z.number().int(),
  /** 9 for 2009: "the ninth annual TIP Report". */
  edition: z.number().int().min(1),
  release: MomentSchema,
  /** The Secretary releases the Report at an event (the custom); false: it is posted online with none (2025). */
  releaseEvent: z.boolean(),
  secretary: z.strictObject({ name: z.string(), signature: z.string() }),
  /** The trafficking office's symbol ("G/TIP"); null in a year the office did not exist. */
  office: z.strictObject({ symbol: z.string(), name: z.string() }).nullable(),
  /** "Director and Senior Advisor to the Secretary, Ambassador-at-Large Luis CdeBaca" and "Ambassador CdeBaca"; null when nobody headed the office. */
  head: z.strictObject({ full: z.string(), reference: z.string() }).nullable(),
  briefing: MomentSchema.nullable(),
  /** The head's press briefing on the Report: a date, with a time when known (time and zone empty otherwise). */
  pressBriefing: z.strictObject({ date: z.iso.date(), time: z.string(), zone: z.string() }).nullable(),
  pressStatement: z.strictObject({ time: TimeText, zone: z.string() }).nullable(),
  venue: z.string().nullable(),
  website: z.string().nullable(),
  /** Earliest delivery to the host government, per group of bureaus, as dated local times; null while unknown. */
  delivery: z.array(z.strictObject({ bureaus: z.array(z.enum(REGIONAL_BUREAUS)).min(1), date: DateText, time: TimeText })).min(1).nullable(),
  /** The placeholder printed where the delivery windows would be. */
  deliveryUnknown: z.string(),
  refs: z.array(z.string()),
  theme: z.array(z.string()),
});
export type ReleaseView = z.output<typeof ReleaseViewSchema>;

/** The release date `days` later (earlier when negative), or a placeholder saying so while the date is unknown. */
export function shiftDate(date: string, days: number, ph: Placeholders, year: number): string {
  if (!isPlaceholder(date)) return addDays(date, days);
  if (days === 0) return date;
  const label = days > 0 ? `RELEASE DATE + ${days} DAYS` : `RELEASE DATE - ${-days} DAY${days === -1 ? '' : 'S'}`;
  return ph.token(label, 'release.date', `unknown for the ${year} Report: a date counted from the release date; ${settingsHint(year, 'release.date')}`);
}

function headView(head: Head): { full: string; reference: string } {
  const address = head.address ?? (/^Ambassador/.test(head.title) ? 'Ambassador' : head.title);
  return { full: `${head.styled ?? head.title} ${head.name}`, reference: `${address} ${head.surname}` };
}

function moment(m: Moment, dateToken: string, timeToken: string): MomentView {
  return { date: m.date ?? dateToken, time: m.time ?? timeToken, zone: m.time !== undefined && m.zone !== undefined ? m.zone : '' };
}

export function buildReleaseView(s: ReportYearSettings, ph: Placeholders): ReleaseView {
  const y = s.year;
  const tok = (label: string, field: string, what: string) => ph.token(label, field, `unknown for the ${y} Report: ${what}; ${settingsHint(y, field)}`);
  const release = moment(s.release, tok('RELEASE DATE', 'release.date', 'the release date'), tok('RELEASE TIME', 'release.time', 'the release time (Washington)'));
  const secretary = s.secretary ?? { name: tok('SECRETARY', 'secretary', 'the Secretary of State'), signature: tok('SECRETARY', 'secretary', 'the Secretary of State') };
  const office = s.office === undefined ? { symbol: tok('OFFICE SYMBOL', 'office', "the trafficking office's symbol"), name: tok('OFFICE NAME', 'office', "the trafficking office's name") } : s.office;
  const head = s.head === undefined ? { full: tok('HEAD OF THE OFFICE', 'head', 'the head of the trafficking office'), reference: tok('HEAD OF THE OFFICE', 'head', 'the head of the trafficking office') } : s.head === null ? null : headView(s.head);
  const deliveryUnknown = tok('DELIVERY WINDOWS', 'delivery', 'the delivery windows by regional bureau');
  const delivery = s.delivery?.map((w) => ({ bureaus: w.bureaus, date: shiftDate(release.date, -w.days_before_release, ph, y), time: w.time })) ?? null;
  return ReleaseViewSchema.parse({
    year: y,
    edition: s.edition,
    release,
    releaseEvent: s.release_event !== false,
    secretary,
    office,
    head,
    briefing: s.briefing ? moment(s.briefing, tok('BRIEFING DATE', 'briefing.date', 'the date of the embassy briefing'), tok('BRIEFING TIME', 'briefing.time', 'the time of the embassy briefing')) : null,
    pressBriefing: s.press_briefing?.date ? { date: s.press_briefing.date, time: s.press_briefing.time ?? '', zone: s.press_briefing.time ? (s.press_briefing.zone ?? '') : '' } : null,
    pressStatement: s.press_statement ?? null,
    venue: s.venue ?? null,
    website: s.website ?? null,
    delivery,
    deliveryUnknown,
    refs: s.refs,
    theme: s.theme,
  });
}

/** The delivery window of one bureau, or null while the windows are unknown. */
export function ownWindow(release: ReleaseView, bureau: RegionalBureau): { bureau: RegionalBureau; date: string; time: string } | null {
  if (release.delivery === null) return null;
  const w = release.delivery.find((d) => d.bureaus.includes(bureau));
  if (!w) throw new Error(`the ${release.year} settings give no delivery window for the ${bureau} bureau`);
  return { bureau, date: w.date, time: w.time };
}
