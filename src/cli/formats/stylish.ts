import { formatPlace } from '../../diagnostics.js';
import { periodWords } from '../../period.js';
import { levelWords, messageWords } from '../print.js';
import { byFile, countWords, counts, type Formatter } from './report.js';

/** For people: findings grouped by file, `line:col  lỗi  message  rule`, then a summary line. */
export const stylish: Formatter = ({ period, diagnostics, complete }) => {
  if (diagnostics.length === 0) return `✔ Số liệu ${periodWords(period)}: không có vấn đề nào.\n`;
  const lines: string[] = [];
  for (const [file, group] of byFile(diagnostics)) {
    lines.push(file);
    const places = group.map((d) => `${d.place.line}:${d.place.col}`);
    const placeWidth = Math.max(...places.map((p) => p.length));
    const indent = ' '.repeat(2 + placeWidth + 2 + 9);
    group.forEach((d, i) => {
      const [first, ...rest] = `${messageWords(d)}  ${d.ruleId}`.split(/\r?\n/);
      lines.push(`  ${places[i]!.padEnd(placeWidth)}  ${levelWords(d).padEnd(8)} ${first}`);
      for (const line of rest) lines.push(indent + line);
      if (d.related?.length) lines.push(`${indent}liên quan: ${d.related.map(formatPlace).join(', ')}`);
    });
    lines.push('');
  }
  const total = `✖ ${diagnostics.length} vấn đề (${countWords(counts(diagnostics))})`;
  lines.push(complete ? total : `${total}: dữ liệu chưa đọc được nên chưa kiểm tra được số liệu. Sửa các lỗi trên rồi chạy lại.`);
  return `${lines.join('\n')}\n`;
};
