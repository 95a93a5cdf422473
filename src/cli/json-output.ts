import { diagnosticJson, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { BatchResult } from '../batch/types.js';

/**
 * `--json` output. Every command that takes `--json` prints exactly one JSON value on standard
 * output, also when it fails: a bad input file, a wrong command line or a file that cannot be
 * written is `{"ok": false, "exitCode": N, "error": {...}}`, with the diagnostics as objects
 * (file, line, col, path, field, code, expected, found, hint, message). Nothing else goes to
 * standard output, so a script can always parse it.
 */

/** `--json` among the options (not after `--`, where it would be a file name). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

export function printJson(out: (text: string) => void, value: unknown): void {
  out(JSON.stringify(value, null, 2) + '\n');
}

export function diagnosticsJson(list: readonly Diagnostic[]): Record<string, unknown>[] {
  return list.map(diagnosticJson);
}

export type ErrorKind = 'input' | 'usage' | 'output' | 'decision' | 'internal';

/** The failure of a whole command, as JSON. */
export function errorJson(command: string, exitCode: number, kind: ErrorKind, message: string, diagnostics?: readonly Diagnostic[], omitted = 0): unknown {
  return {
    ok: false,
    command,
    exitCode,
    error: { kind, message, ...(diagnostics ? { diagnostics: diagnosticsJson(diagnostics), omitted } : {}) },
  };
}

/** One file of `tip validate`. */
export type ValidatedFile = { file: string; valid: true; country: string; reportYear: number } | { file: string; valid: false; diagnostics: Diagnostic[] };

export function validateJson(files: readonly ValidatedFile[]): unknown {
  const invalid = files.filter((f) => !f.valid).length;
  return {
    ok: invalid === 0,
    valid: files.length - invalid,
    invalid,
    files: files.map((f) => (f.valid ? f : { ...f, diagnostics: diagnosticsJson(f.diagnostics) })),
  };
}

/** `tip render`: the drafts themselves (text), or the files written with --out. */
export function renderJson(docs: readonly { doc: string; fileName: string; content: string | Uint8Array }[], written: readonly string[] | undefined, notes: readonly string[]): unknown {
  if (written !== undefined) return { ok: true, written, notes };
  const content = (c: string | Uint8Array) => (typeof c === 'string' ? { content: c } : { contentBase64: Buffer.from(c).toString('base64') });
  return { ok: true, documents: docs.map((d) => ({ doc: d.doc, fileName: d.fileName, ...content(d.content) })), notes };
}

/** `tip batch`: the totals, each failure with its diagnostics, and the files written. */
export function batchJson(result: BatchResult, outDir: string, exitCode: number): unknown {
  const r = result.report;
  return {
    ok: exitCode === 0,
    exitCode,
    year: result.year,
    totals: r.totals,
    counts: r.counts.filter((c) => c.count > 0),
    failures: result.failures.map((f) => ({ file: f.file, ...(f.message !== undefined ? { message: f.message } : {}), diagnostics: diagnosticsJson(f.diagnostics) })),
    skipped: result.skipped,
    outDir,
    written: result.written,
  };
}
