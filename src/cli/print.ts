import { formatPlace, type Diagnostic, type Severity } from '../diagnostics.js';

export const SEVERITY_WORDS: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' };

/** The level a finding is shown at: its severity, or that it was accepted. */
export function levelWords(d: Diagnostic): string {
  return d.accepted ? 'đã chấp nhận' : SEVERITY_WORDS[d.severity];
}

/** The message, with the reason an accepted finding was accepted for. */
export function messageWords(d: Diagnostic): string {
  return d.accepted ? `${d.message} (Đã chấp nhận, lý do: ${d.accepted.reason})` : d.message;
}

/** One finding per line, as compilers print them: `file:line:col  lỗi  message  [rule-id]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const related = d.related?.length ? `\n    liên quan: ${d.related.map(formatPlace).join(', ')}` : '';
  return `${formatPlace(d.place)}  ${levelWords(d)}  ${messageWords(d)}  [${d.ruleId}]${related}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');
}
