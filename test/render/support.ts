import { assessEvidence } from '../../src/assess/assess.js';
import type { Assessment, ClockSummary } from '../../src/assess/types.js';
import type { Evidence } from '../../src/evidence/schema.js';
import type { Tier } from '../../src/model/tier.js';
import { renderDocuments, type DocName, type Format, type RenderedDocument } from '../../src/render/index.js';
import { reportEdition } from '../../src/report-year/resolve.js';
import type { ReportYearSettings } from '../../src/report-year/schema.js';

/**
 * A Watch List clock as src/history/clock.ts would give it for a complete ledger. Only the fields
 * the drafts read matter; the others are filled consistently
 * (waiverYearsUsed = max(0, counted - 2); earliest = max(year, 2009) - counted + 2).
 */
export function clock(year: number, patch: Partial<ClockSummary> = {}): ClockSummary {
  const counted = typeof patch.countedWatchListYears === 'number' ? patch.countedWatchListYears : 0;
  return {
    year,
    consecutiveWatchListYears: counted,
    countedWatchListYears: counted,
    waiverYearsUsed: Math.max(0, counted - 2),
    waiverYearsAllowed: year < 2009 ? 0 : year <= 2018 ? 2 : 1,
    ruleF: { applies: false, reading: 'after-waiver-run', explanation: 'test clock' },
    watchListPlacement: 'allowed',
    earliestDowngradeYear: year < 2004 ? null : Math.max(year, 2009) - counted + 2,
    unknownYears: [],
    explanation: 'test clock',
    cites: [],
    options: { ruleF: 'after-waiver-run', specialCaseBreaksRun: true },
    firstReports: { watchList: 2004, counting: 2009, ruleF: 2019 },
    ...patch,
  };
}

/** The China 2009 clock from the real ledger (China on the Watch List 2005-2008, Tier 2 in 2004). */
export const CHINA_2009_CLOCK = clock(2009, { consecutiveWatchListYears: 4, countedWatchListYears: 0, earliestDowngradeYear: 2011, waiverYearsAllowed: 2 });

/** Complete settings for any year, for tests of years whose bundled settings have placeholders. */
export function settingsFor(year: number): ReportYearSettings {
  return {
    year,
    edition: reportEdition(year),
    release: { date: `${year}-06-20`, time: '10:00', zone: 'EDT' },
    secretary: { name: 'A. Secretary', signature: 'SECRETARY' },
    office: { symbol: 'J/TIP', name: 'Office to Monitor and Combat Trafficking in Persons' },
    head: { name: 'A. Head', surname: 'Head', title: 'Ambassador-at-Large' },
    briefing: { date: `${year}-06-21`, time: '15:30', zone: 'EDT' },
    delivery: [
      { bureaus: ['WHA', 'AF', 'EUR', 'NEA'], days_before_release: 1, time: '12:00' },
      { bureaus: ['SCA', 'EAP'], days_before_release: 0, time: 'OOB' },
    ],
    refs: [],
    theme: [],
    sources: {},
    unknown: [],
  };
}

export async function assess(evidence: Evidence, history: { clock: ClockSummary | null; previousTier: Tier | null }): Promise<Assessment> {
  return assessEvidence(evidence, history, {});
}

/** All four documents as a map doc -> text. */
export function renderAll(assessment: Assessment, evidence: Evidence, format: Format = 'text', settings: ReportYearSettings = settingsFor(assessment.year)): Record<DocName, string> {
  const out = {} as Record<DocName, string>;
  for (const r of renderDocuments(assessment, evidence, { docs: 'all', format, settings })) out[r.doc] = r.content;
  return out;
}

export type { RenderedDocument };
