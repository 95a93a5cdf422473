import { closeSync, linkSync, lstatSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { errnoCode, OutputError } from './errors.js';
import { processAlive, sleepSync } from './process.js';
import { cleanStaleTemps, tempPathFor } from './temp-files.js';

/**
 * An advisory lock on a file, for read-modify-write cycles (`tip record`, the workbench's saves):
 * take the lock, re-read the file, write it atomically, release. Two writers then never lose each
 * other's change (issue 11: eight concurrent `tip record` kept 58 of 80 rows without it).
 *
 * The lock is a file beside the target, `.NAME.tip-lock`, created with O_EXCL (so exactly one
 * process gets it), holding the holder's pid, host and a random token. A lock whose holder is dead
 * (same host, pid gone: a `kill -9`) is stale and is removed by the next process that wants it;
 * so is one older than `staleMs` (a holder on another host, a reused pid). Removing a stale lock
 * is itself serialised by a short-lived `.break` file, so two processes can never both decide the
 * same lock is stale and then remove each other's fresh one.
 *
 * The lock is written whole (a temporary file hard-linked into place), so a kill never leaves an
 * empty lock file.
 *
 * Why not proper-lockfile: its synchronous API cannot wait for a lock, and the ledger writer is
 * synchronous; this is the scheme it implements, in one small file with no dependency.
 */

export interface LockOptions {
  /** Give up after waiting this long (default 30 s): an OutputError naming the holder. */
  timeoutMs?: number;
  /** A lock older than this is stale whoever holds it (default 10 minutes; holders keep it for milliseconds). */
  staleMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
  since: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_STALE_MS = 10 * 60 * 1000;
/** A lock file with no readable holder yet: its creator is writing it, or died doing so. */
const UNREADABLE_GRACE_MS = 5_000;
const HOST = hostname();

export function lockPathOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.tip-lock`);
}

type Attempt = { ok: true; token: string } | { ok: false; holder: Holder | null };

/**
 * Creates the lock file with its content in one step: the holder is written to a temporary file
 * that is then hard-linked as the lock (link fails if the lock exists). A process killed at any
 * moment so leaves either no lock or a complete one, never an empty lock file whose holder
 * cannot be told. Where hard links are not supported, O_EXCL creation then a write.
 */
function createLock(lockPath: string, content: string): boolean {
  const tmp = tempPathFor(lockPath);
  try {
    writeFileSync(tmp, content, { flag: 'wx', mode: 0o644 });
    linkSync(tmp, lockPath);
    return true;
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o644);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** One try: create the lock file, or learn who holds it (removing it when stale). */
function tryLock(target: string, lockPath: string, staleMs: number): Attempt {
  const holder: Holder = { pid: process.pid, host: HOST, token: randomBytes(8).toString('hex'), since: new Date().toISOString() };
  try {
    if (createLock(lockPath, JSON.stringify(holder))) return { ok: true, token: holder.token };
  } catch (err) {
    throw OutputError.from(target, err, 'lock');
  }
  const current = readHolder(lockPath);
  if (current.kind === 'gone') return { ok: false, holder: null };
  if (isStale(current, staleMs)) breakStale(lockPath, current.raw);
  return { ok: false, holder: current.kind === 'held' ? current.holder : null };
}

type Observed = { kind: 'gone' } | { kind: 'held'; holder: Holder; raw: string; ageMs: number } | { kind: 'unreadable'; raw: string; ageMs: number };

function readHolder(lockPath: string): Observed {
  let raw: string;
  let ageMs: number;
  try {
    ageMs = Date.now() - lstatSync(lockPath).mtimeMs;
    raw = readFileSync(lockPath, 'utf8');
  } catch {
    return { kind: 'gone' };
  }
  try {
    const h = JSON.parse(raw) as Holder;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.token === 'string') return { kind: 'held', holder: h, raw, ageMs };
  } catch {
    // fall through
  }
  return { kind: 'unreadable', raw, ageMs };
}

function isStale(o: Exclude<Observed, { kind: 'gone' }>, staleMs: number): boolean {
  if (o.kind === 'unreadable') return o.ageMs > UNREADABLE_GRACE_MS;
  if (o.ageMs > staleMs) return true;
  return o.holder.host === HOST && !processAlive(o.holder.pid);
}

/** Removes the lock file if it still holds `raw`, under the `.break` guard. */
function breakStale(lockPath: string, raw: string): void {
  const guard = `${lockPath}.break`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (err) {
    // Someone else is breaking it; a guard left by a dead breaker goes after the grace time.
    if (errnoCode(err) === 'EEXIST') {
      try {
        if (Date.now() - lstatSync(guard).mtimeMs > UNREADABLE_GRACE_MS) rmSync(guard, { force: true });
      } catch {
        // gone
      }
    }
    return;
  }
  try {
    const now = readHolder(lockPath);
    if (now.kind !== 'gone' && now.raw === raw) rmSync(lockPath, { force: true });
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

function release(lockPath: string, token: string): void {
  const now = readHolder(lockPath);
  // Only our own lock: if it was broken as stale and retaken, the new holder keeps it.
  if (now.kind === 'held' && now.holder.token === token) rmSync(lockPath, { force: true });
}

function timeoutError(target: string, lockPath: string, holder: Holder | null): OutputError {
  const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'another process';
  return new OutputError(target, 'locked', `it is locked by ${who} (lock file ${lockPath}; if no tip process is running, delete it)`, { action: 'lock' });
}

/** The waiting of one acquisition: each try, then a pause that grows to 50 ms, until the deadline. */
function waiter(target: string, options: LockOptions) {
  const lockPath = lockPathOf(target);
  cleanStaleTemps(dirname(lockPath));
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let wait = 2;
  return {
    attempt: () => tryLock(target, lockPath, options.staleMs ?? DEFAULT_STALE_MS),
    release: (token: string) => release(lockPath, token),
    /** Milliseconds to wait before the next try (with jitter), or the timeout error. */
    pause(holder: Holder | null): number {
      if (Date.now() >= deadline) throw timeoutError(target, lockPath, holder);
      const ms = wait + Math.random() * wait;
      wait = Math.min(wait * 2, 50);
      return ms;
    },
  };
}

/** Runs `fn` holding the lock on `target`, waiting for it when another process holds it. */
export function withFileLockSync<T>(target: string, fn: () => T, options: LockOptions = {}): T {
  const w = waiter(target, options);
  for (;;) {
    const a = w.attempt();
    if (!a.ok) {
      sleepSync(w.pause(a.holder));
      continue;
    }
    try {
      return fn();
    } finally {
      w.release(a.token);
    }
  }
}

/** The same for asynchronous work (the workbench's saves): waits without blocking the event loop. */
export async function withFileLock<T>(target: string, fn: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const w = waiter(target, options);
  for (;;) {
    const a = w.attempt();
    if (!a.ok) {
      await delay(w.pause(a.holder));
      continue;
    }
    try {
      return await fn();
    } finally {
      w.release(a.token);
    }
  }
}
