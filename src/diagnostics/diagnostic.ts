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

/** Diagnostics joined into an error's message at most: the CLI prints its own, capped list. */
const MESSAGE_MAX = 50;

/**
 * Thrown (and caught by the CLI) when an input cannot be used. Carries the diagnostics found, and
 * how many more there were when the reader stopped collecting them (a file of a million bad rows
 * is reported by its first problems and a count, never by one message holding all of them).
 */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  /** Problems found but not kept, beyond `diagnostics`. */
  readonly omitted: number;
  constructor(diagnostics: Diagnostic[], omitted = 0) {
    const shown = diagnostics.slice(0, MESSAGE_MAX).map(formatDiagnostic);
    const more = diagnostics.length - shown.length + omitted;
    super([...shown, ...(more > 0 ? [moreText(more)] : [])].join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
    this.omitted = omitted;
  }
}

/** "… and 1,234,567 more" */
export function moreText(n: number): string {
  return `… and ${n.toLocaleString('en-US')} more`;
}

/** Raised for a wrong command line: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A key shown bare in a field path: names, criteria (a1, b12), years (2009), `$schema`. */
const PLAIN_KEY = /^[A-Za-z0-9_$][A-Za-z0-9_$-]*$/;

/**
 * `prosecution.investigations`, `standards.a1.sources[0]`; a key that is not a plain name (a space,
 * a dot, a line break, nothing at all) is quoted with JSON escapes, so a path is always one line
 * and never ambiguous: `" x\ncountry".name`.
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = PLAIN_KEY.test(part) ? part : escapedString(part);
      out += out === '' ? key : `.${key}`;
    }
  }
  return out;
}

/** JSON quoting, plus escapes for what JSON.stringify leaves raw (U+2028, U+2029, DEL, C1). */
function escapedString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text made safe for one line of a terminal: line breaks, tabs, other control characters and
 * unpaired surrogates are written as escapes (a file name or a value may hold any of them).
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `FILE:LINE:COL: PATH: expected X, found Y (hint)`, always on one line. */
export function formatDiagnostic(d: Diagnostic): string {
  const file = oneLine(d.file);
  const where = d.line > 0 ? `${file}:${d.line}:${d.col}` : file;
  const hint = d.hint ? ` (${oneLine(d.hint)})` : '';
  return `${where}: ${formatPath(d.path)}: expected ${oneLine(d.expected)}, found ${oneLine(d.found)}${hint}`;
}

/** A diagnostic as JSON output gives it: its fields, the path as printed, and the whole line. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return { ...d, field: formatPath(d.path), message: formatDiagnostic(d) };
}
