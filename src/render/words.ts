import { addDays as addIsoDays, requireIsoDate } from '../history/dates.js';
import { isPlaceholder } from './placeholders.js';
/**
 * Words the drafts print for numbers, dates, times and lists, in the register of the State
 * Department's cables ("fifth consecutive year", "June 16, 2009", "Monday June 15", "10:00 a.m.").
 * Pure functions: the template helpers (engine.ts) are thin wrappers, and tests call these directly.
 * Dates are ISO `YYYY-MM-DD` strings computed in UTC, so the output never depends on the machine's
 * time zone.
 */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
const ORDINAL_ONES: Record<string, string> = {
  zero: 'zeroth', one: 'first', two: 'second', three: 'third', four: 'fourth', five: 'fifth', six: 'sixth', seven: 'seventh', eight: 'eighth', nine: 'ninth', ten: 'tenth',
  eleven: 'eleventh', twelve: 'twelfth', thirteen: 'thirteenth', fourteen: 'fourteenth', fifteen: 'fifteenth', sixteen: 'sixteenth', seventeen: 'seventeenth', eighteen: 'eighteenth', nineteen: 'nineteenth',
  twenty: 'twentieth', thirty: 'thirtieth', forty: 'fortieth', fifty: 'fiftieth', sixty: 'sixtieth', seventy: 'seventieth', eighty: 'eightieth', ninety: 'ninetieth',
};

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} expects a whole number of at least 0, found ${String(n)}`);
}

/** 4 -> "four", 21 -> "twenty-one"; from 100 on, digits (the reports write "155 countries"). */
export function cardinalWord(n: number): string {
  assertCount(n, 'cardinalWord');
  if (n < 20) return ONES[n]!;
  if (n < 100) {
    const tens = TENS[Math.floor(n / 10)]!;
    const ones = n % 10;
    return ones === 0 ? tens : `${tens}-${ONES[ones]!}`;
  }
  return String(n);
}

/** 5 -> "fifth", 22 -> "twenty-second"; from 100 on, "101st". */
export function ordinalWord(n: number): string {
  assertCount(n, 'ordinalWord');
  if (n >= 100) return ordinalSuffix(n);
  const words = cardinalWord(n);
  const dash = words.lastIndexOf('-');
  const last = dash === -1 ? words : words.slice(dash + 1);
  return (dash === -1 ? '' : words.slice(0, dash + 1)) + ORDINAL_ONES[last]!;
}

/** 1 -> "1st", 12 -> "12th", 22 -> "22nd". */
export function ordinalSuffix(n: number): string {
  assertCount(n, 'ordinalSuffix');
  const mod100 = n % 100;
  const mod10 = n % 10;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "February 1" */
export function monthDay(month: number, day: number): string {
  return `${MONTHS[month - 1]!} ${day}`;
}
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD` and checks that the day exists (no February 30); the parsing is history/dates.ts's. */
export function parseIsoDate(iso: string): Ymd {
  const [year, month, day] = requireIsoDate(iso, 'date').split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The ISO date `days` days after (or before, when negative) `iso`. */
export function addDays(iso: string, days: number): string {
  return addIsoDays(requireIsoDate(iso, 'date'), days);
}

export type DateStyle =
  /** "June 16, 2009" */
  | 'long'
  /** "June 16" */
  | 'day'
  /** "Tuesday June 16" (the cable's delivery windows) */
  | 'weekday';

export function formatDate(iso: string, style: DateStyle = 'long'): string {
  if (isPlaceholder(iso)) return iso;
  const { year, month, day } = parseIsoDate(iso);
  const dayMonth = `${MONTHS[month - 1]!} ${day}`;
  switch (style) {
    case 'long':
      return `${dayMonth}, ${year}`;
    case 'day':
      return dayMonth;
    case 'weekday':
      return `${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!} ${dayMonth}`;
  }
}

/** The delivery time "opening of business", as the cables write it. */
export const OPENING_OF_BUSINESS = 'OOB';

/** "10:00" -> "10:00 a.m.", "15:30" -> "3:30 p.m.", "12:00" -> "12 noon", "OOB" -> "OOB". */
export function formatClock(hhmm: string): string {
  if (isPlaceholder(hhmm)) return hhmm;
  if (hhmm === OPENING_OF_BUSINESS) return OPENING_OF_BUSINESS;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`expected a time written HH:MM (24-hour) or OOB, found "${hhmm}"`);
  const h = Number(m[1]);
  const min = m[2]!;
  if (h === 12 && min === '00') return '12 noon';
  if (h === 0 && min === '00') return '12 midnight';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${min} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

/**
 * "a", "a and b", "a, b, and c". `serial` keeps the comma before "and" with three or more items, as
 * the 2009 cable does for the bureaus ("WHA, AF, EUR, and NEA").
 */
export function joinAnd(items: readonly string[], serial = true): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  if (items.length === 2) return `${items[0]!} and ${items[1]!}`;
  return `${items.slice(0, -1).join(', ')}${serial ? ',' : ''} and ${items[items.length - 1]!}`;
}

/** "China" -> "China's"; "the Philippines" -> "the Philippines'". */
export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

/** Upper-cases the first character only: "the Chinese government" -> "The Chinese government". */
export function capitalize(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + text.slice(ch.length);
}

/**
 * Lower-cases the first character unless the first word is an acronym or a name in capitals
 * ("UNHCR", "ILO"): recommendations after the first follow a semicolon.
 */
export function decapitalize(text: string): string {
  if (/^\p{Lu}[\p{Lu}\d]/u.test(text)) return text;
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toLowerCase() + text.slice(ch.length);
}

/**
 * The recommendations as the reports print them: clauses joined by semicolons, "and" before the
 * last, one final period. A clause's own trailing period or semicolon is dropped so it is not doubled.
 */
export function clauseList(clauses: readonly string[], capitalizeFirst: boolean): string {
  const cleaned = clauses.map((c) => c.replace(/[.;]\s*$/, ''));
  if (cleaned.length === 0) return '';
  const parts = cleaned.map((c, i) => (i === 0 && capitalizeFirst ? capitalize(c) : decapitalize(c)));
  const body = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]!}`;
  return `${body}.`;
}

/** Drops one final period so the text can take a clause after it ("...victims; therefore, ..."). */
export function withoutFinalPeriod(text: string): string {
  return text.replace(/\.\s*$/, '');
}

/** Adds a period when the text does not already end a sentence (".", "!", "?", or one of those before a closing quote or parenthesis). */
export function withFinalPeriod(text: string): string {
  return /[.!?]["')\]]?\s*$/.test(text) ? text : `${text}.`;
}
