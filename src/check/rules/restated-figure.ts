import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const restatedFigure: Rule = {
  meta: {
    id: 'restated-figure',
    description: 'Một chỉ tiêu nêu ở hai nơi phải cùng một giá trị.',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Một chỉ tiêu `nhac_lai: <mã>` nhắc lại một chỉ tiêu đã nêu ở nơi khác (phần đánh giá chung nêu lại số của phần lĩnh vực). Số nào ghi lại ở chỗ nhắc lại (giá trị, tỷ lệ kế hoạch, mức tăng, giảm) được in như đã ghi, và phải là cùng một số với chỉ tiêu gốc.',
      ],
      rounding: [
        'Hai cách viết của một số khớp khi chúng có thể cùng làm tròn từ một số thật: 2,9% và 2,90%, hay 3% và 2,9%, là khớp.',
        'Báo cáo Thanh Hà, ở mục lĩnh vực kinh tế, ghi giá trị sản xuất nông nghiệp tăng 2,9% (từ 2,85% đến dưới 2,95%); phần đánh giá chung ghi tăng 2,8% (từ 2,75% đến dưới 2,85%). Không số nào làm tròn ra cả hai: hai khoảng chỉ chạm nhau ở 2,85%, mà 2,85% làm tròn lên 2,9%. Lỗi (`danh-gia.yaml:19`); tương tự 6,8% và 6,7% (`danh-gia.yaml:20`).',
      ],
      fix: [
        'Xem số nào đúng theo tài liệu gốc, rồi xóa số ghi lại ở chỗ nhắc lại (chỉ giữ `nhac_lai`): báo cáo in số gốc ở cả hai nơi, nên không thể lệch nhau nữa.',
      ],
    },
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['restated'], report);
  },
};
