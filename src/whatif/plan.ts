import { tierRank, type Tier } from '../model/tier.js';
import type { Cite } from '../rules/schema.js';
import type { EvidenceChange, PlannedAction, TargetResult } from './types.js';

/**
 * The prioritised actions: the government actions of the minimal sets toward better tiers, the
 * nearest tier first and, within it, the sets in their order (actions only first, then fewest
 * changes that are not actions). One action per fact, in the first value that appears (domain
 * order: "true" before "partial"). Situational, procedural, recorded and withdrawn changes are
 * never actions; the sets an action belongs to may need them, and the action says so.
 */
export function isAdvice(c: EvidenceChange): boolean {
  return c.class === 'actionable' && c.kind === 'change' && c.advice !== undefined;
}

function conditionOf(c: EvidenceChange): string {
  const what = c.class === 'situational' ? 'situational' : c.kind === 'record' ? 'to record' : c.kind === 'withdraw' ? 'a finding withdrawn' : c.class;
  return `${c.label} [${what}]`;
}

export function prioritisedActions(targets: readonly TargetResult[], current: Tier): PlannedAction[] {
  const from = tierRank(current) ?? 0;
  const better = targets
    .filter((t) => t.direction === 'up' || (t.direction === 'across' && (tierRank(t.tier) ?? 0) > from))
    .sort((a, b) => (tierRank(a.tier) ?? 0) - (tierRank(b.tier) ?? 0));
  const byFact = new Map<string, PlannedAction>();
  for (const target of better) {
    for (const set of target.sets) {
      const actions = set.changes.filter(isAdvice);
      const others = set.changes.filter((c) => !isAdvice(c));
      for (const c of actions) {
        let a = byFact.get(c.fact);
        if (!a) {
          // The first set an action appears in is the best one toward the nearest tier it serves:
          // what else that set needs is what the action says it needs.
          const cites: Cite[] = c.rules.flatMap((r) => r.cites.slice(0, 1));
          a = {
            rank: byFact.size + 1,
            fact: c.fact,
            field: c.field,
            to: c.to,
            text: c.advice!,
            covers: [...c.covers],
            towards: [],
            sufficient: false,
            together: actions.filter((o) => o !== c).map((o) => o.field),
            conditions: others.map(conditionOf),
            cites: dedupeCites(cites),
          };
          byFact.set(c.fact, a);
        }
        if (!a.towards.includes(target.tier)) a.towards.push(target.tier);
        if (set.changes.length === 1) a.sufficient = true;
      }
    }
  }
  return [...byFact.values()];
}

function dedupeCites(cites: readonly Cite[]): Cite[] {
  const seen = new Set<string>();
  return cites.filter((c) => !seen.has(c.title) && (seen.add(c.title), true));
}
