import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { z } from 'zod';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Located } from './located.js';
import { internalDiagnostic } from './order.js';
import { parseYaml, type ParseOptions } from './parse.js';
import { DEFAULT_MAX_BYTES, tooLarge } from './source.js';
import { validateDoc } from './validate.js';

function unreadable(file: string, found: string): Diagnostic {
  return { file, line: 0, col: 0, path: [], code: 'unreadable', expected: 'a readable file', found };
}

/**
 * The file's bytes, or a diagnostic. Reads at most `maxBytes + 1` bytes, so an enormous file (or a
 * device that never ends) is refused without being read into memory. Opens read-only: the loader
 * never modifies its input.
 */
export function readBytes(path: string, maxBytes: number): { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'a file we may not read' : code === 'EISDIR' ? 'a directory' : `an error opening it (${code ?? 'unknown'})`;
    return { ok: false, diagnostic: unreadable(path, found) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, diagnostic: unreadable(path, 'a directory') };
    if (st.isFile() && st.size > maxBytes) return { ok: false, diagnostic: tooLarge(path, st.size, maxBytes) };
    // Sized to the file when its size is known (a regular file), so a small file does not cost a
    // zero-filled 1 MiB buffer; uninitialised memory is never read past `total`.
    const buf = Buffer.allocUnsafe(st.isFile() ? Math.min(st.size, maxBytes) + 1 : maxBytes + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return { ok: false, diagnostic: tooLarge(path, total, maxBytes) };
    }
    // A regular file that filled its buffer grew while it was read: refuse rather than truncate.
    if (total === buf.length) return { ok: false, diagnostic: unreadable(path, 'a file that changed while it was read') };
    return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, total) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, diagnostic: unreadable(path, code === 'EISDIR' ? 'a directory' : `an error reading it (${code ?? 'unknown'})`) };
  } finally {
    closeSync(fd);
  }
}

/** Read a file (bytes), parse, validate; throws InputError with ALL diagnostics. */
export function loadYamlFile<S extends z.ZodType>(path: string, schema: S, opts: ParseOptions = {}): { value: z.output<S>; located: Located<unknown> } {
  let diagnostics: Diagnostic[];
  try {
    const read = readBytes(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    if (!read.ok) throw new InputError([read.diagnostic]);
    const parsed = parseYaml(read.bytes, path, opts);
    if (!parsed.ok) throw new InputError(parsed.diagnostics);
    const checked = validateDoc(parsed.doc, schema);
    if (checked.ok) return { value: checked.value, located: parsed.doc };
    diagnostics = checked.diagnostics;
  } catch (err) {
    if (err instanceof InputError) throw err;
    diagnostics = [internalDiagnostic(path, err)];
  }
  throw new InputError(diagnostics);
}
