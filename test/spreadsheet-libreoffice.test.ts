import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, PROJECT, removeTempFolders, workspaceFrom, installed } from './helpers.js';

afterEach(removeTempFolders);

const hasSoffice = installed('soffice');
if (!hasSoffice) console.warn('LibreOffice (soffice) is not installed: the test that opens the workbook in Calc is skipped. .ci/run installs it.');

/** Converts with LibreOffice, with a profile of its own in a fresh temporary folder (two runs at once may not share one). */
function convert(file: string, filter: string, outdir: string): { ok: boolean; output: string } {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lo-'));
  try {
    const result = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', filter, '--outdir', outdir, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { ok: result.status === 0 && !/could not be loaded/.test(result.stderr + result.stdout), output: result.stderr + result.stdout };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** CSV of every sheet, as shown (number formats applied): `Text - txt - csv (StarCalc)`, UTF-8, all sheets (-1). */
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

describe.skipIf(!hasSoffice)('the workbook in LibreOffice Calc', () => {
  it('opens in Calc, which reads its cells back in Vietnamese form; saved again by Calc, it imports without changing a byte', async (context) => {
    const dir = workspaceFrom(PROJECT);
    expect((await cli(['export', '2023'], dir)).code).toBe(0);
    const workbook = path.join(dir, 'out', 'so-lieu-2023.xlsx');
    const csvFolder = path.join(dir, 'csv');
    const csv = convert(workbook, CSV_ALL_SHEETS, csvFolder);
    if (!csv.ok && /could not be loaded/.test(csv.output)) {
      console.warn('LibreOffice Calc is not installed (only Writer?): the workbook test is skipped. apt-get install libreoffice-calc-nogui.');
      context.skip();
    }
    expect(csv.ok, csv.output).toBe(true);
    const sheet = (name: string) => fs.readFileSync(path.join(csvFolder, `so-lieu-2023-${name}.csv`), 'utf8').split('\n');
    const economy = sheet('Lĩnh vực kinh tế');
    expect(economy[0]).toMatch(/^Mã,Tên chỉ tiêu,Đơn vị,Giá trị,Kế hoạch,Cùng kỳ,/);
    expect(economy[1]).toBe('tong_thu_nhap,Tổng thu nhập xã hội,tỷ đồng,"663,8",,,102%,,,"663,8",,,,= tổng: gia_tri_nong_nghiep + gia_tri_ttcn_dich_vu + thu_nhap_tien_luong');
    expect(economy.find((l) => l.startsWith('san_luong_lua,'))).toBe('san_luong_lua,Tổng sản lượng lúa,tạ,8.215,,,,"-19,7%",,,,,,');
    const budget = sheet('Thu, chi ngân sách');
    expect(budget[1]).toMatch(/^tong_thu_ngan_sach,Tổng thu ngân sách,đồng,6\.790\.880\.637,,,"100,02%",/);
    const guide = sheet('Hướng dẫn');
    expect(guide).toContain('Kỳ báo cáo,2023');
    expect(guide).toContain('Lĩnh vực kinh tế,kinh-te.yaml');

    const resaved = path.join(dir, 'calc');
    expect(convert(workbook, 'xlsx:Calc MS Excel 2007 XML', resaved).ok).toBe(true);
    const before = fs.readFileSync(path.join(dir, 'data', '2023', 'kinh-te.yaml'));
    const result = await cli(['import', '2023', path.join('calc', 'so-lieu-2023.xlsx')], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Không có số liệu nào khác với dữ liệu: không tệp nào bị sửa/);
    expect(fs.readFileSync(path.join(dir, 'data', '2023', 'kinh-te.yaml')).equals(before)).toBe(true);
  }, 240_000);
});
