import { enactedBy } from '../../rules/law.js';
import type { WatchListPlacement } from './D.js';
import type { FDetail, RuleFReading } from './F.js';
import { CLOCK_IDS, cited, clockProvision, type ClockLaw } from './law.js';

/**
 * The clock's sentences. Every year and provision in them is read from the rule files (./law.ts),
 * as numbered in the report year, so an amendment changes the words with the numbers.
 */

export type Known<T> = T | 'unknown';

/** "2009-2011, 2014" */
export function yearsText(years: readonly number[]): string {
  const parts: string[] = [];
  let start: number | undefined;
  let prev = 0;
  for (const y of [...years, Infinity]) {
    if (start !== undefined && y === prev + 1) {
      prev = y;
      continue;
    }
    if (start !== undefined) parts.push(start === prev ? String(start) : `${start}-${prev}`);
    start = y;
    prev = y;
  }
  return parts.join(', ');
}

function range([a, b]: [number, number]): string {
  return a === b ? String(a) : `${a}-${b}`;
}

/** A count for a sentence: the number, or "at least N" when missing years leave it open. */
export function countText(n: Known<number>, least: number): string {
  return n !== 'unknown' ? String(n) : `at least ${least}`;
}

/** "1 consecutive year", "at least 1 consecutive year", "4 consecutive years". */
function plural(n: string, one: string): string {
  return `${n} ${/(^|\s)1$/.test(n) ? one : one + 's'}`;
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}

export function fExplanation(f: FDetail, year: number, reading: RuleFReading, cl: ClockLaw): string {
  const r = `reading "${reading}"`;
  const F = cited(cl.law, CLOCK_IDS.ruleF, year);
  const usc = '22 U.S.C. 7107(b)(2)(F)';
  const free = cl.at(year).freeYears;
  switch (f.kind) {
    case 'not-in-force':
      return `Rule (F) is not in force in the ${year} report: it was added by ${enactedBy(cl.law, CLOCK_IDS.ruleF, cl.ruleFFrom) ?? 'a later act'} and first applies in the ${cl.ruleFFrom} report.`;
    case 'no-run':
      return `Rule (F) does not bar ${year} (${r}): the country was not on the Watch List in ${year - 1}, so ${year} would be a first Watch List year, which (F) allows (${usc}).`;
    case 'no-stint':
      return `Rule (F) does not apply (${r}): the Watch List run ${range(f.run)} does not follow a Tier 3 placement (${usc}).`;
    case 'stint-not-after-run':
      return `Rule (F) does not apply (${r}): the Tier 3 stint ${range(f.stint)} does not follow a Watch List run counted from the ${cl.countingFrom} report (${usc}).`;
    case 'short-run':
      return `Rule (F) does not apply (${r}): the Watch List run ${range(f.run)} before the Tier 3 stint ${range(f.stint)} had ${f.counted} counted year${s(f.counted)}${reading === 'after-waiver-run' ? ' and used no waiver year' : ''} (${usc}).`;
    case 'after-run':
      return `Rule (F) applies (${r}): after the Watch List run ${range(f.run)} (${f.counted} counted years${f.counted > free ? `, ${f.counted - free} of them by waiver` : ''}) and the Tier 3 stint ${range(f.stint)}, the country may be on the Watch List for only one consecutive year, and no waiver overrides it (${F}, ${usc}).`;
    case 'earlier-downgrade':
      return `Rule (F) applies (${r}): the country was on the Watch List for ${free} counted years (${range(f.run)}) and later on Tier 3 (${f.tier3}), so it may never again be on the Watch List for more than one consecutive year (${F}, ${usc}).`;
    case 'no-earlier-downgrade':
      return `Rule (F) does not apply (${r}): no earlier Watch List run of ${free} counted years was followed by Tier 3 (${usc}).`;
    case 'gap':
      return `Rule (F) (${r}) was read over missing years (${usc}).`;
  }
}

/** (F) when the known years alone do not give its facts. */
export function fOpenExplanation(applies: Known<boolean>, years: readonly number[], reading: RuleFReading): string {
  const r = `reading "${reading}"`;
  if (applies === 'unknown') return `Whether rule (F) applies (${r}) depends on the missing year${s(years.length)} ${yearsText(years)} (22 U.S.C. 7107(b)(2)(F)).`;
  return `Rule (F) ${applies ? 'applies' : 'does not apply'} (${r}) whatever the missing years held (22 U.S.C. 7107(b)(2)(F)).`;
}

export const PLACEMENT_TEXT: Record<WatchListPlacement, string> = {
  allowed: 'allowed',
  'needs-waiver': 'allowed only with a waiver',
  barred: 'barred',
  unavailable: 'unavailable',
};

export interface ExplainInput {
  year: number;
  placement: Known<WatchListPlacement>;
  ruleF: Known<boolean>;
  reading: RuleFReading;
  consecutive: string;
  counted: string;
  /** Waiver years used, or "at least N". */
  used: string;
  waiverYearsAllowed: number;
  earliest: Known<number> | null;
  unknownYears: readonly number[];
  possible: readonly WatchListPlacement[];
}

/** One sentence that says what the clock found and cites the provisions as numbered that year. */
export function explain(c: ExplainInput, cl: ClockLaw): string {
  const y = c.year;
  const provision = clockProvision(cl, y);
  const Di = cited(cl.law, CLOCK_IDS.downgrade, y);
  const Dii = cited(cl.law, CLOCK_IDS.waiver, y);
  if (c.placement === 'unavailable') {
    return `There is no Tier 2 Watch List in the ${y} report: it was created by ${enactedBy(cl.law, CLOCK_IDS.watchList, cl.watchListFrom) ?? 'a later act'} and first used in the ${cl.watchListFrom} report (${provision}).`;
  }
  const before = `Before the ${y} report the country was on the Tier 2 Watch List for ${plural(c.consecutive, 'consecutive year')}`;
  if (!cl.at(y).counts) {
    return `${before}; the Watch List has no time limit in the ${y} report and none of its years count toward the automatic downgrade, which counts only from the ${cl.countingFrom} report, so the downgrade could first apply in the ${String(c.earliest)} report (${provision}).`;
  }
  const counted = `${before}, ${c.counted} of them counted from the ${cl.countingFrom} report`;
  const used = `waiver years used in this run: ${c.used}, allowed per run in ${y}: ${c.waiverYearsAllowed}`;
  switch (c.placement) {
    case 'allowed':
      return `${counted}, so a Watch List placement is allowed and the automatic downgrade could first apply in the ${String(c.earliest)} report (${provision}).`;
    case 'needs-waiver':
      return `${counted} (${used}), so a Watch List placement needs a waiver under ${Dii} (a written plan that would constitute significant efforts, with sufficient resources); without one the country is placed on Tier 3 under ${Di} (${provision}).`;
    case 'barred':
      if (c.ruleF === true) {
        return `${counted}; rule (F) (reading "${c.reading}") allows only one consecutive Watch List year after the Tier 3 stint that followed an earlier run, so a Watch List placement is barred and no waiver overrides it (${provision}).`;
      }
      return `${counted} (${used}): the waivers are used up, so a Watch List placement is barred and the country goes to Tier 3 under ${Di} unless it moves up to Tier 2 or Tier 1 (${provision}).`;
    case 'unknown':
      return `${counted}; the ledger has no row for ${yearsText(c.unknownYears)}, and depending on ${c.unknownYears.length === 1 ? 'it' : 'them'} a Watch List placement would be ${c.possible.map((p) => PLACEMENT_TEXT[p]).join(' or ')} (${provision}).`;
  }
}
