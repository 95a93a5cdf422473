import { join } from 'node:path';
import { fileSha256 as fingerprint, readBuildCache, writeBuildCache } from '../load/build-cache.js';
import type { Located } from '../load/index.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { ReportYearsFile } from './schema.js';

/**
 * A build-time cache of the bundled report-year settings, as for the rule corpus: parsing the
 * located YAML of data/report-years.yaml costs a cold `tip assess` about as much as the rest of it
 * (it reads the release date for the Tier 3 window), so the build writes the checked value as JSON
 * with the file's SHA-256, and a run uses it only while the file is byte-identical. Line and column
 * (for a diagnostic that points into the defaults) are found by parsing the YAML on first need.
 */
export const REPORT_YEARS_CACHE_PATH = join(PACKAGE_ROOT, 'dist', 'report-years.json');
const FORMAT = 1;

/** The cached settings, or undefined when there is none or the YAML changed since the build. */
export function readReportYearsCache(yamlPath: string, cachePath: string = REPORT_YEARS_CACHE_PATH): ReportYearsFile | undefined {
  return readBuildCache<{ fingerprint: string; value: ReportYearsFile }>(cachePath, FORMAT, (c) => c.value !== undefined && c.fingerprint === fingerprint(yamlPath))?.value;
}

export function writeReportYearsCache(yamlPath: string, value: ReportYearsFile, cachePath: string = REPORT_YEARS_CACHE_PATH): void {
  writeBuildCache(cachePath, FORMAT, { fingerprint: fingerprint(yamlPath), value });
}

/** A Located whose positions come from parsing the YAML on the first call. */
export function lazyLocated(value: unknown, file: string, parse: () => Located<unknown>): Located<unknown> {
  let located: Located<unknown> | undefined;
  return { value, file, locate: (path) => (located ??= parse()).locate(path) };
}
