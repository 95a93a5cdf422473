/**
 * Filesystem failures as a user should read them: the file they asked for (never a temporary
 * file's name), what went wrong in words, and the system's code (ENOSPC, EROFS, ...).
 */

const WORDS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'a folder is in the way',
  EEXIST: 'the file exists',
  EIO: 'an input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EBUSY: 'the file is busy',
  EFBIG: 'the file is too large for the file system',
  EXDEV: 'a rename across file systems',
};

/** "no space left on the device (ENOSPC)"; an unknown code is shown as itself. */
export function errnoText(code: string | undefined): string {
  if (code === undefined) return 'an unknown error';
  const words = WORDS[code];
  return words ? `${words} (${code})` : code;
}

export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A file that could not be written (or locked). The CLI reports it with exit code 1:
 * `tip render: cannot write drafts/CHN-2009-press.txt: no space left on the device (ENOSPC)`.
 */
export class OutputError extends Error {
  /** The path the caller asked to write, as given. */
  readonly target: string;
  /** The system's code (ENOSPC, EROFS, ...), or a code of ours such as "locked". */
  readonly code: string;
  constructor(target: string, code: string, reason: string, options?: { cause?: unknown; action?: string }) {
    super(`cannot ${options?.action ?? 'write'} ${target}: ${reason}`, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'OutputError';
    this.target = target;
    this.code = code;
  }

  /** Wraps a system error met while writing `target` (whatever file the error itself names). */
  static from(target: string, err: unknown, action = 'write'): OutputError {
    if (err instanceof OutputError) return err;
    const code = errnoCode(err);
    return new OutputError(target, code ?? 'unknown', code ? errnoText(code) : String((err as Error)?.message ?? err), { cause: err, action });
  }
}
