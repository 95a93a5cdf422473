import type { FactValue } from '../rules/stages.js';
import type { Term } from './dnf.js';
import { valuesOf, type Space } from './space.js';

/**
 * The change sets of a goal's terms. A term with cost c names the c facts whose current value it
 * excludes and, for each, the values it allows: every choice of one allowed value per fact is a
 * set of c changes that satisfies the term, the other facts keeping their values. Every set that
 * reaches the goal contains such a set (it satisfies some term, so it changes at least that term's
 * facts to values the term allows), so the sets no other candidate is a proper subset of are
 * exactly the minimal ones: no proper subset of them reaches the goal, and none is missed.
 */
export interface CandidateChange {
  /** Index into the space. */
  fact: number;
  to: FactValue;
}

export type Candidate = readonly CandidateChange[];

function keyOf(set: Candidate): string {
  return set.map((c) => `${c.fact}=${JSON.stringify(c.to)}`).join('&');
}

/** Every choice of allowed values for the facts a term changes, facts in index order. */
function expand(term: Term, space: Space): Candidate[] {
  let sets: CandidateChange[][] = [[]];
  for (let i = 0; i < term.masks.length; i++) {
    if ((term.masks[i]! & space.current[i]!) !== 0) continue;
    const f = space.facts[i]!;
    const values = valuesOf(f, term.masks[i]!);
    sets = sets.flatMap((s) => values.map((to) => [...s, { fact: i, to }]));
  }
  return sets;
}

/** The proper non-empty subsets of a small set (at most the bound's 2^k - 2). */
function properSubsets(set: Candidate): Candidate[] {
  const out: Candidate[] = [];
  const n = set.length;
  for (let bits = 1; bits < (1 << n) - 1; bits++) out.push(set.filter((_, i) => (bits & (1 << i)) !== 0));
  return out;
}

/** The minimal change sets of the terms (the empty set when the goal already holds). */
export function minimalSets(terms: readonly Term[], space: Space): Candidate[] {
  const all = new Map<string, Candidate>();
  for (const t of terms) for (const s of expand(t, space)) all.set(keyOf(s), s);
  if (all.has('')) return [[]];
  return [...all.values()].filter((s) => !properSubsets(s).some((sub) => all.has(keyOf(sub))));
}
