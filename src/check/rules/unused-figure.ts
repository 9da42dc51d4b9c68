import { referencedKey } from '../../text/data-text.js';
import type { Rule } from '../rule.js';

export const unusedFigure: Rule = {
  meta: {
    id: 'unused-figure',
    description: 'Chỉ tiêu có trong dữ liệu nhưng không được lời văn nào in ra, cũng không dùng để tính chỉ tiêu khác.',
    defaultSeverity: 'warning',
    messages: {
      unused: 'Chỉ tiêu "{{name}}" [{{key}}] không được in ở đâu trong báo cáo. Thêm {{reference}} vào lời văn, hoặc xóa chỉ tiêu nếu không cần.',
    },
  },
  check(context, report) {
    const used = new Set(context.references.map(({ reference }) => referencedKey(reference)));
    for (const input of context.input.figures) {
      for (const ref of [...(input.sum ?? []), ...(input.product ?? []), ...(input.ratio ?? []), ...(input.ofWhich ?? [])]) used.add(ref.key);
      if (input.restates) used.add(input.restates.key);
    }
    for (const input of context.input.figures) {
      // In a draft, a figure still to fill is printed by texts still to fill as well.
      if (used.has(input.key) || context.input.draft?.figures.has(input.key)) continue;
      report({ messageId: 'unused', data: { name: input.name ?? input.key, key: input.key, reference: `{{${input.key}}}` }, identity: { key: input.key }, place: input.place });
    }
  },
};
