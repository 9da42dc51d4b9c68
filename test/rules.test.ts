import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { RULES } from '../src/check/run-rules.js';
import { abolishedUnit } from '../src/check/rules/abolished-unit.js';
import { countWhole } from '../src/check/rules/count-whole.js';
import { divisionByZero } from '../src/check/rules/division-by-zero.js';
import { growthRate } from '../src/check/rules/growth-rate.js';
import { issuingBodyInFull } from '../src/check/rules/issuing-body-in-full.js';
import { lastYearRevised } from '../src/check/rules/last-year-revised.js';
import { partExceedsWhole } from '../src/check/rules/part-exceeds-whole.js';
import { percentagePoints } from '../src/check/rules/percentage-points.js';
import { planRevised } from '../src/check/rules/plan-revised.js';
import { planShare } from '../src/check/rules/plan-share.js';
import { product } from '../src/check/rules/product.js';
import { ratio } from '../src/check/rules/ratio.js';
import { restatedFigure } from '../src/check/rules/restated-figure.js';
import { shareRange } from '../src/check/rules/share-range.js';
import { textReference } from '../src/check/rules/text-reference.js';
import { totalParts } from '../src/check/rules/total-parts.js';
import { unusedFigure } from '../src/check/rules/unused-figure.js';
import { findingsOf, testRule } from './rule-tester.js';

/** A section file (van-hoa.yaml) with these figures and, one a line, these paragraphs. */
const section = (figures: string, texts?: string) => `tieu_de: "Văn hóa"\nchi_tieu:\n${figures}${texts ? `noi_dung:\n${texts}` : ''}`;

/** The document's details (van-ban.yaml) with these lines in place of the header's and the recipients'. */
const documentWith = (header: string, date = '2023-12-05', recipients = '  - "Lưu: VT."\n') =>
  `${header}ten_goi: UBND xã Tân Hòa\nso: ""\nky_hieu: BC-UBND\ndia_danh: Tân Hòa\nngay: ${date}\ntrich_yeu: Tình hình năm {{nam}}\nnoi_nhan:\n${recipients}ky:\n  quyen_han: TM. ỦY BAN NHÂN DÂN\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Lê Thị Mai\n`;

/** A finding that compares a stated number with its computation sits on the number, and names the inputs. */
function placedOnTheStatedNumber(finding: Diagnostic, code: string): void {
  expect(code.split('\n')[finding.place.line - 1]!.slice(finding.place.col - 1)).toMatch(/^(?:(?:trên|hơn|dưới|gần|khoảng) )?-?\d/);
  expect(finding.related?.length).toBeGreaterThan(0);
}

const TESTED = [totalParts, product, ratio, planShare, growthRate, restatedFigure, partExceedsWhole, shareRange, countWhole, percentagePoints, lastYearRevised, planRevised, unusedFigure, textReference, divisionByZero, issuingBodyInFull, abolishedUnit];

describe('the rules', () => {
  it('each declare their messages, and have cases here', () => {
    for (const rule of RULES) expect(Object.keys(rule.meta.messages).length, rule.meta.id).toBeGreaterThan(0);
    expect(TESTED.map((r) => r.meta.id).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
});

testRule(
  totalParts,
  {
    valid: [
      { name: 'parts that add up', code: section(`  a: { ten: A, gia_tri: 70.1, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 281.3, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: 351.4, don_vi: tỷ đồng, tong: [a, b] }\n`) },
      { name: 'honest rounding: 3 × 3,3 written as 10', code: section(`  a: { ten: A, gia_tri: 3.3, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 3.3, don_vi: tỷ đồng }\n  c: { ten: C, gia_tri: 3.3, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: 10, don_vi: tỷ đồng, tong: [a, b, c] }\n`) },
      { name: 'parts in another scale', code: section(`  a: { ten: A, gia_tri: 500, don_vi: triệu đồng }\n  b: { ten: B, gia_tri: 1.5, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: 2, don_vi: tỷ đồng, tong: [a, b] }\n`) },
      { name: '500 triệu đồng + 1,5 tỉ đồng (the other spelling) = 2 tỷ đồng', code: section(`  a: { ten: A, gia_tri: 500, don_vi: triệu đồng }\n  b: { ten: B, gia_tri: "1,5", don_vi: tỉ đồng }\n  t: { ten: T, gia_tri: 2, don_vi: tỷ đồng, tong: [a, b] }\n`) },
      { name: 'a total "trên 20" of parts that add to 23', code: section(`  a: { ten: A, gia_tri: 20, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 3, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: trên 20, don_vi: tỷ đồng, tong: [a, b] }\n`) },
      { name: 'bounds that hold: gần 1.960, khoảng 80, dưới 5, hơn 230', code: section(`  a: { ten: A, gia_tri: 1900, don_vi: hộ }\n  b: { ten: B, gia_tri: 50, don_vi: hộ }\n  t: { ten: T, gia_tri: gần 1.960, don_vi: hộ, tong: [a, b] }\n  c: { ten: C, gia_tri: 75, don_vi: ha }\n  d: { ten: D, gia_tri: 10, don_vi: ha }\n  u: { ten: U, gia_tri: khoảng 80, don_vi: ha, tong: [c, d] }\n  e: { ten: E, gia_tri: 2, don_vi: tỷ đồng }\n  f: { ten: F, gia_tri: 2, don_vi: tỷ đồng }\n  v: { ten: V, gia_tri: dưới 5, don_vi: tỷ đồng, tong: [e, f] }\n  g: { ten: G, gia_tri: 200, don_vi: người }\n  h: { ten: H, gia_tri: 31, don_vi: người }\n  w: { ten: W, gia_tri: hơn 230, don_vi: người, tong: [g, h] }\n`) },
      { name: 'a part "trên 20" in a total of 30', code: section(`  a: { ten: A, gia_tri: trên 20, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 3, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: 30, don_vi: tỷ đồng, tong: [a, b] }\n`) },
      { name: 'tạ and tấn', code: section(`  a: { ten: A, gia_tri: 8215, don_vi: tạ }\n  b: { ten: B, gia_tri: 720, don_vi: tấn }\n  t: { ten: T, gia_tri: 1541.5, don_vi: tấn, tong: [a, b] }\n`) },
      { name: 'ha, m² and sào', code: section(`  a: { ten: A, gia_tri: 84.5, don_vi: ha }\n  b: { ten: B, gia_tri: 5000, don_vi: m² }\n  c: { ten: C, gia_tri: 10, don_vi: sào }\n  t: { ten: T, gia_tri: 85.36, don_vi: Ha, tong: [a, b, c] }\n`) },
      { name: 'totals beyond 20 digits stay exact', code: section(`  a: { ten: A, gia_tri: 1234567890123456789012.34, don_vi: đồng }\n  b: { ten: B, gia_tri: 0.66, don_vi: đồng }\n  t: { ten: T, gia_tri: 1234567890123456789013.00, don_vi: đồng, tong: [a, b] }\n`) },
    ],
    invalid: [
      { name: 'totals beyond 20 digits off by five hundredths', code: section(`  a: { ten: A, gia_tri: 1234567890123456789012.34, don_vi: đồng }\n  b: { ten: B, gia_tri: 0.66, don_vi: đồng }\n  t: { ten: T, gia_tri: 1234567890123456789013.05, don_vi: đồng, tong: [a, b] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }] },
      { name: 'a total off by 3.000.000 đồng', code: section(`  a: { ten: A, gia_tri: 234795000, don_vi: đồng }\n  b: { ten: B, gia_tri: 5133614147, don_vi: đồng }\n  t:\n    ten: T\n    gia_tri: 5371409147\n    don_vi: đồng\n    tong: [a, b]\n`), errors: [{ messageId: 'mismatch', line: 7, column: 14 }] },
      { name: 'a total "trên 20" of parts that add to 15', code: section(`  a: { ten: A, gia_tri: 12, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 3, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: trên 20, don_vi: tỷ đồng, tong: [a, b] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }] },
      { name: 'bounds that cannot hold: gần 1.960 of 1.500, khoảng 80 of 95, dưới 5 of 7', code: section(`  a: { ten: A, gia_tri: 1000, don_vi: hộ }\n  b: { ten: B, gia_tri: 500, don_vi: hộ }\n  t: { ten: T, gia_tri: gần 1.960, don_vi: hộ, tong: [a, b] }\n  c: { ten: C, gia_tri: 85, don_vi: ha }\n  d: { ten: D, gia_tri: 10, don_vi: ha }\n  u: { ten: U, gia_tri: khoảng 80, don_vi: ha, tong: [c, d] }\n  e: { ten: E, gia_tri: 3, don_vi: tỷ đồng }\n  f: { ten: F, gia_tri: 4, don_vi: tỷ đồng }\n  v: { ten: V, gia_tri: dưới 5, don_vi: tỷ đồng, tong: [e, f] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }, { messageId: 'mismatch', line: 8, column: 25 }, { messageId: 'mismatch', line: 11, column: 25 }] },
      { name: 'tạ counted as tấn', code: section(`  a: { ten: A, gia_tri: 8215, don_vi: tạ }\n  b: { ten: B, gia_tri: 720, don_vi: tấn }\n  t: { ten: T, gia_tri: 8935, don_vi: tấn, tong: [a, b] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }] },
      { name: 'exact counts off by one', code: section(`  a: { ten: A, gia_tri: 2816, don_vi: hồ sơ }\n  b: { ten: B, gia_tri: 536, don_vi: hồ sơ }\n  t: { ten: T, gia_tri: 3353, don_vi: hồ sơ, tong: [a, b] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }] },
    ],
  }, placedOnTheStatedNumber,
);

testRule(
  product,
  {
    valid: [
      { name: 'a % of an amount: 12% × 500 triệu đồng = 60 triệu đồng', code: section(`  s: { ten: S, gia_tri: 12, don_vi: "%" }\n  a: { ten: A, gia_tri: 500, don_vi: triệu đồng }\n  t: { ten: T, gia_tri: 60, don_vi: triệu đồng, tich: [s, a] }\n`) },
      { name: 'count × unit price', code: section(`  n: { ten: N, gia_tri: 234, don_vi: suất }\n  p: { ten: P, gia_tri: 970000, don_vi: đồng/suất }\n  t: { ten: T, gia_tri: 226980000, don_vi: đồng, tich: [n, p] }\n`) },
      { name: 'an area × a yield per area in another unit: 2 ha × 3,5 tạ/sào = 194,4 tạ', code: section(`  a: { ten: A, gia_tri: 2, don_vi: ha }\n  y: { ten: Y, gia_tri: 3.5, don_vi: tạ/sào }\n  t: { ten: T, gia_tri: 194.4, don_vi: tạ, tich: [a, y] }\n`) },
    ],
    invalid: [
      { name: 'a % of an amount computed as if 12% were 12', code: section(`  s: { ten: S, gia_tri: 12, don_vi: phần trăm }\n  a: { ten: A, gia_tri: 500, don_vi: triệu đồng }\n  t: { ten: T, gia_tri: 6000, don_vi: triệu đồng, tich: [s, a] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }] },
      { name: 'digits swapped in the amount', code: section(`  n: { ten: N, gia_tri: 234, don_vi: suất }\n  p: { ten: P, gia_tri: 970000, don_vi: đồng/suất }\n  t: { ten: T, gia_tri: 227880000, don_vi: đồng, tich: [n, p] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }] },
    ],
  }, placedOnTheStatedNumber,
);

testRule(
  ratio,
  {
    valid: [
      { name: 'a ratio whose unit is written "phần trăm"', code: section(`  a: { ten: A, gia_tri: 113, don_vi: cháu }\n  b: { ten: B, gia_tri: 235, don_vi: cháu }\n  r: { ten: R, gia_tri: 48.09, don_vi: Phần trăm, chia: [a, b] }\n`) },
      { name: 'a ratio whose unit is "%" with spaces around it', code: section(`  a: { ten: A, gia_tri: 113, don_vi: cháu }\n  b: { ten: B, gia_tri: 235, don_vi: cháu }\n  r: { ten: R, gia_tri: 48.09, don_vi: " % ", chia: [a, b] }\n`) },
      { name: '665/899 written as 74%', code: section(`  a: { ten: A, gia_tri: 665, don_vi: em }\n  b: { ten: B, gia_tri: 899, don_vi: em }\n  r: { ten: R, gia_tri: 74, don_vi: "%", chia: [a, b] }\n`) },
      { name: 'a rate in ‰ is a quotient × 1000', code: section(`  a: { ten: A, gia_tri: 12, don_vi: trẻ }\n  b: { ten: B, gia_tri: 9789, don_vi: người }\n  r: { ten: R, gia_tri: 1.23, don_vi: "‰", chia: [a, b] }\n`) },
      { name: 'per capita across scales', code: section(`  a: { ten: A, gia_tri: 663.8, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 9789, don_vi: người }\n  r: { ten: R, gia_tri: 67.8, don_vi: triệu đồng/người/năm, chia: [a, b] }\n`) },
    ],
    invalid: [
      { name: 'a ratio in "phần trăm" written as the bare quotient', code: section(`  a: { ten: A, gia_tri: 113, don_vi: cháu }\n  b: { ten: B, gia_tri: 235, don_vi: cháu }\n  r: { ten: R, gia_tri: 0.48, don_vi: phần trăm, chia: [a, b] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }] },
      { name: '113/235 written as 48,07%', code: section(`  a: { ten: A, gia_tri: 113, don_vi: cháu }\n  b: { ten: B, gia_tri: 235, don_vi: cháu }\n  r: { ten: R, gia_tri: 48.07, don_vi: "%", chia: [a, b] }\n`), errors: [{ messageId: 'mismatch', line: 5, column: 25 }] },
    ],
  }, placedOnTheStatedNumber,
);

testRule(
  planShare,
  {
    valid: [
      { name: 'share of plan that agrees', code: section(`  a: { ten: A, gia_tri: 102, ke_hoach: 100, ty_le_ke_hoach: 102, don_vi: tỷ đồng }\n`) },
      { name: 'a value "trên 20" against a plan of 18, written as 115%', code: section(`  a: { ten: A, gia_tri: trên 20, ke_hoach: 18, ty_le_ke_hoach: 115, don_vi: tỷ đồng }\n`) },
      { name: 'vượt 2,9% kế hoạch, against the value and the plan', code: section(`  a: { ten: A, gia_tri: 6790880637, ke_hoach: 6600000000, vuot_ke_hoach: 2.9, don_vi: đồng }\n`) },
      { name: 'vượt 2,9% kế hoạch beside đạt 102,9% kế hoạch', code: section(`  a: { ten: A, gia_tri: 70.1, ty_le_ke_hoach: 102.9, vuot_ke_hoach: 2.9, don_vi: tỷ đồng }\n`) },
      { name: 'a rate 0,02 percentage points under its plan', code: section(`  r: { ten: R, gia_tri: 1.8, ke_hoach: 1.82, chenh_lech_ke_hoach: -0.02, don_vi: "%" }\n`) },
      { name: '"đạt trên 100% kế hoạch" of a value above its plan', code: section(`  a: { ten: A, gia_tri: 21, ke_hoach: 18, ty_le_ke_hoach: trên 100, don_vi: tỷ đồng }\n`) },
    ],
    invalid: [
      { name: 'vượt 3,5% kế hoạch where the value and the plan give 2,9%', code: section(`  a: { ten: A, gia_tri: 6790880637, ke_hoach: 6600000000, vuot_ke_hoach: 3.5, don_vi: đồng }\n`), errors: [{ messageId: 'mismatch', line: 3, column: 74 }] },
      { name: 'vượt 2,9% kế hoạch beside đạt 102% kế hoạch', code: section(`  a: { ten: A, gia_tri: 70.1, ty_le_ke_hoach: 102, vuot_ke_hoach: 2.9, don_vi: tỷ đồng }\n`), errors: [{ messageId: 'mismatch', line: 3, column: 67 }] },
      { name: 'a rate under its plan written as above it', code: section(`  r: { ten: R, gia_tri: 1.80, ke_hoach: 1.82, chenh_lech_ke_hoach: 0.02, don_vi: "%" }\n`), errors: [{ messageId: 'mismatch', line: 3, column: 68 }] },
      { name: 'a value "trên 20" against a plan of 18, written as 105%', code: section(`  a: { ten: A, gia_tri: trên 20, ke_hoach: 18, ty_le_ke_hoach: 105, don_vi: tỷ đồng }\n`), errors: [{ messageId: 'mismatch', line: 3, column: 64 }] },
      { name: 'share of plan that does not', code: section(`  a: { ten: A, gia_tri: 102, ke_hoach: 100, ty_le_ke_hoach: 110, don_vi: tỷ đồng }\n`), errors: [{ messageId: 'mismatch', line: 3, column: 61 }] },
    ],
  }, placedOnTheStatedNumber,
);

testRule(
  growthRate,
  {
    valid: [
      { name: 'growth that agrees', code: section(`  a: { ten: A, gia_tri: 70.1, cung_ky: 68.1, tang_giam: 2.9, don_vi: tỷ đồng }\n`) },
    ],
    invalid: [
      { name: 'a fall written as a rise', code: section(`  a: { ten: A, gia_tri: 8215, cung_ky: 10230, tang_giam: 19.7, don_vi: tạ }\n`), errors: [{ messageId: 'mismatch', line: 3, column: 58 }] },
      { name: 'a change in units that does not agree', code: section(`  a: { ten: A, gia_tri: 530, cung_ky: 515, chenh_lech: 16, don_vi: trẻ }\n`), errors: [{ messageId: 'mismatch', line: 3, column: 56 }] },
    ],
  }, placedOnTheStatedNumber,
);

testRule(
  restatedFigure,
  {
    valid: [
      { name: 'restated with the same value', code: section(`  a: { ten: A, gia_tri: 70.1, tang_giam: 2.9, don_vi: tỷ đồng }\n  b: { nhac_lai: a, tang_giam: 2.9 }\n`) },
      { name: 'restated as "gần 2.000"', code: section(`  a: { ten: A, gia_tri: 1960, don_vi: hộ }\n  b: { nhac_lai: a, gia_tri: gần 2.000 }\n`) },
      { name: 'restated at a coarser precision', code: section(`  a: { ten: A, gia_tri: 70.14, don_vi: tỷ đồng }\n  b: { nhac_lai: a, gia_tri: 70.1 }\n`) },
    ],
    invalid: [
      { name: 'restated with another value', code: section(`  a: { ten: A, gia_tri: 70.1, tang_giam: 2.9, don_vi: tỷ đồng }\n  b: { nhac_lai: a, tang_giam: 2.8 }\n`), errors: [{ messageId: 'mismatch', line: 4, column: 32 }] },
    ],
  }, placedOnTheStatedNumber,
);

testRule(
  partExceedsWhole,
  {
    valid: [
      { name: 'parts named "trong đó" within the whole', code: section(`  a: { ten: A, gia_tri: 408, don_vi: trẻ }\n  t: { ten: T, gia_tri: 449, don_vi: trẻ, trong_do: [a] }\n`) },
      { name: 'parts in another scale, within rounding', code: section(`  a: { ten: A, gia_tri: 1540, don_vi: triệu đồng }\n  t: { ten: T, gia_tri: 1.5, don_vi: tỷ đồng, trong_do: [a] }\n`) },
      { name: 'a part of 23 in a whole "trên 20"', code: section(`  a: { ten: A, gia_tri: 23, don_vi: trẻ }\n  t: { ten: T, gia_tri: trên 20, don_vi: trẻ, trong_do: [a] }\n`) },
      { name: 'a part in tạ of a whole in tấn', code: section(`  a: { ten: A, gia_tri: 950, don_vi: tạ }\n  t: { ten: T, gia_tri: 100, don_vi: tấn, trong_do: [a] }\n`) },
    ],
    invalid: [
      { name: 'a part of 7 in a whole "dưới 5"', code: section(`  a: { ten: A, gia_tri: 7, don_vi: trẻ }\n  t: { ten: T, gia_tri: dưới 5, don_vi: trẻ, trong_do: [a] }\n`), errors: [{ messageId: 'exceeds', line: 4, column: 25 }] },
      { name: 'a part in tạ larger than its whole in tấn', code: section(`  a: { ten: A, gia_tri: 1500, don_vi: tạ }\n  t: { ten: T, gia_tri: 100, don_vi: tấn, trong_do: [a] }\n`), errors: [{ messageId: 'exceeds', line: 4, column: 25 }] },
      { name: 'a part larger than its whole', code: section(`  a: { ten: A, gia_tri: 81, don_vi: trẻ }\n  t: { ten: T, gia_tri: 18, don_vi: trẻ, trong_do: [a] }\n`), errors: [{ messageId: 'exceeds', line: 4, column: 25 }] },
      { name: 'two parts that together exceed the whole', code: section(`  a: { ten: A, gia_tri: 2816, don_vi: hồ sơ }\n  b: { ten: B, gia_tri: 536, don_vi: hồ sơ }\n  t:\n    ten: T\n    gia_tri: 3000\n    don_vi: hồ sơ\n    trong_do: [a, b]\n`), errors: [{ messageId: 'exceeds', line: 7, column: 14 }] },
    ],
  },
);

testRule(
  shareRange,
  {
    valid: [
      { name: 'a share within 0–100%', code: section(`  a: { ten: A, gia_tri: 449, don_vi: cháu }\n  b: { ten: B, gia_tri: 449, don_vi: cháu }\n  r: { ten: R, gia_tri: 100, don_vi: "%", chia: [a, b] }\n`) },
      { name: 'a per-capita ratio is not a share', code: section(`  a: { ten: A, gia_tri: 663.8, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 9789, don_vi: người }\n  r: { ten: R, don_vi: triệu đồng/người/năm, chia: [a, b] }\n`) },
    ],
    invalid: [
      { name: 'a computed share above 100%, in "phần trăm"', code: section(`  a: { ten: A, gia_tri: 278, don_vi: em }\n  b: { ten: B, gia_tri: 238, don_vi: em }\n  r: { ten: R, don_vi: phần trăm, chia: [a, b] }\n`), errors: [{ messageId: 'outOfRange', line: 5, column: 3 }] },
      { name: 'a share above 100%, stated and agreeing with its ratio', code: section(`  a: { ten: A, gia_tri: 278, don_vi: em }\n  b: { ten: B, gia_tri: 238, don_vi: em }\n  r: { ten: R, gia_tri: 116.8, don_vi: "%", chia: [a, b] }\n`), errors: [{ messageId: 'outOfRange', line: 5, column: 25 }] },
      { name: 'a computed share above 100%', code: section(`  a: { ten: A, gia_tri: 278, don_vi: em }\n  b: { ten: B, gia_tri: 238, don_vi: em }\n  r:\n    ten: R\n    don_vi: "%"\n    chia: [a, b]\n`), errors: [{ messageId: 'outOfRange', line: 5, column: 3 }] },
    ],
  },
);

testRule(
  countWhole,
  {
    valid: [
      { name: 'a rate in "phần trăm" is no count', code: section(`  a: { ten: A, gia_tri: 12.5, don_vi: phần trăm }\n`) },
      { name: 'whole counts, and fractions in units of measure', code: section(`  a: { ten: A, gia_tri: 113, cung_ky: 100, don_vi: đồng chí }\n  b: { ten: B, gia_tri: 8215.5, don_vi: tạ }\n  c: { ten: C, gia_tri: 12.5, don_vi: triệu đồng }\n`) },
      { name: 'only counts are whole: 12,5 km, 85,6 ha, 2,5 MW', code: section(`  a: { ten: A, gia_tri: "12,5", don_vi: km }\n  b: { ten: B, gia_tri: 85.6, don_vi: ha }\n  c: { ten: C, gia_tri: 2.5, don_vi: MW }\n`) },
      { name: 'a count written as printed: 3.666 hộ is 3666', code: section(`  a: { ten: A, gia_tri: 3.666, don_vi: hộ }\n`) },
    ],
    invalid: [
      { name: 'a fractional count', code: section(`  a: { ten: A, gia_tri: 113.5, don_vi: hộ }\n`), errors: [{ messageId: 'notWhole', line: 3, column: 25 }] },
      { name: 'a negative count last year', code: section(`  a: { ten: A, gia_tri: 12, cung_ky: -3, don_vi: vụ }\n`), errors: [{ messageId: 'notWhole', line: 3, column: 38 }] },
    ],
  },
);

testRule(
  percentagePoints,
  {
    valid: [
      { name: 'a change in a rate given in percentage points', code: section(`  r: { ten: R, gia_tri: 48.07, chenh_lech: 7, don_vi: "%" }\n`) },
      { name: 'a change in an amount given in %', code: section(`  a: { ten: A, gia_tri: 70.1, tang_giam: 2.9, don_vi: tỷ đồng }\n`) },
    ],
    invalid: [
      { name: 'a change in a rate given in %', code: section(`  r: { ten: R, gia_tri: 48.07, tang_giam: 7, don_vi: "%" }\n`), errors: [{ messageId: 'percentOfRate', line: 3, column: 43 }] },
    ],
  },
);

testRule(
  lastYearRevised,
  {
    valid: [
      { name: 'cùng kỳ taken from last year', code: section(`  a: { ten: A, gia_tri: 70.1, don_vi: tỷ đồng }\n`), lastYear: section(`  a: { ten: A, gia_tri: 68.1, don_vi: tỷ đồng }\n`) },
      { name: 'cùng kỳ typed in tỷ đồng, as last year recorded it in triệu đồng', code: section(`  a: { ten: A, gia_tri: 70.1, cung_ky: 68.1, don_vi: tỷ đồng }\n`), lastYear: section(`  a: { ten: A, gia_tri: 68100, don_vi: triệu đồng }\n`) },
      { name: 'cùng kỳ typed as last year recorded it, at another precision', code: section(`  a: { ten: A, gia_tri: 70.1, cung_ky: 68, don_vi: tỷ đồng }\n`), lastYear: section(`  a: { ten: A, gia_tri: 68.1, don_vi: tỷ đồng }\n`) },
    ],
    invalid: [
      { name: 'cùng kỳ typed differently from last year', code: section(`  a: { ten: A, gia_tri: 70.1, cung_ky: 69.4, don_vi: tỷ đồng }\n`), lastYear: section(`  a: { ten: A, gia_tri: 68.1, don_vi: tỷ đồng }\n`), errors: [{ messageId: 'revised', line: 3, column: 40 }] },
    ],
  },
);

testRule(
  planRevised,
  {
    valid: [
      { name: 'plan taken from last year’s target', code: section(`  a: { ten: A, gia_tri: 70.1, don_vi: tỷ đồng }\n`), lastYear: section(`  m: { ten: M, gia_tri: 60, don_vi: tỷ đồng, ke_hoach_cho: a }\n`) },
    ],
    invalid: [
      { name: 'a revised plan', code: section(`  a: { ten: A, gia_tri: 70.1, ke_hoach: 65, don_vi: tỷ đồng }\n`), lastYear: section(`  m: { ten: M, gia_tri: 60, don_vi: tỷ đồng, ke_hoach_cho: a }\n`), errors: [{ messageId: 'revised', line: 3, column: 41 }] },
    ],
  },
);

testRule(
  unusedFigure,
  {
    valid: [
      { name: 'printed, or used to compute another', code: section(`  a: { ten: A, gia_tri: 3, don_vi: hộ }\n  b: { ten: B, gia_tri: 4, don_vi: hộ }\n  t: { ten: T, don_vi: hộ, tong: [a, b] }\n`, '  - "Tổng {{t}}."\n') },
      { name: 'printed through a helper only', code: section(`  a: { ten: A, gia_tri: 3, cung_ky: 2, don_vi: hộ }\n`, '  - "Tăng {{chenh_lech a}}."\n') },
    ],
    invalid: [
      { name: 'typed but never printed', code: section(`  a: { ten: A, gia_tri: 3, don_vi: hộ }\n  b: { ten: B, gia_tri: 4, don_vi: hộ }\n`, '  - "Có {{a}}."\n'), errors: [{ messageId: 'unused', line: 4, column: 3 }] },
    ],
  },
);

testRule(
  textReference,
  {
    valid: [
      { name: 'bounds carried where the direction is certain', code: section(`  a: { ten: A, gia_tri: trên 20, ke_hoach: 18, cung_ky: 15, don_vi: tỷ đồng }\n  d: { ten: D, gia_tri: dưới 5, cung_ky: 8, don_vi: tỷ đồng }\n`, '  - "{{a}}, đạt {{dat_ke_hoach a}}, {{tang_giam a}}, {{chenh_lech a}}; {{d}}, {{tang_giam d}}."\n') },
      { name: 'references to figures and years', code: section(`  a: { ten: A, gia_tri: 3, cung_ky: 2, don_vi: hộ }\n`, '  - "Năm {{nam}} có {{a}}, {{chenh_lech a}}."\n') },
    ],
    invalid: [
      { name: 'a reference to no figure', code: section(`  a: { ten: A, gia_tri: 3, don_vi: hộ }\n`, '  - "Có {{a}} và {{b}}."\n'), errors: [{ messageId: 'unresolved', line: 5, column: 18 }] },
      { name: 'a change from a bound that may be a rise or a fall', code: section(`  a: { ten: A, gia_tri: trên 20, cung_ky: 25, don_vi: tỷ đồng }\n`, '  - "A {{a}}, {{tang_giam a}}."\n'), errors: [{ messageId: 'unresolved', line: 5, column: 15 }] },
      { name: 'a share of plan from bounds that pull different ways', code: section(`  a: { ten: A, gia_tri: gần 20, ke_hoach: trên 18, don_vi: tỷ đồng }\n`, '  - "A {{a}}, đạt {{dat_ke_hoach a}}."\n'), errors: [{ messageId: 'unresolved', line: 5, column: 19 }] },
      { name: 'a helper whose figure lacks the data', code: section(`  a: { ten: A, gia_tri: 3, don_vi: hộ }\n`, '  - "Có {{a}}, {{tang_giam a}}."\n'), errors: [{ messageId: 'unresolved', line: 5, column: 16 }] },
    ],
  },
);

testRule(
  divisionByZero,
  {
    valid: [
      { name: 'shares of a plan and of cùng kỳ that are not 0', code: section(`  a: { ten: A, gia_tri: 3, ke_hoach: 2, cung_ky: 2, don_vi: hộ }\n`, '  - "Có {{a}}, đạt {{dat_ke_hoach a}}, {{tang_giam a}}."\n') },
      { name: 'a change in units from a cùng kỳ of 0', code: section(`  a: { ten: A, gia_tri: 3, cung_ky: 0, don_vi: vụ }\n`, '  - "Có {{a}}, {{chenh_lech a}}."\n') },
    ],
    invalid: [
      { name: 'a share of a plan of 0', code: section(`  a: { ten: A, gia_tri: 3, ke_hoach: 0, don_vi: hộ }\n`, '  - "Có {{a}}, đạt {{dat_ke_hoach a}}."\n'), errors: [{ messageId: 'printsWords', line: 5, column: 20 }] },
      { name: 'a change from a cùng kỳ of 0, and a ratio over 0', code: section(`  a: { ten: A, gia_tri: 3, cung_ky: 0, don_vi: vụ }\n  b: { ten: B, gia_tri: 0, don_vi: hộ }\n  r: { ten: R, don_vi: "%", chia: [a, b] }\n`, '  - "Có {{a}}, {{tang_giam a}}, {{r}}."\n'), errors: [{ messageId: 'printsWords', line: 7, column: 16 }, { messageId: 'printsWords', line: 7, column: 33 }] },
    ],
  },
);

testRule(issuingBodyInFull, {
  valid: [
    { name: 'the issuing body in full, the superior body abbreviated', document: documentWith('co_quan_chu_quan: UBND TỈNH NAM AN\nco_quan: ỦY BAN NHÂN DÂN XÃ TÂN HÒA\n') },
    { name: 'a name that only contains the letters', document: documentWith('co_quan: ỦY BAN NHÂN DÂN PHƯỜNG UBNDA\n') },
  ],
  invalid: [
    { name: 'UBND in the issuing body', document: documentWith('co_quan: UBND XÃ TÂN HÒA\n'), errors: [{ messageId: 'abbreviated', line: 1, column: 10 }] },
  ],
});

testRule(abolishedUnit, {
  valid: [
    { name: 'a district named before the reform', document: documentWith('co_quan_chu_quan: UBND HUYỆN THANH HÀ\nco_quan: ỦY BAN NHÂN DÂN THỊ TRẤN THANH HÀ\n', '2025-06-30', '  - UBND huyện;\n  - "Lưu: VT."\n') },
    { name: 'a province and a xã after it', document: documentWith('co_quan_chu_quan: UBND TỈNH NAM AN\nco_quan: ỦY BAN NHÂN DÂN XÃ TÂN HÒA\n', '2025-07-01', '  - UBND tỉnh;\n  - "Lưu: VT."\n') },
  ],
  invalid: [
    {
      name: 'a district, a thị trấn and a huyện among the recipients after 1 July 2025',
      document: documentWith('co_quan_chu_quan: UBND HUYỆN THANH HÀ\nco_quan: ỦY BAN NHÂN DÂN THỊ TRẤN THANH HÀ\n', '2025-07-01', '  - UBND huyện;\n  - "Lưu: VT."\n'),
      errors: [
        { messageId: 'abolished', line: 1, column: 19 },
        { messageId: 'abolished', line: 2, column: 10 },
        { messageId: 'abolished', line: 10, column: 5 },
      ],
    },
  ],
});

describe('a finding on a bounded value', () => {
  it('shows the range its word stands for, and none where the word leaves an end open', () => {
    const code = section(
      `  a: { ten: A, gia_tri: 1000, don_vi: hộ }\n  b: { ten: B, gia_tri: 500, don_vi: hộ }\n  t: { ten: T, gia_tri: gần 1.960, don_vi: hộ, tong: [a, b] }\n` +
        `  c: { ten: C, gia_tri: 12, don_vi: tỷ đồng }\n  d: { ten: D, gia_tri: 3, don_vi: tỷ đồng }\n  u: { ten: U, gia_tri: trên 20, don_vi: tỷ đồng, tong: [c, d] }\n`,
    );
    const messages = findingsOf(totalParts, { name: 'bounds', code }).map((f) => f.message);
    expect(messages[0]).toContain('ghi gần 1.960 hộ (1.764–1.960), nhưng tổng các thành phần 1.000 + 500 = 1.500 hộ');
    expect(messages[1]).toContain('ghi trên 20 tỷ đồng, nhưng tổng các thành phần 12 + 3 = 15 tỷ đồng');
  });
});
