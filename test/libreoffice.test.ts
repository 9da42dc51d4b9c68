import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editFile, PROJECT, workspaceFrom, installed } from './helpers.js';

const canConvert = installed('soffice') && installed('pdftotext');
if (!canConvert) console.warn('LibreOffice (soffice) or pdftotext is not installed: the PDF tests are skipped. .ci/run installs them.');

/** The .docx opens in a real word processor: `--format pdf` goes through LibreOffice, and its pages read right. */
describe.skipIf(!canConvert)('--format pdf, through LibreOffice', () => {
  const pages = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');

  it('page 1 holds the Decree 30 header and no page number, page 2 is numbered, the appendix holds its figures', async () => {
    const dir = workspaceFrom(PROJECT);
    const result = await cli(['build', '2023', '--format', 'pdf'], dir);
    expect(result.stdout).toBe(`Đã tạo báo cáo năm 2023: ${path.join('out', 'bao-cao-2023.pdf')}\n`);
    const [first, second] = pages(path.join(dir, 'out', 'bao-cao-2023.pdf'));
    const order = ['UBND HUYỆN THANH HÀ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ỦY BAN NHÂN DÂN', 'Độc lập - Tự do - Hạnh phúc', 'Thanh Hà, ngày 05 tháng 12 năm 2023', 'BÁO CÁO', 'A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023'];
    let from = 0;
    for (const line of order) {
      const at = first!.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
    expect(first!.split('\n')[0]!.trim()).not.toMatch(/^\d+$/);
    expect(second!.split('\n').find((l) => l.trim() !== '')!.trim()).toBe('2');

    const appendix = pages(path.join(dir, 'out', 'bao-cao-2023.pdf')).filter((p) => p.includes('BIỂU CHỈ TIÊU CHỦ YẾU') || p.includes('% so cùng kỳ'));
    expect(appendix.length).toBeGreaterThan(0);
    // The whole table on one page; the cùng kỳ that 530 trẻ, tăng 15 trẻ implies: 515.
    expect(appendix).toHaveLength(1);
    expect(appendix[0]).toMatch(/Tổng thu nhập xã hội\s+tỷ đồng\s+651\s+663,8\s+102/);
    expect(appendix[0]).toMatch(/Tổng thu ngân sách\s+đồng\s+6\.789\.500\.000\s+6\.790\.880\.637\s+100,02/);
    expect(appendix[0]).toMatch(/Trường Mầm non - Tổng số trẻ\s+trẻ\s+530\s+515\s+102,9/);
  }, 180_000);

  it.each([47, 48])('leaves no page of the appendix holding its last rows alone (%i rows)', async (count) => {
    const dir = workspaceFrom(path.join(PROJECT, 'test', 'fixtures', 'minimal'));
    // Rows of one height: in LibreOffice 7.4 the table takes 21 rows on its first page and 25 on the next,
    // so without keeping its last rows together 47 rows leave one alone on a third page, and 48 two.
    const figures = Array.from({ length: count }, (_, i) => `  chi_tieu_${i + 1}: { ten: Chỉ tiêu số ${i + 1}, gia_tri: ${i + 1}, don_vi: hộ, chu_yeu: true }\n`);
    editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (t) => t.replace('noi_dung:\n', `${figures.join('')}noi_dung:\n`));
    expect((await cli(['build', '2023', '--out', 'a.pdf'], dir)).code).toBe(0);
    const perPage = pages(path.join(dir, 'a.pdf')).map((page) => page.match(/Chỉ tiêu số \d+/g)?.length ?? 0).filter((rows) => rows > 0);
    expect(perPage.reduce((a, b) => a + b)).toBe(count);
    expect(perPage.length).toBeGreaterThan(1);
    expect(perPage.at(-1)).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('writes a PDF for --out x.pdf without --format', async () => {
    const dir = workspaceFrom(path.join(PROJECT, 'test', 'fixtures', 'minimal'));
    expect((await cli(['build', '2023', '--out', 'bao-cao.pdf'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'bao-cao.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('builds in parallel: each run has its own LibreOffice profile', async () => {
    const dir = workspaceFrom(path.join(PROJECT, 'test', 'fixtures', 'minimal'));
    const build = (out: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.join(PROJECT, 'bin', 'report.cjs'), 'build', '2023', '--format', 'pdf', '--out', out], { cwd: dir, stdio: 'ignore' });
        child.on('close', resolve);
      });
    expect(await Promise.all([build('a.pdf'), build('b.pdf')])).toEqual([0, 0]);
    for (const file of ['a.pdf', 'b.pdf']) expect(pages(path.join(dir, file))[0]).toContain('BÁO CÁO');
  }, 180_000);
});
