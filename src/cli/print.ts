import { formatPlace, type Diagnostic } from '../diagnostics.js';

export const SEVERITY_WORDS = { error: 'lỗi', warning: 'cảnh báo' } as const;

/** One finding per line, as compilers print them: `file:line:col  lỗi  message  [rule-id]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const related = d.related?.length ? `\n    liên quan: ${d.related.map(formatPlace).join(', ')}` : '';
  return `${formatPlace(d.place)}  ${SEVERITY_WORDS[d.severity]}  ${d.message}  [${d.ruleId}]${related}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');
}
