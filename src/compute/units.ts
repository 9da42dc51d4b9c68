import { Decimal } from 'decimal.js';

const SCALE_WORDS: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9 };

/** How many base units one unit holds: `tỷ đồng` → 10^9, `triệu đồng/người/năm` → 10^6, `hộ` → 1. */
export function unitScale(unit: string): Decimal {
  const first = unit.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return new Decimal(SCALE_WORDS[first] ?? 1);
}

export function isPercent(unit: string): boolean {
  return unit.trim() === '%';
}

/**
 * Whether a whole number in this unit is exact (a count: 113 cháu, 6.790.880.637 đồng)
 * rather than rounded (28 tỷ đồng, 12%).
 */
export function wholeNumbersAreExact(unit: string): boolean {
  return !isPercent(unit) && unitScale(unit).eq(1);
}
