import { Decimal } from '../decimal.js';
import { readFigureNumber, type FigureNumberUse } from '../validate/read-number.js';
import { formatNumber, type Quantity } from '../vietnamese/number.js';

/**
 * Numbers between a workbook and the data, exactly. Every number text, a YAML scalar's or a
 * cell's, is read here, through the one call to the data's own number reader
 * (`readFigureNumber`), in the figure's unit from the project's unit table, so that a cell
 * reads as the same text would in a YAML file: `3.666` hộ is 3666, `16 tỷ 434 triệu đồng` is
 * exact, `trên 20` is a bound, `4,423` hộ is refused with the data's own advice.
 */

/** What a number text reads as: its quantity, or what is wrong with it, in Vietnamese. */
export type NumberTextReading = { quantity: Quantity } | { problem: string };

/**
 * Reads a number as the data writes it (`663.8`, `6.790.880.637`, `663,8`, `trên 20`, `16 tỷ 434 triệu đồng`)
 * at one field of a figure (`figureNumberUse`: its key, unit and the project's unit table). The only call to the data's reader.
 */
export function readNumberText(text: string, use: FigureNumberUse): NumberTextReading {
  return readFigureNumber(text, use);
}

/** Excel keeps 15 significant digits of a number; a 16th is replaced by 0 as it is typed. */
export const CELL_DIGITS = 15;
const CELL_LIMIT = new Decimal(10).pow(CELL_DIGITS);

/** Whether two readings say the same, field for field (a reading may grow fields: a bound's word). */
export function sameReading(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const x = left[key];
    const y = right[key];
    if (x instanceof Decimal && y instanceof Decimal) {
      if (!x.eq(y)) return false;
    } else if (JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

/** A quantity as a YAML number: `663.8`, `01`, `-19.7`: digits and a decimal point, never a float. */
export function yamlNumberText(quantity: Quantity): string {
  const fixed = quantity.value.toFixed(quantity.decimals);
  const negative = fixed.startsWith('-');
  const [integer = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${integer.padStart(quantity.minIntegerDigits, '0')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * What to write into the YAML for a number text read from a cell: the plain YAML number when
 * it reads back the same, else the text as typed (a form only words can say, as a bound).
 */
export function yamlTextOf(quantity: Quantity, typed: string, use: FigureNumberUse): { text: string; isNumber: boolean } {
  const plain = yamlNumberText(quantity);
  const again = readNumberText(plain, use);
  return 'quantity' in again && sameReading(again.quantity, quantity) ? { text: plain, isNumber: true } : { text: typed, isNumber: false };
}

/** Whether a quantity fits a numeric cell exactly: at most 15 significant digits, under 10^15. */
export function fitsNumericCell(quantity: Quantity): boolean {
  const value = new Decimal(quantity.value.toFixed(quantity.decimals));
  return value.abs().lt(CELL_LIMIT) && (value.isZero() || value.sd(true) <= CELL_DIGITS);
}

/** The cell number format showing a quantity as Vietnamese writes it, whatever the spreadsheet's language: `6.790.880.637`, `663,8`. */
export function vietnameseFormat(decimals: number, minIntegerDigits = 1, percent = false): string {
  const integer = minIntegerDigits <= 1 ? '#,##0' : minIntegerDigits <= 3 ? `#,${'#'.repeat(3 - minIntegerDigits)}${'0'.repeat(minIntegerDigits)}` : '0'.repeat(minIntegerDigits);
  // [$-42A] is the Vietnamese locale: `.` groups thousands, `,` marks the decimals. A rate shows
  // a literal "%" after the number it holds (102 shows as 102%): typing "105%" makes Excel store
  // 1,05, which then shows as 1%, plainly wrong, instead of passing unseen.
  return `[$-42A]${integer}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${percent ? '"%"' : ''}`;
}

/** A quantity as a cell holds it: a number with its display format, or, beyond 15 digits or with a bound's word, its Vietnamese text. */
export type CellNumber = { number: number; format: string } | { text: string };

/** A quantity's cell: a number where one holds it, else its Vietnamese text, with the word of a bound (`trên 20`), which no number format shows. */
export function cellNumber(quantity: Quantity, percent = false): CellNumber {
  if (quantity.bound !== undefined || !fitsNumericCell(quantity)) return { text: `${formatNumber(quantity)}${percent ? '%' : ''}` };
  return { number: Number(quantity.value.toFixed(quantity.decimals)), format: vietnameseFormat(quantity.decimals, quantity.minIntegerDigits, percent) };
}

/**
 * The number a numeric cell holds, from the text of its `<v>` element: the double Excel
 * stored, as the shortest decimal that gives it back (Excel 2007 writes 663.8 as
 * 663.79999999999995). A double that needs more than 15 significant digits, or a whole part
 * of 16 digits or more, is not what was typed (Excel cuts the digits after the 15th): refused.
 */
export function readNumericCell(raw: string): { value: Decimal } | { tooLong: true } | { problem: string } {
  const double = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(double)) return { problem: `ô số không đọc được ("${raw}")` };
  const value = new Decimal(String(double));
  if (value.abs().gte(CELL_LIMIT) || (!value.isZero() && value.sd(true) > CELL_DIGITS)) return { tooLong: true };
  return { value };
}

/** The quantity of a numeric cell's value, written with at least `decimals` decimals (those the cell showed, or the data had). */
export function quantityOfCell(value: Decimal, decimals = 0): Quantity {
  return { value, decimals: Math.max(decimals, value.decimalPlaces()), minIntegerDigits: 1 };
}
