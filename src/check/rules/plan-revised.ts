import type { Rule } from '../rule.js';
import { TYPED_AGAINST_RECORDED_MESSAGES, typedAgainstRecorded } from '../typed-against-recorded.js';

export const planRevised: Rule = {
  meta: {
    id: 'plan-revised',
    description: 'Kế hoạch ghi năm nay (kế hoạch điều chỉnh) thay cho mục tiêu trong phương hướng năm trước.',
    defaultSeverity: 'info',
    messages: TYPED_AGAINST_RECORDED_MESSAGES,
  },
  check(context, report) {
    typedAgainstRecorded(context, 'plan', report);
  },
};
