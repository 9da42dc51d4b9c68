import { Decimal } from '../decimal.js';

/**
 * The arithmetic of figures. A sum, difference or product of two decimals has a known, finite
 * number of digits: it is computed with exactly that many significant digits, so it is exact
 * whatever the operands (three 18-digit figures multiply to 54 digits, more than any fixed
 * precision would keep). A quotient may never end (113/235): it is rounded to QUOTIENT_DIGITS
 * significant digits, 35 more than the most decimals a figure can be written with, so the
 * rounding of a quotient never shows in a printed figure or a check.
 */
export const QUOTIENT_DIGITS = Decimal.precision;

const Quotient = Decimal.clone({ precision: QUOTIENT_DIGITS });

/** A Decimal whose precision is set, for each operation, to the digits its exact result needs. */
const Exact = Decimal.clone();

function exactly(digits: number, operation: (D: typeof Decimal) => Decimal): Decimal {
  // Most results fit the usual precision: computed as they are, at no extra cost. An infinite
  // operand (the open end of a bound, "trên 20") has no digits to count, and needs none.
  if (Number.isNaN(digits) || digits <= Decimal.precision) return operation(Decimal);
  Exact.set({ precision: digits });
  // Decimal's constructor copies without rounding: the result leaves with its digits, not Exact's precision.
  return new Decimal(operation(Exact));
}

/** The exponent of a number's last significant digit: 0,125 → −3, 1200 → 2. */
function lowestExponent(x: Decimal): number {
  return x.e - x.sd() + 1;
}

export function sum(a: Decimal, b: Decimal): Decimal {
  // From one place above the larger leading digit (a carry) down to the smaller last digit.
  return exactly(Math.max(a.e, b.e) - Math.min(lowestExponent(a), lowestExponent(b)) + 2, (D) => new D(a).plus(b));
}

export function difference(a: Decimal, b: Decimal): Decimal {
  return sum(a, b.negated());
}

export function product(a: Decimal, b: Decimal): Decimal {
  return exactly(a.sd() + b.sd(), (D) => new D(a).times(b));
}

export function total(values: readonly Decimal[]): Decimal {
  return values.reduce(sum, new Decimal(0));
}

export function productOf(values: readonly Decimal[]): Decimal {
  return values.reduce(product, new Decimal(1));
}

/** a / b to QUOTIENT_DIGITS significant digits; exact when it ends sooner (a power of ten, 1/4). */
export function quotient(a: Decimal, b: Decimal): Decimal {
  return new Decimal(new Quotient(a).div(b));
}
