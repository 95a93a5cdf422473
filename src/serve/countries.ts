import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { REGIONAL_BUREAUS } from '../model/tier.js';
import { DATA_DIR } from '../paths.js';

/**
 * The bundled country table (data/countries.json): identity values for a new evidence file, each
 * taken from a cited source by the rules the file states. A null value could not be sourced; the
 * workbench leaves that field to the desk officer and shows the note that says why.
 */

const Cite = z.strictObject({ title: z.string(), href: z.url(), copy: z.string().optional(), note: z.string().optional() });

export const CountryRowSchema = z.strictObject({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(1).nullable(),
  bureau: z.enum(REGIONAL_BUREAUS).nullable(),
  formal_name: z.string().min(1).nullable(),
  short_name: z.string().min(1).nullable(),
  adjective: z.string().min(1).nullable(),
  /** The Factbook file the names come from (null: no current entry). */
  factbook: z.string().nullable(),
  name_from: z.enum(['short', 'long']).optional(),
  no_government_names: z.string().optional(),
  notes: z.array(z.string()),
});
export type CountryRow = z.output<typeof CountryRowSchema>;

export const CountryTableSchema = z.strictObject({
  about: z.string(),
  sources: z.strictObject({
    names: Cite,
    bureaus: z.record(z.enum(REGIONAL_BUREAUS), Cite),
    codes: Cite,
  }),
  derivation: z.record(z.string(), z.string()),
  countries: z.array(CountryRowSchema),
});
export type CountryTable = z.output<typeof CountryTableSchema>;

export const COUNTRIES_PATH = join(DATA_DIR, 'countries.json');

let cached: CountryTable | undefined;

export function countryTable(): CountryTable {
  cached ??= CountryTableSchema.parse(JSON.parse(readFileSync(COUNTRIES_PATH, 'utf8')));
  return cached;
}

export function countryRow(iso3: string): CountryRow | undefined {
  return countryTable().countries.find((c) => c.iso3 === iso3);
}

/**
 * The identity fields the table gives for a country (only those it could source), with the
 * citation to show beside them.
 */
export function identityFromTable(iso3: string): { country: Record<string, unknown>; filled: string[]; notes: string[]; sources: string[] } {
  const table = countryTable();
  const row = countryRow(iso3);
  if (!row) return { country: { iso3 }, filled: [], notes: [`${iso3} is not in the bundled country table: fill in the country's names and bureau.`], sources: [] };
  const filled: string[] = [];
  const pick = (path: string, value: string | null): string | undefined => {
    if (value === null) return undefined;
    filled.push(path);
    return value;
  };
  // In the evidence model's key order, so a new file reads as the hand-written ones do.
  const government = {
    formal_name: pick('country.government.formal_name', row.formal_name),
    short_name: pick('country.government.short_name', row.short_name),
  };
  const country: Record<string, unknown> = {
    name: pick('country.name', row.name),
    iso3,
    bureau: pick('country.bureau', row.bureau),
    government: JSON.parse(JSON.stringify(government)) as Record<string, unknown>,
    adjective: pick('country.adjective', row.adjective),
  };
  for (const k of Object.keys(country)) if (country[k] === undefined) delete country[k];
  const sources = [`${table.sources.names.title} (${table.sources.names.copy ?? table.sources.names.href})`];
  if (row.bureau) sources.push(table.sources.bureaus[row.bureau]!.title);
  return { country, filled, notes: row.notes, sources };
}
