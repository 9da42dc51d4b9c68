import { printed, printedRange } from '../../compute/figures.js';
import { isPercent } from '../../compute/units.js';
import { formatWithUnit } from '../../vietnamese/number.js';
import type { Rule } from '../rule.js';

export const shareRange: Rule = {
  meta: {
    id: 'share-range',
    description: 'Một tỷ lệ phần trăm của bộ phận trên tổng thể (chia, đơn vị %) phải nằm trong khoảng 0–100%.',
    defaultSeverity: 'error',
    messages: {
      outOfRange:
        '"{{name}}" [{{key}}] là {{value}}, ngoài khoảng 0–100% của một tỷ lệ bộ phận trên tổng thể. ' +
        'Kiểm tra tử số "{{numerator}}" và mẫu số "{{denominator}}": tử số không thể lớn hơn mẫu số.',
    },
  },
  check(context, report) {
    for (const input of context.input.figures) {
      const figure = context.figures.get(input.key);
      if (!figure || !input.ratio || !isPercent(figure.unit)) continue;
      const range = printedRange(figure.value);
      const value = printed(figure.value);
      if (!range || !value || (range.hi.gte(0) && range.lo.lte(100))) continue;
      const [numerator, denominator] = input.ratio;
      report({
        messageId: 'outOfRange',
        data: { name: figure.name, key: figure.key, value: formatWithUnit(value, '%'), numerator: numerator!.key, denominator: denominator!.key },
        place: figure.value.stated?.place ?? figure.place,
        related: input.ratio.map((ref) => context.figures.get(ref.key)?.value.stated?.place ?? ref.place),
      });
    }
  },
};
