import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const growthRate: Rule = {
  meta: {
    id: 'growth-rate',
    description: 'Mức tăng/giảm so với cùng kỳ đã ghi phải khớp với giá trị và số cùng kỳ.',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Một chỉ tiêu có số cùng kỳ (`cung_ky`, hoặc tự lấy từ dữ liệu năm trước) và ghi mức tăng, giảm (`tang_giam` tính bằng %, `chenh_lech` tính bằng đơn vị của chỉ tiêu): quy tắc so mức đã ghi với mức tính từ giá trị và số cùng kỳ.',
      ],
      rounding: [
        'Giá trị sản xuất nông nghiệp năm 2023 của Thanh Hà là 70,1 tỷ đồng, "tăng 2,9% so với cùng kỳ". Với số cùng kỳ 68,1 tỷ đồng (số mà phụ lục suy ra từ 2,9%): 70,1 là một số từ 70,05 đến 70,15 và 68,1 từ 68,05 đến 68,15, nên mức tăng là từ 70,05 / 68,15 − 1 = 2,79% đến 70,15 / 68,05 − 1 = 3,09%. 2,9% (2,85–2,95%) có chung số với khoảng đó: khớp. Ghi 2,5% thì lỗi.',
        'Số đếm chính xác thì không có dung sai: 530 trẻ với `chenh_lech: 15` và `cung_ky: 514` là lỗi, vì 530 − 514 = 16.',
      ],
      fix: [
        'Đối chiếu số cùng kỳ với báo cáo năm trước (hoặc thư mục `data/<năm trước>/`), rồi sửa mức tăng, giảm hay số cùng kỳ. Bỏ `tang_giam` hay `chenh_lech` để báo cáo in mức tính ra (`{{tang_giam ...}}`, `{{chenh_lech ...}}`).',
      ],
    },
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['change', 'change-amount'], report);
  },
};
