/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, with day arithmetic in UTC so the result never
 * depends on the machine's time zone or daylight saving.
 */

declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: true };

/** The date, when `text` is a real calendar date written `YYYY-MM-DD`; otherwise undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return text as IsoDate;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`not a calendar date: ${text}`);
  return d;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Parses a release date given by a caller; throws RangeError naming what was expected. */
export function requireIsoDate(text: string, what = 'release date'): IsoDate {
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`${what}: expected a date written YYYY-MM-DD, found ${JSON.stringify(text)}`);
  return d;
}
