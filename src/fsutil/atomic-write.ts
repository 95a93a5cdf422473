import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a reader never sees it half-written: the content goes to a temporary
 * file in the same folder, which is flushed and then renamed over the target.
 * With `exclusive`, never replaces an existing file (returns false): the temporary file is
 * hard-linked to the target, which fails atomically when the target exists.
 */
/** Temporary names are unique per process by a counter (cheaper than random bytes per file). */
let sequence = 0;

export function writeFileAtomic(path: string, content: string | Uint8Array, options: { exclusive?: boolean } = {}): boolean {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  let tmp = '';
  let fd = -1;
  // 'wx' never reuses a file: a name left by a crashed run with the same pid is skipped.
  while (fd < 0) {
    tmp = join(dir, `.tip-tmp-${basename(path)}-${process.pid}-${++sequence}`);
    try {
      fd = openSync(tmp, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  try {
    try {
      if (typeof content === 'string') writeSync(fd, content);
      else writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.exclusive) {
      try {
        linkSync(tmp, path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw err;
      }
      return true;
    }
    renameSync(tmp, path);
    return true;
  } finally {
    // After a rename there is nothing left; after a link or a failure, the temporary file goes.
    rmSync(tmp, { force: true });
  }
}
