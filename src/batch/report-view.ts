import { tierName, tierRank, TIERS, type Tier } from '../model/tier.js';
import type { Cite } from '../rules/schema.js';
import { CHANGE_LABEL, clockMark, clockWords, plural, readingsLabel, swlLabel, tierLabel, WAIVER_OUTCOME_LABEL, windowLabel } from './labels.js';
import type { BatchReport, CountryRow } from './report-model.js';
import { diamond, TIER_CLASS, TIER_SHORT, timelineView, triangle, type TimelineView } from './timeline-view.js';
import type { Timeline } from './timeline.js';

/**
 * The words of the batch report, computed once from the report model and shared by its three
 * readable forms: the HTML page (templates/batch/report.hbs lays them out, Handlebars escapes
 * them), the Markdown (markdown.ts escapes each cell) and the Word file (docx.ts). Codes become
 * words here (labels.ts), so the three always say the same thing.
 */

export interface TableView {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface SectionView {
  id: string;
  heading: string;
  cites: Cite[];
  paragraphs: string[];
  table: TableView | null;
  pre: string | null;
}

export interface CountryView {
  iso3: string;
  name: string;
  bureau: string;
  tier: string;
  tierClass: string;
  rank: number;
  previous: string;
  previousRank: number;
  change: string;
  changeRank: number;
  mark: string | null;
  clock: string;
  swl: string;
  drafts: { label: string; href: string }[];
  timeline: TimelineView | null;
}

const DOC_LABEL: Record<string, string> = { narrative: 'narrative', demarche: 'demarche', nonpaper: 'non-paper', press: 'press guidance', 'action-plan': 'action plan' };
const CHANGE_RANK: Record<CountryRow['change'], number> = { downgrade: 0, upgrade: 1, same: 2, unknown: 3, 'not-comparable': 4 };

/** Tier order for sorting: Tier 1 first, Special Case last. */
function rankOf(tier: Tier | null): number {
  if (tier === null) return 9;
  const r = tierRank(tier);
  return r === undefined ? 5 : 5 - r;
}

function countryView(c: CountryRow, paragraph: string, timeline: Timeline | undefined): CountryView {
  return {
    iso3: c.iso3,
    name: c.name,
    bureau: c.bureau,
    tier: tierName(c.tier),
    tierClass: TIER_CLASS[c.tier],
    rank: rankOf(c.tier),
    previous: tierLabel(c.previousTier),
    previousRank: rankOf(c.previousTier),
    change: CHANGE_LABEL[c.change],
    changeRank: CHANGE_RANK[c.change],
    mark: clockMark(c.clockEffect, paragraph),
    clock: clockWords(c.consecutiveWatchListYears, c.countedWatchListYears, c.watchListPlacement),
    swl: swlLabel(c.specialWatchList),
    drafts: c.drafts.map((d) => ({ label: DOC_LABEL[d.doc] ?? d.doc, href: d.file })),
    timeline: timeline ? timelineView(timeline) : null,
  };
}

function legend(countingFrom: number) {
  const box = (tier: Tier) => ({ box: { cls: `cell ${TIER_CLASS[tier]}`, label: TIER_SHORT[tier] }, text: tierName(tier) });
  return {
    items: [
      ...TIERS.map(box),
      { box: { cls: 'cell tnone', label: '?' }, text: 'no ledger row' },
      { box: { cls: 'cell tkey now', label: '' }, text: 'this report (assessed)' },
      { count: '2', text: `counted Watch List year (from the ${countingFrom} report)` },
      { path: { cls: 'waiver', d: diamond(11, 6) }, text: 'waiver year, recorded' },
      { path: { cls: 'waiver inferred', d: diamond(11, 6) }, text: 'waiver year, inferred from the clock (no row records it)' },
      { path: { cls: 'down', d: triangle(11, 7) }, text: 'downgrade' },
      { path: { cls: 'auto', d: triangle(11, 7) }, text: 'automatic downgrade' },
    ],
  };
}

function swlSection(r: BatchReport): SectionView {
  const paragraphs: string[] = [];
  if (r.interimAssessment) paragraphs.push(`Interim assessment due ${r.interimAssessment.due} (${r.interimAssessment.pinpoint}): ${r.interimAssessment.reference}.`);
  else paragraphs.push(`There is no Special Watch List in the ${r.year} report: it first applies to the ${r.law.specialWatchListFrom} report.`);
  if (!r.specialWatchListComputed) paragraphs.push('Membership was not computed for this batch.');
  else if (r.specialWatchList.length === 0) paragraphs.push('No country.');
  const table =
    r.specialWatchListComputed && r.specialWatchList.length > 0
      ? { caption: 'Countries on the Special Watch List', head: ['Country', 'ISO3', 'Tier', `${r.year - 1}`, 'Member', 'Grounds'], rows: r.specialWatchList.map((s) => [s.name, s.iso3, tierName(s.tier), tierLabel(s.previousTier), s.member === true ? 'yes' : 'unknown', s.grounds.join('; ')]) }
      : null;
  return { id: 'swl', heading: 'Special Watch List', cites: r.cites.specialWatchList, paragraphs, table, pre: null };
}

function tier3Section(r: BatchReport): SectionView {
  const table =
    r.tier3.length > 0
      ? {
          caption: 'Tier 3 countries, the presidential determination window and the fiscal year affected',
          head: ['Country', 'ISO3', `${r.year - 1}`, 'Watch List clock', 'Determination window', 'Fiscal year affected'],
          rows: r.tier3.map((t) => [t.name, t.iso3, tierLabel(t.previousTier), clockMark(t.clockEffect, r.law.paragraph) ?? 'no effect', windowLabel(t.determinationWindow), t.fiscalYear === null ? 'not computed' : `FY${t.fiscalYear}`]),
        }
      : null;
  return { id: 'tier3', heading: 'Tier 3', cites: r.cites.tier3, paragraphs: table ? [] : ['No country.'], table, pre: null };
}

function waiverSection(r: BatchReport): SectionView {
  const table =
    r.waiverDecisions.length > 0
      ? {
          caption: 'Countries assessed on the Watch List whose placement this year was allowed only with a waiver, and the decision taken',
          head: ['Country', 'ISO3', 'Counted Watch List years before', 'Waiver years used of those allowed', 'Decision'],
          rows: r.waiverDecisions.map((w) => [w.name, w.iso3, String(w.countedWatchListYears), `${w.waiverYearsUsed} of ${w.waiverYearsAllowed}`, WAIVER_OUTCOME_LABEL[w.outcome]]),
        }
      : null;
  return { id: 'waivers', heading: 'Waiver decisions', cites: r.cites.waiver, paragraphs: table ? [] : ['No waiver decision this year.'], table, pre: null };
}

function placeholderSection(r: BatchReport): SectionView | null {
  if (r.draftPlaceholders.length === 0) return null;
  return {
    id: 'placeholders',
    heading: 'Blanks in the drafts',
    cites: [],
    paragraphs: ['The drafts print these placeholders where a fact is unknown; fill them in a settings file (tip settings YEAR --out FILE) and run again.'],
    table: { caption: 'Placeholders in the drafts', head: ['Placeholder', 'To fill in', 'Countries', 'What to do'], rows: r.draftPlaceholders.map((p) => [p.token, p.field, String(p.countries), p.message]) },
    pre: null,
  };
}

function otherSections(r: BatchReport): SectionView[] {
  const out: SectionView[] = [swlSection(r), tier3Section(r), waiverSection(r)];
  const blanks = placeholderSection(r);
  if (blanks) out.push(blanks);
  out.push({ id: 'failures', heading: 'Failed files', cites: [], paragraphs: r.failures.length === 0 ? ['None.'] : [], table: null, pre: r.failures.length === 0 ? null : r.failures.flatMap((f) => f.errors).join('\n') });
  if (r.skipped.length > 0) {
    out.push({ id: 'skipped', heading: 'Files of other report years (skipped)', cites: [], paragraphs: [], table: { caption: 'Files skipped', head: ['File', 'Report year'], rows: r.skipped.map((s) => [s.file, s.reportYear === null ? 'unknown' : String(s.reportYear)]) }, pre: null });
  }
  return out;
}

export function reportView(r: BatchReport) {
  const y = r.year;
  const timelines = new Map(r.timelines.map((t) => [t.iso3, t]));
  const sections = otherSections(r);
  const ch = r.changes;
  return {
    year: y,
    previousYear: y - 1,
    from: Math.min(y, ...r.timelines.map((t) => t.from)),
    title: `Trafficking in Persons Report ${y}: tier assessments of the year`,
    summary: `Reporting period ${r.reportingPeriod.from} to ${r.reportingPeriod.to}. ${plural(r.totals.assessed, 'country', 'countries')} assessed, ${plural(r.totals.failed, 'file')} failed, ${plural(r.totals.skipped, 'file')} of other years skipped.`,
    history: `Tier history: ${r.inputs.history ?? 'none given (the Watch List clock was not applied)'}${r.inputs.waivers ? `; waivers: ${r.inputs.waivers}` : ''}.`,
    readings: readingsLabel(r.readings),
    toc: [{ id: 'counts', label: 'Countries by tier' }, { id: 'placements', label: 'Tier placements and timelines' }, ...sections.map((s) => ({ id: s.id, label: s.heading }))],
    counts: { caption: 'Number of countries on each tier', head: ['Tier', 'Countries'], rows: r.counts.map((c) => [c.name, String(c.count)]) },
    changes: `Changes from the ${y - 1} report: ${ch.upgrade} up, ${ch.downgrade} down (${ch.automaticDowngrade} by the Watch List clock), ${ch.same} unchanged, ${ch.unknown} without last year's placement, ${ch.notComparable} not comparable; ${plural(ch.waiver, 'waiver')} of the automatic downgrade.`,
    filters: r.counts.map((c) => ({ cls: TIER_CLASS[c.tier], label: c.name, count: c.count })),
    legend: legend(r.law.countingFrom),
    countries: r.countries.map((c) => countryView(c, r.law.paragraph, timelines.get(c.iso3))),
    sections,
  };
}
export type ReportView = ReturnType<typeof reportView>;
