import { Decimal } from '../src/decimal.js';
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
    ['0.125', '0.125', 3, 1],
    ['1000.500', '1000.5', 3, 1],
    // Vietnamese form, pasted from Word or Excel
    ['6.790.880.637', '6790880637', 0, 1],
    ['663,8', '663.8', 1, 1],
    ['1.157,0', '1157', 1, 1],
    ['1,157', '1.157', 3, 1],
    ['-19,7', '-19.7', 1, 1],
    ['\u221219,7', '-19.7', 1, 1],
    ['12345678901234567,89', '12345678901234567.89', 2, 1],
    ['12.345.678.901.234.567,89', '12345678901234567.89', 2, 1],
    ['01,5', '1.5', 1, 2],
  ])('%s', (source, value, decimals, minIntegerDigits) => {
    const reading = parseSourceNumber(source);
    if (!('quantity' in reading)) throw new Error(reading.problem);
    const { quantity } = reading;
    expect(quantity.value.toString()).toBe(new Decimal(value).toString());
    expect(quantity.decimals).toBe(decimals);
    expect(quantity.minIntegerDigits).toBe(minIntegerDigits);
  });

  it.each(['.inf', '.nan', 'abc', '', '1.2.3', '0x1F', '1,157,000', '1.157.5', '1.5,3', '12.34,5', '663,', '0.125.000', '1 000', '1e999999999', '1e-99', '1' + '0'.repeat(30), '0.' + '1'.repeat(16)])('rejects %j', (source) => {
    expect(parseSourceNumber(source)).toEqual({ problem: expect.stringContaining(`"${source}"`) });
  });

  it.each([
    ['1.157', 'viết 1157 (hoặc 1.157,0 nếu có một chữ số thập phân); nếu là số thập phân, viết 1,157'],
    ['-12.500', 'viết -12500 (hoặc -12.500,0 nếu có một chữ số thập phân); nếu là số thập phân, viết -12,500'],
  ])('refuses %s, which reads as a thousand or a decimal, and says how to write either', (source, advice) => {
    expect(parseSourceNumber(source)).toEqual({ problem: expect.stringContaining(advice) });
  });
});
