import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, test } from 'vitest';
import { DecisionError, resolveTier } from '../../src/assess/resolve.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { factsRead, holds } from '../../src/rules/evaluate.js';
import { standingRules } from '../../src/rules/exceptions.js';
import { FACTS, type Facts } from '../../src/rules/stages.js';

/**
 * `tip check-history` runs the clock's tier rules with a small synchronous evaluator and the
 * default logic of src/rules/exceptions.ts. Both must mean what the assessment means:
 * json-rules-engine's operators, and src/assess/resolve.ts's resolution.
 */
const corpus = bundledCorpus();

/** A value for each fact a rule reads, of the fact's registered type. */
function factArb(names: string[]): fc.Arbitrary<Facts> {
  return fc.record(
    Object.fromEntries(
      names.map((n) => {
        const spec = FACTS[n]!;
        const arb = spec.type === 'boolean' ? fc.boolean() : spec.type === 'number' ? fc.integer({ min: 0, max: 12 }) : fc.constantFrom(...(spec.values ?? ['x']));
        return [n, arb];
      }),
    ) as Record<string, fc.Arbitrary<boolean | number | string>>,
  );
}

describe('the synchronous evaluator agrees with json-rules-engine on every rule of the corpus (fast-check)', () => {
  for (const rule of corpus.rules) {
    test(rule.file, async () => {
      const names = [...new Set(factsRead(rule.conditions))];
      const engine = new Engine([], { allowUndefinedFacts: false });
      engine.addRule({ name: rule.file, conditions: structuredClone(rule.conditions) as never, event: { type: 'x' } });
      await fc.assert(
        fc.asyncProperty(factArb(names), async (facts) => {
          const { events } = await engine.run({ ...facts });
          expect(holds(rule.conditions, facts)).toBe(events.length === 1);
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe('the default logic of check-history agrees with the assessment\'s resolution (fast-check)', () => {
  const tierRules = corpus.rules.filter((r) => r.event.type === 'tier' && r.effective.to === undefined);
  test('the same rules stand, for any set of tier rules that fired', () => {
    fc.assert(
      fc.property(fc.subarray(tierRules, { minLength: 1 }), (fired) => {
        let deciding: string[] | 'error';
        try {
          deciding = resolveTier(fired).deciding.map((r) => r.id);
        } catch (err) {
          if (!(err instanceof DecisionError)) throw err;
          deciding = 'error';
        }
        const standing = standingRules(fired).map((r) => r.id);
        if (deciding === 'error') {
          const tiers = new Set(standingRules(fired).map((r) => (r.event.type === 'tier' ? r.event.params.tier : '')));
          expect(tiers.size === 1).toBe(false);
        } else {
          expect(standing.sort()).toEqual([...deciding].sort());
        }
      }),
      { numRuns: 500 },
    );
  });
});
