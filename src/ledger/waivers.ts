import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Tier } from '../model/tier.js';
import { cell, checkFieldCount, diag, readEvent, readIso3, readYear } from './cells.js';
import { fail, parseTable } from './read-file.js';
import { WAIVER_COLUMNS, type Ledger, type LedgerWarning, type WaiverEventRow } from './types.js';

/**
 * The waivers file (`iso3,year,event`, event `waiver` or `auto_downgrade`) and how it joins the
 * ledger: a disagreement between the two is a warning on the country-year, never a silent choice.
 */

/** Parses a waivers file. Throws InputError listing every problem found. */
export function parseWaivers(text: string, file: string): Map<string, Map<number, WaiverEventRow>> {
  const { header, rows, diagnostics } = parseTable(text, file, WAIVER_COLUMNS);
  const events = new Map<string, Map<number, WaiverEventRow>>();
  for (const record of rows) {
    if (!checkFieldCount(record, header, file, diagnostics)) continue;
    const iso3 = readIso3(cell(record, header, 'iso3'), record.line, file, diagnostics);
    const year = readYear(cell(record, header, 'year'), record.line, file, diagnostics);
    const eventCell = cell(record, header, 'event');
    const event = readEvent(eventCell, record.line, file, diagnostics);
    if (iso3 === undefined || year === undefined || event === undefined) continue;
    const years = events.get(iso3) ?? new Map<number, WaiverEventRow>();
    events.set(iso3, years);
    const earlier = years.get(year);
    if (earlier) {
      diagnostics.push(
        earlier.event === event
          ? diag(file, record.line, 1, ['year'], 'duplicate-row', `one row for ${iso3} ${year}`, `a second identical row (first on line ${earlier.line})`, 'delete one of the two rows')
          : diag(file, record.line, eventCell.col, ['event'], 'conflicting-row', `one event for ${iso3} ${year}: line ${earlier.line} has ${earlier.event}`, `line ${record.line} with ${event}`, 'a waiver and an automatic downgrade exclude each other'),
      );
      continue;
    }
    years.set(year, { iso3, year, event, file, line: record.line });
  }
  if (diagnostics.length > 0) fail(diagnostics);
  return events;
}

/**
 * Joins the waivers to the ledger and notes where they disagree. A disagreement is a warning, not
 * an error: the published waiver list has rows for years the tier list lacks (Saudi Arabia and
 * Senegal 2018), and the history takes such a row as the placement it implies (see history.ts).
 */
export function withWaivers(ledger: Ledger, events: Map<string, Map<number, WaiverEventRow>>, waiversFile: string): Ledger {
  const warnings: LedgerWarning[] = [...ledger.warnings];
  const warn = (e: WaiverEventRow, d: Diagnostic): void => {
    warnings.push({ ...d, iso3: e.iso3, year: e.year });
  };
  const rows = [...events.values()].flatMap((m) => [...m.values()]);
  for (const e of rows) {
    const placement = ledger.byCountry.get(e.iso3)?.get(e.year);
    const expectedTier: Tier = e.event === 'waiver' ? '2WL' : '3';
    const what = e.event === 'waiver' ? 'a waiver keeps the country on the Tier 2 Watch List (22 U.S.C. 7107(b)(2)(D)(ii))' : 'an automatic downgrade places the country on Tier 3 (22 U.S.C. 7107(b)(2)(D)(i))';
    if (!placement) {
      warn(
        e,
        diag(e.file, e.line, 1, ['year'], 'event-without-placement', `a row for ${e.iso3} ${e.year} in ${ledger.file}`, 'none', `taken as ${expectedTier === '2WL' ? 'Tier 2 Watch List' : 'Tier 3'}, since ${what}`),
      );
    } else if (placement.tier !== expectedTier) {
      warn(
        e,
        diag(e.file, e.line, 1, ['event'], 'event-tier-mismatch', `tier ${expectedTier} for ${e.iso3} ${e.year}, since ${what}`, `tier ${placement.tier} on line ${placement.line} of ${ledger.file}`),
      );
    } else if (e.event === 'waiver' && placement.waiver === false) {
      warn(e, diag(e.file, e.line, 1, ['event'], 'waiver-conflict', `no waiver for ${e.iso3} ${e.year}, as the waiver column says on line ${placement.line} of ${ledger.file}`, 'a waiver event', 'the waiver event is taken'));
    }
  }
  return { ...ledger, waiversFile, waiverEvents: events, warnings: sortWarnings(warnings) };
}

function sortWarnings(list: LedgerWarning[]): LedgerWarning[] {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col);
}
