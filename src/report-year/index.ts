/** Report-year settings (release, Secretary, Ambassador, briefing, delivery windows) and year-dependent wording. */
export {
  ReportYearEntrySchema,
  ReportYearsFileSchema,
  ResolvedEntrySchema,
  ZONES,
  type DeliveryWindow,
  type ReportYearEntry,
  type ReportYearSettings,
  type ReportYearsFile,
  type ResolvedEntry,
} from './schema.js';
export {
  DEFAULT_REPORT_YEARS_PATH,
  defaultReportYears,
  loadReportYears,
  reportEdition,
  resolveReportYear,
  type LoadedReportYears,
  type ResolveOptions,
} from './resolve.js';
export { FULLY_MEET_WORDING_FROM, WORDING_SOURCE, standardsWording, type StandardsWording } from './wording.js';
