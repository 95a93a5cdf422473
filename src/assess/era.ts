/**
 * The eras of the law, as in the version table of tvpa-rules.md §7. Labels only: what each
 * era changes is in the rule files' `effective` years, not here.
 */
export interface Era {
  id: string;
  from: number;
  to?: number;
  label: string;
  summary: string;
}

export const ERAS: readonly Era[] = [
  { id: 'tvpa-2000', from: 2001, to: 2003, label: 'TVPA 2000 (reports 2001-2003)', summary: 'Tiers 1, 2 and 3; no Watch List; a significant number of victims brings a country into scope.' },
  { id: 'tvpra-2003', from: 2004, to: 2008, label: 'TVPRA 2003 (reports 2004-2008)', summary: 'Special Watch List and Tier 2 Watch List (three grounds); data presumption; significant-number scope.' },
  { id: 'tvpra-2008-counting', from: 2009, to: 2010, label: 'TVPRA 2008, counting years (reports 2009-2010)', summary: 'No significant-number threshold; Watch List years count toward the automatic downgrade, which can first apply in the 2011 report.' },
  { id: 'tvpra-2008', from: 2011, to: 2018, label: 'TVPRA 2008 (reports 2011-2018)', summary: 'Automatic downgrade after two counted Watch List years; waiver for up to two years.' },
  { id: 'tvpra-2018', from: 2019, to: 2020, label: 'TVPRAs of January 2019 (reports 2019-2020)', summary: 'One waiver year; rule (F); policy or pattern is proof of failure; commitments excluded; Watch List ground (III) removed.' },
  { id: 'ndaa-2021', from: 2021, label: 'As amended through NDAA FY2021 (reports 2021-)', summary: 'As 2019, with the report due June 30.' },
];

export function eraOf(year: number): Era {
  const era = ERAS.find((e) => year >= e.from && (e.to === undefined || year <= e.to));
  if (!era) throw new Error(`no era for report year ${year}`);
  return era;
}
