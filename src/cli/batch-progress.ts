import path from 'node:path';
import type { UnitOutcome } from '../commands/batch-unit.js';

const BAR_WIDTH = 30;

/**
 * Shows how far a batch run is: one bar redrawn in place on a terminal, or one plain line
 * per unit where the output is a log (CI), which a bar would fill with control characters.
 */
export function progressReporter(total: number, write: (text: string) => void, isTTY: boolean) {
  let done = 0;
  return {
    unitDone(outcome: UnitOutcome): void {
      done++;
      const name = path.basename(outcome.unit);
      if (!isTTY) {
        write(`[${done}/${total}] ${name}: ${outcome.ok ? 'xong' : 'lỗi'}\n`);
        return;
      }
      const filled = Math.round((done / total) * BAR_WIDTH);
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${name}`.padEnd(BAR_WIDTH + 40).slice(0, BAR_WIDTH + 40));
    },
    finish(): void {
      if (isTTY && done > 0) write('\n');
    },
  };
}
