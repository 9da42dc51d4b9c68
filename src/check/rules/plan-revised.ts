import type { Rule } from '../rule.js';
import { typedAgainstRecorded } from '../typed-against-recorded.js';

export const planRevised: Rule = {
  meta: {
    id: 'plan-revised',
    description: 'Kế hoạch ghi năm nay (kế hoạch điều chỉnh) thay cho mục tiêu trong phương hướng năm trước.',
    defaultSeverity: 'info',
  },
  check(context, report) {
    typedAgainstRecorded(context, 'plan', report);
  },
};
