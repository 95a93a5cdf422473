import type { Cite } from '../rules/schema.js';

/**
 * How the Report words the minimum standards in a given year: "does not fully comply with the
 * minimum standards" in the reports through 2017, "does not fully meet the minimum standards" from
 * the 2018 report on.
 *
 * Source: tvpa-rules.md §2.1 (Tier 1 row): the wording "shifted from 'fully comply' (e.g. 2013
 * narratives) to 'fully meet' (e.g. 2018+ narratives)" (S13: 2013 Venezuela, 2018 Nicaragua
 * narratives). The statute itself says "fully comply" (22 U.S.C. 7107(b)(1)(A)-(C)); this is the
 * Department's drafting practice, not law. UNVERIFIED: the exact first year of "meet" between the
 * 2014 and 2018 reports; 2018 is the project's documented choice.
 */
export const FULLY_MEET_WORDING_FROM = 2018;

export const WORDING_SOURCE: Cite = {
  title: 'TIP Report country narratives (tvpa-rules.md §2.1, S13); statute: 22 U.S.C. 7107(b)(1)',
  pinpoint: '(b)(1)(A)-(C)',
  href: 'https://www.law.cornell.edu/uscode/text/22/7107',
  note: '"fully comply" through the 2017 report, "fully meet" from the 2018 report (drafting practice)',
};

export type StandardsWording = 'comply' | 'meet';

export function standardsWording(year: number): StandardsWording {
  return year >= FULLY_MEET_WORDING_FROM ? 'meet' : 'comply';
}
