import { join } from 'node:path';
import * as z from 'zod';
import { loadBundledYaml } from '../load/data-cache.js';
import { DATA_DIR } from '../paths.js';
import type { Placeholders } from './placeholders.js';

/**
 * The demarche's cable header: classification, FM and TO lines, SIPDIS, the E.O. line, TAGS with
 * the country's tag, SUBJECT and REF, as the Department's 2009 TIP demarche cables set them
 * (data/cable-format.yaml, by era; the country tags and posts in data/cable-countries.yaml). What
 * the data does not know (the post of most countries, a country without a tag) is a placeholder.
 */

const text = z.string().trim().min(1);

const EraSchema = z.strictObject({
  from: z.number().int().min(2001),
  eo: text,
  sipdis: z.boolean(),
  tags: z.array(z.string().regex(/^[A-Z]{4}$/)).min(1),
  sources: z.array(z.strictObject({ title: text, url: z.url() })).min(1),
});
export const FormatFileSchema = z.strictObject({ eras: z.array(EraSchema).min(1) });
export const CountriesFileSchema = z.strictObject({
  countries: z.record(z.string().regex(/^[A-Z]{3}$/), z.strictObject({ tag: z.string().regex(/^[A-Z]{2}$/), post: text.optional() })),
});

export const CableHeaderSchema = z.strictObject({
  classification: text,
  from: text,
  to: text,
  sipdis: z.boolean(),
  eo: text,
  tags: z.array(text).min(1),
  subject: text,
  /** "A. STATE 59732", lettered in order. */
  refs: z.array(text),
});
export type CableHeader = z.output<typeof CableHeaderSchema>;

export const CABLE_FORMAT_PATH = join(DATA_DIR, 'cable-format.yaml');
export const CABLE_COUNTRIES_PATH = join(DATA_DIR, 'cable-countries.yaml');

let formats: z.output<typeof FormatFileSchema>['eras'] | undefined;
let countries: z.output<typeof CountriesFileSchema>['countries'] | undefined;

function eraOf(year: number) {
  formats ??= loadBundledYaml(CABLE_FORMAT_PATH, FormatFileSchema).eras;
  let found = formats[0]!;
  for (const e of formats) if (e.from <= year) found = e;
  return found;
}

function countryOf(iso3: string) {
  countries ??= loadBundledYaml(CABLE_COUNTRIES_PATH, CountriesFileSchema).countries;
  return countries[iso3];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function buildCableHeader(country: { name: string; iso3: string }, year: number, refs: readonly string[], ph: Placeholders): CableHeader {
  const era = eraOf(year);
  const known = countryOf(country.iso3);
  const tag = known?.tag ?? ph.token('COUNTRY TAG', 'data/cable-countries.yaml', `no cable country tag is known for ${country.iso3}: add its FIPS 10-4 code to data/cable-countries.yaml`);
  const post = known?.post ?? ph.token('POST', 'data/cable-countries.yaml', `the embassy the demarche goes to (TO AMEMBASSY ... IMMEDIATE) is not known for ${country.iso3}`);
  return CableHeaderSchema.parse({
    classification: 'UNCLASSIFIED',
    from: 'SECSTATE WASHDC',
    to: `AMEMBASSY ${post} IMMEDIATE`,
    sipdis: era.sipdis,
    eo: era.eo,
    tags: [...era.tags, tag],
    subject: `${country.name.toUpperCase()} -- ${year} TIP REPORT: PRESS GUIDANCE AND DEMARCHE`,
    refs: refs.map((r, i) => `${LETTERS[i] ?? String(i + 1)}. ${r}`),
  });
}
