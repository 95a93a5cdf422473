import * as z from 'zod';
import { FIRST_REPORT_YEAR } from '../../model/tier.js';
import { uniqueCites } from '../../rules/cites.js';
import { enactedBy, firstYearOf, isInForce, numberedAs, versionInForce, versionsOf, type Law } from '../../rules/law.js';
import { parameterAt, parameterInForce } from '../../rules/parameters.js';
import type { Cite } from '../../rules/schema.js';

/**
 * The law the Watch List clock applies, read from the rule files: no year or number of the clock
 * is written in TypeScript. What each comes from:
 *  - the Tier 2 Watch List exists in the years rules/22usc7107/b/2/A/iii.yaml is in force (2004-);
 *  - Watch List years count toward the automatic downgrade in the years
 *    rules/22usc7107/b/2/D/i.yaml is in force (from the 2009 report: "after December 23, 2008");
 *  - the number of counted years before the downgrade: D/i/consecutive-years.yaml (2);
 *  - the waiver years per run: D/ii/waiver-years.yaml (2 for 2009-2018, 1 from 2019; none before);
 *  - rule (F) applies in the years rules/22usc7107/b/2/F.yaml is in force (2019-);
 *  - the paragraph numbers by year: the files' `numbered_as` entries ((b)(3) before 2014).
 * `--effective` overrides reach every one of them (they are applied by the lookups of rules/law.ts).
 */

export const CLOCK_IDS = {
  watchList: '22usc7107.b.2.A.iii',
  downgrade: '22usc7107.b.2.D.i',
  consecutiveYears: '22usc7107.b.2.D.i.consecutive-years',
  waiver: '22usc7107.b.2.D.ii',
  waiverYears: '22usc7107.b.2.D.ii.waiver-years',
  ruleF: '22usc7107.b.2.F',
} as const;

const Years = z.number().int().min(0);

/** The clock's law in one report year. */
export interface YearLaw {
  year: number;
  /** A Tier 2 Watch List exists (22 U.S.C. 7107(b)(2)(A)(iii) in force). */
  watchList: boolean;
  /** A Watch List year of this report counts toward the automatic downgrade ((D)(i) in force). */
  counts: boolean;
  /** Counted years that trigger the downgrade ((D)(i): 2). */
  freeYears: number;
  /** Waiver years a run may use ((D)(ii)); 0 when no waiver exists. */
  waiverYears: number;
  /** Rule (F) is in force. */
  ruleF: boolean;
}

export interface ClockLaw {
  readonly law: Law;
  /** First report with a Watch List. */
  readonly watchListFrom: number;
  /** First report whose Watch List year counts. */
  readonly countingFrom: number;
  /** First report of rule (F). */
  readonly ruleFFrom: number;
  /** A bound on every count the clock compares (it saturates there; exact counts are tracked beside). */
  readonly cap: number;
  at(year: number): YearLaw;
}

const cache = new WeakMap<Law['corpus'], Map<string, ClockLaw>>();

/** The clock's law for a corpus and its overrides (built once per corpus and overrides). */
export function clockLaw(law: Law): ClockLaw {
  let byKey = cache.get(law.corpus);
  if (!byKey) cache.set(law.corpus, (byKey = new Map()));
  const key = JSON.stringify(law.effective);
  const known = byKey.get(key);
  if (known) return known;
  const built = buildClockLaw(law);
  byKey.set(key, built);
  return built;
}

function buildClockLaw(law: Law): ClockLaw {
  const years = new Map<number, YearLaw>();
  const firstCount = firstYearOf(law, CLOCK_IDS.consecutiveYears);
  const freeYearsAt = (y: number): number => Years.parse(parameterAt(CLOCK_IDS.consecutiveYears, Math.max(y, firstCount), law).value);
  const at = (year: number): YearLaw => {
    let yl = years.get(year);
    if (!yl) {
      const waiver = parameterInForce(CLOCK_IDS.waiverYears, year, law);
      yl = {
        year,
        watchList: isInForce(law, CLOCK_IDS.watchList, year),
        counts: isInForce(law, CLOCK_IDS.downgrade, year),
        freeYears: freeYearsAt(year),
        waiverYears: waiver ? Years.parse(waiver.value) : 0,
        ruleF: isInForce(law, CLOCK_IDS.ruleF, year),
      };
      years.set(year, yl);
    }
    return yl;
  };
  // Every number the parameter files hold, so the saturation bound covers all of them.
  const numbers = (id: string): number[] => versionsOf(law, id).flatMap((v) => ('values' in v ? Object.values(v.values).map((x) => Years.parse(x)) : []));
  const cap = Math.max(...numbers(CLOCK_IDS.consecutiveYears)) + Math.max(0, ...numbers(CLOCK_IDS.waiverYears)) + 1;
  return {
    law,
    watchListFrom: firstYearOf(law, CLOCK_IDS.watchList),
    countingFrom: firstYearOf(law, CLOCK_IDS.downgrade),
    ruleFFrom: firstYearOf(law, CLOCK_IDS.ruleF),
    cap,
    at,
  };
}

/** The first report (nothing is read before it: a year before it is off every list). */
export const FIRST_REPORT = FIRST_REPORT_YEAR;

/** "(b)(3)" before the 2014 report, "(b)(2)" from it: the Special Watch List paragraph as numbered in `year`. */
export function paragraphOf(law: Law, year: number): string {
  const cited = numberedAs(law, CLOCK_IDS.watchList, year);
  const m = /^§110(\(b\)\(\d+\))/.exec(cited);
  if (!m) throw new Error(`numbered_as of ${CLOCK_IDS.watchList} should read "§110(b)(N)...", found "${cited}"`);
  return m[1]!;
}

/** The provision as numbered in `year`, for a sentence: "§110(b)(3)(D)(ii)". */
export function cited(law: Law, id: string, year: number): string {
  return numberedAs(law, id, year);
}

/** The clock's provisions in force in `year`, for a sentence. */
export function clockProvision(cl: ClockLaw, year: number): string {
  const { law } = cl;
  const y = cl.at(year);
  if (!y.watchList) return `TVPA ${cited(law, CLOCK_IDS.watchList, cl.watchListFrom)}, added by ${enactedBy(law, CLOCK_IDS.watchList, cl.watchListFrom) ?? 'a later act'} and first applied in the ${cl.watchListFrom} report`;
  if (!y.counts) {
    return `TVPA ${cited(law, CLOCK_IDS.watchList, year)}; the automatic downgrade of ${cited(law, CLOCK_IDS.downgrade, cl.countingFrom)} (${enactedBy(law, CLOCK_IDS.downgrade, cl.countingFrom) ?? 'a later act'}) counts only from the ${cl.countingFrom} report`;
  }
  const para = `§110${paragraphOf(law, year)}`;
  const range = y.ruleF ? '(D)-(F)' : '(D)';
  return `TVPA ${para}${range} as numbered in the ${year} report (22 U.S.C. 7107(b)(2)${range} today)`;
}

/** The citations of the clock in `year`: the rule and parameter files in force, each citing its sources. */
export function clockCites(cl: ClockLaw, year: number): Cite[] {
  const { law } = cl;
  const ids = [CLOCK_IDS.watchList, CLOCK_IDS.downgrade, CLOCK_IDS.consecutiveYears, CLOCK_IDS.waiver, CLOCK_IDS.waiverYears, CLOCK_IDS.ruleF];
  const live = ids.map((id) => versionInForce(law, id, year)).filter((v) => v !== undefined);
  if (live.length === 0) {
    // Before the Watch List: cite the act that created it and its first year.
    return versionsOf(law, CLOCK_IDS.watchList)[0]!.cites;
  }
  const asNumbered: Cite[] = live
    .filter((v) => v.numbered_as !== undefined)
    .map((v) => {
      const n = numberedAs(law, v.id, year);
      return { title: `TVPA ${n} as numbered in the ${year} report`, pinpoint: n, href: v.cites[0]!.href };
    });
  return uniqueCites([...asNumbered, ...live.flatMap((v) => v.cites)]);
}
