import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The temporary files and folders this program makes next to what it writes (a report, the
 * staging folder of `report init`): short, whatever the final name (so a long output name
 * cannot make the temporary one too long), hidden, and carrying their writer's process id.
 */
const TEMPORARY = /^\.report-(\d{1,10})-[0-9a-f]{8}\.tmp$/;

/** A temporary name for a writer with process id `pid`: `.report-<pid>-<8 hex>.tmp`. */
export function temporaryName(pid: number): string {
  return `.report-${pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * A fresh temporary path in `folder`, for this process. First removes what writers that are no
 * longer running left there (a build killed by the system, a power cut), so they do not pile up;
 * a live writer's temporary file, another build running at the same time, is never touched.
 */
export function freshTemporaryPath(folder: string): string {
  removeAbandoned(folder);
  return path.join(folder, temporaryName(process.pid));
}

function removeAbandoned(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return; // The folder's own problem is said by whoever writes into it.
  }
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1] ?? Number.NaN);
    if (Number.isNaN(pid) || isRunning(pid)) continue;
    try {
      fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    } catch {
      // Removed by another build at the same moment, or not ours to remove: leave it.
    }
  }
}

/**
 * Whether a process with this id runs. This process counts as running: its threads (a batch's
 * workers) write at the same time. A process of another user counts too (EPERM).
 */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
