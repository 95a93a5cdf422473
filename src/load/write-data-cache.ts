/** Run by `npm run build`: writes dist/data-cache.json (see data-cache.ts). Prints only to standard error. */
import { relative } from 'node:path';
import { formatDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { CABLE_COUNTRIES_PATH, CABLE_FORMAT_PATH, CountriesFileSchema, FormatFileSchema } from '../render/view-cable.js';
import { LAYOUTS_PATH, LayoutsFileSchema } from '../render/layout.js';
import { CLASSES_FILE, ClassesFileSchema } from '../whatif/classes.js';
import { DATA_CACHE_PATH, writeDataCache } from './data-cache.js';

try {
  const written = writeDataCache([
    { path: CABLE_FORMAT_PATH, schema: FormatFileSchema },
    { path: CABLE_COUNTRIES_PATH, schema: CountriesFileSchema },
    { path: LAYOUTS_PATH, schema: LayoutsFileSchema },
    { path: CLASSES_FILE, schema: ClassesFileSchema },
  ]);
  process.stderr.write(`data files: ${written.join(', ')} -> ${relative(process.cwd(), DATA_CACHE_PATH)}\n`);
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  for (const d of err.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  process.exitCode = 1;
}
