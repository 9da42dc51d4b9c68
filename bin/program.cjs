'use strict';
// Loads the bundled program, dist/report.cjs, with the V8 code cache that `npm run build`
// made for it (src/tools/code-cache.ts): V8 then takes the bytecode of the functions a build and a
// check run from the cache instead of parsing and compiling them, which is most of a cold
// start's cost. V8 refuses a cache made for another source, Node version or V8 flags; the
// program then compiles as usual, only slower.
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const { isMainThread } = require('node:worker_threads');
const vm = require('node:vm');
const { createRequire } = require('node:module');

// V8 compiles a function to optimized code once it has run for a while (its interrupt budget,
// 132 KB of bytecode by default). A report's run ends in about a fifth of a second, before such
// code pays back its compiling, done on the machine's other core: with a budget about seven times
// the default, a build of the shipped report measured 0,25 → 0,22 s and 0,32 → 0,22 s of CPU, a
// batch of 200 units 11,3 → 9,9 s of CPU (the long runs still optimize what stays hot). Set before
// the bundle is compiled, here and where its code cache is made: V8 takes a cache only under the
// flags it was made with. V8's flags are the process's: a batch's worker threads, which load this
// module too, find it set and leave it.
if (isMainThread) v8.setFlagsFromString('--interrupt-budget=1000000');

const BUNDLE = path.join(__dirname, '..', 'dist', 'report.cjs');

/** The code cache's file, next to the bundle. */
function cacheFileOf(bundle) {
  return `${bundle}.cache`;
}

/**
 * Runs the bundle as Node runs a CommonJS module; returns its exports (`program`), the
 * compiled script (to make a cache from) and whether V8 took the cache.
 */
function loadProgram(bundle = BUNDLE, { useCache = true } = {}) {
  const source = fs.readFileSync(bundle, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = fs.readFileSync(cacheFileOf(bundle));
    } catch {
      // No cache (not built yet, or removed): compile as usual.
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { program: module.exports, script, cacheAccepted: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { loadProgram, cacheFileOf };
