import { join, relative } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadYamlFile, type Located, type PathSegment } from '../load/index.js';
import { FIRST_REPORT_YEAR, REGIONAL_BUREAUS } from '../model/tier.js';
import { DATA_DIR, PACKAGE_ROOT } from '../paths.js';
import { ReportYearsFileSchema, SETTINGS_FIELDS, type Moment, type ReportYearEntry, type ReportYearSettings, type ReportYearsFile } from './schema.js';
import { lazyLocated, readReportYearsCache } from './cache.js';
import { washingtonZone } from './zone.js';

/** The bundled settings of every report year, each value with its source. */
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

/** The bundled defaults, read once per process (they ship with the package and do not change); from the build's cache while it matches the file. */
export function defaultReportYears(): LoadedReportYears {
  if (!defaultsCache) {
    const cached = readReportYearsCache(DEFAULT_REPORT_YEARS_PATH);
    defaultsCache = cached
      ? { file: DEFAULT_REPORT_YEARS_PATH, value: cached, located: lazyLocated(cached, DEFAULT_REPORT_YEARS_PATH, () => loadReportYears(DEFAULT_REPORT_YEARS_PATH).located) }
      : loadReportYears(DEFAULT_REPORT_YEARS_PATH);
  }
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

/** Deep merge of plain objects; an override's arrays, scalars and nulls replace (a delivery list is replaced whole). */
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

export interface ResolveOptions {
  /** A `--settings FILE`, merged over the defaults (same format). */
  override?: LoadedReportYears;
  /** Replaces the bundled defaults (tests). */
  defaults?: LoadedReportYears;
}

interface Problem {
  path: PathSegment[];
  expected: string;
  found: string;
}

/** An object given in part (a Secretary's name without the signature) is a mistake, not an unknown. */
const COMPLETE: Record<string, readonly string[]> = {
  secretary: ['name', 'signature'],
  office: ['symbol', 'name'],
  head: ['name', 'surname', 'title'],
};

/**
 * Checks the schema cannot express: the release falls in the report year, objects are complete,
 * and every regional bureau has exactly one delivery window (so each post knows when it may deliver).
 */
function crossChecks(year: number, entry: ReportYearEntry): Problem[] {
  const problems: Problem[] = [];
  if (entry.release?.date !== undefined && !entry.release.date.startsWith(`${year}-`)) {
    problems.push({ path: ['release', 'date'], expected: `a release date in ${year}`, found: entry.release.date });
  }
  for (const [field, keys] of Object.entries(COMPLETE)) {
    const value = (entry as Record<string, unknown>)[field];
    if (!isPlain(value)) continue;
    const missing = keys.filter((k) => value[k] === undefined);
    if (missing.length > 0) problems.push({ path: [field], expected: `${field} with ${keys.join(', ')} (or no ${field} at all while it is unknown)`, found: `no ${missing.join(', ')}` });
  }
  const seen = new Map<string, number>();
  (entry.delivery ?? []).forEach((w, i) => {
    for (const b of w.bureaus) {
      if (seen.has(b)) problems.push({ path: ['delivery', i, 'bureaus'], expected: 'each regional bureau in one delivery window only', found: `${b} also in window ${seen.get(b)! + 1}` });
      else seen.set(b, i);
    }
  });
  const missing = REGIONAL_BUREAUS.filter((b) => !seen.has(b));
  if (entry.delivery !== undefined && missing.length > 0) {
    problems.push({ path: ['delivery'], expected: `a delivery window for every regional bureau (${REGIONAL_BUREAUS.join(', ')})`, found: `none for ${missing.join(', ')}` });
  }
  return problems;
}

/** The release (or briefing) with its zone: given, or the one Washington keeps on that date. */
function withZone(m: Moment | undefined): Moment {
  const out: Moment = { ...(m ?? {}) };
  if (out.zone === undefined && out.date !== undefined && out.time !== undefined) out.zone = washingtonZone(out.date);
  return out;
}

/** The press statement time with its zone; left out (the drafts then say "after the Secretary's release", or "after the Report's posting") while its zone cannot be known. */
function pressStatement(e: ReportYearEntry): Pick<ReportYearSettings, 'press_statement'> {
  const time = e.press_statement?.time;
  const zone = e.press_statement?.zone ?? (e.release?.date !== undefined ? washingtonZone(e.release.date) : undefined);
  return time !== undefined && zone !== undefined ? { press_statement: { time, zone } } : {};
}

/** The fields the drafts need and nobody supplied, as dotted paths. */
function unknownFields(e: ReportYearEntry): string[] {
  const out: string[] = [];
  if (e.release?.date === undefined) out.push('release.date');
  if (e.release?.time === undefined) out.push('release.time');
  for (const f of ['secretary', 'office', 'head', 'delivery'] as const) if (e[f] === undefined) out.push(f);
  return out;
}

/**
 * The settings of one report year: the defaults, with the override merged over them field by field.
 * Never fails for what is unknown (the drafts show placeholders for `unknown`); an inconsistent
 * value (a release outside the year, a bureau in two windows, half a Secretary) is an InputError
 * at the line and column of the file that supplied it.
 */
export function resolveReportYear(year: number, options: ResolveOptions = {}): ReportYearSettings {
  const defaults = options.defaults ?? defaultReportYears();
  const override = options.override;
  const key = String(year);
  const entry = mergeEntry(defaults.value.years[key] ?? {}, override?.value.years[key] ?? {}) as ReportYearEntry;
  const prefix: PathSegment[] = ['years', key];
  const sourceOf = (path: PathSegment[]): LoadedReportYears => (override && hasPath(override.value, [...prefix, ...path]) ? override : defaults);

  const diagnostics: Diagnostic[] = crossChecks(year, entry).map((p) => {
    const src = sourceOf(p.path);
    return { file: shownFile(src.file), ...src.located.locate([...prefix, ...p.path]), path: [...prefix, ...p.path], code: 'inconsistent', expected: p.expected, found: p.found };
  });
  if (diagnostics.length > 0) throw new InputError(diagnostics);

  return {
    year,
    edition: reportEdition(year),
    release: withZone(entry.release),
    ...(entry.release_event !== undefined ? { release_event: entry.release_event } : {}),
    ...(entry.secretary !== undefined ? { secretary: entry.secretary as ReportYearSettings['secretary'] } : {}),
    ...(entry.office !== undefined ? { office: entry.office as ReportYearSettings['office'] } : {}),
    ...(entry.head !== undefined ? { head: entry.head as ReportYearSettings['head'] } : {}),
    ...(entry.briefing !== undefined ? { briefing: entry.briefing === null ? null : withZone(entry.briefing) } : {}),
    ...(entry.press_briefing !== undefined ? { press_briefing: entry.press_briefing === null ? null : withZone(entry.press_briefing) } : {}),
    ...pressStatement(entry),
    ...(entry.venue !== undefined ? { venue: entry.venue } : {}),
    ...(entry.website !== undefined ? { website: entry.website } : {}),
    ...(entry.delivery !== undefined ? { delivery: entry.delivery } : {}),
    refs: entry.refs ?? [],
    theme: entry.theme ?? [],
    sources: entry.sources ?? {},
    unknown: unknownFields(entry),
  };
}

/** Every field a year's settings may hold, for `tip settings` and the README. */
export { SETTINGS_FIELDS };
