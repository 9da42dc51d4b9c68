import path from 'node:path';
import { runOnWorkers } from '../batch/worker-pool.js';
import { displayPath, listUnitFolders } from '../workspace.js';
import type { UnitOutcome, UnitTask } from './batch-unit.js';

export interface BatchOptions {
  /** The task every unit runs, but for its folder. */
  task: Omit<UnitTask, 'unit'>;
  /** The folder holding one folder per administrative unit, relative to the task's cwd. */
  units: string;
  /** How many worker threads. */
  jobs: number;
}

export interface BatchOutcome {
  command: UnitTask['command'];
  outcomes: UnitOutcome[];
  seconds: number;
}

/**
 * `report build|check <year> --units DIR`: every folder of DIR is an administrative unit laid
 * out as a project. Runs them all on worker threads; `onStart` learns the count and
 * `onUnitDone` each unit's outcome as it finishes.
 */
export async function batch(
  { task, units, jobs }: BatchOptions,
  events: { onStart?: (total: number) => void; onUnitDone?: (outcome: UnitOutcome) => void } = {},
): Promise<BatchOutcome> {
  const dir = path.resolve(task.cwd, units);
  const folders = listUnitFolders(dir, displayPath(dir, task.cwd));
  events.onStart?.(folders.length);
  const started = performance.now();
  const refused = folders.flatMap(({ folder, refused: reason }): UnitOutcome[] => (reason ? [{ unit: folder, ok: false, warnings: 0, reason }] : []));
  for (const outcome of refused) events.onUnitDone?.(outcome);
  const outcomes = await runOnWorkers(
    folders.filter((f) => !f.refused).map(({ folder }) => ({ ...task, unit: folder })),
    jobs,
    (outcome) => events.onUnitDone?.(outcome),
  );
  return { command: task.command, outcomes: [...refused, ...outcomes], seconds: (performance.now() - started) / 1000 };
}
