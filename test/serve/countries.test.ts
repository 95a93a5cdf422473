import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { countryTable, identityFromTable } from '../../src/serve/countries.js';
import { FileIndex } from '../../src/serve/index-files.js';
import { prefill } from '../../src/serve/prefill.js';
import { Workspace } from '../../src/serve/workspace.js';
import { makeWorkspace, mys2025, SHARED_LEDGER } from './support.js';

/** The bundled country table (data/countries.json) and the starting value of a new country-year. */

describe('the country table', () => {
  const table = countryTable();

  test('covers every code of the published tier record', () => {
    const codes = new Set(readFileSync(SHARED_LEDGER, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').at(-3)!));
    const have = new Set(table.countries.map((c) => c.iso3));
    expect([...codes].filter((c) => !have.has(c))).toEqual([]);
    expect(codes.size).toBeGreaterThan(180);
  });

  test('cites its sources, one per regional bureau', () => {
    expect(table.sources.names.copy).toMatch(/factbook\/factbook\.json.*commit [0-9a-f]{40}/);
    expect(Object.keys(table.sources.bureaus).sort()).toEqual(['AF', 'EAP', 'EUR', 'NEA', 'SCA', 'WHA']);
    for (const cite of Object.values(table.sources.bureaus)) expect(cite.href).toMatch(/^https:\/\/[a-z.]*state\.gov\//);
  });

  test('a value it cannot source is null and says why (never invented)', () => {
    for (const c of table.countries) {
      const missing = (['name', 'bureau', 'formal_name', 'short_name', 'adjective'] as const).filter((k) => c[k] === null);
      if (missing.length > 0) expect(c.notes.length, c.iso3).toBeGreaterThan(0);
      if (c.short_name !== null) expect(c.short_name).toBe(`the ${c.adjective} government`);
    }
    const laos = table.countries.find((c) => c.iso3 === 'LAO')!;
    expect(laos.adjective).toBeNull();
    expect(laos.notes.join(' ')).toContain('"Lao or Laotian"');
    expect(table.countries.find((c) => c.iso3 === 'USA')!.bureau).toBeNull();
  });

  test('China and Malaysia as the examples write them', () => {
    expect(identityFromTable('CHN').country).toEqual({
      name: 'China',
      iso3: 'CHN',
      bureau: 'EAP',
      government: { formal_name: "the Government of the People's Republic of China", short_name: 'the Chinese government' },
      adjective: 'Chinese',
    });
    expect(identityFromTable('MYS').country).toMatchObject({ name: 'Malaysia', government: { formal_name: 'the Government of Malaysia' } });
    expect(identityFromTable('ZZZ').notes[0]).toContain('not in the bundled country table');
  });
});

describe('prefill: a new country-year from last year\'s file', () => {
  const dir = makeWorkspace({
    'more/MYS-2025.yaml': mys2025(),
    'more/MYS-2023.yaml': mys2025().replace('report_year: 2025', 'report_year: 2023'),
    // A 2003 file has the criteria of 2003 only: (b)(1)-(7).
    'old/XYZ-2003.yaml': mys2025().replace('report_year: 2025', 'report_year: 2003').replace('iso3: MYS', 'iso3: TST').replace(/ {2}b8:[\s\S]*?(?=\nprosecution:)/, ''),
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const index = new FileIndex(new Workspace(dir));
  const order = ['country', 'report_year', 'standards', 'criteria'];

  test('carries the latest earlier file whole, beside it, with the new year', () => {
    const p = prefill(index, 'MYS', 2026, bundledCorpus(), order);
    expect(p.path).toBe('more/MYS-2026.yaml');
    expect(p.previous).toMatchObject({ path: 'more/MYS-2025.yaml', year: 2025 });
    expect(p.value.report_year).toBe(2026);
    expect((p.value as any).determination.significant_efforts).toBe(true);
    expect(Object.keys(p.value).slice(0, 4)).toEqual(order);
    expect(p.notes).toEqual([]);
  });

  test('the criteria follow the new year\'s law: those entering force start empty', () => {
    const p = prefill(index, 'TST', 2004, bundledCorpus(), order);
    expect(p.previous).toMatchObject({ path: 'old/XYZ-2003.yaml', year: 2003 });
    expect(prefill(index, 'TST', 2006, bundledCorpus(), order).notes[0]).toContain('no 2005 file for TST: values are carried from 2003');
    const criteria = p.value.criteria as Record<string, unknown>;
    expect(Object.keys(criteria)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b10', 'b11']);
    expect(criteria.b8).toEqual({});
  });

  test('with no earlier file, identity from the table and nothing else', () => {
    const p = prefill(index, 'GMB', 2026, bundledCorpus(), order);
    expect(p.previous).toBeNull();
    expect(p.value.country).toMatchObject({ name: 'The Gambia', bureau: 'AF', adjective: 'Gambian' });
    expect(p.table.filled).toEqual(expect.arrayContaining(['country.name', 'country.bureau', 'country.adjective']));
    expect(() => prefill(index, 'gm', 2026, bundledCorpus(), order)).toThrow(/ISO 3166-1 alpha-3/);
    expect(() => prefill(index, 'GMB', 1999, bundledCorpus(), order)).toThrow(/report year/);
  });
});
