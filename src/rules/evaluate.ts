import type { Condition, LeafCondition } from './schema.js';
import type { Facts, FactValue } from './stages.js';

/**
 * A synchronous evaluator of rule conditions, with json-rules-engine's meaning of every operator
 * the schema allows (test/rules/evaluate.test.ts checks the two agree on the corpus). The
 * assessment runs json-rules-engine; `tip check-history` runs the clock's tier rules with this,
 * over the facts a ledger row gives, thousands of times per ledger.
 */

export class MissingFactError extends Error {
  constructor(readonly fact: string) {
    super(`no value for fact ${fact}`);
    this.name = 'MissingFactError';
  }
}

function leaf(c: LeafCondition, facts: Facts): boolean {
  if (!(c.fact in facts)) throw new MissingFactError(c.fact);
  const v: FactValue | undefined = facts[c.fact];
  const want = c.value;
  switch (c.operator) {
    case 'equal':
      return v === want;
    case 'notEqual':
      return v !== want;
    case 'in':
      return Array.isArray(want) && (want as unknown[]).includes(v);
    case 'notIn':
      return Array.isArray(want) && !(want as unknown[]).includes(v);
    case 'lessThan':
      return typeof v === 'number' && typeof want === 'number' && v < want;
    case 'lessThanInclusive':
      return typeof v === 'number' && typeof want === 'number' && v <= want;
    case 'greaterThan':
      return typeof v === 'number' && typeof want === 'number' && v > want;
    case 'greaterThanInclusive':
      return typeof v === 'number' && typeof want === 'number' && v >= want;
  }
}

/** Whether `condition` holds over `facts`. Throws MissingFactError for a fact that is not given. */
export function holds(condition: Condition, facts: Facts): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  if ('not' in condition) return !holds(condition.not, facts);
  return leaf(condition, facts);
}

/** Every fact a condition names. */
export function factsRead(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(factsRead);
  if ('any' in condition) return condition.any.flatMap(factsRead);
  if ('not' in condition) return factsRead(condition.not);
  return [condition.fact];
}
