import { isCount } from '../../compute/units.js';
import { formatWithUnit } from '../../vietnamese/number.js';
import type { Rule } from '../rule.js';

const WHERE = { value: 'gia_tri', plan: 'ke_hoach', lastYear: 'cung_ky' } as const;

export const countWhole: Rule = {
  meta: {
    id: 'count-whole',
    description: 'Số đếm (hộ, người, vụ, hồ sơ...) phải là số nguyên không âm.',
    defaultSeverity: 'error',
    messages: {
      notWhole:
        '{{field}} của "{{name}}" [{{key}}] là {{value}}, nhưng "{{unit}}" là đơn vị đếm: số phải nguyên và không âm. Sửa số liệu, hoặc sửa don_vi nếu đây không phải số đếm.',
    },
  },
  check(context, report) {
    for (const input of context.input.figures) {
      const unit = input.unit ?? context.figures.get(input.key)?.unit ?? '';
      if (!isCount(unit)) continue;
      for (const [field, name] of Object.entries(WHERE) as [keyof typeof WHERE, string][]) {
        const number = input[field];
        if (!number) continue;
        const { value } = number.quantity;
        if (value.isInteger() && !value.isNegative()) continue;
        report({
          messageId: 'notWhole',
          data: { field: name, name: input.name ?? input.key, key: input.key, value: formatWithUnit(number.quantity, unit), unit },
          place: number.place,
        });
      }
    }
  },
};
