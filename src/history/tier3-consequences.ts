import * as z from 'zod';
import { uniqueCites } from '../rules/cites.js';
import { firstYearOf, versionsOf, type Law } from '../rules/law.js';
import { parameterAt, parameterInForce } from '../rules/parameters.js';
import type { Cite } from '../rules/schema.js';
import { addDays, isoDate, requireIsoDate } from './dates.js';

/**
 * What a Tier 3 placement sets in motion (22 U.S.C. 7107(c)-(d); from the 2015 report also
 * 19 U.S.C. 4205(b)(6)). Every figure and text is read from the parameter files under
 * rules/22usc7107/c/ and rules/22usc7107/d/; this module only adds days and names the fiscal year.
 */

const WindowSchema = z.object({ min_days: z.number().int().positive(), max_days: z.number().int().positive(), reassessment: z.string() });
const RestrictionsSchema = z.array(z.object({ pinpoint: z.string(), text: z.string() })).min(1);
const FiscalYearSchema = z.strictObject({
  years_after_report: z.number().int(),
  begins_years_after_report: z.number().int(),
  begins_month: z.number().int(),
  begins_day: z.number().int(),
});
const TextSchema = z.object({ text: z.string() });

const WINDOW_ID = '22usc7107.c.determination-window';
const RESTRICTIONS_ID = '22usc7107.d.restrictions';
const FISCAL_YEAR_ID = '22usc7107.d.subsequent-fiscal-year';
const WAIVER_ID = '22usc7107.d.national-interest-waiver';
const TRADE_ID = '19usc4205.b.6';

// When each consequence begins is the `effective` year of its parameter file: §110(c) from the
// first report submitted "on or after January 1, 2003" (114 Stat. 1483), 19 U.S.C. 4205(b)(6)
// from the first report after the 2015 act.

export interface Tier3Consequences {
  applies: true;
  year: number;
  /** "(d)(1)(A)(i) No nonhumanitarian ..." */
  restrictions: string[];
  restrictionDetails: { pinpoint: string; text: string }[];
  /** 45-90 days after the release; the dates when the release date is known. */
  determinationWindow: { minDays: number; maxDays: number; from: string | null; to: string | null };
  releaseDate: string | null;
  /** The country can be reassessed inside the window. */
  reassessment: string;
  /** The fiscal year the restrictions apply to: the one beginning October 1 after the report. */
  fiscalYear: number;
  fiscalYearBegins: string;
  fiscalYearEnds: string;
  nationalInterestWaiver: string;
  /** From the 2015 report (19 U.S.C. 4205(b)(6)); null before. */
  tradeAgreementLimit: string | null;
  cites: Cite[];
  explanation: string;
}

export interface NoTier3Consequences {
  applies: false;
  year: number;
  cites: Cite[];
  explanation: string;
}


/**
 * The consequences of a Tier 3 placement in the `year` report, under `law` (the corpus and its
 * overrides). With `releaseDate` (`YYYY-MM-DD`) the determination window is given as dates.
 * Before the first report of the determination window's parameter file there were none.
 */
export function tier3Consequences(year: number, law: Law, options: { releaseDate?: string } = {}): Tier3Consequences | NoTier3Consequences {
  const release = options.releaseDate === undefined ? undefined : requireIsoDate(options.releaseDate);
  const window = parameterInForce(WINDOW_ID, year, law);
  if (window === undefined) {
    return {
      applies: false,
      year,
      cites: versionsOf(law, WINDOW_ID)[0]!.cites,
      explanation: `A Tier 3 placement in the ${year} report carried no presidential determination or assistance restriction: §110(c)-(d) apply from the ${firstYearOf(law, WINDOW_ID)} report (reports submitted on or after January 1, 2003).`,
    };
  }
  const w = WindowSchema.parse(window.value);
  const restrictions = parameterAt(RESTRICTIONS_ID, year, law);
  const r = RestrictionsSchema.parse(restrictions.value);
  const fiscal = parameterAt(FISCAL_YEAR_ID, year, law);
  const f = FiscalYearSchema.parse(fiscal.value);
  const waiver = parameterAt(WAIVER_ID, year, law);
  const wv = TextSchema.parse(waiver.value);
  const trade = parameterInForce(TRADE_ID, year, law);
  const tv = trade ? TextSchema.parse(trade.value) : undefined;

  // "For the subsequent fiscal year", as its parameter file dates it: named by the year in which
  // it ends, beginning on the given day of the report year (plus the file's offset), one year long.
  const fiscalYear = year + f.years_after_report;
  const beginsYear = year + f.begins_years_after_report;
  const begins = isoDate(beginsYear, f.begins_month, f.begins_day);
  const ends = addDays(isoDate(beginsYear + 1, f.begins_month, f.begins_day), -1);
  const from = release ? addDays(release, w.min_days) : null;
  const to = release ? addDays(release, w.max_days) : null;
  const windowText = from && to ? `between ${from} and ${to} (${w.min_days} to ${w.max_days} days after the report of ${String(release)})` : `${w.min_days} to ${w.max_days} days after the report`;
  return {
    applies: true,
    year,
    restrictions: r.map((x) => `${x.pinpoint} ${x.text}`),
    restrictionDetails: r,
    determinationWindow: { minDays: w.min_days, maxDays: w.max_days, from, to },
    releaseDate: release ?? null,
    reassessment: w.reassessment,
    fiscalYear,
    fiscalYearBegins: begins,
    fiscalYearEnds: ends,
    nationalInterestWaiver: wv.text,
    tradeAgreementLimit: tv ? tv.text : null,
    cites: uniqueCites([...window.cites, ...restrictions.cites, ...fiscal.cites, ...waiver.cites, ...(trade ? trade.cites : [])]),
    explanation: `On Tier 3 in the ${year} report, the President must notify Congress of a determination under 22 U.S.C. 7107(d) ${windowText}; unless waived in the national interest, the restrictions of (d)(1) apply to fiscal year ${fiscalYear} (${begins} to ${ends})${tv ? ', and trade authorities procedures are limited under 19 U.S.C. 4205(b)(6)' : ''}.`,
  };
}
