import { Decimal } from '../decimal.js';
import type { Place } from '../diagnostics.js';
import { product, quotient } from './exact.js';

/**
 * A unit's size in the base unit of its dimension, as a fraction: a compound keeps its parts'
 * sizes apart (tạ/sào is 100 kg over 360 m²), so that a conversion divides once, exactly
 * whenever the result is a terminating decimal.
 */
export interface Scale {
  numerator: Decimal;
  denominator: Decimal;
}

/** What the unit table says of a unit: what it measures, how large it is, whether it counts. */
export interface Unit {
  /** What it measures ("tiền", "diện tích", "hộ"); a compound's is the quotient of its parts' ("tiền/người/năm"). */
  dimension: string;
  scale: Scale;
  /** Whether its values count things (hộ, người, vụ): whole, and not negative. */
  count: boolean;
  /** The unit a difference of two of its values is told in, when not itself: two rates differ by "điểm phần trăm". */
  difference?: string;
}

/** One unit of a table file, as written there. */
export interface UnitEntry {
  name: string;
  dimension: string;
  scale: Decimal;
  count: boolean;
  aliases: string[];
  difference?: string;
  place: Place;
}

/** A unit as a figure uses it: the text the data writes (and the report prints), and what the table says of it. */
export interface UnitUse {
  unit: string;
  /** undefined when the table lacks the unit: its figures are then never converted, nor added to others. */
  tableUnit?: Unit;
}

/** The dimension of rates: a quotient of two figures of one dimension (%, ‰) is in it. */
export const RATE_DIMENSION = 'tỷ lệ';

const ONE = new Decimal(1);

/** How a unit is looked up: case, spaces and NFC aside (Ha, "tỷ  đồng" and kWh as kwh). */
export function unitKey(written: string): string {
  return written.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The units of a project: the shipped table with the project's own entries over it. A Map,
 * so a unit named like an Object property (constructor) is just a unit name.
 */
export class UnitTable {
  readonly #units = new Map<string, Unit>();
  /** Every name and alias as the tables write them, for the closest-word hint of an unknown unit. */
  readonly #names = new Set<string>();

  /** Later entries win: a project's data/don-vi.yaml comes after the shipped table. */
  constructor(entries: readonly UnitEntry[]) {
    for (const entry of entries) {
      const unit: Unit = {
        dimension: entry.dimension,
        scale: { numerator: entry.scale, denominator: ONE },
        count: entry.count,
        difference: entry.difference,
      };
      for (const name of [entry.name, ...entry.aliases]) {
        this.#units.set(unitKey(name), unit);
        this.#names.add(name);
      }
    }
  }

  names(): string[] {
    return [...this.#names];
  }

  /**
   * The unit a written unit names: a table unit by name or alias, or a quotient of table units
   * (`triệu đồng/người/năm`, `tạ/ha`); undefined when the table lacks it or any of its parts.
   */
  lookup(written: string): Unit | undefined {
    const whole = this.#units.get(unitKey(written));
    if (whole || !written.includes('/')) return whole;
    const parts = written.split('/').map((part) => this.#units.get(unitKey(part)));
    if (parts.some((part) => part === undefined)) return undefined;
    const [top, ...bottom] = parts as Unit[];
    return {
      dimension: parts.map((part) => part!.dimension).join('/'),
      scale: {
        numerator: bottom.reduce((n, u) => product(n, u.scale.denominator), top!.scale.numerator),
        denominator: bottom.reduce((d, u) => product(d, u.scale.numerator), top!.scale.denominator),
      },
      count: false,
    };
  }
}

/**
 * The factor Π above ÷ Π below of unit scales, with one division: a value in the product of
 * the `above` units, taken into the product of the `below` units. `tạ` into `tấn`: above
 * [tạ], below [tấn]; a quotient a/b into its figure's unit u: above [a], below [b, u].
 */
export function scaleFactor(above: readonly Scale[], below: readonly Scale[]): Decimal {
  const numerator = above.reduce((n, s) => product(n, s.numerator), ONE);
  const denominator = above.reduce((d, s) => product(d, s.denominator), ONE);
  return quotient(
    below.reduce((n, s) => product(n, s.denominator), numerator),
    below.reduce((d, s) => product(d, s.numerator), denominator),
  );
}

/**
 * The factor that turns a value in `from` into `to` (`triệu đồng` → `tỷ đồng`: 0,001), or
 * undefined when they measure different things, or the table lacks either: a unit the table
 * lacks is never converted, nor added to another.
 */
export function conversionFactor(from: UnitUse, to: UnitUse): Decimal | undefined {
  if (!from.tableUnit || !to.tableUnit || from.tableUnit.dimension !== to.tableUnit.dimension) return undefined;
  return scaleFactor([from.tableUnit.scale], [to.tableUnit.scale]);
}

/** The factor from `from` into `to`: 1 when they are written alike (even a unit the table lacks), else through the table. */
export function factorBetween(from: UnitUse, to: UnitUse): Decimal | undefined {
  return sameUnit(from, to) ? ONE : conversionFactor(from, to);
}

/** Whether two figures' units are written alike (case and spaces aside): the same unit, whether or not the table has it. */
export function sameUnit(a: UnitUse, b: UnitUse): boolean {
  return unitKey(a.unit) === unitKey(b.unit);
}

export function isRate(use: UnitUse): boolean {
  return use.tableUnit?.dimension === RATE_DIMENSION;
}

export function isCount(use: UnitUse): boolean {
  return use.tableUnit?.count === true;
}

/**
 * Whether a whole number in this unit is exact rather than rounded: in a count (113 cháu),
 * and in the base unit of a dimension that is not a rate (6.790.880.637 đồng); 28 tỷ đồng,
 * 8.215 tạ and 12% are rounded.
 */
export function wholeNumbersAreExact(use: UnitUse): boolean {
  const unit = use.tableUnit;
  if (!unit) return false;
  return unit.count || (!isRate(use) && unit.scale.numerator.eq(unit.scale.denominator));
}

/** The unit of a difference of two values: two rates differ by percentage points, not by %. */
export function differenceUnit(use: UnitUse): string {
  return use.tableUnit?.difference ?? use.unit;
}
