// Bundles the CLI (`tip`) into dist/cli/: one minified ESM entry, tip.js, and lazily loaded chunks,
// one per command plus the code they share, with the runtime dependencies inside. A cold start then
// compiles a few files instead of resolving and loading some two hundred modules of src/ and
// node_modules/ (docs/performance.md has the measurements). tsc still builds dist/src: the
// library's entry point and types, which the tests and the bench use.
//
// `node scripts/bundle.mjs [OUTDIR [METAFILE]]`; OUTDIR defaults to dist/cli and must lie inside the
// package (the bundle finds rules/, templates/ and data/ by walking up from itself, as dist/src
// does). METAFILE, when given, receives esbuild's metafile: which inputs went into which output
// (test/cli/bundle.test.ts reads it to check what each command loads).
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(process.argv[2] ?? join(root, 'dist', 'cli'));
const metafile = process.argv[3];

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { tip: 'src/cli/bin.ts' },
  outdir,
  bundle: true,
  // Each command is a dynamic import in src/cli/main.ts, so each becomes its own chunk, and code
  // two commands share goes into shared chunks: `tip assess` never loads Handlebars or docx.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (json-rules-engine, handlebars, csv-parse's CJS parts) call require()
  // for Node's own modules; an ESM file has no require, so each output file gets one.
  banner: { js: "import { createRequire as __tipCreateRequire } from 'node:module'; const require = __tipCreateRequire(import.meta.url);" },
  metafile: metafile !== undefined,
  logLevel: 'warning',
});
if (metafile !== undefined) writeFileSync(metafile, JSON.stringify(result.metafile));
