import { referencedKey } from '../../text/data-text.js';
import type { Rule } from '../rule.js';

export const unusedFigure: Rule = {
  meta: {
    id: 'unused-figure',
    description: 'Chỉ tiêu có trong dữ liệu nhưng không được lời văn nào in ra, cũng không dùng để tính chỉ tiêu khác.',
    defaultSeverity: 'warning',
  },
  check(context, report) {
    const used = new Set(context.references.map(({ reference }) => referencedKey(reference)));
    for (const input of context.input.figures) {
      for (const ref of [...(input.sum ?? []), ...(input.product ?? []), ...(input.ratio ?? []), ...(input.ofWhich ?? [])]) used.add(ref.key);
      if (input.restates) used.add(input.restates.key);
    }
    for (const input of context.input.figures) {
      if (used.has(input.key)) continue;
      report({
        place: input.place,
        message: `Chỉ tiêu "${input.key}" không được in ở đâu trong báo cáo. Thêm {{${input.key}}} vào lời văn, hoặc xóa chỉ tiêu nếu không cần.`,
      });
    }
  },
};
