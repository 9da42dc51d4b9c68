import { referencedKey } from '../../text/data-text.js';
import type { Rule } from '../rule.js';

export const unusedFigure: Rule = {
  meta: {
    id: 'unused-figure',
    description: 'Chỉ tiêu có trong dữ liệu nhưng không được lời văn nào in ra, cũng không dùng để tính chỉ tiêu khác.',
    defaultSeverity: 'warning',
    page: {
      checks: [
        'Một chỉ tiêu có trong `chi_tieu` mà không câu văn nào in ra (`{{ma}}`), cũng không dùng để tính chỉ tiêu khác (`tong`, `tich`, `chia`, `trong_do`, `nhac_lai`): thường là quên đưa vào lời văn, hay gõ sai mã ở chỗ nhắc tới.',
      ],
      rounding: [
        'Quy tắc không so số, nên không có chuyện làm tròn. Trên dữ liệu Thanh Hà mọi chỉ tiêu đều được in hoặc được dùng: số khẩu 9.789, chẳng hạn, là mẫu số của thu nhập bình quân 67,8 triệu đồng/người.',
      ],
      fix: [
        'Thêm `{{ma_chi_tieu}}` vào câu văn nói về nó, hoặc xóa chỉ tiêu nếu không cần. Một chỉ tiêu cố ý giữ trong dữ liệu (để năm sau có số cùng kỳ) thì hạ quy tắc này thành thông tin.',
      ],
    },
    messages: {
      unused: 'Chỉ tiêu "{{name}}" [{{key}}] không được in ở đâu trong báo cáo. Thêm {{reference}} vào lời văn, hoặc xóa chỉ tiêu nếu không cần.',
    },
  },
  check(context, report) {
    const used = new Set(context.references.map(({ reference }) => referencedKey(reference)));
    for (const input of context.input.figures) {
      for (const ref of [...(input.sum ?? []), ...(input.product ?? []), ...(input.ratio ?? []), ...(input.ofWhich ?? [])]) used.add(ref.key);
      if (input.restates) used.add(input.restates.key);
    }
    for (const input of context.input.figures) {
      // In a draft, a figure still to fill is printed by texts still to fill as well.
      if (used.has(input.key) || context.input.draft?.figures.has(input.key)) continue;
      report({ messageId: 'unused', data: { name: input.name ?? input.key, key: input.key, reference: `{{${input.key}}}` }, identity: { key: input.key }, place: input.place });
    }
  },
};
