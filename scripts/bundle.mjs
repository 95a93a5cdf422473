// Bundles the CLI (`tip`) into dist/cli/ (docs/performance.md has the measurements):
//
//   engines/NAME.cjs  one minified file per command (src/cli/commands/NAME.ts and everything it
//                     imports, the runtime dependencies included), plus engines/main.cjs for
//                     `tip --help`, `tip help CMD`, `tip -v` and unknown commands;
//   tip.cjs           the launcher (scripts/launcher.cjs): picks the engine and compiles it with
//                     V8's code cache;
//   cache/NAME.HASH.v8  the code caches, made by running each command on the bundled examples.
//
// A cold start then compiles one file holding only what the command needs, mostly from the cache,
// instead of resolving and loading some two hundred modules of src/ and node_modules/. tsc still
// builds dist/src: the library's entry point and types, which the tests and the bench use.
//
// `node scripts/bundle.mjs [OUTDIR [METAFILE]]`; OUTDIR defaults to dist/cli and must lie inside
// the package (an engine finds rules/, templates/ and data/ by walking up from itself, as dist/src
// does). METAFILE, when given, receives esbuild's metafile: which inputs went into which output
// (test/cli/bundle.test.ts reads it to check what each command loads).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(process.argv[2] ?? join(root, 'dist', 'cli'));
const metafile = process.argv[3];

const commands = readdirSync(join(root, 'src', 'cli', 'commands'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

/** The source of each engine's entry: a command run through runLoaded, or the whole main(). */
function entrySource(name) {
  if (name === 'main') {
    return "import { main } from './src/cli/main.ts'; import { processIo } from './src/cli/io.ts'; export const run = (argv) => main(argv, processIo());";
  }
  return [
    "import { runLoaded } from './src/cli/run-command.ts';",
    "import { processIo } from './src/cli/io.ts';",
    `import * as command from './src/cli/commands/${name}.ts';`,
    // argv[0] is the command's own name (the launcher chose this engine by it).
    `export const run = (argv) => runLoaded(${JSON.stringify(name)}, command, argv.slice(1), processIo());`,
  ].join('\n');
}

const entries = {
  name: 'tip-engines',
  setup(b) {
    b.onResolve({ filter: /^tip-engine:/ }, (args) => ({ path: args.path.slice('tip-engine:'.length), namespace: 'tip-engine' }));
    b.onLoad({ filter: /.*/, namespace: 'tip-engine' }, (args) => ({ contents: entrySource(args.path), resolveDir: root, loader: 'ts' }));
  },
};

// OUTDIR is emptied first: refuse anything that is not a folder of its own inside the package.
const rel = relative(root, outdir);
if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || ['dist', 'src', 'rules', 'templates', 'data', 'examples', 'test', 'node_modules'].includes(rel)) {
  throw new Error(`scripts/bundle.mjs: OUTDIR must be a folder of its own inside the package, such as dist/cli, found ${outdir}`);
}
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(['main', ...commands].map((n) => [n, `tip-engine:${n}`])),
  outdir: join(outdir, 'engines'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Function and class names survive minification, so an internal error names what failed.
  keepNames: true,
  legalComments: 'external',
  plugins: [entries],
  // paths.ts finds the package root from import.meta.url; an engine is CommonJS, so it gets the
  // same URL from its own file name.
  define: { 'import.meta.url': '__tipModuleUrl' },
  banner: { js: 'var __tipModuleUrl=require("node:url").pathToFileURL(__filename).href;' },
  metafile: true,
  logLevel: 'warning',
});
if (metafile !== undefined) writeFileSync(metafile, JSON.stringify(result.metafile));

const hashes = {};
for (const n of ['main', ...commands]) hashes[n] = createHash('sha256').update(readFileSync(join(outdir, 'engines', `${n}.cjs`))).digest('hex');
const launcher = readFileSync(join(root, 'scripts', 'launcher.cjs'), 'utf8').replace('/*ENGINES*/ {}', JSON.stringify(hashes));
const writeLauncher = (caches) => {
  writeFileSync(join(outdir, 'tip.cjs'), launcher.replace('/*CACHES*/ {}', JSON.stringify(caches)));
  chmodSync(join(outdir, 'tip.cjs'), 0o755);
};
writeLauncher({}); // no cache is trusted while the caches are being made

// The code caches: each command run once on the bundled examples, in a scratch folder for what it
// writes. A command missing here (serve, init, record, ...) is compiled without a cache.
const ex = (p) => join(root, 'examples', p);
const china = [ex('CHN-2009.yaml'), '--history', ex('tiers.csv')];
const scratch = mkdtempSync(join(tmpdir(), 'tip-code-cache-'));
const runs = {
  main: ['--help'],
  assess: ['assess', ...china],
  validate: ['validate', ex('CHN-2009.yaml'), ex('more/CUB-2020.yaml')],
  render: ['render', ...china, '--doc', 'all'],
  'what-if': ['what-if', ...china],
  history: ['history', 'CHN', '--history', ex('tiers.csv'), '--year', '2009'],
  'check-history': ['check-history', ex('tiers.csv')],
  rules: ['rules', '--year', '2009'],
  settings: ['settings', '2009'],
  schema: ['schema'],
  batch: ['batch', ex('more'), '--year', '2019', '--out', join(scratch, 'batch')],
  demo: ['demo', '--out', join(scratch, 'demo')],
};
mkdirSync(join(outdir, 'cache'));
// V8 refuses a cache made under other V8 flags: no NODE_OPTIONS of the build's may reach them
// (a user's NODE_OPTIONS with a V8 flag makes V8 refuse the cache, and tip compiles as usual).
const { NODE_OPTIONS: _nodeOptions, ...buildEnv } = process.env;
const cacheEnv = { ...buildEnv, TIP_WRITE_CODE_CACHE: '1' };
try {
  for (const [n, args] of Object.entries(runs)) {
    const r = spawnSync(process.execPath, [join(outdir, 'tip.cjs'), ...args], { cwd: scratch, encoding: 'utf8', env: cacheEnv });
    // A run may exit 1 for what it finds (check-history on a ledger with warnings): what matters is the cache.
    if (r.status !== 0 && r.status !== 1) throw new Error(`making the code cache of ${n}: tip ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const caches = {};
for (const n of Object.keys(runs)) caches[n] = createHash('sha256').update(readFileSync(join(outdir, 'cache', `${n}.${hashes[n].slice(0, 16)}.v8`))).digest('hex');
writeLauncher(caches);
