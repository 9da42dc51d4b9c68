import { resolveReference, TEXT_REFERENCE_RULE } from '../../text/data-text.js';
import type { Rule } from '../rule.js';

export const textReference: Rule = {
  meta: {
    id: TEXT_REFERENCE_RULE,
    description: 'Mỗi tham chiếu {{...}} trong lời văn phải chỉ đến một chỉ tiêu có đủ số liệu để in.',
    defaultSeverity: 'error',
  },
  check(context, report) {
    const scope = { figures: context.figures, year: context.input.year };
    for (const reference of context.references) {
      const resolved = resolveReference(reference, scope);
      if ('problem' in resolved) report({ place: reference.place, message: resolved.problem });
    }
  },
};
