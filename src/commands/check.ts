import type { RuleMeta } from '../check/rule.js';
import { RULES } from '../check/run-rules.js';
import { byPlace, InputError, type Diagnostic } from '../diagnostics.js';
import type { Period } from '../period.js';
import { analyze, type AnalyzeOptions } from './analyze.js';

export interface CheckOutcome {
  period: Period;
  /** Every finding and every problem of reading the data, sorted by place. */
  diagnostics: Diagnostic[];
  /** false when the data could not be read, so the rules did not run. */
  complete: boolean;
  rules: readonly RuleMeta[];
}

/** `report check`: analyzes the year and returns what is wrong, whether or not the data could be read. */
export function check(options: AnalyzeOptions): CheckOutcome {
  const outcome = { period: options.period, rules: RULES.map((r) => r.meta) };
  try {
    const { findings, warnings } = analyze(options);
    return { ...outcome, diagnostics: [...warnings, ...findings].sort(byPlace), complete: true };
  } catch (error) {
    if (error instanceof InputError) return { ...outcome, diagnostics: error.diagnostics, complete: false };
    throw error;
  }
}
