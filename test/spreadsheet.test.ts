import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFiles, cli, editFile, FIXTURES, PROJECT, removeTempFolders, snapshot, workspaceFrom } from './helpers.js';
import { editCells, renameSheet } from './xlsx-edit.js';

afterEach(removeTempFolders);

/** The lines that differ between two texts of the same length in lines. */
function changedLines(before: string, after: string): { line: number; before: string; after: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [{ line: i + 1, before: line, after: b[i]! }]));
}

const KINH_TE = 'Lĩnh vực kinh tế';
const NGAN_SACH = 'Thu, chi ngân sách';

describe('report export, then report import', () => {
  it('an export followed by an import without edits changes no byte of data/, and two exports are the same bytes', async () => {
    const dir = workspaceFrom(PROJECT);
    const before = snapshot(path.join(dir, 'data'));
    const exported = await cli(['export', '2023'], dir);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(`Đã xuất số liệu năm 2023 (146 chỉ tiêu, 13 trang): ${path.join('out', 'so-lieu-2023.xlsx')}\n`);
    const workbook = path.join(dir, 'out', 'so-lieu-2023.xlsx');
    const first = fs.readFileSync(workbook);

    const imported = await cli(['import', '2023'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Không có số liệu nào khác với dữ liệu: không tệp nào bị sửa/);
    // It then checks, as report check does: the published report's five inconsistencies.
    expect(imported.stdout).toContain('✖ 8 vấn đề (5 lỗi, 3 cảnh báo)');
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);

    await cli(['export', '2023'], dir);
    expect(fs.readFileSync(workbook).equals(first)).toBe(true);
  });

  it('every fixture period, its own outline and layout, goes out and back without a byte changed', async () => {
    for (const [fixture, periods] of [
      ['minimal', ['2023']],
      ['findings', ['2023']],
      ['years', ['2022', '2023']],
      ['outline', ['2023', '2023-6thang', '2024-6thang']],
    ] as const) {
      const dir = workspaceFrom(path.join(FIXTURES, fixture));
      const before = snapshot(path.join(dir, 'data'));
      for (const period of periods) {
        const exported = await cli(['export', period], dir);
        expect(exported.code, `${fixture} ${period}: ${exported.stderr}`).toBe(0);
        const imported = await cli(['import', period], dir);
        expect(imported.code, `${fixture} ${period}: ${imported.stderr}`).toBe(0);
        expect(imported.stdout).toMatch(/^Không có số liệu nào khác với dữ liệu/);
      }
      expect(changedFiles(before, snapshot(path.join(dir, 'data'))), fixture).toEqual([]);
    }
  }, 120_000);

  it('editing one value changes exactly that figure\'s line, in place', async () => {
    const dir = workspaceFrom(PROJECT);
    await cli(['export', '2023'], dir);
    const before = snapshot(path.join(dir, 'data'));
    // tong_thu_nhap is the first figure of the economy's sheet: row 2, giá trị in D.
    editCells(path.join(dir, 'out', 'so-lieu-2023.xlsx'), KINH_TE, { D2: 664.2 });
    const result = await cli(['import', '2023'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`'${KINH_TE}'!D2  →  ${path.join('data', '2023', 'kinh-te.yaml')}:7  tong_thu_nhap › gia_tri: 663.8 → 664.2`);
    const after = snapshot(path.join(dir, 'data'));
    expect(changedFiles(before, after)).toEqual(['2023/kinh-te.yaml']);
    expect(changedLines(before.get('2023/kinh-te.yaml')!.toString(), after.get('2023/kinh-te.yaml')!.toString())).toEqual([
      { line: 7, before: '    gia_tri: 663.8', after: '    gia_tri: 664.2' },
    ]);
  });

  it('a text in a number cell gives exit 1, names the sheet, the cell and the figure, and changes nothing; every problem at once', async () => {
    const dir = workspaceFrom(PROJECT);
    await cli(['export', '2023'], dir);
    const before = snapshot(path.join(dir, 'data'));
    editCells(path.join(dir, 'out', 'so-lieu-2023.xlsx'), KINH_TE, { D2: 'sáu trăm', D3: 68, G2: '1.157' });
    const result = await cli(['import', '2023'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`'${KINH_TE}'!D2  lỗi  giá trị của "Tổng thu nhập xã hội" (tong_thu_nhap): "sáu trăm" không phải là số.`);
    expect(result.stderr).toContain(`'${KINH_TE}'!G2  lỗi  % kế hoạch của "Tổng thu nhập xã hội" (tong_thu_nhap): "1.157" không phải là số. Số "1.157" (đơn vị %) không rõ nghĩa`);
    expect(result.stderr).toContain('2 lỗi trong bảng tính: không tệp dữ liệu nào bị sửa.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);
  });

  it('reads numbers exactly: a cell beyond 15 digits is refused with the advice, a long number typed as text is taken digit for digit, Vietnamese-form text is read as in YAML', async () => {
    const dir = workspaceFrom(PROJECT);
    await cli(['export', '2023'], dir);
    const workbook = path.join(dir, 'out', 'so-lieu-2023.xlsx');
    const before = snapshot(path.join(dir, 'data'));
    // tong_thu_ngan_sach: row 2 of the budget's sheet. A double Excel could hold only from a formula or a program.
    editCells(workbook, NGAN_SACH, { D2: { raw: '12345678901234567' }, E2: 0.30000000000000004 });
    const refused = await cli(['import', '2023'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`'${NGAN_SACH}'!D2  lỗi  giá trị của "Tổng thu ngân sách" (tong_thu_ngan_sach): số trong ô có hơn 15 chữ số`);
    expect(refused.stderr).toContain("Gõ số này dạng văn bản: thêm dấu ' ở đầu");
    expect(refused.stderr).toContain(`'${NGAN_SACH}'!E2`);
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);

    await cli(['export', '2023'], dir);
    // Excel 2007 writes a typed 663.8 as 663.79999999999995: the same double, read as 663.8.
    editCells(workbook, NGAN_SACH, { D2: '6.790.880.638', E2: '12.345.678.901.234.567.890', F2: { raw: '663.79999999999995' }, G2: '100,5%' });
    const result = await cli(['import', '2023'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'data', '2023', 'ngan-sach.yaml'), 'utf8');
    expect(text).toContain('    gia_tri: 6790880638\n');
    expect(text).toContain('    ke_hoach: 12345678901234567890\n');
    expect(text).toContain('    cung_ky: 663.8\n');
    // A rate typed with its sign, as its cell shows it.
    expect(text).toContain('    ty_le_ke_hoach: 100.5\n');
  });

  it('a new row with a new mã, tên and đơn vị becomes a new figure of that section; an incomplete one is refused', async () => {
    const dir = workspaceFrom(PROJECT);
    await cli(['export', '2023'], dir);
    const workbook = path.join(dir, 'out', 'so-lieu-2023.xlsx');
    const before = snapshot(path.join(dir, 'data'));
    editCells(workbook, KINH_TE, { A100: 'so_ho_kinh_doanh', C100: 'hộ', D100: 'CẦN ĐIỀN', A101: 'Sai Mã', B101: 'X', C101: 'hộ', D101: 1, B102: 'không mã' });
    const refused = await cli(['import', '2023'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`'${KINH_TE}'!B100  lỗi  Chỉ tiêu mới so_ho_kinh_doanh cần tên`);
    expect(refused.stderr).toContain(`'${KINH_TE}'!A101  lỗi  Mã "Sai Mã" không hợp lệ`);
    expect(refused.stderr).toContain(`'${KINH_TE}'!A102  lỗi  Dòng 102 có số liệu nhưng chưa có mã`);
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);

    await cli(['export', '2023'], dir);
    // Read in the unit typed in its Đơn vị cell, as in YAML: "1.250" hộ is 1250 (a count is whole), "1.157" in % is ambiguous.
    editCells(workbook, KINH_TE, { A100: 'so_ho_kinh_doanh', B100: 'Số hộ kinh doanh: cá thể', C100: 'hộ', D100: '1.250', E100: 1200, G100: '1.157' });
    const result = await cli(['import', '2023'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`'${KINH_TE}'!G100  lỗi  % kế hoạch của chỉ tiêu mới so_ho_kinh_doanh: "1.157" không phải là số. Số "1.157" (đơn vị %) không rõ nghĩa`);
    expect(result.stderr).not.toContain(`'${KINH_TE}'!D100`);
    editCells(workbook, KINH_TE, { G100: null });
    const added = await cli(['import', '2023'], dir);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const after = fs.readFileSync(path.join(dir, 'data', '2023', 'kinh-te.yaml'), 'utf8');
    const old = before.get('2023/kinh-te.yaml')!.toString();
    // The new figure follows the last one of chi_tieu; every earlier line is as it was.
    expect(after.startsWith(old.slice(0, old.indexOf('\nnoi_dung:')))).toBe(true);
    expect(after).toContain('\n  so_ho_kinh_doanh:\n    ten: "Số hộ kinh doanh: cá thể"\n    gia_tri: 1250\n    don_vi: hộ\n    ke_hoach: 1200\n');
    expect(added.stdout).toContain(`'${KINH_TE}'!B100  →  ${path.join('data', '2023', 'kinh-te.yaml')}:110  so_ho_kinh_doanh › ten: "Số hộ kinh doanh: cá thể"`);
    // The check that follows sees it: no text prints it yet.
    expect(added.stdout).toContain('[so_ho_kinh_doanh] không được in ở đâu trong báo cáo.');
  });

  it('fills CẦN ĐIỀN places of a new period: highlighted in the workbook, written in place with the earlier value\'s comment kept', async () => {
    const dir = workspaceFrom(PROJECT);
    await cli(['init', '2024'], dir);
    const exported = await cli(['export', '2024'], dir);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('chưa tính được các cột "tính ra"');
    const workbook = path.join(dir, 'out', 'so-lieu-2024.xlsx');
    const yaml = path.join(dir, 'data', '2024', 'kinh-te.yaml');
    const before = fs.readFileSync(yaml, 'utf8');
    const all = snapshot(path.join(dir, 'data'));
    // gia_tri_ttcn_dich_vu (row 5): its value is still to fill, last year's value is shown as cùng kỳ (F5).
    editCells(workbook, KINH_TE, { D5: 290.5 });
    const result = await cli(['import', '2024'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(changedFiles(all, snapshot(path.join(dir, 'data')))).toEqual(['2024/kinh-te.yaml']);
    const lines = changedLines(before, fs.readFileSync(yaml, 'utf8'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.before).toMatch(/^ {4}gia_tri: CẦN ĐIỀN # năm 2023: 281\.3 tỷ đồng$/);
    expect(lines[0]!.after).toBe('    gia_tri: 290.5 # năm 2023: 281.3 tỷ đồng');
    // The check that follows lists what is still to fill.
    expect(result.stdout).toContain('Chưa điền số liệu');
  });

  it('a workbook of another period, a renamed sheet or a moved column is refused with what to do; a file that is no workbook too', async () => {
    const dir = workspaceFrom(PROJECT);
    await cli(['export', '2023'], dir);
    const workbook = path.join(dir, 'out', 'so-lieu-2023.xlsx');
    const before = snapshot(path.join(dir, 'data'));
    fs.mkdirSync(path.join(dir, 'data', '2024'));
    fs.cpSync(path.join(dir, 'data', '2023'), path.join(dir, 'data', '2024'), { recursive: true });
    const other = await cli(['import', '2024', workbook], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('Bảng tính này xuất cho kỳ 2023, không phải 2024');
    fs.rmSync(path.join(dir, 'data', '2024'), { recursive: true });

    // A workbook of another commune; the same figure on two rows.
    editCells(workbook, 'Hướng dẫn', { B16: 'UBND XÃ AN BÌNH' });
    editCells(workbook, KINH_TE, { A3: 'tong_thu_nhap' });
    const otherBody = await cli(['import', '2023'], dir);
    expect(otherBody.code).toBe(1);
    expect(otherBody.stderr).toContain('Bảng tính này của UBND XÃ AN BÌNH, còn dữ liệu ở đây là của ỦY BAN NHÂN DÂN THỊ TRẤN THANH HÀ');
    editCells(workbook, 'Hướng dẫn', { B16: 'ỦY BAN NHÂN DÂN THỊ TRẤN THANH HÀ' });
    const twice = await cli(['import', '2023'], dir);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(`'${KINH_TE}'!A3  lỗi  Mã tong_thu_nhap đã có ở '${KINH_TE}'!A2: mỗi chỉ tiêu một dòng.`);
    editCells(workbook, KINH_TE, { A3: 'thu_nhap_binh_quan' });

    renameSheet(workbook, KINH_TE, 'Kinh tế');
    editCells(workbook, NGAN_SACH, { D1: 'Số' });
    const renamed = await cli(['import', '2023'], dir);
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toContain(`Không thấy trang "${KINH_TE}" (của tệp kinh-te.yaml)`);
    expect(renamed.stderr).toContain(`'${NGAN_SACH}'!D1  lỗi  Trang "${NGAN_SACH}": ô tiêu đề cột ghi "Số", mà phải là "Giá trị"`);

    fs.writeFileSync(path.join(dir, 'not.xlsx'), 'a,b\n1,2\n');
    const notWorkbook = await cli(['import', '2023', 'not.xlsx'], dir);
    expect(notWorkbook.code).toBe(1);
    expect(notWorkbook.stderr).toContain('not.xlsx không phải tệp .xlsx');
    // A zip of another kind (a .docx renamed): damaged, said in Vietnamese, not in the library's words.
    const report = path.join(dir, 'bao-cao.docx');
    expect((await cli(['build', '2023', '--out', report], dir)).code).toBe(0);
    fs.renameSync(report, path.join(dir, 'docx.xlsx'));
    const damaged = await cli(['import', '2023', 'docx.xlsx'], dir);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('docx.xlsx là tệp .xlsx hỏng, không đọc được.');
    expect(damaged.stderr).not.toMatch(/file not found|inside the/);
    const missing = await cli(['import', '2023', 'none.xlsx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy bảng tính none.xlsx');
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);
  });

  it('keeps comments, quoting, flow maps, CRLF line ends and a byte-order mark: only the values change', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const file = path.join(dir, 'data', '2023', 'kinh-te.yaml');
    const crlf = `\uFEFF${fs.readFileSync(file, 'utf8').replaceAll('\n', '\r\n')}`;
    fs.writeFileSync(file, crlf);
    await cli(['export', '2023'], dir);
    const exported = snapshot(path.join(dir, 'data'));
    const imported = await cli(['import', '2023'], dir);
    expect(imported.code).toBe(0);
    expect(changedFiles(exported, snapshot(path.join(dir, 'data')))).toEqual([]);
    const sheets = fs.readFileSync(file, 'utf8');
    expect(sheets).toBe(crlf);
    // A value changed in the workbook changes that value alone: the line ends and the mark stay.
    editCells(path.join(dir, 'out', 'so-lieu-2023.xlsx'), KINH_TE, { D2: 101 });
    expect((await cli(['import', '2023'], dir)).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(crlf.replace('gia_tri: 100\r\n', 'gia_tri: 101\r\n'));
  });

  it('writes a value into a figure whose key reads as a number (2023:) and into an empty flow map ({})', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const file = path.join(dir, 'data', '2023', 'kinh-te.yaml');
    editFile(file, (t) => t.replace('chi_tieu:\n', 'chi_tieu:\n  2023:\n    ten: Số hộ năm\n    gia_tri: 5\n    don_vi: hộ\n  moi: {}\n'));
    await cli(['export', '2023'], dir);
    editCells(path.join(dir, 'out', 'so-lieu-2023.xlsx'), KINH_TE, { D2: 6, D3: 7 });
    const imported = await cli(['import', '2023'], dir);
    expect(imported.stderr).not.toContain('ngoài dự kiến');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('  2023:\n    ten: Số hộ năm\n    gia_tri: 6\n');
    expect(text).toContain('  moi: { gia_tri: 7 }\n');
  });

  it('--units: a workbook per unit, out and back, into a folder of <unit>.xlsx', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    for (const unit of ['an-binh', 'tan-lap']) fs.cpSync(path.join(dir, 'data'), path.join(dir, 'huyen', unit, 'data'), { recursive: true });
    const exported = await cli(['export', '2023', '--units', 'huyen', '--out', 'gui-xa'], dir);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('Đã xuất bảng tính cho 2/2 đơn vị.');
    expect(fs.readdirSync(path.join(dir, 'gui-xa')).sort()).toEqual(['an-binh.xlsx', 'tan-lap.xlsx']);
    const before = snapshot(path.join(dir, 'huyen'));
    editCells(path.join(dir, 'gui-xa', 'tan-lap.xlsx'), KINH_TE, { D2: 700 });
    const imported = await cli(['import', '2023', 'gui-xa', '--units', 'huyen'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('an-binh: xong: 0 giá trị đã nhập');
    expect(imported.stdout).toContain('tan-lap: xong: 1 giá trị đã nhập');
    expect(changedFiles(before, snapshot(path.join(dir, 'huyen')))).toEqual(['tan-lap/data/2023/kinh-te.yaml']);
    // A unit without its workbook fails alone.
    fs.rmSync(path.join(dir, 'gui-xa', 'an-binh.xlsx'));
    const partial = await cli(['import', '2023', 'gui-xa', '--units', 'huyen'], dir);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain('an-binh: lỗi: Không tìm thấy bảng tính');
    expect(partial.stdout).toContain('Đã nhập bảng tính của 1/2 đơn vị.');
  });
});
