import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateUnits } from './bench/synthetic-units.mjs';
import { cli, PROJECT, tempFolder } from './helpers.js';

// The batch's workers run the bundled program, dist/report.cjs, which `npm test` builds first.
describe('report build --units (worker threads run dist/)', () => {
  it('builds 8 units in parallel; one broken unit fails alone, with its reason, and the run exits 1', async () => {
    const dir = tempFolder('report-batch-');
    const units = generateUnits(PROJECT, path.join(dir, 'xa'), 8);
    const broken = units[6]!;
    fs.writeFileSync(path.join(broken, 'data', '2023', 'ngan-sach.yaml'), 'tieu_de: "Thu, chi ngân sách\n');

    const result = await cli(['build', '2023', '--units', 'xa', '--jobs', '2'], dir);

    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Đã tạo báo cáo cho 7\/8 đơn vị trong \d+,\d giây\.$/);
    expect(lines[1]).toMatch(/^Cảnh báo: \d+ \(ở 7 đơn vị\)\.$/);
    expect(lines[2]).toBe('Lỗi: 1 đơn vị.');
    expect(lines[3]).toMatch(/^ {2}unit-0007: xa[/\\]unit-0007[/\\]data[/\\]2023[/\\]ngan-sach\.yaml:1:\d+ Lỗi cú pháp YAML/);
    expect(lines).toHaveLength(4);
    for (const unit of units) {
      expect(fs.existsSync(path.join(unit, 'out', 'bao-cao-2023.docx'))).toBe(unit !== broken);
    }
    // Not a terminal: one plain progress line per unit, no bar.
    expect(result.stderr.split('\n').filter((l) => /^\[\d+\/8\] unit-\d{4}: (xong|lỗi)$/.test(l))).toHaveLength(8);
    expect(result.stderr).not.toContain('\r');
  }, 60_000);

  it('checks every unit and says which fail; a missing folder is a run error', async () => {
    const dir = tempFolder('report-batch-');
    generateUnits(PROJECT, path.join(dir, 'xa'), 2);
    fs.mkdirSync(path.join(dir, 'xa', 'trong'));
    // A link to a folder outside the units' folder is refused; a link to a file is no unit at all.
    generateUnits(PROJECT, path.join(dir, 'noi-khac'), 1);
    fs.symlinkSync(path.join(dir, 'noi-khac', 'unit-0001'), path.join(dir, 'xa', 'lien-ket'), 'junction');
    fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), '');
    fs.symlinkSync(path.join(dir, 'ghi-chu.txt'), path.join(dir, 'xa', 'ghi-chu.txt'));
    const checked = await cli(['check', '2023', '--units', 'xa'], dir);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^Kiểm tra đạt 0\/4 đơn vị/);
    // A unit linked in from outside the units' folder is not read.
    expect(checked.stdout).toMatch(/^ {2}lien-ket: là liên kết tới \S+noi-khac[/\\]unit-0001, ngoài thư mục xa: không đọc\./m);
    expect(checked.stdout).toMatch(/^ {2}trong: Không tìm thấy thư mục dữ liệu năm 2023/m);

    const missing = await cli(['build', '2023', '--units', 'khong-co'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không đọc được thư mục đơn vị khong-co');
  }, 60_000);
});
