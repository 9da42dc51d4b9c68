import path from 'node:path';
import type { BatchOutcome } from '../commands/batch.js';

/** The closing lines of a batch run: how many were built or checked, with warnings, and each failure with its reason. */
export function batchSummary({ command, outcomes, seconds }: BatchOutcome): string {
  const succeeded = outcomes.filter((o) => o.ok);
  const failed = outcomes.filter((o) => !o.ok).sort((a, b) => a.unit.localeCompare(b.unit));
  const withWarnings = succeeded.filter((o) => o.warnings > 0);
  const warnings = withWarnings.reduce((sum, o) => sum + o.warnings, 0);
  const verb = command === 'build' ? 'Đã tạo báo cáo cho' : 'Kiểm tra đạt';
  const lines = [
    `${verb} ${succeeded.length}/${outcomes.length} đơn vị trong ${seconds.toFixed(1).replace('.', ',')} giây.`,
    `Cảnh báo: ${warnings} (ở ${withWarnings.length} đơn vị).`,
    `Lỗi: ${failed.length} đơn vị.`,
    ...failed.map((o) => `  ${path.basename(o.unit)}: ${o.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
