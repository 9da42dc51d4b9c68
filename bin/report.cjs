#!/usr/bin/env node
'use strict';
// The only module that touches the process: argv, the streams, signals, the exit code.
// CommonJS, so that Node starts it without its ES module loader.
const { isMainThread, parentPort } = require('node:worker_threads');
const { loadProgram } = require('./program.cjs');

let program;
try {
  program = loadProgram().program;
} catch (error) {
  process.stderr.write(`Lỗi: chương trình chưa được biên dịch (${error.code ?? error.message}). Chạy "npm install" trong thư mục của report.\n`);
  process.exit(2);
}

if (!isMainThread) {
  // A worker thread of a batch run (src/batch/worker-pool.ts starts this same script).
  program.serveBatchUnits(parentPort);
} else {
  const io = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stderr.isTTY === true,
  };
  // Handled rather than left to kill the process: a handler runs between two steps of the run,
  // never inside the write of the report, so no half-written file or stray temporary file is left.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(program.interrupted(signal, io)));
  // Ends the process once the output is written, rather than when the event loop empties: by
  // then V8 has begun to collect the heap the run no longer needs (measured ~13 ms of a build).
  program.run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
    let unflushed = 2;
    const flushed = () => --unflushed === 0 && process.exit(code);
    process.stdout.write('', flushed);
    process.stderr.write('', flushed);
  });
}
