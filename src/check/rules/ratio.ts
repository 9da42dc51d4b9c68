import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const ratio: Rule = {
  meta: {
    id: 'ratio',
    description: 'Tỷ lệ, bình quân đã ghi phải khớp với phép chia của các chỉ tiêu (chia).',
    defaultSeverity: 'error',
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['ratio'], report);
  },
};
