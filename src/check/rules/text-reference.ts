import { TEXT_REFERENCE_RULE } from '../../text/data-text.js';
import type { Rule } from '../rule.js';

export const textReference: Rule = {
  meta: {
    id: TEXT_REFERENCE_RULE,
    description: 'Mỗi tham chiếu {{...}} trong lời văn phải chỉ đến một chỉ tiêu có đủ số liệu để in.',
    defaultSeverity: 'error',
  },
  check(context, report) {
    for (const { reference, resolution } of context.references) {
      if ('problem' in resolution) report({ place: reference.place, message: resolution.problem });
    }
  },
};
