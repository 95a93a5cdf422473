import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { decide } from '../../src/assess/decide.js';
import { evaluate, UNSETTLED } from '../../src/assess/kleene.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { merge } from '../support/evidence.js';
import { assessmentInput } from '../support/arbitraries.js';

const corpus = bundledCorpus();
const runs = { numRuns: 200 };
const fullyMeets = { determination: { fully_meets: true, significant_efforts: true, rationale: 'the analyst finds full compliance' } };

describe('unknown is a value, never a silent true or false', () => {
  test('no rule of the statute or of practice fires on an unknown: every rule that fires holds whatever the unknowns are', async () => {
    await fc.assert(
      fc.asyncProperty(assessmentInput, async ({ evidence, clock }) => {
        const d = await decide(evidence, clock, corpus);
        for (const run of d.runs.filter((r) => r.fired && r.rule.layer !== 'rubric')) {
          expect(evaluate(run.rule.conditions, d.facts), run.rule.file).toBe(true);
        }
      }),
      runs,
    );
  });

  test('unknown (or partial data) in any condition of a data presumption never fires it, and it is then an open question or does not arise', async () => {
    await fc.assert(
      fc.asyncProperty(assessmentInput, async ({ evidence, clock }) => {
        const d = await decide(evidence, clock, corpus);
        for (const run of d.runs.filter((r) => r.inForce && r.rule.event.type === 'presumption')) {
          const read = run.conditions.map((c) => d.facts[c.fact]);
          if (read.some((v) => UNSETTLED.includes(v ?? 'unknown'))) expect(run.fired, run.rule.file).toBe(false);
          if (!run.fired && evaluate(run.rule.conditions, d.facts) === 'unknown') expect(d.openQuestions.map((q) => q.rule)).toContain(run.rule.id);
        }
      }),
      runs,
    );
  });
});

describe('a data presumption binds the analyst', () => {
  test("a presumption that applies keeps an analyst's 'fully meets' off Tier 1; a rebuttal with its rationale sets it aside, and the trace says which", async () => {
    await fc.assert(
      fc.asyncProperty(assessmentInput, async ({ evidence, clock }) => {
        const e = merge(evidence, fullyMeets);
        const a = await assessEvidence(e, { clock: null, previousTier: null });
        const d = await decide(e, clock, corpus);
        const applied = d.fired('presumption');
        if (applied.length > 0) {
          expect(d.tier).not.toBe('1');
          expect(a.presumptions.some((p) => p.status === 'applies' && p.bindsAnalyst)).toBe(true);
        }
        for (const r of applied) {
          const section = r.event.type === 'presumption' && r.event.params.criterion === 'b7' ? 'complicity' : 'prosecution';
          const rebutted = merge(e, { [section]: { presumption_rebuttal: { rationale: 'the figures were published by the ministry' } } });
          const after = await decide(rebutted, clock, corpus);
          expect(after.fired('presumption').map((x) => x.id)).not.toContain(r.id);
          const status = (await assessEvidence(rebutted, { clock: null, previousTier: null })).presumptions.find((p) => p.rule === r.id);
          expect(status?.status).toBe('rebutted');
          expect(after.trace.find((t) => t.file === r.file)?.facts.some((f) => f.fact.endsWith('PresumptionRebutted') && f.result === false)).toBe(true);
        }
      }),
      runs,
    );
  });

  test('the analyst never lifts a statutory Tier 3 (policy or pattern, commitments, no concrete actions, the downgrade, rule (F))', async () => {
    const statutory = new Set(['22usc7107.b.3.B', '22usc7107.b.1.B.commitments-excluded', '22usc7107.b.1.concrete-actions', '22usc7107.b.2.D.i', '22usc7107.b.2.F']);
    await fc.assert(
      fc.asyncProperty(assessmentInput, async ({ evidence, clock }) => {
        const d = await decide(evidence, clock, corpus);
        fc.pre(d.tier === '3' && d.resolution.deciding.some((r) => statutory.has(r.id)));
        const forcedByFullComplianceBars = d.resolution.deciding.some((r) => r.id !== '22usc7107.b.2.D.i' && r.id !== '22usc7107.b.2.F');
        for (const det of [{ fully_meets: false, significant_efforts: true }, { fully_meets: true, significant_efforts: true }]) {
          const over = await decide(merge(evidence, { determination: { ...det, rationale: 'the analyst disagrees' } }), clock, corpus);
          // The clock bites only on the Watch List: full compliance escapes it, nothing else does.
          if (det.fully_meets && !forcedByFullComplianceBars) continue;
          expect(over.tier, JSON.stringify(det)).toBe('3');
        }
      }),
      { numRuns: 300 },
    );
  });
});
