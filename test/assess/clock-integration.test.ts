import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { historyContext } from '../../src/assess/file.js';
import { parseLedger } from '../../src/ledger/ledger.js';
import { baseEvidence, merge } from '../support/evidence.js';
import { LAW } from '../support/law.js';

const watchList = { comparison_with_previous_year: { increasing_efforts: false, rationale: 'no increase' } };
const ledger = (rows: string) => parseLedger(`iso3,year,tier\n${rows}`, 'mem.csv');

describe('the clock inside an assessment', () => {
  test('a third counted Watch List year without a waiver is an automatic downgrade, credited to the clock', async () => {
    const ctx = historyContext(ledger('TST,2017,2\nTST,2018,2WL\nTST,2019,2WL\n'), 'TST', 2020, LAW);
    const a = await assessEvidence(baseEvidence(2020, watchList), ctx);
    expect(a.tier).toBe('3');
    expect(a.clockEffect).toBe('automatic-downgrade');
    expect(a.tierBeforeClock).toBe('2WL');
  });

  test('a Tier 3 that a policy or pattern also gives is not credited to the clock', async () => {
    const ctx = historyContext(ledger('TST,2017,2\nTST,2018,2WL\nTST,2019,2WL\n'), 'TST', 2020, LAW);
    const evidence = merge(baseEvidence(2020, watchList), {
      state_labor: [{ program: 'medical_missions', kind: 'forced_labor', description: 'medical missions', goods: [], government_policy_or_pattern: true, sources: [] }],
    });
    const a = await assessEvidence(evidence, ctx);
    expect(a.tier).toBe('3');
    expect(a.decidedBy.map((d) => d.rule)).toContain('22usc7107.b.3.B');
    expect(a.clockEffect).toBe('none');
    expect(a.tierBeforeClock).toBe('3');
  });

  test('a gap that cannot change the answer still downgrades; one that can leaves the tier open, with a note', async () => {
    // 2017 missing: on the Watch List, 2020 is barred (a fourth year); off it, 2020 needs a waiver.
    // Either way no Watch List without a waiver, and none was granted.
    const definite = historyContext(ledger('TST,2016,2\nTST,2018,2WL\nTST,2019,2WL\n'), 'TST', 2020, LAW);
    expect(definite.clock?.watchListPlacement).toBe('unknown');
    const a = await assessEvidence(baseEvidence(2020, watchList), definite);
    expect(a.tier).toBe('3');
    expect(a.notes.join(' ')).toContain('however those years are filled');
    // 2018 missing: if it was off the Watch List, 2020 is allowed; if on it, 2020 needs a waiver
    // (none granted: Tier 3). The tier is open (it was printed as a definite Watch List before).
    const open = historyContext(ledger('TST,2017,2\nTST,2019,2WL\n'), 'TST', 2020, LAW);
    const b = await assessEvidence(baseEvidence(2020, watchList), open);
    expect(b.open).toMatchObject({ tiers: ['2WL', '3'], decidingYears: [2018] });
    expect(b.tier).toBe('3'); // the most severe possible, never shown as definite
    expect(b.clockEffect).toBe('not-checked');
    expect(b.notes.join(' ')).toContain('2018');
  });

  test('a waiver on a complete plan keeps the third counted year on the Watch List', async () => {
    const ctx = historyContext(ledger('TST,2017,2\nTST,2018,2WL\nTST,2019,2WL\n'), 'TST', 2020, LAW);
    const waiver = { written_plan: true, plan_would_constitute_significant_efforts: true, sufficient_resources: true, granted: true };
    const a = await assessEvidence(baseEvidence(2020, { ...watchList, waiver }), ctx);
    expect(a.tier).toBe('2WL');
    expect(a.clockEffect).toBe('waiver');
  });
});
