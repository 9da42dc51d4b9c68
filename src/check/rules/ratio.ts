import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const ratio: Rule = {
  meta: {
    id: 'ratio',
    description: 'Tỷ lệ, bình quân đã ghi phải khớp với phép chia của các chỉ tiêu (chia).',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Một chỉ tiêu có `chia: [tử số, mẫu số]` là thương của hai chỉ tiêu: một tỷ lệ (đơn vị `%`, nhân 100) hay một số bình quân (thu nhập bình quân đầu người = tổng thu nhập / số khẩu). Khi nó còn ghi `gia_tri`, quy tắc so số đã ghi với phép chia.',
      ],
      rounding: [
        'Số đã ghi đứng thay cho khoảng làm tròn của nó: 48,07% là một số từ 48,065% đến dưới 48,075%. Thương của hai số đã làm tròn cũng là một khoảng (từ cận dưới của tử chia cận trên của mẫu, tới cận trên chia cận dưới); thương của hai số đếm chính xác là một số.',
        'Báo cáo Thanh Hà ghi trẻ nhà trẻ ra lớp 113/235 cháu, đạt 48,07%. 113 / 235 = 48,0851…%, ngoài khoảng 48,065–48,075% của số đã ghi: lỗi (`giao-duc.yaml:36`); làm tròn hai chữ số thập phân, số đúng là 48,09%.',
        'Không báo nhầm: 665/899 học sinh = 73,97…%, ghi 74% (73,5–74,5%) là khớp; 65/3.102 hộ = 2,095…%, ghi 2,1% là khớp; thu nhập bình quân 67,8 triệu đồng/người = 663,8 tỷ đồng / 9.789 khẩu, vì 663,8 tỷ là một số từ 663,75 đến 663,85 tỷ nên thương từ 67,806 đến 67,816 triệu, trong khoảng 67,75–67,85 của 67,8.',
      ],
      fix: [
        'Tính lại phép chia từ hai số gốc và ghi kết quả làm tròn đúng (48,09% hay 48,1%); nếu tử số hay mẫu số ghi sai thì sửa số đó. Bỏ `gia_tri` để báo cáo in số tính ra (hai chữ số thập phân với `%`, hoặc theo `chu_so`).',
      ],
    },
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['ratio'], report);
  },
};
