import { assessEvidence, type AssessOptions, type HistoryContext } from '../assess/assess.js';
import { decide } from '../assess/decide.js';
import { baseFacts, type ClockFacts } from '../assess/facts.js';
import { historyContext } from '../assess/file.js';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import type { ClockOptions } from '../history/clock.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Tier } from '../model/tier.js';
import type { Corpus } from '../rules/corpus.js';
import type { Cite } from '../rules/schema.js';
import type { Facts } from '../rules/stages.js';

/**
 * The one module of src/whatif/ that calls the assessment and the clock. Their signatures belong
 * to other parts of the engine and change with them; a change there touches this file only.
 */
export type { AssessOptions, HistoryContext };

/** A tier the ledger's missing years leave open: the tiers it may be and the years that decide. */
export interface OpenVerdict {
  tiers: Tier[];
  decidingYears: number[];
}

/**
 * The outcomes of the clock the rules are run on, one per branch: the facts the clock gives the
 * rules, as assessEvidence computes them (src/assess/assess.ts). A tier is what every branch gives.
 */
export function clockBranches(history: HistoryContext): ClockFacts[] {
  const clock = history.clock;
  if (!clock) return [{ watchListPlacement: 'unknown', ruleFApplies: false, watchListForbiddenInEveryFilling: false }];
  const possible = history.possiblePlacements ?? (clock.watchListPlacement !== 'unknown' ? [clock.watchListPlacement] : []);
  const forbidden = possible.length > 0 && possible.every((p) => p === 'needs-waiver' || p === 'barred');
  return [{ watchListPlacement: clock.watchListPlacement, ruleFApplies: clock.ruleF.applies === true, watchListForbiddenInEveryFilling: forbidden }];
}

/** The facts the rules read before any rule runs, for one branch of the clock. */
export function factsBefore(evidence: Evidence, clock: ClockFacts, history: HistoryContext, options: AssessOptions): Facts {
  return baseFacts(evidence, clock, { ...options, previousTier: history.previousTier });
}

/** The assessment of (changed) evidence, as `tip assess` gives it. */
export function assess(evidence: Evidence, history: HistoryContext, options: AssessOptions, corpus: Corpus): Promise<Assessment> {
  return assessEvidence(evidence, history, options, corpus);
}

/** The tier the decision gives in every branch of the clock (null when they differ), and the rules that decide it. */
export async function decideTier(
  evidence: Evidence,
  history: HistoryContext,
  options: AssessOptions,
  corpus: Corpus,
): Promise<{ tier: Tier | null; decidedBy: { id: string; title: string; file: string; cites: Cite[] }[] }> {
  let tier: Tier | null | undefined;
  let decidedBy: { id: string; title: string; file: string; cites: Cite[] }[] = [];
  for (const clock of clockBranches(history)) {
    const d = await decide(evidence, clock, corpus, { ...options, previousTier: history.previousTier });
    tier = tier === undefined || tier === d.tier ? d.tier : null;
    decidedBy = d.resolution.deciding;
  }
  return { tier: tier ?? null, decidedBy };
}

/** Null when the tier is definite (the assessment of this engine has no open tier yet). */
export function openOf(_assessment: Assessment): OpenVerdict | null {
  return null;
}

/** The history context of a report year from a ledger (the Watch List clock and last year's tier). */
export function contextFor(ledger: Ledger | undefined, iso3: string, year: number, clock: ClockOptions = {}): HistoryContext {
  return historyContext(ledger, iso3, year, clock);
}

/**
 * The ledger with one more placement, in memory (the file is never touched): this year's tier, so
 * the clock can be read for next year, and whether a Watch List placement was by waiver (rule (F)
 * reads it). A row the ledger has for that year is replaced.
 */
export function withPlacement(ledger: Ledger, iso3: string, year: number, tier: Tier, waiver: boolean): Ledger {
  const byCountry = new Map(ledger.byCountry);
  const rows = new Map(byCountry.get(iso3) ?? []);
  rows.set(year, { iso3, year, tier, waiver, line: 0 });
  byCountry.set(iso3, rows);
  return { ...ledger, byCountry };
}

/** The placement the ledger records for a year, if any. */
export function recordedTier(ledger: Ledger, iso3: string, year: number): Tier | undefined {
  return ledger.byCountry.get(iso3)?.get(year)?.tier;
}
