import { Decimal } from '../decimal.js';
import { printed, type Figure } from '../compute/figures.js';
import { product, quotient, sum } from '../compute/exact.js';
import { impliedLastYear, impliedPlan } from '../compute/implied.js';
import { isRate } from '../compute/units.js';
import type { FigureInput, YearInput } from '../validate/input.js';
import { formatNumber, type Quantity } from '../vietnamese/number.js';

/** The columns of the table of key indicators (biểu chỉ tiêu chủ yếu), after the indicator's name and unit. */
export const INDICATOR_COLUMNS = ['Kế hoạch', 'Thực hiện', '% kế hoạch', 'Cùng kỳ', '% so cùng kỳ'] as const;
export const LAST_YEAR_COLUMN = INDICATOR_COLUMNS.indexOf('Cùng kỳ');

export interface IndicatorCell {
  /** In Vietnamese number format; '' where the data neither gives nor implies the figure. */
  text: string;
  /** A plan or cùng kỳ worked back from a stated share of plan or change, not given by the data. */
  implied: boolean;
}

export interface IndicatorRow {
  name: string;
  unit: string;
  /** One per INDICATOR_COLUMNS. */
  values: IndicatorCell[];
}

/** Said under the table when a cell is implied: how to read an italic figure. */
export const IMPLIED_NOTE =
  'số in nghiêng là kế hoạch, cùng kỳ tính ngược từ tỷ lệ % kế hoạch hoặc mức tăng, giảm đã nêu trong báo cáo, ' +
  'làm tròn đến chữ số mà độ chính xác của các số đã nêu cho phép.';

const HUNDRED = new Decimal(100);
/** A "% so cùng kỳ" computed here is printed as the report prints its changes: 102,9. */
const PERCENT_DECIMALS = 1;

const cell = (quantity: Quantity | undefined, implied = false): IndicatorCell => ({ text: quantity ? formatNumber(quantity) : '', implied: implied && quantity !== undefined });

/** The row's cells: what the data gives, else what it implies. */
function cells(figure: Figure, input: FigureInput): IndicatorCell[] {
  const value = printed(figure.value);
  const plan = impliedPlan(figure);
  const lastYear = impliedLastYear(figure);
  const change = printed(figure.change);
  const lastYearValue = figure.lastYear?.quantity.value ?? lastYear?.value;
  // "% so cùng kỳ" of a rate would mix % with percentage points: left empty. A bounded value
  // ("trên 20") shows it only through its change, which carries the bound.
  const ofLastYear = isRate(figure)
    ? undefined
    : change
      ? { ...change, value: sum(change.value, HUNDRED), minIntegerDigits: 1 }
      : value && !value.bound && lastYearValue && !lastYearValue.isZero()
        ? { value: product(quotient(value.value, lastYearValue), HUNDRED), decimals: input.digits ?? PERCENT_DECIMALS, minIntegerDigits: 1 }
        : undefined;
  return [
    cell(figure.plan?.quantity ?? plan?.quantity, !figure.plan),
    cell(value),
    cell(printed(figure.planShare)),
    cell(figure.lastYear?.quantity ?? lastYear?.quantity, !figure.lastYear),
    cell(ofLastYear),
  ];
}

/**
 * The rows of the appendix table, in the report's order: each key figure with its plan,
 * value, share of plan, cùng kỳ and value as a % of cùng kỳ, computed from the data, never
 * typed. A plan or cùng kỳ the data implies is filled in. A figure is key when the table
 * shows one of its comparisons, or when the data says so (chu_yeu); a restatement is not a
 * row of its own.
 */
export function indicatorRows(input: YearInput, figures: ReadonlyMap<string, Figure>): IndicatorRow[] {
  return input.figures.flatMap((figureInput): IndicatorRow[] => {
    const figure = figures.get(figureInput.key);
    if (!figure || figure.restates) return [];
    const values = cells(figure, figureInput);
    const [plan, , planShare, lastYear, ofLastYear] = values;
    const compared = [plan, planShare, lastYear, ofLastYear].some((c) => c!.text !== '');
    return (figureInput.inAppendix ?? compared) ? [{ name: figure.name, unit: figure.unit, values }] : [];
  });
}
