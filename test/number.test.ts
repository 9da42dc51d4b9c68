import { Decimal } from '../src/decimal.js';
import { describe, expect, it } from 'vitest';
import { readFigureNumber } from '../src/validate/read-number.js';
import { formatNumber, formatWithUnit, parseSourceNumber, type Quantity } from '../src/vietnamese/number.js';
import { SHIPPED_UNITS } from './rule-tester.js';

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

describe('numbers read in their unit', () => {
  it.each([
    ['3.666', '3666'],
    ['-3.666', '-3666'],
    ['6.790.880.637', '6790880637'],
  ])('in a count, %s is whole: %s', (source, value) => {
    const reading = parseSourceNumber(source, { unit: 'hộ', count: true });
    expect('quantity' in reading && reading.quantity.value.toString()).toBe(value);
  });

  it.each([
    ['4,423', 'Nếu là 4.423 hộ, viết 4.423 (hoặc 4423)'],
    ['1,157,000', 'Nếu là 1.157.000 hộ, viết 1.157.000 (hoặc 1157000)'],
  ])('in a count, %s is thousands written the English way, and says why it is refused', (source, advice) => {
    expect(parseSourceNumber(source, { unit: 'hộ', count: true })).toEqual({ problem: expect.stringContaining(`"hộ" là đơn vị đếm: số đếm không có phần thập phân. ${advice}`) });
  });

  it('keeps refusing a lone dot group outside a count, and names the unit', () => {
    expect(parseSourceNumber('1.157', { unit: 'tỷ đồng' })).toEqual({ problem: expect.stringContaining('Số "1.157" (đơn vị tỷ đồng) không rõ nghĩa') });
  });

  const inUnit = (source: string, unit: string, key = 'gia_tri') =>
    readFigureNumber(source, { unit, tableUnit: SHIPPED_UNITS.lookup(unit), units: SHIPPED_UNITS, key, bounds: key === 'gia_tri' });

  it.each([
    ['16 tỷ 434 triệu đồng', 'tỷ đồng', '16.434', 3, undefined],
    ['16 tỷ 434 triệu đồng', 'triệu đồng', '16434', 0, undefined],
    ['16 tỷ 434 triệu đồng', 'đồng', '16434000000', 0, '1000000'],
    ['1 tỷ 500 triệu đồng', 'tỷ đồng', '1.5', 3, undefined],
    ['1 tỷ 500 triệu', 'đồng', '1500000000', 0, '1000000'],
    ['1,5 tỷ', 'triệu đồng', '1500', 0, '100'],
    ['16 tỷ 434,5 triệu', 'tỷ đồng', '16.4345', 4, undefined],
    ['-1 tỷ 200 triệu', 'tỷ đồng', '-1.2', 3, undefined],
    ['6 tỷ 790 triệu 880 nghìn 637 đồng', 'đồng', '6790880637', 0, undefined],
    ['67 triệu 800 nghìn', 'triệu đồng/người/năm', '67.8', 3, undefined],
    ['2 tấn', 'tạ', '20', 0, '10'],
    ['100 ha', 'ha', '100', 0, undefined],
  ])('%s in %s reads as %s, to %i decimals (last place %s)', (source, unit, value, decimals, step) => {
    const reading = inUnit(source, unit);
    if (!('quantity' in reading)) throw new Error(reading.problem);
    expect([reading.quantity.value.toString(), reading.quantity.decimals, reading.quantity.step?.toString()]).toEqual([new Decimal(value).toString(), decimals, step]);
  });

  it.each([
    ['16 tỷ 434 triệu ha', 'tỷ đồng', 'ghi kèm "ha", không cùng đại lượng với đơn vị của chỉ tiêu (tỷ đồng)'],
    ['1 tỷ 1500 triệu', 'tỷ đồng', 'không đúng cách viết'],
    ['1 triệu 5 tỷ', 'tỷ đồng', 'không đúng cách viết'],
    ['1,5 tỷ 200 triệu', 'tỷ đồng', 'có phần thập phân ở giữa'],
    ['5 tỷ', 'tổ tự quản', 'đơn vị "tổ tự quản" chưa có trong bảng đơn vị'],
    ['1.157 tỷ', 'tỷ đồng', 'Số "1.157" (đơn vị tỷ đồng) không rõ nghĩa'],
  ])('refuses %s in %s', (source, unit, problem) => {
    expect(inUnit(source, unit)).toEqual({ problem: expect.stringContaining(problem) });
  });
});

describe('bounded numbers', () => {
  const inUnit = (source: string, unit: string, key = 'gia_tri') =>
    readFigureNumber(source, { unit, tableUnit: SHIPPED_UNITS.lookup(unit), units: SHIPPED_UNITS, key, bounds: key !== 'tang_giam' });

  it.each([
    ['trên 20', 'tỷ đồng', 'trên', '20'],
    ['hơn 230', 'hộ', 'hơn', '230'],
    ['Gần 1.960', 'hộ', 'gần', '1960'],
    ['khoảng 80', '%', 'khoảng', '80'],
    ['dưới 5', 'tỷ đồng', 'dưới', '5'],
    ['khoảng 16 tỷ 434 triệu đồng', 'tỷ đồng', 'khoảng', '16.434'],
  ])('%s in %s keeps its word', (source, unit, bound, value) => {
    const reading = inUnit(source, unit);
    if (!('quantity' in reading)) throw new Error(reading.problem);
    expect([reading.quantity.bound, reading.quantity.value.toString()]).toEqual([bound, value]);
    expect(formatNumber(reading.quantity)).toMatch(new RegExp(`^${bound} `));
  });

  it('refuses a bound before a signed change', () => {
    expect(inUnit('trên 5', '%', 'tang_giam')).toEqual({ problem: expect.stringContaining('tang_giam là một mức tăng/giảm có dấu, nên không ghi "trên" trước số') });
  });

  it('keeps the ambiguity rule after a bound word, naming the unit', () => {
    expect(inUnit('gần 1.960', 'tỷ đồng')).toEqual({ problem: expect.stringContaining('Số "1.960" (đơn vị tỷ đồng) không rõ nghĩa') });
  });
});
