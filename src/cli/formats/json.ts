import type { Diagnostic } from '../../diagnostics.js';
import { byFile, counts, portablePath, type Formatter } from './report.js';

const SEVERITY_NUMBERS = { info: 0, warning: 1, error: 2 } as const;

const message = (d: Diagnostic) => ({
  ruleId: d.ruleId,
  severity: SEVERITY_NUMBERS[d.severity],
  message: d.message,
  line: d.place.line,
  column: d.place.col,
  related: (d.related ?? []).map((p) => ({ filePath: portablePath(p.file), line: p.line, column: p.col })),
});

/**
 * For programs: ESLint's JSON shape (one result per file with its messages; severity 2 is an
 * error, 1 a warning, 0 information), so tools written for ESLint's output read it; `related`
 * is ours. Accepted findings are ESLint's suppressed messages, with the reason as justification.
 */
export const json: Formatter = ({ diagnostics }) => {
  const results = [...byFile(diagnostics)].map(([file, group]) => {
    const tally = counts(group);
    return {
      filePath: portablePath(file),
      messages: group.filter((d) => !d.accepted).map(message),
      suppressedMessages: group
        .filter((d) => d.accepted)
        .map((d) => ({ ...message(d), suppressions: [{ kind: d.accepted!.source === 'inline' ? 'directive' : 'file', justification: d.accepted!.reason }] })),
      errorCount: tally.errors,
      warningCount: tally.warnings,
    };
  });
  return `${JSON.stringify(results, null, 2)}\n`;
};
