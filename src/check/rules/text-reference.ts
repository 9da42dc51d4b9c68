import { TEXT_REFERENCE_RULE } from '../../text/data-text.js';
import type { Rule } from '../rule.js';

export const textReference: Rule = {
  meta: {
    id: TEXT_REFERENCE_RULE,
    description: 'Mỗi tham chiếu {{...}} trong lời văn phải chỉ đến một chỉ tiêu có đủ số liệu để in.',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Mỗi `{{...}}` trong lời văn, tiêu đề và trích yếu phải chỉ tới một chỉ tiêu có thật, và chỉ tiêu đó phải có đủ số liệu để in: `{{tang_giam x}}` cần mức tăng, giảm hay số cùng kỳ của x, `{{dat_ke_hoach x}}` cần tỷ lệ hay kế hoạch. Báo cáo không bao giờ để trống chỗ một con số.',
      ],
      rounding: [
        'Quy tắc không so số, nên không có chuyện làm tròn. Ví dụ: trong `ngan-sach.yaml` của Thanh Hà, gõ `{{tong_chi_ngan_sac}}` thay cho `{{tong_chi_ngan_sach}}` thì lỗi tại đúng dòng, cột đó, kèm mã gần đúng nhất: tong_chi_ngan_sach.',
      ],
      fix: [
        'Sửa mã theo gợi ý, hoặc thêm chỉ tiêu vào `chi_tieu`, hoặc ghi số liệu còn thiếu (`cung_ky`, `ke_hoach`, `tang_giam`...).',
      ],
    },
    messages: { unresolved: '{{problem}}' },
    fixedSeverity: 'báo cáo không in được một tham chiếu hỏng (không bao giờ để trống chỗ một con số), nên đây luôn là lỗi.',
  },
  check(context, report) {
    for (const { reference, resolution } of context.references) {
      if ('problem' in resolution) report({ messageId: 'unresolved', data: { problem: resolution.problem }, place: reference.place });
    }
  },
};
