import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that a reader never sees it half-written: the content goes to a temporary
 * file in the same folder, which is flushed and then renamed over the target.
 * With `exclusive`, never replaces an existing file (returns false): the temporary file is
 * hard-linked to the target, which fails atomically when the target exists.
 */
export function writeFileAtomic(path: string, content: string, options: { exclusive?: boolean } = {}): boolean {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.tip-tmp-${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, content);
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
