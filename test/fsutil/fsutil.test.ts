import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../src/fsutil/atomic-write.js';
import { OutputError } from '../../src/fsutil/errors.js';
import { lockPathOf, withFileLock, withFileLockSync } from '../../src/fsutil/lock.js';
import { cleanStaleTemps, isTempName, resetTempCleaning, tempPathFor } from '../../src/fsutil/temp-files.js';

const root = mkdtempSync(join(tmpdir(), 'tip-fsutil-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(root, String(++n));
  spawnSync('mkdir', ['-p', d]);
  return d;
};
/** The pid of a process that has exited (and been reaped). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
const holder = (pid: number, extra: object = {}) => JSON.stringify({ pid: Number(pid), host: hostname(), token: 'someone-else', since: new Date().toISOString(), ...extra });

describe('withFileLockSync / withFileLock', () => {
  test('runs the function holding the lock, then removes it', () => {
    const target = join(fresh(), 'ledger.csv');
    expect(withFileLockSync(target, () => existsSync(lockPathOf(target)))).toBe(true);
    expect(existsSync(lockPathOf(target))).toBe(false);
    expect(basename(lockPathOf(target))).toBe('.ledger.csv.tip-lock');
  });

  test('a lock held by a live process: waits, then an OutputError naming the holder', () => {
    const target = join(fresh(), 'ledger.csv');
    writeFileSync(lockPathOf(target), holder(process.pid));
    const t = Date.now();
    let err: unknown;
    try {
      withFileLockSync(target, () => 1, { timeoutMs: 150 });
    } catch (e) {
      err = e;
    }
    expect(Date.now() - t).toBeGreaterThanOrEqual(150);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).message).toMatch(new RegExp(`^cannot lock ${target}: it is locked by process ${process.pid} on `));
    expect(readFileSync(lockPathOf(target), 'utf8')).toContain('someone-else'); // not removed
  });

  test('stale locks are broken: a dead holder, an old lock, an unreadable one past its grace time', () => {
    const dir = fresh();
    const dead = join(dir, 'a.csv');
    writeFileSync(lockPathOf(dead), holder(deadPid()));
    expect(withFileLockSync(dead, () => 'ran', { timeoutMs: 1000 })).toBe('ran');
    const old = join(dir, 'b.csv');
    writeFileSync(lockPathOf(old), holder(process.pid));
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(lockPathOf(old), hourAgo, hourAgo);
    expect(withFileLockSync(old, () => 'ran', { timeoutMs: 1000, staleMs: 60_000 })).toBe('ran');
    const empty = join(dir, 'c.csv');
    writeFileSync(lockPathOf(empty), '');
    utimesSync(lockPathOf(empty), hourAgo, hourAgo);
    expect(withFileLockSync(empty, () => 'ran', { timeoutMs: 1000 })).toBe('ran');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a lock another process took after ours was broken is not released by us', () => {
    const target = join(fresh(), 'd.csv');
    withFileLockSync(target, () => {
      // Someone breaks ours and takes the lock.
      writeFileSync(lockPathOf(target), holder(process.pid));
    });
    expect(readFileSync(lockPathOf(target), 'utf8')).toContain('someone-else');
  });

  test('the async form serialises: the second waits for the first, without blocking the event loop', async () => {
    const target = join(fresh(), 'e.csv');
    const order: string[] = [];
    let release!: () => void;
    const first = withFileLock(target, async () => {
      order.push('first in');
      await new Promise<void>((r) => (release = r));
      order.push('first out');
    });
    await new Promise((r) => setTimeout(r, 10));
    const second = withFileLock(target, () => {
      order.push('second');
    });
    await new Promise((r) => setTimeout(r, 30));
    order.push('timer ran');
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'timer ran', 'first out', 'second']);
  });
});

describe('temporary files', () => {
  test('stale ones (dead pid) go on the first write into the folder; live ones and other names stay', () => {
    const dir = fresh();
    const dead = `.tip-tmp-x.txt-${deadPid()}-3`;
    const live = `.tip-tmp-y.txt-${process.ppid}-w4`;
    for (const f of [dead, live, '.tip-tmp-notours', 'keep.txt']) writeFileSync(join(dir, f), 'x');
    resetTempCleaning();
    writeFileAtomic(join(dir, 'out.txt'), 'new');
    expect(readdirSync(dir).sort()).toEqual(['.tip-tmp-notours', live, 'keep.txt', 'out.txt'].sort());
    // Once per process and folder.
    writeFileSync(join(dir, dead), 'x');
    expect(cleanStaleTemps(dir)).toEqual([]);
  });

  test('names: recognisable, and short enough for a 255-byte file system limit', () => {
    const long = join(root, 'n'.repeat(250));
    const tmp = basename(tempPathFor(long));
    expect(isTempName(tmp)).toBe(true);
    expect(Buffer.byteLength(tmp)).toBeLessThan(120);
    expect(isTempName('.tip-tmp-report.md-123-w9')).toBe(true);
    expect(isTempName('report.md')).toBe(false);
  });

  test('writeFileAtomic keeps the mode of the file it replaces', () => {
    const p = join(fresh(), 'private.csv');
    writeFileSync(p, 'old', { mode: 0o600 });
    writeFileAtomic(p, 'new');
    expect(spawnSync('stat', ['-c', '%a', p], { encoding: 'utf8' }).stdout.trim()).toBe('600');
    expect(readFileSync(p, 'utf8')).toBe('new');
  });
});
