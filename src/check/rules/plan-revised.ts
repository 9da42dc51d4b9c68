import type { Rule } from '../rule.js';
import { TYPED_AGAINST_RECORDED_MESSAGES, typedAgainstRecorded } from '../typed-against-recorded.js';

export const planRevised: Rule = {
  meta: {
    id: 'plan-revised',
    description: 'Kế hoạch ghi năm nay (kế hoạch điều chỉnh) thay cho mục tiêu trong phương hướng năm trước.',
    defaultSeverity: 'info',
    page: {
      checks: [
        'Kế hoạch năm nay mặc định là mục tiêu trong phần phương hướng năm trước (`ke_hoach_cho`). Nếu năm nay ghi `ke_hoach` khác, thường là kế hoạch đã được điều chỉnh; quy tắc nêu (mức thông tin) để người đọc biết "đạt X% kế hoạch" tính theo kế hoạch nào.',
      ],
      rounding: [
        'Hai số khớp khi có thể cùng làm tròn từ một số. Phương hướng năm 2024 của Thanh Hà đặt mục tiêu tổng giá trị sản xuất 715 tỷ đồng (từ 714,5 đến dưới 715,5), là kế hoạch năm 2024 của `tong_thu_nhap`. Dữ liệu năm 2024 ghi `ke_hoach: 715.2` thì không nêu gì; ghi `ke_hoach: 700` thì nêu, và "đạt X% kế hoạch" tính theo 700.',
      ],
      fix: [
        'Không phải sửa gì khi kế hoạch thực sự được điều chỉnh. Nếu không, bỏ `ke_hoach` để dùng mục tiêu năm trước, hoặc sửa mục tiêu năm trước.',
      ],
    },
    messages: TYPED_AGAINST_RECORDED_MESSAGES,
  },
  check(context, report) {
    typedAgainstRecorded(context, 'plan', report);
  },
};
