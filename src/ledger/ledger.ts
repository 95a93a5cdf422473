import { readFileSync } from 'node:fs';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../load/order.js';
import { suggestKey } from '../load/suggest.js';
import { shorten } from '../load/text.js';
import { FIRST_REPORT_YEAR, isTier, LAST_REPORT_YEAR, TIERS, type Tier } from '../model/tier.js';
import { parseCsv, type CsvRecord } from './csv.js';

/**
 * The tier ledger: one placement per country and report year (`iso3,year,tier`, extra columns
 * such as `country` allowed, optional `waiver`), and the optional waivers file
 * (`iso3,year,event`, event `waiver` or `auto_downgrade`). Both are read whole, every problem is
 * collected, and any error stops the read: a ledger with a bad row must not feed the Watch List
 * clock, since one wrong year changes every count after it.
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

const ISO3 = /^[A-Z]{3}$/;
const FIRST_YEAR = FIRST_REPORT_YEAR;
const LAST_YEAR = LAST_REPORT_YEAR;

interface Header {
  columns: string[];
  index: Map<string, number>;
}

function diag(file: string, line: number, col: number, path: (string | number)[], code: string, expected: string, found: string, hint?: string): Diagnostic {
  return hint === undefined ? { file, line, col, path, code, expected, found } : { file, line, col, path, code, expected, found, hint };
}

function show(value: string): string {
  return value === '' ? 'an empty field' : JSON.stringify(shorten(value));
}

/** Checks the header for the required columns (any order) and for repeated names. */
function readHeader(record: CsvRecord | undefined, file: string, required: readonly string[], diagnostics: Diagnostic[]): Header | undefined {
  if (!record) {
    diagnostics.push(diag(file, 0, 0, [], 'empty-file', `a header line with the columns ${required.join(', ')}`, 'an empty file'));
    return undefined;
  }
  const columns = record.fields.map((f) => f.trim());
  const index = new Map<string, number>();
  let ok = true;
  columns.forEach((name, i) => {
    if (index.has(name)) {
      ok = false;
      diagnostics.push(diag(file, record.line, record.cols[i] ?? 1, [name], 'duplicate-column', 'each column name once', `"${name}" again`));
    } else {
      index.set(name, i);
    }
  });
  for (const name of required) {
    if (!index.has(name)) {
      ok = false;
      const near = suggestKey(name, columns.filter((c) => !required.includes(c)));
      diagnostics.push(
        diag(file, record.line, 1, [name], 'missing-column', `a header with the columns ${required.join(', ')} (any order)`, `no "${name}" column in ${show(columns.join(','))}`, near ? `did you mean to name "${near}" "${name}"?` : undefined),
      );
    }
  }
  return ok ? { columns, index } : undefined;
}

interface Cell {
  value: string;
  col: number;
}

function cell(record: CsvRecord, header: Header, name: string): Cell {
  const i = header.index.get(name) ?? -1;
  return { value: (record.fields[i] ?? '').trim(), col: record.cols[i] ?? 1 };
}

function checkFieldCount(record: CsvRecord, header: Header, file: string, diagnostics: Diagnostic[]): boolean {
  if (record.fields.length === header.columns.length) return true;
  diagnostics.push(
    diag(file, record.line, 1, [], 'field-count', `${header.columns.length} fields, one per column of the header (${header.columns.join(',')})`, `${record.fields.length} field${record.fields.length === 1 ? '' : 's'}`, 'a field with a comma must be in double quotes'),
  );
  return false;
}

function readIso3(c: Cell, line: number, file: string, diagnostics: Diagnostic[]): string | undefined {
  if (ISO3.test(c.value)) return c.value;
  const upper = c.value.toUpperCase();
  diagnostics.push(
    diag(file, line, c.col, ['iso3'], 'bad-iso3', 'an ISO 3166-1 alpha-3 code (3 upper-case letters, e.g. RUS)', show(c.value), ISO3.test(upper) ? `did you mean ${upper}?` : undefined),
  );
  return undefined;
}

function readYear(c: Cell, line: number, file: string, diagnostics: Diagnostic[]): number | undefined {
  if (/^\d+$/.test(c.value)) {
    const year = Number(c.value);
    if (year >= FIRST_YEAR && year <= LAST_YEAR) return year;
  }
  diagnostics.push(diag(file, line, c.col, ['year'], 'bad-year', `a report year, a whole number from ${FIRST_YEAR} (the first report) to ${LAST_YEAR} (next year's report)`, show(c.value)));
  return undefined;
}

/** "Tier 2 Watch List", "T2WL", "2wl" -> "2WL": only for the hint, never accepted silently. */
function tierHint(value: string): string | undefined {
  const v = value.toLowerCase().replace(/tier|\s|_|-/g, '').replace(/^t(?=\d)/, '');
  const map: Record<string, Tier> = { '1': '1', '2': '2', '2wl': '2WL', '2watchlist': '2WL', wl: '2WL', watchlist: '2WL', '3': '3', special: 'special', specialcase: 'special' };
  const t = map[v];
  return t && t !== value ? `did you mean ${t}?` : undefined;
}

function readTier(c: Cell, line: number, file: string, diagnostics: Diagnostic[]): Tier | undefined {
  if (isTier(c.value)) return c.value;
  diagnostics.push(diag(file, line, c.col, ['tier'], 'unknown-tier', `one of ${TIERS.join(', ')}`, show(c.value), tierHint(c.value)));
  return undefined;
}

function readWaiver(c: Cell, line: number, file: string, diagnostics: Diagnostic[]): boolean | null | undefined {
  const v = c.value.toLowerCase();
  if (v === '') return null;
  if (v === 'true') return true;
  if (v === 'false') return false;
  const hint = ['yes', 'y', '1', 'x'].includes(v) ? 'did you mean true?' : ['no', 'n', '0'].includes(v) ? 'did you mean false?' : undefined;
  diagnostics.push(diag(file, line, c.col, ['waiver'], 'bad-waiver', 'true, false or an empty field', show(c.value), hint));
  return undefined;
}

function readEvent(c: Cell, line: number, file: string, diagnostics: Diagnostic[]): WaiverEventKind | undefined {
  if ((WAIVER_EVENTS as readonly string[]).includes(c.value)) return c.value as WaiverEventKind;
  const near = suggestKey(c.value, WAIVER_EVENTS);
  diagnostics.push(diag(file, line, c.col, ['event'], 'unknown-event', `one of ${WAIVER_EVENTS.join(', ')}`, show(c.value), near ? `did you mean ${near}?` : undefined));
  return undefined;
}

function parseRecords(text: string, file: string, diagnostics: Diagnostic[]): CsvRecord[] | undefined {
  const csv = parseCsv(text, file);
  if (!csv.ok) {
    diagnostics.push(csv.diagnostic);
    return undefined;
  }
  return csv.records;
}

function fail(diagnostics: Diagnostic[]): never {
  throw new InputError(sortDiagnostics(diagnostics));
}

/** Parses ledger text. Throws InputError listing every problem found. */
export function parseLedger(text: string, file: string): Ledger {
  const diagnostics: Diagnostic[] = [];
  const records = parseRecords(text, file, diagnostics);
  if (!records) fail(diagnostics);
  const header = readHeader(records[0], file, LEDGER_COLUMNS, diagnostics);
  if (!header) fail(diagnostics);
  const hasWaiver = header.index.has('waiver');
  const byCountry = new Map<string, Map<number, Placement>>();

  for (const record of records.slice(1)) {
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

/** Parses a waivers file. Throws InputError listing every problem found. */
export function parseWaivers(text: string, file: string): Map<string, Map<number, WaiverEventRow>> {
  const diagnostics: Diagnostic[] = [];
  const records = parseRecords(text, file, diagnostics);
  if (!records) fail(diagnostics);
  const header = readHeader(records[0], file, WAIVER_COLUMNS, diagnostics);
  if (!header) fail(diagnostics);
  const events = new Map<string, Map<number, WaiverEventRow>>();
  for (const record of records.slice(1)) {
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

function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([diag(shown, 0, 0, [], 'unreadable-file', 'a readable CSV file', code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : String(code ?? err))]);
  }
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
  const problems: Diagnostic[] = [];
  let ledger: Ledger | undefined;
  try {
    ledger = parseLedger(readText(path, ledgerName), ledgerName);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.diagnostics);
  }
  let events: Map<string, Map<number, WaiverEventRow>> | undefined;
  const waiversName = opts.waiversPath === undefined ? undefined : (opts.shownAs?.waivers ?? opts.waiversPath);
  if (opts.waiversPath !== undefined && waiversName !== undefined) {
    try {
      events = parseWaivers(readText(opts.waiversPath, waiversName), waiversName);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.diagnostics);
    }
  }
  if (problems.length > 0 || !ledger) throw new InputError(problems);
  return events && waiversName !== undefined ? withWaivers(ledger, events, waiversName) : ledger;
}
