import { dirname } from 'node:path/posix';
import { criteriaInForce } from '../evidence/law-checks.js';
import type { Corpus } from '../rules/corpus.js';
import { identityFromTable } from './countries.js';
import { HttpError } from './http.js';
import type { FileIdentity, FileIndex } from './index-files.js';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR } from '../model/tier.js';

/**
 * "New country-year": the starting value of a new evidence file. The country's last file in the
 * workspace is carried forward whole, the analyst's determination, the waiver and the comparison
 * with the previous year included, so the panel shows at once where the country would stand under
 * this year's law and clock if nothing changed; the criteria follow the new year's law; identity
 * fields the previous file lacks come from the country table. Nothing here is saved: the page
 * shows it, marks every carried value "from YEAR, unchanged" until the officer touches it (and
 * counts those still unchanged), and the officer saves.
 */

export interface Prefill {
  path: string;
  exists: boolean;
  value: Record<string, unknown>;
  previous: { path: string; year: number; value: unknown } | null;
  table: { filled: string[]; notes: string[]; sources: string[] };
  notes: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Fills what the previous file lacks from the table (never overrides what a person wrote). */
function mergeMissing(into: Record<string, unknown>, from: Record<string, unknown>, prefix: string, filled: string[], used: string[]): void {
  for (const [k, v] of Object.entries(from)) {
    const path = `${prefix}.${k}`;
    if (isObject(v)) {
      if (!isObject(into[k])) into[k] = {};
      mergeMissing(into[k] as Record<string, unknown>, v, path, filled, used);
    } else if (into[k] === undefined || into[k] === null || into[k] === '') {
      into[k] = v;
      if (filled.includes(path)) used.push(path);
    }
  }
}

function carried(previous: FileIdentity, year: number, corpus: Corpus): Record<string, unknown> {
  const value = structuredClone(previous.value) as Record<string, unknown>;
  value.report_year = year;
  // A calibration record describes one published narrative; it never carries into a new year.
  delete value.calibration;
  const criteria = isObject(value.criteria) ? value.criteria : {};
  const next: Record<string, unknown> = {};
  for (const c of criteriaInForce(year, corpus)) next[c] = criteria[c] ?? {};
  value.criteria = next;
  return value;
}

/** Orders keys as in `order` (the evidence model's), others after, so the new file reads naturally. */
function ordered(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in value) out[k] = value[k];
  for (const k of Object.keys(value)) if (!(k in out)) out[k] = value[k];
  return out;
}

export function prefill(index: FileIndex, iso3: string, year: number, corpus: Corpus, keyOrder: readonly string[]): Prefill {
  if (!/^[A-Z]{3}$/.test(iso3)) throw new HttpError(400, `iso3 expects an ISO 3166-1 alpha-3 code in capitals such as MYS, found "${iso3}"`);
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) throw new HttpError(400, `year expects a report year from ${FIRST_REPORT_YEAR} to ${LAST_REPORT_YEAR}, found "${String(year)}"`);
  const previous = index.previous(iso3, year);
  const table = identityFromTable(iso3);
  const notes: string[] = [];
  let value: Record<string, unknown>;
  if (previous) {
    value = carried(previous, year, corpus);
    if (previous.year !== year - 1) notes.push(`The workspace has no ${year - 1} file for ${iso3}: values are carried from ${previous.year} (${previous.path}).`);
  } else {
    value = { report_year: year, criteria: Object.fromEntries(criteriaInForce(year, corpus).map((c) => [c, {}])) };
    notes.push(`The workspace has no earlier file for ${iso3}: nothing is carried forward.`);
  }
  const country = isObject(value.country) ? value.country : {};
  const used: string[] = [];
  mergeMissing(country, table.country, 'country', table.filled, used);
  value.country = country;
  const folder = previous ? dirname(previous.path) : '.';
  const path = `${folder === '.' ? '' : `${folder}/`}${iso3}-${year}.yaml`;
  const exists = index.identity(path) !== undefined;
  if (exists) notes.push(`${path} already exists: open it from the workspace list instead.`);
  return {
    path,
    exists,
    value: ordered(value, keyOrder),
    previous: previous ? { path: previous.path, year: previous.year!, value: previous.value } : null,
    table: { filled: used, notes: table.notes, sources: table.sources },
    notes,
  };
}
