import { z } from 'zod';
import { parameterAt, parameterInForce } from '../rules/parameters.js';
import type { Cite } from '../rules/schema.js';
import { addDays, isoDate, requireIsoDate } from './dates.js';
import { uniqueCites } from '../rules/cites.js';

/**
 * What a Tier 3 placement sets in motion (22 U.S.C. 7107(c)-(d); from the 2015 report also
 * 19 U.S.C. 4205(b)(6)). Every figure and text is read from the parameter files under
 * rules/22usc7107/c/ and rules/22usc7107/d/; this module only adds days and names the fiscal year.
 */

const WindowSchema = z.object({ min_days: z.number().int().positive(), max_days: z.number().int().positive(), reassessment: z.string() });
const RestrictionsSchema = z.array(z.object({ pinpoint: z.string(), text: z.string() })).min(1);
const FiscalYearSchema = z.object({ years_after_report: z.number().int(), begins_month: z.number().int(), begins_day: z.number().int() });
const TextSchema = z.object({ text: z.string() });

const WINDOW_ID = '22usc7107.c.determination-window';
const RESTRICTIONS_ID = '22usc7107.d.restrictions';
const FISCAL_YEAR_ID = '22usc7107.d.subsequent-fiscal-year';
const WAIVER_ID = '22usc7107.d.national-interest-waiver';
const TRADE_ID = '19usc4205.b.6';

// When each consequence begins is the `effective` year of its parameter file: §110(c) from the
// 2003 report (reports submitted "on or after January 1, 2003", 114 Stat. 1483), 19 U.S.C.
// 4205(b)(6) from the 2015 report.

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
 * The consequences of a Tier 3 placement in the `year` report. With `releaseDate` (`YYYY-MM-DD`)
 * the determination window is given as dates. Before the 2003 report there were none: the
 * determinations of §110(c)-(d) began with reports submitted on or after January 1, 2003.
 */
export function tier3Consequences(year: number, options: { releaseDate?: string } = {}): Tier3Consequences | NoTier3Consequences {
  const release = options.releaseDate === undefined ? undefined : requireIsoDate(options.releaseDate);
  const window = parameterInForce(WINDOW_ID, year);
  if (window === undefined) {
    return {
      applies: false,
      year,
      cites: [{ title: 'Trafficking Victims Protection Act of 2000, Pub. L. 106-386, sec. 110(c) (114 Stat. 1483)', pinpoint: 'sec. 110(c)', href: 'https://www.congress.gov/bill/106th-congress/house-bill/3244' }],
      explanation: `A Tier 3 placement in the ${year} report carried no presidential determination or assistance restriction: §110(c)-(d) apply to reports submitted on or after January 1, 2003.`,
    };
  }
  const w = WindowSchema.parse(window.value);
  const restrictions = parameterAt(RESTRICTIONS_ID, year);
  const r = RestrictionsSchema.parse(restrictions.value);
  const fiscal = parameterAt(FISCAL_YEAR_ID, year);
  const f = FiscalYearSchema.parse(fiscal.value);
  const waiver = parameterAt(WAIVER_ID, year);
  const wv = TextSchema.parse(waiver.value);
  const trade = parameterInForce(TRADE_ID, year);
  const tv = trade ? TextSchema.parse(trade.value) : undefined;

  // "For the subsequent fiscal year": the one beginning October 1 after the report, named by the
  // calendar year in which it ends.
  const fiscalYear = year + f.years_after_report;
  const begins = isoDate(fiscalYear - 1, f.begins_month, f.begins_day);
  const ends = addDays(isoDate(fiscalYear, f.begins_month, f.begins_day), -1);
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
