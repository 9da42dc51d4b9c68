import type { CheckOutcome } from '../../commands/check.js';
import type { Diagnostic } from '../../diagnostics.js';

/** An output format of `report check`: the outcome as text. */
export type Formatter = (outcome: CheckOutcome) => string;

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings accepted with a reason: counted apart, never as errors or warnings. */
  accepted: number;
}

export function counts(diagnostics: readonly Diagnostic[]): Counts {
  const of = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity && !d.accepted).length;
  return { errors: of('error'), warnings: of('warning'), infos: of('info'), accepted: diagnostics.filter((d) => d.accepted).length };
}

/** `5 lỗi, 3 cảnh báo`, with `, 1 thông tin` and `, 2 đã chấp nhận` when there are any. */
export function countWords({ errors, warnings, infos, accepted }: Counts): string {
  return `${errors} lỗi, ${warnings} cảnh báo${infos > 0 ? `, ${infos} thông tin` : ''}${accepted > 0 ? `, ${accepted} đã chấp nhận` : ''}`;
}

/** Paths as CI tools and SARIF want them: forward slashes on every OS. */
export function portablePath(file: string): string {
  return file.replaceAll('\\', '/');
}

/** The diagnostics grouped by file, files in order of first appearance. */
export function byFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.place.file);
    if (group) group.push(d);
    else groups.set(d.place.file, [d]);
  }
  return groups;
}
