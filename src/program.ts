/**
 * The bundle's entry (src/tools/bundle.ts makes dist/report.cjs from it): what bin/report.cjs
 * runs, on the main thread the CLI, in a batch's worker threads the loop over units.
 */
export { interrupted, run } from './cli/run.js';
export { serveBatchUnits } from './batch/worker.js';
