/** `tip batch`: every country of a report year, the report in three formats, the drafts. */
export { runBatch, type RunBatchOptions } from './run.js';
export { createDraftRenderer, type DraftRenderer, type DraftOptions } from './drafts.js';
export { BackgroundWriter } from './background-writer.js';
export { buildReport, type ReportInputs, type Readings, type BatchReport, type CountryRow, type SpecialWatchListRow, type Tier3Row, type WaiverDecisionRow, type FailureRow, type DraftPlaceholderRow } from './report-model.js';
export { buildTimeline, type Timeline, type TimelineYear } from './timeline.js';
export { renderMarkdown } from './markdown.js';
export { renderHtml } from './html.js';
export { renderJson, renderFormats, parseFormats } from './formats.js';
export { timelineView, describeTimeline, type TimelineView } from './timeline-view.js';
export { listEvidenceFiles, peekReportYear } from './files.js';
export { interimAssessment, reportCites, type InterimAssessment } from './statute.js';
export { REPORT_FORMATS, type ReportFormat, type BatchOptions, type BatchEntry, type BatchFailure, type BatchSkipped, type BatchResult } from './types.js';
