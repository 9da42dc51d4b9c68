import type { Rule } from '../rule.js';
import { TYPED_AGAINST_RECORDED_MESSAGES, typedAgainstRecorded } from '../typed-against-recorded.js';

export const lastYearRevised: Rule = {
  meta: {
    id: 'last-year-revised',
    description: 'Số cùng kỳ ghi năm nay khác số liệu của chính năm trước (data/<năm trước>/): số ghi năm nay được dùng.',
    defaultSeverity: 'warning',
    page: {
      checks: [
        'Khi có dữ liệu năm trước (`data/2023/` cạnh `data/2024/`), số cùng kỳ của mỗi chỉ tiêu tự lấy từ đó. Nếu năm nay vẫn ghi `cung_ky` và số đó không thể là số năm trước đã ghi, quy tắc nêu cả hai số và hai nơi. Báo cáo dùng số ghi năm nay: có thể là số đã được cơ quan thống kê điều chỉnh.',
      ],
      rounding: [
        'Hai số khớp khi có thể cùng làm tròn từ một số. Giá trị sản xuất nông nghiệp năm 2023 của Thanh Hà ghi 70,1 tỷ đồng (từ 70,05 đến dưới 70,15). Dữ liệu năm 2024 ghi `cung_ky: 70.12` thì không bị báo (70,12 nằm trong khoảng đó); ghi `cung_ky: 70.3` thì bị báo.',
      ],
      fix: [
        'Nếu số năm nay là số điều chỉnh, giữ nó (và có thể nêu lý do trong lời văn). Nếu không, bỏ `cung_ky` để dùng số năm trước, hoặc sửa số năm trước nếu chính nó sai.',
      ],
    },
    messages: TYPED_AGAINST_RECORDED_MESSAGES,
  },
  check(context, report) {
    typedAgainstRecorded(context, 'lastYear', report);
  },
};
