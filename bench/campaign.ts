import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_NAME, verifyManifest } from '../src/batch/manifest.js';
import { parseLedger } from '../src/ledger/ledger.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { generateWorld, prng } from './world.js';

/**
 * `npm run campaign`: issue 11's fault campaigns, rerun in a small form against the built `tip`
 * (dist/). Prints figures; asserts nothing (the tests do that). Each part says what it tried and
 * what came out: rows kept by concurrent records, files left by kill -9, exit codes on a full disk,
 * and the cost of refusing unbounded inputs. TIP_CAMPAIGN_SCALE multiplies the trials.
 */

const SCALE = Number(process.env.TIP_CAMPAIGN_SCALE ?? 1);
const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');
const root = mkdtempSync(join(tmpdir(), 'tip-campaign-'));
const rand = prng(1122);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isTemp = (name: string) => /^\.tip-tmp-/.test(name) || name.endsWith('.tip-lock');
const leftovers = (dir: string): number => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((p) => isTemp(p.split('/').pop()!)).length : 0);

function run(args: string[], cwd = root): Promise<{ code: number | null; stderr: string; ms: number }> {
  const t = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, ms: performance.now() - t })));
}

const world = generateWorld(join(root, 'world'), { seed: 11, countries: 30, firstYear: 2001, lastYear: 2025, evidenceYears: 'last' });
const evidence = readdirSync(world.evidenceDir(2025)).map((f) => join(world.evidenceDir(2025), f));

async function concurrentRecords(): Promise<void> {
  const trials = 5 * SCALE;
  let kept = 0;
  let expected = 0;
  let exitZero = 0;
  for (let t = 0; t < trials; t++) {
    const ledger = join(root, `record-${t}.csv`);
    copyFileSync(world.ledgerPath, ledger);
    const before = parseLedger(readFileSync(ledger, 'utf8'), ledger).byCountry;
    const runs = await Promise.all(evidence.slice(0, 8).map((f) => run(['record', f, '--history', ledger, '--force'])));
    exitZero += runs.filter((r) => r.code === 0).length;
    const after = parseLedger(readFileSync(ledger, 'utf8'), ledger).byCountry;
    const rows = (m: typeof after) => [...m.values()].reduce((n, y) => n + y.size, 0);
    kept += rows(after) - rows(before);
    expected += 8;
  }
  console.log(`1. concurrent tip record: ${trials} trials x 8 processes: ${kept} of ${expected} new rows kept, ${exitZero} of ${expected} exited 0`);
}

/** Runs a command `kills` times, each killed at write time: as soon as one of its temporary files appears. */
async function killed(label: string, args: (i: number) => string[], dir: string, kills: number): Promise<void> {
  let left = 0;
  let afterNext = 0;
  for (let i = 0; i < kills; i++) {
    const child = spawn(process.execPath, [BIN, ...args(i)], { cwd: root, stdio: 'ignore' });
    let done = false;
    const closed = new Promise((r) => child.on('close', () => r((done = true))));
    while (!done && leftovers(dir) === 0) await sleep(0);
    child.kill('SIGKILL');
    await closed;
    if (leftovers(dir) > 0) left++;
    const next = await run(args(i));
    if (next.code !== 0) console.log(`   next run exited ${next.code}: ${next.stderr.trim()}`);
    afterNext += leftovers(dir);
  }
  console.log(`   ${label}: ${kills} killed, ${left} left a temporary or lock file; after the next run: ${afterNext} left`);
}

async function kills(): Promise<void> {
  const out = join(root, 'batch-out');
  const batch = ['batch', world.evidenceDir(2025), '--year', '2025', '--history', world.ledgerPath, '--waivers', world.waiversPath, '--settings', world.settingsPath, '--out', out];
  const full = await run(batch);
  console.log(`8. kill -9 at random moments (a batch of 30 countries takes ${full.ms.toFixed(0)} ms here):`);
  let incomplete = 0;
  let withTemps = 0;
  const n = 10 * SCALE;
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, [BIN, ...batch], { cwd: root, stdio: 'ignore' });
    const closed = new Promise((r) => child.on('close', r));
    await sleep(full.ms * (0.2 + 0.8 * rand()));
    child.kill('SIGKILL');
    await closed;
    if (!existsSync(join(out, MANIFEST_NAME))) incomplete++;
    if (leftovers(out) > 0) withTemps++;
  }
  await run(batch);
  const check = verifyManifest(out);
  console.log(`   batch: ${n} killed, ${withTemps} left temporary files, ${incomplete} recognisably unfinished (no manifest); after the next run: ${leftovers(out)} temporary files, manifest ${check.complete ? 'complete' : 'missing'}, ${check.changed.length + check.missing.length} files differing from it`);
  const ledger = join(root, 'kill.csv');
  copyFileSync(world.ledgerPath, ledger);
  await killed('record at write time', (i) => ['record', evidence[i % evidence.length]!, '--history', ledger, '--force'], root, 10 * SCALE);
  const drafts = join(root, 'drafts');
  await killed('render at write time', (i) => ['render', evidence[i % evidence.length]!, '--history', world.ledgerPath, '--settings', world.settingsPath, '--doc', 'all', '--out', drafts], drafts, 10 * SCALE);
}

async function fullDisk(): Promise<void> {
  const mnt = join(root, 'full');
  mkdirSync(mnt);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt], { stdio: 'ignore' });
  } catch {
    console.log('7. full disk: no tmpfs can be mounted here (not root); see test/cli/exit-codes.test.ts');
    return;
  }
  try {
    copyFileSync(world.ledgerPath, join(mnt, 'tiers.csv'));
    for (let i = 0; ; i++) {
      try {
        writeFileSync(join(mnt, `fill-${i}`), Buffer.alloc(4096));
      } catch {
        break;
      }
    }
    const cases: [string, string[]][] = [
      ['render', ['render', evidence[0]!, '--settings', world.settingsPath, '--doc', 'all', '--out', join(mnt, 'd')]],
      ['batch', ['batch', world.evidenceDir(2025), '--year', '2025', '--settings', world.settingsPath, '--out', join(mnt, 'b')]],
      ['record', ['record', evidence[0]!, '--history', join(mnt, 'tiers.csv'), '--force']],
      ['schema', ['schema', '--out', join(mnt, 's.json')]],
      ['init', ['init', 'MYS', '--year', '2026', '--out', join(mnt, 'i.yaml')]],
    ];
    const results: string[] = [];
    for (const [name, args] of cases) {
      const r = await run(args);
      results.push(`${name} exit ${r.code}${/ENOSPC/.test(r.stderr) ? ' ENOSPC' : ''}${/\.tip-tmp-/.test(r.stderr) ? ' (names a temporary file!)' : ''}`);
    }
    console.log(`7. full disk (a filled 256 KiB tmpfs): ${results.join('; ')}; temporary files left: ${leftovers(mnt)}`);
  } finally {
    execFileSync('umount', ['-l', mnt]);
  }
}

/** Peak memory (KiB) and time of one command, by GNU time when present. */
function measured(args: string[]): string {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const kib = Number(r.stderr.trim().split('\n').pop());
  return `exit ${r.status ?? `killed (${r.signal})`}, ${(performance.now() - t).toFixed(0)} ms, ${Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MB` : '? MB'}`;
}

async function unbounded(): Promise<void> {
  const dup = join(root, 'dup.csv');
  writeFileSync(dup, 'iso3,year,tier\n' + 'RUS,2013,3\n'.repeat(4_500_000)); // 50 MB
  const oneLine = join(root, 'line.csv');
  writeFileSync(oneLine, 'iso3,year,tier,' + 'x'.repeat(50 * 1024 * 1024));
  const cap = join(root, 'cap.csv');
  writeFileSync(cap, 'iso3,year,tier\n' + 'RUS,2013,3\n'.repeat(Math.floor((4 * 1024 * 1024 - 20) / 11)));
  const fifo = join(root, 'x.yaml');
  execFileSync('mkfifo', [fifo]);
  const dir = join(root, 'zero-dir');
  mkdirSync(dir);
  copyFileSync(evidence[0]!, join(dir, 'a.yaml'));
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  console.log('6. unbounded reads:');
  console.log(`   check-history, 50 MB of duplicate rows: ${measured(['check-history', dup])}`);
  console.log(`   check-history, 50 MB on one line: ${measured(['check-history', oneLine])}`);
  console.log(`   check-history, 4 MiB (the cap) of duplicate rows: ${measured(['check-history', cap])}`);
  console.log(`   check-history /dev/zero: ${measured(['check-history', '/dev/zero'])}`);
  console.log(`   validate a FIFO: ${measured(['validate', fifo])}`);
  console.log(`   batch with a link to /dev/zero and a FIFO: ${measured(['batch', dir, '--year', '2025', '--no-drafts', '--out', join(root, 'zero-out')])}`);
}

await concurrentRecords();
await kills();
await fullDisk();
await unbounded();
rmSync(root, { recursive: true, force: true });
