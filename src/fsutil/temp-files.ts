import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { processAlive } from './process.js';

/**
 * Our temporary files: `.tip-tmp-NAME-PID-SEQ`, in the folder of the file they will become (a
 * rename is atomic only within one file system). A process killed between creating one and
 * renaming it leaves it behind, so the first write of a process into a folder removes the
 * temporary files of processes that no longer run. Only names of this exact form are touched.
 */

const PREFIX = '.tip-tmp-';
/** PID, then a sequence number (`w` marks the batch's background writer). */
const NAME = /^\.tip-tmp-.*-(\d+)-w?\d+$/;
/** Kept short so the temporary name stays within a file system's 255-byte limit. */
const BASE_MAX = 80;
/** A leftover this old is removed even if its PID is alive again (PIDs are reused). */
const ABANDONED_MS = 24 * 60 * 60 * 1000;

let sequence = 0;

/** A fresh temporary name beside `target` (unique in this process; 'wx' guards the rest). */
export function tempPathFor(target: string, tag = ''): string {
  const base = Array.from(basename(target)).slice(0, BASE_MAX).join('');
  return join(dirname(target), `${PREFIX}${base}-${process.pid}-${tag}${++sequence}`);
}

export function isTempName(name: string): boolean {
  return NAME.test(name);
}

const cleaned = new Set<string>();

/**
 * Removes the stale temporary files of `dir` once per process (the first time it is asked).
 * Those of running processes are kept, so two runs into one folder never break each other.
 * Returns the names removed. Never throws: cleaning is a courtesy, the write is what matters.
 */
export function cleanStaleTemps(dir: string, now = Date.now()): string[] {
  const key = resolve(dir);
  if (cleaned.has(key)) return [];
  cleaned.add(key);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(key);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const path = join(key, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile()) continue;
      const mine = pid === process.pid; // a previous process with our PID: ours have not started here
      if (!mine && processAlive(pid) && now - st.mtimeMs < ABANDONED_MS) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** For tests: forget which folders were cleaned, so the next write cleans again. */
export function resetTempCleaning(): void {
  cleaned.clear();
}
