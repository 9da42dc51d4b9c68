import { Decimal } from '../../decimal.js';
import { printed, printedRange, type Figure } from '../../compute/figures.js';
import { add, point, scale, type Interval } from '../../compute/interval.js';
import { conversionFactor } from '../../compute/units.js';
import { formatWithUnit } from '../../vietnamese/number.js';
import type { Rule } from '../rule.js';

/** The sum of the named parts in the whole's unit (parts may be in triệu đồng, the whole in tỷ đồng); undefined when a part measures something else. */
function partsTotal(whole: Figure): { value: Decimal; range: Interval } | undefined {
  let value = new Decimal(0);
  let range = point(value);
  for (const { figure } of whole.ofWhich) {
    const partValue = printed(figure.value);
    const partRange = printedRange(figure.value);
    if (!partValue || !partRange) return undefined;
    const factor = conversionFactor(figure.unit, whole.unit);
    if (!factor) return undefined;
    value = value.plus(partValue.value.times(factor));
    range = add(range, scale(partRange, factor));
  }
  return { value, range };
}

export const partExceedsWhole: Rule = {
  meta: {
    id: 'part-exceeds-whole',
    description: 'Các phần nêu "trong đó" (trong_do) cộng lại không được lớn hơn chỉ tiêu chứa chúng.',
    defaultSeverity: 'error',
    messages: {
      exceeds:
        '"{{name}}" [{{key}}] ghi {{whole}}, nhỏ hơn phần "trong đó" {{parts}} là {{partsTotal}}. Một phần không thể lớn hơn toàn bộ: kiểm tra lại hai số liệu.',
    },
  },
  check(context, report) {
    for (const whole of context.figures.values()) {
      const wholeValue = printed(whole.value);
      const wholeRange = printedRange(whole.value);
      const parts = whole.ofWhich.length > 0 ? partsTotal(whole) : undefined;
      if (!wholeValue || !wholeRange || !parts) continue;
      const { lo, loOpen } = parts.range;
      if (lo.lt(wholeRange.hi) || (lo.eq(wholeRange.hi) && !loOpen && !wholeRange.hiOpen)) continue;
      const names = whole.ofWhich.map(({ figure }) => `"${figure.name}"`).join(', ');
      const shownParts = formatWithUnit({ value: parts.value, decimals: wholeValue.decimals, minIntegerDigits: 1 }, whole.unit);
      report({
        messageId: 'exceeds',
        data: { name: whole.name, key: whole.key, whole: formatWithUnit(wholeValue, whole.unit), parts: names, partsTotal: shownParts },
        place: whole.value.stated?.place ?? whole.place,
        related: whole.ofWhich.map(({ figure }) => figure.value.stated?.place ?? figure.place),
      });
    }
  },
};
