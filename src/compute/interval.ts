import { Decimal } from 'decimal.js';

/**
 * The range a figure can stand for. `663.8` written to one decimal stands for
 * [663.75, 663.85]; a count written as `113` stands for exactly 113.
 */
export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

export function point(value: Decimal): Interval {
  return { lo: value, hi: value };
}

export function around(value: Decimal, halfWidth: Decimal): Interval {
  return { lo: value.minus(halfWidth), hi: value.plus(halfWidth) };
}

/** Half a unit in the last written place: ½·10^−decimals. */
export function roundingHalfWidth(decimals: number): Decimal {
  return new Decimal(10).pow(-decimals).div(2);
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) };
}

export function subtract(a: Interval, b: Interval): Interval {
  return { lo: a.lo.minus(b.hi), hi: a.hi.minus(b.lo) };
}

export function scale(a: Interval, factor: Decimal): Interval {
  const x = a.lo.times(factor);
  const y = a.hi.times(factor);
  return x.lte(y) ? { lo: x, hi: y } : { lo: y, hi: x };
}

export function multiply(a: Interval, b: Interval): Interval {
  return hull([a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)]);
}

/** undefined when the divisor's range includes zero: the quotient is unbounded. */
export function divide(a: Interval, b: Interval): Interval | undefined {
  if (b.lo.lte(0) && b.hi.gte(0)) return undefined;
  return hull([a.lo.div(b.lo), a.lo.div(b.hi), a.hi.div(b.lo), a.hi.div(b.hi)]);
}

function isPoint(a: Interval): boolean {
  return a.lo.eq(a.hi);
}

/**
 * Whether two ranges can hold the same true value: the XBRL Calculations 1.1 test.
 * Half-up rounding makes a written value's range half-open ([2,85; 2,95) for 2,9), so
 * ranges that only touch do not share a value: 2,8 and 2,9 for one figure are inconsistent.
 */
export function consistent(a: Interval, b: Interval): boolean {
  if (isPoint(a) && isPoint(b)) return a.lo.eq(b.lo);
  if (isPoint(a)) return b.lo.lte(a.lo) && a.lo.lt(b.hi);
  if (isPoint(b)) return a.lo.lte(b.lo) && b.lo.lt(a.hi);
  return a.lo.lt(b.hi) && b.lo.lt(a.hi);
}

function hull(values: Decimal[]): Interval {
  return { lo: Decimal.min(...values), hi: Decimal.max(...values) };
}
