/**
 * THE ORACLE: the brute-force clock the engine used before the linear state machine
 * (src/history/clock.ts), kept unchanged as the reference for the property test
 * (test/history/clock.oracle.test.ts). It fills every missing year every way, so it is
 * exponential in the gaps: use it on small ledgers only.
 */
import type { CountryHistory } from '../../../src/ledger/history.js';
import { historySpan } from '../../../src/ledger/history.js';
import type { Cite } from '../../../src/rules/schema.js';
import {
  clockCites,
  clockProvision,
  COUNTED_YEARS_BEFORE_DOWNGRADE,
  COUNTING_FIRST_REPORT,
  paragraphOf,
  RULE_F_FIRST_REPORT,
  WATCH_LIST_FIRST_REPORT,
  waiverYearsAllowed,
} from './eras.js';
import { agreed, assumedYears, backFrom, domain, enumerateFillings, possibleValues, type Peek, type Reader, type YearClass } from './gaps.js';

/**
 * The Watch List clock for a country and report year Y: a pure function of the placements of the
 * years before Y (22 U.S.C. 7107(b)(2)(D)-(F); §110(b)(3)(D)-(E) in the 2009-2013 reports).
 * Missing years are never read as "off the list": every field a missing year could change is
 * 'unknown', and `unknownYears` lists the missing years read.
 */

/**
 * Readings of rule (F):
 *  - `after-waiver-run` (default): after a Watch List run that used at least one waiver year
 *    (3+ counted years) was followed by Tier 3, only one consecutive Watch List year is allowed
 *    right after that Tier 3 stint. The published record 2011-2025 fits it with no exception.
 *  - `literal`: the same, after any run of two counted years (clause (i)(II)'s "any additional
 *    years" may be zero). Sudan 2019, DR Congo, Equatorial Guinea and The Gambia 2021 break it.
 *  - `any-time-after`: once any run of two counted years was followed (then or later) by Tier 3,
 *    no Watch List run may exceed one year, at any later time.
 */
export const RULE_F_READINGS = ['after-waiver-run', 'literal', 'any-time-after'] as const;
export type RuleFReading = (typeof RULE_F_READINGS)[number];

export interface ClockOptions {
  ruleF?: RuleFReading;
  /**
   * true (default): a Special Case year ends a Watch List run, like any year off the list (the
   * country is on no list;. false: it neither counts nor ends it.
   */
  specialCaseBreaksRun?: boolean;
}

export type ResolvedClockOptions = Required<ClockOptions>;

export const DEFAULT_CLOCK_OPTIONS: ResolvedClockOptions = { ruleF: 'after-waiver-run', specialCaseBreaksRun: true };

export function resolveClockOptions(options: ClockOptions = {}): ResolvedClockOptions {
  return {
    ruleF: options.ruleF ?? DEFAULT_CLOCK_OPTIONS.ruleF,
    specialCaseBreaksRun: options.specialCaseBreaksRun ?? DEFAULT_CLOCK_OPTIONS.specialCaseBreaksRun,
  };
}

export type WatchListPlacement = 'allowed' | 'needs-waiver' | 'barred' | 'unavailable';
export type Known<T> = T | 'unknown';

export interface RuleF {
  applies: boolean | 'unknown';
  reading: RuleFReading;
  explanation: string;
}

export interface Clock {
  year: number;
  /** Tier 2 Watch List years immediately before Y, in every era. */
  consecutiveWatchListYears: Known<number>;
  /** Of those, the years from the 2009 report on (the only ones that count). */
  countedWatchListYears: Known<number>;
  /** Waiver years used in the current run: max(0, counted - 2). */
  waiverYearsUsed: Known<number>;
  /** Waiver years a run may use under the law of Y: 0 before 2009, 2 for 2009-2018, 1 from 2019. */
  waiverYearsAllowed: number;
  ruleF: RuleF;
  watchListPlacement: Known<WatchListPlacement>;
  /**
   * First report in which the automatic downgrade could apply if the country stays on the Watch
   * List from Y on: max(Y, 2009) - counted + 2. Null when there is no Watch List in Y.
   */
  earliestDowngradeYear: Known<number> | null;
  /** Missing years the clock read and on which at least one field depends. */
  unknownYears: number[];
  options: ResolvedClockOptions;
  cites: Cite[];
  explanation: string;
}

/** How rule (F) was decided in one complete history: the facts its explanation names. */
type FDetail =
  | { kind: 'not-in-force' }
  | { kind: 'no-run' }
  | { kind: 'no-stint'; run: [number, number] }
  | { kind: 'stint-not-after-run'; stint: [number, number] }
  | { kind: 'short-run'; run: [number, number]; counted: number; stint: [number, number]; applies: false }
  | { kind: 'after-run'; run: [number, number]; counted: number; stint: [number, number]; applies: true }
  | { kind: 'earlier-downgrade'; run: [number, number]; tier3: number; applies: true }
  | { kind: 'no-earlier-downgrade'; applies: false }
  | { kind: 'earlier-downgrade-unknown'; missing: number[]; applies: 'unknown' };

/** One placement the statute leaves, and whether rule (F) is what bars it. */
export interface WatchListOutcome {
  placement: WatchListPlacement;
  ruleF: boolean;
}

interface MainOutcome {
  counted: number;
  ruleF: boolean | 'unknown';
  f: FDetail;
  /** One outcome, or two when the any-time-after scan of (F) is left open by missing years. */
  outcomes: WatchListOutcome[];
  earliest: number | null;
}

function placementOf(m: MainOutcome): Known<WatchListPlacement> {
  const ps = [...new Set(m.outcomes.map((o) => o.placement))];
  return ps.length === 1 ? ps[0]! : 'unknown';
}

function span(years: number[]): [number, number] {
  return [Math.min(...years), Math.max(...years)];
}

/** Counted Watch List years in the run ending at `from` (walking back, years from 2009 only). */
function countedRun(read: Reader, from: number, skipSpecial: boolean): number[] {
  const years: number[] = [];
  for (const [y, c] of backFrom(read, from, skipSpecial, COUNTING_FIRST_REPORT)) {
    if (c !== 'WL') break;
    years.push(y);
  }
  return years;
}

/**
 * The any-time-after reading of (F): "(i) ... 2 consecutive years after December 23, 2008 ... and
 * (ii) was subsequently placed on Tier 3", however long before the current run. The scan runs
 * back to 2009 over every possible placement of the missing years at once (a four-state
 * automaton), so a long gap costs one pass instead of one branch per filling.
 */
function everDowngraded(peek: Peek, runStart: number, options: ResolvedClockOptions): FDetail {
  const skip = !options.specialCaseBreaksRun;
  // States: 'none' (no Tier 3 seen yet, walking back), 't3-0' / 't3-1' (a later Tier 3 seen, and 0
  // or 1 Watch List year since), 'yes' (two consecutive Watch List years before a Tier 3).
  type State = 'none' | 't3-0' | 't3-1' | 'yes';
  const step = (s: State, c: YearClass): State => {
    if (s === 'yes') return s;
    if (c === 'SPECIAL' && skip) return s;
    if (c === 'T3') return 't3-0';
    if (c === 'WL') return s === 'none' ? 'none' : s === 't3-0' ? 't3-1' : 'yes';
    return s === 'none' ? 'none' : 't3-0';
  };
  let states = new Set<State>(['none']);
  const missing: number[] = [];
  for (let y = runStart - 1; y >= COUNTING_FIRST_REPORT; y--) {
    const c = peek(y);
    if (c === undefined) missing.push(y);
    const classes = c === undefined ? domain(y, skip) : [c];
    const next = new Set<State>();
    for (const s of states) for (const k of classes) next.add(step(s, k));
    states = next;
  }
  if (states.size === 1 && states.has('yes')) {
    // Every filling has such a pair; the one with every missing year off the list shows it from
    // the known years alone.
    let tier3: number | undefined;
    let streak: number[] = [];
    for (let y = runStart - 1; y >= COUNTING_FIRST_REPORT; y--) {
      const c = peek(y) ?? 'OTHER';
      if (c === 'SPECIAL' && skip) continue;
      if (c === 'T3') {
        tier3 ??= y;
        streak = [];
      } else if (c === 'WL' && tier3 !== undefined) {
        streak.push(y);
        if (streak.length >= COUNTED_YEARS_BEFORE_DOWNGRADE) return { kind: 'earlier-downgrade', run: span(streak), tier3, applies: true };
      } else {
        streak = [];
      }
    }
  }
  if (!states.has('yes')) return { kind: 'no-earlier-downgrade', applies: false };
  return { kind: 'earlier-downgrade-unknown', missing: missing.sort((a, b) => a - b), applies: 'unknown' };
}

/** Rule (F) in a history (22 U.S.C. 7107(b)(2)(F)), under one reading. */
function ruleFIn(read: Reader, peek: Peek, year: number, current: number[], options: ResolvedClockOptions): FDetail {
  // (F) was added by Pub. L. 115-425 §203(1)(B) and first applies in the 2019 report.
  if (year < RULE_F_FIRST_REPORT) return { kind: 'not-in-force' };
  // (F) limits the Watch List to one *consecutive* year: a first year is never barred by it.
  if (current.length === 0) return { kind: 'no-run' };
  const skip = !options.specialCaseBreaksRun;
  const runStart = Math.min(...current);
  if (options.ruleF === 'any-time-after') return everDowngraded(peek, runStart, options);
  // The narrow readings: the current run must follow directly a Tier 3 stint, which must follow
  // directly a Watch List run of enough counted years. Nothing before 2009 can be such a run, so
  // the walk stops there.
  const stint: number[] = [];
  let before: [number, string] | undefined;
  for (const [y, c] of backFrom(read, runStart - 1, skip, COUNTING_FIRST_REPORT)) {
    if (c === 'T3') {
      stint.push(y);
      continue;
    }
    before = [y, c];
    break;
  }
  if (stint.length === 0) return { kind: 'no-stint', run: span(current) };
  if (!before || before[1] !== 'WL') return { kind: 'stint-not-after-run', stint: span(stint) };
  const run = countedRun(read, before[0], skip);
  // after-waiver-run: the earlier run used at least one waiver year, i.e. had 3+ counted years;
  // literal: two counted years suffice (the "additional years" of (i)(II) may be none).
  const needed = options.ruleF === 'after-waiver-run' ? COUNTED_YEARS_BEFORE_DOWNGRADE + 1 : COUNTED_YEARS_BEFORE_DOWNGRADE;
  if (run.length >= needed) return { kind: 'after-run', run: span(run), counted: run.length, stint: span(stint), applies: true };
  return { kind: 'short-run', run: span(run), counted: run.length, stint: span(stint), applies: false };
}

function fApplies(f: FDetail): boolean | 'unknown' {
  return 'applies' in f ? f.applies : false;
}

/** Everything but the all-era count; reads only years from 2009 on. */
function mainIn(read: Reader, peek: Peek, year: number, options: ResolvedClockOptions): MainOutcome {
  // No Watch List before the 2004 report (created by Pub. L. 108-193).
  if (year < WATCH_LIST_FIRST_REPORT) return { counted: 0, ruleF: false, f: { kind: 'not-in-force' }, outcomes: [{ placement: 'unavailable', ruleF: false }], earliest: null };
  // 2004-2008: no limit; nothing counts before the 2009 report (Pub. L. 110-457 §107(a)).
  const current = countedRun(read, year - 1, !options.specialCaseBreaksRun);
  const counted = current.length;
  const earliest = Math.max(year, COUNTING_FIRST_REPORT) - counted + COUNTED_YEARS_BEFORE_DOWNGRADE;
  if (year < COUNTING_FIRST_REPORT) return { counted, ruleF: false, f: { kind: 'not-in-force' }, outcomes: [{ placement: 'allowed', ruleF: false }], earliest };
  const f = ruleFIn(read, peek, year, current, options);
  let base: WatchListPlacement;
  if (counted < COUNTED_YEARS_BEFORE_DOWNGRADE) base = 'allowed'; // first or second counted year: (D)(i) not yet triggered
  else if (counted - COUNTED_YEARS_BEFORE_DOWNGRADE < waiverYearsAllowed(year)) base = 'needs-waiver'; // (D)(ii): a waiver year is left
  else base = 'barred'; // (D)(i): waivers used up, the country "shall be included" on Tier 3
  // (F) applies "notwithstanding (D) and (E)": no waiver overrides it.
  const barredByF: WatchListOutcome = { placement: 'barred', ruleF: true };
  const byD: WatchListOutcome = { placement: base, ruleF: false };
  const applies = fApplies(f);
  const outcomes = applies === true ? [barredByF] : applies === false ? [byD] : [byD, barredByF];
  return { counted, ruleF: applies, f, outcomes, earliest };
}

/** Consecutive Watch List years before Y in every era (the reports' "for the fifth consecutive year"). */
function consecutiveIn(read: Reader, year: number, options: ResolvedClockOptions): number {
  let n = 0;
  for (const [, c] of backFrom(read, year - 1, !options.specialCaseBreaksRun)) {
    if (c !== 'WL') break;
    n++;
  }
  return n;
}

function yearsText(years: readonly number[]): string {
  if (years.length === 0) return '';
  const parts: string[] = [];
  let start = years[0]!;
  let prev = start;
  for (const y of [...years.slice(1), Infinity]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}-${prev}`);
    start = y;
    prev = y;
  }
  return parts.join(', ');
}

function range([a, b]: [number, number]): string {
  return a === b ? String(a) : `${a}-${b}`;
}

function fExplanation(f: FDetail, year: number, reading: RuleFReading): string {
  const r = `reading "${reading}"`;
  switch (f.kind) {
    case 'not-in-force':
      return `Rule (F) is not in force in the ${year} report: it was added by Pub. L. 115-425 §203(1)(B) and first applies in the 2019 report.`;
    case 'no-run':
      return `Rule (F) does not bar ${year} (${r}): the country was not on the Watch List in ${year - 1}, so ${year} would be a first Watch List year, which (F) allows (22 U.S.C. 7107(b)(2)(F)).`;
    case 'no-stint':
      return `Rule (F) does not apply (${r}): the Watch List run ${range(f.run)} does not follow a Tier 3 placement (22 U.S.C. 7107(b)(2)(F)).`;
    case 'stint-not-after-run':
      return `Rule (F) does not apply (${r}): the Tier 3 stint ${range(f.stint)} does not follow a Watch List run counted from the 2009 report (22 U.S.C. 7107(b)(2)(F)).`;
    case 'short-run':
      return `Rule (F) does not apply (${r}): the Watch List run ${range(f.run)} before the Tier 3 stint ${range(f.stint)} had ${f.counted} counted year${f.counted === 1 ? '' : 's'}${reading === 'after-waiver-run' ? ' and used no waiver year' : ''} (22 U.S.C. 7107(b)(2)(F)).`;
    case 'after-run':
      return `Rule (F) applies (${r}): after the Watch List run ${range(f.run)} (${f.counted} counted years${f.counted > COUNTED_YEARS_BEFORE_DOWNGRADE ? `, ${f.counted - COUNTED_YEARS_BEFORE_DOWNGRADE} of them by waiver` : ''}) and the Tier 3 stint ${range(f.stint)}, the country may be on the Watch List for only one consecutive year, and no waiver overrides it (22 U.S.C. 7107(b)(2)(F)).`;
    case 'earlier-downgrade':
      return `Rule (F) applies (${r}): the country was on the Watch List for two counted years (${range(f.run)}) and later on Tier 3 (${f.tier3}), so it may never again be on the Watch List for more than one consecutive year (22 U.S.C. 7107(b)(2)(F)).`;
    case 'no-earlier-downgrade':
      return `Rule (F) does not apply (${r}): no earlier Watch List run of two counted years was followed by Tier 3 (22 U.S.C. 7107(b)(2)(F)).`;
    case 'earlier-downgrade-unknown':
      return `Whether rule (F) applies (${r}) depends on the missing year${f.missing.length === 1 ? '' : 's'} ${yearsText(f.missing)}: they could hold a run of two counted Watch List years followed by Tier 3 (22 U.S.C. 7107(b)(2)(F)).`;
  }
}

/** A count for a sentence: the number, or "at least N" when missing years leave it open. */
function countText(n: Known<number>, possible: readonly number[]): string {
  return n !== 'unknown' ? String(n) : `at least ${Math.min(...possible)}`;
}

/** "1 consecutive year", "at least 1 consecutive year", "4 consecutive years". */
function plural(n: string, one: string): string {
  return `${n} ${/(^|\s)1$/.test(n) ? one : one + 's'}`;
}

/**
 * The clock for report year `year`, from the years before it only. Pure: the same history and
 * options give the same clock, and years from `year` on are never read.
 */
export function computeClock(history: CountryHistory, year: number, options: ClockOptions = {}): Clock {
  const opts = resolveClockOptions(options);
  const distinctSpecial = !opts.specialCaseBreaksRun;
  const cons = enumerateFillings(history, distinctSpecial, (read) => consecutiveIn(read, year, opts));
  const main = enumerateFillings(history, distinctSpecial, (read, peek) => mainIn(read, peek, year, opts));

  const consecutive = agreed(cons, (v) => v);
  const counted = agreed(main, (v) => v.counted);
  const used = agreed(main, (v) => Math.max(0, v.counted - COUNTED_YEARS_BEFORE_DOWNGRADE));
  const fApplies = agreed(main, (v) => v.ruleF);
  const placement = agreed(main, placementOf);
  const earliest = agreed(main, (v) => v.earliest);
  const fDetails = possibleValues(main, (v) => v.f);

  // Only the reported fields decide which missing years matter (not the wording of (F)'s reason).
  const reported = (v: MainOutcome): unknown[] => [v.counted, v.ruleF, placementOf(v), v.earliest];
  const ambiguousMain = [counted, fApplies, placement, earliest].includes('unknown');
  // The missing years scanned by the any-time-after reading of (F) when they leave it open.
  const scanned = main.flatMap((b) => (b.value.f.kind === 'earlier-downgrade-unknown' ? b.value.f.missing : []));
  const unknownYears = [
    ...new Set([...(consecutive === 'unknown' ? assumedYears(cons, (v) => v) : []), ...(ambiguousMain ? [...assumedYears(main, reported), ...scanned] : [])]),
  ].sort((a, b) => a - b);

  let fText: string;
  const onlyF = fDetails[0];
  if (fDetails.length === 1 && onlyF) fText = fExplanation(onlyF, year, opts.ruleF);
  else if (fApplies === 'unknown') fText = `Whether rule (F) applies (reading "${opts.ruleF}") depends on the missing year${unknownYears.length === 1 ? '' : 's'} ${yearsText(unknownYears)} (22 U.S.C. 7107(b)(2)(F)).`;
  else {
    const read = assumedYears(main, (v) => v.f);
    fText = `Rule (F) ${fApplies ? 'applies' : 'does not apply'} (reading "${opts.ruleF}") whatever the missing year${read.length === 1 ? '' : 's'} ${yearsText(read)} held (22 U.S.C. 7107(b)(2)(F)).`;
  }

  const cites = clockCites(year);

  const clock: Clock = {
    year,
    consecutiveWatchListYears: consecutive,
    countedWatchListYears: counted,
    waiverYearsUsed: used,
    waiverYearsAllowed: waiverYearsAllowed(year),
    ruleF: { applies: fApplies, reading: opts.ruleF, explanation: fText },
    watchListPlacement: placement,
    earliestDowngradeYear: earliest,
    unknownYears,
    options: opts,
    cites,
    explanation: '',
  };
  clock.explanation = explain(clock, {
    consecutive: countText(consecutive, cons.map((b) => b.value)),
    counted: countText(counted, main.map((b) => b.value.counted)),
    minCounted: Math.min(...main.map((b) => b.value.counted)),
    possible: [...new Set(main.flatMap((b) => b.value.outcomes.map((o) => o.placement)))],
  });
  return clock;
}

const PLACEMENT_TEXT: Record<WatchListPlacement, string> = {
  allowed: 'allowed',
  'needs-waiver': 'allowed only with a waiver',
  barred: 'barred',
  unavailable: 'unavailable',
};

/** One sentence that says what the clock found and cites the provision. */
function explain(c: Clock, t: { consecutive: string; counted: string; minCounted: number; possible: WatchListPlacement[] }): string {
  const y = c.year;
  const provision = clockProvision(y);
  const para = paragraphOf(y);
  if (c.watchListPlacement === 'unavailable') {
    return `There is no Tier 2 Watch List in the ${y} report: it was created by the TVPRA of 2003 and first used in the 2004 report (${provision}).`;
  }
  const before = `Before the ${y} report the country was on the Tier 2 Watch List for ${plural(t.consecutive, 'consecutive year')}`;
  if (y < COUNTING_FIRST_REPORT) {
    return `${before}; the Watch List has no time limit in the ${y} report and none of its years count toward the automatic downgrade, which counts only from the 2009 report, so the downgrade could first apply in the ${String(c.earliestDowngradeYear)} report (${provision}).`;
  }
  const counted = `${before}, ${t.counted} of them counted from the 2009 report`;
  const usedText = c.waiverYearsUsed === 'unknown' ? `at least ${Math.max(0, t.minCounted - COUNTED_YEARS_BEFORE_DOWNGRADE)}` : String(c.waiverYearsUsed);
  const used = `waiver years used in this run: ${usedText}, allowed per run in ${y}: ${c.waiverYearsAllowed}`;
  switch (c.watchListPlacement) {
    case 'allowed':
      return `${counted}, so a Watch List placement is allowed and the automatic downgrade could first apply in the ${String(c.earliestDowngradeYear)} report (${provision}).`;
    case 'needs-waiver':
      return `${counted} (${used}), so a Watch List placement needs a waiver under §110${para}(D)(ii) (a written plan that would constitute significant efforts, with sufficient resources); without one the country is placed on Tier 3 under §110${para}(D)(i) (${provision}).`;
    case 'barred':
      if (c.ruleF.applies === true) {
        return `${counted}; rule (F) (reading "${c.ruleF.reading}") allows only one consecutive Watch List year after the Tier 3 stint that followed an earlier run, so a Watch List placement is barred and no waiver overrides it (${provision}).`;
      }
      return `${counted} (${used}): the waivers are used up, so a Watch List placement is barred and the country goes to Tier 3 under §110${para}(D)(i) unless it moves up to Tier 2 or Tier 1 (${provision}).`;
    case 'unknown':
      return `${counted}; the ledger has no row for ${yearsText(c.unknownYears)}, and depending on ${c.unknownYears.length === 1 ? 'it' : 'them'} a Watch List placement would be ${t.possible.map((p) => PLACEMENT_TEXT[p]).join(' or ')} (${provision}).`;
  }
}

/**
 * The clock for every year of a country's history, from its first row to the year after its last
 * (or to `through`), in year order.
 */
export function clockTimeline(history: CountryHistory, options: ClockOptions = {}, through?: number): Clock[] {
  const s = historySpan(history);
  if (!s) return [];
  const last = through ?? s.last + 1;
  const out: Clock[] = [];
  for (let y = s.first; y <= last; y++) out.push(computeClock(history, y, options));
  return out;
}

/**
 * What the clock allows in `year` under every filling of the missing years: the distinct
 * (placement, rule (F)) pairs, and the missing years that decide between them (for the checker).
 */
export function watchListOutcomes(history: CountryHistory, year: number, options: ClockOptions = {}): { outcomes: WatchListOutcome[]; unknownYears: number[] } {
  const opts = resolveClockOptions(options);
  const main = enumerateFillings(history, !opts.specialCaseBreaksRun, (read, peek) => mainIn(read, peek, year, opts));
  const seen = new Map<string, WatchListOutcome>();
  for (const b of main) for (const o of b.value.outcomes) seen.set(`${o.placement}:${String(o.ruleF)}`, o);
  const outcomes = [...seen.values()];
  if (outcomes.length <= 1) return { outcomes, unknownYears: [] };
  const scanned = main.flatMap((b) => (b.value.f.kind === 'earlier-downgrade-unknown' ? b.value.f.missing : []));
  const years = new Set([...assumedYears(main, (v) => v.outcomes), ...scanned]);
  return { outcomes, unknownYears: [...years].sort((a, b) => a - b) };
}
