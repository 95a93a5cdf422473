import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';

/**
 * Whole-process timings for the bench: a command's CPU time (user + system, of the process and
 * everything it waited for) and its wall time, both read by bash around one `node` run: `times`
 * gives the children's CPU time, $EPOCHREALTIME the wall clock. Node cannot read a child's
 * resource usage itself, and a preload that reports process.cpuUsage() would add its own start-up
 * to every figure, the bare `node -e 0` included.
 */

export interface ProcessTime {
  cpu: number; // ms
  wall: number; // ms
}

const SCRIPT = [
  's=$EPOCHREALTIME',
  '"$@" >/dev/null 2>"$TIP_BENCH_ERR"',
  'rc=$?',
  'e=$EPOCHREALTIME',
  'times',
  'echo "$s $e $rc"',
].join('\n');

/** `times` prints "0m0.040s 0m0.012s": minutes and seconds. */
function seconds(t: string): number {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  if (!m) throw new Error(`unexpected \`times\` output: ${t}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A folder of this process's own for the commands' standard error, removed when it exits. */
let scratch: string | undefined;
function errFileOf(): string {
  if (scratch === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'tip-bench-'));
    scratch = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return join(scratch, 'stderr');
}

/** Runs `node ARGS` once in the package root; throws when it exits with a code not in `okCodes`. */
export function timeNode(args: string[], okCodes: number[] = [0], env: Record<string, string> = {}): ProcessTime {
  const errFile = errFileOf();
  const r = spawnSync('bash', ['-c', SCRIPT, 'bench', process.execPath, ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, ...env, TIP_BENCH_ERR: errFile } });
  const lines = r.stdout.trim().split('\n');
  const [, children, last] = lines;
  const [start, end, rc] = (last ?? '').split(' ');
  if (r.status !== 0 || children === undefined || !okCodes.includes(Number(rc))) {
    const err = readFileSync(errFile, 'utf8');
    throw new Error(`node ${args.join(' ')} exited ${String(rc)}: ${err}${r.stderr}`);
  }
  const [user, system] = children.split(' ').map(seconds);
  return { cpu: (user! + system!) * 1000, wall: (Number(end) - Number(start)) * 1000 };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Measured {
  cpu: number; // median, ms
  wall: number; // median, ms
  runs: ProcessTime[];
}

/**
 * Each command `runs` times, interleaved (a, b, c, a, b, c, ...), so that the machine's load, which
 * drifts, falls on all of them alike; then the medians. `before` runs ahead of each run (to clear
 * an output folder, say) and is not timed.
 */
export function interleaved<K extends string>(
  commands: Record<K, { args: string[]; okCodes?: number[]; env?: Record<string, string>; before?: () => void }>,
  runs: number,
): Record<K, Measured> {
  const keys = Object.keys(commands) as K[];
  const all = Object.fromEntries(keys.map((k) => [k, [] as ProcessTime[]])) as Record<K, ProcessTime[]>;
  for (const k of keys) {
    commands[k].before?.();
    timeNode(commands[k].args, commands[k].okCodes, commands[k].env); // one untimed run each: the file cache
  }
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      commands[k].before?.();
      all[k].push(timeNode(commands[k].args, commands[k].okCodes, commands[k].env));
    }
  }
  return Object.fromEntries(keys.map((k) => [k, { cpu: median(all[k].map((r) => r.cpu)), wall: median(all[k].map((r) => r.wall)), runs: all[k] }])) as Record<K, Measured>;
}
