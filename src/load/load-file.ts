import type * as z from 'zod';
import { readRegularFile, STDIN_NAME, STDIN_PATH, type ReadResult } from '../fsutil/read.js';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Located } from './located.js';
import { internalDiagnostic } from './order.js';
import { parseYaml, type ParseOptions } from './parse.js';
import { DEFAULT_MAX_BYTES } from './source.js';
import { validateDoc } from './validate.js';

/** How a path is named in diagnostics: as given, standard input as <stdin>. */
export function shownName(path: string): string {
  return path === STDIN_PATH ? STDIN_NAME : path;
}

/**
 * A file's bytes, or a diagnostic: a regular file (never a FIFO or a device) of at most `maxBytes`,
 * or `-` for standard input (src/fsutil/read.ts).
 */
export function readBytes(path: string, maxBytes: number): ReadResult {
  return readRegularFile(path, maxBytes, shownName(path));
}

/**
 * Read a file (bytes; a regular file of at most `maxBytes`, or `-` for standard input), parse,
 * validate; throws InputError with ALL diagnostics.
 */
export function loadYamlFile<S extends z.ZodType>(path: string, schema: S, opts: ParseOptions = {}): { value: z.output<S>; located: Located<unknown> } {
  let diagnostics: Diagnostic[];
  try {
    const read = readBytes(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    if (!read.ok) throw new InputError([read.diagnostic]);
    const parsed = parseYaml(read.bytes, shownName(path), opts);
    if (!parsed.ok) throw new InputError(parsed.diagnostics);
    const checked = validateDoc(parsed.doc, schema);
    if (checked.ok) return { value: checked.value, located: parsed.doc };
    diagnostics = checked.diagnostics;
  } catch (err) {
    if (err instanceof InputError) throw err;
    diagnostics = [internalDiagnostic(shownName(path), err)];
  }
  throw new InputError(diagnostics);
}
