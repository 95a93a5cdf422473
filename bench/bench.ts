import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
import { benchServe } from './serve.js';
import { benchWhatIf } from './whatif.js';

/**
 * `npm run bench`: the performance targets of issue 6 point 5, measured in one run on this machine.
 *
 *   1. cold start of one `tip assess` process  <= 1.2 x  a fresh node process importing the four
 *      runtime dependencies (json-rules-engine, zod, yaml, handlebars): the "import floor";
 *   2. a 200-country year (assess + four drafts each)  <= 2 x  one `tip assess` process;
 *   3. 2,000 countries  <= 10.5 x  200 countries (linearity);
 *   4. one live update of the workbench (tip serve) for the China example  <= 100 ms (bench/serve.ts);
 *   5. the Watch List clock with 1, 10 and 50 missing years in the ledger: linear in the years
 *      (issue 11 item 5; the brute force it replaced was exponential in the gaps);
 *   6. tip what-if on the China example beside one assessment of it (bench/whatif.ts).
 * TIP_BENCH_ONLY=serve, TIP_BENCH_ONLY=clock or TIP_BENCH_ONLY=whatif runs that section alone.
 *
 * Every figure is the median of several runs (TIP_BENCH_RUNS, default 7 for processes). Times are
 * printed, never asserted: the tests do not time anything. The phase breakdown of the batch says
 * where the time goes. The synthetic world is seeded, so every run measures the same input.
 */

const RUNS = Number(process.env.TIP_BENCH_RUNS ?? 7);
const BATCH_RUNS = Number(process.env.TIP_BENCH_BATCH_RUNS ?? 3);
const YEAR = 2025;
const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Wall time of a child process, in ms; fails loudly when the command fails unexpectedly. */
function timeProcess(args: string[], okCodes: number[] = [0]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status === null || !okCodes.includes(r.status)) throw new Error(`${args.join(' ')} exited ${String(r.status)}: ${r.stderr}`);
  return ms;
}

function timeIt(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function medianOf(n: number, f: () => number): { median: number; all: number[] } {
  const all = Array.from({ length: n }, f);
  return { median: median(all), all };
}

/** The world's ledger and waivers file. */
function historyOf(world: World): { historyPath: string; waiversPath: string } {
  return { historyPath: world.ledgerPath, waiversPath: world.waiversPath };
}

function historyArgs(h: { historyPath: string; waiversPath: string }): string[] {
  return ['--history', h.historyPath, '--waivers', h.waiversPath];
}

let sample: BatchEntry | undefined;

async function inProcessBatch(world: World, out: string, timings?: Record<string, number>): Promise<number> {
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const r = await runBatch(world.evidenceDir(YEAR), { year: YEAR, outDir: out, settingsPath: world.settingsPath, ...historyOf(world), ...(timings ? { timings } : {}) });
  const ms = performance.now() - t0;
  if (r.failures.length > 0) throw new Error(`the synthetic world has ${r.failures.length} bad files: ${JSON.stringify(r.failures[0])}`);
  sample ??= r.entries[0];
  return ms;
}

function fmt(ms: number): string {
  return `${ms.toFixed(0).padStart(7)} ms`;
}

function verdict(ratio: number, target: number): string {
  return `${ratio.toFixed(2)}x (target <= ${target}x: ${ratio <= target ? 'met' : 'MISSED'})`;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tip-bench-'));
  try {
    let t0 = performance.now();
    const w200 = generateWorld(join(root, 'w200'), { seed: 2025, countries: 200, firstYear: 2001, lastYear: YEAR, evidenceYears: 'all' });
    const w2000 = generateWorld(join(root, 'w2000'), { seed: 2025, countries: 2000, firstYear: 2001, lastYear: YEAR, evidenceYears: 'last' });
    console.log(`synthetic worlds: ${w200.countries.length} countries x ${YEAR - 2001 + 1} years (${w200.files} evidence files) and ${w2000.countries.length} countries (${w2000.files} files), seed 2025, generated in ${fmt(performance.now() - t0).trim()}`);
    const h200 = historyOf(w200);
    console.log(`runs: ${RUNS} per process figure, ${BATCH_RUNS} per batch figure; medians`);
    console.log('');

    // 1. Cold start against the import floor.
    // The four dependencies the issue names, plus csv-parse, which `tip assess --history` also loads.
    const imports = "await import('json-rules-engine'); await import('zod'); await import('yaml'); await import('handlebars'); await import('csv-parse/sync');";
    const bare = medianOf(RUNS, () => timeProcess(['-e', '0']));
    const floor = medianOf(RUNS, () => timeProcess(['--input-type=module', '-e', imports]));
    const file = join(w200.evidenceDir(YEAR), readdirSync(w200.evidenceDir(YEAR)).sort()[0]!);
    const assess = medianOf(RUNS, () => timeProcess([BIN, 'assess', file, ...historyArgs(h200)]));
    console.log('1. cold start');
    console.log(`   node -e 0 (bare start)                 ${fmt(bare.median)}`);
    console.log(`   import floor (5 runtime dependencies)  ${fmt(floor.median)}`);
    console.log(`   tip assess (one country, cold)         ${fmt(assess.median)}   ${verdict(assess.median / floor.median, 1.2)}`);
    console.log('');

    // 2. A year of 200 countries against one assessment.
    const timings: Record<string, number> = {};
    const inProc: number[] = [];
    for (let i = 0; i < BATCH_RUNS; i++) inProc.push(await inProcessBatch(w200, join(root, `out200-${i}`), i === 0 ? timings : undefined));
    const batch200 = { median: median(inProc), all: inProc };
    const proc = medianOf(BATCH_RUNS, () => {
      const out = join(root, 'out200-proc');
      rmSync(out, { recursive: true, force: true });
      return timeProcess([BIN, 'batch', w200.evidenceDir(YEAR), '--year', String(YEAR), '--out', out, '--settings', w200.settingsPath, ...historyArgs(h200)]);
    });
    // The same batch in a fresh process, timed from inside: imports, then each phase, all cold.
    const coldOut = join(root, 'out200-cold');
    const script = [
      'const t0 = performance.now();',
      `const { runBatch } = await import(${JSON.stringify(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', 'batch', 'run.js')).href)});`,
      'const imports = performance.now() - t0; const timings = {};',
      `await runBatch(${JSON.stringify(w200.evidenceDir(YEAR))}, { year: ${YEAR}, outDir: ${JSON.stringify(coldOut)}, settingsPath: ${JSON.stringify(w200.settingsPath)}, historyPath: ${JSON.stringify(h200.historyPath)}, waiversPath: ${JSON.stringify(h200.waiversPath)}, timings });`,
      'console.log(JSON.stringify({ imports, ...timings }));',
    ].join('\n');
    const cold = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    if (cold.status !== 0) throw new Error(`cold batch failed: ${cold.stderr}`);
    const coldTimings = JSON.parse(cold.stdout) as Record<string, number>;

    console.log('2. a 200-country year (assess + four drafts each + report in three formats)');
    console.log(`   in-process runBatch (modules loaded)   ${fmt(batch200.median)}   ${verdict(batch200.median / assess.median, 2)}  (against the cold tip assess above)`);
    console.log(`   tip batch process (cold)               ${fmt(proc.median)}   ${verdict(proc.median / assess.median, 2)}`);
    const table = (label: string, t: Record<string, number>) => {
      console.log(`   ${label}:`);
      const total = Object.values(t).reduce((s, x) => s + x, 0);
      for (const [phase, ms] of Object.entries(t).sort((a, b) => b[1] - a[1])) {
        if (ms < 0.5) continue;
        console.log(`     ${phase.padEnd(16)} ${fmt(ms)}  ${((100 * ms) / total).toFixed(0).padStart(3)}%   ${(ms / w200.countries.length).toFixed(2)} ms/country`);
      }
    };
    table('where the time goes, in a fresh process (cold: module imports, then each phase)', coldTimings);
    table('where the time goes, first in-process run (modules loaded, code not yet optimized)', timings);
    // What reusing one corpus and one compiled template set saves: each built again per country.
    const corpusOnce = median(Array.from({ length: 3 }, () => timeIt(() => loadCorpus())));
    // Handlebars compiles a template on its first use: time a first render with a new engine
    // against a render with the batch's warm one.
    const entry = sample!;
    const settings = resolveReportYear(YEAR, { override: loadReportYears(w200.settingsPath) });
    const render = (engine: ReturnType<typeof createEngine>) => renderDocuments(entry.assessment, entry.evidence, { docs: 'all', settings, engine });
    const templatesOnce = median(Array.from({ length: 3 }, () => timeIt(() => render(createEngine())) - timeIt(() => render(bundledEngine()))));
    console.log('   reused once per batch (warm figures; per country they would add):');
    console.log(`     rule corpus      ${fmt(corpusOnce)}  x ${w200.countries.length} = ${fmt(corpusOnce * w200.countries.length).trim()}`);
    console.log(`     templates        ${fmt(templatesOnce)}  x ${w200.countries.length} = ${fmt(templatesOnce * w200.countries.length).trim()}`);
    console.log('');

    // 3. Linearity: 2,000 countries against 200.
    const big: number[] = [];
    for (let i = 0; i < Math.max(1, BATCH_RUNS - 1); i++) big.push(await inProcessBatch(w2000, join(root, `out2000-${i}`)));
    const big2000 = median(big);
    console.log('3. linearity (in-process runBatch)');
    console.log(`   200 countries                          ${fmt(batch200.median)}`);
    console.log(`   2,000 countries                        ${fmt(big2000)}   ${verdict(big2000 / batch200.median, 10.5)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
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
 * 5. The clock on a ledger whose first row (2001) is followed by `gaps` missing years and then a
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
  console.log('5. the Watch List clock, CPU time per clock (missing years between the first row and a two-year Watch List run)');
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
if (ONLY === undefined) await main();
if (ONLY === undefined || ONLY === 'serve') {
  console.log('');
  await benchServe();
}
if (ONLY === undefined || ONLY === 'clock') {
  console.log('');
  clockBench();
}
if (ONLY === undefined || ONLY === 'whatif') {
  console.log('');
  await benchWhatIf();
}
