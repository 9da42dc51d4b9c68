import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, PROJECT, workspaceFrom } from './helpers.js';

function installed(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const canConvert = installed('soffice') && installed('pdftotext');
if (!canConvert) console.warn('LibreOffice (soffice) or pdftotext is not installed: the .docx-opens test is skipped. .ci/run installs them.');

/** The .docx opens in a real word processor: LibreOffice turns it into a PDF whose pages read right. */
describe.skipIf(!canConvert)('the .docx opens in LibreOffice', () => {
  it('converts to PDF, page 1 holds the Decree 30 header and no page number, page 2 is numbered', async () => {
    const dir = workspaceFrom(PROJECT);
    const docx = path.join(dir, 'bao-cao.docx');
    expect((await cli(['build', '2023', '--out', docx], dir)).code).toBe(0);
    // A profile folder of its own, so parallel conversions do not collide.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lo-'));
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
    const pdf = path.join(dir, 'bao-cao.pdf');
    const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });

    const first = page(1);
    const order = ['UBND HUYỆN THANH HÀ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'UBND THỊ TRẤN THANH HÀ', 'Độc lập - Tự do - Hạnh phúc', 'Thanh Hà, ngày 05 tháng 12 năm 2023', 'BÁO CÁO', 'A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023'];
    let from = 0;
    for (const line of order) {
      const at = first.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
    expect(first.split('\n')[0]!.trim()).not.toMatch(/^\d+$/);
    expect(page(2).split('\n').find((l) => l.trim() !== '')!.trim()).toBe('2');
  }, 180_000);
});
