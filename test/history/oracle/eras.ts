import type { Cite } from '../../../src/rules/schema.js';

/**
 * The dates of the Watch List clock, in one place, each with its source.
 * Years are report years (the June report).
 */

const USC_7107 = 'https://www.law.cornell.edu/uscode/text/22/7107';
const TVPRA_2003 = 'https://www.congress.gov/bill/108th-congress/house-bill/2620';
const TVPRA_2008 = 'https://www.congress.gov/bill/110th-congress/house-bill/7311';
const FDTVPRA_2018 = 'https://www.congress.gov/bill/115th-congress/house-bill/2200';
const TVPRA_2017 = 'https://www.congress.gov/bill/115th-congress/senate-bill/1862';

/**
 * First report with a Tier 2 Watch List: the TVPRA of 2003 (Pub. L. 108-193, Dec 19, 2003) added
 * the special watch list, then §110(b)(3)(A)(iii); first applied in the 2004 report.
 */
export const WATCH_LIST_FIRST_REPORT = 2004;

/**
 * First report whose Watch List year counts toward the automatic downgrade: the count runs from
 * "after December 23, 2008" (TVPRA 2008, Pub. L. 110-457, §107(a); 22 U.S.C. 7107(b)(2)(D)(i)),
 * i.e. from the 2009 report. Earlier Watch List years never count.
 */
export const COUNTING_FIRST_REPORT = 2009;

/** Two counted years trigger the downgrade, so 2011 is the first report in which it can apply. */
export const COUNTED_YEARS_BEFORE_DOWNGRADE = 2;

/**
 * Rule (F), 22 U.S.C. 7107(b)(2)(F), added by Pub. L. 115-425 §203(1)(B) (Jan 8, 2019):
 * first applies in the 2019 report.
 */
export const RULE_F_FIRST_REPORT = 2019;

/**
 * The special watch list paragraph was §110(b)(3) in State Department documents through June
 * 2013 and §110(b)(2) from the February 2014 interim assessment on; the
 * renumbering act is UNVERIFIED). Citations follow the report year.
 */
export const RENUMBERED_FROM_REPORT = 2014;

/**
 * Waiver years per Watch List run (22 U.S.C. 7107(b)(2)(D)(ii)): none before counting starts,
 * "up to 2 years" for the 2009-2018 reports (TVPRA 2008 §107(a)), "up to 1 year" from the 2019
 * report (changed by one of the January 2019 acts, most likely Pub. L. 115-427; section UNVERIFIED).
 */
export function waiverYearsAllowed(year: number): number {
  if (year < COUNTING_FIRST_REPORT) return 0;
  if (year < RULE_F_FIRST_REPORT) return 2;
  return 1;
}

/** "§110(b)(3)(D)" before the 2014 report, "§110(b)(2)(D)" from it: the paragraph as then numbered. */
export function paragraphOf(year: number): '(b)(2)' | '(b)(3)' {
  return year >= RENUMBERED_FROM_REPORT ? '(b)(2)' : '(b)(3)';
}

export const CITE_WATCH_LIST_CREATED: Cite = {
  title: 'Trafficking Victims Protection Reauthorization Act of 2003, Pub. L. 108-193 (special watch list, then TVPA 110(b)(3)(A)(iii))',
  pinpoint: 'sec. 6(e)',
  href: TVPRA_2003,
};

export const CITE_COUNT_FROM_2009: Cite = {
  title: 'William Wilberforce Trafficking Victims Protection Reauthorization Act of 2008, Pub. L. 110-457 (count "after December 23, 2008")',
  pinpoint: 'sec. 107(a)',
  href: TVPRA_2008,
};

export const CITE_RULE_F: Cite = {
  title: '22 U.S.C. 7107(b)(2)(F)',
  pinpoint: '(b)(2)(F)',
  href: USC_7107,
};

export const CITE_RULE_F_ACT: Cite = {
  title: 'Frederick Douglass Trafficking Victims Prevention and Protection Reauthorization Act of 2018, Pub. L. 115-425',
  pinpoint: 'sec. 203(1)(B)',
  href: FDTVPRA_2018,
};

export const CITE_ONE_WAIVER_YEAR: Cite = {
  title: 'Trafficking Victims Protection Reauthorization Act of 2017, Pub. L. 115-427 (waiver "for up to 1 year"; section UNVERIFIED)',
  pinpoint: 'waiver period',
  href: TVPRA_2017,
};

/**
 * The provisions of the clock in force in a report year, as then numbered:
 * before 2004 the Watch List did not exist; 2004-2008 it existed without a limit (the count
 * starts with the 2009 report); 2009-2013 §110(b)(3)(D)-(E); 2014-2018 §110(b)(2)(D)-(E);
 * from 2019 §110(b)(2)(D)-(F).
 */
export function clockCites(year: number): Cite[] {
  if (year < WATCH_LIST_FIRST_REPORT) return [CITE_WATCH_LIST_CREATED];
  if (year < COUNTING_FIRST_REPORT) return [CITE_WATCH_LIST_CREATED, CITE_COUNT_FROM_2009];
  if (year < RENUMBERED_FROM_REPORT) {
    return [
      { title: 'TVPA 110(b)(3)(D)-(E) (22 U.S.C. 7107(b)(3)(D)-(E) as then numbered)', pinpoint: '(b)(3)(D)-(E)', href: USC_7107 },
      CITE_COUNT_FROM_2009,
    ];
  }
  if (year < RULE_F_FIRST_REPORT) {
    return [{ title: '22 U.S.C. 7107(b)(2)(D)-(E)', pinpoint: '(b)(2)(D)-(E)', href: USC_7107 }, CITE_COUNT_FROM_2009];
  }
  return [{ title: '22 U.S.C. 7107(b)(2)(D)-(F)', pinpoint: '(b)(2)(D)-(F)', href: USC_7107 }, CITE_COUNT_FROM_2009, CITE_ONE_WAIVER_YEAR, CITE_RULE_F, CITE_RULE_F_ACT];
}

/** The short name of the provisions for a sentence: "§110(b)(2)(D)-(F) (22 U.S.C. 7107(b)(2)(D)-(F))". */
export function clockProvision(year: number): string {
  if (year < WATCH_LIST_FIRST_REPORT) return 'TVPA §110(b)(3)(A)(iii), added by the TVPRA of 2003 and first applied in the 2004 report';
  if (year < COUNTING_FIRST_REPORT) return 'TVPA §110(b)(3)(A)(iii) and the TVPRA of 2008 §107(a), which counts only years after December 23, 2008';
  if (year < RENUMBERED_FROM_REPORT) return 'TVPA §110(b)(3)(D)-(E) as numbered in the 2009-2013 reports';
  if (year < RULE_F_FIRST_REPORT) return 'TVPA §110(b)(2)(D)-(E), 22 U.S.C. 7107(b)(2)(D)-(E)';
  return 'TVPA §110(b)(2)(D)-(F), 22 U.S.C. 7107(b)(2)(D)-(F)';
}
