import { consistent } from '../compute/interval.js';
import type { Figure, Formula, Measure } from '../compute/figures.js';
import { differenceUnit } from '../compute/units.js';
import { formatWithUnit } from '../vietnamese/number.js';
import type { ReportFinding, RuleContext } from './rule.js';

type Aspect = 'value' | 'planShare' | 'change' | 'changeAmount';

const ASPECT_WORDS: Record<Aspect, string> = {
  value: 'giá trị',
  planShare: 'tỷ lệ so với kế hoạch',
  change: 'mức tăng/giảm so với cùng kỳ',
  changeAmount: 'mức chênh lệch so với cùng kỳ',
};

const FORMULA_WORDS: Record<Formula, string> = {
  sum: 'tổng các thành phần',
  product: 'tích các thừa số',
  ratio: 'phép chia',
  restated: 'nơi khác nêu',
  'plan-share': 'tính từ kế hoạch',
  change: 'tính từ số cùng kỳ',
  'change-amount': 'tính từ số cùng kỳ',
};

function unitOf(figure: Figure, aspect: Aspect): string {
  if (aspect === 'planShare' || aspect === 'change') return '%';
  return aspect === 'changeAmount' ? differenceUnit(figure.unit) : figure.unit;
}

/** The message of every rule that compares a stated value with its computation. */
export const STATED_AGAINST_DERIVED_MESSAGES = {
  mismatch: '"{{name}}" ({{key}}): {{aspect}} ghi {{stated}}, nhưng {{formula}} là {{derived}}. Báo cáo in số đã ghi; kiểm tra lại số liệu nguồn.',
};

/**
 * Finds every stated value whose derived counterpart, obtained by one of `formulas`,
 * cannot be the same number given how both were rounded. Shared by the rules that
 * compare a stated figure with its computation; each rule picks its formulas.
 */
export function statedAgainstDerived(context: RuleContext, formulas: readonly Formula[], report: ReportFinding): void {
  for (const figure of context.figures.values()) {
    for (const aspect of Object.keys(ASPECT_WORDS) as Aspect[]) {
      const measure: Measure = figure[aspect];
      const { stated, derived } = measure;
      if (!stated || !derived || !formulas.includes(derived.formula)) continue;
      if (consistent(stated.interval, derived.interval)) continue;
      const unit = unitOf(figure, aspect);
      const shown = { ...derived.quantity, decimals: Math.max(stated.quantity.decimals, derived.quantity.decimals) };
      report({
        messageId: 'mismatch',
        data: {
          name: figure.name,
          key: figure.key,
          aspect: ASPECT_WORDS[aspect],
          stated: formatWithUnit(stated.quantity, unit),
          formula: FORMULA_WORDS[derived.formula],
          derived: formatWithUnit(shown, unit),
        },
        place: stated.place,
        related: derived.inputs,
      });
    }
  }
}
