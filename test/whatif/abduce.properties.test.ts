import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Abduction, type Candidate } from '../../src/whatif/abduce.js';
import { and, holdsAt, lit, or, type Formula } from '../../src/whatif/formula.js';
import type { Space } from '../../src/whatif/space.js';

/**
 * The search's core against brute force, over random formulas: the minimal change sets the
 * abduction finds are exactly the sets of at most `bound` changes that satisfy the formula and
 * have no proper subset that does. The brute force tries every set of changes; the abduction never does.
 */
const spaceArb = fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 5 }).chain((sizes) =>
  fc.tuple(fc.constant(sizes), fc.tuple(...sizes.map((n) => fc.integer({ min: 0, max: n - 1 })))),
);

function spaceOf(sizes: number[], current: number[]): Space {
  const facts = sizes.map((n, i) => ({
    name: `f${i}`,
    field: `f${i}`,
    domain: Array.from({ length: n }, (_, v) => `v${v}`),
    current: `v${current[i]}`,
    class: 'actionable' as const,
    info: { class: 'actionable' as const, situationalValues: [], covers: [], advice: {}, why: 'test', cites: [] },
  }));
  return {
    facts,
    index: new Map(facts.map((f, i) => [f.name, i])),
    full: Uint8Array.from(sizes.map((n) => (1 << n) - 1)),
    current: Uint8Array.from(current.map((v) => 1 << v)),
  };
}

function formulaArb(sizes: number[]): fc.Arbitrary<Formula> {
  const leaf = fc.integer({ min: 0, max: sizes.length - 1 }).chain((f) => fc.integer({ min: 0, max: (1 << sizes[f]!) - 1 }).map((m) => lit(f, m, (1 << sizes[f]!) - 1)));
  const { node } = fc.letrec<{ node: Formula }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map(and),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map(or),
    ),
  }));
  return node;
}

const key = (s: Candidate) => s.map((c) => `${c.fact}=${String(c.to)}`).join('&');

function bruteForce(f: Formula, space: Space, bound: number): string[] {
  const n = space.facts.length;
  const working: Candidate[] = [];
  const visit = (from: number, chosen: Candidate, point: Uint8Array) => {
    if (holdsAt(f, point)) working.push(chosen);
    if (chosen.length === bound) return;
    for (let i = from; i < n; i++) {
      const fact = space.facts[i]!;
      fact.domain.forEach((to, v) => {
        if (to === fact.current) return;
        const next = point.slice();
        next[i] = 1 << v;
        visit(i + 1, [...chosen, { fact: i, to }], next);
      });
    }
  };
  visit(0, [], space.current.slice());
  const keys = new Set(working.map(key));
  const subsetOf = (a: Candidate, b: Candidate) => a.length < b.length && a.every((x) => b.some((y) => y.fact === x.fact && y.to === x.to));
  return working.filter((s) => !working.some((t) => subsetOf(t, s))).map(key).filter((k) => keys.has(k)).sort();
}

describe('abduction and minimal sets', () => {
  test('exactly the minimal satisfying sets of at most `bound` changes', () => {
    fc.assert(
      fc.property(
        spaceArb.chain(([sizes, current]) => fc.tuple(fc.constant(spaceOf(sizes, current)), formulaArb(sizes), fc.integer({ min: 1, max: 3 }))),
        ([space, formula, bound]) => {
          const found = new Abduction(space, bound).sets(formula).map(key).sort();
          expect(found).toEqual(bruteForce(formula, space, bound));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
