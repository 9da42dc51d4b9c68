import { formatPlace, type Diagnostic, type Severity } from '../diagnostics.js';

export const SEVERITY_WORDS: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' };

/** One finding per line, as compilers print them: `file:line:col  lỗi  message  [rule-id]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const related = d.related?.length ? `\n    liên quan: ${d.related.map(formatPlace).join(', ')}` : '';
  return `${formatPlace(d.place)}  ${SEVERITY_WORDS[d.severity]}  ${d.message}  [${d.ruleId}]${related}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');
}
