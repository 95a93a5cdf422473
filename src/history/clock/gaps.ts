import type { CountryHistory } from '../../ledger/history.js';
import type { Tier } from '../../model/tier.js';
import { applyMove, moves, START_RUN, stepRun, type RunState } from './D.js';
import { START_F, stepF, type FState, type RuleFReading } from './F.js';
import { FIRST_REPORT, type ClockLaw, type YearLaw } from './law.js';

/**
 * Missing years, handled exactly and in linear time. A year the ledger lacks is never read as
 * "off the list": it may have been any placement its year allows. The clock runs forward from the
 * first report as a small state machine over (the run's class and counted length, the rule (F)
 * flags), carrying the SET of states every filling of the missing years could reach. The counts
 * the clock reports are tracked beside each state as ranges (their least and greatest value), so
 * an answer is definite exactly when every filling gives it, whatever the number of gaps: one
 * step per year, each over a bounded set of states.
 *
 * Which missing years matter: a year is listed when changing it alone, with the other missing
 * years filled some way, changes an answer. That is found by running pairs of states in lockstep
 * from the year on (a product automaton), again a bounded set per year.
 */

/** What the clock distinguishes: Tier 1 and Tier 2 act alike (both end a Watch List run). */
export type YearClass = 'WL' | 'T3' | 'OTHER' | 'SPECIAL';

export function classOf(tier: Tier): YearClass {
  switch (tier) {
    case '2WL':
      return 'WL';
    case '3':
      return 'T3';
    case 'special':
      return 'SPECIAL';
    case '1':
    case '2':
      return 'OTHER';
  }
}

/**
 * The placements a missing year could have had: the Watch List only in a year it exists. A Special
 * Case is told apart from Tier 1/2 only when it does not end a run; otherwise it acts like them.
 */
export function domain(yl: YearLaw, specialIsDistinct: boolean): YearClass[] {
  const out: YearClass[] = yl.watchList ? ['WL', 'T3', 'OTHER'] : ['T3', 'OTHER'];
  if (specialIsDistinct) out.push('SPECIAL');
  return out;
}

export interface ClockState {
  run: RunState;
  f: FState;
}

/** Least and greatest exact counts over the fillings that reach a state. */
export interface Ranges {
  consMin: number;
  consMax: number;
  countedMin: number;
  countedMax: number;
}

export interface Reached {
  state: ClockState;
  ranges: Ranges;
}

export interface ClockRunOptions {
  ruleF: RuleFReading;
  /** Special Case years neither count nor end a run (the option `specialCaseBreaksRun: false`). */
  skipSpecial: boolean;
}

const LAST = { WL: 0, T3: 1, OTHER: 2 } as const;

/**
 * A state as one small integer (every field is bounded by the law's cap), so the sets and the
 * memo of the pair automaton are keyed by numbers, not strings.
 */
export function stateKey(s: ClockState, cap: number): number {
  const b = cap + 1;
  return LAST[s.run.last] + 3 * (s.run.counted + b * (s.f.stintAfter + b * (s.f.trigger + b * ((s.f.hadRun ? 1 : 0) + 2 * (s.f.downgraded ? 1 : 0)))));
}

export function step(s: ClockState, c: YearClass, yl: YearLaw, cl: ClockLaw, o: ClockRunOptions): ClockState {
  if (c === 'SPECIAL' && o.skipSpecial) return s;
  const run = stepRun(s.run, c, yl, o.skipSpecial, cl.cap);
  return { run, f: stepF(s.f, s.run, run, c, yl, o.ruleF) };
}

function stepRanges(r: Ranges, c: YearClass, yl: YearLaw, skipSpecial: boolean): Ranges {
  const m = moves(c, yl, skipSpecial);
  return {
    consMin: applyMove(r.consMin, m.consecutive),
    consMax: applyMove(r.consMax, m.consecutive),
    countedMin: applyMove(r.countedMin, m.counted),
    countedMax: applyMove(r.countedMax, m.counted),
  };
}

function merge(into: Map<number, Reached>, state: ClockState, ranges: Ranges, cap: number): void {
  const key = stateKey(state, cap);
  const had = into.get(key);
  if (!had) {
    into.set(key, { state, ranges });
    return;
  }
  const r = had.ranges;
  had.ranges = {
    consMin: Math.min(r.consMin, ranges.consMin),
    consMax: Math.max(r.consMax, ranges.consMax),
    countedMin: Math.min(r.countedMin, ranges.countedMin),
    countedMax: Math.max(r.countedMax, ranges.countedMax),
  };
}

/**
 * The forward run of the clock over one country's history, under one law and one set of readings.
 * `before(year)` is the set of states (with their count ranges) every filling of the missing years
 * reaches before `year`; it is computed once and extended as later years are asked for, so a
 * timeline or a check of every year costs one pass.
 */
export class ClockRun {
  private readonly snapshots: Map<number, Reached>[] = [];

  constructor(
    readonly history: CountryHistory,
    readonly cl: ClockLaw,
    readonly options: ClockRunOptions,
  ) {
    const start: Map<number, Reached> = new Map();
    merge(start, { run: START_RUN, f: START_F }, { consMin: 0, consMax: 0, countedMin: 0, countedMax: 0 }, cl.cap);
    this.snapshots.push(start);
  }

  /** The class of a year, or undefined when the ledger has no row for it. */
  classAt(year: number): YearClass | undefined {
    const h = this.history.years.get(year);
    return h ? classOf(h.tier) : undefined;
  }

  /** The classes a year may have: its own, or every placement its year allows when missing. */
  classesAt(year: number): YearClass[] {
    const known = this.classAt(year);
    return known ? [known] : domain(this.cl.at(year), this.options.skipSpecial);
  }

  /** The states reached before report year `year` (after the years FIRST_REPORT..year-1). */
  before(year: number): Reached[] {
    const index = Math.max(0, year - FIRST_REPORT);
    while (this.snapshots.length <= index) {
      const y = FIRST_REPORT + this.snapshots.length - 1;
      const yl = this.cl.at(y);
      const next = new Map<number, Reached>();
      for (const { state, ranges } of this.snapshots.at(-1)!.values()) {
        for (const c of this.classesAt(y)) merge(next, step(state, c, yl, this.cl, this.options), stepRanges(ranges, c, yl, this.options.skipSpecial), this.cl.cap);
      }
      this.snapshots.push(next);
    }
    return [...this.snapshots[index]!.values()];
  }

  /**
   * The missing years before `year` that matter: changing one of them alone (the other missing
   * years filled some way) changes what `differ` compares at `year`. `differ` gets the two final
   * states and whether their exact consecutive and counted counts are equal.
   */
  sensitiveYears(year: number, differ: (a: ClockState, b: ClockState, consEq: boolean, countedEq: boolean) => boolean): number[] {
    const o = this.options;
    const cap = this.cl.cap;
    const size = 3 * (cap + 1) ** 3 * 4; // the number of possible state keys
    const memo = new Map<number, boolean>();
    // Whether the pair, before year y, can end up differing at `year`.
    const bad = (y: number, a: ClockState, b: ClockState, consEq: boolean, countedEq: boolean): boolean => {
      const ka = stateKey(a, cap);
      const kb = stateKey(b, cap);
      if (consEq && countedEq && ka === kb) return false; // identical from here on
      if (y >= year) return differ(a, b, consEq, countedEq);
      const key = (((y - FIRST_REPORT) * size + ka) * size + kb) * 4 + (consEq ? 2 : 0) + (countedEq ? 1 : 0);
      const known = memo.get(key);
      if (known !== undefined) return known;
      const yl = this.cl.at(y);
      let result = false;
      for (const c of this.classesAt(y)) {
        const m = moves(c, yl, o.skipSpecial);
        // The same year applied to both: a reset makes the counts equal again; otherwise their difference stays.
        if (bad(y + 1, step(a, c, yl, this.cl, o), step(b, c, yl, this.cl, o), consEq || m.consecutive === 'reset', countedEq || m.counted === 'reset')) {
          result = true;
          break;
        }
      }
      memo.set(key, result);
      return result;
    };
    const out: number[] = [];
    for (let m = FIRST_REPORT; m < year; m++) {
      if (this.classAt(m) !== undefined) continue;
      const yl = this.cl.at(m);
      const classes = domain(yl, o.skipSpecial);
      const hit = this.before(m).some(({ state, ranges }) =>
        classes.some((c1, i) =>
          classes.slice(i + 1).some((c2) => {
            const m1 = moves(c1, yl, o.skipSpecial);
            const m2 = moves(c2, yl, o.skipSpecial);
            // Exact counts after each choice, from the (exact or ranged) count before: equal only
            // when both moves agree, or one keeps a count of 0 that the other resets.
            const consEq = sameAfter(m1.consecutive, m2.consecutive, ranges.consMin === 0 && ranges.consMax === 0, state.run.last !== 'WL');
            const countedEq = sameAfter(m1.counted, m2.counted, ranges.countedMin === 0 && ranges.countedMax === 0, state.run.counted === 0);
            return bad(m + 1, step(state, c1, yl, this.cl, o), step(state, c2, yl, this.cl, o), consEq, countedEq);
          }),
        ),
      );
      if (hit) out.push(m);
    }
    return out;
  }
}

/** Whether two moves leave equal counts: the same move does; keep and reset do when the count was 0. */
function sameAfter(a: 'inc' | 'same' | 'reset', b: 'inc' | 'same' | 'reset', zeroByRange: boolean, zeroByState: boolean): boolean {
  if (a === b) return true;
  const pair = new Set([a, b]);
  return pair.has('same') && pair.has('reset') && (zeroByRange || zeroByState);
}
