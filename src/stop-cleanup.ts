/**
 * What must be undone when the run is stopped by Ctrl+C or a kill: a LibreOffice still
 * converting, its work folder. bin/report.cjs handles the signal by calling the program's
 * `interrupted` (src/cli/run.ts), which runs these before the process exits.
 */
const cleanups = new Set<() => void>();

/** Registers `cleanup` to run if the run is stopped; returns the function that unregisters it. */
export function onStop(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup once, synchronously; one that fails keeps no other from running. */
export function runStopCleanups(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // The process is ending: what could not be undone is left, the rest still is.
    }
  }
}
