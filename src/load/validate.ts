import type * as z from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { issueToDiagnostics } from './issues.js';
import type { Located } from './located.js';
import { internalDiagnostic, sortDiagnostics } from './order.js';

export type ValidateResult<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

/** Validate a parsed document with a zod schema; map each zod issue to a Diagnostic with line/col. */
export function validateDoc<S extends z.ZodType>(doc: Located<unknown>, schema: S): ValidateResult<z.output<S>> {
  try {
    const result = schema.safeParse(doc.value);
    if (result.success) return { ok: true, value: result.data };
    const diagnostics = result.error.issues.flatMap((issue) => issueToDiagnostics(issue, doc, schema));
    // A zod issue always maps to at least one diagnostic, but never report "invalid" with none.
    if (diagnostics.length === 0) return { ok: false, diagnostics: [internalDiagnostic(doc.file, new Error('schema rejected the document without an issue'))] };
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  } catch (err) {
    // A throwing transform or refinement, or an async check in a sync parse: not the user's fault,
    // but still one diagnostic rather than a stack trace.
    return { ok: false, diagnostics: [internalDiagnostic(doc.file, err)] };
  }
}
