import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Tier } from '../model/tier.js';

/**
 * The tier ledger's types: one placement per country and report year (`iso3,year,tier`, extra
 * columns such as `country` allowed, optional `waiver`), and the optional waivers file
 * (`iso3,year,event`, event `waiver` or `auto_downgrade`).
 */

export type WaiverEventKind = 'waiver' | 'auto_downgrade';
export const WAIVER_EVENTS: readonly WaiverEventKind[] = ['waiver', 'auto_downgrade'];

export interface Placement {
  iso3: string;
  year: number;
  tier: Tier;
  /**
   * The `waiver` column: true when the Watch List placement that year was by waiver
   * (22 U.S.C. 7107(b)(2)(D)(ii)), false when the ledger says it was not, null when the column is
   * absent or empty (not recorded; the published data has no such column).
   */
  waiver: boolean | null;
  line: number;
}

export interface WaiverEventRow {
  iso3: string;
  year: number;
  event: WaiverEventKind;
  file: string;
  line: number;
}

export interface Ledger {
  file: string;
  /** The header as written, in order. */
  columns: string[];
  byCountry: Map<string, Map<number, Placement>>;
  /** The waivers file, when one was given. */
  waiversFile: string | null;
  waiverEvents: Map<string, Map<number, WaiverEventRow>>;
  /** Things worth knowing that do not stop the read (a waiver in a year off the Watch List). */
  warnings: LedgerWarning[];
}

/** A warning about one country-year (so a command about one country can show only its own). */
export type LedgerWarning = Diagnostic & { iso3: string; year: number };

export const LEDGER_COLUMNS = ['iso3', 'year', 'tier'] as const;
export const WAIVER_COLUMNS = ['iso3', 'year', 'event'] as const;
