#!/usr/bin/env node
// The only module that touches the process: argv, the streams, signals, the exit code.
let cli;
try {
  cli = await import('../dist/report.js');
} catch (error) {
  process.stderr.write(`Lỗi: chương trình chưa được biên dịch (${error.code ?? error.message}). Chạy "npm install" trong thư mục của report.\n`);
  process.exit(2);
}
const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
};
// Handled rather than left to kill the process: a handler runs between two steps of the run,
// never inside the write of the report, so no half-written file or stray temporary file is left.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(cli.interrupted(signal, io)));
process.exitCode = await cli.run(process.argv.slice(2), io);
