/** Run by `npm run build`: writes dist/corpus.json (see corpus-cache.ts). */
import { relative } from 'node:path';
import { formatDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { CORPUS_CACHE_PATH, writeCorpusCache } from './corpus-cache.js';

try {
  const corpus = writeCorpusCache();
  // stderr: the build prints nothing on standard output, so `npm pack --json` stays valid JSON.
  process.stderr.write(`rule corpus: ${corpus.rules.length} rules, ${corpus.parameters.length} parameters -> ${relative(process.cwd(), CORPUS_CACHE_PATH)}\n`);
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  for (const d of err.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  process.exitCode = 1;
}
