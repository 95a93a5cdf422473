import type { Assessment } from '../assess/types.js';
import { clockAt, clockRun, type ClockOptions } from '../history/clock.js';
import { clockLaw } from '../history/clock/law.js';
import type { Law } from '../rules/law.js';
import type { CountryHistory } from '../ledger/history.js';
import { tierRank, type Tier } from '../model/tier.js';

/**
 * A country's tier timeline for the batch report: the ledger's placements before the report year,
 * then this year's assessed tier. Every mark is derived from the ledger, the waivers file and the
 * Watch List clock, never typed by hand.
 */

export interface TimelineYear {
  year: number;
  /** Null when the ledger has no row for the year. */
  tier: Tier | null;
  /** Where the placement comes from. */
  source: 'ledger' | 'waiver-event' | 'assessment' | 'missing';
  /**
   * For a Tier 2 Watch List year from the 2009 report on: its place in the counted run
   * (1 = first counted year; 22 U.S.C. 7107(b)(2)(D)(i), counted from the 2009 report). Null when
   * the year does not count or its place depends on a missing year.
   */
  counted: number | null;
  /**
   * The Watch List placement was by waiver (22 U.S.C. 7107(b)(2)(D)(ii)): `recorded` in the ledger,
   * the waivers file or (this year) the evidence; `inferred` when no row records it but the clock
   * allowed that Watch List year only with a waiver; null otherwise.
   */
  waiver: 'recorded' | 'inferred' | null;
  /** Lower than the year before (both ranked, neither a Special Case). */
  downgrade: boolean;
  /** An automatic downgrade (22 U.S.C. 7107(b)(2)(D)(i)) or a rule (F) bar (7107(b)(2)(F)). */
  automaticDowngrade: boolean;
}

export interface Timeline {
  iso3: string;
  name: string;
  from: number;
  to: number;
  years: TimelineYear[];
}

/** The first ledger year of a history (or the report year when there is none). */
export function firstYearOf(history: CountryHistory | null, year: number): number {
  let first = year;
  if (history) for (const y of history.years.keys()) if (y < first) first = y;
  return first;
}

function isDowngrade(before: Tier | null | undefined, now: Tier | null): boolean {
  if (!before || !now) return false;
  const a = tierRank(before);
  const b = tierRank(now);
  return a !== undefined && b !== undefined && b < a;
}

/**
 * Builds the timeline from `from` to the assessment's report year. The clock is computed for each
 * earlier Watch List year to tell its counted place and whether it needed a waiver; ledger rows
 * from the report year on are ignored (the assessment is this year's placement).
 */
export function buildTimeline(history: CountryHistory | null, assessment: Assessment, from: number, law: Law, clockOptions: ClockOptions = {}): Timeline {
  const year = assessment.year;
  // One forward run of the clock for every year of the timeline; counting starts with the first
  // report of the automatic downgrade's rule file.
  const run = history ? clockRun(history, law, clockOptions) : null;
  const countingFrom = clockLaw(law).countingFrom;
  const years: TimelineYear[] = [];
  let previous: Tier | null | undefined;
  for (let y = from; y < year; y++) {
    const row = history?.years.get(y);
    const tier = row?.tier ?? null;
    let counted: number | null = null;
    let waiver: TimelineYear['waiver'] = row?.waiver === true ? 'recorded' : null;
    if (run && tier === '2WL' && y >= countingFrom) {
      const clock = clockAt(run, y);
      if (clock.countedWatchListYears !== 'unknown') counted = clock.countedWatchListYears + 1;
      if (clock.watchListPlacement === 'needs-waiver' && waiver === null) waiver = 'inferred';
    }
    years.push({
      year: y,
      tier,
      source: row ? row.basis : 'missing',
      counted,
      waiver,
      downgrade: isDowngrade(previous, tier),
      automaticDowngrade: row?.autoDowngrade === true,
    });
    previous = tier;
  }
  const a = assessment;
  const clock = a.clock;
  const countedBefore = clock?.countedWatchListYears;
  const countedNow = a.tier === '2WL' && year >= countingFrom && typeof countedBefore === 'number' ? countedBefore + 1 : null;
  // Last year's tier: the ledger's when the timeline holds it, else what the assessment was given.
  const before = year - 1 >= from ? previous : a.previousTier;
  years.push({
    year,
    tier: a.tier,
    source: 'assessment',
    counted: countedNow,
    // This year's waiver is the evidence's decision (22 U.S.C. 7107(b)(2)(D)(ii)): recorded.
    waiver: a.clockEffect === 'waiver' || (a.tier === '2WL' && clock?.watchListPlacement === 'needs-waiver') ? 'recorded' : null,
    downgrade: isDowngrade(before ?? a.previousTier, a.tier),
    automaticDowngrade: a.clockEffect === 'automatic-downgrade' || a.clockEffect === 'rule-f',
  });
  return { iso3: a.country.iso3, name: a.country.name, from, to: year, years };
}
