import type { Zone } from './schema.js';

/**
 * Washington's time zone on a date: EDT while daylight saving time is observed, else EST.
 * From 2007 daylight time runs from the second Sunday of March to the first Sunday of November
 * (Energy Policy Act of 2005, Pub. L. 109-58, sec. 110; 15 U.S.C. 260a(a)); from 1987 to 2006,
 * from the first Sunday of April to the last Sunday of October (Pub. L. 99-359). Every Report so
 * far was released between June and September, so in daylight time; the rule keeps a settings
 * file that gives a time without a zone from having to say so.
 */

function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The day of the month of the n-th Sunday (n >= 1), or of the last Sunday when n is 0. */
function sunday(year: number, month: number, n: number): number {
  if (n > 0) return 1 + ((7 - weekday(year, month, 1)) % 7) + (n - 1) * 7;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return last - weekday(year, month, last);
}

export function washingtonZone(isoDate: string): Zone {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const key = month * 100 + day;
  const [start, end] = year >= 2007 ? [300 + sunday(year, 3, 2), 1100 + sunday(year, 11, 1)] : [400 + sunday(year, 4, 1), 1000 + sunday(year, 10, 0)];
  return key >= start && key < end ? 'EDT' : 'EST';
}
