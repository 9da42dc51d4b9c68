import { Decimal } from '../../decimal.js';
import { printed, printedRange, type Figure } from '../../compute/figures.js';
import { add, point, scale, type Interval } from '../../compute/interval.js';
import { derivedBound } from '../../compute/bounds.js';
import { product, sum } from '../../compute/exact.js';
import { conversionFactor } from '../../compute/units.js';
import { formatWithUnit, type BoundWord } from '../../vietnamese/number.js';
import type { Rule } from '../rule.js';

/**
 * The sum of the named parts in the whole's unit (parts may be in triệu đồng, the whole in tỷ
 * đồng), with the bound its parts give it; undefined when a part cannot be converted: another
 * dimension (reported when computed), or a unit the table lacks.
 */
function partsTotal(whole: Figure): { value: Decimal; range: Interval; bound?: BoundWord } | undefined {
  let value = new Decimal(0);
  let range = point(value);
  const bounds: (BoundWord | undefined)[] = [];
  for (const { figure } of whole.ofWhich) {
    const partValue = printed(figure.value);
    const partRange = printedRange(figure.value);
    if (!partValue || !partRange) return undefined;
    const factor = conversionFactor(figure, whole);
    if (!factor) return undefined;
    value = sum(value, product(partValue.value, factor));
    range = add(range, scale(partRange, factor));
    bounds.push(partValue.bound);
  }
  const bound = derivedBound(bounds.map((b) => ({ bound: b, direction: 1 })));
  return { value, range, bound: bound === 'uncertain' ? undefined : bound };
}

export const partExceedsWhole: Rule = {
  meta: {
    id: 'part-exceeds-whole',
    description: 'Các phần nêu "trong đó" (trong_do) cộng lại không được lớn hơn chỉ tiêu chứa chúng.',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Một chỉ tiêu có `trong_do: [a, ...]` nêu một vài phần của nó ("449 trẻ mẫu giáo, trong đó 408 trẻ có hộ khẩu tại địa phương"). Các phần không cần cộng đủ thành chỉ tiêu, nhưng cộng lại không được lớn hơn nó.',
      ],
      rounding: [
        'Quy tắc chỉ báo khi chắc chắn: khi cận dưới của tổng các phần đã lớn hơn cận trên của chỉ tiêu. 70,1 tỷ đồng (70,05 đến dưới 70,15) trong đó 70,2 tỷ là lỗi; trong đó 70,14 tỷ thì không, vì cả hai có thể là 70,14. Số đếm thì chính xác: 408 trẻ có hộ khẩu trong 449 trẻ mẫu giáo của Thanh Hà là khớp; 450 thì lỗi.',
      ],
      fix: [
        'Kiểm tra số của phần và của chỉ tiêu chứa nó: thường là nhầm chỉ tiêu hay thiếu, thừa một chữ số. Nếu phần đó thực ra không nằm trong chỉ tiêu, bỏ nó khỏi `trong_do`.',
      ],
    },
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
      const shownParts = formatWithUnit({ value: parts.value, decimals: wholeValue.decimals, minIntegerDigits: 1, bound: parts.bound }, whole.unit);
      report({
        messageId: 'exceeds',
        data: { name: whole.name, key: whole.key, whole: formatWithUnit(wholeValue, whole.unit), parts: names, partsTotal: shownParts },
        place: whole.value.stated?.place ?? whole.place,
        related: whole.ofWhich.map(({ figure }) => figure.value.stated?.place ?? figure.place),
      });
    }
  },
};
