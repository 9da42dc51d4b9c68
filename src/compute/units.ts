import { Decimal } from '../decimal.js';
import { quotient } from './exact.js';

/** The scale words a unit may start with. A Map: a unit named "constructor" is no scale word. */
const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['nghìn', 1e3],
  ['ngàn', 1e3],
  ['triệu', 1e6],
  ['tỷ', 1e9],
]);

/** How many base units one unit holds: `tỷ đồng` → 10^9, `triệu đồng/người/năm` → 10^6, `hộ` → 1. */
export function unitScale(unit: string): Decimal {
  const first = unit.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return new Decimal(SCALE_WORDS.get(first) ?? 1);
}

/** The spellings of "per hundred" a unit may have, in lower case with single spaces. */
const PERCENT_SPELLINGS: ReadonlySet<string> = new Set(['%', '％', 'phần trăm', 'phan tram']);

/** Whether a unit is a percentage, however written: `%`, ` % `, `％`, `phần trăm`, `Phần trăm`. */
export function isPercent(unit: string): boolean {
  return PERCENT_SPELLINGS.has(unit.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim());
}

const HUNDREDTH = new Decimal('0.01');

/**
 * What one of a unit is in base units, for arithmetic across figures: `tỷ đồng` → 10^9,
 * `%` → 1/100 (so 12% × 500 triệu đồng is 60 triệu đồng, and a ratio in % is ×100), `hộ` → 1.
 */
export function baseFactor(unit: string): Decimal {
  return isPercent(unit) ? HUNDREDTH : unitScale(unit);
}

/**
 * Whether a whole number in this unit is exact (a count: 113 cháu, 6.790.880.637 đồng)
 * rather than rounded (28 tỷ đồng, 12%).
 */
export function wholeNumbersAreExact(unit: string): boolean {
  return !isPercent(unit) && unitScale(unit).eq(1);
}

/** Units of things measured rather than counted: money, mass, area, length, volume, time. */
const MEASURE_WORDS = new Set(['đồng', 'tạ', 'tấn', 'kg', 'g', 'ha', 'sào', 'mẫu', 'm', 'cm', 'mm', 'km', 'm2', 'm²', 'km2', 'km²', 'm3', 'm³', 'lít', 'kwh', 'giờ', 'ngày', 'tháng', 'năm']);

/**
 * Whether the unit counts things (hộ, người, vụ, đồng chí, vỏ mộ), so its values are whole
 * and not negative. The last word decides: `đồng chí` counts people, `triệu đồng` is money.
 */
export function isCount(unit: string): boolean {
  const words = unit.trim().toLowerCase().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return last !== '' && !isPercent(unit) && !unit.includes('/') && unitScale(unit).eq(1) && !MEASURE_WORDS.has(last);
}

/** The unit of a difference of two values: two rates differ by percentage points, not by %. */
export function differenceUnit(unit: string): string {
  return isPercent(unit) ? 'điểm phần trăm' : unit;
}

/**
 * The factor that turns a value in `from` into `to` (`triệu đồng` → `tỷ đồng`: 0,001), or
 * undefined when the units measure different things.
 */
export function conversionFactor(from: string, to: string): Decimal | undefined {
  const withoutScale = (unit: string) => {
    const words = unit.trim().split(/\s+/);
    return unitScale(unit).eq(1) ? words.join(' ') : words.slice(1).join(' ');
  };
  if (from.trim() === to.trim() || (isPercent(from) && isPercent(to))) return new Decimal(1);
  if (withoutScale(from) !== withoutScale(to)) return undefined;
  return quotient(unitScale(from), unitScale(to));
}
