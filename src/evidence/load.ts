import { InputError } from '../diagnostics/diagnostic.js';
import { loadYamlFile, type Located } from '../load/index.js';
import { sortDiagnostics } from '../load/index.js';
import type { Corpus } from '../rules/corpus.js';
import { lawChecks } from './law-checks.js';
import { EvidenceSchema, type Evidence } from './schema.js';

export interface LoadedEvidence {
  evidence: Evidence;
  located: Located<unknown>;
  file: string;
}

/**
 * Reads, parses and validates an evidence file: the schema first, then the checks that depend
 * on the report year's law (with any effective-date overrides the run uses). Throws InputError
 * listing every problem with file:line:col.
 */
export function loadEvidenceFile(path: string, corpus?: Corpus, overrides: Record<string, { from?: number; to?: number }> = {}): LoadedEvidence {
  const { value, located } = loadYamlFile(path, EvidenceSchema);
  const problems = lawChecks(value, located, corpus, overrides);
  if (problems.length > 0) throw new InputError(sortDiagnostics(problems));
  return { evidence: value, located, file: path };
}
