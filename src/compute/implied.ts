import { Decimal } from '../decimal.js';
import type { Quantity } from '../vietnamese/number.js';
import { derivedBound, quotientDirections, type Direction } from './bounds.js';
import { printed, printedRange, type Figure } from './figures.js';
import { divide, scale, shift, subtract, type Interval } from './interval.js';
import { isRate } from './units.js';

/** A plan or cùng kỳ the data does not state but implies, through a stated share of plan or change. */
export interface ImpliedValue {
  /** Worked back from the printed figures, unrounded. */
  value: Decimal;
  /** Every value the stated figures allow, given how each was rounded. */
  interval: Interval;
  /** What to print: `value` rounded where the stated figures stop telling (see roundedToWhatIsKnown). */
  quantity: Quantity;
}

const HUNDREDTH = new Decimal('0.01');
const ONE = new Decimal(1);

/** The plan a stated share of plan implies: 663,8 tỷ đồng at 102% → about 651 tỷ đồng. */
export function impliedPlan(figure: Figure): ImpliedValue | undefined {
  const share = figure.planShare.stated;
  if (figure.plan || !share || share.quantity.value.isZero()) return undefined;
  const factor = share.quantity.value.times(HUNDREDTH);
  const divisor = scale(share.interval, HUNDREDTH);
  return implied(figure, share.quantity, {
    work: (value) => value.div(factor),
    bounds: (range) => divide(range, divisor),
    directions: (range) => quotientDirections(range, divisor),
  });
}

/**
 * The cùng kỳ a stated change implies: 530 trẻ, tăng 15 trẻ → 515 trẻ; 8.215 tạ, giảm 19,7% →
 * about 10.230 tạ. A rate's change written in % (tang_giam) implies nothing: it may be a % of
 * the rate or percentage points (the percentage-points rule).
 */
export function impliedLastYear(figure: Figure): ImpliedValue | undefined {
  if (figure.lastYear) return undefined;
  const amount = figure.changeAmount.stated;
  if (amount) {
    return implied(figure, amount.quantity, {
      work: (value) => value.minus(amount.quantity.value),
      bounds: (range) => subtract(range, amount.interval),
      directions: () => [1, -1],
    });
  }
  const change = figure.change.stated;
  if (!change || isRate(figure)) return undefined;
  const factor = change.quantity.value.times(HUNDREDTH).plus(ONE);
  if (factor.isZero()) return undefined;
  const divisor = shift(scale(change.interval, HUNDREDTH), ONE);
  return implied(figure, change.quantity, {
    work: (value) => value.div(factor),
    bounds: (range) => divide(range, divisor),
    directions: (range) => quotientDirections(range, divisor),
  });
}

/** How an implied value is worked back from the figure's own value and one stated number. */
interface Derivation {
  work: (value: Decimal) => Decimal;
  bounds: (range: Interval) => Interval | undefined;
  /** How the result moves with the figure's value, and with the stated number. */
  directions: (range: Interval) => [Direction, Direction];
}

function implied(figure: Figure, stated: Quantity, { work, bounds, directions }: Derivation): ImpliedValue | undefined {
  const own = printed(figure.value);
  const range = printedRange(figure.value);
  // A divisor whose range reaches zero (a change of about −100%) bounds nothing; nor does a
  // bound with an open end ("trên 20", "đạt trên 100%"): there is no place to round it to.
  const interval = range && bounds(range);
  if (!own || !interval || !interval.lo.isFinite() || !interval.hi.isFinite()) return undefined;
  // Worked back from "khoảng 186.000" or "gần 1.900", it is said with the same word.
  const [withOwn, withStated] = directions(range);
  const bound = derivedBound([
    { bound: own.bound, direction: withOwn },
    { bound: stated.bound, direction: withStated },
  ]);
  if (bound === 'uncertain') return undefined;
  const value = work(own.value);
  return { value, interval, quantity: { ...roundedToWhatIsKnown(value, interval, own.decimals), ...(bound ? { bound } : {}) } };
}

/**
 * `value` rounded at the place of the leading digit of the interval's half-width: the last digit
 * printed is the first one the rounding of the stated figures leaves uncertain (8.215 tạ, giảm
 * 19,7%: cùng kỳ 10.223,4–10.237,4, ±7 → 10.230). Never finer than the figure's own value is
 * written, so an exact result (530 − 15) prints as the figure does: 515.
 */
function roundedToWhatIsKnown(value: Decimal, interval: Interval, ownDecimals: number): Quantity {
  const halfWidth = interval.hi.minus(interval.lo).div(2);
  const place = halfWidth.isZero() ? -ownDecimals : Math.max(-ownDecimals, halfWidth.e);
  if (place <= 0) return { value, decimals: -place, minIntegerDigits: 1 };
  const unit = new Decimal(10).pow(place);
  return { value: value.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit), decimals: 0, minIntegerDigits: 1 };
}
