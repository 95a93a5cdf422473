import { reportingPeriod, type Evidence } from '../evidence/schema.js';
import { tierRank, type Tier } from '../model/tier.js';
import { bundledCorpus, type Corpus } from '../rules/corpus.js';
import type { WatchListOutcome } from '../history/clock.js';
import { clockEffectOf, clockNotes, decideEachOutcome, decidingRules, openTierOf, representative } from './clock-outcomes.js';
import type { DecideOptions } from './decide.js';
import { eraOf } from './era.js';
import { lawOf } from '../rules/law.js';
import { evidenceNotes, presumptionsOf, recommendationsOf } from './outputs.js';
import type {
  Assessment,
  ClockSummary,
  SpecialWatchListSummary,
  Tier3Summary,
  WatchListGround,
} from './types.js';

/** What the history contributes to one assessment; computed by the caller from the ledger. */
export interface HistoryContext {
  clock: ClockSummary | null;
  previousTier: Tier | null;
  /**
   * Every outcome of the clock the ledger's missing years leave possible (one when nothing is
   * missing that matters), and the missing years that decide between them. The rules run once per
   * outcome. Absent: the clock's own placement is the only outcome.
   */
  outcomes?: { outcomes: readonly WatchListOutcome[]; decidingYears: readonly number[] };
  /** Given the tier, the Special Watch List membership (needs the previous tier). */
  specialWatchList?: (tier: Tier) => SpecialWatchListSummary | null;
  /** Given the tier, the Tier 3 consequences (null unless Tier 3). */
  tier3?: (tier: Tier) => Tier3Summary | null;
}

export interface AssessOptions extends DecideOptions {
  /** Shown in the output, so a reader knows which readings were applied. */
  describe?: Record<string, unknown>;
}

function tierChange(tier: Tier, previous: Tier | null): Assessment['tierChange'] {
  if (previous === null) return 'unknown';
  const now = tierRank(tier);
  const before = tierRank(previous);
  if (now === undefined || before === undefined) return 'not-comparable';
  return now > before ? 'upgrade' : now < before ? 'downgrade' : 'same';
}

/**
 * Assesses validated evidence for its report year. The statute and rubric rules decide the tier
 * (src/assess/decide.ts); this function gathers what the desk officer reads: the era, the
 * Watch List grounds, the clock and what it did, the recommendations and the trace.
 */
export async function assessEvidence(
  evidence: Evidence,
  history: HistoryContext,
  options: AssessOptions = {},
  corpus: Corpus = bundledCorpus(),
  file?: string,
): Promise<Assessment> {
  const clock = history.clock;
  // The rules run once per outcome of the clock the ledger leaves possible (src/assess/clock-outcomes.ts).
  const runs = await decideEachOutcome(evidence, history, corpus, { ...options, previousTier: history.previousTier });
  const open = openTierOf(runs, history.outcomes?.decidingYears ?? clock?.unknownYears ?? []);
  const { decision } = representative(runs);
  const tier = decision.tier;
  const { clockEffect, tierBeforeClock } = clockEffectOf(runs, open, clock, tier);

  const grounds: WatchListGround[] = decision.fired('watch-list-ground').flatMap((r) =>
    r.event.type === 'watch-list-ground' ? [{ ground: r.event.params.ground, text: r.event.params.text, rule: r.id, cites: r.cites }] : [],
  );
  grounds.sort((a, b) => a.ground.localeCompare(b.ground));

  const recommendations = recommendationsOf(evidence, decision);
  const presumptions = presumptionsOf(evidence, decision);

  const notes: string[] = clockNotes(evidence, runs, open, clock, tier);
  notes.push(...evidenceNotes(decision, presumptions));
  if (options.secretaryDisregardsPresumption && !decision.trace.some((t) => t.outcome !== 'not in force in this year' && t.facts.some((f) => f.fact === 'secretaryDisregardsPresumption'))) {
    notes.push(`--disregard-presumption has no effect in the ${evidence.report_year} report: no rule in force reads it${transitionalYears(decision)}.`);
  }
  const overridesRubric =
    decision.determination.source === 'analyst' &&
    (decision.determination.fullyMeets !== decision.rubric.fullyMeets || decision.determination.significantEfforts !== decision.rubric.significantEfforts);
  if (overridesRubric) notes.push('The analyst determination departs from the rubric recommendation; its rationale is recorded.');
  for (const t of decision.trace) {
    if (t.decides && ['22usc7107.b.3.B', '22usc7107.b.1.B.commitments-excluded', '22usc7107.b.1.concrete-actions'].includes(t.rule)) {
      notes.push(`Statutory Tier 3 (${t.cites[0]?.title ?? t.rule}): it applies whatever the rubric or the analyst concluded.`);
    }
  }

  return {
    ...(file !== undefined ? { file } : {}),
    country: {
      name: evidence.country.name,
      iso3: evidence.country.iso3,
      bureau: evidence.country.bureau,
      adjective: evidence.country.adjective,
      government: evidence.country.government,
    },
    year: evidence.report_year,
    reportingPeriod: reportingPeriod(evidence.report_year),
    era: eraOf(evidence.report_year, lawOf(corpus, options.effective ?? {})),
    tier,
    tierBeforeClock,
    previousTier: history.previousTier,
    // An open tier has no definite change either.
    tierChange: open ? 'unknown' : tierChange(tier, history.previousTier),
    clockEffect,
    decidedBy: decidingRules(runs, open).map((r) => ({ rule: r.id, file: r.file, line: r.line, title: r.title, cites: r.cites })),
    open,
    rubric: decision.rubric,
    determination: { ...decision.determination, overridesRubric },
    watchList: { grounds: tier === '2WL' || tierBeforeClock === '2WL' ? grounds : [] },
    clock,
    specialWatchList: history.specialWatchList?.(tier) ?? null,
    tier3: history.tier3?.(tier) ?? null,
    recommendations,
    presumptions,
    openQuestions: decision.openQuestions,
    notes,
    options: {
      secretaryDisregardsPresumption: options.secretaryDisregardsPresumption ?? false,
      effective: options.effective ?? {},
      ...(options.describe ?? {}),
    },
    trace: decision.trace,
  };
}

/** " (the transitional clause covered the 2004-2005 reports)": the years of the rules that read the option, from their files. */
function transitionalYears(decision: { runs: { rule: { conditions: unknown; effective: { from: number; to?: number } } }[] }): string {
  const readers = decision.runs.map((r) => r.rule).filter((r) => JSON.stringify(r.conditions).includes('"secretaryDisregardsPresumption"'));
  if (readers.length === 0) return '';
  const from = Math.min(...readers.map((r) => r.effective.from));
  const to = Math.max(...readers.map((r) => r.effective.to ?? from));
  return ` (the transitional clause covered the ${from === to ? from : `${from}-${to}`} report${from === to ? '' : 's'})`;
}
