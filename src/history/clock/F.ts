import type { CountryHistory } from '../../ledger/history.js';
import { classOf, type YearClass } from './gaps.js';
import type { RunState } from './D.js';
import type { ClockLaw, YearLaw } from './law.js';

/**
 * Rule (F), 22 U.S.C. 7107(b)(2)(F), delegated to by rules/22usc7107/b/2/F.yaml: "notwithstanding
 * (D) and (E)", after a country (i) was on the Watch List for the counted years of (D)(i) "and any
 * additional years" of waiver and (ii) "was subsequently placed on Tier 3", it may not be on the
 * Watch List for more than one consecutive year. Three readings (docs/law.md, rule (F)):
 *  - `after-waiver-run` (default): the run before the Tier 3 stint used at least one waiver year
 *    (so had more counted years than the free ones), and the current run follows that stint
 *    directly. The published record 2011-2025 fits it with no exception.
 *  - `literal`: the same after a run of the free counted years alone ("any additional years" may be
 *    none). Sudan 2019, DR Congo, Equatorial Guinea and The Gambia 2021 break it.
 *  - `any-time-after`: once any run of the free counted years was followed, then or later, by
 *    Tier 3, no Watch List run may exceed one year, at any later time.
 */
export const RULE_F_READINGS = ['after-waiver-run', 'literal', 'any-time-after'] as const;
export type RuleFReading = (typeof RULE_F_READINGS)[number];

/** The part of the clock's state that rule (F) reads. Fields a reading does not use stay at their start value. */
export interface FState {
  /** In a Tier 3 stint: the counted years of the run right before it (saturated at what (F) needs). */
  stintAfter: number;
  /** In a counted run: `stintAfter` of the stint right before the run (0 when the run follows no stint). */
  trigger: number;
  /** any-time-after: a run of the free counted years has been seen. */
  hadRun: boolean;
  /** any-time-after: a Tier 3 year came after such a run. */
  downgraded: boolean;
}

export const START_F: FState = { stintAfter: 0, trigger: 0, hadRun: false, downgraded: false };

/** The counted years the earlier run must have had under a narrow reading. */
export function neededRun(reading: RuleFReading, yl: YearLaw): number {
  return reading === 'after-waiver-run' ? yl.freeYears + 1 : yl.freeYears;
}

/**
 * The (F) part after a year of class `c`, given the run part before (`run`) and after (`next`)
 * it. A skipped Special Case year never reaches here (the whole state stays as it was).
 */
export function stepF(f: FState, run: RunState, next: RunState, c: YearClass, yl: YearLaw, reading: RuleFReading): FState {
  if (reading === 'any-time-after') {
    return {
      ...START_F,
      hadRun: f.hadRun || (c === 'WL' && next.counted >= yl.freeYears),
      downgraded: f.downgraded || (c === 'T3' && f.hadRun),
    };
  }
  if (c === 'T3') {
    // A stint continues, or starts right after a counted run (or after anything else: then it follows no run).
    const stintAfter = run.last === 'T3' ? f.stintAfter : run.last === 'WL' ? Math.min(neededRun(reading, yl), run.counted) : 0;
    return { ...START_F, stintAfter };
  }
  if (c === 'WL' && next.counted > 0) {
    // A counted run continues, or starts (right after a stint, or after anything else).
    const trigger = run.last === 'WL' && run.counted > 0 ? f.trigger : run.last === 'T3' ? f.stintAfter : 0;
    return { ...START_F, trigger };
  }
  return START_F;
}

/** Whether (F) bars a Watch List placement in the report year, after the years of this state. */
export function ruleFApplies(f: FState, run: RunState, yl: YearLaw, reading: RuleFReading): boolean {
  // (F) limits the Watch List to one *consecutive* year: a first Watch List year is never barred by it.
  if (!yl.ruleF || run.last !== 'WL' || run.counted === 0) return false;
  return reading === 'any-time-after' ? f.downgraded : f.trigger >= neededRun(reading, yl);
}

/** How (F) was decided, with the years its explanation names; `gap` when the known years alone do not tell. */
export type FDetail =
  | { kind: 'not-in-force' }
  | { kind: 'no-run' }
  | { kind: 'no-stint'; run: [number, number] }
  | { kind: 'stint-not-after-run'; stint: [number, number] }
  | { kind: 'short-run'; run: [number, number]; counted: number; stint: [number, number] }
  | { kind: 'after-run'; run: [number, number]; counted: number; stint: [number, number] }
  | { kind: 'earlier-downgrade'; run: [number, number]; tier3: number }
  | { kind: 'no-earlier-downgrade' }
  | { kind: 'gap' };

/**
 * The facts the explanation of (F) names, read back from the year before `year` over the known
 * years. A walk that meets a missing year gives `gap` (the explanation then says the answer holds
 * whatever the missing years were, or that it depends on them). Linear in the years.
 */
export function fDetail(history: CountryHistory, year: number, cl: ClockLaw, reading: RuleFReading, skipSpecial: boolean): FDetail {
  const yl = cl.at(year);
  if (!yl.ruleF) return { kind: 'not-in-force' };
  const floor = cl.countingFrom;
  type Read = YearClass | undefined | 'floor';
  const read = (y: number): Read => {
    if (y < floor) return 'floor';
    const h = history.years.get(y);
    return h ? classOf(h.tier) : undefined;
  };
  // Walk back over the years of one class, skipping Special Case years under the option.
  const walk = (from: number, cls: YearClass): { years: number[]; stop: number; at: Read } => {
    const years: number[] = [];
    let y = from;
    for (;;) {
      const c = read(y);
      if (c === 'SPECIAL' && skipSpecial) {
        y--;
        continue;
      }
      if (c !== cls) return { years, stop: y, at: c };
      years.push(y);
      y--;
    }
  };
  const current = walk(year - 1, 'WL');
  if (current.at === undefined) return { kind: 'gap' };
  if (current.years.length === 0) return { kind: 'no-run' };
  const run = span(current.years);
  if (reading === 'any-time-after') return earlierDowngrade(history, current.stop, floor, yl.freeYears, skipSpecial);
  const stint = walk(current.stop, 'T3');
  if (stint.at === undefined) return { kind: 'gap' };
  if (stint.years.length === 0) return { kind: 'no-stint', run };
  if (stint.at !== 'WL') return { kind: 'stint-not-after-run', stint: span(stint.years) };
  const before = walk(stint.stop, 'WL');
  if (before.at === undefined && before.years.length < neededRun(reading, yl)) return { kind: 'gap' };
  const counted = before.years.length;
  const detail = { run: span(before.years), counted, stint: span(stint.years) };
  return counted >= neededRun(reading, yl) ? { kind: 'after-run', ...detail } : { kind: 'short-run', ...detail };
}

/** any-time-after: an earlier run of the free counted years followed by Tier 3, from the known years (missing ones read as off the list). */
function earlierDowngrade(history: CountryHistory, from: number, floor: number, free: number, skipSpecial: boolean): FDetail {
  let tier3: number | undefined;
  let streak: number[] = [];
  let gap = false;
  for (let y = from; y >= floor; y--) {
    const h = history.years.get(y);
    const c = h ? classOf(h.tier) : undefined;
    if (c === undefined) gap = true;
    if (c === 'SPECIAL' && skipSpecial) continue;
    if (c === 'T3') {
      tier3 ??= y;
      streak = [];
    } else if (c === 'WL' && tier3 !== undefined) {
      streak.push(y);
      if (streak.length >= free) return { kind: 'earlier-downgrade', run: span(streak), tier3 };
    } else {
      streak = [];
    }
  }
  return gap ? { kind: 'gap' } : { kind: 'no-earlier-downgrade' };
}

function span(years: number[]): [number, number] {
  return [Math.min(...years), Math.max(...years)];
}
