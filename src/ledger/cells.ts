import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticList } from '../diagnostics/collect.js';
import { suggestKey } from '../load/suggest.js';
import { shorten } from '../load/text.js';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR, isTier, TIERS, type Tier } from '../model/tier.js';
import type { CsvRecord } from './csv.js';
import { WAIVER_EVENTS, type WaiverEventKind } from './types.js';

/**
 * The cells of a ledger or waivers row, each read with its own check and wording: the header,
 * the field count, iso3, year, tier, waiver and event. Every problem goes to the caller's list
 * with its line and column; a cell that fails gives undefined.
 */

const ISO3 = /^[A-Z]{3}$/;
const FIRST_YEAR = FIRST_REPORT_YEAR;
const LAST_YEAR = LAST_REPORT_YEAR;

export interface Header {
  columns: string[];
  index: Map<string, number>;
}

export function diag(file: string, line: number, col: number, path: (string | number)[], code: string, expected: string, found: string, hint?: string): Diagnostic {
  return hint === undefined ? { file, line, col, path, code, expected, found } : { file, line, col, path, code, expected, found, hint };
}

export function show(value: string): string {
  return value === '' ? 'an empty field' : JSON.stringify(shorten(value));
}

/** Checks the header for the required columns (any order) and for repeated names. */
export function readHeader(record: CsvRecord | undefined, file: string, required: readonly string[], diagnostics: DiagnosticList): Header | undefined {
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

export interface Cell {
  value: string;
  col: number;
}

export function cell(record: CsvRecord, header: Header, name: string): Cell {
  const i = header.index.get(name) ?? -1;
  return { value: (record.fields[i] ?? '').trim(), col: record.cols[i] ?? 1 };
}

export function checkFieldCount(record: CsvRecord, header: Header, file: string, diagnostics: DiagnosticList): boolean {
  if (record.fields.length === header.columns.length) return true;
  diagnostics.push(
    diag(file, record.line, 1, [], 'field-count', `${header.columns.length} fields, one per column of the header (${header.columns.join(',')})`, `${record.fields.length} field${record.fields.length === 1 ? '' : 's'}`, 'a field with a comma must be in double quotes'),
  );
  return false;
}

export function readIso3(c: Cell, line: number, file: string, diagnostics: DiagnosticList): string | undefined {
  if (ISO3.test(c.value)) return c.value;
  const upper = c.value.toUpperCase();
  diagnostics.push(
    diag(file, line, c.col, ['iso3'], 'bad-iso3', 'an ISO 3166-1 alpha-3 code (3 upper-case letters, e.g. RUS)', show(c.value), ISO3.test(upper) ? `did you mean ${upper}?` : undefined),
  );
  return undefined;
}

export function readYear(c: Cell, line: number, file: string, diagnostics: DiagnosticList): number | undefined {
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

export function readTier(c: Cell, line: number, file: string, diagnostics: DiagnosticList): Tier | undefined {
  if (isTier(c.value)) return c.value;
  diagnostics.push(diag(file, line, c.col, ['tier'], 'unknown-tier', `one of ${TIERS.join(', ')}`, show(c.value), tierHint(c.value)));
  return undefined;
}

export function readWaiver(c: Cell, line: number, file: string, diagnostics: DiagnosticList): boolean | null | undefined {
  const v = c.value.toLowerCase();
  if (v === '') return null;
  if (v === 'true') return true;
  if (v === 'false') return false;
  const hint = ['yes', 'y', '1', 'x'].includes(v) ? 'did you mean true?' : ['no', 'n', '0'].includes(v) ? 'did you mean false?' : undefined;
  diagnostics.push(diag(file, line, c.col, ['waiver'], 'bad-waiver', 'true, false or an empty field', show(c.value), hint));
  return undefined;
}

export function readEvent(c: Cell, line: number, file: string, diagnostics: DiagnosticList): WaiverEventKind | undefined {
  if ((WAIVER_EVENTS as readonly string[]).includes(c.value)) return c.value as WaiverEventKind;
  const near = suggestKey(c.value, WAIVER_EVENTS);
  diagnostics.push(diag(file, line, c.col, ['event'], 'unknown-event', `one of ${WAIVER_EVENTS.join(', ')}`, show(c.value), near ? `did you mean ${near}?` : undefined));
  return undefined;
}

