import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/run-rules.js';
import { cli, editFile, FIXTURES, PROJECT, workspaceFrom } from './helpers.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number; related: { filePath: string; line: number; column: number }[] }[];
  errorCount: number;
  warningCount: number;
}

const findingsOf = (results: JsonResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}`));

describe('report check on the published Thanh Hà report', () => {
  it('finds exactly the inconsistencies checked by hand against the reference, and exits 1', async () => {
    const result = await cli(['check', '2023', '--format', 'json'], workspaceFrom(PROJECT));
    expect(result.code).toBe(1);
    const results = JSON.parse(result.stdout) as JsonResult[];
    expect(findingsOf(results)).toEqual([
      'data/2023/danh-gia.yaml:19:74 error restated-figure',
      'data/2023/danh-gia.yaml:20:76 error restated-figure',
      'data/2023/giao-duc.yaml:36:14 error ratio',
      'data/2023/giao-duc.yaml:38:16 warning percentage-points',
      'data/2023/giao-duc.yaml:108:16 warning percentage-points',
      'data/2023/giao-duc.yaml:158:16 warning percentage-points',
      'data/2023/lao-dong-tbxh.yaml:29:14 error product',
      'data/2023/ngan-sach.yaml:37:14 error total-parts',
    ]);
    const messages = results.flatMap((r) => r.messages.map((m) => m.message)).join('\n');
    // Each names what was written, the range it stands for, and the computation with its figures.
    for (const text of [
      'ghi 2,8% (2,75–2,85), nhưng nơi khác nêu là 2,9%',
      'ghi 6,8% (6,75–6,85), nhưng nơi khác nêu là 6,7%',
      'ghi 48,07% (48,065–48,075), nhưng phép chia 113/235 = 48,085…%',
      'ghi 227.880.000 đồng, nhưng tích các thừa số 234 suất × 970.000 đồng/suất = 226.980.000 đồng',
      'ghi 5.371.409.147 đồng, nhưng tổng các thành phần 234.795.000 + 5.133.614.147 = 5.368.409.147 đồng',
    ]) {
      expect(messages).toContain(text);
    }
  });

  it('prints a Vietnamese summary grouped by file', async () => {
    const result = await cli(['check', '2023'], workspaceFrom(PROJECT));
    expect(result.stdout).toMatch(/^data.2023.danh-gia\.yaml\n {2}19:74 {2}lỗi {6}"Giá trị sản xuất nông nghiệp/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 8 vấn đề (5 lỗi, 3 cảnh báo)');
  });
});

describe('report check: exit codes', () => {
  it('exits 0 and says so when every figure agrees', async () => {
    const result = await cli(['check', '2023'], workspaceFrom(path.join(FIXTURES, 'minimal')));
    expect(result).toMatchObject({ code: 0, stdout: '✔ Số liệu năm 2023: không có vấn đề nào.\n', stderr: '' });
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'findings'));
    fs.writeFileSync(path.join(dir, 'data', 'kiem-tra.yaml'), 'quy_tac:\n  ratio: canh_bao\n');
    const result = await cli(['check', '2023'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✖ 2 vấn đề (0 lỗi, 2 cảnh báo)');
  });

  it('exits 2, still in the chosen format, when the data cannot be read', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    fs.writeFileSync(path.join(dir, 'data', '2023', 'van-hoa.yaml'), 'tieu_de: "Văn hóa\n');
    const json = await cli(['check', '2023', '--format', 'json'], dir);
    expect(json.code).toBe(2);
    expect(findingsOf(JSON.parse(json.stdout) as JsonResult[])).toEqual(['data/2023/van-hoa.yaml:1:10 error yaml-syntax']);
    const stylish = await cli(['check', '2023'], dir);
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).toContain('✖ 1 vấn đề (1 lỗi, 0 cảnh báo): dữ liệu chưa đọc được nên chưa kiểm tra được số liệu.');
  });

  it('exits 2 with a Vietnamese message for a missing year and a bad format', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const missing = await cli(['check', '1999'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Lỗi: Không tìm thấy thư mục dữ liệu năm 1999/);
    const format = await cli(['check', '2023', '--format', 'xml'], dir);
    expect(format).toMatchObject({ code: 2, stderr: 'Lỗi: Không có dạng "xml". Chọn một trong: stylish, json, github, sarif.\n' });
  });
});

describe('report check: output formats, on findings with % and a line break', () => {
  const fixture = () => workspaceFrom(path.join(FIXTURES, 'findings'));

  it('stylish keeps a multi-line message under its finding', async () => {
    const result = await cli(['check', '2023', '--format', 'stylish'], fixture());
    expect(result.stdout).toMatchSnapshot();
  });

  it('json: ESLint-shaped results with the message intact', async () => {
    const results = JSON.parse((await cli(['check', '2023', '--format', 'json'], fixture())).stdout) as JsonResult[];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ filePath: 'data/2023/van-hoa.yaml', errorCount: 1, warningCount: 1 });
    expect(results[0]!.messages[0]).toMatchObject({
      ruleId: 'ratio',
      severity: 2,
      line: 14,
      column: 14,
      message: expect.stringContaining('"Tỷ lệ hộ nghèo\ntheo chuẩn đa chiều" [ty_le_ho_ngheo]: giá trị ghi 2,5% (2,45–2,55), nhưng phép chia 21/1.000 = 2,1%.'),
      related: [
        { filePath: 'data/2023/van-hoa.yaml', line: 5, column: 14 },
        { filePath: 'data/2023/van-hoa.yaml', line: 9, column: 14 },
      ],
    });
  });

  it('github: one annotation a line, with %, CR and LF escaped, and the full list in the step summary', async () => {
    const dir = fixture();
    const summary = path.join(dir, 'summary.md');
    const result = await cli(['check', '2023', '--format', 'github'], dir, { GITHUB_STEP_SUMMARY: summary });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '::error file=data/2023/van-hoa.yaml,line=14,col=14,title=ratio::"Tỷ lệ hộ nghèo%0Atheo chuẩn đa chiều" [ty_le_ho_ngheo]: ' +
        'giá trị ghi 2,5%25 (2,45–2,55), nhưng phép chia 21/1.000 = 2,1%25. Báo cáo in số đã ghi; kiểm tra lại số liệu nguồn.' +
        '%0Aliên quan: data/2023/van-hoa.yaml:5:14, data/2023/van-hoa.yaml:9:14',
    );
    expect(lines[1]).toMatch(/^::warning file=data\/2023\/van-hoa\.yaml,line=16,col=16,title=percentage-points::.*-10%25/);
    const markdown = fs.readFileSync(summary, 'utf8');
    expect(markdown).toContain('## report check 2023: 1 lỗi, 1 cảnh báo');
    expect(markdown).toContain('| data/2023/van-hoa.yaml:14:14 | lỗi | ratio | "Tỷ lệ hộ nghèo<br>theo chuẩn đa chiều"');
    expect(markdown.match(/^\| data/gm)).toHaveLength(2);
  });

  it('github: no step summary unless GITHUB_STEP_SUMMARY is set; an unwritable one is only a warning', async () => {
    const dir = fixture();
    expect((await cli(['check', '2023', '--format', 'github'], dir)).stderr).toBe('');
    const result = await cli(['check', '2023', '--format', 'github'], dir, { GITHUB_STEP_SUMMARY: path.join(dir, 'missing', 'x.md') });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Cảnh báo: không ghi được GITHUB_STEP_SUMMARY (ENOENT).\n');
  });

  it('sarif: a 2.1.0 log with the rules, levels, regions and related places', async () => {
    const log = JSON.parse((await cli(['check', '2023', '--format', 'sarif'], fixture())).stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    // Each rule's help is its entry in the README shipped with the program.
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toBe(`${pathToFileURL(path.join(PROJECT, 'README.md')).href}#${rule.id}`);
    // And its page, as report explain prints it, in text and Markdown.
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text).toMatch(new RegExp(`^${rule.id}: .*\\n\\nMức`));
      expect(rule.help.markdown).toMatch(new RegExp(`^# ${rule.id}\\n\\n.*## Kiểm tra gì\\n\\n.*## Làm tròn.*## Sửa thế nào.*## Chấp nhận`, 's'));
    }
    expect(run.results).toHaveLength(2);
    const [error, warning] = run.results;
    expect(run.tool.driver.rules[error.ruleIndex].id).toBe('ratio');
    expect(error).toMatchObject({
      ruleId: 'ratio',
      level: 'error',
      message: { text: expect.stringContaining('2,5% (2,45–2,55), nhưng phép chia 21/1.000 = 2,1%') },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'data/2023/van-hoa.yaml' }, region: { startLine: 14, startColumn: 14 } } }],
    });
    expect(error.relatedLocations).toHaveLength(2);
    expect(warning).toMatchObject({ ruleId: 'percentage-points', level: 'warning' });
  });
});

describe('rule levels in data/kiem-tra.yaml', () => {
  const withConfig = (config: string) => {
    const dir = workspaceFrom(path.join(FIXTURES, 'findings'));
    fs.writeFileSync(path.join(dir, 'data', 'kiem-tra.yaml'), config);
    return dir;
  };

  it('turns a rule off, or changes its severity', async () => {
    const result = await cli(['check', '2023', '-f', 'json'], withConfig('quy_tac:\n  percentage-points: tat\n  ratio: canh_bao\n'));
    expect(result.code).toBe(0);
    expect(findingsOf(JSON.parse(result.stdout) as JsonResult[])).toEqual(['data/2023/van-hoa.yaml:14:14 warning ratio']);
  });

  it('reports an unknown rule at its key, with the likely one', async () => {
    const result = await cli(['check', '2023'], withConfig('quy_tac:\n  ratio: canh_bao\n  totl-parts: tat\n'));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('data/kiem-tra.yaml\n  3:3  lỗi      Không có quy tắc "totl-parts". Có phải là "total-parts"?');
  });

  it('refuses to lower text-reference, which build cannot print past, so check and build agree', async () => {
    const dir = withConfig('quy_tac:\n  text-reference: tat\n');
    editFile(path.join(dir, 'data', '2023', 'van-hoa.yaml'), (t) => t.replace('noi_dung:\n', 'noi_dung:\n  - "Có {{khong_co}}."\n'));
    const checked = await cli(['check', '2023'], dir);
    const built = await cli(['build', '2023', '--out', 'r.docx'], dir);
    const message = 'Không đổi được mức của quy tắc "text-reference": báo cáo không in được một tham chiếu hỏng';
    expect(checked.code).toBe(2);
    expect(checked.stdout).toContain(`data/kiem-tra.yaml\n  2:19  lỗi      ${message}`);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(`data/kiem-tra.yaml:2:19  lỗi  ${message}`);
    expect(fs.existsSync(path.join(dir, 'r.docx'))).toBe(false);
  });

  it('reports an unknown level at its value', async () => {
    const result = await cli(['check', '2023'], withConfig('quy_tac:\n  ratio: off\n'));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('2:10  lỗi      Khóa "quy_tac › ratio" phải là một trong: loi, canh_bao, thong_tin, tat.  schema');
  });
});

describe('report build and the check', () => {
  it('prints the check findings as warnings and still writes the document', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'findings'));
    const result = await cli(['build', '2023', '--out', 'r.docx'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('data/2023/van-hoa.yaml:14:14  cảnh báo');
    expect(fs.existsSync(path.join(dir, 'r.docx'))).toBe(true);
  });

  it('--strict fails on the check errors and writes nothing', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'findings'));
    const result = await cli(['build', '2023', '--strict', '--out', 'r.docx'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('data/2023/van-hoa.yaml:14:14  lỗi');
    expect(result.stderr).not.toContain('percentage-points');
    expect(fs.existsSync(path.join(dir, 'r.docx'))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => !['data'].includes(f))).toEqual([]);
  });

  it('--strict builds when the check finds only warnings', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'findings'));
    // The ratio error lowered to a warning: what is left are warnings only.
    fs.writeFileSync(path.join(dir, 'data', 'kiem-tra.yaml'), 'quy_tac:\n  ratio: canh_bao\n');
    const out = path.join(dir, 'strict.docx');
    const result = await cli(['build', '2023', '--strict', '--out', out], dir);
    expect(result.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});
