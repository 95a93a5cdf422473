import { describe, expect, test } from 'vitest';
import { lawOfYear } from '../../src/render/law.js';
import { clockLaw } from '../../src/history/clock/law.js';
import { LAW } from '../support/law.js';
import { bundledCorpus, inForce } from '../../src/rules/corpus.js';

/** The law the non-paper explains, per era, read from the rule corpus. */
describe('lawOfYear', () => {
  test('2001-2003: no Watch List, the "significant number" scope', () => {
    const law = lawOfYear(2003);
    expect(law.watchList).toBe(false);
    expect(law.watchListGrounds).toEqual([]);
    expect(law.scope).toBe('significant-number');
    expect(law.downgrade).toBe('none');
  });
  test('2004-2008: the Watch List with three grounds, no downgrade', () => {
    const law = lawOfYear(2006);
    expect(law.watchList).toBe(true);
    expect(law.watchListGrounds.map((g) => [g.ground, g.number])).toEqual([['I', 1], ['II', 2], ['III', 3]]);
    expect(law.watchListGrounds[0]!.text).toMatch(/^the absolute number/);
    expect(law.downgrade).toBe('none');
    expect(law.waiverYears).toBeNull();
  });
  test('2009: threshold removed this year, counting years, downgrade first possible in 2011, two waiver years', () => {
    const law = lawOfYear(2009);
    expect(law.scope).toBe('threshold-removed-this-year');
    expect(law.downgrade).toBe('counting');
    expect(law.firstCountedYears).toEqual([2009, 2010]);
    expect(law.earliestDowngradeYear).toBe(2011);
    expect(law.waiverYears).toBe(2);
    expect(law.amended2019).toBe(false);
    expect(law.groundIProportional).toBe(false);
  });
  test('2011-2018: the downgrade in force', () => {
    const law = lawOfYear(2013);
    expect(law.scope).toBe('no-threshold');
    expect(law.downgrade).toBe('in-force');
    expect(law.waiverYears).toBe(2);
    expect(law.ruleF).toBe(false);
    expect(law.tradeAgreementLimit).toBe(false);
    expect(lawOfYear(2015).tradeAgreementLimit).toBe(true);
  });
  test('2019-: one waiver year, rule (F), concrete actions, ground (III) gone, ground (I) reads proportional concrete actions', () => {
    const law = lawOfYear(2019);
    expect(law.waiverYears).toBe(1);
    expect(law.ruleF).toBe(true);
    expect(law.concreteActions).toBe(true);
    expect(law.concreteActionsFrom).toBe(2019);
    expect(law.watchListGrounds.map((g) => g.ground)).toEqual(['I', 'II']);
    expect(law.watchListGrounds[0]!.text).toMatch(/^the estimated number .* proportional concrete actions$/);
    expect(law.groundIProportional).toBe(true);
    expect(law.amended2019).toBe(true);
  });
  test('the flags follow the rule corpus, year by year', () => {
    const corpus = bundledCorpus();
    const inForceId = (id: string, y: number) => corpus.rules.some((r) => r.id === id && inForce(r, y));
    for (let y = 2001; y <= 2030; y++) {
      const law = lawOfYear(y, corpus);
      expect(law.watchList).toBe(inForceId('22usc7107.b.2.A.iii', y));
      expect(law.ruleF).toBe(inForceId('22usc7107.b.2.F', y));
      expect(law.concreteActions).toBe(inForceId('22usc7107.b.1.B.commitments-excluded', y));
      expect(law.downgrade !== 'none').toBe(inForceId('22usc7107.b.2.D.i', y));
      expect(law.waiverYears !== null).toBe(inForceId('22usc7107.b.2.D.ii', y));
    }
  });
  test('parameters from the corpus: determination window, interim assessment, fiscal year, (b)(4) action plans', () => {
    expect(lawOfYear(2002).tier3Window).toBeNull();
    expect(lawOfYear(2002).tier3RestrictionsFrom).toBe(2003);
    expect(lawOfYear(2003).tier3Window).toEqual({ minDays: 45, maxDays: 90 });
    expect(lawOfYear(2003).interimAssessmentDue).toBeNull();
    expect(lawOfYear(2009).interimAssessmentDue).toBe('February 1');
    expect(lawOfYear(2009).restrictionsFiscalYearOffset).toBe(1);
    expect(lawOfYear(2018).upgradeActionPlanDays).toBeNull();
    expect(lawOfYear(2019).upgradeActionPlanDays).toBe(180);
  });
  test('--effective overrides move the law with the assessment', () => {
    expect(lawOfYear(2018, undefined, { '22usc7107.b.2.F': { from: 2018 } }).ruleF).toBe(true);
    // The "as amended" citation follows the first year of rule (F), which the 2019 amendments added.
    expect(lawOfYear(2018, undefined, { '22usc7107.b.2.F': { from: 2018 } }).amended2019).toBe(true);
  });
  test('the January 2019 amendments and ground (I) follow the rule files, not year literals', () => {
    const corpus = bundledCorpus();
    const ruleFFrom = Math.min(...corpus.rules.filter((r) => r.id === '22usc7107.b.2.F').map((r) => r.effective.from));
    const groundI = (y: number) => corpus.rules.find((r) => r.id === '22usc7107.b.2.A.iii.I' && inForce(r, y));
    for (let y = 2001; y <= 2030; y++) {
      const law = lawOfYear(y, corpus);
      expect(law.amended2019).toBe(y >= ruleFFrom);
      expect(law.groundIProportional).toBe(JSON.stringify(groundI(y)?.conditions ?? null).includes('proportionalConcreteActions'));
    }
  });
  test('the waiver years the drafts explain are the ones the clock applies', () => {
    for (const year of [2009, 2012, 2018, 2019, 2024]) expect(lawOfYear(year).waiverYears).toBe(clockLaw(LAW).at(year).waiverYears || null);
    expect(lawOfYear(2012).waiverYears).toBe(2);
    expect(lawOfYear(2020).waiverYears).toBe(1);
  });
});
