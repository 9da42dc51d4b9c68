import { Decimal } from '../decimal.js';
import type { BoundWord } from '../vietnamese/number.js';
import { difference, product, sum } from './exact.js';
import type { Interval } from './interval.js';

/** What a bound word says of the true value against the number written after it. */
type Sense = 'above' | 'below' | 'close-below' | 'about';

const SENSES: ReadonlyMap<BoundWord, Sense> = new Map([
  ['trên', 'above'],
  ['hơn', 'above'],
  ['dưới', 'below'],
  ['gần', 'close-below'],
  ['khoảng', 'about'],
]);

/** The word a derived bound takes when no input gives it its own: "trên", "dưới"... */
const WORDS: Record<Sense, BoundWord> = { above: 'trên', below: 'dưới', 'close-below': 'gần', about: 'khoảng' };

const TENTH = new Decimal('0.1');

/**
 * What a bounded number X stands for; `written` is what X alone stands for (its rounding).
 * - trên X, hơn X: more than X, with no upper end: (X; +∞).
 * - dưới X: less than X; for X > 0 also not negative, as a report's figures are not: [0; X).
 * - gần X: close below X: at most X (up to its rounding), and not more than a tenth of X below
 *   it, nor less than its rounding below: "gần 1.960" is 1.764–1.960. "Close" is not said in
 *   numbers; a tenth is the widest gap still called gần (1.800 for "gần 2.000"; 1.700 would be
 *   "hơn 1.700").
 * - khoảng X: X give or take a tenth of X, and never less than its own rounding: "khoảng 80" is
 *   72–88, "khoảng 2,5" is 2,25–2,75. The value's rounding, widened: a clerk who writes khoảng has
 *   rounded more loosely than the digits show.
 * The ends are inclusive where the word allows the number itself (gần, khoảng), so honest
 * writing is never flagged.
 */
export function boundedRange(bound: BoundWord, value: Decimal, written: Interval): Interval {
  const halfWidth = difference(value, written.lo);
  const width = Decimal.max(product(value.abs(), TENTH), halfWidth);
  switch (SENSES.get(bound)!) {
    case 'above':
      return { lo: value, hi: new Decimal(Infinity), loOpen: true, hiOpen: true };
    case 'below':
      return { lo: value.gt(0) ? new Decimal(0) : new Decimal(-Infinity), hi: value, loOpen: !value.gt(0), hiOpen: true };
    case 'close-below':
      return { lo: difference(value, width), hi: written.hi, loOpen: false, hiOpen: written.hiOpen };
    case 'about':
      return { lo: difference(value, width), hi: sum(value, width), loOpen: false, hiOpen: false };
  }
}

/**
 * How a derived value moves with one of its inputs over that input's range: with it (1), against
 * it (−1), or either way (0, where a sign may change).
 */
export type Direction = 1 | -1 | 0;

/** The sign of every value of a range: 1 when none is negative, −1 when none is positive, else 0. */
export function signOf(range: Interval): Direction {
  if (range.lo.gte(0)) return 1;
  return range.hi.lte(0) ? -1 : 0;
}

/** The sense a bound takes through a derivation that moves its way (1) or against it (−1). */
function through(sense: Sense, direction: Direction): Sense | undefined {
  if (direction === 1) return sense;
  if (direction === 0) return undefined;
  return sense === 'above' ? 'below' : sense === 'below' ? 'above' : sense === 'about' ? 'about' : undefined;
}

/**
 * The bound word a value derived from these inputs carries: none when no input is bounded; the
 * bounded inputs' sense when they all pull the same way ("trên 20" + 3 is "trên 23", 20 ÷ "trên 4"
 * is "dưới 5", "khoảng 80" × 2 is "khoảng 160"), with the word of the first input that gives it;
 * 'uncertain' when they pull different ways ("trên 20" + "dưới 5"), or one pulls no certain way
 * ("gần 4" as a divisor is close above, which no word says).
 */
export function derivedBound(inputs: readonly { bound?: BoundWord; direction: Direction }[]): BoundWord | 'uncertain' | undefined {
  const bounded = inputs.filter((input) => input.bound !== undefined);
  const senses = bounded.map((input) => through(SENSES.get(input.bound!)!, input.direction));
  const [first] = senses;
  if (bounded.length === 0) return undefined;
  if (first === undefined || senses.some((sense) => sense !== first)) return 'uncertain';
  return bounded.find((input) => input.direction === 1 && SENSES.get(input.bound!) === first)?.bound ?? WORDS[first];
}

/**
 * A bounded number's size, for a sentence that says the direction in a word ("giảm trên 5%"):
 * a negative value's bound turns ("dưới -5" is a fall of more than 5). Undefined when the range
 * holds both rises and falls ("trên -5"), or the size's bound has no word ("gần -5").
 */
export function boundedSize(bound: BoundWord, value: Decimal): BoundWord | undefined {
  const sense = SENSES.get(bound)!;
  if (sense === 'about' || value.gt(0) || (value.isZero() && sense === 'above')) return bound;
  return sense === 'below' && value.lt(0) ? 'trên' : undefined;
}

/** How a quotient a ÷ b (b away from 0) moves with a and with b: with a as b's sign, against b as a's sign. */
export function quotientDirections(a: Interval, b: Interval): [Direction, Direction] {
  return [signOf(b), (0 - signOf(a)) as Direction];
}
