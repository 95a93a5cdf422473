/**
 * tip-tier-engine: the library. Every job of the `tip` command line is a typed function here;
 * the CLI (src/cli/) only parses arguments and prints. This is the documented API (README, "The
 * library"); the modules behind it are internal and may change.
 */

// What the functions throw: bad input (with file:line:col), a file that cannot be written, rules that disagree
export { InputError, UsageError, formatDiagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
export { OutputError } from './fsutil/errors.js';
export { DecisionError } from './assess/resolve.js';
export { TIERS, tierName, type Tier } from './model/tier.js';

// validate / init / schema
export { loadEvidenceFile, type LoadedEvidence } from './evidence/load.js';
export type { Evidence } from './evidence/schema.js';
export { evidenceSkeleton } from './evidence/skeleton.js';
export { evidenceJsonSchema } from './evidence/json-schema.js';
export { migrateFile, migrateText, type Migration } from './evidence/migrate.js';

// assess / rules
export { assessFile, historyContext, type AssessFileOptions, type AssessedFile } from './assess/file.js';
export { assessEvidence, type AssessOptions, type HistoryContext } from './assess/assess.js';
export type { Assessment, OpenTier } from './assess/types.js';
export { bundledCorpus, inForce, type Corpus } from './rules/corpus.js';
export { parameterAt } from './rules/parameters.js';
// the law a computation reads: the corpus and the run's --effective overrides (every history function takes one)
export { lawOf, type Law, type EffectiveOverrides } from './rules/law.js';

// calibrate
export { calibrate, formatCalibration, ledgerBefore, type CalibrateOptions, type CalibrationReport, type CalibrationRow } from './calibrate/index.js';

// the ledger and the clock (history, check-history, record)
export { readLedger, type Ledger, type ReadLedgerOptions } from './ledger/ledger.js';
export { countryHistory, type CountryHistory } from './ledger/history.js';
export { recordPlacement, type NewPlacement, type RecordOptions, type RecordOutcome } from './ledger/record.js';
export { computeClock, clockTimeline, type Clock, type ClockOptions } from './history/clock.js';
export { checkHistory, type CheckResult } from './history/check.js';

// what-if (the smallest evidence changes that move the tier, the clock next year, the action plan's priorities)
export {
  whatIf,
  whatIfFile,
  loadFactClasses,
  bundledFactClasses,
  applyChanges,
  DEFAULT_BOUND,
  MAX_BOUND,
  FACT_CLASSES,
  VARIED_CLASSES,
  type WhatIf,
  type WhatIfInput,
  type WhatIfOptions,
  type TargetResult,
  type ChangeSet,
  type EvidenceChange,
  type NextYear,
  type ProjectedYear,
  type PlannedAction,
  type WhatIfWork,
  type FactClasses,
  type FactClass,
  type FactChange,
} from './whatif/index.js';
export { formatWhatIf } from './whatif/format.js';

// render (the five drafts, in text, Markdown or Word) and the report-year settings (tip settings)
export {
  renderDocuments,
  renderEach,
  renderDocxEach,
  draftDocx,
  writeDocuments,
  recommendationsInPlanOrder,
  usesWhatIf,
  DOC_NAMES,
  DRAFT_FORMATS,
  type DocName,
  type Format,
  type DraftFormat,
  type Outcome,
  type Placeholder,
  type RenderOptions,
  type RenderedDocument,
  type RenderedDocx,
} from './render/index.js';
export { loadReportYears, resolveReportYear, settingsText, type LoadedReportYears, type ReportYearSettings } from './report-year/index.js';

// batch (a whole report year: drafts and the Markdown, JSON, HTML and Word report)
export { runBatch, type RunBatchOptions } from './batch/run.js';
export type { BatchResult } from './batch/types.js';
export { verifyManifest, type ManifestCheck } from './batch/manifest.js';

// serve (the desk officer's workbench: a local web page and its JSON API)
export { startWorkbench, type Workbench, type WorkbenchOptions } from './serve/server.js';

// writing files safely (what record and batch use; the workbench's saves too)
export { writeFileAtomic } from './fsutil/atomic-write.js';
export { withFileLock, withFileLockSync, type LockOptions } from './fsutil/lock.js';
