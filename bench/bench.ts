import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBatch } from '../src/batch/run.js';
import { bundledEngine, createEngine } from '../src/render/engine.js';
import { renderDocuments } from '../src/render/index.js';
import { loadReportYears, resolveReportYear } from '../src/report-year/resolve.js';
import type { BatchEntry } from '../src/batch/types.js';
import { bundledCorpus, loadCorpus } from '../src/rules/corpus.js';
import { clockRun, computeClock } from '../src/history/clock.js';
import { historyFromTiers } from '../src/ledger/history.js';
import { lawOf } from '../src/rules/law.js';
import type { Tier } from '../src/model/tier.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { generateWorld, type World } from './world.js';
import { BUNDLED_BIN, measureCold, printCold, type ColdFigures } from './cold.js';
import { interleaved, median } from './processes.js';
import { measureWarm, printWarm } from './warm.js';
import { benchServe } from './serve.js';
import { benchWhatIf } from './whatif.js';

/**
 * `npm run bench`: the performance figures of issues 6, 11 and 15, measured in one run on this
 * machine, each beside its target. The machines are shared and noisy, so every figure that is a
 * target is a ratio of two measurements taken side by side in this run (interleaved runs, medians
 * of at least 5), in CPU time (user + system, the figure the targets use) and in wall time:
 *
 *   cold tip assess / node -e 0                      <= 2       (bench/cold.ts)
 *   cold tip assess / the dependency import floor    <= 1.2     (bench/cold.ts)
 *   warm assessment of loaded evidence               <= 2 ms    (bench/warm.ts)
 *   warm keystroke: check + assess + four drafts     <= 20 ms   (bench/warm.ts)
 *   world year: cold tip batch of 190 countries (assess + four drafts each + report in md, json
 *     and html) / cold tip assess                    <= 2
 *   2,000 countries / 200 (in process)               <= 10.5
 *   the Watch List clock with 1, 10 and 50 missing years: linear in the years read
 *
 * then the detail: where a batch's time goes, the workbench over HTTP (bench/serve.ts), the clock,
 * tip what-if (bench/whatif.ts). TIP_BENCH_ONLY=cold|warm|world|serve|clock|whatif runs one
 * section; TIP_BENCH_RUNS (default 7) sets the runs of each process figure. Times are printed,
 * never asserted: no test times anything. The synthetic worlds are seeded (bench/world.ts).
 */

const RUNS = Math.max(5, Number(process.env.TIP_BENCH_RUNS ?? 7));
const BATCH_RUNS = Math.max(5, Number(process.env.TIP_BENCH_BATCH_RUNS ?? 5));
const YEAR = 2025;
const BIN = BUNDLED_BIN;
/** The world year the issue names: a report's worth of countries, and the three report formats. */
const WORLD = 190;
const WORLD_FORMATS = 'md,json,html';

interface Target {
  figure: string;
  cpu: number;
  wall: number;
  unit: 'x' | 'ms';
  target: number;
  detail: string;
}
const targets: Target[] = [];

function historyArgs(w: World): string[] {
  return ['--history', w.ledgerPath, '--waivers', w.waiversPath];
}

function timeIt(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

let sample: BatchEntry | undefined;

async function inProcessBatch(world: World, out: string, timings?: Record<string, number>): Promise<{ cpu: number; wall: number }> {
  rmSync(out, { recursive: true, force: true });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await runBatch(world.evidenceDir(YEAR), { year: YEAR, outDir: out, settingsPath: world.settingsPath, historyPath: world.ledgerPath, waiversPath: world.waiversPath, formats: ['md', 'json', 'html'], ...(timings ? { timings } : {}) });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  if (r.failures.length > 0) throw new Error(`the synthetic world has ${r.failures.length} bad files: ${JSON.stringify(r.failures[0])}`);
  sample ??= r.entries[0];
  return { cpu: (c.user + c.system) / 1000, wall };
}

function fmt(ms: number): string {
  return `${ms.toFixed(0).padStart(7)} ms`;
}

function coldAndWarm(cold: ColdFigures): void {
  targets.push(
    { figure: 'cold tip assess / node -e 0', cpu: cold.assess.cpu / cold.bare.cpu, wall: cold.assess.wall / cold.bare.wall, unit: 'x', target: 2, detail: `${cold.assess.cpu.toFixed(0)} / ${cold.bare.cpu.toFixed(0)} ms CPU` },
    { figure: 'cold tip assess / dependency import floor', cpu: cold.assess.cpu / cold.floor.cpu, wall: cold.assess.wall / cold.floor.wall, unit: 'x', target: 1.2, detail: `${cold.assess.cpu.toFixed(0)} / ${cold.floor.cpu.toFixed(0)} ms CPU` },
  );
}

async function world(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tip-bench-'));
  try {
    let t0 = performance.now();
    const wYear = generateWorld(join(root, 'w190'), { seed: 2025, countries: WORLD, firstYear: 2001, lastYear: YEAR, evidenceYears: 'last' });
    const w200 = generateWorld(join(root, 'w200'), { seed: 2025, countries: 200, firstYear: 2001, lastYear: YEAR, evidenceYears: 'last' });
    const w2000 = generateWorld(join(root, 'w2000'), { seed: 2025, countries: 2000, firstYear: 2001, lastYear: YEAR, evidenceYears: 'last' });
    console.log(`3. a world year: synthetic worlds of ${WORLD}, 200 and 2,000 countries (ledgers from 2001, evidence for ${YEAR}), seed 2025, generated in ${fmt(performance.now() - t0).trim()}`);

    // The world year, cold, beside the cold assessment of section 1 (measured again here, interleaved).
    const out = join(root, 'out-year');
    const m = interleaved(
      {
        assess: { args: [BIN, 'assess', join('examples', 'CHN-2009.yaml'), '--history', join('examples', 'tiers.csv')] },
        batch: {
          args: [BIN, 'batch', wYear.evidenceDir(YEAR), '--year', String(YEAR), '--out', out, '--format', WORLD_FORMATS, '--settings', wYear.settingsPath, ...historyArgs(wYear)],
          before: () => rmSync(out, { recursive: true, force: true }),
        },
      },
      BATCH_RUNS,
    );
    console.log(`   cold tip batch, ${WORLD} countries, --format ${WORLD_FORMATS} (${BATCH_RUNS} runs, interleaved with a cold tip assess of the China example)`);
    console.log('                                          CPU time   wall time');
    console.log(`   tip assess (cold)                       ${fmt(m.assess.cpu)}  ${fmt(m.assess.wall)}`);
    console.log(`   tip batch (cold)                        ${fmt(m.batch.cpu)}  ${fmt(m.batch.wall)}   ${(m.batch.cpu / WORLD).toFixed(1)} ms CPU per country`);
    targets.push({ figure: `world year (${WORLD} countries) / cold tip assess`, cpu: m.batch.cpu / m.assess.cpu, wall: m.batch.wall / m.assess.wall, unit: 'x', target: 2, detail: `${m.batch.cpu.toFixed(0)} / ${m.assess.cpu.toFixed(0)} ms CPU` });

    // The same batch in a fresh process, timed from inside: imports, then each phase, all cold.
    const coldOut = join(root, 'out-year-phases');
    const script = [
      'const t0 = performance.now();',
      `const { runBatch } = await import(${JSON.stringify(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', 'batch', 'run.js')).href)});`,
      'const imports = performance.now() - t0; const timings = {};',
      `await runBatch(${JSON.stringify(wYear.evidenceDir(YEAR))}, { year: ${YEAR}, outDir: ${JSON.stringify(coldOut)}, settingsPath: ${JSON.stringify(wYear.settingsPath)}, historyPath: ${JSON.stringify(wYear.ledgerPath)}, waiversPath: ${JSON.stringify(wYear.waiversPath)}, formats: ['md', 'json', 'html'], timings });`,
      'console.log(JSON.stringify({ imports, ...timings }));',
    ].join('\n');
    const phases = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    if (phases.status !== 0) throw new Error(`cold batch failed: ${phases.stderr}`);
    const coldTimings = JSON.parse(phases.stdout) as Record<string, number>;
    const timings: Record<string, number> = {};
    await inProcessBatch(w200, join(root, 'out200-first'), timings);
    const table = (label: string, t: Record<string, number>, n: number) => {
      console.log(`   ${label}:`);
      const total = Object.values(t).reduce((s, x) => s + x, 0);
      for (const [phase, ms] of Object.entries(t).sort((a, b) => b[1] - a[1])) {
        if (ms < 0.5) continue;
        console.log(`     ${phase.padEnd(16)} ${fmt(ms)}  ${((100 * ms) / total).toFixed(0).padStart(3)}%   ${(ms / n).toFixed(2)} ms/country`);
      }
    };
    table(`where the wall time goes, ${WORLD} countries in a fresh process (module imports, then each phase, all cold)`, coldTimings, WORLD);
    table('where the wall time goes, 200 countries, first in-process run (modules loaded, code not yet optimized)', timings, 200);
    // What reusing one corpus and one compiled template set saves: each built again per country.
    const corpusOnce = median(Array.from({ length: 3 }, () => timeIt(() => loadCorpus())));
    const entry = sample!;
    const settings = resolveReportYear(YEAR, { override: loadReportYears(w200.settingsPath) });
    const render = (engine: ReturnType<typeof createEngine>) => renderDocuments(entry.assessment, entry.evidence, { docs: 'all', settings, engine });
    const templatesOnce = median(Array.from({ length: 3 }, () => timeIt(() => render(createEngine())) - timeIt(() => render(bundledEngine()))));
    console.log('   reused once per batch (warm figures; per country they would add):');
    console.log(`     rule corpus      ${fmt(corpusOnce)}  x 200 = ${fmt(corpusOnce * 200).trim()}`);
    console.log(`     templates        ${fmt(templatesOnce)}  x 200 = ${fmt(templatesOnce * 200).trim()}`);
    console.log('');

    // Linearity: 2,000 countries against 200, in process, side by side.
    const small: { cpu: number; wall: number }[] = [];
    const big: { cpu: number; wall: number }[] = [];
    for (let i = 0; i < BATCH_RUNS; i++) {
      small.push(await inProcessBatch(w200, join(root, 'out200')));
      big.push(await inProcessBatch(w2000, join(root, 'out2000')));
    }
    const s = { cpu: median(small.map((x) => x.cpu)), wall: median(small.map((x) => x.wall)) };
    const b = { cpu: median(big.map((x) => x.cpu)), wall: median(big.map((x) => x.wall)) };
    console.log(`4. linearity: in-process runBatch (modules loaded), ${BATCH_RUNS} runs each, alternating; medians`);
    console.log('                                          CPU time   wall time');
    console.log(`   200 countries                           ${fmt(s.cpu)}  ${fmt(s.wall)}`);
    console.log(`   2,000 countries                         ${fmt(b.cpu)}  ${fmt(b.wall)}`);
    targets.push({ figure: '2,000 countries / 200', cpu: b.cpu / s.cpu, wall: b.wall / s.wall, unit: 'x', target: 10.5, detail: `${b.cpu.toFixed(0)} / ${s.cpu.toFixed(0)} ms CPU` });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function printTargets(): void {
  if (targets.length === 0) return;
  console.log('');
  console.log('Targets (issue 15), each measured side by side in this run; medians; CPU time is the figure the target is set in:');
  const value = (t: Target, x: number) => (Number.isNaN(x) ? '-' : t.unit === 'x' ? `${x.toFixed(2)}x` : `${x.toFixed(2)} ms`);
  const width = Math.max(...targets.map((t) => t.figure.length));
  console.log(`   ${'figure'.padEnd(width)}   ${'CPU'.padStart(9)}  ${'wall'.padStart(9)}  ${'target'.padStart(10)}  verdict   (measured)`);
  for (const t of targets) {
    const ok = t.cpu <= t.target;
    console.log(`   ${t.figure.padEnd(width)}   ${value(t, t.cpu).padStart(9)}  ${value(t, t.wall).padStart(9)}  ${('<= ' + (t.unit === 'x' ? `${t.target}x` : `${t.target} ms`)).padStart(10)}  ${(ok ? 'met' : 'MISSED').padEnd(8)}  (${t.detail})`);
  }
}

/** CPU time (user + system) of `f`, in microseconds. */
function cpuMicros(f: () => unknown): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return d.user + d.system;
}

/**
 * 6. The clock on a ledger whose first row (2001) is followed by `gaps` missing years and then a
 * two-year Watch List run, for the report after it: every missing year may have held any
 * placement. The same length of ledger with no gap is the baseline. CPU time per clock, median of
 * RUNS samples of REPS clocks each, side by side in one run; printed as ratios to the 1-gap case.
 */
function clockBench(): void {
  const law = lawOf(bundledCorpus());
  const REPS = 500;
  const ledger = (gaps: number, complete: boolean) => {
    const tiers: Record<number, Tier> = { 2001: '2' };
    for (let i = 1; i <= gaps; i++) if (complete) tiers[2001 + i] = i % 3 === 0 ? '2' : '2WL';
    tiers[2002 + gaps] = '2WL';
    tiers[2003 + gaps] = '2WL';
    return { history: historyFromTiers('QQQ', tiers), year: 2004 + gaps };
  };
  const perClock = (gaps: number, complete: boolean) => {
    const { history, year } = ledger(gaps, complete);
    for (let i = 0; i < REPS; i++) computeClock(history, year, law); // warm the JIT
    return median(Array.from({ length: Math.max(5, RUNS) }, () => cpuMicros(() => { for (let i = 0; i < REPS; i++) computeClock(history, year, law); }) / REPS));
  };
  const states = (gaps: number) => {
    const { history, year } = ledger(gaps, false);
    const run = clockRun(history, law);
    return Math.max(...Array.from({ length: year - 2000 }, (_, i) => run.before(2001 + i).length));
  };
  const rows = [1, 10, 50].map((gaps) => ({ gaps, years: gaps + 3, gapped: perClock(gaps, false), complete: perClock(gaps, true), states: states(gaps) }));
  const base = rows[0]!;
  const last = rows[rows.length - 1]!;
  targets.push({ figure: `clock: cost per year read, ${last.gaps} missing years / 1`, cpu: last.gapped / base.gapped / (last.years / base.years), wall: Number.NaN, unit: 'x', target: 2, detail: `linear: ${last.gapped.toFixed(1)} / ${base.gapped.toFixed(1)} us per clock for ${last.years} / ${base.years} years` });
  console.log('6. the Watch List clock, CPU time per clock (missing years between the first row and a two-year Watch List run)');
  console.log('   missing years  years read  states  with gaps   ratio to 1 gap  ratio per year read  no gaps (same years)');
  for (const r of rows) {
    const ratio = r.gapped / base.gapped;
    const perYear = ratio / (r.years / base.years);
    console.log(
      `   ${String(r.gaps).padStart(13)}  ${String(r.years).padStart(10)}  ${String(r.states).padStart(6)}  ${(r.gapped.toFixed(1) + ' us').padStart(9)}  ${(ratio.toFixed(2) + 'x').padStart(14)}  ${(perYear.toFixed(2) + 'x').padStart(19)}  ${(r.complete.toFixed(1) + ' us').padStart(10)}`,
    );
  }
  console.log('   Linear: each year costs at most a constant, the number of states the gaps let the clock reach, and that number is');
  console.log('   bounded by the law (run class x counted years up to the cap x the rule (F) flags); it stops growing after ~20 missing');
  console.log('   years. The brute force it replaced branched on every missing year (3-4 placements each): 4^50 fillings here.');
}

const ONLY = process.env.TIP_BENCH_ONLY;
const wants = (section: string) => ONLY === undefined || ONLY === section;
if (wants('cold')) {
  const cold = measureCold(RUNS);
  printCold(cold, RUNS);
  coldAndWarm(cold);
  console.log('');
}
if (wants('warm')) {
  const w = await measureWarm();
  printWarm(w);
  targets.push(
    { figure: 'warm assessment (loaded evidence)', cpu: w.assess, wall: w.assessWall, unit: 'ms', target: 2, detail: 'China 2009' },
    { figure: 'warm keystroke (check + assess + 4 drafts)', cpu: w.keystroke, wall: w.keystrokeWall, unit: 'ms', target: 20, detail: 'China 2009, JSON as the page sends it' },
  );
  console.log('');
}
if (wants('world')) {
  await world();
  console.log('');
}
if (wants('serve')) {
  await benchServe();
  console.log('');
}
if (wants('clock')) {
  clockBench();
  console.log('');
}
if (wants('whatif')) {
  await benchWhatIf();
}
printTargets();
