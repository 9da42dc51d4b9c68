import type { Rule } from '../rule.js';
import { statedAgainstDerived } from '../stated-vs-derived.js';

export const product: Rule = {
  meta: {
    id: 'product',
    description: 'Số tiền đã ghi phải khớp với tích số lượng × đơn giá (tich).',
    defaultSeverity: 'error',
  },
  check(context, report) {
    statedAgainstDerived(context, ['product'], report);
  },
};
