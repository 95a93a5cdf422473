import { Engine, Fact, type RuleResult } from 'json-rules-engine';
import { inForce, type Corpus, type LoadedRule } from '../rules/corpus.js';
import type { Condition } from '../rules/schema.js';
import { STAGES, type Facts, type FactValue, type Stage } from '../rules/stages.js';

export type EffectiveOverrides = Record<string, { from?: number; to?: number }>;

/** One condition as evaluated: the fact read, its value, and whether the test held. */
export interface EvaluatedCondition {
  fact: string;
  operator: string;
  value: unknown;
  /** The fact's value; absent when json-rules-engine short-circuited before reading it. */
  factValue?: FactValue;
  result?: boolean;
}

export interface RuleRun {
  rule: LoadedRule;
  inForce: boolean;
  /** undefined when not in force. */
  fired?: boolean;
  conditions: EvaluatedCondition[];
}

/** The rules of one stage in force in one year, compiled once into a json-rules-engine Engine. */
interface StageEngine {
  engine: Engine;
  rules: LoadedRule[];
}

const engineCache = new WeakMap<Corpus, Map<string, StageEngine>>();

function stageEngine(corpus: Corpus, stage: Stage, year: number, overrides: EffectiveOverrides): StageEngine {
  let byKey = engineCache.get(corpus);
  if (!byKey) {
    byKey = new Map();
    engineCache.set(corpus, byKey);
  }
  const rules = corpus.rules.filter((r) => r.stage === stage && inForce(r, year, overrides));
  // Engines are shared between years with the same rules in force (most eras span several years).
  const key = `${stage}|${rules.map((r) => r.file).join(',')}`;
  let cached = byKey.get(key);
  if (!cached) {
    // allowUndefinedFacts stays off: every fact a rule names is checked at load time and always supplied.
    const engine = new Engine([], { allowUndefinedFacts: false });
    for (const r of rules) {
      engine.addRule({
        name: r.file,
        // The conditions are zod-validated plain data (no __proto__ keys, no empty groups).
        conditions: structuredClone(r.conditions) as never,
        event: { type: r.event.type, params: { ...r.event.params } },
      });
    }
    cached = { engine, rules };
    byKey.set(key, cached);
  }
  return cached;
}

/** Flattens a json-rules-engine result tree into its leaves, in document order. */
function evaluatedLeaves(node: unknown): EvaluatedCondition[] {
  if (node === null || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  for (const key of ['all', 'any'] as const) {
    if (Array.isArray(n[key])) return (n[key] as unknown[]).flatMap(evaluatedLeaves);
  }
  if (n.not !== undefined) return evaluatedLeaves(n.not);
  const leaf: EvaluatedCondition = { fact: String(n.fact), operator: String(n.operator), value: n.value };
  // A condition json-rules-engine skipped carries neither result nor factResult: "not evaluated".
  if ('factResult' in n) leaf.factValue = n.factResult as FactValue;
  if (typeof n.result === 'boolean') leaf.result = n.result;
  return leaf.fact === 'undefined' ? [] : [leaf];
}

function unevaluatedLeaves(condition: Condition): EvaluatedCondition[] {
  if ('all' in condition) return condition.all.flatMap(unevaluatedLeaves);
  if ('any' in condition) return condition.any.flatMap(unevaluatedLeaves);
  if ('not' in condition) return unevaluatedLeaves(condition.not);
  return [{ fact: condition.fact, operator: condition.operator, value: condition.value }];
}

/** Runs one stage; returns a RuleRun for every rule of that stage in the corpus. */
export async function runStage(
  corpus: Corpus,
  stage: Stage,
  year: number,
  facts: Facts,
  overrides: EffectiveOverrides,
): Promise<RuleRun[]> {
  const { engine, rules } = stageEngine(corpus, stage, year, overrides);
  const byFile = new Map<string, RuleResult>();
  if (rules.length > 0) {
    // Constant facts as uncached Fact objects: json-rules-engine would otherwise hash every
    // lookup to build a cache key (a fifth of an assessment's time, measured by npm run bench).
    const runtime: Record<string, Fact> = {};
    for (const [id, value] of Object.entries(facts)) runtime[id] = new Fact(id, value, { cache: false });
    const { results, failureResults } = await engine.run(runtime);
    for (const r of [...results, ...failureResults]) byFile.set(r.name as string, r);
  }
  return corpus.rules
    .filter((r) => r.stage === stage)
    .map((rule): RuleRun => {
      const result = byFile.get(rule.file);
      if (!result) return { rule, inForce: false, conditions: unevaluatedLeaves(rule.conditions) };
      return { rule, inForce: true, fired: result.result === true, conditions: evaluatedLeaves(result.conditions) };
    });
}

export { STAGES };
