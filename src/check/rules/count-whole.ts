import { isCount } from '../../compute/units.js';
import { formatWithUnit } from '../../vietnamese/number.js';
import type { Rule } from '../rule.js';

const WHERE = { value: 'gia_tri', plan: 'ke_hoach', lastYear: 'cung_ky' } as const;

export const countWhole: Rule = {
  meta: {
    id: 'count-whole',
    description: 'Số đếm (hộ, người, vụ, hồ sơ...) phải là số nguyên không âm.',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Số đếm (hộ, người, trẻ, vụ, hồ sơ, đồng chí...: mọi đơn vị không phải tiền, khối lượng, diện tích, độ dài, thể tích, thời gian, không phải `%` và không có dấu `/`) phải là số nguyên không âm, ở giá trị, kế hoạch và số cùng kỳ.',
      ],
      rounding: [
        'Không có làm tròn ở đây: một số đếm viết nguyên là số chính xác (113 cháu là đúng 113), nên 81,5 trẻ không phải một số đã làm tròn mà là một số sai. Đơn vị có bậc (nghìn người) không phải đơn vị đếm: 9,8 nghìn người là được.',
      ],
      fix: [
        'Sửa số liệu. Nếu đây không phải số đếm mà là số đo (tấn, ha, triệu đồng), sửa `don_vi`; một số bình quân có đơn vị với dấu `/` (người/hộ) không bị coi là số đếm.',
      ],
    },
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
