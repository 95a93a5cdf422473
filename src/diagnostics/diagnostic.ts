/**
 * One problem found in an input file. Every error a user sees about bad input is one of these:
 * where (file:line:col), which field (path), what was expected and what was found.
 */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file (size, encoding). */
  line: number;
  /** 1-based; 0 when the problem concerns the whole file. */
  col: number;
  /** Field path inside the document, e.g. ["prosecution", "investigations"]. */
  path: (string | number)[];
  /** A short code for tests and tools, e.g. "unknown-key", "duplicate-key". */
  code: string;
  expected: string;
  found: string;
  /** "did you mean …" and similar. */
  hint?: string;
}

/** Thrown (and caught by the CLI) when an input cannot be used. Carries every diagnostic found. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/** Raised for a wrong command line: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** `FILE:LINE:COL: PATH: expected X, found Y (hint)` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${where}: ${formatPath(d.path)}: expected ${d.expected}, found ${d.found}${hint}`;
}
