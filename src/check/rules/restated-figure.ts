import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const restatedFigure: Rule = {
  meta: {
    id: 'restated-figure',
    description: 'Một chỉ tiêu nêu ở hai nơi phải cùng một giá trị.',
    defaultSeverity: 'error',
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['restated'], report);
  },
};
