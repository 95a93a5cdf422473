import { test } from 'vitest';
import { baseEvidence } from './support/evidence.js';
import { assess, clock, renderAll } from './render/support.js';
test('x', async () => {
  const significant = { determination: { fully_meets: false, significant_efforts: true, rationale: 'r' } };
  const policy = { ...significant, state_labor: [{ program: 'medical_missions', kind: 'forced_labor', description: 'm', goods: [], government_policy_or_pattern: true, sources: [] }] };
  const evidence = baseEvidence(2018, policy as never);
  const d = renderAll(await assess(evidence, { clock: clock(2018), previousTier: '2' }), evidence);
  console.log(d.narrative.slice(0, 700));
});
