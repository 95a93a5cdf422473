import { InputError } from '../diagnostics/diagnostic.js';
import type { Tier } from '../model/tier.js';
import { cell, checkFieldCount, diag, readIso3, readTier, readWaiver, readYear } from './cells.js';
import { DiagnosticList, fail, parseTable, readCsvText } from './read-file.js';
import { LEDGER_COLUMNS, type Ledger, type Placement, type WaiverEventRow } from './types.js';
import { parseWaivers, withWaivers } from './waivers.js';

/**
 * The tier ledger: read whole, every problem collected (up to a cap, the rest counted), and any
 * error stops the read: a ledger with a bad row must not feed the Watch List clock, since one
 * wrong year changes every count after it. Reading never writes either file.
 */

export * from './types.js';
export { parseWaivers, withWaivers } from './waivers.js';

/** Parses ledger text. Throws InputError listing every problem found. */
export function parseLedger(text: string, file: string): Ledger {
  const { header, rows, diagnostics } = parseTable(text, file, LEDGER_COLUMNS);
  const hasWaiver = header.index.has('waiver');
  const byCountry = new Map<string, Map<number, Placement>>();

  for (const record of rows) {
    if (!checkFieldCount(record, header, file, diagnostics)) continue;
    const iso3 = readIso3(cell(record, header, 'iso3'), record.line, file, diagnostics);
    const year = readYear(cell(record, header, 'year'), record.line, file, diagnostics);
    const tierCell = cell(record, header, 'tier');
    const tier = readTier(tierCell, record.line, file, diagnostics);
    const waiver = hasWaiver ? readWaiver(cell(record, header, 'waiver'), record.line, file, diagnostics) : null;
    if (iso3 === undefined || year === undefined || tier === undefined || waiver === undefined) continue;

    const years = byCountry.get(iso3) ?? new Map<number, Placement>();
    byCountry.set(iso3, years);
    const earlier = years.get(year);
    if (earlier) {
      if (earlier.tier === tier && earlier.waiver === waiver) {
        diagnostics.push(diag(file, record.line, 1, ['year'], 'duplicate-row', `one row for ${iso3} ${year}`, `a second identical row (first on line ${earlier.line})`, 'delete one of the two rows'));
      } else {
        const what = (p: { tier: Tier; waiver: boolean | null }): string => `tier ${p.tier}${hasWaiver ? `, waiver ${p.waiver ?? 'empty'}` : ''}`;
        diagnostics.push(
          diag(file, record.line, tierCell.col, ['tier'], 'conflicting-row', `one placement for ${iso3} ${year}: line ${earlier.line} has ${what(earlier)}`, `line ${record.line} with ${what({ tier, waiver })}`, 'keep the row the report supports and delete the other'),
        );
      }
      continue;
    }
    years.set(year, { iso3, year, tier, waiver, line: record.line });
  }
  if (diagnostics.length > 0) fail(diagnostics);
  return { file, columns: header.columns, byCountry, waiversFile: null, waiverEvents: new Map(), warnings: [] };
}

export interface ReadLedgerOptions {
  waiversPath?: string;
  /** How the files are named in diagnostics (default: the paths as given). */
  shownAs?: { ledger?: string; waivers?: string };
}

/**
 * Reads the ledger (and the waivers file when given). Never writes either. Throws InputError with
 * every problem of both files.
 */
export function readLedger(path: string, opts: ReadLedgerOptions = {}): Ledger {
  const ledgerName = opts.shownAs?.ledger ?? path;
  const problems = new DiagnosticList();
  let ledger: Ledger | undefined;
  try {
    ledger = parseLedger(readCsvText(path, ledgerName), ledgerName);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.absorb(err);
  }
  let events: Map<string, Map<number, WaiverEventRow>> | undefined;
  const waiversName = opts.waiversPath === undefined ? undefined : (opts.shownAs?.waivers ?? opts.waiversPath);
  if (opts.waiversPath !== undefined && waiversName !== undefined) {
    try {
      events = parseWaivers(readCsvText(opts.waiversPath, waiversName), waiversName);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.absorb(err);
    }
  }
  if (problems.length > 0 || !ledger) throw problems.toError();
  return events && waiversName !== undefined ? withWaivers(ledger, events, waiversName) : ledger;
}
