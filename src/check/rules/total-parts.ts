import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const totalParts: Rule = {
  meta: {
    id: 'total-parts',
    description: 'Tổng đã ghi phải khớp với tổng các thành phần (tong), có tính đến làm tròn.',
    defaultSeverity: 'error',
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['sum'], report);
  },
};
