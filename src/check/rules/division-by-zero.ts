import { resolveReference } from '../../text/data-text.js';
import type { Rule } from '../rule.js';

export const divisionByZero: Rule = {
  meta: {
    id: 'division-by-zero',
    description: 'Một tham chiếu {{...}} in ra chữ thay cho số vì phải chia cho 0 (mẫu số, kế hoạch hoặc cùng kỳ bằng 0).',
    defaultSeverity: 'warning',
  },
  check(context, report) {
    const scope = { figures: context.figures, year: context.input.year };
    for (const reference of context.references) {
      const resolved = resolveReference(reference, scope);
      if (!('isWords' in resolved) || !resolved.isWords) continue;
      report({
        place: reference.place,
        message:
          `${reference.match} in ra "${resolved.text}": không chia được cho 0. ` +
          'Viết lại câu (ví dụ {{chenh_lech ...}} cho mức tăng/giảm tính bằng đơn vị), hoặc ghi số trực tiếp.',
      });
    }
  },
};
