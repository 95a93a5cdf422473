import type { Evidence } from '../evidence/schema.js';
import { loadEvidenceFile } from '../evidence/load.js';
import { bundledCorpus, type Corpus } from '../rules/corpus.js';
import { assessEvidence, type AssessOptions, type HistoryContext } from './assess.js';
import type { Assessment } from './types.js';

export interface AssessFileOptions extends AssessOptions {
  /** Tier ledger CSV (iso3,year,tier[,waiver]). */
  historyPath?: string;
  /** Waivers CSV (iso3,year,event). */
  waiversPath?: string;
  corpus?: Corpus;
  /** Readings of the clock's open questions (tvpa-rules.md §4.6); shown in the output. */
  clock?: { ruleF: 'after-waiver-run' | 'literal' | 'any-time-after'; specialCaseBreaksRun: boolean };
}

export interface AssessedFile {
  assessment: Assessment;
  evidence: Evidence;
}

/** The history context for a country and year; no ledger gives an unchecked clock. */
export function historyContextFor(_iso3: string, _year: number, options: AssessFileOptions): HistoryContext {
  if (options.historyPath === undefined) return { clock: null, previousTier: null };
  throw new Error('ledger support is not wired in yet');
}

/** Loads, validates and assesses one evidence file. Throws InputError for bad input. */
export async function assessFile(path: string, options: AssessFileOptions = {}): Promise<AssessedFile> {
  const corpus = options.corpus ?? bundledCorpus();
  const { evidence } = loadEvidenceFile(path, corpus);
  const context = historyContextFor(evidence.country.iso3, evidence.report_year, options);
  const assessment = await assessEvidence(evidence, context, options, corpus, path);
  return { assessment, evidence };
}
