/** What a command may touch: its output streams. Tests pass buffers; the binary passes process streams. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when standard error is a terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  /** Working directory against which relative paths are resolved. */
  cwd: string;
}

export type Command = (argv: string[], io: Io) => Promise<number>;

export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** A buffered Io for tests. */
export function bufferIo(cwd = process.cwd()): Io & { out: () => string; err: () => string } {
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
    out: () => out,
    err: () => err,
  };
}
