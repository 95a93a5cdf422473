import { countryHistory, ledgerCountries, type CountryHistory, type HistoryYear } from '../ledger/history.js';
import type { Ledger } from '../ledger/ledger.js';
import type { LoadedRule } from '../rules/corpus.js';
import { holds, MissingFactError } from '../rules/evaluate.js';
import { standingRules } from '../rules/exceptions.js';
import { inForce } from '../rules/corpus.js';
import { versionsOf, type Law } from '../rules/law.js';
import type { Cite } from '../rules/schema.js';
import type { Facts } from '../rules/stages.js';
import { clockAt, clockRun, outcomesAt, resolveClockOptions, type ClockOptions, type ResolvedClockOptions, type WatchListOutcome, type WatchListPlacement } from './clock.js';
import type { ClockRun } from './clock/gaps.js';
import { CLOCK_IDS, cited, clockCites } from './clock/law.js';

/**
 * Checks every Watch List placement of a ledger against the automatic downgrade, by running the
 * clock's tier rules of the corpus (rules/22usc7107/b/2/D/i.yaml, D/ii.yaml, F.yaml: every rule
 * whose `computed_by` is the clock) over what each row gives: the clock's placement and rule (F),
 * and the waiver the row records. A Watch List row stands for the Watch List rule
 * (22usc7107.b.2.A.iii) and its base; when the rules, resolved as in an assessment, leave Tier 3,
 * the placement is one the statute forbids. The findings:
 *  - violation: the rules give Tier 3 (waivers used up, rule (F), or no waiver granted in a year
 *    that needed one), or the Watch List before it existed, or the waivers file records an
 *    automatic downgrade in a Watch List year;
 *  - warning: the rules give the Watch List only if an unrecorded waiver was granted (the
 *    published waiver list is incomplete, so this is not a violation); and records that contradict
 *    the clock without making a placement unlawful (a waiver in a year that needed none, an
 *    automatic downgrade in a year the Watch List was still allowed);
 *  - unknown: a missing year decides between those outcomes.
 * Only Watch List rows can break the clock: moving up (Tier 1/2) or down (Tier 3) is never barred.
 */

/** The rule a finding is under: one of the clock's rule ids. */
export type CheckRule = string;

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

/** The clock's tier rules in force in `year` (those computed by the clock), and the Watch List rule with its bases. */
function rulesOf(law: Law, year: number): { clock: LoadedRule[]; given: LoadedRule[] } {
  const live = law.corpus.rules.filter((r) => inForce(r, year, law.effective));
  const clock = live.filter((r) => r.event.type === 'tier' && r.computed_by?.startsWith('src/history/clock') === true);
  const given: LoadedRule[] = [];
  const add = (id: string): void => {
    const r = live.find((x) => x.id === id);
    if (!r || given.includes(r)) return;
    given.push(r);
    for (const b of r.exception_of ?? []) add(b);
  };
  add(CLOCK_IDS.watchList);
  return { clock, given };
}

/** The tier the rules leave for a Watch List row under one outcome of the clock and one waiver. */
function tierUnder(rules: { clock: LoadedRule[]; given: LoadedRule[] }, o: WatchListOutcome, waiverGranted: boolean): { tier: string; deciding: string[] } {
  const facts: Facts = {
    watchListPlacement: o.placement,
    ruleFApplies: o.ruleF,
    waiverGranted,
    // A recorded waiver is the determination itself: its conditions were found met.
    waiverWrittenPlan: waiverGranted,
    waiverPlanSufficient: waiverGranted,
    waiverResources: waiverGranted,
  };
  const fired = rules.clock.filter((r) => {
    try {
      return holds(r.conditions, facts);
    } catch (err) {
      if (err instanceof MissingFactError) throw new Error(`check-history cannot run ${r.file}: it reads ${err.fact}, which a ledger row does not give`);
      throw err;
    }
  });
  const standing = standingRules([...rules.given, ...fired]);
  const tiers = new Set(standing.map((r) => (r.event.type === 'tier' ? r.event.params.tier : '')));
  if (tiers.size !== 1) throw new Error(`check-history: the clock's rules leave ${tiers.size === 0 ? 'no tier' : 'two tiers'} (${standing.map((r) => r.id).join(', ')})`);
  return { tier: [...tiers][0]!, deciding: standing.map((r) => r.id) };
}

function verdict(law: Law, o: WatchListOutcome, h: HistoryYear): Verdict {
  const y = h.year;
  const rules = rulesOf(law, y);
  if (!rules.given.some((r) => r.id === CLOCK_IDS.watchList)) {
    return { kind: 'violation', rule: CLOCK_IDS.watchList, code: 'watch-list-unavailable', why: `there is no Tier 2 Watch List in the ${y} report` };
  }
  const Di = cited(law, CLOCK_IDS.downgrade, y);
  const Dii = cited(law, CLOCK_IDS.waiver, y);
  const withWaiver = tierUnder(rules, o, true);
  const without = tierUnder(rules, o, false);
  const granted = h.waiver === true && !h.autoDowngrade;
  const result = granted ? withWaiver : without;
  if (result.tier === '2WL') {
    if (h.autoDowngrade) return { kind: 'violation', rule: CLOCK_IDS.downgrade, code: 'downgrade-recorded', why: 'the waivers file records an automatic downgrade to Tier 3 that year' };
    return { kind: 'ok' };
  }
  if (result.deciding.includes(CLOCK_IDS.ruleF)) {
    return { kind: 'violation', rule: CLOCK_IDS.ruleF, code: 'rule-f', why: 'rule (F) allows only one consecutive Watch List year after the Tier 3 stint that followed an earlier run' };
  }
  if (withWaiver.tier !== '2WL') return { kind: 'violation', rule: CLOCK_IDS.downgrade, code: 'waivers-exhausted', why: `the waiver years were used up, so ${Di} required Tier 3` };
  if (h.autoDowngrade) return { kind: 'violation', rule: CLOCK_IDS.downgrade, code: 'downgrade-recorded', why: `the waivers file records an automatic downgrade that year, so ${Di} required Tier 3` };
  if (h.waiver === false) {
    return { kind: 'violation', rule: CLOCK_IDS.downgrade, code: 'waiver-refused', why: `the year needed a waiver under ${Dii} and the ledger says none was granted, so ${Di} required Tier 3` };
  }
  return { kind: 'warning', rule: CLOCK_IDS.waiver, code: 'waiver-not-recorded', why: `the year needed a waiver under ${Dii} and no row records one` };
}

function finding(run: ClockRun, history: CountryHistory, h: HistoryYear, rule: CheckRule, code: FindingCode, message: string): Finding {
  return { iso3: history.iso3, year: h.year, rule, code, message, cites: clockCites(run.cl, h.year) };
}

function checkYear(run: ClockRun, law: Law, history: CountryHistory, h: HistoryYear, out: CheckResult): void {
  const { outcomes, unknownYears } = outcomesAt(run, h.year);
  const verdicts = outcomes.map((o) => verdict(law, o, h));
  const kinds = new Set(verdicts.map((v) => v.kind));
  const basis = h.basis === 'waiver-event' ? ' (no tier row; implied by the waivers file)' : '';
  const flagged = verdicts.filter((v): v is Exclude<Verdict, { kind: 'ok' }> => v.kind !== 'ok');
  if (kinds.size > 1) {
    const missing = unknownYears.length === 1 ? `the missing year ${unknownYears[0]}` : `the missing years ${unknownYears.join(', ')}`;
    const whys = [...new Set(verdicts.map((v) => (v.kind === 'ok' ? 'lawful' : `a ${v.kind} (${v.why})`)))];
    out.unknown.push({
      iso3: history.iso3,
      year: h.year,
      possible: [...new Set(outcomes.map((o) => o.placement))],
      missingYears: unknownYears,
      message: `Tier 2 Watch List in ${h.year}${basis}: depending on ${missing}, the placement is ${whys.join(' or ')}.`,
      cites: clockCites(run.cl, h.year),
    });
    return;
  }
  const first = flagged[0];
  if (!first) {
    // Lawful under every filling. A waiver recorded for a year that, under every filling, needed
    // none says the record and the clock disagree (often a year set one off).
    if (h.waiver === true && outcomes.every((o) => o.placement === 'allowed') && run.cl.at(h.year).counts) {
      const clock = clockAt(run, h.year);
      const free = run.cl.at(h.year).freeYears;
      const n = clock.countedWatchListYears;
      out.warnings.push(
        finding(run, history, h, CLOCK_IDS.waiver, 'waiver-not-needed', `A waiver is recorded for ${h.year}, but the year needed none (${String(n)} counted Watch List year${n === 1 ? '' : 's'} before it; a waiver year comes after ${free}): check the year of the waiver row. ${clock.explanation}`),
      );
    }
    return;
  }
  // The same kind under every filling; when the rule differs (say (D)(i) or (F) depending on a
  // missing year), the finding names both reasons.
  const reasons = [...new Set(flagged.map((v) => v.why))];
  const rule = [...new Set(flagged.map((v) => v.rule))].sort()[0] ?? first.rule;
  const code = flagged.find((v) => v.rule === rule)?.code ?? first.code;
  const clock = clockAt(run, h.year);
  const detail = rule === CLOCK_IDS.ruleF ? clock.ruleF.explanation : clock.explanation;
  const f = finding(run, history, h, rule, code, `Tier 2 Watch List in ${h.year}${basis}, but ${reasons.join(', or ')}. ${detail}`);
  (first.kind === 'violation' ? out.violations : out.warnings).push(f);
}

/** An automatic downgrade recorded in a year in which the Watch List was, under every filling, still allowed. */
function checkDowngrade(run: ClockRun, history: CountryHistory, h: HistoryYear, out: CheckResult): void {
  const { outcomes } = outcomesAt(run, h.year);
  if (outcomes.length === 0 || !outcomes.every((o) => o.placement === 'allowed')) return;
  const clock = clockAt(run, h.year);
  out.warnings.push(
    finding(run, history, h, CLOCK_IDS.downgrade, 'downgrade-not-due', `An automatic downgrade is recorded for ${h.year}, but the Watch List was still allowed that year: check the year of the row. ${clock.explanation}`),
  );
}

function byCountryYear<T extends { iso3: string; year: number }>(a: T, b: T): number {
  return a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : a.year - b.year;
}

/**
 * Checks every Watch List placement of the ledger under `law` (the corpus and its overrides).
 * Deterministic: findings sorted by country and year. One forward run of the clock per country.
 */
export function checkHistory(ledger: Ledger, law: Law, options: ClockOptions = {}): CheckResult {
  const opts = resolveClockOptions(options);
  versionsOf(law, CLOCK_IDS.watchList); // a corpus without the clock's rules is refused here, not mid-ledger
  const countries = ledgerCountries(ledger);
  const out: CheckResult = { options: opts, countries: countries.length, placements: 0, violations: [], warnings: [], unknown: [] };
  for (const iso3 of countries) {
    const history = countryHistory(ledger, iso3);
    const run = clockRun(history, law, opts);
    for (const h of history.years.values()) {
      out.placements++;
      if (h.tier === '2WL') checkYear(run, law, history, h, out);
      else if (h.autoDowngrade) checkDowngrade(run, history, h, out);
    }
  }
  out.violations.sort(byCountryYear);
  out.warnings.sort(byCountryYear);
  out.unknown.sort(byCountryYear);
  return out;
}
