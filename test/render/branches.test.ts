import { describe, expect, test } from 'vitest';
import { baseEvidence } from '../support/evidence.js';
import { assess, clock, renderAll } from './support.js';

/**
 * Era and branch coverage: each case renders all four drafts and checks that the paragraphs of its
 * branch are there AND that those of the other branches are not. Evidence is baseEvidence (a Tier 2
 * country) with the findings that lead to the tier, and a hand-made Watch List clock.
 */

/** Significant efforts but no increasing efforts: Watch List ground (II). */
const noIncreasingEfforts = { comparison_with_previous_year: { increasing_efforts: false, rationale: 'Despite these efforts, the government did not increase prosecutions or victim assistance from the previous year.' } };
/** Neither fully meets nor significant efforts: Tier 3. */
const noSignificantEfforts = { determination: { fully_meets: false, significant_efforts: false, rationale: 'no significant efforts in the reporting period' } };
const fullyMeets = { determination: { fully_meets: true, significant_efforts: true, rationale: 'fully meets the minimum standards' } };

describe('Tier 3 country (no significant efforts, 2010 report, Tier 3 last year too)', async () => {
  const evidence = baseEvidence(2010, noSignificantEfforts);
  const a = await assess(evidence, { clock: clock(2010), previousTier: '3' });
  const d = renderAll(a, evidence);

  test('the assessment is Tier 3 with no change', () => {
    expect(a.tier).toBe('3');
    expect(a.tierChange).toBe('same');
  });
  test('narrative: Tier 3 header and the no-significant-efforts sentence, no Watch List sentence', () => {
    expect(d.narrative).toMatch(/^TESTLAND \(TIER 3\)\n/);
    expect(d.narrative).toContain('The government does not fully comply with the minimum standards for the elimination of trafficking and is not making significant efforts to do so.');
    expect(d.narrative).not.toContain('Tier 2 Watch List');
    expect(d.narrative).not.toContain('however, it is making significant efforts');
  });
  test('demarche: action-plan and 90-day reassessment paragraphs, no lowered-tier paragraph', () => {
    expect(d.demarche).toContain('6. Action Request continued: Please note that, for those countries which will not receive an "action plan"');
    expect(d.demarche).toContain('7. Action Request continued: As a Tier 3 country, Testland may be subject to statutory restrictions on non-humanitarian, non-trade-related foreign assistance for fiscal year 2011.');
    // The test settings release on June 20: 45 and 90 days later.
    expect(d.demarche).toContain('between August 4, 2010 and September 18, 2010');
    expect(d.demarche).toContain('take strong action within 90 days of the Report');
    expect(d.demarche).not.toContain('has lowered');
    // The cable's paragraph 6 says nothing more on action plans (22 U.S.C. 7107(b)(4) is not in force in 2010).
    expect(d.demarche).not.toContain('G/TIP will provide Post');
    // Paragraph numbers follow: the press action request moves to 8, and ¶1 says so.
    expect(d.demarche).toContain('1. This is an action cable; see paras 5 through 8 and 11.');
    expect(d.demarche).toContain('8. Action Request continued: On June 20, please be prepared');
    expect(d.demarche).toContain('12. The following is press guidance');
  });
  test('press: "again given a ranking of Tier 3"', () => {
    expect(d.press).toContain('Q1: Why was Testland again given a ranking of Tier 3?');
  });
});

describe('automatic downgrade (2011 report, Venezuela style: Watch List 2007-2010)', async () => {
  const evidence = baseEvidence(2011, noIncreasingEfforts);
  const c = clock(2011, { consecutiveWatchListYears: 4, countedWatchListYears: 2, waiverYearsUsed: 0, watchListPlacement: 'needs-waiver', earliestDowngradeYear: 2011 });
  const a = await assess(evidence, { clock: c, previousTier: '2WL' });
  const d = renderAll(a, evidence);

  test('the clock downgrades the Watch List country to Tier 3', () => {
    expect(a.tier).toBe('3');
    expect(a.tierBeforeClock).toBe('2WL');
    expect(a.clockEffect).toBe('automatic-downgrade');
    expect(a.tierChange).toBe('downgrade');
  });
  test('narrative: the 2011 sentence, with the count from the clock', () => {
    expect(d.narrative).toMatch(/^TESTLAND \(TIER 3\)\n/);
    expect(d.narrative).toContain('however, it is making significant efforts to do so. Despite these efforts, the government did not increase prosecutions or victim assistance from the previous year. Testland has been placed on Tier 2 Watch List for the last four consecutive years. Therefore, pursuant to Section 107 of the 2008 TVPRA, Testland is deemed not to be making significant efforts to comply with the minimum standards and is placed on Tier 3.');
    expect(d.narrative).not.toContain('is placed on Tier 2 Watch List');
    expect(d.narrative).not.toContain('was granted a waiver');
  });
  test('demarche: lowered-tier paragraph, action plan and Tier 3 reassessment', () => {
    expect(d.demarche).toContain("6. Action Request continued: The Department has lowered Testland's tier ranking from Tier 2 Watch List in the 2010 Report to Tier 3 in the 2011 Report.");
    expect(d.demarche).toContain('7. Action Request continued: Please note that, for those countries which will not receive an "action plan"');
    expect(d.demarche).toContain('8. Action Request continued: As a Tier 3 country');
    expect(d.demarche).toContain('1. This is an action cable; see paras 5 through 9 and 12.');
  });
  test('press and non-paper: the tier went down, the law is in force', () => {
    expect(d.press).toContain('Q1: Why was Testland downgraded from Tier 2 Watch List to Tier 3?');
    expect(d.nonpaper).toContain('-- Testland had been on Tier 2 Watch List for the last four consecutive years and, as the TVPA requires, is ranked Tier 3 in the 2011 Report.');
    expect(d.nonpaper).toContain('The President may waive this requirement for up to two additional years');
    expect(d.nonpaper).not.toContain('The new law allows');
    expect(d.nonpaper).not.toContain('one additional year only');
  });
});

describe('waiver year (2019 report, Nicaragua style: Watch List 2017-2018)', async () => {
  const evidence = baseEvidence(2019, {
    ...noIncreasingEfforts,
    waiver: { written_plan: true, plan_would_constitute_significant_efforts: true, sufficient_resources: true, granted: true },
  });
  const c = clock(2019, { consecutiveWatchListYears: 2, countedWatchListYears: 2, waiverYearsUsed: 0, waiverYearsAllowed: 1, watchListPlacement: 'needs-waiver', earliestDowngradeYear: 2019 });
  const a = await assess(evidence, { clock: c, previousTier: '2WL' });
  const d = renderAll(a, evidence);

  test('the waiver keeps the country on the Watch List', () => {
    expect(a.tier).toBe('2WL');
    expect(a.clockEffect).toBe('waiver');
  });
  test('narrative: the 2019 waiver sentences, "fully meet" wording', () => {
    expect(d.narrative).toMatch(/^TESTLAND: TIER 2 WATCH LIST\n\nThe government does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so\./);
    expect(d.narrative).toContain(
      'Because the government has devoted sufficient resources to a written plan that, if implemented, would constitute significant efforts to meet the minimum standards, Testland was granted a waiver per the Trafficking Victims Protection Act from an otherwise required downgrade to Tier 3. Therefore Testland remained on Tier 2 Watch List for the third consecutive year.',
    );
    expect(d.narrative).not.toContain('comply with');
    expect(d.narrative).not.toContain('; therefore, Testland is placed on Tier 2 Watch List');
  });
  test('non-paper: one waiver year, rule (F), concrete actions; the last waiver year', () => {
    expect(d.nonpaper).toContain('may waive this requirement for one additional year only');
    expect(d.nonpaper).toContain('may not then be included on Tier 2 Watch List for more than one consecutive year');
    expect(d.nonpaper).toContain('Since the 2019 Report, a Tier 1 or Tier 2 ranking must be based only on concrete actions');
    expect(d.nonpaper).toContain('This is the last waiver year the law allows in this run: unless Testland qualifies for Tier 2 or Tier 1 in the 2020 Report, it will be ranked Tier 3.');
    expect(d.nonpaper).toContain('for which (1) the estimated number of victims of severe forms of trafficking is very significant or is significantly increasing and the country is not taking proportional concrete actions; or (2) there is a failure');
    expect(d.nonpaper).not.toContain('up to two additional years');
    expect(d.nonpaper).not.toContain('commitments to take additional future steps over the next year');
    expect(d.nonpaper).not.toContain('significant number');
  });
  test('demarche: action plan, no Tier 3 paragraph, not lowered', () => {
    expect(d.demarche).toContain('6. Action Request continued: Please note that, for those countries which will not receive an "action plan"');
    expect(d.demarche).not.toContain('As a Tier 3 country');
    expect(d.demarche).not.toContain('has lowered');
  });
});

describe('upgrade (2012 report: Tier 3 last year, Tier 2 now)', async () => {
  // Practice puts a country upgraded out of Tier 3 on the Watch List (rules/practice/upgrade-from-tier-3.yaml);
  // this branch is the analyst departing from it.
  const evidence = baseEvidence(2012, {
    determination: { fully_meets: false, significant_efforts: true, rationale: 'increasing efforts and no Watch List ground', departs_from_practice: ['practice.upgrade-from-tier-3'] },
  });
  const a = await assess(evidence, { clock: clock(2012), previousTier: '3' });
  const d = renderAll(a, evidence);

  test('the assessment is an upgrade to Tier 2', () => {
    expect(a.tier).toBe('2');
    expect(a.tierChange).toBe('upgrade');
  });
  test('narrative and press say "upgraded"', () => {
    // The 2009-2016 reports print no "therefore" sentence for a move between Tier 2 and Tier 3; the header says the tier.
    expect(d.narrative).toMatch(/^TESTLAND \(TIER 2\)\n/);
    expect(d.narrative).toContain('however, it is making significant efforts to do so.');
    expect(d.narrative).not.toMatch(/therefore|upgraded to/i);
    expect(d.press).toContain('Q1: Why was Testland upgraded from Tier 3 to Tier 2?');
    expect(d.press).not.toContain('again given a ranking');
  });
  test('demarche: no action plan, no lowered-tier or Tier 3 paragraph', () => {
    expect(d.demarche).toContain('6. Action Request continued: Please note that, for those countries which will not receive an "action plan" with specific recommendations for improvement, posts should draw');
    expect(d.demarche).not.toContain('has lowered');
    expect(d.demarche).not.toContain('As a Tier 3 country');
    expect(d.demarche).toContain('1. This is an action cable; see paras 5 through 7 and 10.');
  });
});

describe('lowered from Tier 2 to Tier 2 Watch List (2010 report)', async () => {
  const evidence = baseEvidence(2010, noIncreasingEfforts);
  const c = clock(2010, { consecutiveWatchListYears: 0, countedWatchListYears: 0, earliestDowngradeYear: 2012 });
  const a = await assess(evidence, { clock: c, previousTier: '2' });
  const d = renderAll(a, evidence);

  test('narrative: "placed on Tier 2 Watch List" (the 2009-2016 formula); the first Watch List year is not counted aloud', () => {
    expect(a.tier).toBe('2WL');
    expect(d.narrative).toContain('; therefore, Testland is placed on Tier 2 Watch List.');
    expect(d.press).toContain('; therefore, Testland is placed on Tier 2 Watch List.');
    expect(d.press).toContain('Q1: Why was Testland downgraded from Tier 2 to Tier 2 Watch List?');
    expect(d.press).not.toContain('consecutive year');
  });
  test('demarche: the lowered-tier paragraph is there', () => {
    expect(d.demarche).toContain("6. Action Request continued: The Department has lowered Testland's tier ranking from Tier 2 in the 2009 Report to Tier 2 Watch List in the 2010 Report.");
  });
  test('non-paper: counting years, first counted year, earliest downgrade 2012', () => {
    expect(d.nonpaper).toContain('at the earliest, in the 2011 TIP Report');
    expect(d.nonpaper).toContain('The law allows for a waiver of this provision for up to two additional years');
    expect(d.nonpaper).toContain("the 2010 placement is Testland's first Tier 2 Watch List year counted toward the automatic downgrade; if Testland remains on Tier 2 Watch List, the downgrade to Tier 3 could apply, at the earliest, in the 2012 Report.");
  });
});

describe('rule (F) (2024 report, Malaysia style)', async () => {
  const evidence = baseEvidence(2024, noIncreasingEfforts);
  const c = clock(2024, { consecutiveWatchListYears: 1, countedWatchListYears: 1, ruleF: { applies: true, reading: 'after-waiver-run', explanation: 'test' }, watchListPlacement: 'barred', earliestDowngradeYear: 2025 });
  const a = await assess(evidence, { clock: c, previousTier: '2WL' });
  const d = renderAll(a, evidence);

  test('rule (F) bars the second Watch List year', () => {
    expect(a.tier).toBe('3');
    expect(a.clockEffect).toBe('rule-f');
    expect(d.narrative).toContain('it may not be included on Tier 2 Watch List for more than one consecutive year; therefore, pursuant to the Trafficking Victims Protection Act, as amended, Testland was downgraded to Tier 3.');
    expect(d.narrative).not.toContain('Section 107 of the 2008 TVPRA');
    expect(d.nonpaper).toContain('was on Tier 2 Watch List again in the 2023 Report');
  });
});

describe('upgrade from Tier 3 to Tier 2 Watch List (2020 report): the (b)(4) action plan', async () => {
  const evidence = baseEvidence(2020, noIncreasingEfforts);
  const a = await assess(evidence, { clock: clock(2020), previousTier: '3' });
  const d = renderAll(a, evidence);
  test('the demarche gives the 180-day deadline; the press says "upgraded"', () => {
    expect(a.tier).toBe('2WL');
    expect(d.demarche).toContain("Because Testland was upgraded from Tier 3 to Tier 2 Watch List, the TVPA requires an action plan for Testland to be prepared and presented within 180 days of the Report's release.");
    expect(d.press).toContain('Q1: Why was Testland upgraded from Tier 3 to Tier 2 Watch List?');
    expect(d.narrative).toContain('; therefore Testland was upgraded to Tier 2 Watch List.');
  });
  test('not for a Watch List country that was on the Watch List last year', async () => {
    const again = await assess(evidence, { clock: clock(2020, { consecutiveWatchListYears: 1, countedWatchListYears: 1 }), previousTier: '2WL' });
    expect(renderAll(again, evidence).demarche).not.toContain('180 days');
  });
});

describe('Tier 3 before the first determinations (2002 report)', async () => {
  const evidence = baseEvidence(2002, noSignificantEfforts);
  const a = await assess(evidence, { clock: null, previousTier: '3' });
  const d = renderAll(a, evidence);
  test('no reassessment paragraph and no 90-day window; restrictions from the 2003 Report', () => {
    expect(a.tier).toBe('3');
    expect(d.demarche).not.toContain('As a Tier 3 country');
    expect(d.demarche).toContain('Please note that, for those countries which will not receive an "action plan"');
    expect(d.nonpaper).toContain('-- Beginning with the Report submitted in 2003, countries classified as Tier 3 may be subject to statutory restrictions');
    expect(d.nonpaper).not.toContain('90 days');
  });
});

describe('eras of the non-paper and the narrative wording', () => {
  test('before 2004: no Watch List, no Special Watch List, the "significant number" scope', async () => {
    const evidence = baseEvidence(2002);
    const d = renderAll(await assess(evidence, { clock: null, previousTier: null }), evidence);
    expect(d.nonpaper).toContain('destination for a significant number of victims of severe forms of trafficking');
    expect(d.nonpaper).not.toContain('Watch List');
    expect(d.nonpaper).not.toContain('automatic downgrade');
    expect(d.press).toContain('Q1: Why was Testland placed on Tier 2?');
  });
  test('2004-2008: the Watch List with three grounds and no downgrade', async () => {
    const evidence = baseEvidence(2006, noIncreasingEfforts);
    const d = renderAll(await assess(evidence, { clock: clock(2006), previousTier: '2WL' }), evidence);
    expect(d.nonpaper).toContain('Tier 2 Watch List consists of Tier 2 countries for which (1) the absolute number');
    expect(d.nonpaper).toContain('or (3) the determination that the country is making significant efforts was based on its commitments');
    expect(d.nonpaper).not.toContain('automatic downgrade');
    expect(d.nonpaper).not.toContain('waive');
    expect(d.nonpaper).not.toContain('counted toward');
  });
  test('"comply" through the 2015 report, "meet" from 2016 (data/narrative-layouts.yaml)', async () => {
    for (const [year, word] of [[2015, 'does not fully comply with the minimum standards'], [2016, 'does not fully meet the minimum standards']] as const) {
      const evidence = baseEvidence(year);
      const d = renderAll(await assess(evidence, { clock: clock(year), previousTier: '2' }), evidence);
      expect(d.narrative).toContain(`The government ${word} for the elimination of trafficking; however, it is making significant efforts to do so.`);
      expect(d.narrative).not.toContain(year === 2015 ? 'fully meet' : 'fully comply');
    }
  });
  test('Tier 1 (2015): fully complies, the trade-agreement limit is in the non-paper', async () => {
    const evidence = baseEvidence(2015, fullyMeets);
    const d = renderAll(await assess(evidence, { clock: clock(2015), previousTier: '1' }), evidence);
    expect(d.narrative).toMatch(/^TESTLAND: TIER 1\n/);
    expect(d.narrative).toContain('The government fully complies with the minimum standards for the elimination of trafficking.');
    expect(d.nonpaper).toContain('Trade authorities procedures also do not apply');
  });
  test('no ledger given: no Watch List count is printed', async () => {
    const evidence = baseEvidence(2009, noIncreasingEfforts);
    const a = await assess(evidence, { clock: null, previousTier: null });
    const d = renderAll(a, evidence);
    expect(a.tier).toBe('2WL');
    expect(d.press).toContain('Q1: Why was Testland placed on Tier 2 Watch List?');
    expect(d.press).not.toContain('consecutive year');
    expect(d.nonpaper).not.toContain('counted toward the automatic downgrade;');
  });
});

describe('statutory Tier 3 from 2019: the narrative says why, not only "no significant efforts"', async () => {
  const significant = { determination: { fully_meets: false, significant_efforts: true, rationale: 'the analyst found significant efforts' } };
  const policy = {
    ...significant,
    state_labor: [{ program: 'medical_missions', kind: 'forced_labor', description: 'medical missions abroad', goods: [], government_policy_or_pattern: true, sources: [] }],
  };
  const commitments = { ...significant, efforts_basis: { concrete_actions: true, rests_on_commitments: true, commitments: ['adopt a law next year'] } };

  test('a policy or pattern of forced labor is named as proof of failure (22 U.S.C. 7107(b)(3)(B))', async () => {
    const evidence = baseEvidence(2020, policy);
    const d = renderAll(await assess(evidence, { clock: clock(2020), previousTier: '3' }), evidence);
    expect(d.narrative).toContain('is not making significant efforts to do so. There was a government policy or pattern of forced labor, which the Trafficking Victims Protection Act, as amended, treats as proof of failure to make significant efforts. Therefore Testland remained on Tier 3.');
    expect(d.narrative).not.toContain('rested on commitments');
  });

  test('significant efforts resting on commitments cannot support Tier 2', async () => {
    const evidence = baseEvidence(2021, commitments);
    const d = renderAll(await assess(evidence, { clock: clock(2021), previousTier: '2' }), evidence);
    expect(d.narrative).toContain('rested on commitments to take additional steps over the next year');
    expect(d.narrative).not.toContain('policy or pattern');
  });

  test('the same policy-or-pattern finding in 2018 has no such sentence (the provision is not in force)', async () => {
    const evidence = baseEvidence(2018, policy);
    const d = renderAll(await assess(evidence, { clock: clock(2018), previousTier: '2' }), evidence);
    expect(d.narrative).not.toContain('policy or pattern');
    expect(d.narrative).toContain('however, it is making significant efforts to do so. The government demonstrated increasing efforts compared to the previous reporting period; therefore Testland remained on Tier 2.');
  });
});

describe('a Report posted online with no release event (2025, release_event: false in data/report-years.yaml)', async () => {
  const { resolveReportYear } = await import('../../src/report-year/resolve.js');
  const posted = baseEvidence(2025);
  const a2025 = await assess(posted, { clock: clock(2025), previousTier: '2' });
  const d2025 = renderAll(a2025, posted, 'text', resolveReportYear(2025));
  const evented = baseEvidence(2024);
  const a2024 = await assess(evented, { clock: clock(2024), previousTier: '2' });
  const d2024 = renderAll(a2024, evented, 'text', resolveReportYear(2024));

  test('2025: the demarche and the non-paper say the Report is posted, and speak of no event, press conference or Secretary\'s release', () => {
    expect(d2025.demarche).toContain('the Department will post the 2025 Trafficking in Persons (TIP) Report on its website; there will be no release event.');
    expect(d2025.demarche).toContain("should not precede the Report's posting at");
    expect(d2025.nonpaper).toContain('the Department of State will post the twenty-fifth annual TIP Report on its website; there will be no release event.');
    for (const text of [d2025.demarche, d2025.nonpaper]) {
      expect(text).not.toContain('press conference');
      expect(text).not.toContain('public event');
      expect(text).not.toContain("Secretary's release");
      expect(text).not.toContain('press event');
    }
  });

  test('2024: the customary release event', () => {
    expect(d2024.demarche).toContain('the Secretary will release the 2024 Trafficking in Persons (TIP) Report');
    expect(d2024.nonpaper).toContain('the Secretary of State will release the twenty-fourth annual TIP Report in a public event at the State Department');
    expect(d2024.demarche).not.toContain('no release event');
  });
});
