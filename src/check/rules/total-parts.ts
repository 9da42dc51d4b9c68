import type { Rule } from '../rule.js';
import { STATED_AGAINST_DERIVED_MESSAGES, statedAgainstDerived } from '../stated-vs-derived.js';

export const totalParts: Rule = {
  meta: {
    id: 'total-parts',
    description: 'Tổng đã ghi phải khớp với tổng các thành phần (tong), có tính đến làm tròn.',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Một chỉ tiêu có `tong: [a, b, ...]` là tổng của các chỉ tiêu đó. Khi nó còn ghi `gia_tri` (số mà báo cáo nêu), quy tắc so số đã ghi với tổng các thành phần, đổi về cùng đơn vị theo bảng đơn vị (triệu đồng cộng vào tỷ đồng, tạ vào tấn được; hộ với người thì không, đó là lỗi unit-mismatch). Báo cáo vẫn in số đã ghi; quy tắc báo khi hai số không thể là một. Một số có chữ giới hạn (trên 20, gần 1.960) được so như khoảng mà chữ ấy nói.',
      ],
      rounding: [
        'Mỗi số đã ghi đứng thay cho mọi số làm tròn ra nó: 53,6 tỷ đồng là một số từ 53,55 đến dưới 53,65; 28 tỷ đồng là từ 27,5 đến dưới 28,5. Một số nguyên tính bằng đồng, hộ, người... là số chính xác. Tổng đã ghi khớp khi nó và tổng các thành phần có thể là cùng một số (như XBRL Calculations 1.1): |tổng − Σ thành phần| ≤ ½·10^−d(tổng) + Σ ½·10^−d(thành phần), d là số chữ số thập phân đã viết.',
        'Không báo nhầm: báo cáo Thanh Hà ghi tổng thu nhập trồng trọt 53,6 tỷ đồng = lúa 11,5 + vải 11,2 + cây trồng khác 28 + dịch vụ 2,9; tổng đã ghi và tổng các thành phần được lệch nhau tới 0,05 + 0,05 + 0,05 + 0,5 + 0,05 = 0,7 tỷ đồng mà vẫn khớp. Tương tự, 3,3 + 3,3 + 3,3 ghi tổng là 10 không bị báo.',
        'Không bỏ sót: báo cáo Thanh Hà ghi tổng chi ngân sách 5.371.409.147 đồng, mà chi đầu tư cơ bản 234.795.000 + chi thường xuyên 5.133.614.147 = 5.368.409.147 đồng. Ba số đều là số đồng chính xác, không được lệch đồng nào: chênh 3.000.000 đồng là lỗi (`ngan-sach.yaml:37`).',
      ],
      fix: [
        'Tìm số sai trong tài liệu gốc (sổ kế toán, báo cáo của bộ phận chuyên môn), tổng hay một thành phần, rồi sửa `gia_tri` đó. Nếu văn bản chỉ nêu vài phần "trong đó", không cộng đủ thành tổng, dùng `trong_do` thay cho `tong`. Muốn báo cáo in tổng tính ra thì bỏ `gia_tri` của tổng.',
      ],
    },
    messages: STATED_AGAINST_DERIVED_MESSAGES,
  },
  check(context, report) {
    statedAgainstDerived(context, ['sum'], report);
  },
};
