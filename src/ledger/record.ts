import { existsSync, readFileSync } from 'node:fs';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { FIRST_REPORT_YEAR, isTier, LAST_REPORT_YEAR, type Tier } from '../model/tier.js';
import { csvLine, parseCsv } from './csv.js';
import { parseLedger } from './ledger.js';

/**
 * Writes one placement into a ledger file: atomically (temporary file + rename), rows sorted by
 * iso3 then year, columns kept as they are, fields quoted only when they must be, so the same
 * input always gives the same bytes. An existing different row for the country-year is never
 * overwritten without `force`.
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

function badPlacement(file: string, path: string, expected: string, found: string): InputError {
  return new InputError([{ file, line: 0, col: 0, path: [path], code: 'bad-placement', expected, found }]);
}

function checkPlacement(p: NewPlacement, file: string): void {
  if (!/^[A-Z]{3}$/.test(p.iso3)) throw badPlacement(file, 'iso3', 'an ISO 3166-1 alpha-3 code (3 upper-case letters)', JSON.stringify(p.iso3));
  if (!Number.isInteger(p.year) || p.year < FIRST_REPORT_YEAR || p.year > LAST_REPORT_YEAR) throw badPlacement(file, 'year', `a report year from ${FIRST_REPORT_YEAR} to ${LAST_REPORT_YEAR}`, String(p.year));
  if (!isTier(p.tier)) throw badPlacement(file, 'tier', 'one of 1, 2, 2WL, 3, special', JSON.stringify(p.tier));
}

interface Table {
  bom: string;
  eol: string;
  columns: string[];
  rows: { line: number; fields: string[] }[];
}

function readTable(path: string, placement: NewPlacement): Table {
  if (!existsSync(path)) {
    // A new ledger: the three required columns, plus those the placement fills.
    const columns = [...(placement.country !== undefined ? ['country'] : []), 'iso3', 'year', 'tier', ...(placement.waiver === true ? ['waiver'] : [])];
    return { bom: '', eol: '\n', columns, rows: [] };
  }
  const text = readFileSync(path, 'utf8');
  parseLedger(text, path); // every problem of the file, before anything is written
  const csv = parseCsv(text, path);
  if (!csv.ok) throw new InputError([csv.diagnostic]);
  const [header, ...rows] = csv.records;
  return {
    bom: text.startsWith('\ufeff') ? '\ufeff' : '',
    eol: /\r\n/.test(text) ? '\r\n' : '\n',
    columns: (header?.fields ?? []).map((c) => c.trim()),
    rows: rows.map((r) => ({ line: r.line, fields: [...r.fields] })),
  };
}

function serialize(t: Table): string {
  return t.bom + [csvLine(t.columns), ...t.rows.map((r) => csvLine(r.fields))].map((l) => l + t.eol).join('');
}

/** Sort key: iso3, then year as a number. */
function compareRows(iso: number, yr: number) {
  return (a: { fields: string[] }, b: { fields: string[] }): number => {
    const ai = a.fields[iso] ?? '';
    const bi = b.fields[iso] ?? '';
    if (ai !== bi) return ai < bi ? -1 : 1;
    return Number(a.fields[yr]) - Number(b.fields[yr]);
  };
}

/**
 * Records a placement in the ledger at `ledgerPath` (created when missing). Returns what it did;
 * 'unchanged' leaves the file untouched. Throws InputError when the ledger is invalid, and
 * (code `conflicting-row`) when a different row exists for the country-year and `force` is not set.
 */
export function recordPlacement(ledgerPath: string, placement: NewPlacement, options: { force?: boolean } = {}): RecordOutcome {
  checkPlacement(placement, ledgerPath);
  const table = readTable(ledgerPath, placement);
  if (placement.waiver === true && !table.columns.includes('waiver')) {
    table.columns.push('waiver');
    for (const r of table.rows) r.fields.push('');
  }
  const col = (name: string): number => table.columns.indexOf(name);
  const iso = col('iso3');
  const yr = col('year');
  const tierCol = col('tier');
  const waiverCol = col('waiver');
  const countryCol = col('country');
  const index = table.rows.findIndex((r) => r.fields[iso]?.trim() === placement.iso3 && Number(r.fields[yr]) === placement.year);
  const existing = index >= 0 ? table.rows[index] : undefined;

  const fields = existing ? [...existing.fields] : table.columns.map(() => '');
  fields[iso] = placement.iso3;
  fields[yr] = String(placement.year);
  fields[tierCol] = placement.tier;
  if (waiverCol >= 0 && placement.waiver !== undefined) fields[waiverCol] = String(placement.waiver);
  if (countryCol >= 0 && !(existing?.fields[countryCol] ?? '').trim()) {
    // A name is not part of the placement: an existing one is kept; a new row takes the given
    // name, else the one on the country's latest row.
    const latest = table.rows
      .filter((r) => r.fields[iso]?.trim() === placement.iso3 && (r.fields[countryCol] ?? '').trim() !== '')
      .sort((a, b) => Number(b.fields[yr]) - Number(a.fields[yr]))[0];
    fields[countryCol] = placement.country ?? latest?.fields[countryCol] ?? '';
  }

  if (existing) {
    const same = existing.fields.every((f, i) => f.trim() === (fields[i] ?? '').trim());
    if (same) return 'unchanged';
    if (!options.force) {
      const was = `tier ${existing.fields[tierCol]?.trim()}${waiverCol >= 0 ? `, waiver ${existing.fields[waiverCol]?.trim() || 'empty'}` : ''}`;
      const now = `tier ${placement.tier}${waiverCol >= 0 ? `, waiver ${fields[waiverCol] || 'empty'}` : ''}`;
      const d: Diagnostic = {
        file: ledgerPath,
        line: existing.line,
        col: 1,
        path: ['tier'],
        code: 'conflicting-row',
        expected: `no other row for ${placement.iso3} ${placement.year} (line ${existing.line} has ${was})`,
        found: `a new placement with ${now}`,
        hint: 'use --force to replace the row',
      };
      throw new InputError([d]);
    }
    table.rows[index] = { line: existing.line, fields };
  } else {
    table.rows.push({ line: 0, fields });
  }
  table.rows.sort(compareRows(iso, yr));
  writeFileAtomic(ledgerPath, serialize(table));
  return existing ? 'replaced' : 'added';
}

/** The ledger text with its rows sorted and its fields quoted as recordPlacement writes them. */
export function normalizeLedgerText(text: string, file: string): string {
  parseLedger(text, file);
  const csv = parseCsv(text, file);
  if (!csv.ok) throw new InputError([csv.diagnostic]);
  const [header, ...rows] = csv.records;
  const columns = (header?.fields ?? []).map((c) => c.trim());
  const table: Table = {
    bom: text.startsWith('\ufeff') ? '\ufeff' : '',
    eol: /\r\n/.test(text) ? '\r\n' : '\n',
    columns,
    rows: rows.map((r) => ({ line: r.line, fields: [...r.fields] })),
  };
  table.rows.sort(compareRows(columns.indexOf('iso3'), columns.indexOf('year')));
  return serialize(table);
}
