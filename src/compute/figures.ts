import { Decimal } from '../decimal.js';
import { formatPlace, type Place, type Report } from '../diagnostics.js';
import type { FigureInput, FigureRef, NumberInput } from '../validate/input.js';
import { formatWithUnit, type Quantity } from '../vietnamese/number.js';
import { boundedRange, derivedBound, quotientDirections, signOf, type Direction } from './bounds.js';
import { difference, product, productOf, quotient, sum, total } from './exact.js';
import { add, divide, multiply, point, rounded, roundingHalfWidth, scale, shift, subtract, type Interval } from './interval.js';
import { factorBetween, isRate, sameUnit, scaleFactor, wholeNumbersAreExact, type Scale, type UnitUse } from './units.js';

/** How a derived value was obtained. */
export type Formula = 'sum' | 'product' | 'ratio' | 'restated' | 'plan-share' | 'over-plan' | 'plan-difference' | 'change' | 'change-amount';

export interface StatedValue {
  quantity: Quantity;
  place: Place;
  /** What the written number stands for, given how it was rounded. */
  interval: Interval;
}

export interface DerivedValue {
  /** Exact (unrounded) value, with the decimals to print it at. */
  quantity: Quantity;
  interval: Interval;
  formula: Formula;
  /** Where the inputs were written: the parts of a total, the original of a restatement. */
  inputs: Place[];
}

/** One aspect of a figure (its value, its share of plan, its change): stated, derived, or both. */
export interface Measure {
  stated?: StatedValue;
  derived?: DerivedValue;
  /** When neither is there because a division by zero was asked: the words a report prints instead. */
  unavailable?: string;
  /** When no derived value is there because its inputs' bounds pull different ways: why, naming the figure. */
  refused?: string;
}

/** What a report prints where a figure would divide by zero: words, never NaN or Infinity. */
export const UNAVAILABLE = {
  ratio: 'không xác định được (mẫu số bằng 0)',
  planShare: 'không tính được (kế hoạch bằng 0)',
  change: 'không tính được (cùng kỳ bằng 0)',
} as const;

/** A figure as last year's data recorded it. */
export interface Recorded extends UnitUse {
  quantity: Quantity;
  place: Place;
  /** The figure's name there, for a figure to be made from it (report init from a merged unit's predecessors). */
  name?: string;
}

/** What last year's data says about this year's figures, by this year's figure keys. */
export interface EarlierYear {
  year: number;
  /** Last year's value of each figure: this year's cùng kỳ. */
  values: ReadonlyMap<string, Recorded>;
  /** Last year's targets (phương hướng, ke_hoach_cho): this year's plan. */
  targets: ReadonlyMap<string, Recorded>;
}

export interface Figure extends UnitUse {
  key: string;
  name: string;
  place: Place;
  value: Measure;
  plan?: StatedValue;
  lastYear?: StatedValue;
  planShare: Measure;
  /** How far above (+) or below (−) the plan, in %: the share of plan minus 100. */
  overPlan: Measure;
  /** Value minus plan, in the figure's unit (percentage points for a rate). */
  planDifference: Measure;
  change: Measure;
  changeAmount: Measure;
  /** The figure this one restates, when it is a restatement (nhac_lai). */
  restates?: Figure;
  /** What last year's data says: its value (cùng kỳ) and its target for this year (plan). */
  recorded: { lastYear?: StatedValue; plan?: StatedValue };
  /** Its named parts (trong đó), with where each was named. */
  ofWhich: { figure: Figure; place: Place }[];
}

/** What the report prints for a measure: the stated value if any (principle 2), else the derived one. */
export function printed(measure: Measure): Quantity | undefined {
  return measure.stated?.quantity ?? measure.derived?.quantity;
}

/** The range of true values the printed value stands for. */
export function printedRange(measure: Measure): Interval | undefined {
  return measure.stated?.interval ?? measure.derived?.interval;
}

const HUNDRED = new Decimal(100);

/**
 * Computes every figure of a year: derived totals, products, ratios, shares of plan and
 * changes against cùng kỳ, each with the range it stands for. Reports unknown references,
 * cycles and zero denominators; never throws for bad data.
 */
export function computeFigures(inputs: readonly FigureInput[], earlier: EarlierYear | undefined, report: Report): Map<string, Figure> {
  const byKey = new Map(inputs.map((input) => [input.key, input]));
  const figures = new Map<string, Figure>();
  const inProgress = new Set<string>();

  const resolve = (ref: FigureRef): Figure | undefined => {
    const done = figures.get(ref.key);
    if (done) return done;
    const input = byKey.get(ref.key);
    if (!input) {
      report({
        ruleId: 'unknown-figure',
        severity: 'error',
        place: ref.place,
        message: `Không có chỉ tiêu nào mã "${ref.key}". Kiểm tra chính tả mã, hoặc thêm chỉ tiêu này vào chi_tieu.`,
      });
      return undefined;
    }
    if (inProgress.has(ref.key)) {
      report({
        ruleId: 'figure-cycle',
        severity: 'error',
        place: ref.place,
        message: `Chỉ tiêu "${ref.key}" được tính từ chính nó (vòng lặp tong/tich/chia/trong_do/nhac_lai). Bỏ tham chiếu vòng.`,
      });
      return undefined;
    }
    inProgress.add(ref.key);
    const figure = computeFigure(input, resolve, report, earlier);
    inProgress.delete(ref.key);
    figures.set(ref.key, figure);
    return figure;
  };

  for (const input of inputs) resolve({ key: input.key, place: input.place });
  return figures;
}

function computeFigure(
  input: FigureInput,
  resolve: (ref: FigureRef) => Figure | undefined,
  report: Report,
  earlier: EarlierYear | undefined,
): Figure {
  const restates = input.restates ? resolve(input.restates) : undefined;
  const unit = input.unit ?? restates?.unit ?? '';
  const use: UnitUse = { unit, tableUnit: input.unit === undefined ? restates?.tableUnit : input.tableUnit };
  const exact = wholeNumbersAreExact(use);
  const name = input.name ?? restates?.name ?? input.key;
  const fromEarlier = (entry: Recorded | undefined, what: string): StatedValue | undefined => {
    if (!entry || restates) return undefined;
    const factor = factorBetween(entry, use);
    if (!factor) {
      report({
        ruleId: 'earlier-year-unit',
        severity: 'warning',
        place: input.place,
        message: `"${input.key}" có đơn vị "${unit}", còn ${what} năm ${earlier!.year} (${formatPlace(entry.place)}) có đơn vị "${entry.unit}": không dùng được. Sửa don_vi cho khớp, hoặc ghi số này trực tiếp.`,
      });
      return undefined;
    }
    const decimals = Math.max(0, entry.quantity.decimals - Math.round(Math.log10(factor.toNumber())));
    // A leading zero belongs to the number as written: 01 triệu đồng is 0,001 tỷ đồng, not 00,001.
    const minIntegerDigits = factor.eq(1) ? entry.quantity.minIntegerDigits : 1;
    const step = entry.quantity.step && product(entry.quantity.step, factor);
    const quantity = { ...entry.quantity, value: product(entry.quantity.value, factor), decimals, minIntegerDigits, step };
    return stated({ quantity, place: entry.place }, exact);
  };
  const recorded = {
    lastYear: fromEarlier(earlier?.values.get(input.key), 'số liệu'),
    plan: fromEarlier(earlier?.targets.get(input.key), 'mục tiêu'),
  };
  const figure: Figure = {
    key: input.key,
    name,
    ...use,
    place: input.place,
    value: { stated: stated(input.value, exact) },
    // A plan or cùng kỳ typed this year wins: it may be a revision of last year's figure.
    plan: stated(input.plan, exact) ?? recorded.plan,
    lastYear: stated(input.lastYear, exact) ?? recorded.lastYear,
    recorded,
    planShare: { stated: stated(input.planShare, false) },
    overPlan: { stated: stated(input.overPlan, false) },
    planDifference: { stated: stated(input.planDifference, exact) },
    change: { stated: stated(input.change, false) },
    changeAmount: { stated: stated(input.changeAmount, exact) },
    restates,
    ofWhich: (input.ofWhich ?? []).flatMap((ref) => {
      const part = resolve(ref);
      if (part && differentDimensions(part, use)) reportMismatch(report, { key: input.key, ...use }, part, ref.place, 'trong_do');
      return part ? [{ figure: part, place: ref.place }] : [];
    }),
  };

  if (restates) {
    // A restatement inherits every measure it does not state, and is checked against the original.
    const inherit = (own: Measure, original: Measure): Measure => {
      const quantity = printed(original);
      const interval = printedRange(original);
      return quantity && interval
        ? { ...own, derived: { quantity, interval, formula: 'restated', inputs: [original.stated?.place ?? restates.place] } }
        : { ...own, refused: original.refused };
    };
    figure.value = inherit(figure.value, restates.value);
    figure.planShare = inherit(figure.planShare, restates.planShare);
    figure.overPlan = inherit(figure.overPlan, restates.overPlan);
    figure.planDifference = inherit(figure.planDifference, restates.planDifference);
    figure.change = inherit(figure.change, restates.change);
    figure.changeAmount = inherit(figure.changeAmount, restates.changeAmount);
    figure.plan ??= restates.plan;
    figure.lastYear ??= restates.lastYear;
    return figure;
  }

  const derived = deriveValue(input, use, resolve, report, figure.value.stated !== undefined);
  if (derived === 'zero-denominator') figure.value.unavailable = UNAVAILABLE.ratio;
  else if (derived !== 'unit-mismatch' && derived) setDerived(figure.value, derived);
  deriveComparisons(figure, input.digits);
  deriveOverPlan(figure);
  if (!printed(figure.value) && !figure.value.unavailable && derived !== 'unit-mismatch') {
    report({
      ruleId: figure.value.refused ? 'bounded-value' : 'no-value',
      severity: 'error',
      place: input.place,
      message: figure.value.refused
        ? `${figure.value.refused} Ghi gia_tri cho "${input.key}".`
        : `Chỉ tiêu "${input.key}" không có giá trị: nhập gia_tri, hoặc sửa các chỉ tiêu mà nó được tính từ.`,
    });
  }
  return figure;
}

/**
 * A stated number with the range it stands for: its rounding, half its last written place
 * (`step`, for an amount in scale words) or, for a whole number in a unit where whole numbers
 * are exact, the number itself.
 */
function stated(input: NumberInput | undefined, wholeIsExact: boolean): StatedValue | undefined {
  if (!input) return undefined;
  const { quantity } = input;
  const halfWidth = quantity.step ? quantity.step.div(2) : roundingHalfWidth(quantity.decimals);
  const exact = !quantity.step && quantity.decimals === 0 && wholeIsExact;
  const written = exact ? point(quantity.value) : rounded(quantity.value, halfWidth);
  return { quantity, place: input.place, interval: quantity.bound ? boundedRange(quantity.bound, quantity.value, written) : written };
}

/** An input of a derivation, for the bound of its result: its quantity, how the result moves with it, how a message names it. */
interface BoundInput {
  quantity: Quantity;
  direction: Direction;
  label: string;
}

/**
 * A derived value with the bound its inputs give it ("trên 20" + 3 is "trên 23"); or, when
 * their bounds pull different ways, why it cannot be printed: `what` names it and its figure.
 */
function withBound(derived: DerivedValue, inputs: readonly BoundInput[], what: string): DerivedValue | { refused: string } {
  const bound = derivedBound(inputs.map((input) => ({ bound: input.quantity.bound, direction: input.direction })));
  if (bound === undefined) return derived;
  if (bound !== 'uncertain') return { ...derived, quantity: { ...derived.quantity, bound } };
  const bounded = inputs.filter((input) => input.quantity.bound).map((input) => input.label);
  return { refused: `${what} được tính từ ${bounded.join(', ')}: các giới hạn này kéo về hai phía, nên không nói được là "trên" hay "dưới" bao nhiêu.` };
}

function setDerived(measure: Measure, result: DerivedValue | { refused: string }): void {
  if ('refused' in result) measure.refused = result.refused;
  else measure.derived = result;
}

/** Whether two units are both in the table and measure different things: hộ and người, ha and tấn. */
function differentDimensions(a: UnitUse, b: UnitUse): boolean {
  return a.tableUnit !== undefined && b.tableUnit !== undefined && a.tableUnit.dimension !== b.tableUnit.dimension;
}

/** A part that cannot be added to its whole (tong, trong_do): reported at the part's mention. */
function reportMismatch(report: Report, whole: UnitUse & { key: string }, part: Figure, place: Place, list: string): void {
  report({
    ruleId: 'unit-mismatch',
    severity: 'error',
    place,
    message:
      `"${part.key}" tính bằng ${part.unit || '(không có đơn vị)'}, còn "${whole.key}" bằng ${whole.unit || '(không có đơn vị)'}: hai đại lượng khác nhau, không cộng được. ` +
      `Sửa don_vi của một trong hai, hoặc bỏ "${part.key}" khỏi ${list} của "${whole.key}".`,
    related: [part.place],
  });
}

/**
 * The value of a total (tong), product (tich) or ratio (chia), in the figure's own unit: the
 * table's scales convert (parts in triệu đồng into a total in tỷ đồng, a % factor as a
 * hundredth, a quotient into %). A figure whose unit, or an operand's, the table lacks is not
 * derived; a part of another dimension is an error.
 */
function deriveValue(
  input: FigureInput,
  use: UnitUse,
  resolve: (ref: FigureRef) => Figure | undefined,
  report: Report,
  hasStatedValue: boolean,
): DerivedValue | { refused: string } | 'zero-denominator' | 'unit-mismatch' | undefined {
  const refs = input.sum ?? input.product ?? input.ratio;
  if (!refs) return undefined;
  const operands: { figure: Figure; quantity: Quantity; value: Decimal; range: Interval; decimals: number; minIntegerDigits: number; scale: Scale }[] = [];
  for (const ref of refs) {
    const figure = resolve(ref);
    const quantity = figure && printed(figure.value);
    const range = figure && printedRange(figure.value);
    if (!figure || !quantity || !range || !figure.tableUnit || !use.tableUnit) return undefined;
    if (input.sum && differentDimensions(figure, use)) {
      reportMismatch(report, { key: input.key, ...use }, figure, ref.place, 'tong');
      return 'unit-mismatch';
    }
    const { value, decimals, minIntegerDigits } = quantity;
    operands.push({ figure, quantity, value, range, decimals, minIntegerDigits, scale: figure.tableUnit.scale });
  }
  const own = use.tableUnit!.scale;
  const inputs = operands.map((o) => o.figure.value.stated?.place ?? o.figure.place);
  const derived = (value: Decimal, range: Interval, formula: Formula, decimals: number, directions: Direction[], minIntegerDigits = 1) =>
    withBound(
      { quantity: { value, decimals: input.digits ?? decimals, minIntegerDigits }, interval: range, formula, inputs },
      operands.map((o, i) => ({ quantity: o.quantity, direction: directions[i]!, label: `"${o.figure.key}" (${formatWithUnit(o.quantity, o.figure.unit)})` })),
      `Giá trị của "${input.key}"`,
    );

  if (input.sum) {
    const parts = operands.map((o) => {
      const factor = scaleFactor([o.scale], [own]);
      return { value: product(o.value, factor), range: scale(o.range, factor) };
    });
    const value = total(parts.map((p) => p.value));
    const range = parts.slice(1).reduce((sum, p) => add(sum, p.range), parts[0]!.range);
    // Parts written 01, 02 in the total's own unit make a total of 03.
    const width = operands.every((o) => sameUnit(o.figure, use)) ? Math.max(...operands.map((o) => o.minIntegerDigits)) : 1;
    return derived(value, range, 'sum', Math.max(...operands.map((o) => o.decimals)), operands.map(() => 1), width);
  }
  if (input.product) {
    const factor = scaleFactor(operands.map((o) => o.scale), [own]);
    const value = productOf([factor, ...operands.map((o) => o.value)]);
    const range = operands.slice(1).reduce((result, o) => multiply(result, o.range), operands[0]!.range);
    // Each factor moves the product the way the sign of the others' product says.
    const directions = operands.map((_, i) => operands.reduce<Direction>((sign, o, j) => (i === j ? sign : ((sign * signOf(o.range)) as Direction)), 1));
    return derived(value, scale(range, factor), 'product', operands.reduce((sum, o) => sum + o.decimals, 0), directions);
  }
  const [numerator, denominator] = operands as [(typeof operands)[0], (typeof operands)[0]];
  const range = divide(numerator.range, denominator.range);
  if (denominator.value.isZero() || !range) {
    report({
      ruleId: 'zero-denominator',
      severity: 'warning',
      place: input.ratio![1]!.place,
      message: `Mẫu số "${denominator.figure.key}" bằng 0 (hoặc có thể bằng 0 khi làm tròn), không chia được. ${
        hasStatedValue
          ? 'Giá trị đã nhập được giữ nguyên nhưng không kiểm tra được.'
          : `Báo cáo ghi "${UNAVAILABLE.ratio}" ở chỗ in chỉ tiêu này; nhập gia_tri, hoặc sửa mẫu số.`
      }`,
    });
    return 'zero-denominator';
  }
  const factor = scaleFactor([numerator.scale], [denominator.scale, own]);
  const value = product(quotient(numerator.value, denominator.value), factor);
  return derived(value, scale(range, factor), 'ratio', isRate(use) ? 2 : 1, quotientDirections(numerator.range, denominator.range));
}

/**
 * Share of plan, how far over or under the plan (in % and in the figure's unit), change and
 * change amount against cùng kỳ, where plan or cùng kỳ is known.
 */
function deriveComparisons(figure: Figure, digits: number | undefined): void {
  const value = printed(figure.value);
  const range = printedRange(figure.value);
  if (!value || !range) return;
  const inputs = (base: StatedValue) => [figure.value.stated?.place ?? figure.place, base.place];
  // For the bound of a comparison: how it moves with the value and with the plan or cùng kỳ.
  const against = (base: StatedValue, word: string, [withValue, withBase]: Direction[]): BoundInput[] => [
    { quantity: value, direction: withValue!, label: `giá trị ${formatWithUnit(value, figure.unit)}` },
    { quantity: base.quantity, direction: withBase!, label: `${word} ${formatWithUnit(base.quantity, figure.unit)}` },
  ];
  const percentOf = (base: StatedValue, formula: Formula, decimals: number, minus: Decimal, what: string, word: string) => {
    const ratio = divide(range, base.interval);
    if (!ratio || base.quantity.value.isZero()) return undefined;
    const derived: DerivedValue = {
      quantity: { value: product(difference(quotient(value.value, base.quantity.value), minus), HUNDRED), decimals, minIntegerDigits: 1 },
      interval: scale(shift(ratio, minus.negated()), HUNDRED),
      formula,
      inputs: inputs(base),
    };
    return withBound(derived, against(base, word, quotientDirections(range, base.interval)), `${what} của "${figure.key}"`);
  };
  if (figure.plan) {
    const decimals = figure.planShare.stated?.quantity.decimals ?? digits ?? 1;
    const derived = percentOf(figure.plan, 'plan-share', decimals, new Decimal(0), 'Tỷ lệ so với kế hoạch', 'kế hoạch');
    if (derived) setDerived(figure.planShare, derived);
    else if (figure.plan.quantity.value.isZero()) figure.planShare.unavailable = UNAVAILABLE.planShare;
    const gap: DerivedValue = {
      // 05 vụ against a plan of 03 vụ: "cao hơn 02 vụ", as against cùng kỳ.
      quantity: {
        value: difference(value.value, figure.plan.quantity.value),
        decimals: value.decimals,
        minIntegerDigits: Math.max(value.minIntegerDigits, figure.plan.quantity.minIntegerDigits),
      },
      interval: subtract(range, figure.plan.interval),
      formula: 'plan-difference',
      inputs: inputs(figure.plan),
    };
    setDerived(figure.planDifference, withBound(gap, against(figure.plan, 'kế hoạch', [1, -1]), `Mức chênh lệch so với kế hoạch của "${figure.key}"`));
  }
  if (figure.lastYear) {
    const { lastYear } = figure;
    // A rate changes by percentage points (changeAmount), not by a % of itself.
    const decimals = figure.change.stated?.quantity.decimals ?? 1;
    const derived = isRate(figure) ? undefined : percentOf(lastYear, 'change', decimals, new Decimal(1), 'Mức tăng/giảm so với cùng kỳ', 'cùng kỳ');
    if (derived) setDerived(figure.change, derived);
    else if (lastYear.quantity.value.isZero()) figure.change.unavailable = UNAVAILABLE.change;
    const amount: DerivedValue = {
      // 05 vụ against 03 vụ: "tăng 02 vụ".
      quantity: {
        value: difference(value.value, lastYear.quantity.value),
        decimals: value.decimals,
        minIntegerDigits: Math.max(value.minIntegerDigits, lastYear.quantity.minIntegerDigits),
      },
      interval: subtract(range, lastYear.interval),
      formula: 'change-amount',
      inputs: inputs(lastYear),
    };
    setDerived(figure.changeAmount, withBound(amount, against(lastYear, 'cùng kỳ', [1, -1]), `Mức chênh lệch so với cùng kỳ của "${figure.key}"`));
  }
}

/**
 * The two forms of a share of plan, each from the other: "vượt 2,9% kế hoạch" is "đạt 102,9%"
 * less 100. Where the share is neither written nor computed from a plan, a written vuot_ke_hoach
 * gives it; otherwise the share as printed gives what vuot_ke_hoach is checked against.
 */
function deriveOverPlan(figure: Figure): void {
  const { planShare, overPlan } = figure;
  const shifted = (from: Measure, by: Decimal, decimals: number): DerivedValue | undefined => {
    const quantity = printed(from);
    const interval = printedRange(from);
    if (!quantity || !interval) return undefined;
    return {
      quantity: { ...quantity, value: sum(quantity.value, by), decimals },
      interval: shift(interval, by),
      formula: 'over-plan',
      inputs: from.stated ? [from.stated.place] : (from.derived?.inputs ?? []),
    };
  };
  const shown = printed(planShare);
  if (!shown && !planShare.unavailable && !planShare.refused) {
    planShare.derived = overPlan.stated && shifted(overPlan, HUNDRED, overPlan.stated.quantity.decimals);
    return;
  }
  overPlan.derived = shown && shifted(planShare, HUNDRED.negated(), overPlan.stated?.quantity.decimals ?? shown.decimals);
  overPlan.unavailable = planShare.unavailable;
  overPlan.refused = planShare.refused;
}
