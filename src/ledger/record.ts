import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { OutputError } from '../fsutil/errors.js';
import { withFileLockSync, type LockOptions } from '../fsutil/lock.js';
import { FIRST_REPORT_YEAR, isTier, LAST_REPORT_YEAR, type Tier } from '../model/tier.js';
import { csvLine, neutraliseFormula, parseCsv } from './csv.js';
import { contentIndexes, insertRecord, joinLayout, splitLayout, type Layout } from './layout.js';
import { parseLedger } from './ledger.js';
import { insertionIndex } from './position.js';
import { readCsvText } from './read-file.js';

/**
 * Writes one placement into a ledger file. Under the ledger's lock (src/fsutil/lock.ts) it
 * re-reads the file, checks all of it, changes the one row it adds or replaces and leaves every
 * other byte as it was (order, quoting, line ends: see layout.ts), then writes atomically
 * (temporary file + rename), so concurrent writers never lose a row and a reader never sees half
 * a file. An existing different row for the country-year is never overwritten without `force`.
 */

export interface NewPlacement {
  iso3: string;
  year: number;
  tier: Tier;
  /** Written to the `waiver` column; `true` adds the column when the ledger has none. */
  waiver?: boolean;
  /** Written to a `country` column if the ledger has one (default: the name on the country's other rows). */
  country?: string;
}

export type RecordOutcome = 'added' | 'unchanged' | 'replaced';

export interface RecordResult {
  outcome: RecordOutcome;
  /** The line of the row written (or found unchanged). */
  line: number;
  /** What the writer changed on the way (a name that would run as a spreadsheet formula). */
  notes: string[];
}

export interface RecordOptions {
  force?: boolean;
  lock?: LockOptions;
}

function badPlacement(file: string, path: string, expected: string, found: string): InputError {
  return new InputError([{ file, line: 0, col: 0, path: [path], code: 'bad-placement', expected, found }]);
}

function checkPlacement(p: NewPlacement, file: string): void {
  if (!/^[A-Z]{3}$/.test(p.iso3)) throw badPlacement(file, 'iso3', 'an ISO 3166-1 alpha-3 code (3 upper-case letters)', JSON.stringify(p.iso3));
  if (!Number.isInteger(p.year) || p.year < FIRST_REPORT_YEAR || p.year > LAST_REPORT_YEAR) throw badPlacement(file, 'year', `a report year from ${FIRST_REPORT_YEAR} to ${LAST_REPORT_YEAR}`, String(p.year));
  if (!isTier(p.tier)) throw badPlacement(file, 'tier', 'one of 1, 2, 2WL, 3, special', JSON.stringify(p.tier));
}

/** Records a placement; returns what it did ('unchanged' leaves the file untouched). */
export function recordPlacement(ledgerPath: string, placement: NewPlacement, options: RecordOptions = {}): RecordOutcome {
  return writePlacement(ledgerPath, placement, options).outcome;
}

/**
 * Records a placement in the ledger at `ledgerPath` (created when missing). Throws InputError when
 * the ledger is invalid, and (code `conflicting-row`) when a different row exists for the
 * country-year and `force` is not set; OutputError when the file cannot be locked or written.
 */
export function writePlacement(ledgerPath: string, placement: NewPlacement, options: RecordOptions = {}): RecordResult {
  checkPlacement(placement, ledgerPath);
  try {
    mkdirSync(dirname(ledgerPath), { recursive: true }); // a new ledger may start a folder; the lock lives there
  } catch (err) {
    throw OutputError.from(ledgerPath, err);
  }
  return withFileLockSync(ledgerPath, () => (existsSync(ledgerPath) ? intoLedger(ledgerPath, placement, options) : newLedger(ledgerPath, placement)), options.lock);
}

function newLedger(path: string, p: NewPlacement): RecordResult {
  const notes: string[] = [];
  const columns = [...(p.country !== undefined ? ['country'] : []), 'iso3', 'year', 'tier', ...(p.waiver === true ? ['waiver'] : [])];
  const value = (c: string): string => (c === 'country' ? safeName(p.country ?? '', notes) : c === 'iso3' ? p.iso3 : c === 'year' ? String(p.year) : c === 'tier' ? p.tier : 'true');
  writeFileAtomic(path, `${csvLine(columns)}\n${csvLine(columns.map(value))}\n`);
  return { outcome: 'added', line: 2, notes };
}

/** A name as a cell no spreadsheet runs, with a note when it had to be changed. */
function safeName(name: string, notes: string[]): string {
  const safe = neutraliseFormula(name);
  if (safe !== name) notes.push(`the country name ${JSON.stringify(name)} would run as a spreadsheet formula; written as ${JSON.stringify(safe)}`);
  return safe;
}

interface Parsed {
  layout: Layout;
  /** Header then rows, each with its index in layout.records. */
  rows: { fields: string[]; line: number; at: number }[];
  columns: string[];
}

function readForEdit(path: string): Parsed {
  const text = readCsvText(path, path);
  parseLedger(text, path); // every problem of the file, before anything is written
  const csv = parseCsv(text, path);
  if (!csv.ok) throw new InputError([csv.diagnostic]);
  const layout = splitLayout(text);
  const at = contentIndexes(layout);
  if (at.length !== csv.records.length) throw new Error(`ledger layout: ${at.length} records on disk, ${csv.records.length} parsed`);
  const rows = csv.records.map((r, i) => ({ fields: [...r.fields], line: r.line, at: at[i]! }));
  return { layout, rows, columns: (rows[0]?.fields ?? []).map((c) => c.trim()) };
}

function intoLedger(path: string, p: NewPlacement, options: RecordOptions): RecordResult {
  const { layout, rows: all, columns } = readForEdit(path);
  const rows = all.slice(1);
  const col = (name: string): number => columns.indexOf(name);
  const [iso, yr, tierCol, countryCol] = [col('iso3'), col('year'), col('tier'), col('country')];
  const existing = rows.find((r) => r.fields[iso]?.trim() === p.iso3 && Number(r.fields[yr]) === p.year);
  const notes: string[] = [];

  if (p.waiver === true && col('waiver') < 0) addWaiverColumn(layout, all, columns);
  const waiverCol = col('waiver');
  const fields = existing ? [...existing.fields] : columns.map(() => '');
  fields[iso] = p.iso3;
  fields[yr] = String(p.year);
  fields[tierCol] = p.tier;
  if (waiverCol >= 0 && p.waiver !== undefined) fields[waiverCol] = String(p.waiver);
  // The row written carries a name (its own, else the country's, else the one given), never a formula.
  if (countryCol >= 0) fields[countryCol] = safeName((existing?.fields[countryCol] ?? '').trim() ? existing!.fields[countryCol]! : nameFor(rows, p, { iso, yr, countryCol }), notes);

  if (existing) {
    // The placement decides (tier, waiver); a name the row already has is not a reason to write.
    const placementCols = [tierCol, waiverCol].filter((c) => c >= 0);
    if (placementCols.every((c) => (existing.fields[c] ?? '').trim() === (fields[c] ?? '').trim())) return { outcome: 'unchanged', line: existing.line, notes: [] };
    if (!options.force) throw conflict(path, existing, p, fields, { tierCol, waiverCol });
    layout.records[existing.at]!.text = csvLine(fields);
  } else {
    const k = insertionIndex(rows, { iso, year: yr, country: countryCol }, { iso3: p.iso3, year: p.year, name: fields[countryCol] ?? '' });
    insertRecord(layout, k < rows.length ? rows[k]!.at : all[all.length - 1]!.at + 1, csvLine(fields));
  }
  const text = joinLayout(layout);
  const line = checkWritten(text, path, p);
  writeFileAtomic(path, text);
  return { outcome: existing ? 'replaced' : 'added', line, notes };
}

/** The name a new row carries: the one on the country's latest row, else the one given. */
function nameFor(rows: Parsed['rows'], p: NewPlacement, c: { iso: number; yr: number; countryCol: number }): string {
  const latest = rows
    .filter((r) => r.fields[c.iso]?.trim() === p.iso3 && (r.fields[c.countryCol] ?? '').trim() !== '')
    .sort((a, b) => Number(b.fields[c.yr]) - Number(a.fields[c.yr]))[0];
  return latest?.fields[c.countryCol] ?? p.country ?? '';
}

/**
 * The first waiver recorded into a ledger with no `waiver` column adds the column: the header
 * gains `,waiver` and every row an empty field (a trailing comma), the rest of each line unchanged.
 */
function addWaiverColumn(layout: Layout, all: Parsed['rows'], columns: string[]): void {
  columns.push('waiver');
  for (const r of all) {
    r.fields.push(r === all[0] ? 'waiver' : '');
    layout.records[r.at]!.text += r === all[0] ? ',waiver' : ',';
  }
}

function conflict(path: string, existing: Parsed['rows'][number], p: NewPlacement, fields: string[], c: { tierCol: number; waiverCol: number }): InputError {
  const was = `tier ${existing.fields[c.tierCol]?.trim()}${c.waiverCol >= 0 ? `, waiver ${existing.fields[c.waiverCol]?.trim() || 'empty'}` : ''}`;
  const now = `tier ${p.tier}${c.waiverCol >= 0 ? `, waiver ${fields[c.waiverCol] || 'empty'}` : ''}`;
  const d: Diagnostic = {
    file: path,
    line: existing.line,
    col: 1,
    path: ['tier'],
    code: 'conflicting-row',
    expected: `no other row for ${p.iso3} ${p.year} (line ${existing.line} has ${was})`,
    found: `a new placement with ${now}`,
    hint: 'use --force to replace the row',
  };
  return new InputError([d]);
}

/** The text about to be written reads back as a valid ledger holding the placement: its line. */
function checkWritten(text: string, path: string, p: NewPlacement): number {
  const row = parseLedger(text, path).byCountry.get(p.iso3)?.get(p.year);
  if (!row || row.tier !== p.tier) throw new Error(`ledger writer: ${p.iso3} ${p.year} did not read back as tier ${p.tier}`);
  return row.line;
}
