import type { StatusOutcome } from '../commands/status.js';
import { periodWords } from '../period.js';
import { capitalized } from '../vietnamese/capitalized.js';

import { formatDiagnostics } from './print.js';

/** The checklist: per file, how many places of each kind are left, then each place. */
export function formatStatus(status: StatusOutcome): string {
  const { period } = status;
  const words = periodWords(period);
  const total = status.files.reduce((sum, f) => sum + f.unfilled.length, 0);
  const lines: string[] = [];
  if (total === 0 && status.problems.length === 0) {
    return `✔ ${capitalized(words)} đã điền đủ. Tiếp theo: report check ${period.id}, rồi report build ${period.id}.\n`;
  }
  lines.push(`${capitalized(words)} còn ${total} chỗ cần điền:`, '');
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
