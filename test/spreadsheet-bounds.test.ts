import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWorkbook } from '../src/spreadsheet/read-workbook.js';
import type { InCell } from '../src/spreadsheet/workbook.js';
import { changedFiles, cli, editFile, FIXTURES, removeTempFolders, snapshot, workspaceFrom } from './helpers.js';
import { editCells } from './xlsx-edit.js';

/**
 * The workbook reads numbers as the data does (issue 17): in the figure's unit, with bound
 * words and scale words; through the CLI, on a copy of the minimal fixture with such figures.
 */

afterEach(removeTempFolders);

const KINH_TE = 'Lĩnh vực kinh tế';
const NGAN_SACH = 'Thu, chi ngân sách';
const Y_TE = 'Công tác y tế, dân số';

/** Figures written as reports write them, after the two of the fixture's kinh-te.yaml: rows 4 to 8 of its sheet. */
const WRITTEN_AS_REPORTS_DO = [
  '  thu_dich_vu:',
  '    ten: Thu từ dịch vụ',
  '    gia_tri: trên 20',
  '    don_vi: tỷ đồng',
  '    ke_hoach: 18',
  '  ty_le_bhyt:',
  '    ten: Tỷ lệ tham gia bảo hiểm y tế',
  '    gia_tri: khoảng 80',
  '    don_vi: "%"',
  '  thu_ngan_sach_xa:',
  '    ten: Thu ngân sách xã',
  '    gia_tri: 16 tỷ 434 triệu đồng # như báo cáo viết',
  '    don_vi: tỷ đồng',
  '  so_ho_kinh_doanh:',
  '    ten: Số hộ kinh doanh',
  '    gia_tri: 3.666',
  '    don_vi: hộ',
  '    tang_giam: 2.5',
  '  nhac_lai_so_ho:',
  '    nhac_lai: so_ho_kinh_doanh',
  '    gia_tri: 3.666',
  '',
].join('\n');

/** A copy of the minimal fixture whose kinh-te.yaml also holds figures written as reports write them. */
function projectWithWrittenNumbers(): string {
  const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
  editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (text) => text.replace('\nnoi_dung:', `\n${WRITTEN_AS_REPORTS_DO}noi_dung:`));
  return dir;
}

/** The cells of one sheet of a workbook, by reference (`D4`), as the import reads them. */
async function cellsOf(workbook: string, sheetName: string): Promise<Map<string, InCell>> {
  const sheet = (await readWorkbook(fs.readFileSync(workbook))).find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const cells = new Map<string, InCell>();
  sheet.rows.forEach((row, r) => row.forEach((cell, c) => cell && cells.set(`${String.fromCharCode(65 + c)}${r + 1}`, cell)));
  return cells;
}

/** What `report check` says of a number written in the data: the message of its bad-number error. */
async function dataSays(edit: (dir: string) => void): Promise<string[]> {
  const dir = projectWithWrittenNumbers();
  edit(dir);
  const checked = await cli(['check', '2023'], dir);
  return [...`${checked.stdout}${checked.stderr}`.matchAll(/lỗi\s+(.*?)\s+bad-number$/gm)].map((m) => m[1]!);
}

describe('numbers in a workbook are read as the data reads them', () => {
  it('a bounded value and an amount in words export as the text written, and out and back change no byte', async () => {
    const dir = projectWithWrittenNumbers();
    const before = snapshot(path.join(dir, 'data'));
    const exported = await cli(['export', '2023'], dir);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const workbook = path.join(dir, 'out', 'so-lieu-2023.xlsx');
    const cells = await cellsOf(workbook, KINH_TE);
    expect(cells.get('D4')).toEqual({ kind: 'text', text: 'trên 20' });
    expect(cells.get('D5')).toEqual({ kind: 'text', text: 'khoảng 80' });
    expect(cells.get('D6')).toEqual({ kind: 'text', text: '16 tỷ 434 triệu đồng' });
    // A count: 3.666 hộ is 3666, a number shown 3.666 by its format; the restatement's too, in its original's unit.
    expect(cells.get('D7')).toEqual({ kind: 'number', raw: '3666' });
    expect(cells.get('D8')).toEqual({ kind: 'number', raw: '3666' });
    // What the program computes from a bound keeps its word: trên 20 of a plan of 18 is above 111,1%.
    expect(cells.get('K4')).toEqual({ kind: 'text', text: 'trên 111,1%' });

    const imported = await cli(['import', '2023'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Không có số liệu nào khác với dữ liệu: không tệp nào bị sửa/);
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);
  }, 60_000);

  it('a bounded value of last year shows with its word as cùng kỳ, and is not written back when left', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'years'));
    editFile(path.join(dir, 'data', '2022', 'kinh-te.yaml'), (text) => text.replace('gia_tri: 95', 'gia_tri: gần 95'));
    const before = snapshot(path.join(dir, 'data'));
    expect((await cli(['export', '2023'], dir)).code).toBe(0);
    const cells = await cellsOf(path.join(dir, 'out', 'so-lieu-2023.xlsx'), KINH_TE);
    expect(cells.get('F2')).toEqual({ kind: 'text', text: 'gần 95' });
    const imported = await cli(['import', '2023'], dir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Không có số liệu nào khác với dữ liệu/);
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);
  }, 60_000);

  it('text cells are read in the figure\'s unit: a bound, a count\'s thousands, an amount in words; a number cell as Excel stores it', async () => {
    const dir = projectWithWrittenNumbers();
    await cli(['export', '2023'], dir);
    const workbook = path.join(dir, 'out', 'so-lieu-2023.xlsx');
    const before = snapshot(path.join(dir, 'data'));
    editCells(workbook, KINH_TE, {
      D2: 'trên 20', // tong_thu_nhap, 100 tỷ đồng
      D4: 20, // thu_dich_vu, trên 20: a number cell says 20, without the word
      D5: 'Khoảng 80', // the same bound, retyped
      D6: 17, // thu_ngan_sach_xa, 16 tỷ 434 triệu đồng shown as text: a number typed over it is 17 tỷ đồng, not 17.000
      D7: '3.667', // so_ho_kinh_doanh, hộ
      D8: '3.667', // its restatement, in hộ as its original
      // A new figure, in the unit typed in its Đơn vị cell.
      A100: 'so_ho_moi',
      B100: 'Số hộ mới',
      C100: 'hộ',
      D100: '1.250',
    });
    editCells(workbook, NGAN_SACH, { D2: '16 tỷ 434 triệu' }); // tong_thu_ngan_sach, đồng
    const result = await cli(['import', '2023'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual(['2023/kinh-te.yaml', '2023/ngan-sach.yaml']);
    const kinhTe = fs.readFileSync(path.join(dir, 'data', '2023', 'kinh-te.yaml'), 'utf8');
    expect(kinhTe).toContain('  tong_thu_nhap:\n    ten: Tổng thu nhập xã hội\n    gia_tri: trên 20\n');
    expect(kinhTe).toContain('  thu_dich_vu:\n    ten: Thu từ dịch vụ\n    gia_tri: 20\n');
    expect(kinhTe).toContain('    gia_tri: khoảng 80\n');
    expect(kinhTe).toContain('  so_ho_kinh_doanh:\n    ten: Số hộ kinh doanh\n    gia_tri: 3667\n');
    expect(kinhTe).toContain('    nhac_lai: so_ho_kinh_doanh\n    gia_tri: 3667\n');
    expect(kinhTe).toContain('  thu_ngan_sach_xa:\n    ten: Thu ngân sách xã\n    gia_tri: 17 # như báo cáo viết\n');
    expect(kinhTe).toContain('  so_ho_moi:\n    ten: Số hộ mới\n    gia_tri: 1250\n    don_vi: hộ\n');
    const nganSach = fs.readFileSync(path.join(dir, 'data', '2023', 'ngan-sach.yaml'), 'utf8');
    expect(nganSach).toContain('  tong_thu_ngan_sach: { ten: Tổng thu ngân sách, gia_tri: 16 tỷ 434 triệu, don_vi: đồng }\n');
    expect(result.stdout).toContain(`'${KINH_TE}'!D2  →  ${path.join('data', '2023', 'kinh-te.yaml')}:5  tong_thu_nhap › gia_tri: 100 → trên 20`);
    // The check that follows reads every number written.
    expect(result.stdout).not.toContain('bad-number');

    // The data reads the amount exactly, to the đồng, and the report prints it so.
    const built = await cli(['build', '2023', '--format', 'md', '--out', 'bao-cao.md'], dir);
    expect(built.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'bao-cao.md'), 'utf8')).toContain('Tổng thu 16.434.000.000 đồng');
    // And out and back again, nothing moves.
    const after = snapshot(path.join(dir, 'data'));
    await cli(['export', '2023'], dir);
    expect((await cli(['import', '2023'], dir)).stdout).toMatch(/^Không có số liệu nào khác với dữ liệu/);
    expect(changedFiles(after, snapshot(path.join(dir, 'data')))).toEqual([]);
  }, 60_000);

  it('refuses what the data refuses, with the data\'s own words, naming each cell; and a typed unit is the unit read in', async () => {
    const dir = projectWithWrittenNumbers();
    await cli(['export', '2023'], dir);
    const workbook = path.join(dir, 'out', 'so-lieu-2023.xlsx');
    const before = snapshot(path.join(dir, 'data'));
    editCells(workbook, KINH_TE, {
      D7: '4,423', // so_ho_kinh_doanh: thousands written the English way, in a count
      H7: 'trên 5', // its tang_giam: a bound before a signed change
      // tong_thu_nhap's unit changed in the same row: its value is read in triệu đồng, where 1.500 is ambiguous.
      C2: 'triệu đồng',
      D2: '1.500',
      A101: 'dien_tich_moi',
      B101: 'Diện tích mới',
      C101: 'ha',
      D101: '3.666',
    });
    // A number cell with three decimals, in a count: the data would read 1.157 hộ as 1157 hộ.
    editCells(workbook, Y_TE, { D2: 1.157 });
    const refused = await cli(['import', '2023'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');

    const [commaInCount, boundOnChange] = await dataSays((data) =>
      editFile(path.join(data, 'data', '2023', 'kinh-te.yaml'), (text) => text.replace('    gia_tri: 3.666\n    don_vi: hộ\n    tang_giam: 2.5', '    gia_tri: "4,423"\n    don_vi: hộ\n    tang_giam: trên 5')),
    );
    expect(commaInCount).toBe('Số "4,423" có dấu phẩy, nhưng "hộ" là đơn vị đếm: số đếm không có phần thập phân. Nếu là 4.423 hộ, viết 4.423 (hoặc 4423).');
    expect(boundOnChange).toMatch(/^tang_giam là một mức tăng\/giảm có dấu, nên không ghi "trên" trước số/);
    expect(refused.stderr).toContain(`'${KINH_TE}'!D7  lỗi  giá trị của "Số hộ kinh doanh" (so_ho_kinh_doanh): "4,423" không phải là số. ${commaInCount}  [cell-number]`);
    expect(refused.stderr).toContain(`'${KINH_TE}'!H7  lỗi  tăng/giảm so cùng kỳ (%) của "Số hộ kinh doanh" (so_ho_kinh_doanh): "trên 5" không phải là số. ${boundOnChange}  [cell-number]`);
    expect(refused.stderr).toContain(`'${KINH_TE}'!D2  lỗi  giá trị của "Tổng thu nhập xã hội" (tong_thu_nhap): "1.500" không phải là số. Số "1.500" (đơn vị triệu đồng) không rõ nghĩa`);
    expect(refused.stderr).toContain(`'${KINH_TE}'!D101  lỗi  giá trị của chỉ tiêu mới dien_tich_moi: "3.666" không phải là số. Số "3.666" (đơn vị ha) không rõ nghĩa`);
    expect(refused.stderr).toContain(`'${Y_TE}'!D2  lỗi  giá trị của "Số hộ" (so_ho): ô chứa số 1,157 (có phần thập phân), mà "hộ" là đơn vị đếm: số đếm không có phần thập phân. Nếu là 1.157 hộ, gõ 1157.`);
    expect(refused.stderr).toContain('5 lỗi trong bảng tính: không tệp dữ liệu nào bị sửa.');
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);

    // A restatement is read in its original's unit as imported: here changed to ha, where 3.667 is ambiguous.
    await cli(['export', '2023'], dir);
    editCells(workbook, KINH_TE, { C7: 'ha', D8: '3.667' });
    const restated = await cli(['import', '2023'], dir);
    expect(restated.code).toBe(1);
    expect(restated.stderr).toContain(`'${KINH_TE}'!D8  lỗi  giá trị của "Số hộ kinh doanh" (nhac_lai_so_ho): "3.667" không phải là số. Số "3.667" (đơn vị ha) không rõ nghĩa`);
    expect(restated.stderr).toContain('1 lỗi trong bảng tính');
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual([]);
  }, 60_000);

  it('a unit table that cannot be read stops export and import, as it stops check: numbers are read in its units', async () => {
    const dir = projectWithWrittenNumbers();
    await cli(['export', '2023'], dir);
    const before = snapshot(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'don-vi.yaml'), 'don_vi:\n  suat: { dai_luong: hộ, dem: false }\n');
    for (const command of ['export', 'import']) {
      const result = await cli([command, '2023'], dir);
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toContain(`${path.join('data', 'don-vi.yaml')}:2:3  lỗi  Đơn vị "suat" (đại lượng "hộ") không là số đếm`);
    }
    expect(changedFiles(before, snapshot(path.join(dir, 'data')))).toEqual(['don-vi.yaml']);
  }, 60_000);
});
