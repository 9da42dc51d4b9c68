#!/usr/bin/env node
// The only module that touches the process: argv, the streams, the exit code.
let run;
try {
  ({ run } = await import('../dist/report.js'));
} catch (error) {
  process.stderr.write(`Lỗi: chương trình chưa được biên dịch (${error.code ?? error.message}). Chạy "npm install" trong thư mục của report.\n`);
  process.exit(2);
}
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
});
