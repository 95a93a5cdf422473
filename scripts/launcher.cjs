#!/usr/bin/env node
// The `tip` command as installed (dist/cli/tip.cjs, written by scripts/bundle.mjs from this file).
//
// Each command is one bundled file (engines/NAME.cjs: the command and everything it uses, nothing
// else), so `tip assess` never compiles Handlebars or docx. Node 20 has no compile cache of its
// own for user code, so this launcher compiles the engine with vm.Script and V8's code cache
// (cache/NAME.HASH.v8, made at build time by running the command on the bundled examples): the
// start then skips parsing and compiling every function the command used then.
//
// V8 checks a cache against its own version and flags (and ignores it when they differ) and
// against the length of the source, nothing more: a damaged cache, or an engine edited without
// changing its length, runs wrong code or crashes (test/cli/bundle.test.ts). So a cache is used
// only when the engine read now has the SHA-256 the build recorded and the cache has the SHA-256
// the build recorded for it. Without a usable cache the engine is simply compiled, with the same
// behaviour. TIP_CODE_CACHE=0 in the environment compiles without it (the bench measures both; a
// test compares their output).
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

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Engine name -> the SHA-256 of its file (filled in by scripts/bundle.mjs). */
const ENGINES = /*ENGINES*/ {};
/** Engine name -> the SHA-256 of its code cache (filled in by scripts/bundle.mjs once made). */
const CACHES = /*CACHES*/ {};

const first = process.argv[2];
// `tip help CMD`, `tip --help`, `tip -v` and unknown commands go to the main engine.
const name = first !== undefined && first !== 'main' && Object.hasOwn(ENGINES, first) ? first : 'main';
const file = join(__dirname, 'engines', `${name}.cjs`);
const cacheFile = join(__dirname, 'cache', `${name}.${String(ENGINES[name]).slice(0, 16)}.v8`);

/** The cache for `source`, or undefined: none made, switched off, or not the bytes the build recorded. */
function cacheFor(source) {
  if (process.env.TIP_CODE_CACHE === '0' || !Object.hasOwn(CACHES, name) || sha256(source) !== ENGINES[name]) return undefined;
  let data;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compile as usual
  }
  return sha256(data) === CACHES[name] ? data : undefined;
}

let run;
let script;
try {
  const source = readFileSync(file);
  // The wrapper Node's own CommonJS loader puts around a module.
  script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source.toString('utf8')}\n})`, { filename: file, cachedData: cacheFor(source) });
  const engine = { exports: {} };
  script.runInThisContext().call(engine.exports, engine.exports, Module.createRequire(file), engine, file, join(__dirname, 'engines'));
  run = engine.exports.run;
  if (typeof run !== 'function') throw new Error(`${file} is not a tip engine (it exports no run function)`);
} catch (err) {
  run = undefined;
  broken(err);
}
if (run !== undefined) {
  // The build (scripts/bundle.mjs) sets this to make the cache, once the command has run.
  if (process.env.TIP_WRITE_CODE_CACHE === '1') process.once('beforeExit', () => writeFileSync(cacheFile, script.createCachedData()));
  // run() never throws (src/cli/run-command.ts); anything else is a broken engine.
  Promise.resolve()
    .then(() => run(process.argv.slice(2)))
    .then((code) => {
      if (!Number.isInteger(code)) throw new Error(`${file} gave no exit code`);
      process.exitCode = code;
    })
    .catch(broken);
}
