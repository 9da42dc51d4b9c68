import { Decimal } from '../decimal.js';
import { difference, product, quotient, sum } from './exact.js';

/**
 * The range of true values a written figure can stand for. `663,8` written to one decimal
 * stands for [663,75; 663,85): half-up rounding sends 663,85 to 663,9, so that end is open.
 * A count written as `113` stands for exactly 113.
 */
export interface Interval {
  lo: Decimal;
  hi: Decimal;
  /** Whether `lo` itself is outside the range. */
  loOpen: boolean;
  /** Whether `hi` itself is outside the range. */
  hiOpen: boolean;
}

/** One end of a range: its value and whether the value itself is excluded. */
interface Bound {
  value: Decimal;
  open: boolean;
}

function fromBounds(lo: Bound, hi: Bound): Interval {
  return { lo: lo.value, hi: hi.value, loOpen: lo.open, hiOpen: hi.open };
}

export function point(value: Decimal): Interval {
  return { lo: value, hi: value, loOpen: false, hiOpen: false };
}

/**
 * What `value`, rounded half away from zero (as people and Decimal.ROUND_HALF_UP round)
 * with `halfWidth` = ½ unit in the last place, stands for: 2,9 → [2,85; 2,95),
 * −2,9 → (−2,95; −2,85], 0 → (−0,05; 0,05).
 */
export function rounded(value: Decimal, halfWidth: Decimal): Interval {
  return {
    lo: difference(value, halfWidth),
    hi: sum(value, halfWidth),
    loOpen: value.lte(0),
    hiOpen: value.gte(0),
  };
}

/** Half a unit in the last written place: ½·10^−decimals. */
export function roundingHalfWidth(decimals: number): Decimal {
  return product(new Decimal(10).pow(-decimals), new Decimal('0.5'));
}

// Sums and products of ranges are exact (src/compute/exact.ts); the ends of a quotient's range
// are rounded to 50 significant digits, far below any rounding a written figure stands for.
// An end may be infinite (a bound, "trên 20"): a lower end is never +∞ nor an upper end −∞, so
// sums stay defined.

export function add(a: Interval, b: Interval): Interval {
  return { lo: sum(a.lo, b.lo), hi: sum(a.hi, b.hi), loOpen: a.loOpen || b.loOpen, hiOpen: a.hiOpen || b.hiOpen };
}

export function subtract(a: Interval, b: Interval): Interval {
  return { lo: difference(a.lo, b.hi), hi: difference(a.hi, b.lo), loOpen: a.loOpen || b.hiOpen, hiOpen: a.hiOpen || b.loOpen };
}

export function shift(a: Interval, delta: Decimal): Interval {
  return { ...a, lo: sum(a.lo, delta), hi: sum(a.hi, delta) };
}

export function scale(a: Interval, factor: Decimal): Interval {
  const x = { value: product(a.lo, factor), open: a.loOpen };
  const y = { value: product(a.hi, factor), open: a.hiOpen };
  return factor.isNegative() ? fromBounds(y, x) : fromBounds(x, y);
}

export function multiply(a: Interval, b: Interval): Interval {
  return corners(a, b, product);
}

/** undefined when the divisor's range reaches zero: the quotient is unbounded. */
export function divide(a: Interval, b: Interval): Interval | undefined {
  if (b.lo.lte(0) && b.hi.gte(0)) return undefined;
  return corners(a, b, quotient);
}

/**
 * The range of `op` over two ranges, for an op monotone in each argument (× and ÷ away from
 * a zero divisor): its ends are among the four corners, and an end is reached only when
 * some corner giving it has both its inputs inside their ranges. A corner of two infinite
 * or zero ends (∞ × 0, ∞ ÷ ∞) has no value; the other corners still bound the range.
 */
function corners(a: Interval, b: Interval, op: (x: Decimal, y: Decimal) => Decimal): Interval {
  const ends = (r: Interval): Bound[] => [
    { value: r.lo, open: r.loOpen },
    { value: r.hi, open: r.hiOpen },
  ];
  const candidates = ends(a)
    .flatMap((x) => ends(b).map((y) => ({ value: op(x.value, y.value), open: x.open || y.open })))
    .filter((c) => !c.value.isNaN());
  const extreme = (better: (x: Decimal, y: Decimal) => boolean): Bound =>
    candidates.reduce((best, c) => (better(c.value, best.value) ? c : c.value.eq(best.value) ? { value: best.value, open: best.open && c.open } : best));
  return fromBounds(
    extreme((x, y) => x.lt(y)),
    extreme((x, y) => x.gt(y)),
  );
}

/**
 * Whether two ranges can hold the same true value: the XBRL Calculations 1.1 test, with
 * each end open or closed as rounding makes it. So 2,8 and 2,9 written for one figure
 * ([2,75; 2,85) and [2,85; 2,95)) are inconsistent: no value rounds to both.
 */
export function consistent(a: Interval, b: Interval): boolean {
  const lo = a.lo.gt(b.lo) ? { value: a.lo, open: a.loOpen } : b.lo.gt(a.lo) ? { value: b.lo, open: b.loOpen } : { value: a.lo, open: a.loOpen || b.loOpen };
  const hi = a.hi.lt(b.hi) ? { value: a.hi, open: a.hiOpen } : b.hi.lt(a.hi) ? { value: b.hi, open: b.hiOpen } : { value: a.hi, open: a.hiOpen || b.hiOpen };
  return lo.value.lt(hi.value) || (lo.value.eq(hi.value) && !lo.open && !hi.open);
}
