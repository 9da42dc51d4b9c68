/** A worker thread of a batch run: builds or checks the units it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runUnit, type UnitTask } from './unit-task.js';

parentPort!.on('message', async (task: UnitTask) => {
  parentPort!.postMessage(await runUnit(task));
});
