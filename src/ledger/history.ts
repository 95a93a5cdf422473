import type { Tier } from '../model/tier.js';
import type { Ledger } from './ledger.js';

/**
 * One country's placements by report year, as the Watch List clock reads them. A year with no
 * row is absent from `years`: it is unknown, never "off the list" (a missing year can hide a
 * Watch List year, and one Watch List year changes every count after it).
 */
export interface HistoryYear {
  year: number;
  tier: Tier;
  /**
   * The Watch List placement that year was by waiver (22 U.S.C. 7107(b)(2)(D)(ii)): true from the
   * `waiver` column or a `waiver` event; false when the column says so; null when not recorded.
   */
  waiver: boolean | null;
  /** The waivers file records an automatic downgrade (22 U.S.C. 7107(b)(2)(D)(i)) that year. */
  autoDowngrade: boolean;
  /**
   * `ledger`: a tier row. `waiver-event`: no tier row, but the waivers file records a waiver (so
   * the country stayed on the Watch List: that is what a waiver of the downgrade does) or an
   * automatic downgrade (so it was placed on Tier 3).
   */
  basis: 'ledger' | 'waiver-event';
  source: { file: string; line: number };
}

export interface CountryHistory {
  iso3: string;
  years: ReadonlyMap<number, HistoryYear>;
}

/** The history of one country: tier rows joined with the waivers file. Years sorted ascending. */
export function countryHistory(ledger: Ledger, iso3: string): CountryHistory {
  const rows = ledger.byCountry.get(iso3) ?? new Map();
  const events = ledger.waiverEvents.get(iso3) ?? new Map();
  const out = new Map<number, HistoryYear>();
  const allYears = [...new Set([...rows.keys(), ...events.keys()])].sort((a, b) => a - b);
  for (const year of allYears) {
    const row = rows.get(year);
    const event = events.get(year);
    const waiverEvent = event?.event === 'waiver';
    const autoDowngrade = event?.event === 'auto_downgrade';
    if (row) {
      out.set(year, {
        year,
        tier: row.tier,
        waiver: waiverEvent ? true : row.waiver,
        autoDowngrade,
        basis: 'ledger',
        source: { file: ledger.file, line: row.line },
      });
    } else if (event) {
      out.set(year, {
        year,
        tier: waiverEvent ? '2WL' : '3',
        waiver: waiverEvent ? true : null,
        autoDowngrade,
        basis: 'waiver-event',
        source: { file: event.file, line: event.line },
      });
    }
  }
  return { iso3, years: out };
}

/** Every country code in the ledger or its waivers file, sorted. */
export function ledgerCountries(ledger: Ledger): string[] {
  return [...new Set([...ledger.byCountry.keys(), ...ledger.waiverEvents.keys()])].sort();
}

/**
 * A history from a plain table, for tests and what-if runs: `{2005: '2WL', 2013: '3'}`.
 * Waivers may be given as a list of years.
 */
export function historyFromTiers(iso3: string, tiers: Readonly<Record<number, Tier>>, waivers: readonly number[] = []): CountryHistory {
  const years = new Map<number, HistoryYear>();
  for (const [y, tier] of Object.entries(tiers).sort(([a], [b]) => Number(a) - Number(b))) {
    const year = Number(y);
    years.set(year, { year, tier, waiver: waivers.includes(year) ? true : null, autoDowngrade: false, basis: 'ledger', source: { file: '(table)', line: 0 } });
  }
  return { iso3, years };
}

/** First and last year with a placement, or undefined for an empty history. */
export function historySpan(history: CountryHistory): { first: number; last: number } | undefined {
  const ys = [...history.years.keys()];
  if (ys.length === 0) return undefined;
  return { first: Math.min(...ys), last: Math.max(...ys) };
}
