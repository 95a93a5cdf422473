import { join } from 'node:path';
import { assessEvidence } from '../src/assess/assess.js';
import { historyContext } from '../src/assess/file.js';
import { decide } from '../src/assess/decide.js';
import { loadEvidenceFile } from '../src/evidence/load.js';
import { readLedger } from '../src/ledger/ledger.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { bundledCorpus } from '../src/rules/corpus.js';
import { lawOf } from '../src/rules/law.js';
import { Abduction } from '../src/whatif/abduce.js';
import { bundledFactClasses } from '../src/whatif/classes.js';
import { whatIf } from '../src/whatif/index.js';
import { decisionModels } from '../src/whatif/search.js';

/**
 * `npm run bench`, section 7: `tip what-if` on the China example beside one assessment of it, in
 * CPU time, medians of TIP_BENCH_WHATIF_RUNS (default 7) runs side by side in this process. The
 * what-if's work is split into the search (the formulas and the bounded DNF: no decision run)
 * and the decisions it re-runs to confirm each minimal set, and set against what a brute force
 * over the same facts would have to run. Then the bound from 1 to 4: the terms and the sets grow
 * with what the rules allow, not with the combinations of facts. Prints, asserts nothing.
 */
const RUNS = Number(process.env.TIP_BENCH_WHATIF_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function cpu(f: () => unknown): Promise<number> {
  const c0 = process.cpuUsage();
  await f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;

export async function benchWhatIf(): Promise<void> {
  const examples = join(PACKAGE_ROOT, 'examples');
  const corpus = bundledCorpus();
  const classes = bundledFactClasses();
  const { evidence } = loadEvidenceFile(join(examples, 'CHN-2009.yaml'), corpus);
  const ledger = readLedger(join(examples, 'tiers.csv'));
  const history = historyContext(ledger, 'CHN', 2009, lawOf(corpus));
  const clock = { watchListPlacement: 'allowed', ruleFApplies: false } as const;
  const jobs = {
    assessment: () => assessEvidence(evidence, history, {}, corpus),
    decision: () => decide(evidence, clock, corpus, { previousTier: history.previousTier }),
    search: () => {
      const { space, goal } = decisionModels({ evidence, history, options: {}, corpus, classes });
      const abduction = new Abduction(space, 3);
      for (const t of ['1', '2', '3'] as const) abduction.sets(goal(t));
    },
    whatIf: () => whatIf({ evidence, ledger, corpus }),
  };
  for (const f of Object.values(jobs)) for (let i = 0; i < 3; i++) await f(); // warm-up
  const times: Record<keyof typeof jobs, number[]> = { assessment: [], decision: [], search: [], whatIf: [] };
  for (let i = 0; i < RUNS; i++) for (const [name, f] of Object.entries(jobs)) times[name as keyof typeof jobs].push(await cpu(f));
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<keyof typeof jobs, number>;
  const w = await whatIf({ evidence, ledger, corpus });
  const k = w.work;
  const projected = w.nextYear.years.length + w.nextYear.withWaivers.length;

  console.log(`7. tip what-if, China 2009 (bound 3; CPU time, medians of ${RUNS}, side by side, warm)`);
  console.log(`   one assessment (assessEvidence)        ${ms(m.assessment)}`);
  console.log(`   one decision (decide)                  ${ms(m.decision)}`);
  console.log(`   the search alone (formulas, abduction) ${ms(m.search)}   ${(m.search / m.assessment).toFixed(2)}x one assessment; no decision run`);
  console.log(`   the whole what-if                      ${ms(m.whatIf)}   ${(m.whatIf / m.assessment).toFixed(1)}x one assessment`);
  console.log(`     = search + ${k.confirmed} decisions confirming the minimal sets + ${projected + 1} assessments (this year, the projection)`);
  console.log(`   space: ${k.factsRead} facts read, ${k.singleChanges} single changes; ${k.steps} steps of abduction`);
  console.log(
    `   a brute force over the same facts: ${k.bruteForceSets} sets of at most 3 changes, each a decision: about ${((k.bruteForceSets * m.decision) / 1000).toFixed(1)} s, ${(k.bruteForceSets / Math.max(1, k.confirmed)).toFixed(0)}x the decisions run here`,
  );
  console.log('   the bound from 1 to 4 (what grows is what the rules allow):');
  for (const bound of [1, 2, 3, 4]) {
    const c0 = process.cpuUsage();
    const r = await whatIf({ evidence, ledger, corpus, options: { bound } });
    const c = process.cpuUsage(c0);
    console.log(
      `     bound ${bound}: ${String(r.work.candidates).padStart(4)} minimal sets, ${String(r.work.steps).padStart(6)} steps, brute force ${String(r.work.bruteForceSets).padStart(7)} sets; ${ms((c.user + c.system) / 1000)}`,
    );
  }
}
