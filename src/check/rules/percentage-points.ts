import { isRate } from '../../compute/units.js';
import { formatWithUnit } from '../../vietnamese/number.js';
import type { Rule } from '../rule.js';

export const percentagePoints: Rule = {
  meta: {
    id: 'percentage-points',
    description: 'Mức thay đổi của một tỷ lệ (%) nên tính bằng điểm phần trăm (chenh_lech), không bằng % (tang_giam).',
    defaultSeverity: 'warning',
    page: {
      checks: [
        'Một chỉ tiêu là tỷ lệ (`%`) mà ghi `tang_giam` (mức tăng, giảm tính bằng %): người đọc không biết đó là % của chính tỷ lệ, hay hiệu hai tỷ lệ (điểm phần trăm). Tỷ lệ hộ nghèo từ 2,1% xuống 1,8% là "giảm 0,3 điểm phần trăm", mà cũng là "giảm 14,3%".',
      ],
      rounding: [
        'Quy tắc không so hai số nên không xét làm tròn; nó chỉ ra hai cách hiểu. Báo cáo Thanh Hà ghi tỷ lệ trẻ nhà trẻ ra lớp 48,07%, "tăng 7% so với cùng kỳ" (`giao-duc.yaml:38`): nếu là 7 điểm phần trăm thì năm trước là 41,07%; nếu là 7% của tỷ lệ cũ thì năm trước là 48,07 / 1,07 = 44,93%. Vì không rõ, phụ lục không suy ra số cùng kỳ của chỉ tiêu này.',
      ],
      fix: [
        'Nếu là hiệu hai tỷ lệ (thường là vậy), ghi `chenh_lech: 7` thay cho `tang_giam: 7`: `{{tang_giam ...}}` in "tăng 7 điểm phần trăm". Nếu đúng là % của tỷ lệ cũ, giữ `tang_giam` và tắt quy tắc này trong `data/kiem-tra.yaml`.',
      ],
    },
    messages: {
      percentOfRate:
        '"{{name}}" [{{key}}] là một tỷ lệ, mà tang_giam ghi {{percent}}: người đọc không biết đó là {{percent}} của tỷ lệ cũ hay {{points}}. ' +
        'Nếu là hiệu hai tỷ lệ, ghi chenh_lech (in ra "điểm phần trăm") thay cho tang_giam.',
    },
  },
  check(context, report) {
    for (const figure of context.figures.values()) {
      const change = figure.change.stated;
      if (!change || !isRate(figure) || figure.restates) continue;
      report({
        messageId: 'percentOfRate',
        data: {
          name: figure.name,
          key: figure.key,
          percent: formatWithUnit(change.quantity, '%'),
          points: formatWithUnit(change.quantity, 'điểm phần trăm'),
        },
        place: change.place,
      });
    }
  },
};
