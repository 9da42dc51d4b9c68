import { consistent } from '../compute/interval.js';
import { printed, type DerivedValue, type Figure, type Formula, type Measure, type StatedValue } from '../compute/figures.js';
import { differenceUnit } from '../compute/units.js';
import { formatNumber, formatWithUnit, type Quantity } from '../vietnamese/number.js';
import type { ReportFinding, RuleContext } from './rule.js';

type Aspect = 'value' | 'planShare' | 'overPlan' | 'planDifference' | 'change' | 'changeAmount';

const ASPECT_WORDS: Record<Aspect, string> = {
  value: 'giá trị',
  planShare: 'tỷ lệ so với kế hoạch',
  overPlan: 'mức vượt kế hoạch',
  planDifference: 'mức chênh lệch so với kế hoạch',
  change: 'mức tăng/giảm so với cùng kỳ',
  changeAmount: 'mức chênh lệch so với cùng kỳ',
};

const FORMULA_WORDS: Record<Formula, string> = {
  sum: 'tổng các thành phần',
  product: 'tích các thừa số',
  ratio: 'phép chia',
  restated: 'nơi khác nêu',
  'plan-share': 'tính từ kế hoạch',
  'over-plan': 'tính từ tỷ lệ so với kế hoạch',
  'plan-difference': 'tính từ kế hoạch',
  change: 'tính từ số cùng kỳ',
  'change-amount': 'tính từ số cùng kỳ',
};

function unitOf(figure: Figure, aspect: Aspect): string {
  if (aspect === 'planShare' || aspect === 'overPlan' || aspect === 'change') return '%';
  return aspect === 'changeAmount' || aspect === 'planDifference' ? differenceUnit(figure) : figure.unit;
}

/**
 * The message of every rule that compares a stated value with its computation: the figure by
 * its name (the code in brackets, for whoever keeps the data), what was written and the range
 * it stands for, and the computation with its figures.
 */
export const STATED_AGAINST_DERIVED_MESSAGES = {
  mismatch: '"{{name}}" [{{key}}]: {{aspect}} ghi {{stated}}{{range}}, nhưng {{formula}} {{computation}}{{derived}}. Báo cáo in số đã ghi; kiểm tra lại số liệu nguồn.',
};

const OPERATORS: Partial<Record<Formula, string>> = { sum: ' + ', product: ' × ', ratio: '/' };

/**
 * A computed value as the reasoning saw it: one digit finer than the stated value where the
 * computation has more, with "…" where it has more still (113/235 = 48,085…%).
 */
function reasoned(quantity: Quantity, unit: string, statedDecimals: number): string {
  const exact = quantity.value.decimalPlaces();
  const decimals = Math.min(exact, Math.max(statedDecimals + 1, quantity.decimals));
  const shown = { ...quantity, decimals };
  const number = formatNumber(shown);
  return exact > decimals ? formatWithUnit(shown, unit).replace(number, `${number}…`) : formatWithUnit(shown, unit);
}

/**
 * The range a rounded stated value stands for, as `(48,065–48,075)`, or a bounded one, as
 * `(1.764–1.960)` for "gần 1.960"; nothing for an exact count, nor where the bound's word says
 * it all ("trên 20" has no upper end).
 */
function rangeOf(stated: StatedValue): string {
  const { lo, hi } = stated.interval;
  if (lo.eq(hi) || !lo.isFinite() || !hi.isFinite()) return '';
  const decimals = Math.max(lo.decimalPlaces(), hi.decimalPlaces());
  const bound = (value: Quantity['value']) => formatNumber({ value, decimals, minIntegerDigits: 1 });
  return ` (${bound(lo)}–${bound(hi)})`;
}

/** The figures a total, product or ratio is computed from, as `113/235 = `: with their units when they differ. */
function computationOf(context: RuleContext, figure: Figure, derived: DerivedValue): string {
  const operator = OPERATORS[derived.formula];
  const input = context.input.figures.find((f) => f.key === figure.key);
  const refs = derived.formula === 'sum' ? input?.sum : derived.formula === 'product' ? input?.product : input?.ratio;
  const operands = (refs ?? []).map((ref) => context.figures.get(ref.key));
  const values = operands.map((operand) => operand && printed(operand.value));
  if (!operator || operands.length === 0 || values.some((v) => !v)) return 'là ';
  const sameUnit = operands.every((o) => o!.unit === operands[0]!.unit);
  return `${values.map((v, i) => (sameUnit ? formatNumber(v!) : formatWithUnit(v!, operands[i]!.unit))).join(operator)} = `;
}

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
      const identity = { key: figure.key, aspect, stated: formatWithUnit(stated.quantity, unit), derived: formatWithUnit(derived.quantity, unit) };
      report({
        messageId: 'mismatch',
        data: {
          name: figure.name,
          key: figure.key,
          aspect: ASPECT_WORDS[aspect],
          stated: identity.stated,
          range: rangeOf(stated),
          formula: FORMULA_WORDS[derived.formula],
          computation: computationOf(context, figure, derived),
          derived: reasoned(derived.quantity, unit, stated.quantity.decimals),
        },
        identity,
        place: stated.place,
        related: derived.inputs,
      });
    }
  }
}
