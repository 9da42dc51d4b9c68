import { printed, printedRange } from '../../compute/figures.js';
import { isRate } from '../../compute/units.js';
import { formatWithUnit } from '../../vietnamese/number.js';
import type { Rule } from '../rule.js';

export const shareRange: Rule = {
  meta: {
    id: 'share-range',
    description: 'Một tỷ lệ phần trăm của bộ phận trên tổng thể (chia, đơn vị %) phải nằm trong khoảng 0–100%.',
    defaultSeverity: 'error',
    page: {
      checks: [
        'Một tỷ lệ `%` tính bằng `chia` là phần trên tổng thể (trẻ ra lớp trên trẻ trong độ tuổi, hộ nghèo trên tổng số hộ), nên phải nằm trong khoảng 0–100%. Quá 100% thường là tử số và mẫu số đổi chỗ, hay tử số không thuộc mẫu số.',
      ],
      rounding: [
        'Quy tắc xét khoảng của số in ra, nên một tỷ lệ có thể là 100% khi tính cả làm tròn thì không bị báo. Ví dụ Thanh Hà: 113/235 = 48,09% là trong khoảng. Nếu viết nhầm `chia: [mam_non_tre_do_tuoi_nha_tre, mam_non_tre_nha_tre_ra_lop]` và không ghi `gia_tri`, báo cáo in 235 / 113 = 207,96%: lỗi.',
      ],
      fix: [
        'Kiểm tra thứ tự trong `chia` (tử số trước, mẫu số sau) và số liệu của hai chỉ tiêu. Nếu chỉ tiêu không phải phần trên tổng thể (một tỷ lệ so sánh, có thể quá 100%), ghi nó bằng `gia_tri` không kèm `chia`.',
      ],
    },
    messages: {
      outOfRange:
        '"{{name}}" [{{key}}] là {{value}}, ngoài khoảng 0–100% của một tỷ lệ bộ phận trên tổng thể. ' +
        'Kiểm tra tử số "{{numerator}}" và mẫu số "{{denominator}}": tử số không thể lớn hơn mẫu số.',
    },
  },
  check(context, report) {
    for (const input of context.input.figures) {
      const figure = context.figures.get(input.key);
      if (!figure || !input.ratio || !isRate(figure)) continue;
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
