import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { placementView } from '../../src/render/view-placement.js';
import { baseEvidence } from '../support/evidence.js';

/**
 * Issue: when a statutory rule forces Tier 3 and the determination also gives it, the output
 * must credit the statutory rule (the drafts say why), not (b)(1)(C) alone.
 */
describe('the statutory reason for Tier 3 is credited in the assessment and in the drafts', () => {
  const noEfforts = { determination: { fully_meets: false, significant_efforts: false, rationale: 'no significant efforts' } };
  const policy = {
    state_labor: [{ program: 'prison_labor', kind: 'forced_labor', description: 'prisoners forced to make goods for export', government_policy_or_pattern: true }],
  };

  test('policy or pattern and no significant efforts: decided by (b)(3)(B), (b)(1)(C) set aside, the tier paragraph gives the policy or pattern', async () => {
    const evidence = baseEvidence(2021, { ...noEfforts, ...policy });
    const a = await assessEvidence(evidence, { clock: null, previousTier: null });
    expect(a.tier).toBe('3');
    expect(a.decidedBy.map((d) => d.rule)).toEqual(['22usc7107.b.3.B']);
    expect(a.trace.find((t) => t.rule === '22usc7107.b.1.C')?.overriddenBy).toEqual(['22usc7107.b.3.B']);
    expect(placementView(a, evidence).statutoryTier3).toEqual({ reason: 'policy-or-pattern', kinds: ['forced labor'] });
  });

  test('no concrete actions and no significant efforts: decided by the concrete-actions rule', async () => {
    const evidence = baseEvidence(2020, { ...noEfforts, efforts_basis: { concrete_actions: false } });
    const a = await assessEvidence(evidence, { clock: null, previousTier: null });
    expect(a.decidedBy.map((d) => d.rule)).toEqual(['22usc7107.b.1.concrete-actions']);
    expect(placementView(a, evidence).statutoryTier3?.reason).toBe('no-concrete-actions');
  });

  test('two statutory reasons are both credited', async () => {
    const evidence = baseEvidence(2022, { ...policy, efforts_basis: { rests_on_commitments: true } });
    const a = await assessEvidence(evidence, { clock: null, previousTier: null });
    expect(a.decidedBy.map((d) => d.rule).sort()).toEqual(['22usc7107.b.1.B.commitments-excluded', '22usc7107.b.3.B']);
  });

  test('an unknown policy-or-pattern finding credits nothing: the determination decides, and the question is open', async () => {
    const evidence = baseEvidence(2021, { ...noEfforts, state_labor: [{ ...policy.state_labor[0], government_policy_or_pattern: 'unknown' }] });
    const a = await assessEvidence(evidence, { clock: null, previousTier: null });
    expect(a.decidedBy.map((d) => d.rule)).toEqual(['22usc7107.b.1.C']);
    expect(a.openQuestions.map((q) => q.rule)).toContain('22usc7107.b.3.B');
    expect(placementView(a, evidence).statutoryTier3).toBeNull();
  });
});
