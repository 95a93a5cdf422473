import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYaml, sortDiagnostics, validateDoc, type Located } from '../load/index.js';
import { readBytes } from '../load/load-file.js';
import { internalDiagnostic } from '../load/order.js';
import { DEFAULT_MAX_BYTES } from '../load/source.js';
import type { Corpus } from '../rules/corpus.js';
import { applyToPlain, type Edit } from './edits.js';
import { lawChecks } from './law-checks.js';
import { EvidenceSchema, type Evidence } from './schema.js';
import { EvidenceV1Schema, v1Edits, v1PathOf } from './v1.js';

export interface LoadedEvidence {
  evidence: Evidence;
  located: Located<unknown>;
  file: string;
  /** The version the file is written in: 1 (no `evidence_version`) is read through `upgrade`. */
  version: 1 | 2;
  /** For a version 1 file, the edits that read it as version 2 (what `tip migrate` would write). */
  upgrade: Edit[];
}

export type Overrides = Record<string, { from?: number; to?: number }>;

/** A version 1 file is a mapping without `evidence_version` (version 1 had no such key). */
export function isVersion1(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !('evidence_version' in value);
}

/**
 * Validates a parsed evidence document, in the version it is written in, and returns it as
 * version 2 (a version 1 file is upgraded in memory by the edits `tip migrate` writes). Then the
 * checks that depend on the report year's law. Throws InputError listing every problem.
 */
export function evidenceFromDoc(doc: Located<unknown>, corpus?: Corpus, overrides: Overrides = {}): Omit<LoadedEvidence, 'file' | 'located'> {
  const v1 = isVersion1(doc.value);
  const checked = v1 ? validateDoc(doc, EvidenceV1Schema) : validateDoc(doc, EvidenceSchema);
  if (!checked.ok) throw new InputError(checked.diagnostics);
  let evidence: Evidence;
  let upgrade: Edit[] = [];
  if (v1) {
    upgrade = v1Edits(doc.value);
    const upgraded = EvidenceSchema.safeParse(applyToPlain(doc.value, upgrade));
    if (!upgraded.success) throw new InputError([internalDiagnostic(doc.file, new Error(`version 1 upgrade: ${upgraded.error.message}`))]);
    evidence = upgraded.data;
  } else {
    evidence = checked.value as Evidence;
  }
  const problems: Diagnostic[] = lawChecks(evidence, doc, corpus, overrides, v1 ? v1PathOf : undefined);
  if (problems.length > 0) throw new InputError(sortDiagnostics(problems));
  return { evidence, version: v1 ? 1 : 2, upgrade };
}

/**
 * Reads, parses and validates an evidence file (version 1 or 2): the schema first, then the
 * checks that depend on the report year's law (with any effective-date overrides the run uses).
 * Throws InputError listing every problem with file:line:col.
 */
export function loadEvidenceFile(path: string, corpus?: Corpus, overrides: Overrides = {}): LoadedEvidence {
  const read = readBytes(path, DEFAULT_MAX_BYTES);
  if (!read.ok) throw new InputError([read.diagnostic]);
  const parsed = parseYaml(read.bytes, path);
  if (!parsed.ok) throw new InputError(parsed.diagnostics);
  return { ...evidenceFromDoc(parsed.doc, corpus, overrides), located: parsed.doc, file: path };
}
