import type { MessagePort } from 'node:worker_threads';
import { runUnit, type UnitTask } from '../commands/batch-unit.js';

/** A worker thread of a batch run: builds or checks the units it is sent, one at a time. */
export function serveBatchUnits(port: MessagePort): void {
  port.on('message', async (task: UnitTask) => {
    port.postMessage(await runUnit(task));
  });
}
