import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/period.js';
import { cli, docxPart, docxText, PROJECT } from './helpers.js';

/**
 * examples/: projects a commune can copy to start its own. Every period of every example checks
 * clean and builds; and the README's way of starting a project outside this repository works.
 * An example formed by the 2025 mergers carries its predecessors' projects inside it (the folders
 * its data/tien-than.yaml names, e.g. xa-tan-hoa/tien-than/xa-tan-lap): they are no examples of
 * their own, but every period of theirs is checked clean and built too, as `<example>/<folder>`.
 */
const EXAMPLES = path.join(PROJECT, 'examples');

const examples = fs
  .readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The project folders an example's data/tien-than.yaml names, relative to examples/. */
const predecessorsOf = (example: string) => {
  const file = path.join(EXAMPLES, example, 'data', 'tien-than.yaml');
  if (!fs.existsSync(file)) return [];
  const folders = [...fs.readFileSync(file, 'utf8').matchAll(/^\s*thu_muc: *(\S+)/gm)].map((m) => path.posix.join(example, m[1]!));
  // Inside the example, so that copying the example's folder copies them with it.
  const outside = folders.find((folder) => !folder.startsWith(`${example}/`));
  if (outside) throw new Error(`${file}: thu_muc ${outside} lies outside the example; a copy of the example would leave it behind`);
  return folders;
};

const periodsOf = (project: string) =>
  fs
    .readdirSync(path.join(EXAMPLES, project, 'data'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && parsePeriod(entry.name) !== undefined)
    .map((entry) => entry.name)
    .sort();

const projects = examples.flatMap((example) => [example, ...predecessorsOf(example)]);
const cases = projects.flatMap((example) => periodsOf(example).map((period) => ({ example, period })));

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number }[];
}

/** Every message of a `check --format json`, as `file:line:col rule message`, for a readable failure. */
const findings = (json: string, severity: number) =>
  (JSON.parse(json) as JsonFile[]).flatMap((file) =>
    file.messages.filter((m) => m.severity === severity).map((m) => `${file.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );

/** Every temporary folder a test of this file makes, removed after each test. */
const made: string[] = [];
const temporaryFolder = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
/** A copy of an example's folder (data/, and its predecessors' projects when it has them) in a temporary folder, as a project. */
const copyOf = (example: string) => {
  const dir = path.join(temporaryFolder('report-example-'), path.basename(example));
  fs.cpSync(path.join(EXAMPLES, example), dir, { recursive: true, filter: (from) => path.basename(from) !== 'out' });
  return dir;
};

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('examples/', () => {
  it('holds at least the xã Tân Hòa example, with an annual and a 6-month report, and its two predecessors’ 2024 reports', () => {
    expect(examples).toContain('xa-tan-hoa');
    expect(periodsOf('xa-tan-hoa')).toEqual(['2025', '2026-6thang']);
    expect(predecessorsOf('xa-tan-hoa')).toEqual(['xa-tan-hoa/tien-than/xa-tan-lap', 'xa-tan-hoa/tien-than/xa-hoa-binh']);
    for (const folder of predecessorsOf('xa-tan-hoa')) expect(periodsOf(folder)).toEqual(['2024']);
  });

  it.each(cases)('$example $period: check exits 0 with no error and no warning', async ({ example, period }) => {
    const dir = copyOf(example);
    const result = await cli(['check', period, '--format', 'json'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(findings(result.stdout, 2), 'errors').toEqual([]);
    // The example's README promises no warning; a deliberate one must be explained there and allowed here.
    expect(findings(result.stdout, 1), 'warnings').toEqual([]);
  });

  it.each(cases)('$example $period: build writes its .docx in out/', async ({ example, period }) => {
    const dir = copyOf(example);
    const result = await cli(['build', period], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const docx = path.join(dir, 'out', `bao-cao-${period}.docx`);
    expect(fs.existsSync(docx)).toBe(true);
    expect(await docxText(docx)).toContain('BÁO CÁO');
  });
});

describe('examples/xa-tan-hoa', () => {
  const markdown = async (period: string) => {
    const dir = copyOf('xa-tan-hoa');
    const out = path.join(dir, `bao-cao-${period}.md`);
    const result = await cli(['build', period, '--format', 'md', '--out', out], dir);
    expect(result.code, result.stderr).toBe(0);
    return fs.readFileSync(out, 'utf8');
  };

  it('lays out its own outline: Kinh tế with nested sections, its own numbering in the directions', async () => {
    const headings = (await markdown('2025')).split('\n').filter((line) => /^#{1,3} /.test(line));
    expect(headings).toEqual([
      '# Phần thứ nhất. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2025',
      '## I. Kinh tế',
      '### 1. Nông nghiệp',
      '### 2. Thương mại - dịch vụ',
      '### 3. Xây dựng nông thôn mới',
      '### 4. Tài chính - ngân sách',
      '## II. Văn hóa - xã hội',
      '### 1. Giáo dục và đào tạo',
      '### 2. Y tế, dân số',
      '### 3. Văn hóa, thông tin, thể thao',
      '### 4. Lao động, việc làm và an sinh xã hội',
      '## III. Quốc phòng - an ninh',
      '### 1. Quốc phòng',
      '### 2. An ninh, trật tự',
      '## IV. Xây dựng chính quyền',
      '### 1. Tổ chức bộ máy',
      '### 2. Cải cách hành chính, chuyển đổi số',
      '## V. Đánh giá chung',
      '### 1. Kết quả đạt được',
      '### 2. Tồn tại, hạn chế',
      '### 3. Nguyên nhân',
      '# Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026',
      '## 1. Mục tiêu, các chỉ tiêu chủ yếu năm 2026',
      '## 2. Nhiệm vụ, giải pháp chủ yếu',
      '### a. Về kinh tế',
      '### b. Về văn hóa - xã hội',
      '### c. Về quốc phòng - an ninh',
      '### d. Về xây dựng chính quyền',
    ]);
  });

  it('takes the 2025 cùng kỳ from its predecessors’ 2024 data, says so in a Word footnote, and prints the sum in the appendix', async () => {
    const dir = copyOf('xa-tan-hoa');
    // Typed nowhere: the appendix's cùng kỳ of this figure can only be the predecessors' sum.
    const kinhTe = fs.readFileSync(path.join(dir, 'data', '2025', 'kinh-te.yaml'), 'utf8');
    expect(kinhTe.match(/^  gtsx_cong_nghiep_xay_dung:\n(?:    .*\n)*/m)![0]).not.toContain('cung_ky');
    const result = await cli(['build', '2025'], dir);
    expect(result.code, result.stderr).toBe(0);
    const docx = path.join(dir, 'out', 'bao-cao-2025.docx');
    expect(docxPart(docx, 'word/footnotes.xml')).toMatch(
      /<w:footnote w:id="1">.*Số cùng kỳ năm 2024 tổng hợp từ số liệu của xã Tân Lập và 30% dân số xã Hòa Bình trước sắp xếp\./s,
    );
    expect(docxPart(docx, 'word/document.xml').match(/<w:footnoteReference w:id="1"\/>/g)).toHaveLength(1);
    // Appendix row: name, unit, plan (none), 538,9 done, % of plan (none), cùng kỳ 497,5, 108,3% of it.
    // 497,5 tỷ đồng = 442 tỷ đồng (xã Tân Lập) + 30% × 185.000 triệu đồng (xã Hòa Bình).
    expect(await docxText(docx)).toContain('Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp, xây dựng\n\ntỷ đồng\n\n\n\n538,9\n\n\n\n497,5\n\n108,3\n\n');
  });

  it('takes the 6-month plan from the annual report’s targets, and the cùng kỳ typed with cung_ky', async () => {
    const text = await markdown('2026-6thang');
    // Plan 1.820 tỷ đồng from data/2025/muc-tieu.yaml; cùng kỳ 761,9 tỷ đồng typed in kinh-te.yaml.
    expect(text).toContain('ước đạt 834,6 tỷ đồng, bằng 45,9% kế hoạch năm, tăng 9,5% so với cùng kỳ.');
    expect(text).toMatch(/\| Tổng giá trị sản xuất \(giá hiện hành\) +\| +tỷ đồng +\| +1\.820 \| +834,6 \| +45,9 \| +761,9 \| +109,5 \|/);
    // The target in tỷ đồng becomes the plan of a figure in đồng.
    expect(text).toContain('phấn đấu thu ngân sách cả năm đạt và vượt dự toán 31.000.000.000 đồng');
  });
});

/** Runs a command the way a clerk's shell would: a .cmd on Windows needs the shell. */
function run(command: string, args: string[], options: SpawnSyncOptions) {
  const windows = process.platform === 'win32';
  const quoted = windows ? args.map((arg) => (/[\s"]/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg)) : args;
  const result = spawnSync(windows ? `"${command}"` : command, quoted, { encoding: 'utf8', shell: windows, timeout: 90_000, ...options });
  return { status: result.status, output: `${String(result.stdout)}\n${String(result.stderr)}${result.error ? `\n${result.error.message}` : ''}` };
}

describe('starting a commune’s own project from the example, as its README says', () => {
  it(
    'installs report once, copies examples/xa-tan-hoa outside the repository and builds both periods there with the installed command',
    () => {
      const prefix = temporaryFolder('report-prefix-');
      const cache = temporaryFolder('report-npm-cache-');
      // Only the variables npm itself sets for `npm test` are dropped, so this install does not inherit them.
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
      // README: "npm install" in the report folder (npm test has just built it), then "npm install -g .".
      // --ignore-scripts: the program is built already; rebuilding dist/ while other tests run it would race.
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const install = run(
        npm,
        ['install', '-g', '--prefix', prefix, '--cache', cache, '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier', PROJECT],
        { cwd: prefix, env },
      );
      expect(install.status, install.output).toBe(0);
      const report = process.platform === 'win32' ? path.join(prefix, 'report.cmd') : path.join(prefix, 'bin', 'report');
      expect(fs.existsSync(report), `${report} after npm install -g`).toBe(true);

      const parent = temporaryFolder('report-commune-');
      const project = path.join(parent, 'xa-an-phu');
      fs.cpSync(path.join(EXAMPLES, 'xa-tan-hoa'), project, { recursive: true });
      expect(path.relative(PROJECT, project).startsWith('..'), 'the copy lies outside the repository').toBe(true);

      const check = run(report, ['check', '2025'], { cwd: project, env });
      expect(check.status, check.output).toBe(0);
      // The predecessors' projects came along inside the copy: cùng kỳ is summed, no warning.
      expect(check.output).toContain('không có vấn đề nào');
      for (const period of ['2025', '2026-6thang']) {
        const build = run(report, ['build', period], { cwd: project, env });
        expect(build.status, build.output).toBe(0);
        expect(build.output).toContain(path.join('out', `bao-cao-${period}.docx`));
        const docx = path.join(project, 'out', `bao-cao-${period}.docx`);
        expect(fs.statSync(docx).size).toBeGreaterThan(0);
        expect(fs.readFileSync(docx).subarray(0, 2).toString('latin1'), 'a .docx is a zip').toBe('PK');
      }
    },
    120_000,
  );
});
