import type { Diagnostic, Place } from '../diagnostics.js';
import { printed, type Figure, type Measure } from '../compute/figures.js';
import type { HelperWord, YearWord } from '../reference-words.js';
import type { TextInput } from '../validate/input.js';
import { absolute, formatNumber, formatWithUnit } from '../vietnamese/number.js';

/** What a data text can refer to: the year's figures and the report's years. */
export interface TextScope {
  figures: ReadonlyMap<string, Figure>;
  year: number;
}

type Helper = (figure: Figure) => string | undefined;

const valueOf = (measure: Measure, unit: string) => {
  const quantity = printed(measure);
  return quantity && formatWithUnit(quantity, unit);
};

const numberOf = (measure: Measure) => {
  const quantity = printed(measure);
  return quantity && formatNumber(quantity);
};

const magnitudeOf = (measure: Measure, unit: string) => {
  const quantity = printed(measure);
  return quantity && formatWithUnit(absolute(quantity), unit);
};

/** "tăng 2,9%" or "giảm 19,7%": the word follows the sign; a change that rounds to zero is "không thay đổi". */
const directionOf = (measure: Measure, unit: string) => {
  const quantity = printed(measure);
  if (!quantity) return undefined;
  if (/^[0.,]+$/.test(formatNumber(absolute(quantity)))) return 'không thay đổi';
  return `${quantity.value.isNegative() ? 'giảm' : 'tăng'} ${formatWithUnit(absolute(quantity), unit)}`;
};

/** The words a text can put before a figure key: `{{tang_giam san_luong_lua}}`. */
const HELPERS: Record<HelperWord, { helper: Helper; needs: string }> = {
  so: { helper: (f) => numberOf(f.value), needs: 'gia_tri' },
  tang_giam: { helper: (f) => directionOf(f.change, '%'), needs: 'tang_giam hoặc cung_ky' },
  muc_tang_giam: { helper: (f) => magnitudeOf(f.change, '%'), needs: 'tang_giam hoặc cung_ky' },
  chenh_lech: { helper: (f) => directionOf(f.changeAmount, f.unit), needs: 'chenh_lech hoặc cung_ky' },
  dat_ke_hoach: { helper: (f) => valueOf(f.planShare, '%'), needs: 'ty_le_ke_hoach hoặc ke_hoach' },
  ke_hoach: { helper: (f) => valueOf({ stated: f.plan }, f.unit), needs: 'ke_hoach' },
  cung_ky: { helper: (f) => valueOf({ stated: f.lastYear }, f.unit), needs: 'cung_ky' },
};

const YEARS: Record<YearWord, (year: number) => number> = {
  nam: (year) => year,
  nam_truoc: (year) => year - 1,
  nam_sau: (year) => year + 1,
};

const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}|\{\{|\}\}/g;

/**
 * Renders one text of the data: each `{{...}}` becomes the figure it names, formatted in
 * Vietnamese. Every reference problem is reported at its own line and column.
 */
export function renderDataText(input: TextInput, scope: TextScope, diagnostics: Diagnostic[]): string {
  const { text } = input;
  const report = (offset: number, match: string, message: string) =>
    diagnostics.push({ ruleId: 'text-reference', severity: 'error', place: placeInText(input, offset, match), message });

  return text.replace(REFERENCE, (match: string, body: string | undefined, offset: number) => {
    if (body === undefined) {
      report(offset, match, `Dấu ${match} không có dấu đóng/mở tương ứng. Tham chiếu chỉ tiêu viết dạng {{ma_chi_tieu}}.`);
      return match;
    }
    const words = body.split(/\s+/).filter(Boolean);
    const [first = '', second] = words;
    if (words.length === 1 && Object.hasOwn(YEARS, first)) return String(YEARS[first as YearWord](scope.year));
    const helperEntry = words.length === 2 && Object.hasOwn(HELPERS, first) ? HELPERS[first as HelperWord] : undefined;
    if (words.length === 0 || words.length > 2 || (words.length === 2 && !helperEntry)) {
      report(
        offset,
        match,
        `Không hiểu tham chiếu ${match}. Viết {{ma_chi_tieu}} hoặc {{tu ma_chi_tieu}} với tu là một trong: ${Object.keys(HELPERS).join(', ')}.`,
      );
      return match;
    }
    const key = helperEntry ? second! : first;
    const figure = scope.figures.get(key);
    if (!figure) {
      const hint = closestKey(key, [...scope.figures.keys()]);
      report(offset, match, `Không có chỉ tiêu "${key}".${hint ? ` Có phải là "${hint}"?` : ''} Sửa mã, hoặc thêm chỉ tiêu vào chi_tieu.`);
      return match;
    }
    const rendered = helperEntry ? helperEntry.helper(figure) : valueOf(figure.value, figure.unit);
    if (rendered === undefined) {
      report(offset, match, `Chỉ tiêu "${key}" chưa có ${helperEntry?.needs ?? 'gia_tri'}, nên không in được ${match}. Bổ sung số liệu đó.`);
      return match;
    }
    return rendered;
  });
}

/**
 * The place of a match inside a YAML scalar. The scalar's value can differ from its source
 * (folded lines, quotes), so the reference is looked up in the source by its text.
 */
function placeInText(input: TextInput, offset: number, match: string): Place {
  const { node } = input;
  const source = node.file.text.slice(node.range[0], node.range[1]);
  const nth = input.text.slice(0, offset).split(match).length - 1;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(match, at + 1);
    if (at < 0) return node.place;
  }
  return node.file.placeAt(node.range[0] + at);
}

function closestKey(key: string, keys: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const candidate of keys) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
