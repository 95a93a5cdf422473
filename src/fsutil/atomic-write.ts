import { closeSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { errnoCode, OutputError } from './errors.js';
import { cleanStaleTemps, tempPathFor } from './temp-files.js';

/**
 * Writes a file so that a reader never sees it half-written: the content goes to a temporary
 * file in the same folder, which is flushed and then renamed over the target.
 * With `exclusive`, never replaces an existing file (returns false): the temporary file is
 * hard-linked to the target, which fails atomically when the target exists.
 *
 * Any failure (a full disk, a read-only mount, a folder that is a file) is an OutputError that
 * names `path`, the file asked for, never the temporary file; and no temporary file is left.
 * The first write of a process into a folder removes the temporary files that killed runs left
 * there (see temp-files.ts).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: { exclusive?: boolean } = {}): boolean {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw OutputError.from(path, err);
  }
  cleanStaleTemps(dir);
  let tmp = '';
  let fd = -1;
  // 'wx' never reuses a file: a name left by a crashed run with the same pid is skipped.
  while (fd < 0) {
    tmp = tempPathFor(path);
    try {
      fd = openSync(tmp, 'wx', 0o666);
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw OutputError.from(path, err);
    }
  }
  try {
    try {
      if (!options.exclusive) keepMode(fd, path);
      writeAll(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.exclusive) {
      try {
        linkSync(tmp, path);
      } catch (err) {
        if (errnoCode(err) === 'EEXIST') return false;
        throw err;
      }
      return true;
    }
    renameSync(tmp, path);
    return true;
  } catch (err) {
    throw OutputError.from(path, err);
  } finally {
    // After a rename there is nothing left; after a link or a failure, the temporary file goes.
    rmSync(tmp, { force: true });
  }
}

/** A replaced file keeps its permissions (a ledger readable by its owner only stays so). */
function keepMode(fd: number, path: string): void {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    return; // a new file: the process's umask decides
  }
  fchmodSync(fd, mode);
}

/** writeSync may write less than asked (a signal, a pipe); loop until every byte is down. */
function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
