import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { DATA } from './published.js';

async function tip(args: string[], cwd = DATA) {
  const io = bufferIo(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('tip history', () => {
  test('--json prints exactly iso3, year, timeline, clock (2-space indent, trailing newline)', async () => {
    const r = await tip(['history', 'CHN', '--history', 'tip-tiers.csv', '--waivers', 'tip-downgrade-waivers.csv', '--year', '2009', '--json']);
    expect(r.code).toBe(0);
    expect(r.out.endsWith('}\n')).toBe(true);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['iso3', 'year', 'timeline', 'clock']);
    expect(r.out).toBe(JSON.stringify(j, null, 2) + '\n');
    expect(j).toMatchObject({ iso3: 'CHN', year: 2009 });
    expect(j.timeline[0]).toEqual({ year: 2001, tier: '2', waiver: null, autoDowngrade: false, basis: 'ledger' });
    expect(j.timeline.map((e: { year: number }) => e.year)).toEqual([2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(Object.keys(j.clock)).toEqual([
      'year',
      'consecutiveWatchListYears',
      'countedWatchListYears',
      'waiverYearsUsed',
      'waiverYearsAllowed',
      'ruleF',
      'watchListPlacement',
      'earliestDowngradeYear',
      'unknownYears',
      'options',
      'firstReports',
      'cites',
      'explanation',
    ]);
    expect(j.clock).toMatchObject({ consecutiveWatchListYears: 4, countedWatchListYears: 0, earliestDowngradeYear: 2011, watchListPlacement: 'allowed' });
    // Byte-identical on a second run.
    const again = await tip(['history', 'CHN', '--history', 'tip-tiers.csv', '--waivers', 'tip-downgrade-waivers.csv', '--year', '2009', '--json']);
    expect(again.out).toBe(r.out);
  });

  test('text: timeline, clock, the reading applied; default year is the one after the last row', async () => {
    const r = await tip(['history', 'mys', '--history', 'tip-tiers.csv', '--waivers', 'tip-downgrade-waivers.csv']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^MYS: tier timeline/);
    expect(r.out).toMatch(/ {2}2020 {2}Tier 2 Watch List {2}\(waiver\)/);
    expect(r.out).toMatch(/Watch List clock for the 2026 report \(rule \(F\) read as "after-waiver-run" \(default\)/);
    const lit = await tip(['history', 'MYS', '--history', 'tip-tiers.csv', '--year', '2024', '--rule-f', 'literal', '--special-case-continues-run']);
    expect(lit.out).toMatch(/rule \(F\) read as "literal"; a Special Case year neither counts nor ends/);
    expect(lit.out).toMatch(/Watch List placement in 2024: barred by rule \(F\)/);
  });

  test('a missing year shows as unknown in the timeline and in the clock', async () => {
    const r = await tip(['history', 'CUB', '--history', 'tip-tiers.csv', '--year', '2019']);
    expect(r.out).toMatch(/2016 {2}\(no row: unknown\)/);
    expect(r.out).toMatch(/Watch List placement in 2019: unknown \(depends on 2016\)/);
  });

  test('a waiver row without a tier row is a warning on standard error for that country only', async () => {
    const sau = await tip(['history', 'SAU', '--history', 'tip-tiers.csv', '--waivers', 'tip-downgrade-waivers.csv']);
    expect(sau.err).toMatch(/^warning: tip-downgrade-waivers.csv:65:1: year: expected a row for SAU 2018/);
    const rus = await tip(['history', 'RUS', '--history', 'tip-tiers.csv', '--waivers', 'tip-downgrade-waivers.csv']);
    expect(rus.err).toBe('');
  });

  test('usage errors exit 2; input errors exit 1 with file:line:col', async () => {
    expect((await tip(['history', 'RUS'])).code).toBe(2);
    expect((await tip(['history', 'RUSSIA', '--history', 'tip-tiers.csv'])).code).toBe(2);
    expect((await tip(['history', 'RUS', '--history', 'tip-tiers.csv', '--year', '1999'])).code).toBe(2);
    expect((await tip(['history', 'RUS', '--history', 'tip-tiers.csv', '--rule-f', 'loose'])).code).toBe(2);
    const unknown = await tip(['history', 'SAX', '--history', 'tip-tiers.csv']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/tip-tiers.csv: iso3: expected a country code with at least one row in the ledger, found "SAX" \(did you mean SAU\?\)/);
    const dir = mkdtempSync(join(tmpdir(), 'tip-cli-'));
    writeFileSync(join(dir, 'bad.csv'), 'iso3,year,tier\nRUS,2013,2W\n');
    const bad = await tip(['history', 'RUS', '--history', 'bad.csv'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^bad.csv:2:10: tier: expected one of 1, 2, 2WL, 3, special, found "2W"/);
  });

  test('--help', async () => {
    const r = await tip(['history', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: tip history ISO3 --history CSV/);
  });
});

describe('tip check-history', () => {
  test('the published record: no violation, exit 0', async () => {
    const r = await tip(['check-history', 'tip-tiers.csv', '--waivers', 'tip-downgrade-waivers.csv']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Violations \(placements the statute forbids\): 0/);
    expect(r.out).toMatch(/No placement the statute forbids\.\n$/);
    expect(r.err).toMatch(/warning: tip-downgrade-waivers.csv:65:1/);
  });

  test('the literal reading: violations, exit 1; --json has the three lists', async () => {
    const r = await tip(['check-history', 'tip-tiers.csv', '--waivers', 'tip-downgrade-waivers.csv', '--rule-f', 'literal', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['options', 'countries', 'placements', 'violations', 'warnings', 'unknown', 'ledgerWarnings']);
    expect(j.options).toEqual({ ruleF: 'literal', specialCaseBreaksRun: true });
    expect(j.violations.map((v: { iso3: string; year: number }) => `${v.iso3} ${v.year}`)).toContain('SDN 2019');
    expect(Object.keys(j.violations[0])).toEqual(['iso3', 'year', 'rule', 'code', 'message', 'cites']);
  });

  test('a ledger with Russia 2013 on the Watch List: exit 1, the violation named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-cli-'));
    writeFileSync(join(dir, 'rus.csv'), 'iso3,year,tier\n' + [2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013].map((y) => `RUS,${y},${y === 2003 ? '2' : '2WL'}`).join('\n') + '\n');
    const r = await tip(['check-history', 'rus.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/RUS 2013 \[22usc7107.b.2.D.i, waivers-exhausted\] Tier 2 Watch List in 2013, but the waiver years were used up/);
    expect(r.out).toMatch(/Warnings .*: 2\n {2}RUS 2011 \[22usc7107.b.2.D.ii, waiver-not-recorded\].*\n {2}RUS 2012/);
  });

  test('usage: exactly one ledger', async () => {
    expect((await tip(['check-history'])).code).toBe(2);
    expect((await tip(['check-history', 'a.csv', 'b.csv'])).code).toBe(2);
    const missing = await tip(['check-history', 'nope.csv']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^nope.csv: \(document\): expected a readable CSV file, found no such file/);
  });
});
