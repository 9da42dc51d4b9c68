// `npm run bench`: whole-process wall time, CPU time (user + system, from the OS's accounting
// under GNU time) and peak memory of the CLI, as medians over several runs, each with its ratio
// to `node -e 0` measured in the same run.
// Options (environment): BENCH_RUNS (default 10), BENCH_UNITS (units of the batch build, default 200).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateUnits } from './synthetic-units.mjs';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(PROJECT, 'bin', 'report.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const UNITS = Number(process.env.BENCH_UNITS ?? 200);
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs a command to completion: wall milliseconds and, under GNU time, CPU milliseconds (user +
 * system, the process and the worker threads it ran) and peak resident MB.
 */
function measureOnce(command, args, cwd) {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M %U %S', command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const [kb, user, system] = GNU_TIME ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, cpuMs: (user + system) * 1000, mb: kb / 1024 };
}

/**
 * Measures the commands in rounds, each round running every command once, so that a change in
 * the machine's load during the bench touches the floor and the commands alike, not their ratios.
 */
function measureInRounds(commands, runs = RUNS) {
  for (const c of commands) measureOnce(c.command, c.args, c.cwd); // warm the file cache
  const samples = commands.map(() => []);
  for (let round = 0; round < runs; round++) commands.forEach((c, i) => samples[i].push(measureOnce(c.command, c.args, c.cwd)));
  const of = (i, key) => median(samples[i].map((s) => s[key]));
  return commands.map((c, i) => ({ label: c.label, ms: of(i, 'ms'), cpuMs: of(i, 'cpuMs'), mb: of(i, 'mb') }));
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'report-bench-'));
const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? '?';
console.log(`Machine: ${os.availableParallelism()} cores, ${cpu}; Node ${process.version}; ${RUNS} runs each, medians.`);

const commands = [
  { label: 'node -e 0', command: process.execPath, args: ['-e', '0'], cwd: PROJECT },
  { label: 'report check 2023', command: process.execPath, args: [BIN, 'check', '2023'], cwd: PROJECT },
  { label: 'report build 2023', command: process.execPath, args: [BIN, 'build', '2023', '--out', path.join(scratch, 'bao-cao.docx')], cwd: PROJECT },
];
if (has('pandoc')) {
  execFileSync(process.execPath, [BIN, 'build', '2023', '--format', 'md', '--out', path.join(scratch, 'bao-cao.md')], { cwd: PROJECT, stdio: 'ignore' });
  commands.push({ label: 'pandoc bao-cao.md -o .docx', command: 'pandoc', args: [path.join(scratch, 'bao-cao.md'), '-o', path.join(scratch, 'pandoc.docx')], cwd: scratch });
} else {
  console.log('(pandoc not installed: its comparison is skipped)');
}
const rows = measureInRounds(commands);
generateUnits(PROJECT, path.join(scratch, 'units'), UNITS);
const [batch] = measureInRounds([{ label: `report build 2023 --units (${UNITS})`, command: process.execPath, args: [BIN, 'build', '2023', '--units', 'units'], cwd: scratch }]);
rows.push(batch);

const floor = rows[0].ms;
// Issue 18's targets: whole-process ratios to `node -e 0`, and the CPU a report costs in a batch.
const TARGETS = { 'report check 2023': 2.2, 'report build 2023': 3.0 };
const CPU_PER_REPORT_MS = 40;
const BATCH_PEAK_MB = 300;
const verdict = (met) => (met ? 'met' : 'MISSED');
console.log(`\n${'command'.padEnd(38)}${'median'.padStart(10)}${'ratio'.padStart(9)}${'CPU'.padStart(10)}${'peak'.padStart(9)}  target`);
for (const row of rows) {
  const ratio = row.ms / floor;
  const target = TARGETS[row.label];
  console.log(
    `${row.label.padEnd(38)}${`${row.ms.toFixed(0)} ms`.padStart(10)}${`${ratio.toFixed(2)}×`.padStart(9)}${`${row.cpuMs.toFixed(0)} ms`.padStart(10)}` +
      `${`${row.mb.toFixed(0)} MB`.padStart(9)}  ${target ? `≤ ${target}×: ${verdict(ratio <= target)}` : ''}`,
  );
}
const cpuPerReport = batch.cpuMs / UNITS;
const perSecond = UNITS / (batch.ms / 1000);
console.log(`\nBatch of ${UNITS}: ${cpuPerReport.toFixed(1)} ms of CPU per report (target ≤ ${CPU_PER_REPORT_MS}: ${verdict(cpuPerReport <= CPU_PER_REPORT_MS)}), ${perSecond.toFixed(0)} reports/s on this machine;`);
console.log(`peak ${batch.mb.toFixed(0)} MB (target ≤ ${BATCH_PEAK_MB} MB for 1.000 units: ${verdict(batch.mb <= BATCH_PEAK_MB)}${UNITS < 1000 ? `, measured at ${UNITS}; BENCH_UNITS=1000 for the target's count` : ''}).`);
console.log(`At this rate the country's 3.321 communes take ${(3321 / perSecond).toFixed(0)} s.`);
if (!GNU_TIME) console.log('(/usr/bin/time not installed: CPU and peak memory are not measured)');
fs.rmSync(scratch, { recursive: true, force: true });
