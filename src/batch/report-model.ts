import type { Law } from '../rules/law.js';
import type { Assessment, ClockEffect } from '../assess/types.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { TIERS, tierName, type RegionalBureau, type Tier } from '../model/tier.js';
import type { Known } from '../history/clock.js';
import type { Cite } from '../rules/schema.js';
import { interimAssessment, reportCites, reportLaw, type InterimAssessment, type ReportLaw } from './statute.js';
import type { Timeline } from './timeline.js';
import type { BatchEntry, BatchFailure, BatchSkipped } from './types.js';
import { reportingPeriod } from '../evidence/schema.js';

/**
 * The batch report as plain, sorted data: what report.json holds and what the Markdown and HTML
 * renderers read. Building it is pure; the same entries give the same report, byte for byte.
 */

export interface CountryRow {
  iso3: string;
  name: string;
  bureau: RegionalBureau;
  file: string;
  tier: Tier;
  /** The tier before the Watch List clock (2WL when the clock downgraded). */
  tierBeforeClock: Tier;
  previousTier: Tier | null;
  change: Assessment['tierChange'];
  clockEffect: ClockEffect;
  watchListPlacement: string | null;
  /** Consecutive Watch List years before this report, and those counted from 2009 (null: no ledger). */
  consecutiveWatchListYears: Known<number> | null;
  countedWatchListYears: Known<number> | null;
  specialWatchList: boolean | 'unknown' | null;
  /** The country's drafts, as paths relative to the report ("drafts/CHN-2009-narrative.txt"); empty when none were written. */
  drafts: { doc: string; file: string }[];
}

export interface SpecialWatchListRow {
  iso3: string;
  name: string;
  tier: Tier;
  previousTier: Tier | null;
  member: true | 'unknown';
  grounds: string[];
  actionPlanDueDays: number | null;
}

export interface Tier3Row {
  iso3: string;
  name: string;
  previousTier: Tier | null;
  clockEffect: ClockEffect;
  determinationWindow: { minDays: number; maxDays: number; from: string | null; to: string | null } | null;
  fiscalYear: number | null;
}

export interface WaiverDecisionRow {
  iso3: string;
  name: string;
  countedWatchListYears: Known<number>;
  waiverYearsUsed: Known<number>;
  waiverYearsAllowed: number;
  /** The decision taken: a waiver granted, or none, so the automatic downgrade. */
  outcome: 'waiver-granted' | 'automatic-downgrade';
  tier: Tier;
  tierBeforeClock: Tier;
  earliestDowngradeYear: Known<number> | null;
}

/** The readings of the clock's open questions applied to every country (the README's interpretive choices). */
export interface Readings {
  ruleF: string;
  specialCaseBreaksRun: boolean;
}

export interface FailureRow {
  file: string;
  /** `file:line:col: path: expected X, found Y` lines, with the file named inside the folder. */
  errors: string[];
}

/** A placeholder the year's drafts carry ("[RELEASE DATE]"), with how many countries' drafts have it. */
export interface DraftPlaceholderRow {
  token: string;
  field: string;
  message: string;
  countries: number;
}

export interface BatchReport {
  kind: 'tip-batch-report';
  /** 2: waiver marks recorded or inferred, draft links, only real waiver decisions, draft placeholders. */
  version: 2;
  year: number;
  reportingPeriod: { from: string; to: string };
  inputs: { history: string | null; waivers: string | null; files: number };
  readings: Readings;
  counts: { tier: Tier; name: string; count: number }[];
  totals: { assessed: number; failed: number; skipped: number };
  changes: { upgrade: number; downgrade: number; same: number; unknown: number; notComparable: number; automaticDowngrade: number; waiver: number };
  countries: CountryRow[];
  specialWatchList: SpecialWatchListRow[];
  specialWatchListComputed: boolean;
  tier3: Tier3Row[];
  waiverDecisions: WaiverDecisionRow[];
  interimAssessment: InterimAssessment | null;
  failures: FailureRow[];
  skipped: BatchSkipped[];
  /** The placeholders of the drafts (empty when no drafts were written or none has one). */
  draftPlaceholders: DraftPlaceholderRow[];
  timelines: Timeline[];
  cites: { specialWatchList: Cite[]; tier3: Cite[]; waiver: Cite[] };
  /** The dates and numbering the report's words use, from the batch's law (--effective included). */
  law: ReportLaw;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCountry(a: { name: string; iso3: string }, b: { name: string; iso3: string }): number {
  return byText(a.name, b.name) || byText(a.iso3, b.iso3);
}

function row(e: BatchEntry, drafts: readonly string[]): CountryRow {
  const a = e.assessment;
  return {
    iso3: a.country.iso3,
    name: a.country.name,
    bureau: a.country.bureau,
    file: e.file,
    tier: a.tier,
    tierBeforeClock: a.tierBeforeClock,
    previousTier: a.previousTier,
    change: a.tierChange,
    clockEffect: a.clockEffect,
    watchListPlacement: a.clock?.watchListPlacement ?? null,
    consecutiveWatchListYears: a.clock?.consecutiveWatchListYears ?? null,
    countedWatchListYears: a.clock?.countedWatchListYears ?? null,
    specialWatchList: a.specialWatchList?.member ?? null,
    // ISO3-YEAR-DOC.EXT, DOC possibly hyphenated (action-plan).
    drafts: drafts.map((file) => ({ doc: /^[A-Z]{3}-\d{4}-([a-z-]+)\.[a-z]+$/.exec(file)?.[1] ?? file, file: `drafts/${file}` })),
  };
}

/** The waiver decision the year's evidence took, or null when there was none to take (the country was not assessed on the Watch List). */
function waiverOutcome(a: Assessment): WaiverDecisionRow['outcome'] | null {
  if (a.clockEffect === 'waiver') return 'waiver-granted';
  if (a.clockEffect === 'automatic-downgrade') return 'automatic-downgrade';
  return null;
}

export interface ReportInputs {
  year: number;
  entries: readonly BatchEntry[];
  failures: readonly BatchFailure[];
  skipped: readonly BatchSkipped[];
  timelines: readonly Timeline[];
  history: string | null;
  waivers: string | null;
  files: number;
  readings: Readings;
  /** Draft file names per country (ISO3), when drafts were written. */
  drafts?: ReadonlyMap<string, readonly string[]>;
  /** The placeholders of the drafts, per country (ISO3). */
  placeholders?: ReadonlyMap<string, readonly { token: string; field: string; message: string }[]>;
  /** The batch's law (corpus and --effective overrides): the report's statutory sections follow it. */
  law?: Law;
}

/** Each placeholder once, with the number of countries whose drafts carry it, in order of first appearance. */
function placeholderRows(byCountry: ReadonlyMap<string, readonly { token: string; field: string; message: string }[]> | undefined): DraftPlaceholderRow[] {
  const rows = new Map<string, DraftPlaceholderRow>();
  for (const list of byCountry?.values() ?? []) {
    for (const p of list) {
      const r = rows.get(p.token) ?? { token: p.token, field: p.field, message: p.message, countries: 0 };
      r.countries++;
      rows.set(p.token, r);
    }
  }
  return [...rows.values()].sort((a, b) => byText(a.token, b.token));
}

function changesOf(assessments: readonly Assessment[]): BatchReport['changes'] {
  const n = (test: (a: Assessment) => boolean) => assessments.filter(test).length;
  return {
    upgrade: n((a) => a.tierChange === 'upgrade'),
    downgrade: n((a) => a.tierChange === 'downgrade'),
    same: n((a) => a.tierChange === 'same'),
    unknown: n((a) => a.tierChange === 'unknown'),
    notComparable: n((a) => a.tierChange === 'not-comparable'),
    automaticDowngrade: n((a) => a.clockEffect === 'automatic-downgrade' || a.clockEffect === 'rule-f'),
    waiver: n((a) => a.clockEffect === 'waiver'),
  };
}

function specialWatchListRows(assessments: readonly Assessment[]): SpecialWatchListRow[] {
  return assessments.flatMap((a) => {
    const swl = a.specialWatchList;
    if (!swl || swl.member === false) return [];
    return [{ iso3: a.country.iso3, name: a.country.name, tier: a.tier, previousTier: a.previousTier, member: swl.member, grounds: [...swl.grounds], actionPlanDueDays: swl.actionPlanDueDays }];
  });
}

function tier3Rows(assessments: readonly Assessment[]): Tier3Row[] {
  return assessments
    .filter((a) => a.tier === '3')
    .map((a) => ({
      iso3: a.country.iso3,
      name: a.country.name,
      previousTier: a.previousTier,
      clockEffect: a.clockEffect,
      determinationWindow: a.tier3 ? { ...a.tier3.determinationWindow } : null,
      fiscalYear: a.tier3?.fiscalYear ?? null,
    }));
}

/**
 * Only real decisions: a Watch List placement the clock allowed only with a waiver (or that a ledger
 * gap hides, the decision being taken anyway), with the waiver granted or refused.
 */
function waiverRows(assessments: readonly Assessment[]): WaiverDecisionRow[] {
  return assessments.flatMap((a) => {
    const c = a.clock;
    const outcome = waiverOutcome(a);
    if (!c || (c.watchListPlacement !== 'needs-waiver' && c.watchListPlacement !== 'unknown') || outcome === null) return [];
    return [
      {
        iso3: a.country.iso3,
        name: a.country.name,
        countedWatchListYears: c.countedWatchListYears,
        waiverYearsUsed: c.waiverYearsUsed,
        waiverYearsAllowed: c.waiverYearsAllowed,
        outcome,
        tier: a.tier,
        tierBeforeClock: a.tierBeforeClock,
        earliestDowngradeYear: c.earliestDowngradeYear,
      },
    ];
  });
}

export function buildReport(input: ReportInputs): BatchReport {
  const entries = [...input.entries].sort((a, b) => byCountry(a.assessment.country, b.assessment.country) || byText(a.file, b.file));
  const assessments = entries.map((e) => e.assessment);
  const failures: FailureRow[] = [...input.failures]
    .sort((a, b) => byText(a.file, b.file))
    .map((f) => ({ file: f.file, errors: f.message !== undefined ? [`${f.file}: ${f.message}`] : f.diagnostics.map(formatDiagnostic) }));
  return {
    kind: 'tip-batch-report',
    version: 2,
    year: input.year,
    reportingPeriod: reportingPeriod(input.year),
    inputs: { history: input.history, waivers: input.waivers, files: input.files },
    readings: input.readings,
    counts: TIERS.map((tier) => ({ tier, name: tierName(tier), count: assessments.filter((a) => a.tier === tier).length })),
    totals: { assessed: entries.length, failed: failures.length, skipped: input.skipped.length },
    changes: changesOf(assessments),
    countries: entries.map((e) => row(e, input.drafts?.get(e.assessment.country.iso3) ?? [])),
    specialWatchList: specialWatchListRows(assessments),
    specialWatchListComputed: assessments.some((a) => a.specialWatchList !== null),
    tier3: tier3Rows(assessments),
    waiverDecisions: waiverRows(assessments),
    interimAssessment: interimAssessment(input.year, input.law),
    failures,
    skipped: [...input.skipped].sort((a, b) => byText(a.file, b.file)),
    draftPlaceholders: placeholderRows(input.placeholders),
    timelines: [...input.timelines].sort(byCountry),
    cites: reportCites(input.year, input.law),
    law: reportLaw(input.year, input.law),
  };
}
