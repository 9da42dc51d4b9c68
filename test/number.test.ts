import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatWithUnit, parseSourceNumber, type Quantity } from '../src/vietnamese/number.js';

const q = (value: string, decimals: number, minIntegerDigits = 1): Quantity => ({ value: new Decimal(value), decimals, minIntegerDigits });

describe('Vietnamese number format', () => {
  it.each([
    [q('6790880637', 0), '6.790.880.637'],
    [q('663.8', 1), '663,8'],
    [q('7125', 0), '7.125'],
    [q('100.02', 2), '100,02'],
    [q('48.085', 2), '48,09'], // half-up, on the exact decimal
    [q('0.125', 2), '0,13'],
    [q('-19.7', 1), '-19,7'],
    [q('-0.04', 1), '0,0'],
    [q('1', 0, 2), '01'],
    [q('12345678901234567.89', 2), '12.345.678.901.234.567,89'],
    [q('28', 1), '28,0'],
  ])('%# formats as %s', (quantity, expected) => {
    expect(formatNumber(quantity)).toBe(expected);
  });

  it('puts one space before a unit and none before %', () => {
    expect(formatWithUnit(q('663.8', 1), 'tỷ đồng')).toBe('663,8 tỷ đồng');
    expect(formatWithUnit(q('2.9', 1), '%')).toBe('2,9%');
  });
});

describe('numbers read from their YAML source text', () => {
  it.each([
    ['663.8', '663.8', 1, 1],
    ['01', '1', 0, 2],
    ['09', '9', 0, 2],
    ['-19.7', '-19.7', 1, 1],
    ['+5', '5', 0, 1],
    ['12345678901234567.89', '12345678901234567.89', 2, 1],
    ['1.50', '1.5', 2, 1],
    ['1e3', '1000', 0, 1],
  ])('%s', (source, value, decimals, minIntegerDigits) => {
    const quantity = parseSourceNumber(source)!;
    expect(quantity.value.toString()).toBe(new Decimal(value).toString());
    expect(quantity.decimals).toBe(decimals);
    expect(quantity.minIntegerDigits).toBe(minIntegerDigits);
  });

  it.each(['.inf', '.nan', 'abc', '', '1.2.3', '0x1F'])('rejects %j', (source) => {
    expect(parseSourceNumber(source)).toBeUndefined();
  });
});
