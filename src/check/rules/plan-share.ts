import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const planShare: Rule = {
  meta: {
    id: 'plan-share',
    description:
      'Tỷ lệ % kế hoạch, mức vượt kế hoạch (vuot_ke_hoach) và chênh lệch với kế hoạch (chenh_lech_ke_hoach) đã ghi phải khớp với giá trị và kế hoạch.',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Một chỉ tiêu có kế hoạch (`ke_hoach`, hoặc mục tiêu năm trước qua `ke_hoach_cho`) và ghi `ty_le_ke_hoach` (đạt bao nhiêu % kế hoạch): quy tắc so tỷ lệ đã ghi với giá trị / kế hoạch × 100.',
        'Hai cách nói khác của cùng phép so: `vuot_ke_hoach` (vượt bao nhiêu % kế hoạch) được so với tỷ lệ % kế hoạch trừ 100 (tỷ lệ đã ghi, hoặc tính từ kế hoạch); `chenh_lech_ke_hoach` (cao hơn, thấp hơn kế hoạch bao nhiêu, theo đơn vị của chỉ tiêu, với tỷ lệ là điểm phần trăm) được so với giá trị trừ kế hoạch.',
      ],
      rounding: [
        'Báo cáo Thanh Hà ghi tổng thu ngân sách 6.790.880.637 đồng "đạt 100,02% so với dự toán năm" mà không nêu dự toán, nên trên dữ liệu đi kèm quy tắc không có gì để so. 100,02% là một số từ 100,015% đến dưới 100,025%, nên dự toán phải nằm trong khoảng từ 6.789.183.342 đến 6.789.862.158 đồng. Ghi `ke_hoach: 6789500000` thì 6.790.880.637 / 6.789.500.000 = 100,0203…%: khớp. Ghi `ke_hoach: 6700000000` thì ra 101,36%: lỗi.',
      ],
      fix: [
        'Đối chiếu quyết định giao dự toán hay nghị quyết giao chỉ tiêu; nếu kế hoạch được điều chỉnh trong năm, ghi kế hoạch điều chỉnh. Nếu tỷ lệ chép sai, sửa tỷ lệ, hoặc bỏ `ty_le_ke_hoach` để báo cáo in tỷ lệ tính ra (`{{dat_ke_hoach ...}}`); cũng vậy với `vuot_ke_hoach` (`{{vuot_ke_hoach ...}}`) và `chenh_lech_ke_hoach` (`{{chenh_lech_ke_hoach ...}}`).',
      ],
    },
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['plan-share', 'over-plan', 'plan-difference'], report);
  },
};
