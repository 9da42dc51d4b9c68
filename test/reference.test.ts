import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, docxText, FIXTURES, PROJECT, workspaceFrom } from './helpers.js';

/**
 * The shipped data is the published Thanh Hà 2023 report: building it must give back every
 * figure and every heading of the reference text.
 */
const REFERENCE = fs.readFileSync(path.join(FIXTURES, 'reference', 'thanh-ha-2023-report.txt'), 'utf8').normalize('NFC');

/**
 * Figures the published text writes in a non-Vietnamese form, and the form the tool prints:
 * the extracted PDF has a dot for the decimal comma, commas for thousands, and ungrouped thousands.
 */
const PUBLISHED_FORM_TO_VIETNAMESE: Record<string, string> = {
  '100.02': '100,02',
  '99.6': '99,6',
  '124,659,000': '124.659.000',
  '7125': '7.125',
  '3102': '3.102',
  '1180': '1.180',
  '3353': '3.353',
};

const NUMBER = /\d+(?:[.,]\d+)*/g;

function countTokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of text.match(NUMBER) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

const normalize = (line: string) => line.replace(/\s+/g, ' ').trim();

/** Heading lines of the reference: A., I., 1., a., "* ...", "Phần thứ hai" and the part titles. */
function referenceHeadings(): string[] {
  return REFERENCE.split('\n')
    .map(normalize)
    .filter((line) => /^([A-Z]|[IVX]+|\d{1,2}|[a-c])\. \S|^\* |^Phần thứ |^PHƯƠNG HƯỚNG/.test(line))
    .map((line) => line.replace('NHIỆM VỤNĂM', 'NHIỆM VỤ NĂM')); // glued by the PDF extraction
}

describe('report build 2023 on the shipped data', () => {
  let out: string;
  let text: string;
  let paragraphs: string[];

  beforeAll(async () => {
    const dir = workspaceFrom(PROJECT);
    out = path.join(dir, 'bao-cao.docx');
    const result = await cli(['build', '2023', '--out', out], dir);
    expect(result.code).toBe(0);
    text = (await docxText(out)).normalize('NFC');
    paragraphs = text.split(/\n+/).map(normalize).filter(Boolean);
  }, 30_000);

  it('contains every figure of the reference, in Vietnamese form', () => {
    const expected = new Map<string, number>();
    for (const [token, count] of countTokens(REFERENCE)) {
      const form = PUBLISHED_FORM_TO_VIETNAMESE[token] ?? token;
      expected.set(form, (expected.get(form) ?? 0) + count);
    }
    // The directions heading says "NĂM 2023" by mistake; the tool names the next year (see below).
    expected.set('2023', expected.get('2023')! - 1);
    expected.set('2024', expected.get('2024')! + 1);
    const actual = countTokens(text);
    const missing = [...expected].filter(([token, count]) => (actual.get(token) ?? 0) < count).map(([token, count]) => `${token} ×${count - (actual.get(token) ?? 0)}`);
    expect(missing).toEqual([]);
    expect(expected.size).toBeGreaterThan(100); // the token pattern found the figures at all
  });

  it('prints no figure in a non-Vietnamese form', () => {
    for (const published of Object.keys(PUBLISHED_FORM_TO_VIETNAMESE)) expect(text).not.toMatch(new RegExp(`(^|[^\\d.,])${published.replace(/\./g, '\\.')}($|[^\\d.,])`));
  });

  it('has every heading of the reference, in order, with years from the data', () => {
    const headings = referenceHeadings();
    expect(headings.length).toBe(41);
    const masked = (line: string) => line.replace(/\d{4}/g, '####');
    let from = 0;
    for (const heading of headings) {
      const at = paragraphs.findIndex((p, i) => i >= from && masked(p) === masked(heading));
      expect(at, `heading "${heading}" after paragraph ${from}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    expect(paragraphs).toContain('A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023');
    expect(paragraphs).toContain('PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024');
  });

  it('has the standard sentences with the figures stated in the data', () => {
    expect(text).toContain('Tổng thu nhập xã hội ước đạt 663,8 tỷ đồng đạt 102% kế hoạch năm');
    expect(text).toContain('tổng sản lượng ước đạt 8.215 tạ (giảm 19,7% so với cùng kỳ năm trước)');
    expect(text).toContain('Tổng thu ngân sách 6.790.880.637 đồng đạt 100,02% so với dự toán năm');
    // The published total, not the sum of its parts (5.368.409.147): check reports the difference.
    expect(text).toContain('Tổng chi ngân sách 5.371.409.147 đồng đạt 80%');
    expect(text).toContain('tổng hợp báo cáo./.');
  });
});
