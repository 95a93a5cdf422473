import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { computeClock, RULE_F_READINGS } from '../../src/history/clock.js';
import { countryHistory, historyFromTiers } from '../../src/ledger/history.js';
import { TIERS } from '../../src/model/tier.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { published } from './published.js';

/** The table's shape, checked strictly so a misspelt field fails instead of being ignored. */
const known = <T extends z.ZodType>(t: T) => z.union([t, z.literal('unknown')]);
const CaseSchema = z.strictObject({
  name: z.string(),
  country: z.string().regex(/^[A-Z]{3}$/),
  report_year: z.number().int(),
  source: z.enum(['ledger', 'table']),
  options: z.strictObject({ ruleF: z.enum(RULE_F_READINGS).optional(), specialCaseBreaksRun: z.boolean().optional() }).optional(),
  history: z.record(z.string().regex(/^\d{4}$/), z.enum(TIERS)),
  missing: z.array(z.number().int()).optional(),
  expected: z.strictObject({
    consecutiveWatchListYears: known(z.number()).optional(),
    countedWatchListYears: known(z.number()).optional(),
    waiverYearsUsed: known(z.number()).optional(),
    waiverYearsAllowed: z.number().optional(),
    ruleF: known(z.boolean()).optional(),
    watchListPlacement: z.enum(['allowed', 'needs-waiver', 'barred', 'unavailable', 'unknown']).optional(),
    earliestDowngradeYear: known(z.number()).nullable().optional(),
    unknownYears: z.array(z.number()).optional(),
  }),
  note: z.string().optional(),
  citations: z.array(z.string()).min(1),
});

const cases = z.array(CaseSchema).parse(parse(readFileSync(join(PACKAGE_ROOT, 'test', 'history', 'worked-examples.yaml'), 'utf8')));

describe('worked examples (tvpa-rules.md §4.5)', () => {
  test('the table covers the examples the spec names', () => {
    const names = cases.map((c) => `${c.country} ${c.report_year}`);
    for (const needed of ['VEN 2011', 'VEN 2014', 'CHN 2013', 'CHN 2017', 'RUS 2013', 'THA 2014', 'NIC 2020', 'MYS 2021', 'MYS 2024', 'SAU 2019', 'CUB 2019', 'DZA 2020', 'SDN 2019', 'SDN 2020', 'CHN 2009', 'UZB 2013']) {
      expect(names).toContain(needed);
    }
  });

  for (const c of cases) {
    test(`${c.name}`, () => {
      const tiers = Object.fromEntries(Object.entries(c.history).map(([y, t]) => [Number(y), t]));
      let history;
      if (c.source === 'ledger') {
        history = countryHistory(published(), c.country);
        // The table's history is what the published ledger says.
        for (const [y, tier] of Object.entries(tiers)) expect(history.years.get(Number(y))?.tier, `${c.country} ${y}`).toBe(tier);
        for (const y of c.missing ?? []) expect(history.years.has(y), `${c.country} ${y} missing`).toBe(false);
      } else {
        history = historyFromTiers(c.country, tiers);
      }
      const clock = computeClock(history, c.report_year, c.options ?? {});
      const e = c.expected;
      const got: Record<string, unknown> = {
        consecutiveWatchListYears: clock.consecutiveWatchListYears,
        countedWatchListYears: clock.countedWatchListYears,
        waiverYearsUsed: clock.waiverYearsUsed,
        waiverYearsAllowed: clock.waiverYearsAllowed,
        ruleF: clock.ruleF.applies,
        watchListPlacement: clock.watchListPlacement,
        earliestDowngradeYear: clock.earliestDowngradeYear,
        unknownYears: clock.unknownYears,
      };
      for (const [k, v] of Object.entries(e)) expect(got[k], k).toEqual(v);
      // Every outcome cites the provision as numbered that year.
      const y = c.report_year;
      const pin = y < 2004 ? 'sec. 6(e)' : y < 2009 ? 'sec. 107(a)' : y < 2014 ? '(b)(3)(D)-(E)' : y < 2019 ? '(b)(2)(D)-(E)' : '(b)(2)(D)-(F)';
      expect(clock.cites.map((x) => x.pinpoint)).toContain(pin);
      expect(clock.explanation).toMatch(/§110\(b\)\([23]\)/);
      expect(clock.ruleF.reading).toBe(c.options?.ruleF ?? 'after-waiver-run');
    });
  }
});
