import { EVIDENCE_FACTS, factsRead } from '../evidence/facts.js';
import type { Finding } from '../evidence/values.js';
import type { Cite, Layer } from '../rules/schema.js';
import type { Facts } from '../rules/stages.js';
import { evaluate, unsettledLeaves } from './kleene.js';
import type { RuleRun } from './run-rules.js';

/** A rule of the statute (or of practice) that the evidence's unknowns leave open. */
/** The finding that neither credits nor blocks in the rubric. */
const NO_INFORMATION: Finding = 'no_information';

export interface OpenQuestion {
  rule: string;
  title: string;
  file: string;
  layer: Layer;
  cites: Cite[];
  /** What to record: the fields (or the ledger) whose unknown value the rule depends on. */
  record: { fact: string; field: string; now: string; rule_asks: string }[];
  text: string;
}

function fieldOf(fact: string): string {
  if (fact === 'previousTier') return "the ledger's row for the previous report year (--history)";
  if (fact === 'watchListPlacement') return 'the Watch List clock (--history)';
  const source = EVIDENCE_FACTS[fact];
  return source ? source.path.join('.') : fact;
}

/**
 * The statute and practice rules in force that did not apply but would have, or might have, if
 * the unknowns of the evidence were known (three-valued reading, kleene.ts). "unknown" never
 * fires a rule; this list is how the officer learns what it left open.
 */
export function openQuestions(runs: readonly RuleRun[], facts: Facts): OpenQuestion[] {
  const out: OpenQuestion[] = [];
  const fired = new Set(runs.filter((r) => r.fired).map((r) => r.rule.id));
  for (const run of runs) {
    if (!run.inForce || run.fired || run.rule.layer === 'rubric') continue;
    // An exception whose base rules all did not apply could change nothing: no question.
    if (run.rule.exception_of && !run.rule.exception_of.some((b) => fired.has(b))) continue;
    if (evaluate(run.rule.conditions, facts) !== 'unknown') continue;
    const record = unsettledLeaves(run.rule.conditions, facts).map((l) => ({
      fact: l.fact,
      field: fieldOf(l.fact),
      now: String(facts[l.fact] ?? 'unknown'),
      rule_asks: `${l.operator} ${JSON.stringify(l.value)}`,
    }));
    const fields = [...new Set(record.map((r) => `${r.field} (${r.now})`))].join(', ');
    out.push({
      rule: run.rule.id,
      title: run.rule.title,
      file: run.rule.file,
      layer: run.rule.layer,
      cites: run.rule.cites,
      record,
      text: `${run.rule.title}: may apply, depending on ${fields}.`,
    });
  }
  return out;
}

/**
 * The standards and criteria the rubric reads whose finding is `no_information`: the unknowns its
 * recommendation rests on (they neither credit nor block it). Read from the rubric rules in force,
 * so a criterion the rubric does not weigh ((b)(8), context) is not counted.
 */
export function rubricUnknowns(runs: readonly RuleRun[], facts: Facts): string[] {
  const read = new Set(runs.filter((r) => r.inForce && r.rule.layer === 'rubric').flatMap((r) => factsRead(r.rule.conditions)));
  return [...read]
    .filter((f) => /^(standard|criterion)_/.test(f) && facts[f] === NO_INFORMATION)
    .map((f) => f.replace(/^(standard|criterion)_/, ''))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

