import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { errnoCode } from './errors.js';
import { sleepSync } from './process.js';

/**
 * Bounded reads of input files. Only a regular file is read (a FIFO would block forever, a device
 * such as /dev/zero never ends, and a symbolic link to either is the same thing), at most
 * `maxBytes + 1` bytes of it, so an enormous input is refused without being read into memory.
 * The file is opened read-only and non-blocking: opening a FIFO for reading would otherwise wait
 * for a writer before the check could refuse it.
 *
 * The path `-` is standard input, read once (a second read gets the same bytes).
 */

export const STDIN_PATH = '-';
/** How standard input is named in diagnostics. */
export const STDIN_NAME = '<stdin>';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic };

export function unreadable(file: string, found: string, hint?: string): Diagnostic {
  const d: Diagnostic = { file, line: 0, col: 0, path: [], code: 'unreadable', expected: 'a readable file', found };
  if (hint !== undefined) d.hint = hint;
  return d;
}

function sizeText(bytes: number): string {
  const exact = `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB (${exact})`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB (${exact})`;
  return exact;
}

export function tooLarge(file: string, size: number, maxBytes: number, atLeast = false): Diagnostic {
  return { file, line: 0, col: 0, path: [], code: 'too-large', expected: `a file of at most ${sizeText(maxBytes)}`, found: `${atLeast ? 'more than ' : ''}${sizeText(size)}` };
}

function openError(file: string, err: unknown): Diagnostic {
  const code = errnoCode(err);
  const found =
    code === 'ENOENT' ? 'no such file'
    : code === 'EACCES' || code === 'EPERM' ? 'a file we may not read'
    : code === 'EISDIR' ? 'a directory'
    : code === 'ELOOP' ? 'a loop of symbolic links'
    : code === 'ENOTDIR' ? 'a path through something that is not a folder'
    : `an error opening it (${code ?? 'unknown'})`;
  return unreadable(file, found);
}

/** What a file that is not a regular one is, in words. */
function kindOf(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device (such as /dev/zero)';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Reads a regular file's bytes, refusing anything else and anything over `maxBytes`. */
export function readRegularFile(path: string, maxBytes: number, shownAs: string = path): ReadResult {
  if (path === STDIN_PATH) return readStandardInput(maxBytes, shownAs === STDIN_PATH ? STDIN_NAME : shownAs);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, diagnostic: openError(shownAs, err) };
  }
  try {
    const st = fstatSync(fd);
    const kind = kindOf(st);
    if (kind !== undefined) return { ok: false, diagnostic: unreadable(shownAs, kind) };
    if (st.size > maxBytes) return { ok: false, diagnostic: tooLarge(shownAs, st.size, maxBytes) };
    // Sized to the file, so a small file does not cost a buffer of maxBytes; one byte more to see growth.
    const buf = Buffer.allocUnsafe(st.size + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
      if (total === buf.length) return { ok: false, diagnostic: unreadable(shownAs, 'a file that grew while it was read') };
    }
    return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, total) };
  } catch (err) {
    return { ok: false, diagnostic: unreadable(shownAs, `an error reading it (${errnoCode(err) ?? 'unknown'})`) };
  } finally {
    closeSync(fd);
  }
}

let stdinBytes: Uint8Array | undefined;
let stdinSource: (() => Uint8Array) | undefined;

/** Replaces standard input (tests, and a host such as the workbench that has the text already). */
export function provideStandardInput(source: Uint8Array | string | (() => Uint8Array) | undefined): void {
  stdinBytes = undefined;
  stdinSource = source === undefined ? undefined : typeof source === 'function' ? source : () => (typeof source === 'string' ? Buffer.from(source, 'utf8') : source);
}

function readStandardInput(maxBytes: number, shownAs: string): ReadResult {
  try {
    stdinBytes ??= stdinSource ? stdinSource() : readFd0(maxBytes);
  } catch (err) {
    return { ok: false, diagnostic: unreadable(shownAs, `an error reading standard input (${errnoCode(err) ?? String(err)})`) };
  }
  if (stdinBytes.length > maxBytes) return { ok: false, diagnostic: tooLarge(shownAs, stdinBytes.length, maxBytes, true) };
  return { ok: true, bytes: stdinBytes };
}

/** All of file descriptor 0, stopping one byte past the cap; waits when the pipe is non-blocking. */
function readFd0(maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  while (total <= maxBytes) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (err) {
      if (errnoCode(err) === 'EAGAIN') {
        sleepSync(5);
        continue;
      }
      if (errnoCode(err) === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks);
}
