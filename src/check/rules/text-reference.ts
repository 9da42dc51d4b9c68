import { TEXT_REFERENCE_RULE } from '../../text/data-text.js';
import type { Rule } from '../rule.js';

export const textReference: Rule = {
  meta: {
    id: TEXT_REFERENCE_RULE,
    description: 'Mỗi tham chiếu {{...}} trong lời văn phải chỉ đến một chỉ tiêu có đủ số liệu để in.',
    defaultSeverity: 'error',
    messages: { unresolved: '{{problem}}' },
    fixedSeverity: 'báo cáo không in được một tham chiếu hỏng (không bao giờ để trống chỗ một con số), nên đây luôn là lỗi.',
  },
  check(context, report) {
    for (const { reference, resolution } of context.references) {
      if ('problem' in resolution) report({ messageId: 'unresolved', data: { problem: resolution.problem }, place: reference.place });
    }
  },
};
