import { describe, expect, test } from 'vitest';
import { checkHistory } from '../../src/history/check.js';
import { parseLedger, parseWaivers, withWaivers, type Ledger, type Placement } from '../../src/ledger/ledger.js';
import { published } from './published.js';
import { LAW } from '../support/law.js';

/** A copy of the ledger with one placement changed (in memory; the file is never touched). */
function withPlacement(ledger: Ledger, iso3: string, year: number, tier: Placement['tier']): Ledger {
  const byCountry = new Map([...ledger.byCountry].map(([k, m]) => [k, new Map(m)]));
  const row = byCountry.get(iso3)?.get(year);
  byCountry.get(iso3)?.set(year, { iso3, year, tier, waiver: row?.waiver ?? null, line: row?.line ?? 0 });
  return { ...ledger, byCountry };
}

const key = (f: { iso3: string; year: number }): string => `${f.iso3} ${f.year}`;

describe('the published record', () => {
  test('no violation under the default reading', () => {
    const r = checkHistory(published(), LAW);
    expect(r.violations).toEqual([]);
    expect(r.countries).toBe(190);
    expect(r.placements).toBe(3450); // 3,448 rows + Saudi Arabia and Senegal 2018 implied by their waiver rows
  });

  test('the Watch List years after 2015 that needed a waiver no row records (data README), and Uzbekistan 2020 left open by 2017', () => {
    const r = checkHistory(published(), LAW);
    const late = r.warnings.filter((w) => w.year >= 2016 && w.code === 'waiver-not-recorded').map(key);
    expect(late).toEqual(['BOL 2016', 'BRB 2021', 'CUW 2021', 'FJI 2020', 'GIN 2016', 'IRQ 2019', 'KHM 2021', 'LKA 2021', 'MLI 2016', 'PAK 2016', 'UKR 2016', 'VNM 2021']);
    for (const w of r.warnings) expect(w.rule).toBe('22usc7107.b.2.D.ii');
    // Waiver rows dated 2014 ("in 2014, X was granted a waiver", data README) for countries whose
    // 2014 placement was only their second counted Watch List year: the record and the clock disagree.
    expect(r.warnings.filter((w) => w.code === 'waiver-not-needed').map(key)).toEqual(['GIN 2014', 'GUY 2014', 'LKA 2014', 'LSO 2014', 'MLI 2014', 'SLB 2014', 'TUN 2014', 'TZA 2014']);
    // The README's script counted Uzbekistan 2020 as a third year; the ledger has no 2017 row, and
    // a Watch List 2017 would make 2020 a fourth year, barred from 2019.
    const uzb = r.unknown.find((u) => key(u) === 'UZB 2020');
    expect(uzb).toMatchObject({ missingYears: [2017], possible: ['barred', 'needs-waiver'] });
  });

  test('Russia 2013 changed to the Watch List (in memory) is a violation', () => {
    const changed = withPlacement(published(), 'RUS', 2013, '2WL');
    const r = checkHistory(changed, LAW);
    expect(r.violations.map(key)).toEqual(['RUS 2013']);
    expect(r.violations[0]!.rule).toBe('22usc7107.b.2.D.i');
    expect(r.violations[0]!.message).toMatch(/4 of them counted/);
    // Cited as numbered in the 2013 report (the rule file's numbered_as).
    expect(r.violations[0]!.cites.map((c) => c.pinpoint)).toContain('§110(b)(3)(D)(i)');
    // Also without the waivers file (no auto_downgrade event): the clock alone forbids it.
    const bare = checkHistory({ ...changed, waiverEvents: new Map(), warnings: [] }, LAW);
    expect(bare.violations.map(key)).toEqual(['RUS 2013']);
  });

  test('the literal reading of rule (F): Sudan 2019, DR Congo, Equatorial Guinea and The Gambia 2021, and the Watch List years that follow them', () => {
    const r = checkHistory(published(), LAW, { ruleF: 'literal' });
    expect(r.violations.map(key)).toEqual(['COD 2021', 'COD 2022', 'DZA 2019', 'GMB 2021', 'GNQ 2021', 'GNQ 2022', 'SDN 2019', 'SDN 2020']);
    for (const v of r.violations) expect(v.rule).toBe('22usc7107.b.2.F');
    // The README's four are the second consecutive Watch List year right after the Tier 3 stint.
    for (const k of ['SDN 2019', 'COD 2021', 'GNQ 2021', 'GMB 2021']) expect(r.violations.map(key)).toContain(k);
  });

  test('the any-time-after reading flags everything the literal reading does, and more', () => {
    const literal = checkHistory(published(), LAW, { ruleF: 'literal' }).violations.map(key);
    const ever = checkHistory(published(), LAW, { ruleF: 'any-time-after' }).violations.map(key);
    for (const k of literal) expect(ever).toContain(k);
    expect(ever).toContain('MYS 2019'); // Malaysia: downgraded 2014, Watch List 2018-2020 (docs/law.md, rule (F))
    expect(ever.length).toBeGreaterThan(literal.length);
  });

  test('deterministic: the same ledger gives the same findings in the same order', () => {
    expect(JSON.stringify(checkHistory(published(), LAW))).toBe(JSON.stringify(checkHistory(published(), LAW)));
  });
});

describe('what the checker reports', () => {
  const check = (rows: string, waivers?: string, options = {}) => {
    const ledger = parseLedger(`iso3,year,tier,waiver\n${rows}`, 'l.csv');
    return checkHistory(waivers ? withWaivers(ledger, parseWaivers(`iso3,year,event\n${waivers}`, 'w.csv'), 'w.csv') : ledger, LAW, options);
  };
  const seq = (iso3: string, from: number, tiers: string[], extra: Record<number, string> = {}): string =>
    tiers.map((t, i) => `${iso3},${from + i},${t},${extra[from + i] ?? ''}`).join('\n') + '\n';

  test('the Watch List before 2004: violation of (b)(2)(A)(iii)', () => {
    const r = check(seq('AAA', 2002, ['2', '2WL']));
    expect(r.violations).toMatchObject([{ iso3: 'AAA', year: 2003, rule: '22usc7107.b.2.A.iii' }]);
  });

  test('a waiver year: with a waiver, nothing; without a record, a warning; with waiver=false, a violation', () => {
    expect(check(seq('AAA', 2008, ['2', '2WL', '2WL', '2WL'], { 2011: 'true' })).warnings).toEqual([]);
    expect(check(seq('AAA', 2008, ['2', '2WL', '2WL', '2WL'])).warnings).toMatchObject([{ year: 2011, rule: '22usc7107.b.2.D.ii' }]);
    expect(check(seq('AAA', 2008, ['2', '2WL', '2WL', '2WL'], { 2011: 'false' })).violations).toMatchObject([{ year: 2011, rule: '22usc7107.b.2.D.i' }]);
  });

  test('a Watch List year the waivers file records as an automatic downgrade: violation', () => {
    const r = check(seq('AAA', 2008, ['2', '2WL', '2WL', '2WL']), 'AAA,2011,auto_downgrade\n');
    expect(r.violations).toMatchObject([{ year: 2011, rule: '22usc7107.b.2.D.i', code: 'downgrade-recorded' }]);
  });

  test('records the clock contradicts: a waiver in a year that needed none, a downgrade that was not due (warnings)', () => {
    const r = check(seq('AAA', 2008, ['2', '2', '2WL', '3'], { 2010: 'true' }), 'AAA,2011,auto_downgrade\n');
    expect(r.violations).toEqual([]);
    expect(r.warnings.map((w) => [w.year, w.code])).toEqual([
      [2010, 'waiver-not-needed'],
      [2011, 'downgrade-not-due'],
    ]);
    // A correct downgrade year is not flagged.
    expect(check(seq('AAA', 2008, ['2', '2WL', '2WL', '2WL', '2WL', '3'], { 2011: 'true', 2012: 'true' }), 'AAA,2013,auto_downgrade\n').warnings).toEqual([]);
  });

  test('waivers used up (a fifth counted year 2009-2018, a fourth from 2019): violation', () => {
    expect(check(seq('AAA', 2008, ['2', '2WL', '2WL', '2WL', '2WL', '2WL'], { 2011: 'true', 2012: 'true' })).violations.map(key)).toEqual(['AAA 2013']);
    expect(check(seq('AAA', 2018, ['2', '2WL', '2WL', '2WL', '2WL'], { 2021: 'true' })).violations.map(key)).toEqual(['AAA 2022']);
  });

  test('rule (F) under the default reading (the Malaysia pattern)', () => {
    const r = check(seq('AAA', 2017, ['2', '2WL', '2WL', '2WL', '3', '3', '2WL', '2WL'], { 2020: 'true' }));
    expect(r.violations).toMatchObject([{ year: 2024, rule: '22usc7107.b.2.F' }]);
    expect(r.violations[0]!.message).toMatch(/2018-2020/);
  });

  test('a missing year that decides: unknown, naming it; one that cannot matter: nothing', () => {
    const r = check('AAA,2016,2,\nAAA,2017,2WL,\nAAA,2019,2WL,\nAAA,2020,2WL,\n');
    expect(r.unknown).toMatchObject([
      { iso3: 'AAA', year: 2019, missingYears: [2018], possible: ['needs-waiver', 'allowed'] },
      { iso3: 'AAA', year: 2020, missingYears: [2018], possible: ['barred', 'allowed'] },
    ]);
    expect(r.unknown[1]!.message).toMatch(/missing year 2018/);
    expect(check('AAA,2008,3,\nAAA,2010,2,\nAAA,2011,2WL,\n').unknown).toEqual([]);
  });

  test('upgrades and downgrades are never flagged', () => {
    const r = check(seq('AAA', 2008, ['2WL', '2WL', '2WL', '2WL', '2WL', '3', '1', '2', 'special']));
    expect(r.violations.map(key)).toEqual([]);
  });
});
