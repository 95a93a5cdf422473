import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { checkHistory } from '../../src/history/check.js';
import { computeClock, RULE_F_READINGS, type RuleFReading } from '../../src/history/clock.js';
import { historyFromTiers } from '../../src/ledger/history.js';
import { parseLedger } from '../../src/ledger/ledger.js';
import { LAST_REPORT_YEAR, type Tier } from '../../src/model/tier.js';
import { baseEvidence } from '../support/evidence.js';
import { LAW } from '../support/law.js';

/**
 * Model-based: the engine assesses a country year after year, each year with an arbitrary
 * substantive decision and an arbitrary waiver grant, and writes each tier into the ledger as
 * `tip record` would. Whatever the decisions, the ledger it produces must check clean: the
 * engine never makes a placement the statute forbids, nor a Watch List year needing a waiver it
 * did not record. Run under every reading of rule (F).
 */

const DECISIONS = ['tier-1', 'tier-2', 'watch-list', 'tier-3', 'special'] as const;
type Decision = (typeof DECISIONS)[number];

function patchFor(decision: Decision, waiver: boolean): unknown {
  const waiverBlock = { written_plan: waiver, plan_would_constitute_significant_efforts: waiver, sufficient_resources: waiver, granted: waiver };
  switch (decision) {
    case 'tier-1':
      return { determination: { fully_meets: true, significant_efforts: true, rationale: 'full compliance' } };
    case 'tier-2':
      return { determination: { fully_meets: false, significant_efforts: true, rationale: 'significant efforts' } };
    case 'watch-list':
      return {
        determination: { fully_meets: false, significant_efforts: true, rationale: 'significant efforts' },
        comparison_with_previous_year: { increasing_efforts: false, rationale: 'no increase' },
        waiver: waiverBlock,
      };
    case 'tier-3':
      return { determination: { fully_meets: false, significant_efforts: false, rationale: 'no significant efforts' } };
    case 'special':
      return { special_case: { reason: 'no government control' } };
  }
}

const yearPlan = fc.record({
  decision: fc.constantFrom(...DECISIONS).filter((d) => d !== 'special'),
  waiver: fc.boolean(),
});
const plan = fc.record({
  start: fc.integer({ min: 2001, max: 2022 }),
  years: fc.array(fc.oneof({ weight: 12, arbitrary: yearPlan }, { weight: 1, arbitrary: fc.constant({ decision: 'special' as Decision, waiver: false }) }), { minLength: 1, maxLength: 14 }),
  reading: fc.constantFrom(...RULE_F_READINGS),
});

async function produce(start: number, years: { decision: Decision; waiver: boolean }[], reading: RuleFReading) {
  const tiers: Record<number, Tier> = {};
  const waivers: number[] = [];
  let year = start;
  for (const { decision, waiver } of years) {
    if (year > LAST_REPORT_YEAR) break; // no evidence can be written for a later report
    const history = historyFromTiers('TST', tiers, waivers);
    const clock = computeClock(history, year, LAW, { ruleF: reading });
    const effective = decision === 'special' && year < 2003 ? 'tier-2' : decision;
    const a = await assessEvidence(baseEvidence(year, patchFor(effective, waiver)), { clock, previousTier: tiers[year - 1] ?? null });
    tiers[year] = a.tier;
    if (a.clockEffect === 'waiver') waivers.push(year);
    year++;
  }
  const rows = Object.entries(tiers).map(([y, t]) => `TST,${y},${t},${waivers.includes(Number(y)) ? 'true' : ''}`);
  return { tiers, text: `iso3,year,tier,waiver\n${rows.join('\n')}\n` };
}

describe('histories the engine produces', () => {
  test('are never flagged by check-history (violations or missing waivers), under every reading of (F)', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async ({ start, years, reading }) => {
        const { text } = await produce(start, years, reading);
        const result = checkHistory(parseLedger(text, 'produced.csv'), LAW, { ruleF: reading });
        expect(result.violations).toEqual([]);
        expect(result.warnings).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  test('a Watch List decision every year from 2009 ends in Tier 3 by the third counted year without waivers', async () => {
    const { tiers } = await produce(2009, Array.from({ length: 4 }, () => ({ decision: 'watch-list' as Decision, waiver: false })), 'after-waiver-run');
    expect(tiers).toEqual({ 2009: '2WL', 2010: '2WL', 2011: '3', 2012: '2WL' });
  });

  test('with waivers granted: 2 + 2 years under the 2008 law, 2 + 1 from 2019', async () => {
    const wl = (n: number) => Array.from({ length: n }, () => ({ decision: 'watch-list' as Decision, waiver: true }));
    expect((await produce(2009, wl(5), 'after-waiver-run')).tiers).toEqual({ 2009: '2WL', 2010: '2WL', 2011: '2WL', 2012: '2WL', 2013: '3' });
    expect((await produce(2019, wl(4), 'after-waiver-run')).tiers).toEqual({ 2019: '2WL', 2020: '2WL', 2021: '2WL', 2022: '3' });
  });
});
