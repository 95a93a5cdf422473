import { countryHistory, ledgerCountries, type CountryHistory, type HistoryYear } from '../ledger/history.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Cite } from '../rules/schema.js';
import { computeClock, resolveClockOptions, watchListOutcomes, type ClockOptions, type ResolvedClockOptions, type WatchListOutcome, type WatchListPlacement } from './clock.js';
import { clockCites, paragraphOf } from './eras.js';

/**
 * Checks every Watch List placement of a ledger against the automatic downgrade
 * (22 U.S.C. 7107(b)(2)(D)-(F); §110(b)(3)(D)-(E) in the 2009-2013 reports):
 *  - violation: a placement the statute forbids: the Watch List before it existed (2004), when
 *    the waivers were used up or rule (F) bars it, or when the record itself says no waiver was
 *    granted (an `auto_downgrade` event, or `waiver=false`) in a year that needed one;
 *  - warning: a placement that needed a waiver which no row records (the published waiver list
 *    is incomplete, so this is not a violation); and records that contradict the clock without
 *    making a placement unlawful: a waiver recorded for a year that needed none, an automatic
 *    downgrade recorded for a year in which the Watch List was still allowed;
 *  - unknown: a missing year decides between those outcomes.
 * Only Watch List rows can break the clock: moving up (Tier 1/2) or down (Tier 3) is never barred.
 */

export type CheckRule =
  /** No Watch List before the 2004 report. */
  | '22usc7107.b.2.A.iii'
  /** Two counted years plus the waiver years: Tier 3 required. */
  | '22usc7107.b.2.D.i'
  /** A waiver year: needs a waiver. */
  | '22usc7107.b.2.D.ii'
  /** At most one consecutive Watch List year after the downgrade. */
  | '22usc7107.b.2.F';

export type FindingCode =
  /** Violations. */
  | 'watch-list-unavailable'
  | 'waivers-exhausted'
  | 'rule-f'
  | 'downgrade-recorded'
  | 'waiver-refused'
  /** Warnings. */
  | 'waiver-not-recorded'
  | 'waiver-not-needed'
  | 'downgrade-not-due';

export interface Finding {
  iso3: string;
  year: number;
  rule: CheckRule;
  code: FindingCode;
  message: string;
  cites: Cite[];
}

export interface UnknownFinding {
  iso3: string;
  year: number;
  /** The outcomes the missing years leave open. */
  possible: WatchListPlacement[];
  missingYears: number[];
  message: string;
  cites: Cite[];
}

export interface CheckResult {
  options: ResolvedClockOptions;
  countries: number;
  placements: number;
  violations: Finding[];
  warnings: Finding[];
  unknown: UnknownFinding[];
}

type Verdict = { kind: 'ok' } | { kind: 'warning' | 'violation'; rule: CheckRule; code: FindingCode; why: string };

function verdict(outcome: WatchListOutcome, h: HistoryYear): Verdict {
  const para = paragraphOf(h.year);
  switch (outcome.placement) {
    case 'unavailable':
      return { kind: 'violation', rule: '22usc7107.b.2.A.iii', code: 'watch-list-unavailable', why: 'there is no Tier 2 Watch List before the 2004 report' };
    case 'barred':
      return outcome.ruleF
        ? { kind: 'violation', rule: '22usc7107.b.2.F', code: 'rule-f', why: 'rule (F) allows only one consecutive Watch List year after the Tier 3 stint that followed an earlier run' }
        : { kind: 'violation', rule: '22usc7107.b.2.D.i', code: 'waivers-exhausted', why: `the waiver years were used up, so §110${para}(D)(i) required Tier 3` };
    case 'needs-waiver':
      if (h.autoDowngrade) return { kind: 'violation', rule: '22usc7107.b.2.D.i', code: 'downgrade-recorded', why: `the waivers file records an automatic downgrade that year, so §110${para}(D)(i) required Tier 3` };
      if (h.waiver === true) return { kind: 'ok' };
      if (h.waiver === false) return { kind: 'violation', rule: '22usc7107.b.2.D.i', code: 'waiver-refused', why: `the year needed a waiver under §110${para}(D)(ii) and the ledger says none was granted, so §110${para}(D)(i) required Tier 3` };
      return { kind: 'warning', rule: '22usc7107.b.2.D.ii', code: 'waiver-not-recorded', why: `the year needed a waiver under §110${para}(D)(ii) and no row records one` };
    case 'allowed':
      if (h.autoDowngrade) return { kind: 'violation', rule: '22usc7107.b.2.D.i', code: 'downgrade-recorded', why: 'the waivers file records an automatic downgrade to Tier 3 that year' };
      return { kind: 'ok' };
  }
}

/** The provisions as numbered in the year of the placement; (F) is among them from 2019. */
function citesFor(year: number): Cite[] {
  return clockCites(year);
}

function checkYear(history: CountryHistory, h: HistoryYear, options: ResolvedClockOptions, out: CheckResult): void {
  const { outcomes, unknownYears } = watchListOutcomes(history, h.year, options);
  const verdicts = outcomes.map((o) => verdict(o, h));
  const kinds = new Set(verdicts.map((v) => v.kind));
  const basis = h.basis === 'waiver-event' ? ' (no tier row; implied by the waivers file)' : '';
  const flagged = verdicts.filter((v): v is Exclude<Verdict, { kind: 'ok' }> => v.kind !== 'ok');
  if (kinds.size === 1) {
    const first = flagged[0];
    if (!first) {
      // Lawful under every filling of the missing years. A waiver recorded for a year that, under
      // every filling, needed none says the record and the clock disagree (often a year set one off).
      if (h.waiver === true && outcomes.every((o) => o.placement === 'allowed') && h.year >= 2009) {
        const clock = computeClock(history, h.year, options);
        out.warnings.push({
          iso3: history.iso3,
          year: h.year,
          rule: '22usc7107.b.2.D.ii',
          code: 'waiver-not-needed',
          message: `A waiver is recorded for ${h.year}, but the year needed none (${String(clock.countedWatchListYears)} counted Watch List year${clock.countedWatchListYears === 1 ? '' : 's'} before it; a waiver year comes after two): check the year of the waiver row. ${clock.explanation}`,
          cites: citesFor(h.year),
        });
      }
      return;
    }
    // The same kind under every filling; when the rule differs (say (D)(i) or (F) depending on a
    // missing year), the finding names both reasons.
    const reasons = [...new Set(flagged.map((v) => v.why))];
    const rules = [...new Set(flagged.map((v) => v.rule))].sort();
    const rule = rules[0] ?? first.rule;
    const code = flagged.find((v) => v.rule === rule)?.code ?? first.code;
    const clock = computeClock(history, h.year, options);
    const detail = rule === '22usc7107.b.2.F' ? clock.ruleF.explanation : clock.explanation;
    const finding: Finding = {
      iso3: history.iso3,
      year: h.year,
      rule,
      code,
      message: `Tier 2 Watch List in ${h.year}${basis}, but ${reasons.join(', or ')}. ${detail}`,
      cites: citesFor(h.year),
    };
    (first.kind === 'violation' ? out.violations : out.warnings).push(finding);
    return;
  }
  const possible = [...new Set(outcomes.map((o) => o.placement))];
  const missing = unknownYears.length === 1 ? `the missing year ${unknownYears[0]}` : `the missing years ${unknownYears.join(', ')}`;
  const whys = [...new Set(verdicts.map((v) => (v.kind === 'ok' ? 'lawful' : `a ${v.kind} (${v.why})`)))];
  out.unknown.push({
    iso3: history.iso3,
    year: h.year,
    possible,
    missingYears: unknownYears,
    message: `Tier 2 Watch List in ${h.year}${basis}: depending on ${missing}, the placement is ${whys.join(' or ')}.`,
    cites: clockCites(h.year),
  });
}

/** An automatic downgrade recorded in a year in which the Watch List was, under every filling, still allowed. */
function checkDowngrade(history: CountryHistory, h: HistoryYear, options: ResolvedClockOptions, out: CheckResult): void {
  const { outcomes } = watchListOutcomes(history, h.year, options);
  if (outcomes.length === 0 || !outcomes.every((o) => o.placement === 'allowed')) return;
  const clock = computeClock(history, h.year, options);
  out.warnings.push({
    iso3: history.iso3,
    year: h.year,
    rule: '22usc7107.b.2.D.i',
    code: 'downgrade-not-due',
    message: `An automatic downgrade is recorded for ${h.year}, but the Watch List was still allowed that year: check the year of the row. ${clock.explanation}`,
    cites: citesFor(h.year),
  });
}

function byCountryYear<T extends { iso3: string; year: number }>(a: T, b: T): number {
  return a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : a.year - b.year;
}

/** Checks every Watch List placement of the ledger. Deterministic: findings sorted by country and year. */
export function checkHistory(ledger: Ledger, options: ClockOptions = {}): CheckResult {
  const opts = resolveClockOptions(options);
  const countries = ledgerCountries(ledger);
  const out: CheckResult = { options: opts, countries: countries.length, placements: 0, violations: [], warnings: [], unknown: [] };
  for (const iso3 of countries) {
    const history = countryHistory(ledger, iso3);
    for (const h of history.years.values()) {
      out.placements++;
      if (h.tier === '2WL') checkYear(history, h, opts, out);
      else if (h.autoDowngrade) checkDowngrade(history, h, opts, out);
    }
  }
  out.violations.sort(byCountryYear);
  out.warnings.sort(byCountryYear);
  out.unknown.sort(byCountryYear);
  return out;
}
