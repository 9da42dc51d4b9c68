import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const planShare: Rule = {
  meta: {
    id: 'plan-share',
    description: 'Tỷ lệ % kế hoạch đã ghi phải khớp với giá trị chia cho kế hoạch.',
    defaultSeverity: 'error',
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['plan-share'], report);
  },
};
