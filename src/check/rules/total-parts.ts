import type { Rule } from '../rule.js';
import { statedAgainstDerived } from '../stated-vs-derived.js';

export const totalParts: Rule = {
  meta: {
    id: 'total-parts',
    description: 'Tổng đã ghi phải khớp với tổng các thành phần (tong), có tính đến làm tròn.',
    defaultSeverity: 'error',
  },
  check(context, report) {
    statedAgainstDerived(context, ['sum'], report);
  },
};
