import type { Formula } from './formula.js';
import type { Space } from './space.js';
import type { FactValue } from '../rules/stages.js';

/**
 * Abduction over the decision's formulas: the minimal sets of at most `bound` changes that make a
 * goal hold. Goal-directed, never a walk over the combinations of facts:
 *   - a literal that fails is fixed by changing its fact to one of the values it allows;
 *   - a disjunction that fails, by whatever fixes one of its parts;
 *   - a conjunction that fails, by fixing its first failing part and then, from the point that
 *     change leads to, the conjunction again (a part that held may now fail, and is fixed in turn),
 *     until it holds or the changes run out.
 * A fact changed on the way is not changed again. Each step keeps only its minimal fixes (a fix
 * that contains another is never needed), and a conjunction whose failing literals need more
 * distinct facts than the changes left is given up at once.
 *
 * Why nothing is missed: take any set Δ of at most `bound` changes that makes the goal hold. At a
 * failing conjunction, Δ makes its first failing part hold, so (by induction on the formula) some
 * fix δ ⊆ Δ of that part is among those tried, and the rest of Δ fixes the conjunction from the
 * point δ leads to (by induction on the changes left). So some set found is contained in Δ, and
 * the minimal sets found are exactly the minimal sets: test/whatif/abduce.properties.test.ts checks
 * this against brute force over random formulas.
 */
export interface CandidateChange {
  /** Index into the space. */
  fact: number;
  to: FactValue;
}

export type Candidate = readonly CandidateChange[];

/** Raised when the search does more than `limit` steps (never a silent truncation). */
export class SearchLimitError extends Error {
  constructor(readonly limit: number) {
    super(`the what-if search took more than ${limit} steps; lower the bound on the number of changes`);
    this.name = 'SearchLimitError';
  }
}

export function keyOf(set: Candidate): string {
  return set.map((c) => `${c.fact}=${JSON.stringify(c.to)}`).join('&');
}

function union(a: Candidate, b: Candidate): Candidate {
  return [...a, ...b].sort((x, y) => x.fact - y.fact);
}

/** The sets no other set of the list is a proper subset of (the list is small: fixes of one part). */
export function minimal(sets: readonly Candidate[]): Candidate[] {
  const byKey = new Map(sets.map((s) => [keyOf(s), s]));
  const all = [...byKey.values()];
  const within = (a: Candidate, b: Candidate) => a.length < b.length && a.every((x) => b.some((y) => y.fact === x.fact && y.to === x.to));
  return all.filter((s) => !all.some((t) => within(t, s)));
}

export class Abduction {
  /** Steps taken (calls of the search), for the benchmark's account of the work done. */
  steps = 0;
  private readonly memo = new Map<string, Candidate[]>();
  private readonly ids = new Map<Formula, number>();
  private readonly truth = new Map<string, Map<Formula, boolean>>();

  constructor(
    private readonly space: Space,
    private readonly bound: number,
    private readonly limit = 2_000_000,
  ) {}

  /** The minimal sets of at most `bound` changes that make `goal` hold ([[]] when it holds already). */
  sets(goal: Formula): Candidate[] {
    return minimal(this.solve(goal, [], this.bound));
  }

  private id(f: Formula): number {
    let i = this.ids.get(f);
    if (i === undefined) this.ids.set(f, (i = this.ids.size));
    return i;
  }

  /** Whether `f` holds with the changes applied; memoized per set of changes. */
  holds(f: Formula, changes: Candidate): boolean {
    const key = keyOf(changes);
    let memo = this.truth.get(key);
    if (!memo) this.truth.set(key, (memo = new Map()));
    const point = this.space.current.slice();
    for (const c of changes) point[c.fact] = 1 << this.space.facts[c.fact]!.domain.indexOf(c.to);
    const at = (g: Formula): boolean => {
      if (g.k === 'const') return g.value;
      if (g.k === 'lit') return (point[g.fact]! & g.mask) !== 0;
      const known = memo.get(g);
      if (known !== undefined) return known;
      const v = g.k === 'and' ? g.parts.every(at) : g.parts.some(at);
      memo.set(g, v);
      return v;
    };
    return at(f);
  }

  /** The minimal fixes (changes added to `changes`) that make `f` hold, using at most `budget` changes. */
  private solve(f: Formula, changes: Candidate, budget: number): Candidate[] {
    if (this.holds(f, changes)) return [[]];
    if (budget === 0 || f.k === 'const') return [];
    if (++this.steps > this.limit) throw new SearchLimitError(this.limit);
    const key = `${this.id(f)}|${budget}|${keyOf(changes)}`;
    const known = this.memo.get(key);
    if (known) return known;
    let out: Candidate[];
    if (f.k === 'lit') out = this.fixLiteral(f, changes);
    else if (f.k === 'or') out = minimal(f.parts.flatMap((p) => this.solve(p, changes, budget)));
    else out = this.fixConjunction(f, changes, budget);
    this.memo.set(key, out);
    return out;
  }

  private fixLiteral(f: Extract<Formula, { k: 'lit' }>, changes: Candidate): Candidate[] {
    if (changes.some((c) => c.fact === f.fact)) return []; // changed once already on this path
    const fact = this.space.facts[f.fact]!;
    return fact.domain.filter((_, bit) => (f.mask & (1 << bit)) !== 0).map((to) => [{ fact: f.fact, to }]);
  }

  private fixConjunction(f: Formula & { k: 'and' | 'or'; parts: readonly Formula[] }, changes: Candidate, budget: number): Candidate[] {
    const failing = f.parts.filter((p) => !this.holds(p, changes));
    // Failing literals on distinct facts each need a change of their own.
    const facts = new Set(failing.flatMap((p) => (p.k === 'lit' ? [p.fact] : [])));
    if (facts.size > budget) return [];
    const out: Candidate[] = [];
    for (const first of this.solve(failing[0]!, changes, budget)) {
      const next = union(changes, first);
      for (const rest of this.solve(f, next, budget - first.length)) out.push(union(first, rest));
    }
    return minimal(out);
  }
}
