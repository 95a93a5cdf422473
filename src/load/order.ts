import { formatPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { shorten } from './text.js';

/**
 * Diagnostics in reading order (line, then column), ties broken by path, code and text so the
 * output is byte-identical run to run. Exact duplicates are dropped.
 */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string => JSON.stringify([formatPath(d.path), d.code, d.expected, d.found, d.hint ?? '']);
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of list) {
    const k = `${d.line}:${d.col}:${key(d)}`;
    if (!seen.has(k)) {
      seen.add(k);
      unique.push(d);
    }
  }
  return unique.sort((a, b) => a.line - b.line || a.col - b.col || cmp(key(a), key(b)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An unexpected failure inside the loader, reported as input trouble rather than a stack trace. */
export function internalDiagnostic(file: string, err: unknown): Diagnostic {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return {
    file,
    line: 0,
    col: 0,
    path: [],
    code: 'internal',
    expected: 'a file the loader can read',
    found: `an internal error (${shorten(what, 80)})`,
    hint: 'this is a bug in the loader; please report it with the input file',
  };
}
