import { analyzeYear, type Workspace } from '../analyze.js';
import { byPlace, InputError, type Diagnostic } from '../diagnostics.js';

export interface CheckResult {
  /** Every finding and every problem of reading the data, sorted by place. */
  diagnostics: Diagnostic[];
  /** false when the data could not be read, so the rules did not run. */
  complete: boolean;
}

/** `report check`: analyzes the year and returns what is wrong, whether or not the data could be read. */
export function checkYear(workspace: Workspace, year: number): CheckResult {
  try {
    const { findings, warnings } = analyzeYear(workspace, year);
    return { diagnostics: [...warnings, ...findings].sort(byPlace), complete: true };
  } catch (error) {
    if (error instanceof InputError) return { diagnostics: error.diagnostics, complete: false };
    throw error;
  }
}
