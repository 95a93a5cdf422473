import type { Evidence } from '../evidence/schema.js';
import { CLOCK_IDS } from '../history/clock/law.js';
import type { WatchListOutcome } from '../history/clock.js';
import { tierName, tierRank, type Tier } from '../model/tier.js';
import type { Corpus, LoadedRule } from '../rules/corpus.js';
import { decide, type DecideOptions, type Decision } from './decide.js';
import type { ClockFacts } from './facts.js';
import type { ClockEffect, ClockSummary, OpenTier } from './types.js';

/**
 * The Watch List clock inside an assessment. When the ledger's missing years leave several
 * outcomes of the clock possible (a waiver year or barred, say), the rules run once for each, so
 * every rule acts on an outcome it can read: the waiver rule (D)(ii) on the one that needs a
 * waiver, the downgrade (D)(i) on the one that forbids the Watch List, rule (F) where it applies.
 * The tier is definite when every outcome gives the same; otherwise it is open, and says which
 * tiers and which missing years decide. Nothing here restates the law: the rules decide.
 */

/** The rules that mean the clock changed the tier (presentation only: the rules decide). */
const CLOCK_EFFECT_OF_RULE: Record<string, ClockEffect> = {
  [CLOCK_IDS.downgrade]: 'automatic-downgrade',
  [CLOCK_IDS.waiver]: 'waiver',
  [CLOCK_IDS.ruleF]: 'rule-f',
};

export interface ClockContext {
  clock: ClockSummary | null;
  outcomes?: { outcomes: readonly WatchListOutcome[]; decidingYears: readonly number[] };
}

export interface OutcomeDecision {
  facts: ClockFacts;
  decision: Decision;
}

/** The outcomes of the clock the rules are run on: one without a ledger ('unknown': not checked). */
export function clockFactsOf(history: ClockContext): ClockFacts[] {
  const clock = history.clock;
  if (!clock) return [{ watchListPlacement: 'unknown', ruleFApplies: false }];
  const outcomes = history.outcomes?.outcomes ?? (clock.watchListPlacement === 'unknown' ? [] : [{ placement: clock.watchListPlacement, ruleF: clock.ruleF.applies === true }]);
  if (outcomes.length === 0) return [{ watchListPlacement: 'unknown', ruleFApplies: false }];
  return outcomes.map((o) => ({ watchListPlacement: o.placement, ruleFApplies: o.ruleF }));
}

/** Runs the rules once per outcome of the clock (in a fixed order, one after the other). */
export async function decideEachOutcome(evidence: Evidence, history: ClockContext, corpus: Corpus, options: DecideOptions): Promise<OutcomeDecision[]> {
  const out: OutcomeDecision[] = [];
  for (const facts of clockFactsOf(history)) out.push({ facts, decision: await decide(evidence, facts, corpus, options) });
  return out;
}

/** Best first; a Special Case (no rank) last. */
function byRank(a: Tier, b: Tier): number {
  return (tierRank(b) ?? 0) - (tierRank(a) ?? 0);
}

/** The open tier, or null when every outcome gives the same tier. */
export function openTierOf(runs: readonly OutcomeDecision[], decidingYears: readonly number[]): OpenTier | null {
  const tiers = [...new Set(runs.map((r) => r.decision.tier))].sort(byRank);
  if (tiers.length <= 1) return null;
  return {
    tiers,
    decidingYears: [...decidingYears],
    branches: runs.map((r) => ({
      watchListPlacement: r.facts.watchListPlacement,
      ruleFApplies: r.facts.ruleFApplies,
      tier: r.decision.tier,
      decidedBy: r.decision.resolution.deciding.map((d) => d.id),
    })),
  };
}

/** The outcome the assessment shows: the most severe tier when open (never printed as definite), else the first. */
export function representative(runs: readonly OutcomeDecision[]): OutcomeDecision {
  return [...runs].sort((a, b) => byRank(b.decision.tier, a.decision.tier))[0]!;
}

/**
 * The rules that decide the tier: when it is definite over several outcomes of the clock, every
 * rule that decides it in one of them (a gap may leave it to a waiver or to no clock rule at all:
 * both are named); when it is open, those of the outcome shown (the branches name the others).
 */
export function decidingRules(runs: readonly OutcomeDecision[], open: OpenTier | null): LoadedRule[] {
  if (open) return representative(runs).decision.resolution.deciding;
  const out: LoadedRule[] = [];
  for (const r of runs) for (const rule of r.decision.resolution.deciding) if (!out.some((x) => x.id === rule.id)) out.push(rule);
  return out;
}

/** What the clock did in one decision, and the tier it would otherwise have given. */
function effectIn(d: Decision): { effect: ClockEffect | undefined; wouldBeWatchList: boolean } {
  const deciding = d.resolution.deciding.map((r) => CLOCK_EFFECT_OF_RULE[r.id]);
  // The clock is credited only when it alone decides: a Tier 3 that a proof of failure or the
  // concrete-actions rule also gives is not an automatic downgrade (the drafts must not say so).
  const effect = deciding.every((e) => e !== undefined) ? deciding[0] : undefined;
  const wouldBeWatchList = d.trace.some((t) => t.rule === CLOCK_IDS.watchList && t.outcome === 'fired' && !t.inapplicable);
  return { effect, wouldBeWatchList };
}

/**
 * The clock's effect over every outcome: the same in all of them, or 'not-checked' when they differ
 * or the ledger leaves the Watch List open; a rule (F) bar in one filling and a downgrade in another
 * are both automatic downgrades.
 */
export function clockEffectOf(runs: readonly OutcomeDecision[], open: OpenTier | null, clock: ClockSummary | null, tier: Tier): { clockEffect: ClockEffect; tierBeforeClock: Tier } {
  const effects = runs.map((r) => effectIn(r.decision));
  const kinds = new Set(effects.map((e) => e.effect ?? 'none'));
  let clockEffect: ClockEffect;
  if (open) clockEffect = 'not-checked';
  else if (kinds.size === 1) clockEffect = [...kinds][0]!;
  else if ([...kinds].every((k) => k === 'automatic-downgrade' || k === 'rule-f')) clockEffect = 'automatic-downgrade';
  else clockEffect = 'not-checked';
  if (clockEffect === 'none' && tier === '2WL' && (!clock || runs.every((r) => r.facts.watchListPlacement === 'unknown'))) clockEffect = 'not-checked';
  const downgraded = clockEffect === 'automatic-downgrade' || clockEffect === 'rule-f';
  const tierBeforeClock: Tier = downgraded && effects.every((e) => e.wouldBeWatchList) ? '2WL' : tier;
  return { clockEffect, tierBeforeClock };
}

function yearsList(years: readonly number[]): string {
  return years.length === 0 ? 'the missing years' : years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
}

/** Why a waiver the evidence records as granted did not keep the country on the Watch List in one decision, or null. */
function waiverSetAside(evidence: Evidence, r: OutcomeDecision, clock: ClockSummary | null): string | null {
  const w = evidence.waiver;
  if (w?.granted !== true) return null;
  const d = r.decision;
  if (d.resolution.deciding.some((x) => x.id === CLOCK_IDS.waiver)) return null;
  if (!effectIn(d).wouldBeWatchList) return null; // the tier is not the Watch List anyway: the waiver is moot
  const p = r.facts.watchListPlacement;
  if (r.facts.ruleFApplies) return 'rule (F) applies notwithstanding (D) and (E), so no waiver overrides it (22 U.S.C. 7107(b)(2)(F))';
  if (p === 'barred') {
    const n = clock?.waiverYearsAllowed ?? 0;
    return `the run has used the ${n} waiver year${n === 1 ? '' : 's'} the law allows per run in the ${evidence.report_year} report, so the country goes to Tier 3 (22 U.S.C. 7107(b)(2)(D)(i)-(ii))`;
  }
  if (p === 'allowed') return 'the clock allows the Watch List this year without one, so it was not needed';
  if (p === 'unknown') return 'no ledger was given, so whether a waiver was needed or still available was not checked';
  if (p === 'needs-waiver') {
    const missing = [
      w.written_plan !== true ? '(I) a written plan' : '',
      w.plan_would_constitute_significant_efforts !== true ? '(II) a plan that would constitute significant efforts' : '',
      w.sufficient_resources !== true ? '(III) sufficient resources' : '',
    ].filter((x) => x !== '');
    if (missing.length > 0) return `the waiver lacks ${missing.join(', ')} (22 U.S.C. 7107(b)(2)(D)(ii))`;
  }
  return null;
}

/** The notes the clock adds to an assessment: gaps, an open tier, a waiver set aside. */
export function clockNotes(evidence: Evidence, runs: readonly OutcomeDecision[], open: OpenTier | null, clock: ClockSummary | null, tier: Tier): string[] {
  const notes: string[] = [];
  const years = clock?.unknownYears ?? [];
  if (!clock) {
    notes.push('No tier history was given (--history): the Watch List clock of 22 U.S.C. 7107(b)(2)(D)-(F) was not applied.');
  } else if (open) {
    const which = open.tiers.map(tierName).join(' or ');
    notes.push(`The tier is open: depending on the ledger's missing ${open.decidingYears.length === 1 ? 'year' : 'years'} ${yearsList(open.decidingYears)}, the statute gives ${which}. Complete the ledger before the tier is recorded or published.`);
  } else if (runs.length > 1) {
    notes.push(`The ledger has no row for ${yearsList(years)}, but however those years are filled the rules give ${tierName(tier)}.`);
  } else if (clock.watchListPlacement === 'unknown' && tier === '2WL') {
    notes.push(`The ledger has no row for ${yearsList(years)}: whether the Watch List is allowed this year cannot be told.`);
  }
  const reasons = new Map<string, string[]>();
  for (const r of runs) {
    const why = waiverSetAside(evidence, r, clock);
    if (why) reasons.set(why, [...(reasons.get(why) ?? []), r.facts.watchListPlacement]);
  }
  for (const [why, placements] of reasons) {
    const where = runs.length > 1 ? ` where the missing years leave the Watch List ${placements.join(' or ')}` : '';
    notes.push(`The waiver recorded as granted is set aside${where}: ${why}.`);
  }
  return notes;
}
