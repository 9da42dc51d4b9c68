import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const growthRate: Rule = {
  meta: {
    id: 'growth-rate',
    description: 'Mức tăng/giảm so với cùng kỳ đã ghi phải khớp với giá trị và số cùng kỳ.',
    defaultSeverity: 'error',
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['change', 'change-amount'], report);
  },
};
