import type { Place, Report } from '../diagnostics.js';
import { printed, type Figure, type Measure } from '../compute/figures.js';
import { boundedSize } from '../compute/bounds.js';
import { differenceUnit, isRate } from '../compute/units.js';
import { nextPeriodWords, periodWords, type Period } from '../period.js';
import type { ContextWord, HelperWord } from '../reference-words.js';
import { isPlaceholderText, PLACEHOLDER } from '../validate/placeholders.js';
import { closestWord } from './closest-word.js';
import type { SectionInput, TextInput, YearInput } from '../validate/input.js';
import { absolute, formatNumber, formatWithUnit, type Quantity } from '../vietnamese/number.js';

/** What a data text can refer to: the period's figures, the report's period and years, the issuing body's short name. */
export interface TextScope {
  figures: ReadonlyMap<string, Figure>;
  period: Period;
  shortName: string;
  /** In a draft, the figures with no value yet: a reference to one prints "[CẦN ĐIỀN: <tên>]". */
  unfilled?: ReadonlySet<string>;
}

/**
 * What a reference prints: a number, the words saying why there is none (a division by zero),
 * in a draft the place still to fill, or why it cannot be printed (a derivation from bounds that
 * pull different ways).
 */
type Shown = { text: string; isWords?: boolean; unfilled?: boolean } | { problem: string } | undefined;
type Helper = (figure: Figure) => Shown;

const show = (measure: Measure, format: (quantity: Quantity) => string | { problem: string }): Shown => {
  const quantity = printed(measure);
  if (quantity) {
    const shown = format(quantity);
    return typeof shown === 'string' ? { text: shown } : shown;
  }
  if (measure.refused !== undefined) return { problem: measure.refused };
  return measure.unavailable === undefined ? undefined : { text: measure.unavailable, isWords: true };
};

const valueOf = (measure: Measure, unit: string) => show(measure, (q) => formatWithUnit(q, unit));
const numberOf = (measure: Measure) => show(measure, formatNumber);

/** The words of a change's direction: for a rise, a fall, and a change that rounds to nothing. */
interface DirectionWords {
  up: string;
  down: string;
  none: string;
}

const CHANGE_WORDS: DirectionWords = { up: 'tăng', down: 'giảm', none: 'không thay đổi' };
/** "vượt 2,9% kế hoạch", "thấp hơn 3,1% kế hoạch", "đạt đúng kế hoạch". */
const OVER_PLAN_WORDS: DirectionWords = { up: 'vượt', down: 'thấp hơn', none: 'đạt đúng' };
/** "cao hơn kế hoạch 3 tỷ đồng", "thấp hơn kế hoạch 0,02 điểm phần trăm", "bằng kế hoạch". */
const PLAN_DIFFERENCE_WORDS: DirectionWords = { up: 'cao hơn', down: 'thấp hơn', none: 'bằng' };

/**
 * The size of a change, for a sentence that says its direction in a word: a bound turns with a
 * fall ("dưới -5%" is "giảm trên 5%"); a bound that leaves rise or fall open cannot be told so.
 */
function sizeOf(f: Figure, q: Quantity, unit: string, words: DirectionWords): Quantity | { problem: string } {
  if (!q.bound) return absolute(q);
  const bound = boundedSize(q.bound, q.value);
  return bound ? { ...absolute(q), bound } : { problem: `Với "${f.key}", "${formatWithUnit(q, unit)}" có thể là ${words.up}, có thể là ${words.down}.` };
}

const magnitudeOf = (f: Figure, measure: Measure, unit: string) =>
  show(measure, (q) => {
    const size = sizeOf(f, q, unit, CHANGE_WORDS);
    return 'problem' in size ? size : formatWithUnit(size, unit);
  });

/** "tăng 2,9%", "giảm 19,7%", "tăng trên 5%": the word follows the sign; a change that rounds to zero is "không thay đổi". */
const directionOf = (f: Figure, measure: Measure, unit: string, words: DirectionWords = CHANGE_WORDS) =>
  show(measure, (q) => {
    const size = sizeOf(f, q, unit, words);
    if ('problem' in size) return size;
    if (!size.bound && /^[0.,]+$/.test(formatNumber(size))) return words.none;
    return `${q.value.isNegative() ? words.down : words.up} ${formatWithUnit(size, unit)}`;
  });

/** A rate's change, unless typed as a %, reads in percentage points: "giảm 0,3 điểm phần trăm". */
const changeOf = (f: Figure): [Figure, Measure, string] =>
  isRate(f) && !printed(f.change) ? [f, f.changeAmount, differenceUnit(f)] : [f, f.change, '%'];

/** The words a text can put before a figure key: `{{tang_giam san_luong_lua}}`. */
const HELPERS: Record<HelperWord, { helper: Helper; needs: string }> = {
  so: { helper: (f) => numberOf(f.value), needs: 'gia_tri' },
  tang_giam: { helper: (f) => directionOf(...changeOf(f)), needs: 'tang_giam hoặc cung_ky' },
  muc_tang_giam: { helper: (f) => magnitudeOf(...changeOf(f)), needs: 'tang_giam hoặc cung_ky' },
  chenh_lech: { helper: (f) => directionOf(f, f.changeAmount, differenceUnit(f)), needs: 'chenh_lech hoặc cung_ky' },
  dat_ke_hoach: { helper: (f) => valueOf(f.planShare, '%'), needs: 'ty_le_ke_hoach, vuot_ke_hoach hoặc ke_hoach' },
  vuot_ke_hoach: { helper: (f) => directionOf(f, f.overPlan, '%', OVER_PLAN_WORDS), needs: 'vuot_ke_hoach, ty_le_ke_hoach hoặc ke_hoach' },
  chenh_lech_ke_hoach: {
    helper: (f) => directionOf(f, f.planDifference, differenceUnit(f), PLAN_DIFFERENCE_WORDS),
    needs: 'chenh_lech_ke_hoach hoặc ke_hoach',
  },
  ke_hoach: { helper: (f) => valueOf({ stated: f.plan }, f.unit), needs: 'ke_hoach' },
  cung_ky: { helper: (f) => valueOf({ stated: f.lastYear }, f.unit), needs: 'cung_ky' },
};

const upper = (text: string) => text.toLocaleUpperCase('vi');

const CONTEXT: Record<ContextWord, (scope: TextScope) => string> = {
  nam: ({ period }) => String(period.year),
  nam_truoc: ({ period }) => String(period.year - 1),
  nam_sau: ({ period }) => String(period.year + 1),
  ky: ({ period }) => periodWords(period),
  ky_sau: ({ period }) => nextPeriodWords(period),
  ky_in_hoa: ({ period }) => upper(periodWords(period)),
  ky_sau_in_hoa: ({ period }) => upper(nextPeriodWords(period)),
  ten_goi: ({ shortName }) => shortName,
};

const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}|\{\{|\}\}/g;

/** One `{{...}}` of a data text (or a stray `{{`/`}}`), with its place in the YAML source. */
export interface TextReference {
  text: TextInput;
  /** As written: `{{tang_giam san_luong_lua}}`. */
  match: string;
  /** Where the match starts in the text's value. */
  offset: number;
  /** The words between the braces; undefined for a stray brace. */
  words?: string[];
  place: Place;
}

/** Every reference in a text, in order. */
function findReferences(text: TextInput): TextReference[] {
  const placeOf = placesInSource(text);
  return [...text.text.matchAll(REFERENCE)].map((m) => ({
    text,
    match: m[0],
    offset: m.index,
    words: m[1]?.split(/\s+/).filter(Boolean),
    place: placeOf(m[0]),
  }));
}

/** The figure key a reference names, when its words have the shape of one. */
export function referencedKey(reference: TextReference): string | undefined {
  const words = reference.words ?? [];
  if (words.length === 1 && !Object.hasOwn(CONTEXT, words[0]!)) return words[0];
  if (words.length === 2 && Object.hasOwn(HELPERS, words[0]!)) return words[1];
  return undefined;
}

/** What a reference prints, or why it cannot be printed (a Vietnamese sentence saying what to do). */
export type Resolution = NonNullable<Shown>;

/** A reference with what it resolves to: worked out once, read by every rule that needs it. */
export interface ResolvedReference {
  reference: TextReference;
  resolution: Resolution;
}

function resolveReference(reference: TextReference, scope: TextScope, suggest: (key: string) => string | undefined): Resolution {
  const { match, words } = reference;
  if (words === undefined) return { problem: `Dấu ${match} không có dấu đóng/mở tương ứng. Tham chiếu chỉ tiêu viết dạng {{ma_chi_tieu}}.` };
  const [first = ''] = words;
  if (words.length === 1 && Object.hasOwn(CONTEXT, first)) return { text: CONTEXT[first as ContextWord](scope) };
  const key = referencedKey(reference);
  if (key === undefined) {
    return {
      problem: `Không hiểu tham chiếu ${match}. Viết {{ma_chi_tieu}} hoặc {{tu ma_chi_tieu}} với tu là một trong: ${Object.keys(HELPERS).join(', ')}.`,
    };
  }
  const figure = scope.figures.get(key);
  if (!figure) {
    const hint = suggest(key);
    return { problem: `Không có chỉ tiêu "${key}".${hint ? ` Có phải là "${hint}"?` : ''} Sửa mã, hoặc thêm chỉ tiêu vào chi_tieu.` };
  }
  if (scope.unfilled?.has(key)) return { text: `[${PLACEHOLDER}: ${figure.name}]`, unfilled: true };
  const helper = words.length === 2 ? HELPERS[first as HelperWord] : undefined;
  const shown = helper ? helper.helper(figure) : valueOf(figure.value, figure.unit);
  if (shown === undefined) {
    return { problem: `Chỉ tiêu "${key}" chưa có ${helper?.needs ?? 'gia_tri'}, nên không in được ${match}. Bổ sung số liệu đó.` };
  }
  if ('problem' in shown) return { problem: `${shown.problem} Không in được ${match}: viết số đó vào câu, hoặc ghi nó trực tiếp vào số liệu.` };
  return shown;
}

/** The rule id of every reference problem, at build and at check. */
export const TEXT_REFERENCE_RULE = 'text-reference';

/** A piece of a rendered text: as written or resolved, or in a draft a place still to fill. */
export interface TextPiece {
  text: string;
  unfilled?: boolean;
  /** The reference this piece prints, when it prints one: what a review copy anchors its comments on. */
  printedBy?: ResolvedReference;
}

/**
 * Renders one text of the data from its references, resolved once by the analysis: each
 * `{{...}}` becomes what it resolved to. A text that is still a placeholder (in a draft) is
 * one unfilled piece. Every reference problem is reported at its own line and column.
 */
export function renderDataText(input: TextInput, references: readonly ResolvedReference[], report: Report): TextPiece[] {
  if (isPlaceholderText(input.text)) return [{ text: `[${input.text.replace(/\s+/g, ' ').trim()}]`, unfilled: true }];
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const resolved of references) {
    const { reference, resolution } = resolved;
    if ('problem' in resolution) {
      report({ ruleId: TEXT_REFERENCE_RULE, severity: 'error', place: reference.place, message: resolution.problem });
    }
    pieces.push({ text: input.text.slice(from, reference.offset) });
    pieces.push('text' in resolution ? { text: resolution.text, ...(resolution.unfilled ? { unfilled: true } : {}), printedBy: resolved } : { text: reference.match });
    from = reference.offset + reference.match.length;
  }
  pieces.push({ text: input.text.slice(from) });
  return pieces;
}

/** The references of every text the report prints, each resolved against the year's figures. */
export function resolveEveryReference(input: YearInput, scope: TextScope): ResolvedReference[] {
  // A key misspelt the same way a thousand times is looked up among the figures once.
  const keys = [...scope.figures.keys()];
  const suggestions = new Map<string, string | undefined>();
  const suggest = (key: string) => {
    if (!suggestions.has(key)) suggestions.set(key, closestWord(key, keys));
    return suggestions.get(key);
  };
  return everyText(input)
    .flatMap(findReferences)
    .map((reference) => ({ reference, resolution: resolveReference(reference, scope, suggest) }));
}

/**
 * The places of a text's references, asked for in order. The scalar's value can differ from
 * its source (folded lines, quotes), so the nth `{{x}}` of the value is placed at the nth
 * `{{x}}` of the source, all of which one pass over the source finds.
 */
function placesInSource(input: TextInput): (match: string) => Place {
  const { node } = input;
  let inSource: Map<string, number[]> | undefined;
  const seen = new Map<string, number>();
  return (match) => {
    if (!inSource) {
      inSource = new Map();
      for (const m of node.file.text.slice(node.range[0], node.range[1]).matchAll(REFERENCE)) {
        const offsets = inSource.get(m[0]);
        if (offsets) offsets.push(m.index);
        else inSource.set(m[0], [m.index]);
      }
    }
    const nth = seen.get(match) ?? 0;
    seen.set(match, nth + 1);
    const at = inSource.get(match)?.[nth];
    return at === undefined ? node.place : node.file.placeAt(node.range[0] + at);
  };
}

/** Every text of a year's data that the report prints, in report order. */
function everyText(input: YearInput): TextInput[] {
  const section = (s: SectionInput): TextInput[] => [...(s.title ? [s.title] : []), ...s.paragraphs.map((p) => p.text), ...s.subsections.flatMap(section)];
  return [input.details.summary, ...input.body.flatMap(section), input.details.closing];
}
