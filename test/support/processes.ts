import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { PACKAGE_ROOT } from '../../src/paths.js';

/**
 * Real processes for the tests that need them (concurrent writers, kill -9, a full disk): the
 * library's source, transpiled (no type check) into node_modules/.cache/tip-test/HASH/, so the
 * tests run today's src/ without a build, and the package root is still found by walking up.
 * The cache is keyed by the sources' contents; a fresh copy is written to a temporary folder and
 * renamed into place, so test files running at once share it safely.
 */

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Copies of older sources go after an hour (a test file still running may use one). */
function pruneOld(cache: string, keep: string): void {
  for (const name of readdirSync(cache)) {
    const p = join(cache, name);
    if (p !== keep && Date.now() - statSync(p).mtimeMs > 3600_000) rmSync(p, { recursive: true, force: true });
  }
}

let built: string | undefined;

/** The folder holding the transpiled `src/` (as `src/...js`). */
export function transpiledRoot(): string {
  if (built) return built;
  const files = sources(join(PACKAGE_ROOT, 'src')).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(f));
  const root = join(PACKAGE_ROOT, 'node_modules', '.cache', 'tip-test', hash.digest('hex').slice(0, 16));
  if (!existsSync(join(root, 'src', 'cli', 'bin.js'))) {
    const tmp = `${root}.tmp-${process.pid}`;
    for (const f of files) {
      const out = ts.transpileModule(readFileSync(f, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        fileName: f,
      }).outputText;
      const target = join(tmp, relative(PACKAGE_ROOT, f).replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, out);
    }
    writeFileSync(join(tmp, 'package.json'), '{"type":"module"}\n');
    try {
      renameSync(tmp, root);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another test file got there first
    }
    pruneOld(dirname(root), root);
  }
  built = root;
  return root;
}

/** The `tip` binary of today's sources. */
export function tipBin(): string {
  return join(transpiledRoot(), 'src', 'cli', 'bin.js');
}

/** A module of today's sources, for a child process's script: `src/ledger/record.js`. */
export function moduleUrl(path: string): string {
  return 'file://' + join(transpiledRoot(), path);
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `tip ARGS` in `cwd` as a process. */
export function tipProcess(args: string[], cwd: string, input?: string): Promise<Finished> {
  const child = spawn(process.execPath, [tipBin(), ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(input ?? '');
  return finished(child);
}

/** Runs an ES module script (text) as a process. */
export function scriptProcess(script: string, cwd: string, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every file under `dir`, relative, sorted. */
export function treeOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name))]));
  return walk(dir).sort();
}

export function mtime(path: string): number {
  return statSync(path).mtimeMs;
}
