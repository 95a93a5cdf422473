#!/usr/bin/env node
/**
 * Rebuilds data/countries.json, the country table the workbench prefills identity from.
 *
 *   node data/countries.build.mjs FACTBOOK_DIR COMMIT [--seed SEED.json]
 *
 * FACTBOOK_DIR is a checkout of the factbook/factbook.json repository (the CIA World Factbook as
 * JSON, CC0; the Factbook's text is a work of the U.S. Government) at COMMIT. What a person decided
 * is read from the current data/countries.json (or the seed): each country's ISO 3166-1 alpha-3
 * code, its Factbook file, its regional bureau (see `sources.bureaus`) and, for three countries,
 * that the name is the Factbook's long form. Everything else is taken from the Factbook by the
 * rules in `derivation`, and a value the rules cannot give is left null with a note saying why:
 * the desk officer fills it in. Output is sorted by code and byte-stable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'countries.json');
const [factbookDir, commit] = process.argv.slice(2);
const seedAt = process.argv.indexOf('--seed');
if (!factbookDir || !commit) {
  console.error('usage: node data/countries.build.mjs FACTBOOK_DIR COMMIT [--seed SEED.json]');
  process.exit(2);
}
const curated = seedAt > 0 ? JSON.parse(readFileSync(process.argv[seedAt + 1], 'utf8')) : JSON.parse(readFileSync(OUT, 'utf8')).countries;

const ENTITIES = { '&ocirc;': 'ô', '&eacute;': 'é', '&amp;': '&', '&ccedil;': 'ç', '&atilde;': 'ã' };
function clean(text) {
  if (typeof text !== 'string') return null;
  let t = text.replace(/<[^>]+>/g, '');
  for (const [e, c] of Object.entries(ENTITIES)) t = t.split(e).join(c);
  t = t.split('; note')[0].trim();
  return t === '' || t === 'none' ? null : t;
}

/** A long form takes "the" before it ("the People's Republic of China"); a bare name does not. */
function formalName(long, short) {
  if (long && long !== short) return `the Government of ${/^the /i.test(long) ? long : `the ${long}`}`;
  return short ? `the Government of ${short}` : null;
}

/** One adjective only: "Lao or Laotian", "Antiguan, Barbudan" or "Aruban; Dutch" is left to the officer. */
function singleAdjective(raw) {
  return raw && !/[,;/()]| or /.test(raw) ? raw : null;
}

function entry(c) {
  const notes = [];
  if (!c.factbook) {
    notes.push('No current World Factbook entry (the entity no longer exists): name from ISO 3166-3; names and adjective to be filled in by the desk officer.');
    return { iso3: c.iso3, name: c.name ?? null, bureau: c.bureau ?? null, formal_name: null, short_name: null, adjective: null, factbook: null, ...(c.name_from ? { name_from: c.name_from } : {}), notes };
  }
  const data = JSON.parse(readFileSync(join(factbookDir, c.factbook), 'utf8'));
  const cn = data.Government?.['Country name'] ?? {};
  const short = clean(cn['conventional short form']?.text);
  const longRaw = cn['conventional long form']?.text ?? '';
  const long = /disputed|\(prior to/i.test(longRaw) ? undefined : clean(longRaw);
  const adjRaw = clean(data['People and Society']?.Nationality?.adjective?.text);
  const adjective = singleAdjective(adjRaw);
  const name = c.name_from === 'long' ? long ?? short : short ?? long;
  let formal = long === undefined ? null : formalName(long, short);
  if (long === undefined) notes.push(`The Factbook gives the long-form name as "${clean(longRaw)}": the government's formal name is left to the desk officer.`);
  if (c.no_government_names) {
    formal = null;
    notes.push(c.no_government_names);
  }
  if (!adjective) notes.push(adjRaw ? `The Factbook gives the adjective as "${adjRaw}": choose one.` : 'The Factbook gives no adjective.');
  const shortName = adjective && !c.no_government_names ? `the ${adjective} government` : null;
  if (!c.bureau) notes.push('No regional bureau of the Department covers this country.');
  return { iso3: c.iso3, name, bureau: c.bureau ?? null, formal_name: formal, short_name: shortName, adjective, factbook: c.factbook, ...(c.name_from ? { name_from: c.name_from } : {}), ...(c.no_government_names ? { no_government_names: c.no_government_names } : {}), notes };
}

const countries = curated.map(entry).sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
const out = {
  about: 'Country table for the workbench (tip serve): prefills a new evidence file\'s identity. Every value comes from the sources below by the rules in `derivation`; a null value could not be sourced and is left to the desk officer, with a note saying why. Rebuilt by data/countries.build.mjs.',
  sources: {
    names: {
      title: 'Central Intelligence Agency, The World Factbook, "Government: Country name" (conventional short and long forms) and "People and Society: Nationality" (adjective)',
      href: 'https://www.cia.gov/the-world-factbook/',
      copy: `factbook/factbook.json on GitHub (CC0), commit ${commit}`,
      note: 'The Factbook\'s country names are those approved by the U.S. Board on Geographic Names, as in the Department of State\'s "Independent States in the World".',
    },
    bureaus: {
      AF: { title: 'Foreign Affairs Manual, 1 FAM 120, Bureau of African Affairs (AF)', href: 'https://fam.state.gov/fam/01fam/01fam0120.html' },
      EAP: { title: 'Foreign Affairs Manual, 1 FAM 130, Bureau of East Asian and Pacific Affairs (EAP)', href: 'https://fam.state.gov/fam/01fam/01fam0130.html' },
      EUR: { title: 'Foreign Affairs Manual, 1 FAM 140, Bureau of European and Eurasian Affairs (EUR), Exhibit 141.1', href: 'https://fam.state.gov/fam/01fam/01fam0140.html' },
      WHA: { title: 'Foreign Affairs Manual, 1 FAM 150, Bureau of Western Hemisphere Affairs (WHA)', href: 'https://fam.state.gov/fam/01fam/01fam0150.html' },
      NEA: { title: 'U.S. Department of State, Bureau of Near Eastern Affairs: countries covered', href: 'https://careers.state.gov/dosoffice/near-east-asian-affairs/' },
      SCA: { title: 'U.S. Department of State, Bureau of South and Central Asian Affairs: "Our Mission"', href: 'https://www.state.gov/bureaus-offices/under-secretary-for-political-affairs/bureau-of-south-and-central-asian-affairs/' },
    },
    codes: { title: 'ISO 3166-1 alpha-3 (ISO 3166-3 for codes withdrawn)', href: 'https://www.iso.org/iso-3166-country-codes.html' },
  },
  derivation: {
    name: 'the Factbook\'s conventional short form (its long form where the short form is none, an abbreviation or a parenthetical, marked name_from: long)',
    formal_name: '"the Government of the" + the conventional long form; "the Government of" + the short form where the Factbook gives no long form',
    short_name: '"the" + the adjective + "government", only where the Factbook gives a single adjective',
    adjective: 'the Factbook\'s nationality adjective, only where it gives a single one',
  },
  countries,
};
writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
console.error(`wrote ${countries.length} countries to ${OUT}`);
