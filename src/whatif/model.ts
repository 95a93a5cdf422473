import { inForce, type Corpus, type LoadedRule } from '../rules/corpus.js';
import type { Condition, LeafCondition } from '../rules/schema.js';
import { FACTS, type Facts, type FactValue, type Stage } from '../rules/stages.js';
import { and, FALSE, lit, or, TRUE, type Formula } from './formula.js';
import type { Space } from './space.js';

/**
 * The decision as formulas: each rule's condition becomes a formula over the facts a what-if may
 * change (src/whatif/space.ts), with every other fact folded to its value and every fact an
 * earlier stage concludes replaced by the formula of the rules that conclude it
 * (src/whatif/derived.ts). The rules stay the only statement of the law: nothing here knows what
 * a rule says, only how json-rules-engine reads a condition.
 */

/** json-rules-engine's meaning of each operator the rule schema allows. */
export function operatorHolds(operator: string, value: FactValue, want: unknown): boolean {
  switch (operator) {
    case 'equal':
      return value === want;
    case 'notEqual':
      return value !== want;
    case 'in':
      return Array.isArray(want) && want.includes(value);
    case 'notIn':
      return Array.isArray(want) && !want.includes(value);
    case 'lessThan':
      return typeof value === 'number' && typeof want === 'number' && value < want;
    case 'lessThanInclusive':
      return typeof value === 'number' && typeof want === 'number' && value <= want;
    case 'greaterThan':
      return typeof value === 'number' && typeof want === 'number' && value > want;
    case 'greaterThanInclusive':
      return typeof value === 'number' && typeof want === 'number' && value >= want;
    default:
      throw new Error(`operator ${operator} is not one the what-if knows`);
  }
}

/** A fact an earlier stage concludes: its values, and the formula under which it takes each. */
export interface Derivation {
  values: readonly FactValue[];
  formula: (value: FactValue) => Formula;
}

export class DecisionModel {
  private readonly memo = new Map<string, Formula>();
  readonly derived = new Map<string, Derivation>();

  constructor(
    readonly corpus: Corpus,
    readonly year: number,
    readonly overrides: Record<string, { from?: number; to?: number }>,
    readonly space: Space,
    /** The value of every fact the what-if does not vary (this branch of the clock's, too). */
    readonly fixed: Facts,
  ) {}

  /** The rules of a stage in force this year, in the corpus's order. */
  rulesOf(stage: Stage, type?: LoadedRule['event']['type']): LoadedRule[] {
    return this.corpus.rules.filter((r) => r.stage === stage && (type === undefined || r.event.type === type) && inForce(r, this.year, this.overrides));
  }

  /** The rule fires (polarity true) or does not (false). */
  fires(rule: LoadedRule, polarity: boolean): Formula {
    const key = `${rule.file}|${polarity}`;
    let f = this.memo.get(key);
    if (!f) {
      f = this.condition(rule.conditions, polarity);
      this.memo.set(key, f);
    }
    return f;
  }

  condition(c: Condition, polarity: boolean): Formula {
    if ('all' in c) {
      const parts = c.all.map((x) => this.condition(x, polarity));
      return polarity ? and(parts) : or(parts);
    }
    if ('any' in c) {
      const parts = c.any.map((x) => this.condition(x, polarity));
      return polarity ? or(parts) : and(parts);
    }
    if ('not' in c) return this.condition(c.not, !polarity);
    return this.leaf(c, polarity);
  }

  private leaf(c: LeafCondition, polarity: boolean): Formula {
    const i = this.space.index.get(c.fact);
    if (i !== undefined) {
      const f = this.space.facts[i]!;
      let mask = 0;
      f.domain.forEach((v, bit) => {
        if (operatorHolds(c.operator, v, c.value) === polarity) mask |= 1 << bit;
      });
      return lit(i, mask, this.space.full[i]!);
    }
    const d = this.derived.get(c.fact);
    if (d) return or(d.values.filter((v) => operatorHolds(c.operator, v, c.value) === polarity).map((v) => d.formula(v)));
    if (!(c.fact in this.fixed)) {
      const spec = FACTS[c.fact];
      throw new Error(`the what-if has no value for fact ${c.fact}${spec && spec.availableFrom > 0 ? ' (a concluded fact with no derivation in src/whatif/derived.ts)' : ''}`);
    }
    return operatorHolds(c.operator, this.fixed[c.fact]!, c.value) === polarity ? TRUE : FALSE;
  }

  /** Memoizes a formula under a name (derived facts, tier rules). */
  named(key: string, build: () => Formula): Formula {
    let f = this.memo.get(key);
    if (!f) {
      f = build();
      this.memo.set(key, f);
    }
    return f;
  }
}

/** Exactly `k` of the formulas hold (each given with its negation). */
export function exactly(k: number, items: readonly { pos: Formula; neg: Formula }[]): Formula {
  const memo = new Map<string, Formula>();
  const go = (k: number, from: number): Formula => {
    if (k < 0) return FALSE;
    if (from === items.length) return k === 0 ? TRUE : FALSE;
    const key = `${k}|${from}`;
    const known = memo.get(key);
    if (known) return known;
    const item = items[from]!;
    const f = or([and([item.pos, go(k - 1, from + 1)]), and([item.neg, go(k, from + 1)])]);
    memo.set(key, f);
    return f;
  };
  return go(k, 0);
}
