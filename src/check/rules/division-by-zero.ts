import type { Rule } from '../rule.js';

export const divisionByZero: Rule = {
  meta: {
    id: 'division-by-zero',
    description: 'Một tham chiếu {{...}} in ra chữ thay cho số vì phải chia cho 0 (mẫu số, kế hoạch hoặc cùng kỳ bằng 0).',
    defaultSeverity: 'warning',
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
