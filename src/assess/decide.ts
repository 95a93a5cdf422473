import type { Evidence } from '../evidence/schema.js';
import type { Tier } from '../model/tier.js';
import type { Corpus, LoadedRule } from '../rules/corpus.js';
import { CRITERIA } from '../rules/schema.js';
import { STAGES, type Facts } from '../rules/stages.js';
import { baseFacts, type ClockFacts, type FactOptions } from './facts.js';
import { openQuestions, rubricUnknowns, type OpenQuestion } from './open-questions.js';
import { DecisionError, resolveTier, type Resolution } from './resolve.js';
import { runStage, type EffectiveOverrides, type RuleRun } from './run-rules.js';
import { traceOf, type TraceEntry } from './trace.js';

export type { Outcome, TraceEntry } from './trace.js';

export interface Decision {
  tier: Tier;
  resolution: Resolution;
  facts: Facts;
  runs: RuleRun[];
  trace: TraceEntry[];
  /** The rubric's recommendation, and the standards and criteria with no information it rests on. */
  rubric: { fullyMeets: boolean; significantEfforts: boolean; unknowns: string[] };
  determination: { source: 'analyst' | 'rubric'; fullyMeets: boolean; significantEfforts: boolean; rationale?: string };
  /** Rules of the statute or of practice that the evidence's unknowns leave open. */
  openQuestions: OpenQuestion[];
  fired: (type: LoadedRule['event']['type']) => LoadedRule[];
}

export interface DecideOptions extends FactOptions {
  effective?: EffectiveOverrides;
}

function firedOf(runs: readonly RuleRun[], type: LoadedRule['event']['type']): LoadedRule[] {
  return runs.filter((r) => r.fired && r.rule.event.type === type).map((r) => r.rule);
}

/** Layer 3 over layer 2 (README, "How the decision is made"): the analyst's determination, when given, replaces the rubric's. */
function determinationOf(evidence: Evidence, rubric: Decision['rubric']): Decision['determination'] {
  const d = evidence.determination;
  if (!d) return { source: 'rubric', fullyMeets: rubric.fullyMeets, significantEfforts: rubric.significantEfforts };
  return { source: 'analyst', fullyMeets: d.fully_meets, significantEfforts: d.significant_efforts, rationale: d.rationale };
}

/** What a stage's rules concluded, as facts for the next stages (no test is made here). */
function concluded(stage: number, stageRuns: RuleRun[], facts: Facts): void {
  if (stage === 1) {
    facts.inScope = firedOf(stageRuns, 'scope').length === 0;
    for (const r of firedOf(stageRuns, 'presumption')) if (r.event.type === 'presumption') facts[`presumed_not_met_${r.event.params.criterion}`] = true;
  } else if (stage === 3) {
    facts.watchListGroundCount = firedOf(stageRuns, 'watch-list-ground').length;
  }
}

/**
 * Runs the four stages of the decision and resolves the tier. Between stages the only things
 * computed here are what earlier rules concluded (which fired) and the layering of the analyst's
 * determination over the rubric (layer 3); every legal test is a rule: full
 * compliance implying significant efforts, the data presumptions binding "fully meets", the
 * proofs of failure, the clock (rules/22usc7107/b/1/*.yaml and their exceptions).
 */
export async function decide(evidence: Evidence, clock: ClockFacts, corpus: Corpus, options: DecideOptions = {}): Promise<Decision> {
  const year = evidence.report_year;
  const overrides = options.effective ?? {};
  const facts: Facts = baseFacts(evidence, clock, options);
  // Facts of later stages start at neutral values so the almanac always has them.
  for (const c of CRITERIA) facts[`presumed_not_met_${c}`] = false;
  Object.assign(facts, { inScope: true, fullyMeets: false, significantEfforts: false, watchListGroundCount: 0 });

  const runs: RuleRun[] = [];
  let rubric: Decision['rubric'] = { fullyMeets: false, significantEfforts: false, unknowns: [] };
  let determination = determinationOf(evidence, rubric);
  for (const stage of STAGES) {
    const stageRuns = await runStage(corpus, stage, year, facts, overrides);
    runs.push(...stageRuns);
    concluded(stage, stageRuns, facts);
    if (stage === 3) {
      const recommends = new Set(firedOf(stageRuns, 'rubric').map((r) => (r.event.type === 'rubric' ? r.event.params.recommends : '')));
      rubric = { fullyMeets: recommends.has('fully-meets'), significantEfforts: recommends.has('significant-efforts'), unknowns: rubricUnknowns(runs, facts) };
      determination = determinationOf(evidence, rubric);
      facts.fullyMeets = determination.fullyMeets;
      facts.significantEfforts = determination.significantEfforts;
    }
  }
  const resolution = resolveOrExplain(firedOf(runs, 'tier'), firedOf(runs, 'scope'), year);
  return {
    tier: resolution.tier,
    resolution,
    facts,
    runs,
    trace: traceOf(runs, resolution),
    rubric,
    determination,
    openQuestions: openQuestions(runs, facts),
    fired: (type) => firedOf(runs, type),
  };
}

/** The resolution; when no tier rule applies because a scope rule put the country outside the standards, the error says so. */
function resolveOrExplain(tierRules: LoadedRule[], scope: LoadedRule[], year: number): Resolution {
  try {
    return resolveTier(tierRules);
  } catch (err) {
    const out = scope[0];
    if (!(err instanceof DecisionError) || err.kind !== 'empty' || !out) throw err;
    throw new DecisionError(
      `the country is outside the minimum standards in the ${year} report (${out.title}; ${out.file}:${out.line}), so it is not placed in a tier`,
      'empty',
      [out.id],
    );
  }
}
