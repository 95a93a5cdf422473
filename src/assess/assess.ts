import { reportingPeriod, type Evidence } from '../evidence/schema.js';
import { tierRank, type Tier } from '../model/tier.js';
import { bundledCorpus, type Corpus } from '../rules/corpus.js';
import { decide, type DecideOptions } from './decide.js';
import { eraOf } from './era.js';
import { evidenceNotes, presumptionsOf, recommendationsOf } from './outputs.js';
import type {
  Assessment,
  ClockEffect,
  ClockSummary,
  SpecialWatchListSummary,
  Tier3Summary,
  WatchListGround,
} from './types.js';

/** What the history contributes to one assessment; computed by the caller from the ledger. */
export interface HistoryContext {
  clock: ClockSummary | null;
  previousTier: Tier | null;
  /** Given the tier, the Special Watch List membership (needs the previous tier). */
  specialWatchList?: (tier: Tier) => SpecialWatchListSummary | null;
  /** What the clock allows under every filling of the ledger's gaps (the distinct placements). */
  possiblePlacements?: readonly string[];
  /** Given the tier, the Tier 3 consequences (null unless Tier 3). */
  tier3?: (tier: Tier) => Tier3Summary | null;
}

export interface AssessOptions extends DecideOptions {
  /** Shown in the output, so a reader knows which readings were applied. */
  describe?: Record<string, unknown>;
}

/** Which rule ids mean the clock changed the tier (presentation only: the rules decide). */
const CLOCK_EFFECT_OF_RULE: Record<string, ClockEffect> = {
  '22usc7107.b.2.D.i': 'automatic-downgrade',
  '22usc7107.b.2.D.ii': 'waiver',
  '22usc7107.b.2.F': 'rule-f',
};

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
  // 'unknown' reaches the rules as such: no downgrade rule fires on it, and the notes say why.
  const possible = history.possiblePlacements ?? (clock && clock.watchListPlacement !== 'unknown' ? [clock.watchListPlacement] : []);
  const forbidden = possible.length > 0 && possible.every((p) => p === 'needs-waiver' || p === 'barred');
  const clockFacts = clock
    ? { watchListPlacement: clock.watchListPlacement, ruleFApplies: clock.ruleF.applies === true, watchListForbiddenInEveryFilling: forbidden }
    : { watchListPlacement: 'unknown' as const, ruleFApplies: false, watchListForbiddenInEveryFilling: false };
  const decision = await decide(evidence, clockFacts, corpus, { ...options, previousTier: history.previousTier });
  const tier = decision.tier;

  // The clock is credited only when it alone decides: a Tier 3 that a proof of failure or the
  // concrete-actions rule also gives is not an automatic downgrade (the drafts must not say so).
  const deciding = decision.resolution.deciding.map((r) => CLOCK_EFFECT_OF_RULE[r.id]);
  const clockRule = deciding.every((e) => e !== undefined) ? deciding[0] : undefined;
  const wouldBeWatchList = decision.trace.some((t) => t.rule === '22usc7107.b.2.A.iii' && t.outcome === 'fired' && !t.inapplicable);
  let clockEffect: ClockEffect = clockRule ?? 'none';
  if (!clockRule && tier === '2WL' && (!clock || clock.watchListPlacement === 'unknown')) clockEffect = 'not-checked';
  const tierBeforeClock: Tier = clockRule && wouldBeWatchList ? '2WL' : tier;

  const grounds: WatchListGround[] = decision.fired('watch-list-ground').flatMap((r) =>
    r.event.type === 'watch-list-ground' ? [{ ground: r.event.params.ground, text: r.event.params.text, rule: r.id, cites: r.cites }] : [],
  );
  grounds.sort((a, b) => a.ground.localeCompare(b.ground));

  const recommendations = recommendationsOf(evidence, decision);
  const presumptions = presumptionsOf(evidence, decision);

  const notes: string[] = [];
  if (!clock) {
    notes.push('No tier history was given (--history): the Watch List clock of 22 U.S.C. 7107(b)(2)(D)-(F) was not applied.');
  } else if (clock.watchListPlacement === 'unknown' && tier === '2WL') {
    notes.push(`The ledger has no row for ${clock.unknownYears.join(', ')}: whether the Watch List is allowed this year cannot be told.`);
  } else if (clock.watchListPlacement === 'unknown' && forbidden) {
    const waiverAsked = evidence.waiver?.granted === true;
    notes.push(
      `The ledger has no row for ${clock.unknownYears.join(', ')}, but however those years are filled the Watch List needs a waiver or is barred this year` +
        (waiverAsked ? '; whether the waiver granted was still available depends on them, so the downgrade should be checked once the ledger is complete.' : '.'),
    );
  }
  notes.push(...evidenceNotes(decision, presumptions));
  if (options.secretaryDisregardsPresumption && !decision.trace.some((t) => t.outcome !== 'not in force in this year' && t.facts.some((f) => f.fact === 'secretaryDisregardsPresumption'))) {
    notes.push(`--disregard-presumption has no effect in the ${evidence.report_year} report: no rule in force reads it (the transitional clause covered the 2004 and 2005 reports).`);
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
    era: eraOf(evidence.report_year),
    tier,
    tierBeforeClock,
    previousTier: history.previousTier,
    tierChange: tierChange(tier, history.previousTier),
    clockEffect,
    decidedBy: decision.resolution.deciding.map((r) => ({ rule: r.id, file: r.file, line: r.line, title: r.title, cites: r.cites })),
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
