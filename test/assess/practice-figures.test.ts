import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { PACKAGE_ROOT, RULES_DIR } from '../../src/paths.js';

/**
 * The figures rules/practice/upgrade-from-tier-3.yaml cites, recomputed from the published tier
 * placements: of the countries on Tier 3 in one report and on Tier 1, 2 or the Watch List in the
 * next, how many went to the Watch List.
 */
const rows = (parse(readFileSync(join(PACKAGE_ROOT, '..', 'shared', 'data', 'tip-tiers.csv')), { columns: true }) as { iso3: string; year: string; tier: string }[]).map(
  (r) => ({ iso3: r.iso3, year: Number(r.year), tier: r.tier }),
);
const tierOf = new Map(rows.map((r) => [`${r.iso3}:${r.year}`, r.tier]));

function exitsFromTier3(from: number, to: number): { toWatchList: number; all: number; others: string[] } {
  let toWatchList = 0;
  let all = 0;
  const others: string[] = [];
  for (const r of rows) {
    if (r.year < from || r.year > to || tierOf.get(`${r.iso3}:${r.year - 1}`) !== '3') continue;
    if (!['1', '2', '2WL'].includes(r.tier)) continue;
    all++;
    if (r.tier === '2WL') toWatchList++;
    else others.push(`${r.iso3} ${r.year} (Tier ${r.tier})`);
  }
  return { toWatchList, all, others };
}

const ruleText = readFileSync(join(RULES_DIR, 'practice', 'upgrade-from-tier-3.yaml'), 'utf8');

describe('the record behind the practice rule "upgrade out of Tier 3 -> Watch List"', () => {
  test.each([
    [2019, 2025, 28, 28],
    [2009, 2018, 33, 34],
    [2004, 2008, 20, 29],
  ])('%i-%i reports: %i of %i exits from Tier 3 went to the Watch List, as the rule file says', (from, to, wl, all) => {
    const got = exitsFromTier3(from, to);
    expect({ toWatchList: got.toWatchList, all: got.all }).toEqual({ toWatchList: wl, all });
    expect(ruleText).toContain(`${from}-${to} reports: ${wl} of ${all}`);
  });

  test('the one exception of 2009-2018 is the one the rule file names (Oman, 2009)', () => {
    expect(exitsFromTier3(2009, 2018).others).toEqual(['OMN 2009 (Tier 2)']);
    expect(ruleText).toContain('Oman, 2009');
  });
});
