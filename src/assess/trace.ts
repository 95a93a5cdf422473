import type { Cite, Layer } from '../rules/schema.js';
import type { Stage } from '../rules/stages.js';
import type { Resolution } from './resolve.js';
import type { EvaluatedCondition, RuleRun } from './run-rules.js';

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

function outcomeOf(run: RuleRun): Outcome {
  if (!run.inForce) return 'not in force in this year';
  if (run.fired) return 'fired';
  return run.conditions.some((c) => c.result !== undefined) ? 'not met' : 'not evaluated';
}

/** The trace: every rule of the corpus, what it read, its outcome and, for tier rules, its part in the resolution. */
export function traceOf(runs: readonly RuleRun[], resolution: Resolution): TraceEntry[] {
  return runs.map((run): TraceEntry => {
    const entry: TraceEntry = {
      rule: run.rule.id,
      file: run.rule.file,
      line: run.rule.line,
      title: run.rule.title,
      layer: run.rule.layer,
      stage: run.rule.stage,
      cites: run.rule.cites,
      outcome: outcomeOf(run),
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
}
