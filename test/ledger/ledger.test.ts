import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { countryHistory } from '../../src/ledger/history.js';
import { parseLedger, parseWaivers, readLedger, withWaivers } from '../../src/ledger/ledger.js';
import { published, TIERS_CSV, WAIVERS_CSV } from '../history/published.js';
import { LAST_REPORT_YEAR } from '../../src/model/tier.js';
import { inputErrorOf } from '../support/errors.js';

function errorsOf(f: () => unknown): Diagnostic[] {
  return inputErrorOf(f).diagnostics;
}

describe('ledger errors: each class with its line and wording', () => {
  const cases: { name: string; text: string; code: string; line: number; col?: number; path: string; expected: RegExp; found: RegExp; hint?: RegExp }[] = [
    { name: 'unknown tier', text: 'iso3,year,tier\nRUS,2013,4\n', code: 'unknown-tier', line: 2, col: 10, path: 'tier', expected: /one of 1, 2, 2WL, 3, special/, found: /"4"/ },
    { name: 'misspelt tier gets a hint', text: 'iso3,year,tier\nRUS,2013,2wl\n', code: 'unknown-tier', line: 2, path: 'tier', expected: /2WL/, found: /"2wl"/, hint: /did you mean 2WL/ },
    { name: 'year not a whole number', text: 'iso3,year,tier\nRUS,2013.5,3\n', code: 'bad-year', line: 2, col: 5, path: 'year', expected: /whole number from 2001/, found: /"2013.5"/ },
    { name: 'year before the first report', text: 'iso3,year,tier\nRUS,1999,3\n', code: 'bad-year', line: 2, path: 'year', expected: /2001/, found: /1999/ },
    { name: 'a year after next year (a report that cannot exist yet)', text: `iso3,year,tier\nRUS,${LAST_REPORT_YEAR + 1},3\n`, code: 'bad-year', line: 2, path: 'year', expected: new RegExp(`${LAST_REPORT_YEAR} \\(next year's report\\)`), found: new RegExp(String(LAST_REPORT_YEAR + 1)) },
    { name: 'lower-case iso3', text: 'iso3,year,tier\nrus,2013,3\n', code: 'bad-iso3', line: 2, col: 1, path: 'iso3', expected: /3 upper-case letters/, found: /"rus"/, hint: /RUS/ },
    { name: 'iso3 of two letters', text: 'iso3,year,tier\nRU,2013,3\n', code: 'bad-iso3', line: 2, path: 'iso3', expected: /alpha-3/, found: /"RU"/ },
    { name: 'duplicate country-year', text: 'iso3,year,tier\nRUS,2013,3\nCHN,2013,3\nRUS,2013,3\n', code: 'duplicate-row', line: 4, path: 'year', expected: /one row for RUS 2013/, found: /first on line 2/ },
    { name: 'conflicting rows name both lines', text: 'iso3,year,tier\nRUS,2013,3\nRUS,2013,2WL\n', code: 'conflicting-row', line: 3, path: 'tier', expected: /line 2 has tier 3/, found: /line 3 with tier 2WL/ },
    { name: 'missing column', text: 'iso3,yr,tier\nRUS,2013,3\n', code: 'missing-column', line: 1, path: 'year', expected: /iso3, year, tier/, found: /no "year" column/ },
    { name: 'duplicate column', text: 'iso3,year,tier,tier\nRUS,2013,3,3\n', code: 'duplicate-column', line: 1, path: 'tier', expected: /each column name once/, found: /"tier" again/ },
    { name: 'wrong number of fields', text: 'country,iso3,year,tier\nKorea, North,PRK,2013,3\n', code: 'field-count', line: 2, path: '(document)', expected: /4 fields/, found: /5 fields/, hint: /double quotes/ },
    { name: 'bad waiver value', text: 'iso3,year,tier,waiver\nRUS,2011,2WL,yes\n', code: 'bad-waiver', line: 2, path: 'waiver', expected: /true, false or an empty field/, found: /"yes"/, hint: /true/ },
    { name: 'unclosed quote (the line where the quote opens)', text: 'iso3,year,tier\n"RUS,2013,3\n', code: 'csv-syntax', line: 2, path: '(document)', expected: /well-formed CSV/, found: /QUOTE/ },
    { name: 'empty file', text: '', code: 'empty-file', line: 0, path: '(document)', expected: /header/, found: /empty/ },
    { name: 'line numbers count quoted line breaks', text: 'country,iso3,year,tier\n"Two\nLines",RUS,2013,3\nX,RUS,2013,2\n', code: 'conflicting-row', line: 4, path: 'tier', expected: /line 2 has tier 3/, found: /line 4/ },
    { name: 'line numbers count skipped empty lines and CRLF', text: 'iso3,year,tier\r\n\r\nRUS,2013,9\r\n', code: 'unknown-tier', line: 3, path: 'tier', expected: /one of/, found: /"9"/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const ds = errorsOf(() => parseLedger(c.text, 'ledger.csv'));
      const d = ds.find((x) => x.code === c.code);
      expect(d, JSON.stringify(ds)).toBeDefined();
      expect(d!.file).toBe('ledger.csv');
      expect(d!.line).toBe(c.line);
      if (c.col !== undefined) expect(d!.col).toBe(c.col);
      expect(d!.path.length === 0 ? '(document)' : d!.path.join('.')).toBe(c.path);
      expect(d!.expected).toMatch(c.expected);
      expect(d!.found).toMatch(c.found);
      if (c.hint) expect(d!.hint).toMatch(c.hint);
    });
  }

  test('every error of a file is collected, in line order', () => {
    const ds = errorsOf(() => parseLedger('iso3,year,tier\nrus,2013,3\nCHN,13,2\nTHA,2014,X\n', 'l.csv'));
    expect(ds.map((d) => [d.line, d.code])).toEqual([
      [2, 'bad-iso3'],
      [3, 'bad-year'],
      [4, 'unknown-tier'],
    ]);
  });

  test('waivers file errors: unknown event, conflicting events, duplicate', () => {
    const ds = errorsOf(() => parseWaivers('iso3,year,event\nRUS,2011,waver\nRUS,2012,waiver\nRUS,2012,auto_downgrade\nCHN,2011,waiver\nCHN,2011,waiver\n', 'w.csv'));
    expect(ds.map((d) => [d.line, d.code])).toEqual([
      [2, 'unknown-event'],
      [4, 'conflicting-row'],
      [6, 'duplicate-row'],
    ]);
    expect(ds[0]!.hint).toMatch(/did you mean waiver/);
    expect(ds[1]!.expected).toMatch(/line 3 has waiver/);
  });

  test('a missing file is an input error, not a crash', () => {
    const ds = errorsOf(() => readLedger('/nonexistent/ledger.csv', { shownAs: { ledger: 'ledger.csv' } }));
    expect(ds[0]).toMatchObject({ file: 'ledger.csv', code: 'unreadable-file', found: 'no such file' });
  });
});

describe('ledger reading', () => {
  test('columns in any order, extra columns, quoted names with commas and quotes, BOM', () => {
    const l = parseLedger('\ufefftier,note,country,year,iso3\n2WL,,"Korea, ""North""",2013,PRK\n3,x,Russia,2013,RUS\n', 'l.csv');
    expect(l.columns).toEqual(['tier', 'note', 'country', 'year', 'iso3']);
    expect(l.byCountry.get('PRK')?.get(2013)).toMatchObject({ tier: '2WL', line: 2, waiver: null });
    expect(l.byCountry.get('RUS')?.get(2013)?.line).toBe(3);
  });

  test('the waiver column: true, false, empty', () => {
    const l = parseLedger('iso3,year,tier,waiver\nRUS,2011,2WL,true\nRUS,2012,2WL,FALSE\nRUS,2013,3,\n', 'l.csv');
    expect([2011, 2012, 2013].map((y) => l.byCountry.get('RUS')?.get(y)?.waiver)).toEqual([true, false, null]);
  });

  test('a waiver event where the ledger is not on the Watch List is a warning, not an error', () => {
    const l = parseLedger('iso3,year,tier\nRUS,2011,3\nRUS,2012,2WL\n', 'l.csv');
    const events = parseWaivers('iso3,year,event\nRUS,2011,waiver\nRUS,2012,auto_downgrade\nRUS,2010,waiver\n', 'w.csv');
    const joined = withWaivers(l, events, 'w.csv');
    expect(joined.warnings.map((w) => [w.file, w.line, w.code, w.iso3, w.year])).toEqual([
      ['w.csv', 2, 'event-tier-mismatch', 'RUS', 2011],
      ['w.csv', 3, 'event-tier-mismatch', 'RUS', 2012],
      ['w.csv', 4, 'event-without-placement', 'RUS', 2010],
    ]);
    // A waiver with no tier row implies the Watch List that year, marked as such.
    const h = countryHistory(joined, 'RUS');
    expect(h.years.get(2010)).toMatchObject({ tier: '2WL', waiver: true, basis: 'waiver-event' });
    expect(h.years.get(2011)).toMatchObject({ tier: '3', waiver: true, basis: 'ledger' });
    expect(h.years.get(2012)).toMatchObject({ tier: '2WL', autoDowngrade: true });
  });

  test('the published tier and waiver files read as they are', () => {
    const l = published();
    const rows = [...l.byCountry.values()].reduce((n, m) => n + m.size, 0);
    expect(rows).toBe(3448);
    expect(l.byCountry.size).toBe(190);
    const events = [...l.waiverEvents.values()].reduce((n, m) => n + m.size, 0);
    expect(events).toBe(85);
    // Saudi Arabia and Senegal 2018: waiver rows without a tier row (data README).
    expect(l.warnings.map((w) => `${w.iso3} ${w.year} ${w.code}`)).toEqual(['SAU 2018 event-without-placement', 'SEN 2018 event-without-placement']);
    expect(countryHistory(l, 'CHN').years.get(2013)).toMatchObject({ tier: '3', autoDowngrade: true });
    expect(countryHistory(l, 'MYS').years.get(2020)).toMatchObject({ tier: '2WL', waiver: true });
  });

  test('reading never modifies the input files', async () => {
    const { readFileSync, statSync } = await import('node:fs');
    const before = [readFileSync(TIERS_CSV), statSync(TIERS_CSV).mtimeMs, readFileSync(WAIVERS_CSV)];
    readLedger(TIERS_CSV, { waiversPath: WAIVERS_CSV });
    expect([readFileSync(TIERS_CSV), statSync(TIERS_CSV).mtimeMs, readFileSync(WAIVERS_CSV)]).toEqual(before);
  });
});
