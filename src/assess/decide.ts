import type { Evidence } from '../evidence/schema.js';
import type { Tier } from '../model/tier.js';
import type { Corpus, LoadedRule } from '../rules/corpus.js';
import type { Cite, Layer } from '../rules/schema.js';
import { STAGES, type Facts, type Stage } from '../rules/stages.js';
import { CRITERIA } from '../rules/schema.js';
import { baseFacts, type ClockFacts, type FactOptions } from './facts.js';
import { DecisionError, resolveTier, type Resolution } from './resolve.js';
import { runStage, type EffectiveOverrides, type EvaluatedCondition, type RuleRun } from './run-rules.js';

export type Outcome = 'fired' | 'not met' | 'not in force in this year' | 'not evaluated';

export interface TraceEntry {
  rule: string;
  file: string;
  line: number;
  title: string;
  layer: Layer;
  stage: Stage;
  cites: Cite[];
  outcome: Outcome;
  /** The facts the rule read, with their values; `result` absent = not evaluated (short-circuit). */
  facts: EvaluatedCondition[];
  /** For tier rules: set aside by these applicable exceptions. */
  overriddenBy?: string[];
  /** For tier rules: fired, but none of the rules it is an exception to applied. */
  inapplicable?: boolean;
  /** For tier rules: this rule's conclusion is the tier. */
  decides?: boolean;
}

export interface Decision {
  tier: Tier;
  resolution: Resolution;
  facts: Facts;
  runs: RuleRun[];
  trace: TraceEntry[];
  rubric: { fullyMeets: boolean; significantEfforts: boolean };
  determination: { source: 'analyst' | 'rubric'; fullyMeets: boolean; significantEfforts: boolean; rationale?: string };
  fired: (type: LoadedRule['event']['type']) => LoadedRule[];
}

export interface DecideOptions extends FactOptions {
  effective?: EffectiveOverrides;
}

function firedOf(runs: RuleRun[], type: LoadedRule['event']['type']): LoadedRule[] {
  return runs.filter((r) => r.fired && r.rule.event.type === type).map((r) => r.rule);
}

/**
 * Runs the four stages of the decision and resolves the tier. The only things computed in
 * TypeScript between stages are counts of what earlier rules concluded and the layering of the
 * analyst's determination over the rubric (product.md §2, layer 3); every legal test is a rule.
 */
export async function decide(evidence: Evidence, clock: ClockFacts, corpus: Corpus, options: DecideOptions = {}): Promise<Decision> {
  const year = evidence.report_year;
  const overrides = options.effective ?? {};
  const facts: Facts = baseFacts(evidence, clock, options);
  const runs: RuleRun[] = [];

  // Facts of later stages start at neutral values so the almanac always has them.
  for (const c of CRITERIA) facts[`presumed_not_met_${c}`] = false;
  Object.assign(facts, { inScope: true, unmetStandardsCount: 0, unmetCriteriaCount: 0, metCriteriaCount: 0, fullyMeets: false, significantEfforts: false, watchListGroundCount: 0 });

  let rubric = { fullyMeets: false, significantEfforts: false };
  let determination: Decision['determination'] = { source: 'rubric', ...rubric };

  for (const stage of STAGES) {
    const stageRuns = await runStage(corpus, stage, year, facts, overrides);
    runs.push(...stageRuns);
    if (stage === 1) {
      facts.inScope = firedOf(stageRuns, 'scope').length === 0;
      for (const r of firedOf(stageRuns, 'presumption')) {
        if (r.event.type === 'presumption') facts[`presumed_not_met_${r.event.params.criterion}`] = true;
      }
    } else if (stage === 2) {
      facts.unmetStandardsCount = firedOf(stageRuns, 'standard-unmet').length;
      const unmet = new Set(firedOf(stageRuns, 'criterion-unmet').map((r) => (r.event.type === 'criterion-unmet' ? r.event.params.criterion : '')));
      facts.unmetCriteriaCount = unmet.size;
      facts.metCriteriaCount = CRITERIA.filter(
        (c) => (facts[`criterion_${c}`] === 'met' || facts[`criterion_${c}`] === 'partly_met') && facts[`presumed_not_met_${c}`] !== true,
      ).length;
    } else if (stage === 3) {
      const recommends = new Set(firedOf(stageRuns, 'rubric').map((r) => (r.event.type === 'rubric' ? r.event.params.recommends : '')));
      rubric = { fullyMeets: recommends.has('fully-meets'), significantEfforts: recommends.has('significant-efforts') || recommends.has('fully-meets') };
      determination = evidence.determination
        ? {
            source: 'analyst',
            fullyMeets: evidence.determination.fully_meets,
            significantEfforts: evidence.determination.significant_efforts || evidence.determination.fully_meets,
            rationale: evidence.determination.rationale,
          }
        : { source: 'rubric', ...rubric };
      facts.fullyMeets = determination.fullyMeets;
      facts.significantEfforts = determination.significantEfforts;
      facts.watchListGroundCount = firedOf(stageRuns, 'watch-list-ground').length;
    }
  }

  const tierRules = firedOf(runs, 'tier');
  if (facts.inScope === false && facts.specialCase !== true) {
    const scope = firedOf(runs, 'scope')[0]!;
    throw new DecisionError(
      `the country is outside the minimum standards in the ${year} report (${scope.title}; ${scope.file}:${scope.line}), so it is not placed in a tier`,
      'empty',
      [scope.id],
    );
  }
  const resolution = resolveTier(tierRules);
  const trace = runs.map((run): TraceEntry => {
    const entry: TraceEntry = {
      rule: run.rule.id,
      file: run.rule.file,
      line: run.rule.line,
      title: run.rule.title,
      layer: run.rule.layer,
      stage: run.rule.stage,
      cites: run.rule.cites,
      outcome: !run.inForce ? 'not in force in this year' : run.fired ? 'fired' : run.conditions.some((c) => c.result !== undefined) ? 'not met' : 'not evaluated',
      facts: run.conditions,
    };
    if (run.rule.event.type === 'tier' && run.fired) {
      const by = resolution.overridden.get(run.rule.id);
      if (by) entry.overriddenBy = by;
      if (resolution.inapplicable.includes(run.rule)) entry.inapplicable = true;
      if (resolution.deciding.includes(run.rule)) entry.decides = true;
    }
    return entry;
  });
  return {
    tier: resolution.tier,
    resolution,
    facts,
    runs,
    trace,
    rubric,
    determination,
    fired: (type) => firedOf(runs, type),
  };
}
