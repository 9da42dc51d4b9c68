import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editFile, FIXTURES, workspaceFrom } from './helpers.js';

/** test/fixtures/years: data/2022 and data/2023 of one commune, small. */
const years = () => workspaceFrom(path.join(FIXTURES, 'years'));

async function markdown(dir: string, year: number): Promise<string> {
  const out = path.join(dir, `bao-cao-${year}.md`);
  const result = await cli(['build', String(year), '--format', 'md', '--out', out], dir);
  expect(result.code, result.stderr).toBe(0);
  return fs.readFileSync(out, 'utf8');
}

async function checkFindings(dir: string, year: number): Promise<{ code: number; findings: { ruleId: string; severity: number; message: string; line: number }[] }> {
  const result = await cli(['check', String(year), '--format', 'json'], dir);
  const files = JSON.parse(result.stdout) as { messages: { ruleId: string; severity: number; message: string; line: number }[] }[];
  return { code: result.code, findings: files.flatMap((f) => f.messages) };
}

describe('cùng kỳ and plan from last year’s data', () => {
  it('computes changes against last year’s figures and the share of last year’s target', async () => {
    const text = await markdown(years(), 2023);
    expect(text).toContain('Tổng thu nhập xã hội đạt 100 tỷ đồng (tăng 5,3% so với cùng kỳ), đạt 102,0% kế hoạch');
    // The appendix shows both sides: plan 98 from the 2022 target, cùng kỳ 95 from the 2022 value.
    expect(text).toMatch(/\| Tổng thu nhập xã hội +\| +tỷ đồng +\| +98 \| +100 \| +102,0 \| +95 \| +105,3 \|/);
  });

  it('words the change in a rate in percentage points', async () => {
    expect(await markdown(years(), 2023)).toContain('Tỷ lệ hộ nghèo còn 1,8% (giảm 0,3 điểm phần trăm so với năm trước).');
  });

  it('uses a cùng kỳ typed this year, with a warning naming both values and places', async () => {
    const dir = years();
    editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (t) => t.replace('    gia_tri: 100\n', '    gia_tri: 100\n    cung_ky: 96\n'));
    const { code, findings } = await checkFindings(dir, 2023);
    expect(code).toBe(0);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'last-year-revised',
        severity: 1,
        line: 6,
        message:
          '"Tổng thu nhập xã hội" [tong_thu_nhap]: cùng kỳ ghi 96 tỷ đồng ở đây, còn số liệu năm trước (data/2022/kinh-te.yaml:5:14) là 95 tỷ đồng. Báo cáo dùng số ghi ở đây, 96 tỷ đồng.',
      }),
    ]);
    expect(await markdown(dir, 2023)).toContain('(tăng 4,2% so với cùng kỳ)');
  });

  it('uses a revised plan typed this year, and check reports it as information', async () => {
    const dir = years();
    editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (t) => t.replace('    gia_tri: 100\n', '    gia_tri: 100\n    ke_hoach: 99\n'));
    const { code, findings } = await checkFindings(dir, 2023);
    expect(code).toBe(0);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['plan-revised', 0]]);
    expect(findings[0]!.message).toContain('kế hoạch ghi 99 tỷ đồng ở đây, còn mục tiêu trong phương hướng năm trước (data/2022/phuong-huong.yaml:5:14) là 98 tỷ đồng');
    expect(await markdown(dir, 2023)).toContain('đạt 101,0% kế hoạch');
    expect((await cli(['check', '2023'], dir)).stdout).toContain('thông tin');
  });

  it('leaves out last year’s data that cannot be read, with a warning', async () => {
    const dir = years();
    fs.writeFileSync(path.join(dir, 'data', '2022', 'kinh-te.yaml'), 'tieu_de: [\n');
    const { findings } = await checkFindings(dir, 2023);
    expect(findings.find((f) => f.ruleId === 'earlier-year')?.message).toMatch(/^Dữ liệu năm 2022 \(data.2022\) còn 1 lỗi, lỗi đầu ở data.2022.kinh-te\.yaml:\d+:\d+, nên không dùng làm cùng kỳ/);
  });
});

describe('last year’s data that cannot be read at all', () => {
  it('is a warning for this year, not a stop: this year is still checked, without its cùng kỳ and plan', async () => {
    const dir = years();
    // A folder where a data file belongs: last year cannot even be read (a run error there, not a data error).
    fs.rmSync(path.join(dir, 'data', '2022', 'kinh-te.yaml'));
    fs.mkdirSync(path.join(dir, 'data', '2022', 'kinh-te.yaml'));
    const result = await cli(['check', '2023'], dir);
    // The texts that print a change now have nothing to print: findings (exit 1), not a run that could not start (exit 2).
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ {2}1:1 +cảnh báo Dữ liệu năm 2022 \(data[/\\]2022\) không đọc được \(.*là một thư mục, không phải tệp dữ liệu/);
  });
});

describe('report init, status, fill, build', () => {
  it('starts 2024 from 2023 and guides the clerk until the report builds', async () => {
    const dir = years();
    const init = await cli(['init', '2024'], dir);
    expect(init.stderr).toBe('');
    expect(init).toMatchObject({ code: 0, stdout: expect.stringContaining(`Đã tạo ${path.join('data', '2024')} (14 tệp) từ dữ liệu năm 2023:`) });
    expect(init.stdout).toContain('1 kế hoạch lấy từ mục tiêu năm 2023');

    const economy = fs.readFileSync(path.join(dir, 'data', '2024', 'kinh-te.yaml'), 'utf8');
    expect(economy).toContain('    gia_tri: CẦN ĐIỀN # năm 2023: 100 tỷ đồng\n');
    expect(economy).toContain('    ke_hoach: 105 # mục tiêu năm 2023: 105 tỷ đồng\n');
    expect(economy).toMatch(/# Năm 2023: Tổng thu nhập xã hội đạt \{\{tong_thu_nhap\}\}.*\n(?:.*\n)*? {2}- "CẦN ĐIỀN: nội dung năm 2024"/);
    const details = fs.readFileSync(path.join(dir, 'data', '2024', 'van-ban.yaml'), 'utf8');
    expect(details).toContain('so: ""');
    expect(details).toContain('ngay: CẦN ĐIỀN');
    expect(details).toContain('co_quan: ỦY BAN NHÂN DÂN THỊ TRẤN THANH HÀ');

    const status = await cli(['status', '2024'], dir);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^Năm 2024 còn \d+ chỗ cần điền:/);
    expect(status.stdout).toContain(`${path.join('data', '2024', 'van-ban.yaml')}: 1 (1 thông tin văn bản)`);
    expect(status.stdout).toContain(`${path.join('data', '2024', 'kinh-te.yaml')}: 2 (1 số liệu, 1 lời văn)\n  5:14  chi_tieu › tong_thu_nhap › gia_tri\n`);

    const unfilledBuild = await cli(['build', '2024'], dir);
    expect(unfilledBuild.code).toBe(1);
    expect(unfilledBuild.stderr).toContain(`${path.join('data', '2024', 'kinh-te.yaml')}:5:14  lỗi  Chưa điền số liệu: chi_tieu › tong_thu_nhap › gia_tri.`);
    expect(fs.existsSync(path.join(dir, 'out', 'bao-cao-2024.docx'))).toBe(false);

    for (const file of fs.readdirSync(path.join(dir, 'data', '2024'))) {
      editFile(path.join(dir, 'data', '2024', file), (t) =>
        t
          .replace('ngay: CẦN ĐIỀN', 'ngay: 2024-12-04')
          .replace(/gia_tri: CẦN ĐIỀN.*/g, file === 'kinh-te.yaml' ? 'gia_tri: 110' : 'gia_tri: 1.5')
          .replaceAll(
            '"CẦN ĐIỀN: nội dung năm 2024"',
            file === 'kinh-te.yaml' ? '"Tổng thu nhập {{tong_thu_nhap}}, {{tang_giam tong_thu_nhap}}, đạt {{dat_ke_hoach tong_thu_nhap}} kế hoạch."' : '"Nội dung."',
          ),
      );
    }
    expect(await cli(['status', '2024'], dir)).toMatchObject({ code: 0, stdout: '✔ Năm 2024 đã điền đủ. Tiếp theo: report check 2024, rồi report build 2024.\n' });
    expect(await markdown(dir, 2024)).toContain('Tổng thu nhập 110 tỷ đồng, tăng 10,0%, đạt 104,8% kế hoạch.');
  });

  it('carries a target over digit for digit, and the files as the clerk named them', async () => {
    const dir = years();
    // A target beyond a JavaScript float's 15–17 digits, in a file saved as .yml.
    editFile(path.join(dir, 'data', '2023', 'phuong-huong.yaml'), (t) => t.replace('    gia_tri: 105\n', '    gia_tri: 12345678901234567.89\n'));
    fs.renameSync(path.join(dir, 'data', '2023', 'kinh-te.yaml'), path.join(dir, 'data', '2023', 'kinh-te.yml'));
    const init = await cli(['init', '2024'], dir);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const economy = fs.readFileSync(path.join(dir, 'data', '2024', 'kinh-te.yml'), 'utf8');
    expect(economy).toContain('    ke_hoach: 12345678901234567.89 # mục tiêu năm 2023: 12.345.678.901.234.567,89 tỷ đồng\n');
  });

  it('drops what last year stated against its plan and the year before, with its value', async () => {
    const dir = years();
    editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (t) =>
      t.replace('    gia_tri: 100\n', '    gia_tri: 100\n    vuot_ke_hoach: 2\n    chenh_lech_ke_hoach: 2\n    tang_giam: 4\n'),
    );
    expect((await cli(['init', '2024'], dir)).code).toBe(0);
    const economy = fs.readFileSync(path.join(dir, 'data', '2024', 'kinh-te.yaml'), 'utf8');
    expect(economy).toContain('    gia_tri: CẦN ĐIỀN # năm 2023: 100 tỷ đồng\n');
    expect(economy).not.toMatch(/vuot_ke_hoach|chenh_lech_ke_hoach|tang_giam: 4/);
  });

  it('keeps the bound word of a target it carries over as the plan', async () => {
    const dir = years();
    editFile(path.join(dir, 'data', '2023', 'phuong-huong.yaml'), (t) => t.replace('    gia_tri: 105\n', '    gia_tri: trên 105\n'));
    expect((await cli(['init', '2024'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'data', '2024', 'kinh-te.yaml'), 'utf8')).toContain('    ke_hoach: trên 105 # mục tiêu năm 2023: trên 105 tỷ đồng\n');
  });

  it('never overwrites a year, and needs the year before', async () => {
    const dir = years();
    const before = fs.readFileSync(path.join(dir, 'data', '2023', 'kinh-te.yaml'), 'utf8');
    const again = await cli(['init', '2023'], dir);
    expect(again).toMatchObject({ code: 2, stderr: `Lỗi: ${path.join('data', '2023')} đã có, chương trình không ghi đè. Muốn tạo lại thì đổi tên hoặc xóa thư mục đó trước.\n` });
    expect(fs.readFileSync(path.join(dir, 'data', '2023', 'kinh-te.yaml'), 'utf8')).toBe(before);
    const orphan = await cli(['init', '2030'], dir);
    expect(orphan).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Lỗi: Không có dữ liệu năm 2029/) });
    expect(fs.readdirSync(path.join(dir, 'data')).sort()).toEqual(['2022', '2023']);
  });
});
