import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, PROJECT, workspaceFrom } from './helpers.js';

const BIN = path.join(PROJECT, 'bin', 'report.cjs');

describe('the report command', () => {
  it('explains itself in Vietnamese', async () => {
    const main = await cli(['--help'], PROJECT);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Cách dùng: report [tùy chọn] [lệnh]');
    expect(main.stdout).toContain('Tạo văn bản báo cáo của một kỳ (năm, 6 tháng, 9 tháng,');
    const build = await cli(['build', '--help'], PROJECT);
    expect(build.stdout).toContain('Cách dùng: report build [tùy chọn] <kỳ>');
    expect(build.stdout.replace(/\s+/g, ' ')).toContain('nơi lưu tệp (mặc định: out/bao-cao-<kỳ>.docx, .pdf hoặc .md)');
    expect(build.stdout).not.toMatch(/Usage|Options|Arguments|display help|default|choices/);
    expect(main.stdout).not.toMatch(/\[options\]/);
    const check = await cli(['check', '--help'], PROJECT);
    expect(check.stdout).toContain('Cách dùng: report check [tùy chọn] <kỳ>');
    expect(check.stdout).toContain('  total-parts          Tổng đã ghi phải khớp với tổng các thành phần');
    expect(check.stdout).not.toMatch(/Usage|Options|Arguments|display help|default|choices/);
  });

  it('prints its version, and suggests the command meant', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'], PROJECT)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const misspelt = await cli(['biuld', '2023'], PROJECT);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toBe('Lỗi: Không có lệnh biuld. Có phải là build? Các lệnh: build, check, init, status, export, import. Xem report --help.\n');
    const year = await cli(['check', '23'], PROJECT);
    expect(year).toMatchObject({
      code: 2,
      stderr: 'Lỗi: Kỳ báo cáo "23" không hợp lệ. Ghi năm bằng 4 chữ số (report build 2023), hoặc năm và kỳ: 2024-6thang, 2024-9thang, 2024-quy1 … 2024-quy4.\n',
    });
    const format = await cli(['build', '2023', '--format', 'odt'], PROJECT);
    expect(format).toMatchObject({ code: 2, stderr: 'Lỗi: Không có dạng "odt". Chọn một trong: docx, pdf, md.\n' });
  });

  it('shows help and exits 2 when no command is given', async () => {
    const result = await cli([], PROJECT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cách dùng: report');
  });

  it('writes out/bao-cao-<year>.docx by default and says where', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const result = await cli(['build', '2023'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Đã tạo báo cáo năm 2023: ${path.join('out', 'bao-cao-2023.docx')}\n`);
    expect(fs.statSync(path.join(dir, 'out', 'bao-cao-2023.docx')).size).toBeGreaterThan(5000);
  });

  it('prints the disagreements of the published report as warnings and still builds', async () => {
    const dir = workspaceFrom(PROJECT);
    const result = await cli(['build', '2023'], dir);
    expect(result.code).toBe(0);
    const findings = result.stderr.split('\n').filter((l) => /^\S+:\d+:\d+ {2}cảnh báo/.test(l)).map((l) => l.replace(/ .*\[/, ' [').replaceAll('\\', '/'));
    expect(findings).toEqual([
      'data/2023/danh-gia.yaml:19:74 [restated-figure]',
      'data/2023/danh-gia.yaml:20:76 [restated-figure]',
      'data/2023/giao-duc.yaml:36:14 [ratio]',
      'data/2023/giao-duc.yaml:38:16 [percentage-points]',
      'data/2023/giao-duc.yaml:108:16 [percentage-points]',
      'data/2023/giao-duc.yaml:158:16 [percentage-points]',
      'data/2023/lao-dong-tbxh.yaml:29:14 [product]',
      'data/2023/ngan-sach.yaml:37:14 [total-parts]',
    ]);
    expect(result.stderr).toContain('giá trị ghi 5.371.409.147 đồng, nhưng tổng các thành phần là 5.368.409.147 đồng');
  });

  it('runs as a process from bin/report.cjs and dist/: exit codes, streams, and no stack trace', () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const ok = execFileSync(process.execPath, [BIN, 'build', '2023', '--out', 'r.docx'], { cwd: dir, encoding: 'utf8' });
    expect(ok).toContain('Đã tạo báo cáo năm 2023: r.docx');
    const missing = spawnSync(process.execPath, [BIN, 'build', '1999'], { cwd: dir, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^Lỗi: Không tìm thấy thư mục dữ liệu năm 1999/);
  });
});
