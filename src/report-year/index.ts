/** Report-year settings (release, Secretary, the trafficking office and its head, briefing, delivery windows) and year-dependent wording. */
export {
  ReportYearEntrySchema,
  ReportYearsFileSchema,
  SETTINGS_FIELDS,
  ZONES,
  type DeliveryWindow,
  type Head,
  type Moment,
  type Office,
  type ReportYearEntry,
  type ReportYearSettings,
  type ReportYearsFile,
  type Secretary,
  type SettingsField,
  type SettingsSource,
  type Zone,
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
export { settingsText, type SettingsTextOptions } from './settings-text.js';
export { washingtonZone } from './zone.js';

