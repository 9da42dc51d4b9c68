import { Decimal } from '../src/decimal.js';
import { describe, expect, it } from 'vitest';
import { difference, product, productOf, QUOTIENT_DIGITS, quotient, sum, total } from '../src/compute/exact.js';

const d = (text: string) => new Decimal(text);
const big = (text: string) => BigInt(text);

describe('sums and products of figures are exact, whatever the operands', () => {
  it('multiplies three 18-digit figures to all 54 digits', () => {
    const factors = ['999999999999999999', '123456789012345678', '987654321098765432'];
    const expected = factors.map(big).reduce((a, b) => a * b);
    expect(productOf(factors.map(d)).toFixed(0)).toBe(expected.toString());
  });

  it('multiplies decimals to every digit: 15 decimals times 15 decimals times 15 decimals', () => {
    const result = productOf(['123456789012345.123456789012345', '0.000000000000001', '99999999999999.999999999999999'].map(d));
    const scaled = big('123456789012345123456789012345') * big('1') * big('99999999999999999999999999999');
    expect(result.toFixed(45).replace('.', '').replace(/^0+/, '')).toBe(scaled.toString());
  });

  it('adds numbers of very different magnitudes without dropping the small one', () => {
    expect(sum(d('1e29'), d('1e-15')).toFixed(15)).toBe(`1${'0'.repeat(29)}.000000000000001`);
    expect(total([d('999999999999999999999999999999'), d('0.000000000000001'), d('1')]).toFixed(15)).toBe(`1${'0'.repeat(30)}.000000000000001`);
    expect(difference(d('1e40'), d('1e-15')).toFixed(15)).toBe(`${'9'.repeat(40)}.999999999999999`);
  });

  it('keeps a product of products exact (a tich of a tich)', () => {
    const once = product(d('123456789012345678901234567'), d('987654321098765432109876543'));
    const twice = product(once, once);
    const exact = (big('123456789012345678901234567') * big('987654321098765432109876543')) ** 2n;
    expect(twice.toFixed(0)).toBe(exact.toString());
  });

  it(`rounds a quotient that never ends to ${QUOTIENT_DIGITS} significant digits, and leaves the others exact`, () => {
    expect(quotient(d('113'), d('235')).sd()).toBe(QUOTIENT_DIGITS);
    expect(quotient(d('1'), d('1e9')).toString()).toBe('1e-9');
    expect(quotient(d('1'), d('0.01')).toString()).toBe('100');
  });

  it('leaves the results as plain Decimals, whose later arithmetic keeps its own precision', () => {
    const small = product(d('2'), d('3'));
    expect(small.constructor).toBe(Decimal);
    expect(small.div(7).sd()).toBe(QUOTIENT_DIGITS);
  });
});

describe('arithmetic with the open end of a bound', () => {
  it('keeps an infinite end infinite', () => {
    expect(sum(d('Infinity'), d('5')).toString()).toBe('Infinity');
    expect(product(d('-Infinity'), d('2')).toString()).toBe('-Infinity');
  });
});
