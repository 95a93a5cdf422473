import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { DecisionError } from '../../src/assess/resolve.js';
import { TIERS, type Tier } from '../../src/model/tier.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { bundledFactClasses } from '../../src/whatif/classes.js';
import { holdsAt } from '../../src/whatif/formula.js';
import { decisionModels } from '../../src/whatif/search.js';
import { assessmentInput } from '../support/arbitraries.js';
import { clockOutcomes, historyOf } from './support.js';

/**
 * The what-if's formulas are the decision: for generated evidence, outcomes of the clock (one, or
 * two that a gap leaves open) and last year's tier, the goal "the tier is T" holds at the
 * evidence's own values for exactly the tier the assessment gives (for none when the rules give no
 * answer, or the tier is open). A change to src/assess/decide.ts
 * that src/whatif/derived.ts does not mirror, or a rule the model reads wrongly, fails here.
 */
const corpus = bundledCorpus();
const classes = bundledFactClasses();
const previous = fc.constantFrom<Tier | null>(null, '1', '2', '2WL', '3');

describe('the decision as formulas', () => {
  test('the goal of exactly the assessed tier holds at the evidence', async () => {
    await fc.assert(
      fc.asyncProperty(assessmentInput, clockOutcomes, previous, async ({ year, evidence }, outcomes, previousTier) => {
        const history = historyOf(year, outcomes, previousTier);
        let tier: Tier | null = null;
        try {
          const a = await assessEvidence(evidence, history, {}, corpus);
          tier = a.open ? null : a.tier; // an open tier is no tier: the goal of none holds
        } catch (err) {
          if (!(err instanceof DecisionError)) throw err;
        }
        const { space, goal } = decisionModels({ evidence, history, options: {}, corpus, classes });
        const holding = TIERS.filter((t) => holdsAt(goal(t), space.current));
        expect(holding).toEqual(tier === null ? [] : [tier]);
      }),
      { numRuns: 200 },
    );
  });
});
