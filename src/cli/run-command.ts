import { InputError, UsageError, formatDiagnostic, moreText } from '../diagnostics/diagnostic.js';
import { OutputError } from '../fsutil/errors.js';
import { provideStandardInput } from '../fsutil/read.js';
import type { Command, Io } from './io.js';
import { DecisionError } from '../assess/resolve.js';
import { errorJson, printJson, wantsJson, type ErrorKind } from './json-output.js';

/**
 * Runs one loaded command and turns whatever it throws into a message and an exit code; never
 * throws. main() uses it for every command; the bundled CLI (scripts/bundle.mjs) builds one file
 * per command around it, so that starting `tip assess` compiles the code of assess alone.
 */
export async function runLoaded(name: string, command: { run: Command }, args: string[], io: Io): Promise<number> {
  provideStandardInput(io.stdin);
  try {
    return await command.run(args, io);
  } catch (err) {
    return reportError(err, io, name, wantsJson(args));
  }
}

/** Diagnostics printed at most per command; the rest are counted. */
const PRINTED_MAX = 200;

function classify(err: unknown): { kind: ErrorKind; code: number; message: string } {
  if (err instanceof InputError) return { kind: 'input', code: 1, message: `${err.diagnostics.length + err.omitted} error${err.diagnostics.length + err.omitted === 1 ? '' : 's'}` };
  if (err instanceof DecisionError) return { kind: 'decision', code: 1, message: `the rules give ${err.kind === 'empty' ? 'no answer' : 'two answers'}: ${err.message}` };
  if (err instanceof UsageError) return { kind: 'usage', code: 2, message: err.message };
  if (err instanceof OutputError) return { kind: 'output', code: 1, message: err.message };
  const sys = err as NodeJS.ErrnoException;
  if (sys && typeof sys.code === 'string' && typeof sys.path === 'string') {
    // A file the command had to read or write could not be: say which and why, exit 1.
    return { kind: 'output', code: 1, message: OutputError.from(sys.path, err, sys.syscall ?? 'use').message };
  }
  return { kind: 'internal', code: 3, message: `internal error: ${err instanceof Error ? err.message : String(err)}` };
}

export function reportError(err: unknown, io: Io, name: string, json = false): number {
  const { kind, code, message } = classify(err);
  if (json) {
    printJson(io.stdout, errorJson(name, code, kind, message, err instanceof InputError ? err.diagnostics : undefined, err instanceof InputError ? err.omitted : 0));
    return code;
  }
  if (err instanceof InputError) {
    for (const d of err.diagnostics.slice(0, PRINTED_MAX)) io.stderr(formatDiagnostic(d) + '\n');
    const more = Math.max(0, err.diagnostics.length - PRINTED_MAX) + err.omitted;
    if (more > 0) io.stderr(`${moreText(more)}\n`);
    io.stderr(`${message}\n`);
  } else if (kind === 'usage') {
    io.stderr(`tip ${name}: ${message}\nRun \`tip help ${name}\` for usage.\n`);
  } else {
    io.stderr(`tip ${name}: ${message}\n`);
    if (kind === 'internal' && process.env.TIP_DEBUG && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
  }
  return code;
}
