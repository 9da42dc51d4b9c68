import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { analyzeYear } from '../src/analyze.js';
import { RULES } from '../src/check/run-rules.js';
import { FIXTURES, workspaceFrom } from './helpers.js';

/** Each case is the figures (and texts) of one sector file: van-hoa.yaml of the minimal project. */
interface RuleCase {
  name: string;
  figures: string;
  /** The file's noi_dung, one paragraph a line; none by default. */
  texts?: string;
  /** The same file's figures in last year's data (data/2022/), when the case needs them. */
  lastYear?: string;
  /** `ruleId@line:col` of each expected finding of the rule under test; empty for a valid case. */
  expected: string[];
}

const file = ({ figures, texts }: Pick<RuleCase, 'figures' | 'texts'>) => `tieu_de: "Văn hóa"\nchi_tieu:\n${figures}${texts ? `noi_dung:\n${texts}` : ''}`;

/** Rules that compare a stated number with a computed one: the finding sits on the number, and names the inputs. */
const STATED_AGAINST_DERIVED = new Set(['total-parts', 'product', 'ratio', 'plan-share', 'growth-rate', 'restated-figure']);

const CASES: Record<string, RuleCase[]> = {
  'total-parts': [
    { name: 'parts that add up', figures: `  a: { ten: A, gia_tri: 70.1, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 281.3, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: 351.4, don_vi: tỷ đồng, tong: [a, b] }\n`, expected: [] },
    { name: 'honest rounding: 3 × 3,3 written as 10', figures: `  a: { ten: A, gia_tri: 3.3, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 3.3, don_vi: tỷ đồng }\n  c: { ten: C, gia_tri: 3.3, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: 10, don_vi: tỷ đồng, tong: [a, b, c] }\n`, expected: [] },
    { name: 'parts in another scale', figures: `  a: { ten: A, gia_tri: 500, don_vi: triệu đồng }\n  b: { ten: B, gia_tri: 1.5, don_vi: tỷ đồng }\n  t: { ten: T, gia_tri: 2, don_vi: tỷ đồng, tong: [a, b] }\n`, expected: [] },
    { name: 'totals beyond 20 digits stay exact', figures: `  a: { ten: A, gia_tri: 1234567890123456789012.34, don_vi: đồng }\n  b: { ten: B, gia_tri: 0.66, don_vi: đồng }\n  t: { ten: T, gia_tri: 1234567890123456789013.00, don_vi: đồng, tong: [a, b] }\n`, expected: [] },
    { name: 'totals beyond 20 digits off by five hundredths', figures: `  a: { ten: A, gia_tri: 1234567890123456789012.34, don_vi: đồng }\n  b: { ten: B, gia_tri: 0.66, don_vi: đồng }\n  t: { ten: T, gia_tri: 1234567890123456789013.05, don_vi: đồng, tong: [a, b] }\n`, expected: ['total-parts@5:25'] },
    { name: 'a total off by 3.000.000 đồng', figures: `  a: { ten: A, gia_tri: 234795000, don_vi: đồng }\n  b: { ten: B, gia_tri: 5133614147, don_vi: đồng }\n  t:\n    ten: T\n    gia_tri: 5371409147\n    don_vi: đồng\n    tong: [a, b]\n`, expected: ['total-parts@7:14'] },
    { name: 'exact counts off by one', figures: `  a: { ten: A, gia_tri: 2816, don_vi: hồ sơ }\n  b: { ten: B, gia_tri: 536, don_vi: hồ sơ }\n  t: { ten: T, gia_tri: 3353, don_vi: hồ sơ, tong: [a, b] }\n`, expected: ['total-parts@5:25'] },
  ],
  product: [
    { name: 'count × unit price', figures: `  n: { ten: N, gia_tri: 234, don_vi: suất }\n  p: { ten: P, gia_tri: 970000, don_vi: đồng/suất }\n  t: { ten: T, gia_tri: 226980000, don_vi: đồng, tich: [n, p] }\n`, expected: [] },
    { name: 'digits swapped in the amount', figures: `  n: { ten: N, gia_tri: 234, don_vi: suất }\n  p: { ten: P, gia_tri: 970000, don_vi: đồng/suất }\n  t: { ten: T, gia_tri: 227880000, don_vi: đồng, tich: [n, p] }\n`, expected: ['product@5:25'] },
    { name: 'a % of an amount: 12% × 500 triệu đồng = 60 triệu đồng', figures: `  s: { ten: S, gia_tri: 12, don_vi: "%" }\n  a: { ten: A, gia_tri: 500, don_vi: triệu đồng }\n  t: { ten: T, gia_tri: 60, don_vi: triệu đồng, tich: [s, a] }\n`, expected: [] },
    { name: 'a % of an amount computed as if 12% were 12', figures: `  s: { ten: S, gia_tri: 12, don_vi: phần trăm }\n  a: { ten: A, gia_tri: 500, don_vi: triệu đồng }\n  t: { ten: T, gia_tri: 6000, don_vi: triệu đồng, tich: [s, a] }\n`, expected: ['product@5:25'] },
  ],
  ratio: [
    { name: '665/899 written as 74%', figures: `  a: { ten: A, gia_tri: 665, don_vi: em }\n  b: { ten: B, gia_tri: 899, don_vi: em }\n  r: { ten: R, gia_tri: 74, don_vi: "%", chia: [a, b] }\n`, expected: [] },
    { name: 'per capita across scales', figures: `  a: { ten: A, gia_tri: 663.8, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 9789, don_vi: người }\n  r: { ten: R, gia_tri: 67.8, don_vi: triệu đồng/người/năm, chia: [a, b] }\n`, expected: [] },
    { name: '113/235 written as 48,07%', figures: `  a: { ten: A, gia_tri: 113, don_vi: cháu }\n  b: { ten: B, gia_tri: 235, don_vi: cháu }\n  r: { ten: R, gia_tri: 48.07, don_vi: "%", chia: [a, b] }\n`, expected: ['ratio@5:25'] },
    { name: 'a ratio whose unit is written "phần trăm"', figures: `  a: { ten: A, gia_tri: 113, don_vi: cháu }\n  b: { ten: B, gia_tri: 235, don_vi: cháu }\n  r: { ten: R, gia_tri: 48.09, don_vi: Phần trăm, chia: [a, b] }\n`, expected: [] },
    { name: 'a ratio whose unit is "%" with spaces around it', figures: `  a: { ten: A, gia_tri: 113, don_vi: cháu }\n  b: { ten: B, gia_tri: 235, don_vi: cháu }\n  r: { ten: R, gia_tri: 48.09, don_vi: " % ", chia: [a, b] }\n`, expected: [] },
    { name: 'a ratio in "phần trăm" written as the bare quotient', figures: `  a: { ten: A, gia_tri: 113, don_vi: cháu }\n  b: { ten: B, gia_tri: 235, don_vi: cháu }\n  r: { ten: R, gia_tri: 0.48, don_vi: phần trăm, chia: [a, b] }\n`, expected: ['ratio@5:25'] },
  ],
  'plan-share': [
    { name: 'share of plan that agrees', figures: `  a: { ten: A, gia_tri: 102, ke_hoach: 100, ty_le_ke_hoach: 102, don_vi: tỷ đồng }\n`, expected: [] },
    { name: 'share of plan that does not', figures: `  a: { ten: A, gia_tri: 102, ke_hoach: 100, ty_le_ke_hoach: 110, don_vi: tỷ đồng }\n`, expected: ['plan-share@3:61'] },
  ],
  'growth-rate': [
    { name: 'growth that agrees', figures: `  a: { ten: A, gia_tri: 70.1, cung_ky: 68.1, tang_giam: 2.9, don_vi: tỷ đồng }\n`, expected: [] },
    { name: 'a fall written as a rise', figures: `  a: { ten: A, gia_tri: 8215, cung_ky: 10230, tang_giam: 19.7, don_vi: tạ }\n`, expected: ['growth-rate@3:58'] },
    { name: 'a change in units that does not agree', figures: `  a: { ten: A, gia_tri: 530, cung_ky: 515, chenh_lech: 16, don_vi: trẻ }\n`, expected: ['growth-rate@3:56'] },
  ],
  'restated-figure': [
    { name: 'restated with the same value', figures: `  a: { ten: A, gia_tri: 70.1, tang_giam: 2.9, don_vi: tỷ đồng }\n  b: { nhac_lai: a, tang_giam: 2.9 }\n`, expected: [] },
    { name: 'restated at a coarser precision', figures: `  a: { ten: A, gia_tri: 70.14, don_vi: tỷ đồng }\n  b: { nhac_lai: a, gia_tri: 70.1 }\n`, expected: [] },
    { name: 'restated with another value', figures: `  a: { ten: A, gia_tri: 70.1, tang_giam: 2.9, don_vi: tỷ đồng }\n  b: { nhac_lai: a, tang_giam: 2.8 }\n`, expected: ['restated-figure@4:32'] },
  ],
  'part-exceeds-whole': [
    { name: 'parts named "trong đó" within the whole', figures: `  a: { ten: A, gia_tri: 408, don_vi: trẻ }\n  t: { ten: T, gia_tri: 449, don_vi: trẻ, trong_do: [a] }\n`, expected: [] },
    { name: 'parts in another scale, within rounding', figures: `  a: { ten: A, gia_tri: 1540, don_vi: triệu đồng }\n  t: { ten: T, gia_tri: 1.5, don_vi: tỷ đồng, trong_do: [a] }\n`, expected: [] },
    { name: 'a part larger than its whole', figures: `  a: { ten: A, gia_tri: 81, don_vi: trẻ }\n  t: { ten: T, gia_tri: 18, don_vi: trẻ, trong_do: [a] }\n`, expected: ['part-exceeds-whole@4:25'] },
    { name: 'two parts that together exceed the whole', figures: `  a: { ten: A, gia_tri: 2816, don_vi: hồ sơ }\n  b: { ten: B, gia_tri: 536, don_vi: hồ sơ }\n  t:\n    ten: T\n    gia_tri: 3000\n    don_vi: hồ sơ\n    trong_do: [a, b]\n`, expected: ['part-exceeds-whole@7:14'] },
  ],
  'share-range': [
    { name: 'a share within 0–100%', figures: `  a: { ten: A, gia_tri: 449, don_vi: cháu }\n  b: { ten: B, gia_tri: 449, don_vi: cháu }\n  r: { ten: R, gia_tri: 100, don_vi: "%", chia: [a, b] }\n`, expected: [] },
    { name: 'a per-capita ratio is not a share', figures: `  a: { ten: A, gia_tri: 663.8, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 9789, don_vi: người }\n  r: { ten: R, don_vi: triệu đồng/người/năm, chia: [a, b] }\n`, expected: [] },
    { name: 'a share above 100%, stated and agreeing with its ratio', figures: `  a: { ten: A, gia_tri: 278, don_vi: em }\n  b: { ten: B, gia_tri: 238, don_vi: em }\n  r: { ten: R, gia_tri: 116.8, don_vi: "%", chia: [a, b] }\n`, expected: ['share-range@5:25'] },
    { name: 'a computed share above 100%, in "phần trăm"', figures: `  a: { ten: A, gia_tri: 278, don_vi: em }\n  b: { ten: B, gia_tri: 238, don_vi: em }\n  r: { ten: R, don_vi: phần trăm, chia: [a, b] }\n`, expected: ['share-range@5:3'] },
    { name: 'a computed share above 100%', figures: `  a: { ten: A, gia_tri: 278, don_vi: em }\n  b: { ten: B, gia_tri: 238, don_vi: em }\n  r:\n    ten: R\n    don_vi: "%"\n    chia: [a, b]\n`, expected: ['share-range@5:3'] },
  ],
  'count-whole': [
    { name: 'whole counts, and fractions in units of measure', figures: `  a: { ten: A, gia_tri: 113, cung_ky: 100, don_vi: đồng chí }\n  b: { ten: B, gia_tri: 8215.5, don_vi: tạ }\n  c: { ten: C, gia_tri: 12.5, don_vi: triệu đồng }\n`, expected: [] },
    { name: 'a rate in "phần trăm" is no count', figures: `  a: { ten: A, gia_tri: 12.5, don_vi: phần trăm }\n`, expected: [] },
    { name: 'a fractional count', figures: `  a: { ten: A, gia_tri: 113.5, don_vi: hộ }\n`, expected: ['count-whole@3:25'] },
    { name: 'a negative count last year', figures: `  a: { ten: A, gia_tri: 12, cung_ky: -3, don_vi: vụ }\n`, expected: ['count-whole@3:38'] },
  ],
  'percentage-points': [
    { name: 'a change in a rate given in percentage points', figures: `  r: { ten: R, gia_tri: 48.07, chenh_lech: 7, don_vi: "%" }\n`, expected: [] },
    { name: 'a change in an amount given in %', figures: `  a: { ten: A, gia_tri: 70.1, tang_giam: 2.9, don_vi: tỷ đồng }\n`, expected: [] },
    { name: 'a change in a rate given in %', figures: `  r: { ten: R, gia_tri: 48.07, tang_giam: 7, don_vi: "%" }\n`, expected: ['percentage-points@3:43'] },
  ],
  'last-year-revised': [
    { name: 'cùng kỳ taken from last year', figures: `  a: { ten: A, gia_tri: 70.1, don_vi: tỷ đồng }\n`, lastYear: `  a: { ten: A, gia_tri: 68.1, don_vi: tỷ đồng }\n`, expected: [] },
    { name: 'cùng kỳ typed as last year recorded it, at another precision', figures: `  a: { ten: A, gia_tri: 70.1, cung_ky: 68, don_vi: tỷ đồng }\n`, lastYear: `  a: { ten: A, gia_tri: 68.1, don_vi: tỷ đồng }\n`, expected: [] },
    { name: 'cùng kỳ typed differently from last year', figures: `  a: { ten: A, gia_tri: 70.1, cung_ky: 69.4, don_vi: tỷ đồng }\n`, lastYear: `  a: { ten: A, gia_tri: 68.1, don_vi: tỷ đồng }\n`, expected: ['last-year-revised@3:40'] },
  ],
  'plan-revised': [
    { name: 'plan taken from last year’s target', figures: `  a: { ten: A, gia_tri: 70.1, don_vi: tỷ đồng }\n`, lastYear: `  m: { ten: M, gia_tri: 60, don_vi: tỷ đồng, ke_hoach_cho: a }\n`, expected: [] },
    { name: 'a revised plan', figures: `  a: { ten: A, gia_tri: 70.1, ke_hoach: 65, don_vi: tỷ đồng }\n`, lastYear: `  m: { ten: M, gia_tri: 60, don_vi: tỷ đồng, ke_hoach_cho: a }\n`, expected: ['plan-revised@3:41'] },
  ],
  'unused-figure': [
    { name: 'printed, or used to compute another', figures: `  a: { ten: A, gia_tri: 3, don_vi: hộ }\n  b: { ten: B, gia_tri: 4, don_vi: hộ }\n  t: { ten: T, don_vi: hộ, tong: [a, b] }\n`, texts: '  - "Tổng {{t}}."\n', expected: [] },
    { name: 'printed through a helper only', figures: `  a: { ten: A, gia_tri: 3, cung_ky: 2, don_vi: hộ }\n`, texts: '  - "Tăng {{chenh_lech a}}."\n', expected: [] },
    { name: 'typed but never printed', figures: `  a: { ten: A, gia_tri: 3, don_vi: hộ }\n  b: { ten: B, gia_tri: 4, don_vi: hộ }\n`, texts: '  - "Có {{a}}."\n', expected: ['unused-figure@4:3'] },
  ],
  'text-reference': [
    { name: 'references to figures and years', figures: `  a: { ten: A, gia_tri: 3, cung_ky: 2, don_vi: hộ }\n`, texts: '  - "Năm {{nam}} có {{a}}, {{chenh_lech a}}."\n', expected: [] },
    { name: 'a reference to no figure', figures: `  a: { ten: A, gia_tri: 3, don_vi: hộ }\n`, texts: '  - "Có {{a}} và {{b}}."\n', expected: ['text-reference@5:18'] },
    { name: 'a helper whose figure lacks the data', figures: `  a: { ten: A, gia_tri: 3, don_vi: hộ }\n`, texts: '  - "Có {{a}}, {{tang_giam a}}."\n', expected: ['text-reference@5:16'] },
  ],
  'division-by-zero': [
    { name: 'shares of a plan and of cùng kỳ that are not 0', figures: `  a: { ten: A, gia_tri: 3, ke_hoach: 2, cung_ky: 2, don_vi: hộ }\n`, texts: '  - "Có {{a}}, đạt {{dat_ke_hoach a}}, {{tang_giam a}}."\n', expected: [] },
    { name: 'a change in units from a cùng kỳ of 0', figures: `  a: { ten: A, gia_tri: 3, cung_ky: 0, don_vi: vụ }\n`, texts: '  - "Có {{a}}, {{chenh_lech a}}."\n', expected: [] },
    { name: 'a share of a plan of 0', figures: `  a: { ten: A, gia_tri: 3, ke_hoach: 0, don_vi: hộ }\n`, texts: '  - "Có {{a}}, đạt {{dat_ke_hoach a}}."\n', expected: ['division-by-zero@5:20'] },
    { name: 'a change from a cùng kỳ of 0, and a ratio over 0', figures: `  a: { ten: A, gia_tri: 3, cung_ky: 0, don_vi: vụ }\n  b: { ten: B, gia_tri: 0, don_vi: hộ }\n  r: { ten: R, don_vi: "%", chia: [a, b] }\n`, texts: '  - "Có {{a}}, {{tang_giam a}}, {{r}}."\n', expected: ['division-by-zero@7:16', 'division-by-zero@7:33'] },
  ],
};

describe('check rules: valid and invalid cases, with rule id, line and column', () => {
  it('covers every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  for (const [ruleId, cases] of Object.entries(CASES)) {
    describe(ruleId, () => {
      it.each(cases)('$name', (ruleCase) => {
        const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
        onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
        if (ruleCase.lastYear) {
          fs.cpSync(path.join(dir, 'data', '2023'), path.join(dir, 'data', '2022'), { recursive: true });
          fs.writeFileSync(path.join(dir, 'data', '2022', 'van-hoa.yaml'), file({ figures: ruleCase.lastYear }));
        }
        fs.writeFileSync(path.join(dir, 'data', '2023', 'van-hoa.yaml'), file(ruleCase));
        const findings = analyzeYear({ root: dir, cwd: dir }, 2023).findings.filter((f) => f.ruleId === ruleId);
        const found = findings.map((f) => `${f.ruleId}@${f.place.line}:${f.place.col}`);
        expect(found).toEqual(ruleCase.expected);
        if (!STATED_AGAINST_DERIVED.has(ruleId)) return;
        const lines = file(ruleCase).split('\n');
        for (const finding of findings) {
          expect(finding.place.file.replaceAll('\\', '/')).toBe('data/2023/van-hoa.yaml');
          // The place is the stated number itself.
          expect(lines[finding.place.line - 1]!.slice(finding.place.col - 1)).toMatch(/^-?\d/);
          expect(finding.related?.length).toBeGreaterThan(0);
        }
      }, 20_000);
    });
  }
});
