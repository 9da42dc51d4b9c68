import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, FIXTURES, PROJECT, removeTempFolders, workspaceFrom } from './helpers.js';

const BIN = path.join(PROJECT, 'bin', 'report.cjs');

describe('the report command', () => {
  it('explains itself in Vietnamese', async () => {
    const main = await cli(['--help'], PROJECT);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Cách dùng: report [tùy chọn] [lệnh]');
    expect(main.stdout).toContain('Tạo văn bản báo cáo của một kỳ (năm, 6 tháng, 9 tháng,');
    const build = await cli(['build', '--help'], PROJECT);
    expect(build.stdout).toContain('Cách dùng: report build [tùy chọn] <kỳ>');
    expect(build.stdout.replace(/\s+/g, ' ')).toContain('nơi lưu tệp; đuôi .docx, .pdf hay .md chọn dạng tệp (mặc định: out/bao-cao-<kỳ>.docx)');
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
    expect(misspelt.stderr).toBe('Lỗi: Không có lệnh biuld. Có phải là build? Các lệnh: build, check, explain, export, import, init, status. Xem report --help.\n');
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
    expect(result.stderr).toContain('giá trị ghi 5.371.409.147 đồng, nhưng tổng các thành phần 234.795.000 + 5.133.614.147 = 5.368.409.147 đồng');
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

describe('output names mean what they say', () => {
  afterEach(removeTempFolders);

  it('writes the format the extension of --out names, whatever its case', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    expect((await cli(['build', '2023', '--out', 'bao-cao.md'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'bao-cao.md'), 'utf8')).toMatch(/^UBND HUYỆN THANH HÀ\n/);
    expect((await cli(['build', '2023', '--out', 'BAO-CAO.DOCX'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'BAO-CAO.DOCX')).subarray(0, 2).toString()).toBe('PK');
    expect((await cli(['build', '2023', '--out', 'ban-sao.md', '--format', 'md'], dir)).code).toBe(0);
  });

  it.each([
    [['--out', 'bao-cao.pdf', '--format', 'docx'], 'Lỗi: --out bao-cao.pdf có đuôi .pdf, mà --format docx tạo tệp .docx. Đổi tên tệp thành đuôi .docx, hoặc bỏ --format để đuôi tệp chọn dạng.\n'],
    [['--out', 'bao-cao.docx', '--format', 'md'], 'Lỗi: --out bao-cao.docx có đuôi .docx, mà --format md tạo tệp .md. Đổi tên tệp thành đuôi .md, hoặc bỏ --format để đuôi tệp chọn dạng.\n'],
    [['--out', 'bao-cao', '--format', 'pdf'], 'Lỗi: --out bao-cao không có đuôi, mà --format pdf tạo tệp .pdf. Đổi tên tệp thành đuôi .pdf, hoặc bỏ --format để đuôi tệp chọn dạng.\n'],
    [['--out', 'bao-cao.odt'], 'Lỗi: --out bao-cao.odt: đuôi .odt không phải một dạng báo cáo. Đuôi tệp chọn dạng: .docx (Word), .pdf, .md (Markdown).\n'],
    [['--out', 'bao-cao'], 'Lỗi: --out bao-cao: tên tệp không có đuôi nên không biết tạo dạng nào. Đuôi tệp chọn dạng: .docx (Word), .pdf, .md (Markdown).\n'],
  ])('refuses %j with exit 2, and writes nothing', async (args, stderr) => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    expect(await cli(['build', '2023', ...args], dir)).toEqual({ code: 2, stdout: '', stderr });
    expect(fs.readdirSync(dir)).toEqual(['data']);
  });
});
