import type { StatusOutcome } from '../commands/status.js';
import { formatDiagnostics } from './print.js';

/** The checklist: per file, how many places of each kind are left, then each place. */
export function formatStatus(status: StatusOutcome): string {
  const { year } = status;
  const total = status.files.reduce((sum, f) => sum + f.unfilled.length, 0);
  const lines: string[] = [];
  if (total === 0 && status.problems.length === 0) {
    return `✔ Năm ${year} đã điền đủ. Tiếp theo: report check ${year}, rồi report build ${year}.\n`;
  }
  lines.push(`Năm ${year} còn ${total} chỗ cần điền:`, '');
  for (const { file, unfilled } of status.files) {
    if (unfilled.length === 0) continue;
    const kinds = new Map<string, number>();
    for (const u of unfilled) kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
    lines.push(`${file}: ${unfilled.length} (${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')})`);
    for (const u of unfilled) lines.push(`  ${u.place.line}:${u.place.col}  ${u.path}`);
  }
  const text = `${lines.join('\n')}\n`;
  return status.problems.length === 0 ? text : `${text}\nTệp chưa đọc được:\n${formatDiagnostics(status.problems)}`;
}
