import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessEvidence } from '../src/assess/assess.js';
import { historyContext } from '../src/assess/file.js';
import { readLedger } from '../src/ledger/ledger.js';
import { parseYaml } from '../src/load/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { renderDocuments } from '../src/render/index.js';
import { bundledCorpus } from '../src/rules/corpus.js';
import { lawOf } from '../src/rules/law.js';
import { checkEvidenceText } from '../src/serve/evidence-io.js';
import { median } from './processes.js';

/**
 * `npm run bench`, section 2: the workbench's warm paths, in this process with everything loaded
 * and the code warmed up (the workbench serves many keystrokes from one process), CPU time per
 * call, medians of TIP_BENCH_WARM_RUNS (default 51) calls:
 *   - a warm assessment: assessEvidence on an evidence object already validated (target <= 2 ms);
 *   - a warm keystroke: what one edit costs the server, from the JSON the page sends to the four
 *     drafts: check it as `tip validate` does (parse with positions, schema, the year's law), assess,
 *     draft the narrative, demarche, non-paper and press guidance (target <= 20 ms).
 * The China 2009 example (a 48 KB file, the longest we have) with its ledger. Prints, asserts nothing.
 */

const RUNS = Number(process.env.TIP_BENCH_WARM_RUNS ?? 51);

export interface WarmFigures {
  assess: number; // ms CPU, median
  assessWall: number;
  keystroke: number;
  keystrokeWall: number;
  parts: Record<'check' | 'assess' | 'drafts', number>;
}

async function time(f: () => unknown): Promise<{ cpu: number; wall: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall };
}

export async function measureWarm(): Promise<WarmFigures> {
  const examples = join(PACKAGE_ROOT, 'examples');
  const file = join(examples, 'CHN-2009.yaml');
  const corpus = bundledCorpus();
  const parsed = parseYaml(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('the China example does not parse');
  const json = JSON.stringify(parsed.doc.value); // what the page sends
  const history = historyContext(readLedger(join(examples, 'tiers.csv')), 'CHN', 2009, lawOf(corpus));
  const check = () => {
    const checked = checkEvidenceText(json, 'request', corpus);
    if (!checked.ok) throw new Error(`the China example is not valid: ${JSON.stringify(checked.diagnostics[0])}`);
    return checked.evidence;
  };
  const evidence = check();
  const assess = () => assessEvidence(evidence, history, {}, corpus);
  const keystroke = async () => {
    const e = check();
    const assessment = await assessEvidence(e, history, {}, corpus);
    const drafts = renderDocuments(assessment, e, { docs: 'all', corpus });
    if (drafts.length !== 4) throw new Error(`expected four drafts, got ${drafts.length}`);
  };
  const assessment = await assess();
  const parts = {
    check: async () => check(),
    assess,
    drafts: async () => renderDocuments(assessment, evidence, { docs: 'all', corpus }),
  };
  for (let i = 0; i < 20; i++) {
    await assess();
    await keystroke();
  }
  const a: { cpu: number; wall: number }[] = [];
  const k: { cpu: number; wall: number }[] = [];
  const p: Record<keyof typeof parts, number[]> = { check: [], assess: [], drafts: [] };
  for (let i = 0; i < RUNS; i++) {
    a.push(await time(assess));
    k.push(await time(keystroke));
    for (const [name, f] of Object.entries(parts)) p[name as keyof typeof parts].push((await time(f)).cpu);
  }
  return {
    assess: median(a.map((x) => x.cpu)),
    assessWall: median(a.map((x) => x.wall)),
    keystroke: median(k.map((x) => x.cpu)),
    keystrokeWall: median(k.map((x) => x.wall)),
    parts: { check: median(p.check), assess: median(p.assess), drafts: median(p.drafts) },
  };
}

export function printWarm(f: WarmFigures): void {
  const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
  console.log(`2. warm paths of the workbench (China 2009, in process, warmed up; ${RUNS} calls each, medians)`);
  console.log('                                          CPU time     wall time');
  console.log(`   assessment of loaded evidence        ${ms(f.assess)}   ${ms(f.assessWall)}`);
  console.log(`   keystroke: check + assess + 4 drafts ${ms(f.keystroke)}   ${ms(f.keystrokeWall)}`);
  console.log(`     of which: check the JSON ${f.parts.check.toFixed(2)} ms, assess ${f.parts.assess.toFixed(2)} ms, four drafts ${f.parts.drafts.toFixed(2)} ms`);
}
