import type { Tier } from '../model/tier.js';
import type { LoadedRule } from '../rules/corpus.js';

/** The tier rules that fired, resolved Catala-style into one conclusion. */
export interface Resolution {
  tier: Tier;
  /** The rule(s) whose conclusion stands (several only when they agree). */
  deciding: LoadedRule[];
  /** id -> ids of the applicable exceptions that overrode it. */
  overridden: Map<string, string[]>;
  /** Fired rules that did not apply because none of their base rules applied. */
  inapplicable: LoadedRule[];
}

/** Raised when the law, as encoded, gives no answer or two answers: never resolved silently. */
export class DecisionError extends Error {
  constructor(
    message: string,
    readonly kind: 'empty' | 'conflict',
    readonly rules: string[],
  ) {
    super(message);
    this.name = 'DecisionError';
  }
}

/**
 * Default logic, as in Catala: a base rule (no `exception_of`) applies when it fires; an
 * exception applies when it fires and one of its bases applies; an applicable rule is set aside
 * when an applicable exception names it. What is left must agree. Nothing left is an "empty"
 * error; two different tiers left is a "conflict" error naming both rules.
 */
export function resolveTier(fired: LoadedRule[]): Resolution {
  const firedById = new Map<string, LoadedRule>();
  for (const r of fired) firedById.set(r.id, r);

  const memo = new Map<string, boolean>();
  const applicable = (rule: LoadedRule, seen: Set<string>): boolean => {
    const known = memo.get(rule.id);
    if (known !== undefined) return known;
    if (seen.has(rule.id)) return false; // a cycle never applies (the corpus test forbids cycles)
    seen.add(rule.id);
    const bases = rule.exception_of ?? [];
    const result =
      bases.length === 0 ||
      bases.some((id) => {
        const base = firedById.get(id);
        return base !== undefined && applicable(base, seen);
      });
    memo.set(rule.id, result);
    return result;
  };

  const live = fired.filter((r) => applicable(r, new Set()));
  const inapplicable = fired.filter((r) => !live.includes(r));
  const overridden = new Map<string, string[]>();
  for (const e of live) {
    for (const base of e.exception_of ?? []) {
      if (live.some((r) => r.id === base)) overridden.set(base, [...(overridden.get(base) ?? []), e.id]);
    }
  }
  const standing = live.filter((r) => !overridden.has(r.id));
  if (standing.length === 0) {
    throw new DecisionError(
      fired.length === 0
        ? 'no tier rule applies to this evidence in this report year'
        : `no tier rule is left standing (fired: ${fired.map((r) => r.id).join(', ')})`,
      'empty',
      fired.map((r) => r.id),
    );
  }
  const tiers = new Set(standing.map((r) => (r.event.type === 'tier' ? r.event.params.tier : undefined)));
  if (tiers.size > 1) {
    const names = standing.map((r) => `${r.id} (${r.event.type === 'tier' ? r.event.params.tier : '?'}, ${r.file}:${r.line})`);
    throw new DecisionError(`rules disagree: ${names.join(' vs ')}`, 'conflict', standing.map((r) => r.id));
  }
  const first = standing[0]!;
  if (first.event.type !== 'tier') throw new DecisionError(`${first.id} is not a tier rule`, 'conflict', [first.id]);
  return { tier: first.event.params.tier, deciding: standing, overridden, inapplicable };
}
