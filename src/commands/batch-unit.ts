import { formatPlace, hasErrors, InputError, unacceptedErrors, RunError, type Diagnostic } from '../diagnostics.js';
import type { OutputFormat } from '../output-formats.js';
import { parsePeriod } from '../period.js';
import { Workspace } from '../workspace.js';

/** One administrative unit's job, as sent to a worker thread: plain data only. */
export interface UnitTask {
  command: 'build' | 'check';
  /** The unit's folder, laid out as a project: data/<year>/ and, optionally, templates/. */
  unit: string;
  /** Where paths in messages are shown relative to. */
  cwd: string;
  /** The period's id, as on the command line: 2023, 2024-6thang. */
  period: string;
  format?: OutputFormat;
  strict?: boolean;
  sourceDateEpoch?: string;
  /** The environment, where --format pdf looks for LibreOffice. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface UnitOutcome {
  unit: string;
  ok: boolean;
  warnings: number;
  /** Why the unit failed, in one line. */
  reason?: string;
}

/** Builds or checks one unit; every failure becomes an outcome, never an exception. */
export async function runUnit(task: UnitTask): Promise<UnitOutcome> {
  const options = { workspace: new Workspace(task.unit, task.cwd), period: parsePeriod(task.period)! };
  const failed = (reason: string): UnitOutcome => ({ unit: task.unit, ok: false, warnings: 0, reason });
  try {
    if (task.command === 'check') {
      const { check } = await import('./check.js');
      const { diagnostics } = check(options);
      if (hasErrors(diagnostics)) return failed(errorsReason(unacceptedErrors(diagnostics)));
      // Counted as a build counts them: information and accepted findings are not for a fix.
      return { unit: task.unit, ok: true, warnings: diagnostics.filter((d) => d.severity !== 'info' && !d.accepted).length };
    }
    // Imported on demand, as in the single-unit CLI: a check worker never sets up the .docx writer.
    const { build } = await import('./build.js');
    const { warnings } = await build({ ...options, format: task.format, strict: task.strict, sourceDateEpoch: task.sourceDateEpoch, env: task.env });
    return { unit: task.unit, ok: true, warnings: warnings.length };
  } catch (error) {
    if (error instanceof InputError) return failed(errorsReason(error.diagnostics));
    if (error instanceof RunError) return failed(error.message);
    return failed(`lỗi ngoài dự kiến trong chương trình: ${(error as Error).message}`);
  }
}

/** The count and the first error with its place: enough to find the rest with `report check`. */
function errorsReason(errors: readonly Diagnostic[]): string {
  const [first] = errors;
  if (!first) return 'dữ liệu có lỗi.';
  const more = errors.length > 1 ? ` (và ${errors.length - 1} lỗi khác)` : '';
  return `${formatPlace(first.place)} ${first.message}${more}`;
}
