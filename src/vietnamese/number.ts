import { Decimal } from '../decimal.js';

/** The words that make a number a bound, as reports write them: "trên 20 tỷ đồng", "gần 1.960 hộ". */
export const BOUND_WORDS = ['trên', 'hơn', 'dưới', 'gần', 'khoảng'] as const;
export type BoundWord = (typeof BOUND_WORDS)[number];

/** A number as written in the data: its exact value and how it was written. */
export interface Quantity {
  value: Decimal;
  /** Digits after the decimal point to print (and, for stated values, that were written). */
  decimals: number;
  /** Digits before the decimal point at the least: `01` was written with 2, so prints as 01. */
  minIntegerDigits: number;
  /** The word that makes it a bound ("trên 20"), printed before it wherever it is printed. */
  bound?: BoundWord;
  /**
   * The size of its last written place, where that is coarser than its decimals say:
   * "16 tỷ 434 triệu đồng" in đồng is written to the million (10^6), though printed whole.
   */
  step?: Decimal;
}

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
  return `${quantity.bound ? `${quantity.bound} ` : ''}${negative && !isZero ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** Unit symbols written right after the number, with no space: % (the full-width ％ printed as %) and ‰. */
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['%', '%'],
  ['％', '%'],
  ['‰', '‰'],
]);

/** Number and unit as Vietnamese writes them: `663,8 tỷ đồng`, `2,9%` (no space before % or ‰). */
export function formatWithUnit(quantity: Quantity, unit: string): string {
  const number = formatNumber(quantity);
  const shown = unit.trim();
  if (shown === '') return number;
  const symbol = SYMBOLS.get(shown);
  return symbol ? `${number}${symbol}` : `${number} ${shown}`;
}

export function absolute(quantity: Quantity): Quantity {
  return { ...quantity, value: quantity.value.abs() };
}

/** What a number as written reads as: its quantity, or what is wrong with it, in Vietnamese. */
export type NumberReading = { quantity: Quantity } | { problem: string };

const NOT_A_NUMBER = 'Viết số nguyên như 6790880637 hoặc 6.790.880.637, số thập phân như 663.8 hoặc 663,8.';

/** What a number is read for: the unit it is in, and whether that unit counts things. */
export interface NumberUse {
  unit?: string;
  /** In a count a number is whole, so a dot only groups thousands: 3.666 hộ is 3666 hộ. */
  count?: boolean;
}

/**
 * Reads a number from its source text, without passing through a JavaScript float, in either
 * of the two ways a clerk writes it:
 * - as YAML writes it: `663.8`, `01`, `6790880637`, `-19.7`, `1e3` (the dot is the decimal point);
 * - as Vietnamese writes it, pasted from Word or Excel: `6.790.880.637` (dots group thousands),
 *   `663,8` (the comma is the decimal point), `1.157,5`.
 * One dot followed by exactly three digits (`1.157`) reads both ways, 1157 or 1,157: it is
 * refused with both spellings to choose from, never guessed. In a count it can only be 1157;
 * and a comma there is no decimal comma but thousands written the English way (4,423 hộ).
 */
export function parseSourceNumber(source: string, use: NumberUse = {}): NumberReading {
  const reading = readNumber(source, use);
  if ('problem' in reading) return reading;
  const { value } = reading.quantity;
  // Beyond these, a number is a slip of the keyboard (1e999999999 would print a billion digits).
  if (value.abs().gte(MAX_MAGNITUDE) || value.decimalPlaces() > MAX_DECIMALS) {
    return { problem: `Số "${source}" quá lớn hoặc quá nhiều chữ số thập phân (tới ${MAX_DECIMALS} chữ số sau dấu phẩy, nhỏ hơn 10^30). Kiểm tra lại số này.` };
  }
  return reading;
}

/**
 * What to take out of a number typed with something else in it: `2,9%`, `12 tỷ`,
 * `6 790 880 637` (grouped by spaces, as Excel copies). A Vietnamese sentence saying what to
 * remove and what is left to write, or undefined when the text is not a number with extras.
 */
export function strayPartOfNumber(text: string): { remove: string; write: string } | undefined {
  const trimmed = text.trim();
  const percent = /^([-+\u2212]?\d[\d.,]*)\s*[%％]$/.exec(trimmed);
  if (percent) return { remove: 'dấu %', write: percent[1]! };
  if (/^[-+\u2212]?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?$/.test(trimmed)) return { remove: 'dấu cách giữa các chữ số', write: trimmed.replace(/[ \u00a0]/g, '') };
  const unit = /^([-+\u2212]?\d[\d.,]*)\s*(\p{L}.*)$/u.exec(trimmed);
  if (unit) return { remove: `chữ "${unit[2]}" sau số`, write: unit[1]! };
  return undefined;
}

const MAX_MAGNITUDE = new Decimal('1e30');
const MAX_DECIMALS = 15;

function readNumber(source: string, use: NumberUse): NumberReading {
  const text = source.trim().replace(/^\+/, '').replace(/^\u2212/, '-');
  if (use.count && /^-?[1-9]\d{0,2}(?:,\d{3})+$/.test(text)) {
    const grouped = text.replaceAll(',', '.');
    return {
      problem: `Số "${source}" có dấu phẩy, nhưng "${use.unit}" là đơn vị đếm: số đếm không có phần thập phân. Nếu là ${grouped} ${use.unit}, viết ${grouped} (hoặc ${text.replaceAll(',', '')}).`,
    };
  }
  const vietnamese = /^(-?)([1-9]\d{0,2}(?:\.\d{3})+|\d+),?(\d*)$/.exec(text);
  if (vietnamese && (text.includes(',') || (text.match(/\./g) ?? []).length > 1)) {
    const [, sign = '', grouped = '', fraction = ''] = vietnamese;
    if (text.endsWith(',')) return { problem: `Số "${source}" có dấu phẩy thập phân mà không có chữ số sau nó. ${NOT_A_NUMBER}` };
    return readDecimal(sign, grouped.replaceAll('.', ''), fraction);
  }
  const lone = /^(-?)([1-9]\d{0,2})\.(\d{3})$/.exec(text);
  if (lone) {
    const [, sign = '', integer = '', fraction = ''] = lone;
    if (use.count) return readDecimal(sign, integer + fraction, '');
    return {
      problem:
        `Số "${source}"${use.unit === undefined ? '' : ` (đơn vị ${use.unit})`} không rõ nghĩa: dấu chấm có thể ngăn cách hàng nghìn hoặc là dấu thập phân. ` +
        `Nếu là số nguyên, viết ${sign}${integer}${fraction} (hoặc ${text},0 nếu có một chữ số thập phân); nếu là số thập phân, viết ${sign}${integer},${fraction}. ` +
        'Chỉ với đơn vị đếm (hộ, người...) dấu chấm mới chắc chắn là ngăn cách hàng nghìn.',
    };
  }
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return { problem: `Không đọc được số "${source}". ${NOT_A_NUMBER}` };
  const [, sign = '', integer = '', fraction = '', exponent] = match;
  if (exponent === undefined) return readDecimal(sign, integer, fraction);
  // 1.5e3 is written to no particular number of decimals: take what its value needs.
  const value = new Decimal(text);
  return { quantity: { value, decimals: Math.max(0, value.decimalPlaces()), minIntegerDigits: 1 } };
}

/** The quantity of a sign, integer digits and fraction digits, keeping how many of each were written. */
function readDecimal(sign: string, integer: string, fraction: string): NumberReading {
  return {
    quantity: {
      value: new Decimal(`${sign}${integer || '0'}.${fraction || '0'}`),
      decimals: fraction.length,
      minIntegerDigits: integer.length > 1 && integer.startsWith('0') ? integer.length : 1,
    },
  };
}
