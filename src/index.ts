/**
 * tip-tier-engine: the library. Every job of the `tip` command line is a typed function here;
 * the CLI (src/cli/) only parses arguments and prints.
 */

// The model
export { TIERS, REGIONAL_BUREAUS, isTier, tierName, tierRank, isOnListB, type Tier, type RegionalBureau } from './model/tier.js';
export { InputError, UsageError, formatDiagnostic, type Diagnostic } from './diagnostics/diagnostic.js';

// validate / init / schema
export { EvidenceSchema, reportingPeriod, type Evidence, type EvidenceInput, type Finding } from './evidence/schema.js';
export { loadEvidenceFile, type LoadedEvidence } from './evidence/load.js';
export { lawChecks, criteriaInForce } from './evidence/law-checks.js';
export { evidenceJsonSchema } from './evidence/json-schema.js';
export { evidenceSkeleton } from './evidence/skeleton.js';
export { parseYaml, validateDoc, loadYamlFile, type Located } from './load/index.js';

export { migrateFile, migrateText, type Migration } from './evidence/migrate.js';

// the rules
export { loadCorpus, bundledCorpus, inForce, idFromPath, type Corpus, type LoadedRule, type LoadedParameter } from './rules/corpus.js';
export { parameterAt, type ParameterValue } from './rules/parameters.js';
export type { Cite, RuleFile, ParameterFile, Condition } from './rules/schema.js';
export { FACTS, type FactSpec } from './rules/stages.js';

// assess
export { assessFile, historyContext, ledgerFor, type AssessFileOptions, type AssessedFile } from './assess/file.js';
export { assessEvidence, type AssessOptions, type HistoryContext } from './assess/assess.js';
export { decide, type Decision, type TraceEntry, type Outcome } from './assess/decide.js';
export type { OpenQuestion } from './assess/open-questions.js';
export { DecisionError, resolveTier } from './assess/resolve.js';
export { eraOf, ERAS, type Era } from './assess/era.js';
export type { Assessment, ClockEffect, PresumptionStatus, Recommendation, WatchListGround } from './assess/types.js';
export { formatAssessment, formatTrace, assessmentJson } from './report/assessment-text.js';

// calibrate
export { calibrate, formatCalibration, ledgerBefore, type CalibrateOptions, type CalibrationReport, type CalibrationRow } from './calibrate/index.js';

// the ledger and the clock (history, check-history, record)
export * from './ledger/index.js';
export * from './history/index.js';

// render
export {
  renderDocuments,
  renderEach,
  renderDocxEach,
  draftDocx,
  writeDocuments,
  documentFileName,
  DOC_NAMES,
  DOCUMENTS,
  FORMATS,
  DRAFT_FORMATS,
  type DocName,
  type Format,
  type DraftFormat,
  type Placeholder,
  type RenderOptions,
  type RenderedDocument,
  type RenderedDocx,
} from './render/index.js';
export * from './report-year/index.js';

// batch (a whole report year: drafts and the Markdown, JSON, HTML and Word report)
export * from './batch/index.js';

// serve (the desk officer's workbench: a local web page and its JSON API)
export { startWorkbench, type Workbench, type WorkbenchOptions } from './serve/server.js';
