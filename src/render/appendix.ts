import { Decimal } from '../decimal.js';
import { printed, type Figure } from '../compute/figures.js';
import { sum } from '../compute/exact.js';
import { isPercent } from '../compute/units.js';
import type { YearInput } from '../validate/input.js';
import { formatNumber, type Quantity } from '../vietnamese/number.js';

/** The columns of the table of key indicators (biểu chỉ tiêu chủ yếu), after the indicator's name and unit. */
export const INDICATOR_COLUMNS = ['Kế hoạch', 'Thực hiện', '% kế hoạch', 'Cùng kỳ', '% so cùng kỳ'] as const;

export interface IndicatorRow {
  name: string;
  unit: string;
  /** One per INDICATOR_COLUMNS, in Vietnamese number format; '' where the data does not give the figure. */
  values: string[];
}

const HUNDRED = new Decimal(100);

/** A figure is key by default when the report compares it with a plan or with last year. */
function isKeyByDefault(figure: Figure): boolean {
  return [figure.plan, printed(figure.planShare), figure.lastYear, printed(figure.change), printed(figure.changeAmount)].some(Boolean);
}

const shown = (quantity: Quantity | undefined) => (quantity ? formatNumber(quantity) : '');

/**
 * The rows of the appendix table, in the report's order: each key figure with its plan,
 * value, share of plan, cùng kỳ and value as a % of cùng kỳ. Computed from the data, never
 * typed; a figure the data does not give is an empty cell. A restatement is not a row of its own.
 */
export function indicatorRows(input: YearInput, figures: ReadonlyMap<string, Figure>): IndicatorRow[] {
  return input.figures.flatMap((figureInput): IndicatorRow[] => {
    const figure = figures.get(figureInput.key);
    if (!figure || figure.restates || !(figureInput.inAppendix ?? isKeyByDefault(figure))) return [];
    const change = printed(figure.change);
    // "% so cùng kỳ" of a rate would mix % with percentage points: left empty.
    const ofLastYear = change && !isPercent(figure.unit) ? { ...change, value: sum(change.value, HUNDRED), minIntegerDigits: 1 } : undefined;
    return [
      {
        name: figure.name,
        unit: figure.unit,
        values: [figure.plan?.quantity, printed(figure.value), printed(figure.planShare), figure.lastYear?.quantity, ofLastYear].map(shown),
      },
    ];
  });
}
