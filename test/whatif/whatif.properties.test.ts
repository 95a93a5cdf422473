import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { DecisionError } from '../../src/assess/resolve.js';
import { EvidenceSchema, type Evidence } from '../../src/evidence/schema.js';
import type { Tier } from '../../src/model/tier.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { applyChanges, type FactChange } from '../../src/whatif/apply.js';
import { bundledFactClasses } from '../../src/whatif/classes.js';
import { isAdvice, prioritisedActions } from '../../src/whatif/plan.js';
import { searchTargets } from '../../src/whatif/search.js';
import type { ChangeSet } from '../../src/whatif/types.js';
import { assessmentInput } from '../support/arbitraries.js';
import { clockOutcomes, historyOf } from './support.js';

/**
 * Over generated evidence, outcomes of the clock (an open tier among them) and last year's tier,
 * against the assessment itself (not
 * the what-if's own confirmation): each set, written into the evidence, gives its target tier;
 * no proper subset of it does; every single change that alone gives a target is found (the bound
 * 1 oracle: every fact of the space, every value); the changed evidence is valid; and no
 * situational fact, recorded value or withdrawn finding is ever advice.
 */
const corpus = bundledCorpus();
const classes = bundledFactClasses();
const previous = fc.constantFrom<Tier | null>(null, '2', '2WL', '3');

async function tierOf(evidence: Evidence, history: ReturnType<typeof historyOf>): Promise<Tier | null> {
  try {
    const a = await assessEvidence(evidence, history, {}, corpus);
    return a.open ? null : a.tier; // an open tier is none of its possible tiers
  } catch (err) {
    if (err instanceof DecisionError) return null;
    throw err;
  }
}

const changesOf = (s: ChangeSet): FactChange[] => s.changes.map((c) => ({ fact: c.fact, to: c.to }));

function properSubsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let bits = 0; bits < (1 << items.length) - 1; bits++) out.push(items.filter((_, i) => (bits & (1 << i)) !== 0));
  return out;
}

describe('tip what-if over generated evidence', () => {
  test('each set gives its target, no proper subset does, no single change is missed, advice is only government action', async () => {
    await fc.assert(
      fc.asyncProperty(assessmentInput, clockOutcomes, previous, async ({ year, evidence }, outcomes, previousTier) => {
        const history = historyOf(year, outcomes, previousTier);
        let now: Tier;
        try {
          now = (await assessEvidence(evidence, history, {}, corpus)).tier;
        } catch (err) {
          if (err instanceof DecisionError) return; // the rules give no answer: nothing to move
          throw err;
        }
        const before = JSON.stringify(evidence);
        const result = await searchTargets({ evidence, history, options: {}, corpus, classes, bound: 3 });
        expect(JSON.stringify(evidence), 'the input evidence is never modified').toBe(before);
        for (const target of result.targets) {
          expect(target.unconfirmed).toBe(0);
          for (const set of target.sets) {
            const changed = applyChanges(evidence, changesOf(set));
            expect(EvidenceSchema.safeParse(changed).success).toBe(true);
            expect(await tierOf(changed, history)).toBe(target.tier);
            for (const sub of properSubsets(changesOf(set))) expect(await tierOf(applyChanges(evidence, sub), history)).not.toBe(target.tier);
            for (const c of set.changes) if (classes.facts.get(c.fact)?.class === 'situational') expect(c.class).toBe('situational');
          }
          // The bound-1 oracle: every fact of the space, every other value.
          const singles = new Set(target.sets.filter((s) => s.changes.length === 1).map((s) => `${s.changes[0]!.fact}=${String(s.changes[0]!.to)}`));
          for (const f of result.space.facts) {
            for (const to of f.domain) {
              if (to === f.current) continue;
              const works = (await tierOf(applyChanges(evidence, [{ fact: f.name, to }]), history)) === target.tier;
              expect(singles.has(`${f.name}=${String(to)}`), `${f.name} -> ${String(to)} toward ${target.tier}`).toBe(works);
            }
          }
        }
        for (const action of prioritisedActions(result.targets, now)) {
          expect(classes.facts.get(action.fact)?.class ?? classes.fields.get(action.fact)?.class).toBe('actionable');
        }
        for (const t of result.targets) for (const s of t.sets) for (const c of s.changes) if (isAdvice(c)) expect([c.class, c.kind]).toEqual(['actionable', 'change']);
      }),
      { numRuns: 12 },
    );
  }, 300_000); // a dozen what-ifs, each set and subset re-assessed: slow on a loaded machine
});
