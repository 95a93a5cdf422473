import type { CountryHistory } from '../ledger/history.js';
import { historySpan } from '../ledger/history.js';
import type { LedgerWarning } from '../ledger/ledger.js';
import { tierName, type Tier } from '../model/tier.js';
import type { CheckResult } from './check.js';
import type { Clock, ResolvedClockOptions } from './clock.js';

/** How `tip history` and `tip check-history` print: JSON (stable key order, 2-space indent) and text. */

export interface TimelineEntry {
  year: number;
  /** null: no row for the year (unknown, not "off the list"). */
  tier: Tier | null;
  waiver: boolean | null;
  autoDowngrade: boolean;
  basis: 'ledger' | 'waiver-event' | 'missing';
}

/** Every year from the first row to `through` (at least the last row), missing years included. */
export function timelineOf(history: CountryHistory, through?: number): TimelineEntry[] {
  const s = historySpan(history);
  if (!s) return [];
  const last = Math.max(s.last, through ?? s.last);
  const out: TimelineEntry[] = [];
  for (let y = s.first; y <= last; y++) {
    const h = history.years.get(y);
    out.push(h ? { year: y, tier: h.tier, waiver: h.waiver, autoDowngrade: h.autoDowngrade, basis: h.basis } : { year: y, tier: null, waiver: null, autoDowngrade: false, basis: 'missing' });
  }
  return out;
}

export function historyJson(iso3: string, year: number, timeline: TimelineEntry[], clock: Clock): string {
  return JSON.stringify({ iso3, year, timeline, clock }, null, 2) + '\n';
}

export function readingsText(o: ResolvedClockOptions): string {
  return `rule (F) read as "${o.ruleF}"${o.ruleF === 'after-waiver-run' ? ' (default)' : ''}; a Special Case year ${o.specialCaseBreaksRun ? 'ends a Watch List run (default)' : 'neither counts nor ends a Watch List run'}`;
}

function placementText(c: Clock): string {
  switch (c.watchListPlacement) {
    case 'allowed':
      return 'allowed';
    case 'needs-waiver':
      return 'allowed only with a waiver (otherwise Tier 3)';
    case 'barred':
      return c.ruleF.applies === true ? 'barred by rule (F)' : 'barred: waivers used up (Tier 3 unless upgraded)';
    case 'unavailable':
      return `unavailable (no Watch List before the ${c.firstReports.watchList} report)`;
    case 'unknown':
      return `unknown (depends on ${c.unknownYears.join(', ')})`;
  }
}

export function historyText(iso3: string, year: number, timeline: TimelineEntry[], clock: Clock, source: { ledger: string; waivers: string | null }): string {
  const out: string[] = [];
  out.push(`${iso3}: tier timeline from ${source.ledger}${source.waivers ? ` and ${source.waivers}` : ''}`);
  for (const e of timeline) {
    if (e.tier === null) {
      out.push(`  ${e.year}  (no row: unknown)`);
      continue;
    }
    const notes = [
      e.waiver === true ? 'waiver' : e.waiver === false ? 'no waiver' : '',
      e.autoDowngrade ? 'automatic downgrade' : '',
      e.basis === 'waiver-event' ? 'no tier row; implied by the waivers file' : '',
    ].filter((n) => n !== '');
    out.push(`  ${e.year}  ${tierName(e.tier)}${notes.length ? `  (${notes.join('; ')})` : ''}`);
  }
  out.push('');
  out.push(`Watch List clock for the ${year} report (${readingsText(clock.options)}):`);
  out.push(`  consecutive Watch List years before ${year}: ${clock.consecutiveWatchListYears}`);
  out.push(`  of them counted from the ${clock.firstReports.counting} report: ${clock.countedWatchListYears}`);
  out.push(`  waiver years used in this run: ${clock.waiverYearsUsed}; allowed per run in ${year}: ${clock.waiverYearsAllowed}`);
  out.push(`  rule (F): ${clock.ruleF.applies === true ? 'applies' : clock.ruleF.applies === false ? 'does not apply' : 'unknown'}`);
  out.push(`  Watch List placement in ${year}: ${placementText(clock)}`);
  out.push(`  earliest automatic downgrade: ${clock.earliestDowngradeYear === null ? 'none (no Watch List)' : clock.earliestDowngradeYear === 'unknown' ? 'unknown' : `the ${clock.earliestDowngradeYear} report`}`);
  if (clock.unknownYears.length > 0) out.push(`  missing years that matter: ${clock.unknownYears.join(', ')}`);
  out.push('');
  out.push(`  ${clock.explanation}`);
  out.push(`  ${clock.ruleF.explanation}`);
  out.push('');
  out.push('Sources:');
  for (const c of clock.cites) out.push(`  ${c.title}, ${c.pinpoint}: ${c.href}`);
  return out.join('\n') + '\n';
}

export function checkJson(result: CheckResult, ledgerWarnings: readonly LedgerWarning[]): string {
  const { options, countries, placements, violations, warnings, unknown } = result;
  return JSON.stringify({ options, countries, placements, violations, warnings, unknown, ledgerWarnings }, null, 2) + '\n';
}

export function checkText(result: CheckResult, source: { ledger: string; waivers: string | null }): string {
  const out: string[] = [];
  out.push(`Checked ${result.placements} placements of ${result.countries} countries in ${source.ledger}${source.waivers ? ` with ${source.waivers}` : ''}`);
  out.push(`against the clock's rules, 22 U.S.C. 7107(b)(2)(D)-(F) as numbered in each report; ${readingsText(result.options)}.`);
  out.push('');
  out.push(`Violations (placements the statute forbids): ${result.violations.length}`);
  for (const f of result.violations) out.push(`  ${f.iso3} ${f.year} [${f.rule}, ${f.code}] ${f.message}`);
  out.push('');
  out.push(`Warnings (a waiver year with no waiver recorded, or a waiver or downgrade row the clock contradicts): ${result.warnings.length}`);
  for (const f of result.warnings) out.push(`  ${f.iso3} ${f.year} [${f.rule}, ${f.code}] ${f.message}`);
  out.push('');
  out.push(`Unknown (a missing year decides): ${result.unknown.length}`);
  for (const u of result.unknown) out.push(`  ${u.iso3} ${u.year} (missing ${u.missingYears.join(', ')}) ${u.message}`);
  out.push('');
  out.push(result.violations.length === 0 ? 'No placement the statute forbids.' : `${result.violations.length} placement${result.violations.length === 1 ? '' : 's'} the statute forbids.`);
  return out.join('\n') + '\n';
}
