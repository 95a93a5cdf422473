import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that a reader never sees it half-written: the content goes to a temporary
 * file in the same folder, which is flushed and then renamed over the target.
 * With `exclusive`, refuses (returns false) when the target already exists.
 */
export function writeFileAtomic(path: string, content: string, options: { exclusive?: boolean } = {}): boolean {
  if (options.exclusive && existsSync(path)) return false;
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.tip-tmp-${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
  }
  if (options.exclusive && existsSync(path)) {
    rmSync(tmp, { force: true });
    return false;
  }
  renameSync(tmp, path);
  return true;
}
