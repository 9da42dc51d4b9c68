import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Io } from '../cli/run.js';
import { RunError } from '../diagnostics.js';
import { displayPath } from '../load/load-year.js';
import { progressReporter } from './progress.js';
import { batchSummary } from './summary.js';
import type { UnitTask } from './unit-task.js';
import { runOnWorkers } from './worker-pool.js';

export interface BatchOptions {
  /** The folder holding one folder per unit. */
  units: string;
  /** How many worker threads; default one per core. */
  jobs?: string;
}

/**
 * `report build|check <year> --units DIR`: every folder of DIR is a unit laid out as a
 * project (data/<year>/, optionally templates/). Runs them all in parallel, reports
 * progress on stderr and a summary on stdout; returns whether every unit succeeded.
 */
export async function runBatch(
  base: Omit<UnitTask, 'unit'>,
  options: BatchOptions,
  io: Io,
): Promise<boolean> {
  const units = listUnits(path.resolve(io.cwd, options.units), displayPath(path.resolve(io.cwd, options.units), io.cwd));
  const jobs = parseJobs(options.jobs);
  const started = performance.now();
  const progress = progressReporter(units.length, io.stderr, io.isTTY === true);
  const outcomes = await runOnWorkers(
    units.map((unit) => ({ ...base, unit })),
    jobs,
    (outcome) => progress.unitDone(outcome),
  );
  progress.finish();
  io.stdout(batchSummary(base.command, outcomes, (performance.now() - started) / 1000));
  return outcomes.every((o) => o.ok);
}

function listUnits(dir: string, shownDir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new RunError(`Không đọc được thư mục đơn vị ${shownDir}. Kiểm tra lại đường dẫn sau --units.`);
  }
  const units = entries
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || (e.isSymbolicLink() && isFolder(path.join(dir, e.name)))))
    .map((e) => path.join(dir, e.name))
    .sort();
  if (units.length === 0) throw new RunError(`Thư mục ${shownDir} không có đơn vị nào: mỗi đơn vị là một thư mục con chứa data/<năm>/.`);
  return units;
}

/** Whether a link leads to a folder: a unit may be linked in from elsewhere (a symlink, a Windows junction). */
function isFolder(link: string): boolean {
  try {
    return fs.statSync(link).isDirectory();
  } catch {
    return false;
  }
}

function parseJobs(text: string | undefined): number {
  if (text === undefined) return os.availableParallelism();
  if (!/^[1-9]\d{0,2}$/.test(text)) throw new RunError(`--jobs "${text}" không hợp lệ: ghi số luồng xử lý, ví dụ --jobs 4.`);
  return Number(text);
}
