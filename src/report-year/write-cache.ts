/** Run by `npm run build`: writes dist/report-years.json (see cache.ts). Prints only problems, on standard error. */
import { formatDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { writeReportYearsCache } from './cache.js';
import { DEFAULT_REPORT_YEARS_PATH, loadReportYears, resolveReportYear } from './resolve.js';

try {
  const loaded = loadReportYears(DEFAULT_REPORT_YEARS_PATH);
  // Every bundled year must resolve (its cross-checks pass) before it is cached.
  for (const year of Object.keys(loaded.value.years)) resolveReportYear(Number(year), { defaults: loaded });
  writeReportYearsCache(DEFAULT_REPORT_YEARS_PATH, loaded.value);
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  for (const d of err.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  process.exitCode = 1;
}
