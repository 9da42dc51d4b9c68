import { Decimal } from 'decimal.js';

/** A number as written in the data: its exact value and how it was written. */
export interface Quantity {
  value: Decimal;
  /** Digits after the decimal point to print (and, for stated values, that were written). */
  decimals: number;
  /** Digits before the decimal point at the least: `01` was written with 2, so prints as 01. */
  minIntegerDigits: number;
}

// Every figure goes through Decimal; 50 significant digits keep sums, products and
// quotients of any real report exact (the default 20 would round a 21-digit total).
Decimal.set({ precision: 50 });

/**
 * Formats in Vietnamese: `.` groups thousands, `,` separates decimals, rounding half-up
 * to the quantity's decimals. Negative numbers keep their sign (direction words are the
 * caller's job).
 */
export function formatNumber(quantity: Quantity): string {
  const fixed = quantity.value.toFixed(quantity.decimals, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [integer = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const padded = integer.padStart(quantity.minIntegerDigits, '0');
  const grouped = padded.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const isZero = /^[0.,]+$/.test(grouped + (fraction ?? ''));
  return `${negative && !isZero ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** Number and unit as Vietnamese writes them: `663,8 tỷ đồng`, `2,9%` (no space before %). */
export function formatWithUnit(quantity: Quantity, unit: string): string {
  const number = formatNumber(quantity);
  if (unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

export function absolute(quantity: Quantity): Quantity {
  return { ...quantity, value: quantity.value.abs() };
}

/**
 * Reads a number from its YAML source text (`663.8`, `01`, `6790880637`, `-19.7`, `1e3`)
 * without passing through a JavaScript float. Returns undefined for text that is not a
 * finite decimal number.
 */
export function parseSourceNumber(source: string): Quantity | undefined {
  const text = source.trim().replace(/^\+/, '');
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return undefined;
  const [, , integer = '', fraction = '', exponent] = match;
  const value = new Decimal(text);
  if (!value.isFinite()) return undefined;
  if (exponent !== undefined) {
    // 1.5e3 is written to no particular number of decimals: take what its value needs.
    return { value, decimals: Math.max(0, value.decimalPlaces()), minIntegerDigits: 1 };
  }
  return {
    value,
    decimals: fraction.length,
    minIntegerDigits: integer.length > 1 && integer.startsWith('0') ? integer.length : 1,
  };
}
