import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const product: Rule = {
  meta: {
    id: 'product',
    description: 'Số tiền đã ghi phải khớp với tích số lượng × đơn giá (tich).',
    defaultSeverity: 'error',
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['product'], report);
  },
};
