import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lawChecks } from '../evidence/law-checks.js';
import { EvidenceSchema, type Evidence } from '../evidence/schema.js';
import { parseYaml, sortDiagnostics, validateDoc } from '../load/index.js';
import type { Corpus } from '../rules/corpus.js';

/**
 * Evidence as the API receives it: YAML text, or JSON text (JSON is YAML, so one parser gives
 * both their line and column), checked exactly as `tip validate` checks a file: the loader's
 * limits, the schema, then the law of the report year.
 */

export type CheckedEvidence =
  | { ok: true; evidence: Evidence; value: unknown }
  | { ok: false; value: unknown; diagnostics: Diagnostic[] };

export type Overrides = Record<string, { from?: number; to?: number }>;

export function checkEvidenceText(text: string | Uint8Array, file: string, corpus: Corpus, overrides: Overrides = {}): CheckedEvidence {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { ok: false, value: undefined, diagnostics: parsed.diagnostics };
  const value = parsed.doc.value;
  const checked = validateDoc(parsed.doc, EvidenceSchema);
  if (!checked.ok) return { ok: false, value, diagnostics: checked.diagnostics };
  const problems = lawChecks(checked.value, parsed.doc, corpus, overrides);
  if (problems.length > 0) return { ok: false, value, diagnostics: sortDiagnostics(problems) };
  return { ok: true, evidence: checked.value, value };
}
