import type { Rule } from '../rule.js';
import { TYPED_AGAINST_RECORDED_MESSAGES, typedAgainstRecorded } from '../typed-against-recorded.js';

export const lastYearRevised: Rule = {
  meta: {
    id: 'last-year-revised',
    description: 'Số cùng kỳ ghi năm nay khác số liệu của chính năm trước (data/<năm trước>/): số ghi năm nay được dùng.',
    defaultSeverity: 'warning',
    messages: TYPED_AGAINST_RECORDED_MESSAGES,
  },
  check(context, report) {
    typedAgainstRecorded(context, 'lastYear', report);
  },
};
