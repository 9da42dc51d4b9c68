import type { Rule } from '../rule.js';

export const divisionByZero: Rule = {
  meta: {
    id: 'division-by-zero',
    description: 'Một tham chiếu {{...}} in ra chữ thay cho số vì phải chia cho 0 (mẫu số, kế hoạch hoặc cùng kỳ bằng 0).',
    defaultSeverity: 'warning',
    page: {
      checks: [
        'Một tham chiếu phải chia cho 0 thì không in được số: `{{x}}` của một tỷ lệ có mẫu số bằng 0, `{{dat_ke_hoach x}}` khi kế hoạch bằng 0, `{{tang_giam x}}` khi cùng kỳ bằng 0. Báo cáo in chữ thay cho số ("không tính được (cùng kỳ bằng 0)"), và quy tắc cảnh báo để câu văn được viết lại.',
      ],
      rounding: [
        'Số 0 đã làm tròn không hẳn là 0 (0,0 tỷ đồng có thể là 40 triệu đồng), nhưng không biết là bao nhiêu thì cũng không chia được: mọi số 0 đều được coi như nhau. Ví dụ Thanh Hà: năm 2023 có 01 vụ đốt pháo nổ trái phép; nếu năm trước không có vụ nào (`cung_ky: 0`), `{{tang_giam an_ninh_vu_dot_phao}}` in "không tính được (cùng kỳ bằng 0)", còn `{{chenh_lech an_ninh_vu_dot_phao}}` in "tăng 1 vụ".',
      ],
      fix: [
        'Viết lại câu bằng mức chênh lệch (`{{chenh_lech ...}}`) thay cho tỷ lệ, hoặc ghi thẳng điều muốn nói ("năm trước không có vụ nào"); nếu số 0 là nhầm thì sửa số đó.',
      ],
    },
    messages: {
      printsWords:
        '{{reference}} in ra "{{words}}": không chia được cho 0. Viết lại câu (ví dụ {{changeHelper}} cho mức tăng/giảm tính bằng đơn vị), hoặc ghi số trực tiếp.',
    },
  },
  check(context, report) {
    for (const { reference, resolution } of context.references) {
      if (!('isWords' in resolution) || !resolution.isWords) continue;
      report({
        messageId: 'printsWords',
        data: { reference: reference.match, words: resolution.text, changeHelper: '{{chenh_lech ...}}' },
        place: reference.place,
      });
    }
  },
};
