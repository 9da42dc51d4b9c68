import { Decimal } from '../src/decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES, runRules } from '../src/check/run-rules.js';
import { computeFigures } from '../src/compute/figures.js';
import { conversionFactor, wholeNumbersAreExact } from '../src/compute/units.js';
import { Messages } from '../src/diagnostics.js';
import type { FigureInput, NumberInput, YearInput } from '../src/validate/input.js';
import type { BoundWord } from '../src/vietnamese/number.js';
import { SHIPPED_UNITS } from './rule-tester.js';

/**
 * Property tests of the consistency rules: honest rounding is never flagged, and a
 * stated value beyond what rounding allows always is. Seeded, so a failure replays.
 */
const RUNS = { seed: 20231205, numRuns: 300 };

const place = { file: 'chi-tieu.yaml', line: 1, col: 1 };

/** A unit as decode gives it to a figure: as written, with what the shipped table says of it. */
const inUnit = (unit: string) => ({ unit, tableUnit: SHIPPED_UNITS.lookup(unit) });

function written(value: Decimal, decimals: number): NumberInput {
  return { quantity: { value: value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP), decimals, minIntegerDigits: 1 }, place };
}

/** The smallest number written with `decimals` decimals that is strictly above `bound`. */
function justAbove(bound: Decimal, decimals: number): Decimal {
  const step = new Decimal(10).pow(-decimals);
  return bound.div(step).floor().plus(1).times(step);
}

const halfUnit = (decimals: number) => new Decimal(10).pow(-decimals).div(2);

/** The extremes of x/y over x ∈ [x ± xh], y ∈ [y ± yh] (y kept away from zero): at the corners. */
function quotientBounds(x: Decimal, xh: Decimal, y: Decimal, yh: Decimal): [Decimal, Decimal] {
  const quotients = [x.minus(xh), x.plus(xh)].flatMap((n) => [y.minus(yh), y.plus(yh)].map((m) => n.div(m)));
  return [Decimal.min(...quotients), Decimal.max(...quotients)];
}

/**
 * A value written with `decimals` decimals just beyond what a stated quotient-based figure may
 * be: above `scaled(high)` or below `scaled(low)`, each widened by that value's own rounding.
 */
function justOutside([low, high]: [Decimal, Decimal], scaled: (q: Decimal) => Decimal, decimals: number, above: boolean): NumberInput {
  const value = above
    ? justAbove(scaled(high).plus(halfUnit(decimals)), decimals)
    : justAbove(scaled(low).minus(halfUnit(decimals)).negated(), decimals).negated();
  return { quantity: { value, decimals, minIntegerDigits: 1 }, place };
}

/** An exact figure with up to four decimals, positive or negative. */
const exact = (min: number) =>
  fc.tuple(fc.integer({ min, max: 10 ** 9 }), fc.integer({ min: 0, max: 4 })).map(([n, k]) => new Decimal(n).div(10 ** k));
const decimals = fc.integer({ min: 0, max: 3 });

function findings(figures: FigureInput[], ruleId: string): string[] {
  const messages = new Messages();
  const computed = computeFigures(figures, undefined, messages.stage('compute'));
  expect(messages.all).toEqual([]);
  // These rules read only the figures; the rest of the year's input does not matter here.
  const input = { figures } as YearInput;
  return runRules({ input, figures: computed, references: [] }, new Map(), RULES.filter((r) => r.meta.id === ruleId))
    .map((f) => f.message);
}

const parts = fc.array(fc.tuple(exact(-(10 ** 9)), decimals), { minLength: 1, maxLength: 8 });

function partInputs(values: [Decimal, number][]): FigureInput[] {
  return values.map(([value, d], i) => ({ key: `p${i}`, place, name: `P${i}`, ...inUnit('tỷ đồng'), value: written(value, d) }));
}

const total = (value: NumberInput, count: number): FigureInput => ({
  key: 't',
  place,
  name: 'T',
  ...inUnit('tỷ đồng'),
  value,
  sum: Array.from({ length: count }, (_, i) => ({ key: `p${i}`, place })),
});

describe('total against its parts', () => {
  it('is never flagged when the total is the exact sum, each side rounded at any precision', () => {
    fc.assert(
      fc.property(parts, decimals, (values, totalDecimals) => {
        const sum = values.reduce((s, [v]) => s.plus(v), new Decimal(0));
        expect(findings([...partInputs(values), total(written(sum, totalDecimals), values.length)], 'total-parts')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is always flagged when the total is off by more than the rounding of all sides', () => {
    fc.assert(
      fc.property(parts, decimals, fc.boolean(), (values, totalDecimals, above) => {
        const inputs = partInputs(values);
        const sumOfWritten = inputs.reduce((s, p) => s.plus(p.value!.quantity.value), new Decimal(0));
        const tolerance = values.reduce((s, [, d]) => s.plus(halfUnit(d)), halfUnit(totalDecimals));
        const off = justAbove(tolerance, totalDecimals);
        const stated = above ? sumOfWritten.plus(off) : sumOfWritten.minus(off);
        const statedTotal = { quantity: { value: stated, decimals: totalDecimals, minIntegerDigits: 1 }, place };
        expect(findings([...inputs, total(statedTotal, values.length)], 'total-parts')).toHaveLength(1);
      }),
      RUNS,
    );
  });
});

const ratioFigures = (numerator: NumberInput, denominator: NumberInput, stated: NumberInput): FigureInput[] => [
  { key: 'a', place, name: 'A', ...inUnit('tỷ đồng'), value: numerator },
  { key: 'b', place, name: 'B', ...inUnit('tỷ đồng'), value: denominator },
  { key: 'r', place, name: 'R', ...inUnit('%'), value: stated, ratio: [{ key: 'a', place }, { key: 'b', place }] },
];

describe('ratio against its figures', () => {
  it('is never flagged when the ratio is computed from the exact figures and rounded', () => {
    fc.assert(
      fc.property(exact(0), decimals, exact(1), decimals, decimals, (a, ad, b, bd, rd) => {
        const numerator = written(a, ad);
        const denominator = written(b, bd);
        fc.pre(!denominator.quantity.value.minus(halfUnit(bd)).lte(0));
        const ratio = written(a.div(b).times(100), rd);
        expect(findings(ratioFigures(numerator, denominator, ratio), 'ratio')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is always flagged when the ratio lies beyond what the rounded figures allow', () => {
    fc.assert(
      fc.property(exact(0), decimals, exact(1), decimals, decimals, fc.boolean(), (a, ad, b, bd, rd, above) => {
        const numerator = written(a, ad);
        const denominator = written(b, bd);
        const [n, m] = [numerator.quantity.value, denominator.quantity.value];
        fc.pre(m.minus(halfUnit(bd)).gt(0));
        const ratio = justOutside(quotientBounds(n, halfUnit(ad), m, halfUnit(bd)), (q) => q.times(100), rd, above);
        expect(findings(ratioFigures(numerator, denominator, ratio), 'ratio')).toHaveLength(1);
      }),
      RUNS,
    );
  });
});

const growthFigure = (value: NumberInput, lastYear: NumberInput, change: NumberInput): FigureInput[] => [
  { key: 'g', place, name: 'G', ...inUnit('tỷ đồng'), value, lastYear, change },
];

describe('growth rate against this year and cùng kỳ', () => {
  it('is never flagged when the rate is computed from the exact figures and rounded', () => {
    fc.assert(
      fc.property(exact(0), decimals, exact(1), decimals, decimals, (v, vd, c, cd, rd) => {
        const lastYear = written(c, cd);
        fc.pre(lastYear.quantity.value.minus(halfUnit(cd)).gt(0));
        const change = written(v.div(c).minus(1).times(100), rd);
        expect(findings(growthFigure(written(v, vd), lastYear, change), 'growth-rate')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is always flagged when the rate lies beyond what the rounded figures allow', () => {
    fc.assert(
      fc.property(exact(0), decimals, exact(1), decimals, decimals, fc.boolean(), (v, vd, c, cd, rd, above) => {
        const value = written(v, vd);
        const lastYear = written(c, cd);
        const [x, y] = [value.quantity.value, lastYear.quantity.value];
        fc.pre(y.minus(halfUnit(cd)).gt(0));
        const change = justOutside(quotientBounds(x, halfUnit(vd), y, halfUnit(cd)), (q) => q.minus(1).times(100), rd, above);
        expect(findings(growthFigure(value, lastYear, change), 'growth-rate')).toHaveLength(1);
      }),
      RUNS,
    );
  });
});

/** Units of one dimension: parts in some, their total in another, converted through the table. */
const DIMENSIONS = [
  ['kg', 'yến', 'tạ', 'tấn'],
  ['đồng', 'nghìn đồng', 'triệu đồng', 'tỷ đồng', 'tỉ đồng'],
  ['m²', 'sào', 'ha', 'km²'],
];

/** Half the last place of a number written with `d` decimals in `unit`: none for a whole number where whole numbers are exact. */
const halfWidthIn = (unit: string, d: number) => (d === 0 && wholeNumbersAreExact(inUnit(unit)) ? new Decimal(0) : halfUnit(d));
const factorOf = (from: string, to: string) => conversionFactor(inUnit(from), inUnit(to))!;

/** Parts whose true values are whole base units (kg, đồng, m²), each written in a unit of the dimension. */
const partsInUnits = fc.constantFrom(...DIMENSIONS).chain((units) =>
  fc.tuple(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom(...units), decimals), { minLength: 1, maxLength: 6 }),
    fc.constantFrom(...units),
    decimals,
  ),
);

function convertedParts(values: [number, string, number][], base: string): FigureInput[] {
  return values.map(([value, unit, d], i) => ({ key: `p${i}`, place, name: `P${i}`, ...inUnit(unit), value: written(new Decimal(value).times(factorOf(base, unit)), d) }));
}

const totalIn = (unit: string, value: NumberInput, count: number): FigureInput => ({ ...total(value, count), ...inUnit(unit) });

describe('a total against parts in other units of its dimension', () => {
  it('is never flagged when each side is the true value, converted and honestly rounded', () => {
    fc.assert(
      fc.property(partsInUnits, ([values, totalUnit, totalDecimals]) => {
        const base = DIMENSIONS.find((units) => units.includes(totalUnit))![0]!;
        const sum = values.reduce((s, [v]) => s.plus(v), new Decimal(0));
        const stated = written(sum.times(factorOf(base, totalUnit)), totalDecimals);
        expect(findings([...convertedParts(values, base), totalIn(totalUnit, stated, values.length)], 'total-parts')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is always flagged when the total is off by more than the rounding of all sides, converted', () => {
    fc.assert(
      fc.property(partsInUnits, fc.boolean(), ([values, totalUnit, totalDecimals], above) => {
        const base = DIMENSIONS.find((units) => units.includes(totalUnit))![0]!;
        const parts = convertedParts(values, base);
        const inTotalUnit = parts.map((p) => ({ value: p.value!.quantity.value.times(factorOf(p.unit!, totalUnit)), half: halfWidthIn(p.unit!, p.value!.quantity.decimals).times(factorOf(p.unit!, totalUnit)) }));
        const sumOfWritten = inTotalUnit.reduce((s, p) => s.plus(p.value), new Decimal(0));
        const tolerance = inTotalUnit.reduce((s, p) => s.plus(p.half), halfWidthIn(totalUnit, totalDecimals));
        const off = justAbove(tolerance, totalDecimals);
        const stated = { quantity: { value: above ? sumOfWritten.plus(off) : sumOfWritten.minus(off), decimals: totalDecimals, minIntegerDigits: 1 }, place };
        expect(findings([...parts, totalIn(totalUnit, stated, values.length)], 'total-parts')).toHaveLength(1);
      }),
      RUNS,
    );
  });
});

/** The multiple of 10^−d at or below `v`, or at or above it. */
const floorTo = (v: Decimal, d: number) => v.toDecimalPlaces(d, Decimal.ROUND_FLOOR);
const ceilTo = (v: Decimal, d: number) => v.toDecimalPlaces(d, Decimal.ROUND_CEIL);
/** The largest multiple of 10^−d strictly below `v`. */
const justBelow = (v: Decimal, d: number) => justAbove(v.negated(), d).negated();

const boundWords = fc.constantFrom('trên', 'hơn', 'dưới', 'gần', 'khoảng') as fc.Arbitrary<BoundWord>;
const positiveParts = fc.array(fc.tuple(exact(0), decimals), { minLength: 1, maxLength: 6 });
const boundedTotal = (bound: BoundWord, value: Decimal, d: number): NumberInput => ({ quantity: { value, decimals: d, minIntegerDigits: 1, bound }, place });

describe('a bounded total against its parts', () => {
  it('never alarms when the true total is what the bound says (trên 20 of parts that add to 23)', () => {
    fc.assert(
      fc.property(positiveParts, decimals, boundWords, (values, d, bound) => {
        const sum = values.reduce((s, [v]) => s.plus(v), new Decimal(0));
        // A bound the true sum keeps: above it, below it, or its own rounding for gần and khoảng.
        const value = bound === 'trên' || bound === 'hơn' ? justBelow(sum, d) : bound === 'dưới' ? justAbove(sum, d) : written(sum, d).quantity.value;
        expect(findings([...partInputs(values), total(boundedTotal(bound, value, d), values.length)], 'total-parts')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('always alarms when no sum the rounded parts allow is what the bound says (trên 20 of parts that add to 15)', () => {
    fc.assert(
      fc.property(positiveParts, decimals, boundWords, fc.boolean(), (values, d, bound, above) => {
        const inputs = partInputs(values);
        const sum = inputs.reduce((s, p) => s.plus(p.value!.quantity.value), new Decimal(0));
        const tolerance = values.reduce((s, [, pd]) => s.plus(halfUnit(pd)), new Decimal(0));
        const [lowest, highest] = [sum.minus(tolerance), sum.plus(tolerance)];
        const half = halfUnit(d);
        // For gần and khoảng, a tenth of the number or its rounding, whichever is wider (data/README.md).
        const widest = (w: Decimal) => Decimal.max(w.div('0.9'), w.plus(half));
        let value: Decimal;
        if (bound === 'trên' || bound === 'hơn') value = ceilTo(highest, d);
        else if (bound === 'dưới') value = floorTo(lowest, d);
        else if (above) value = ceilTo(widest(highest), d);
        else value = bound === 'gần' ? floorTo(lowest.minus(half), d) : justBelow(Decimal.min(lowest.div('1.1'), lowest.minus(half)), d);
        fc.pre(value.gt(0));
        expect(findings([...inputs, total(boundedTotal(bound, value, d), values.length)], 'total-parts')).toHaveLength(1);
      }),
      RUNS,
    );
  });
});
