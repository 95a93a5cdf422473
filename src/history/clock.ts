import type { CountryHistory } from '../ledger/history.js';
import { historySpan } from '../ledger/history.js';
import type { Law } from '../rules/law.js';
import type { Cite } from '../rules/schema.js';
import { earliestDowngradeYear, placementUnderD, waiverYearsUsed, type WatchListPlacement } from './clock/D.js';
import { countText, explain, fExplanation, fOpenExplanation, type Known } from './clock/explain.js';
import { fDetail, ruleFApplies, RULE_F_READINGS, type RuleFReading } from './clock/F.js';
import { ClockRun, type ClockState } from './clock/gaps.js';
import { clockCites, clockLaw, type ClockLaw, type YearLaw } from './clock/law.js';

/**
 * The Watch List clock for a country and report year Y: a pure function of the placements of the
 * years before Y and of the law (22 U.S.C. 7107(b)(2)(D)-(F); §110(b)(3)(D) in the 2009-2013
 * reports). Its parts, each named after the provision it computes:
 *  - clock/law.ts: the years and numbers, read from the rule files;
 *  - clock/D.ts: counting and waivers under (D)(i)-(ii);
 *  - clock/F.ts: the readings of rule (F);
 *  - clock/gaps.ts: missing years, as sets of states (linear in the years and gaps);
 *  - clock/explain.ts: the sentences.
 * Missing years are never read as "off the list": every field a missing year could change is
 * 'unknown', and `unknownYears` lists the missing years that change an answer.
 */

export { RULE_F_READINGS, type RuleFReading, type WatchListPlacement, type Known };

export interface ClockOptions {
  ruleF?: RuleFReading;
  /**
   * true (default): a Special Case year ends a Watch List run, like any year off the list (the
   * country is on no list; docs/law.md). false: it neither counts nor ends it.
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

export interface RuleF {
  applies: boolean | 'unknown';
  reading: RuleFReading;
  explanation: string;
}

export interface Clock {
  year: number;
  /** Tier 2 Watch List years immediately before Y, in every era. */
  consecutiveWatchListYears: Known<number>;
  /** Of those, the years that count toward the automatic downgrade (from its first report, 2009). */
  countedWatchListYears: Known<number>;
  /** Waiver years used in the current run: the counted years beyond the free ones. */
  waiverYearsUsed: Known<number>;
  /** Waiver years a run may use under the law of Y (rules/22usc7107/b/2/D/ii/waiver-years.yaml). */
  waiverYearsAllowed: number;
  ruleF: RuleF;
  watchListPlacement: Known<WatchListPlacement>;
  /**
   * First report in which the automatic downgrade could apply if the country stays on the Watch
   * List from Y on. Null when there is no Watch List in Y.
   */
  earliestDowngradeYear: Known<number> | null;
  /** Missing years on which at least one field depends. */
  unknownYears: number[];
  options: ResolvedClockOptions;
  /** The first reports of the Watch List, of the count toward the downgrade and of rule (F), from the rule files. */
  firstReports: { watchList: number; counting: number; ruleF: number };
  cites: Cite[];
  explanation: string;
}

/** One placement the statute leaves, and whether rule (F) is what bars it. */
export interface WatchListOutcome {
  placement: WatchListPlacement;
  ruleF: boolean;
}

/** The forward run of the clock over one history, shared by every year asked of it. */
export function clockRun(history: CountryHistory, law: Law, options: ClockOptions = {}): ClockRun {
  const opts = resolveClockOptions(options);
  return new ClockRun(history, clockLaw(law), { ruleF: opts.ruleF, skipSpecial: !opts.specialCaseBreaksRun });
}

function outcomeOf(s: ClockState, yl: YearLaw, reading: RuleFReading): WatchListOutcome {
  if (!yl.watchList) return { placement: 'unavailable', ruleF: false };
  // (F) applies "notwithstanding (D) and (E)": no waiver overrides it.
  if (ruleFApplies(s.f, s.run, yl, reading)) return { placement: 'barred', ruleF: true };
  return { placement: placementUnderD(s.run.counted, yl), ruleF: false };
}

/** The order possible placements are listed in: the most restrictive first. */
const PLACEMENT_ORDER: readonly WatchListPlacement[] = ['barred', 'needs-waiver', 'allowed', 'unavailable'];

function sameOutcome(a: WatchListOutcome, b: WatchListOutcome): boolean {
  return a.placement === b.placement && a.ruleF === b.ruleF;
}

function definite<T>(values: readonly T[]): Known<T> {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? distinct[0]! : 'unknown';
}

function optionsOf(run: ClockRun): ResolvedClockOptions {
  return { ruleF: run.options.ruleF, specialCaseBreaksRun: !run.options.skipSpecial };
}

/** The sentence on rule (F): its facts from the known years, or what the missing years leave. */
function ruleFText(run: ClockRun, year: number, applies: Known<boolean>): string {
  const { cl } = run;
  const yl = cl.at(year);
  const reading = run.options.ruleF;
  const detail = fDetail(run.history, year, cl, reading, run.options.skipSpecial);
  if (applies !== 'unknown' && detail.kind !== 'gap') return fExplanation(detail, year, reading, cl);
  const years = applies === 'unknown' ? run.sensitiveYears(year, (a, b) => outcomeOf(a, yl, reading).ruleF !== outcomeOf(b, yl, reading).ruleF) : [];
  return fOpenExplanation(applies, years, reading);
}

/** The clock for report year `year` from a forward run (see clockRun). */
export function clockAt(run: ClockRun, year: number): Clock {
  const cl: ClockLaw = run.cl;
  const yl = cl.at(year);
  const reading = run.options.ruleF;
  const finals = run.before(year);
  const outcomes = finals.map((r) => outcomeOf(r.state, yl, reading));
  const consMin = Math.min(...finals.map((r) => r.ranges.consMin));
  const consMax = Math.max(...finals.map((r) => r.ranges.consMax));
  // No Watch List: nothing is counted.
  const countedMin = yl.watchList ? Math.min(...finals.map((r) => r.ranges.countedMin)) : 0;
  const countedMax = yl.watchList ? Math.max(...finals.map((r) => r.ranges.countedMax)) : 0;
  const exact = (lo: number, hi: number): Known<number> => (lo === hi ? lo : 'unknown');

  const consecutive = exact(consMin, consMax);
  const counted = exact(countedMin, countedMax);
  const used = exact(waiverYearsUsed(countedMin, yl), waiverYearsUsed(countedMax, yl));
  const fApplies = definite(outcomes.map((o) => o.ruleF));
  const placement = definite(outcomes.map((o) => o.placement));
  const earliest = yl.watchList ? (counted === 'unknown' ? 'unknown' : earliestDowngradeYear(counted, year, cl)) : null;

  const ambiguous = [consecutive, counted, fApplies, placement, earliest].includes('unknown');
  const differ = (a: ClockState, b: ClockState, consEq: boolean, countedEq: boolean): boolean =>
    !consEq || (yl.watchList && !countedEq) || !sameOutcome(outcomeOf(a, yl, reading), outcomeOf(b, yl, reading));
  const unknownYears = ambiguous ? run.sensitiveYears(year, differ) : [];

  const fText = ruleFText(run, year, fApplies);
  const possible = PLACEMENT_ORDER.filter((p) => outcomes.some((o) => o.placement === p));
  return {
    year,
    consecutiveWatchListYears: consecutive,
    countedWatchListYears: counted,
    waiverYearsUsed: used,
    waiverYearsAllowed: yl.waiverYears,
    ruleF: { applies: fApplies, reading, explanation: fText },
    watchListPlacement: placement,
    earliestDowngradeYear: earliest,
    unknownYears,
    options: optionsOf(run),
    firstReports: { watchList: cl.watchListFrom, counting: cl.countingFrom, ruleF: cl.ruleFFrom },
    cites: clockCites(cl, year),
    explanation: explain(
      {
        year,
        placement,
        ruleF: fApplies,
        reading,
        consecutive: countText(consecutive, consMin),
        counted: countText(counted, countedMin),
        used: countText(used, waiverYearsUsed(countedMin, yl)),
        waiverYearsAllowed: yl.waiverYears,
        earliest,
        unknownYears,
        possible,
      },
      cl,
    ),
  };
}

/**
 * The clock for report year `year`, from the years before it only. Pure: the same history, law
 * and options give the same clock, and years from `year` on are never read.
 */
export function computeClock(history: CountryHistory, year: number, law: Law, options: ClockOptions = {}): Clock {
  return clockAt(clockRun(history, law, options), year);
}

/**
 * The clock for every year of a country's history, from its first row to the year after its last
 * (or to `through`), in year order: one forward run for all of them.
 */
export function clockTimeline(history: CountryHistory, law: Law, options: ClockOptions = {}, through?: number): Clock[] {
  const s = historySpan(history);
  if (!s) return [];
  const run = clockRun(history, law, options);
  const last = through ?? s.last + 1;
  const out: Clock[] = [];
  for (let y = s.first; y <= last; y++) out.push(clockAt(run, y));
  return out;
}

/**
 * What the clock allows in `year` under every filling of the missing years: the distinct
 * (placement, rule (F)) pairs, in a fixed order, and the missing years that decide between them.
 */
export function outcomesAt(run: ClockRun, year: number): { outcomes: WatchListOutcome[]; unknownYears: number[] } {
  const yl = run.cl.at(year);
  const reading = run.options.ruleF;
  const seen = new Map<string, WatchListOutcome>();
  for (const r of run.before(year)) {
    const o = outcomeOf(r.state, yl, reading);
    seen.set(`${o.placement}:${String(o.ruleF)}`, o);
  }
  const outcomes = [...seen.values()].sort((a, b) => PLACEMENT_ORDER.indexOf(a.placement) - PLACEMENT_ORDER.indexOf(b.placement) || Number(b.ruleF) - Number(a.ruleF));
  if (outcomes.length <= 1) return { outcomes, unknownYears: [] };
  return { outcomes, unknownYears: run.sensitiveYears(year, (a, b) => !sameOutcome(outcomeOf(a, yl, reading), outcomeOf(b, yl, reading))) };
}

export function watchListOutcomes(history: CountryHistory, year: number, law: Law, options: ClockOptions = {}): { outcomes: WatchListOutcome[]; unknownYears: number[] } {
  return outcomesAt(clockRun(history, law, options), year);
}
