import { resolve } from 'node:path';
import { errnoText } from '../fsutil/errors.js';
import { STDIN_NAME, STDIN_PATH } from '../fsutil/read.js';

/** What a command may touch: its output streams. Tests pass buffers; the binary passes process streams. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when standard error is a terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  /** Working directory against which relative paths are resolved. */
  cwd: string;
  /** Standard input's bytes, for an input named `-` (default: the process's file descriptor 0). */
  stdin?: () => Uint8Array;
}

export type Command = (argv: string[], io: Io) => Promise<number>;

/**
 * Standard output that cannot be written (a full disk behind `> file`, a reader that left: `| head`)
 * ends the run with exit 1 and, where standard error still works, one line saying why; never a
 * stack trace.
 */
function onOutputError(stream: string) {
  return (err: NodeJS.ErrnoException): void => {
    if (err.code !== 'EPIPE') {
      try {
        process.stderr.write(`tip: cannot write standard ${stream}: ${errnoText(err.code)}\n`);
      } catch {
        // nowhere left to say it
      }
    }
    process.exit(1);
  };
}

export function processIo(): Io {
  process.stdout.on('error', onOutputError('output'));
  process.stderr.on('error', onOutputError('error'));
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** An input path as the library takes it: resolved against the working directory; `-` stays standard input. */
export function inputPath(io: Io, path: string): string {
  return path === STDIN_PATH ? STDIN_PATH : resolve(io.cwd, path);
}

/** A buffered Io for tests; `stdin` is what a command reading `-` gets (nothing by default, never the test's own). */
export function bufferIo(cwd = process.cwd(), stdin: string | Uint8Array = ''): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    stderrIsTTY: false,
    cwd,
    stdin: () => (typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin),
    out: () => out,
    err: () => err,
  };
}

/** How a path the user typed is named in messages: standard input as <stdin>. */
export function shownPath(path: string): string {
  return path === STDIN_PATH ? STDIN_NAME : path;
}
