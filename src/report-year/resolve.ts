import { join, relative } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadYamlFile, validateDoc, type Located, type PathSegment } from '../load/index.js';
import { FIRST_REPORT_YEAR, REGIONAL_BUREAUS } from '../model/tier.js';
import { DATA_DIR, PACKAGE_ROOT } from '../paths.js';
import {
  ReportYearsFileSchema,
  ResolvedEntrySchema,
  type ReportYearEntry,
  type ReportYearSettings,
  type ReportYearsFile,
} from './schema.js';

/** The bundled defaults: the years known from the seeds and tvpa-rules.md §6. */
export const DEFAULT_REPORT_YEARS_PATH = join(DATA_DIR, 'report-years.yaml');

/** A loaded settings file: its values and where each one is in the source. */
export interface LoadedReportYears {
  file: string;
  value: ReportYearsFile;
  located: Located<unknown>;
}

/** Reads and validates a settings file (the defaults or a `--settings FILE`). Throws InputError with file:line:col. */
export function loadReportYears(path: string): LoadedReportYears {
  const { value, located } = loadYamlFile(path, ReportYearsFileSchema);
  return { file: path, value, located };
}

let defaultsCache: LoadedReportYears | undefined;

/** The bundled defaults, read once per process (they ship with the package and do not change). */
export function defaultReportYears(): LoadedReportYears {
  defaultsCache ??= loadReportYears(DEFAULT_REPORT_YEARS_PATH);
  return defaultsCache;
}

/** The edition of a year's Report: 2001's was the first, so 2009's is the ninth. */
export function reportEdition(year: number): number {
  return year - FIRST_REPORT_YEAR + 1;
}

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep merge of plain objects; an override's arrays and scalars replace (a delivery list is replaced whole). */
function mergeEntry(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlain(base) || !isPlain(over)) return over;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeEntry(out[k], v);
  return out;
}

function hasPath(root: unknown, path: readonly PathSegment[]): boolean {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return false;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return true;
}

/** A path shown to the user: the defaults by their place in the package, anything else as given. */
function shownFile(file: string): string {
  return file === DEFAULT_REPORT_YEARS_PATH ? relative(PACKAGE_ROOT, file).split('\\').join('/') : file;
}

function settingsHint(year: number): string {
  return `the settings for the ${year} Report come from data/report-years.yaml; pass --settings FILE with "years: {${year}: {...}}" in the same format to supply or override them`;
}

/**
 * Consistency checks the schema cannot express: the release falls in the report year, and every
 * regional bureau has exactly one delivery window (so each post knows when it may deliver).
 */
function crossChecks(year: number, entry: ReturnType<typeof ResolvedEntrySchema.parse>): { path: PathSegment[]; expected: string; found: string }[] {
  const problems: { path: PathSegment[]; expected: string; found: string }[] = [];
  if (!entry.release.date.startsWith(`${year}-`)) {
    problems.push({ path: ['release', 'date'], expected: `a release date in ${year}`, found: entry.release.date });
  }
  const seen = new Map<string, number>();
  entry.delivery.forEach((w, i) => {
    for (const b of w.bureaus) {
      if (seen.has(b)) problems.push({ path: ['delivery', i, 'bureaus'], expected: 'each regional bureau in one delivery window only', found: `${b} also in window ${seen.get(b)! + 1}` });
      else seen.set(b, i);
    }
  });
  const missing = REGIONAL_BUREAUS.filter((b) => !seen.has(b));
  if (missing.length > 0) problems.push({ path: ['delivery'], expected: `a delivery window for every regional bureau (${REGIONAL_BUREAUS.join(', ')})`, found: `none for ${missing.join(', ')}` });
  return problems;
}

export interface ResolveOptions {
  /** A `--settings FILE`, merged over the defaults (same format). */
  override?: LoadedReportYears;
  /** Replaces the bundled defaults (tests). */
  defaults?: LoadedReportYears;
}

/**
 * The settings of one report year: the defaults, with the override merged over them field by field,
 * checked complete. A year with no settings, or missing a field the drafts need, is an InputError
 * naming the year, the field and the `--settings` option.
 */
export function resolveReportYear(year: number, options: ResolveOptions = {}): ReportYearSettings {
  const defaults = options.defaults ?? defaultReportYears();
  const override = options.override;
  const key = String(year);
  const base: ReportYearEntry | undefined = defaults.value.years[key];
  const over: ReportYearEntry | undefined = override?.value.years[key];
  // Where a problem should point: the file that holds the value, else the one where it should be added.
  const target = override ?? defaults;

  if (base === undefined && over === undefined) {
    const at = target.located.locate(['years']);
    throw new InputError([
      {
        file: shownFile(target.file),
        ...at,
        path: ['years', key],
        code: 'missing-report-year',
        expected: `settings for the ${year} Report (release date and time, the Secretary, delivery windows)`,
        found: 'no entry for that year',
        hint: settingsHint(year),
      },
    ]);
  }

  const merged = mergeEntry(base ?? {}, over ?? {});
  const prefix: PathSegment[] = ['years', key];
  const sourceOf = (path: PathSegment[]): LoadedReportYears => {
    const full = [...prefix, ...path];
    if (override && hasPath(override.value, full)) return override;
    if (hasPath(defaults.value, full)) return defaults;
    return target;
  };
  // The merged entry is validated as if it were a document, so each problem keeps the line and
  // column of the file that supplied (or should supply) the value.
  const doc: Located<unknown> = {
    value: merged,
    file: shownFile(target.file),
    locate: (path) => sourceOf(path).located.locate([...prefix, ...path]),
  };
  const checked = validateDoc(doc, ResolvedEntrySchema);
  const diagnostics: Diagnostic[] = [];
  if (!checked.ok) {
    for (const d of checked.diagnostics) {
      const src = sourceOf(d.path);
      diagnostics.push({ ...d, file: shownFile(src.file), path: [...prefix, ...d.path], hint: d.hint ?? settingsHint(year) });
    }
    throw new InputError(diagnostics);
  }
  for (const p of crossChecks(year, checked.value)) {
    const src = sourceOf(p.path);
    diagnostics.push({ file: shownFile(src.file), ...src.located.locate([...prefix, ...p.path]), path: [...prefix, ...p.path], code: 'inconsistent', expected: p.expected, found: p.found });
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return { ...checked.value, year, edition: reportEdition(year) };
}
