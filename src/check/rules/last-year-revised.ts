import type { Rule } from '../rule.js';
import { typedAgainstRecorded } from '../typed-against-recorded.js';

export const lastYearRevised: Rule = {
  meta: {
    id: 'last-year-revised',
    description: 'Số cùng kỳ ghi năm nay khác số liệu của chính năm trước (data/<năm trước>/): số ghi năm nay được dùng.',
    defaultSeverity: 'warning',
  },
  check(context, report) {
    typedAgainstRecorded(context, 'lastYear', report);
  },
};
