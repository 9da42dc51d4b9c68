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
        'Số đếm (đơn vị có `dem: true` trong bảng đơn vị: hộ, người, trẻ, vụ, hồ sơ, đồng chí...) phải là số nguyên không âm, ở giá trị, kế hoạch và số cùng kỳ. Số đo (km, ha, tấn, MW, triệu đồng), tỷ lệ và đơn vị ghép (người/hộ) không phải số đếm: 12,5 km, 85,6 ha, 2,5 MW là được.',
      ],
      rounding: [
        'Không có làm tròn ở đây: một số đếm viết nguyên là số chính xác (113 cháu là đúng 113), nên 81,5 trẻ không phải một số đã làm tròn mà là một số sai. Một đơn vị không có trong bảng đơn vị không được coi là số đếm (chương trình cảnh báo tại don_vi của nó).',
      ],
      fix: [
        'Sửa số liệu. Nếu đây không phải số đếm mà là số đo (tấn, ha, triệu đồng), sửa `don_vi`, hoặc bỏ `dem: true` của đơn vị đó trong data/don-vi.yaml; một số bình quân có đơn vị với dấu `/` (người/hộ) không bị coi là số đếm.',
      ],
    },
    messages: {
      notWhole:
        '{{field}} của "{{name}}" [{{key}}] là {{value}}, nhưng "{{unit}}" là đơn vị đếm: số phải nguyên và không âm. Sửa số liệu, hoặc sửa don_vi nếu đây không phải số đếm.',
    },
  },
  check(context, report) {
    for (const input of context.input.figures) {
      const figure = context.figures.get(input.key);
      if (!figure || !isCount(figure)) continue;
      for (const [field, name] of Object.entries(WHERE) as [keyof typeof WHERE, string][]) {
        const number = input[field];
        if (!number) continue;
        const { value } = number.quantity;
        if (value.isInteger() && !value.isNegative()) continue;
        report({
          messageId: 'notWhole',
          data: { field: name, name: figure.name, key: input.key, value: formatWithUnit(number.quantity, figure.unit), unit: figure.unit },
          place: number.place,
        });
      }
    }
  },
};
