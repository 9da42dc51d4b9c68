import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const product: Rule = {
  meta: {
    id: 'product',
    description: 'Số tiền đã ghi phải khớp với tích số lượng × đơn giá (tich).',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Một chỉ tiêu có `tich: [a, b]` là tích của các chỉ tiêu đó (số suất × đơn giá, diện tích × năng suất). Khi nó còn ghi `gia_tri`, quy tắc so số đã ghi với tích.',
      ],
      rounding: [
        'Tích của những số đã làm tròn nằm trong khoảng từ tích các cận dưới tới tích các cận trên: 234 suất × 1,2 triệu đồng/suất (1,15 đến dưới 1,25) là từ 269,1 đến dưới 292,5 triệu đồng, và mọi số tiền ghi trong khoảng đó đều khớp. Số suất và số đồng viết nguyên là số chính xác: tích của chúng chỉ có một giá trị.',
        'Báo cáo Thanh Hà ghi 234 suất quà nhân dịp 27/7, mỗi suất 970.000 đồng, tổng tiền 227.880.000 đồng; mà 234 × 970.000 = 226.980.000 đồng. Các số đều chính xác, nên chênh 900.000 đồng là lỗi (`lao-dong-tbxh.yaml:29`).',
      ],
      fix: [
        'Đối chiếu danh sách chi (số suất thực phát) và mức quà, rồi sửa thừa số sai hay số tiền sai. Nếu số tiền còn gồm khoản khác ngoài tích, đừng dùng `tich`: tách khoản đó thành một chỉ tiêu và dùng `tong`.',
      ],
    },
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['product'], report);
  },
};
