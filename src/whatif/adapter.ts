import { assessEvidence, type AssessOptions, type HistoryContext } from '../assess/assess.js';
import { clockFactsOf, decideEachOutcome, decidingRules } from '../assess/clock-outcomes.js';
import { baseFacts, type ClockFacts } from '../assess/facts.js';
import { historyContext } from '../assess/file.js';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import type { ClockOptions } from '../history/clock.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Tier } from '../model/tier.js';
import type { Corpus } from '../rules/corpus.js';
import { lawOf } from '../rules/law.js';
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
 * The outcomes of the clock the rules are run on, one per branch (several when the ledger's gaps
 * leave the clock open: src/assess/clock-outcomes.ts). A tier is what every branch gives.
 */
export function clockBranches(history: HistoryContext): ClockFacts[] {
  return clockFactsOf(history);
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
  const runs = await decideEachOutcome(evidence, history, corpus, { ...options, previousTier: history.previousTier });
  const tiers = new Set(runs.map((r) => r.decision.tier));
  if (tiers.size !== 1) return { tier: null, decidedBy: [] };
  return { tier: runs[0]!.decision.tier, decidedBy: decidingRules(runs, null) };
}

/** The possible tiers when the ledger's missing years leave this year's tier open, else null. */
export function openOf(assessment: Assessment): OpenVerdict | null {
  return assessment.open ? { tiers: [...assessment.open.tiers], decidingYears: [...assessment.open.decidingYears] } : null;
}

/** The history context of a report year from a ledger (the Watch List clock and last year's tier). */
export function contextFor(ledger: Ledger | undefined, iso3: string, year: number, corpus: Corpus, options: AssessOptions, clock: ClockOptions = {}): HistoryContext {
  return historyContext(ledger, iso3, year, lawOf(corpus, options.effective ?? {}), clock);
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
