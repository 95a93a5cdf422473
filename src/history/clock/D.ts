import type { YearClass } from './gaps.js';
import type { ClockLaw, YearLaw } from './law.js';

/**
 * Counting and waivers under 22 U.S.C. 7107(b)(2)(D) (§110(b)(3)(D) in the 2009-2013 reports),
 * delegated to by rules/22usc7107/b/2/D/i.yaml and D/ii.yaml. (D)(i): a country on the Watch List
 * "for 2 consecutive years after December 23, 2008" is placed on Tier 3; (D)(ii): unless waived,
 * for the waiver years of D/ii/waiver-years.yaml per run. The years and numbers come from those
 * files (./law.ts); this module counts.
 */

export type WatchListPlacement = 'allowed' | 'needs-waiver' | 'barred' | 'unavailable';

/** The counting part of the clock's state after a year: what the last year was and the run so far. */
export interface RunState {
  /** The class of the last year that was not skipped (a Special Case year under the option). */
  last: 'WL' | 'T3' | 'OTHER';
  /** Counted Watch List years in the current run, saturated at the law's cap. */
  counted: number;
}

export const START_RUN: RunState = { last: 'OTHER', counted: 0 };

/** How a year moves a count: it adds one, keeps it (a skipped Special Case year) or resets it. */
export type CountMove = 'inc' | 'same' | 'reset';

/** How a year of class `c` moves the consecutive count (every era) and the counted run. */
export function moves(c: YearClass, yl: YearLaw, skipSpecial: boolean): { consecutive: CountMove; counted: CountMove } {
  if (c === 'SPECIAL' && skipSpecial) return { consecutive: 'same', counted: 'same' };
  if (c !== 'WL') return { consecutive: 'reset', counted: 'reset' };
  // A Watch List year before the count starts (2004-2008) continues the run but never counts.
  return { consecutive: 'inc', counted: yl.counts ? 'inc' : 'reset' };
}

export function applyMove(n: number, m: CountMove): number {
  return m === 'inc' ? n + 1 : m === 'same' ? n : 0;
}

export function stepRun(s: RunState, c: YearClass, yl: YearLaw, skipSpecial: boolean, cap: number): RunState {
  const m = moves(c, yl, skipSpecial);
  if (m.counted === 'same') return s;
  return { last: c === 'WL' ? 'WL' : c === 'T3' ? 'T3' : 'OTHER', counted: Math.min(cap, applyMove(s.counted, m.counted)) };
}

/**
 * What (D) allows in the report year after a run of `counted` years: the first two counted years
 * are free; then a waiver year while the run's waiver years last ((D)(ii)); then Tier 3 ((D)(i):
 * the country "shall be included" on the Tier 3 list).
 */
export function placementUnderD(counted: number, yl: YearLaw): WatchListPlacement {
  if (!yl.watchList) return 'unavailable';
  if (!yl.counts || counted < yl.freeYears) return 'allowed';
  return counted - yl.freeYears < yl.waiverYears ? 'needs-waiver' : 'barred';
}

/** Waiver years the run has used: the counted years beyond the free ones. */
export function waiverYearsUsed(counted: number, yl: YearLaw): number {
  return Math.max(0, counted - yl.freeYears);
}

/**
 * The first report in which the downgrade could apply if the country stays on the Watch List from
 * `year` on: max(year, first counted report) - counted + free years. Null without a Watch List.
 */
export function earliestDowngradeYear(counted: number, year: number, cl: ClockLaw): number | null {
  const yl = cl.at(year);
  if (!yl.watchList) return null;
  return Math.max(year, cl.countingFrom) - counted + yl.freeYears;
}
