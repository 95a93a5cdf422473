#!/usr/bin/env node
// The `tip` command as installed (dist/cli/tip.cjs, written by scripts/bundle.mjs from this file).
//
// Each command is one bundled file (engines/NAME.cjs: the command and everything it uses, nothing
// else), so `tip assess` never compiles Handlebars or docx. Node 20 has no compile cache of its
// own for user code, so this launcher compiles the engine with vm.Script and V8's code cache
// (cache/NAME.HASH.v8, made at build time by running the command on the bundled examples): the
// start then skips parsing and compiling every function the command used then. V8 checks the
// cache against its own version and flags and ignores it when they differ; it does not check the
// bytes (a damaged cache misbehaves: test/cli/bundle.test.ts), so this launcher does: a cache is
// used only when its SHA-256 is the one recorded at build time, and its file name carries the
// SHA-256 of the engine it was made from, so a cache never runs against other code. Without a
// usable cache the engine is simply compiled, with the same behaviour. TIP_CODE_CACHE=0
// in the environment compiles without it (the bench measures both; a test compares their output).
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

/** A fault of the installation itself (an engine missing or broken): one line, exit 3, never a stack trace. */
function broken(err) {
  process.stderr.write(`tip: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 3;
}

/** Engine name -> the first 16 hex digits of its SHA-256 (filled in by scripts/bundle.mjs). */
const ENGINES = /*ENGINES*/ {};
/** Engine name -> the SHA-256 of its code cache (filled in by scripts/bundle.mjs once made). */
const CACHES = /*CACHES*/ {};

const first = process.argv[2];
// `tip help CMD`, `tip --help`, `tip -v` and unknown commands go to the main engine.
const name = first !== undefined && first !== 'main' && Object.hasOwn(ENGINES, first) ? first : 'main';
const file = join(__dirname, 'engines', `${name}.cjs`);
const cacheFile = join(__dirname, 'cache', `${name}.${ENGINES[name]}.v8`);
let cachedData;
if (process.env.TIP_CODE_CACHE !== '0' && Object.hasOwn(CACHES, name)) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // no cache: compile as usual
  }
  if (cachedData !== undefined && createHash('sha256').update(cachedData).digest('hex') !== CACHES[name]) cachedData = undefined;
}
let engine;
let script;
try {
  // The wrapper Node's own CommonJS loader puts around a module.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n})`;
  script = new vm.Script(source, { filename: file, cachedData });
  engine = { exports: {} };
  script.runInThisContext().call(engine.exports, engine.exports, Module.createRequire(file), engine, file, join(__dirname, 'engines'));
} catch (err) {
  engine = undefined;
  broken(err);
}
if (engine !== undefined) {
  // The build (scripts/bundle.mjs) sets this to make the cache, once the command has run.
  if (process.env.TIP_WRITE_CODE_CACHE === '1') process.once('beforeExit', () => writeFileSync(cacheFile, script.createCachedData()));
  // run() never throws (src/cli/run-command.ts); a rejection is a last resort.
  engine.exports.run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, broken);
}
