import { bundledCorpus, inForce, type Corpus } from '../rules/corpus.js';
import { firstYearOf, lawOf, numberedAs, type Law } from '../rules/law.js';
import { clockLaw, paragraphOf } from '../history/clock/law.js';
import { parameterInForce } from '../rules/parameters.js';
import { isoDate } from '../history/dates.js';
import type { Cite } from '../rules/schema.js';
import { uniqueCites } from '../rules/cites.js';

/**
 * The statutory dates and citations the batch report states for the whole year. Nothing is typed
 * here: each comes from the rule and parameter files under rules/, which carry the citation and
 * the report years they apply to, so the report follows the law of its year.
 */

const INTERIM_ID = '22usc7107.b.2.B.interim-assessment';
const SWL_ID = '22usc7107.b.2.A.special-watch-list';
const WINDOW_ID = '22usc7107.c.determination-window';
const FISCAL_YEAR_ID = '22usc7107.d.subsequent-fiscal-year';
const WAIVER_RULES = ['22usc7107.b.2.D.i', '22usc7107.b.2.D.ii'];

export interface InterimAssessment {
  /** The statutory due date: "not later than February 1st" of the year after the report. */
  due: string;
  /** What it measures progress from (the wording changed with the 2019 report). */
  reference: string;
  /** The provision as numbered in that year: "110(b)(2)(B)". */
  pinpoint: string;
  cites: Cite[];
}


/**
 * The Special Watch List interim assessment of the year's report, or null before the 2004 report
 * (the list was created by the TVPRA of 2003). From rules/22usc7107/b/2/B/.
 */
export function interimAssessment(year: number, source: Law | Corpus = bundledCorpus()): InterimAssessment | null {
  const law = 'corpus' in source ? source : lawOf(source);
  const p = parameterInForce<{ due_month: number; due_day: number; progress_since: string }>(INTERIM_ID, year, law);
  if (p === undefined) return null;
  return {
    due: isoDate(year + 1, p.value.due_month, p.value.due_day),
    reference: `progress since ${p.value.progress_since}`,
    // As numbered in that year (the file's numbered_as): "110(b)(2)(B)".
    pinpoint: numberedAs(law, INTERIM_ID, year).replace(/^§/, ''),
    cites: p.cites,
  };
}

/** The first report with a Special Watch List: the start of its parameter file (the TVPRA of 2003), as moved by --effective. */
export function specialWatchListFirstReport(source: Law | Corpus = bundledCorpus()): number {
  return firstYearOf('corpus' in source ? source : lawOf(source), SWL_ID);
}

/** The dates and numbering the report's words use, from the batch's law (corpus and --effective). */
export interface ReportLaw {
  /** The Special Watch List paragraph as numbered in the report year: "(b)(3)" or "(b)(2)". */
  paragraph: string;
  /** First report whose Watch List years count toward the automatic downgrade. */
  countingFrom: number;
  /** First report with a Special Watch List. */
  specialWatchListFrom: number;
}

export function reportLaw(year: number, source: Law | Corpus = bundledCorpus()): ReportLaw {
  const law = 'corpus' in source ? source : lawOf(source);
  return { paragraph: paragraphOf(law, year), countingFrom: clockLaw(law).countingFrom, specialWatchListFrom: specialWatchListFirstReport(law) };
}

/** The citations of the report's sections, from the files in force in `year` (none before they exist). */
export function reportCites(year: number, source: Law | Corpus = bundledCorpus()): { specialWatchList: Cite[]; tier3: Cite[]; waiver: Cite[] } {
  const law = 'corpus' in source ? source : lawOf(source);
  const paramCites = (id: string) => parameterInForce(id, year, law)?.cites ?? [];
  const ruleCites = (id: string) => law.corpus.rules.filter((r) => r.id === id && inForce(r, year, law.effective)).flatMap((r) => r.cites);
  return {
    specialWatchList: paramCites(SWL_ID),
    tier3: uniqueCites([...paramCites(WINDOW_ID), ...paramCites(FISCAL_YEAR_ID)]),
    waiver: uniqueCites(WAIVER_RULES.flatMap(ruleCites)),
  };
}

