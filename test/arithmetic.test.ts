import { describe, expect, it } from 'vitest';
import { baseFactor, conversionFactor, isCount, isPercent, unitScale } from '../src/compute/units.js';

describe('units', () => {
  it.each(['%', ' % ', '％', 'phần trăm', 'Phần trăm', 'phần  trăm', 'phan tram'])('"%s" is a percentage', (unit) => {
    expect(isPercent(unit)).toBe(true);
    expect(baseFactor(unit).toString()).toBe('0.01');
    expect(isCount(unit)).toBe(false);
  });

  it.each(['điểm phần trăm', '%/năm', 'hộ', ''])('"%s" is not a percentage', (unit) => {
    expect(isPercent(unit)).toBe(false);
  });

  it('converts between the spellings of % as between equal units', () => {
    expect(conversionFactor('%', 'phần trăm')?.toString()).toBe('1');
    expect(conversionFactor('triệu đồng', 'tỷ đồng')?.toString()).toBe('0.001');
  });

  it.each(['constructor', 'Constructor đồng', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a unit named "%s", which every object has, has no scale',
    (unit) => {
      expect(unitScale(unit).toString()).toBe('1');
      expect(baseFactor(unit).toString()).toBe('1');
    },
  );
});
