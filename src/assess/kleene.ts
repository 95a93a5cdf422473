import type { Condition, LeafCondition } from '../rules/schema.js';
import type { Facts, FactValue } from '../rules/stages.js';

/**
 * Three-valued reading of a rule's conditions (Kleene's logic): a condition on a fact whose value
 * is not known ("unknown", or "partial" data) is itself unknown; `all` is false if any part is
 * false, else unknown if any is; `any` is true if any part is true, else unknown if any is.
 *
 * The engine never decides on an unknown (json-rules-engine reads "unknown" as a string that
 * equals neither true nor false, so no rule fires on it). This reading says which rules the
 * unknowns leave open, for the officer's open questions. It decides nothing.
 */
export type Truth = true | false | 'unknown';

/** Values that say the evidence does not settle a yes/no question. */
export const UNSETTLED: readonly FactValue[] = ['unknown', 'partial'];

function leaf(c: LeafCondition, value: FactValue | undefined): Truth {
  if (value === undefined || UNSETTLED.includes(value)) return 'unknown';
  switch (c.operator) {
    case 'equal':
      return value === c.value;
    case 'notEqual':
      return value !== c.value;
    case 'in':
      return (c.value as unknown[]).includes(value);
    case 'notIn':
      return !(c.value as unknown[]).includes(value);
    case 'lessThan':
      return typeof value === 'number' && value < (c.value as number);
    case 'lessThanInclusive':
      return typeof value === 'number' && value <= (c.value as number);
    case 'greaterThan':
      return typeof value === 'number' && value > (c.value as number);
    case 'greaterThanInclusive':
      return typeof value === 'number' && value >= (c.value as number);
  }
}

export function evaluate(c: Condition, facts: Facts): Truth {
  if ('all' in c) {
    const parts = c.all.map((x) => evaluate(x, facts));
    return parts.includes(false) ? false : parts.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in c) {
    const parts = c.any.map((x) => evaluate(x, facts));
    return parts.includes(true) ? true : parts.includes('unknown') ? 'unknown' : false;
  }
  if ('not' in c) {
    const inner = evaluate(c.not, facts);
    return inner === 'unknown' ? 'unknown' : !inner;
  }
  return leaf(c, facts[c.fact]);
}

/** The conditions on unsettled facts, in document order: what the officer would have to record. */
export function unsettledLeaves(c: Condition, facts: Facts): LeafCondition[] {
  if ('all' in c) return c.all.flatMap((x) => unsettledLeaves(x, facts));
  if ('any' in c) return c.any.flatMap((x) => unsettledLeaves(x, facts));
  if ('not' in c) return unsettledLeaves(c.not, facts);
  const v = facts[c.fact];
  return v === undefined || UNSETTLED.includes(v) ? [c] : [];
}
