import { isPercent } from '../../compute/units.js';
import { formatWithUnit } from '../../vietnamese/number.js';
import type { Rule } from '../rule.js';

export const percentagePoints: Rule = {
  meta: {
    id: 'percentage-points',
    description: 'Mức thay đổi của một tỷ lệ (%) nên tính bằng điểm phần trăm (chenh_lech), không bằng % (tang_giam).',
    defaultSeverity: 'warning',
    messages: {
      percentOfRate:
        '"{{name}}" [{{key}}] là một tỷ lệ, mà tang_giam ghi {{percent}}: người đọc không biết đó là {{percent}} của tỷ lệ cũ hay {{points}}. ' +
        'Nếu là hiệu hai tỷ lệ, ghi chenh_lech (in ra "điểm phần trăm") thay cho tang_giam.',
    },
  },
  check(context, report) {
    for (const figure of context.figures.values()) {
      const change = figure.change.stated;
      if (!change || !isPercent(figure.unit) || figure.restates) continue;
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
