import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editFile, FIXTURES, PROJECT, workspaceFrom } from './helpers.js';

interface JsonMessage {
  ruleId: string;
  line: number;
  message: string;
  suppressions?: { kind: string; justification: string }[];
}
type JsonResult = { filePath: string; messages: JsonMessage[]; suppressedMessages: JsonMessage[] }[];

const jsonCheck = async (dir: string) => {
  const result = await cli(['check', '2023', '--format', 'json'], dir);
  const files = JSON.parse(result.stdout) as JsonResult;
  return { code: result.code, messages: files.flatMap((f) => f.messages), suppressed: files.flatMap((f) => f.suppressedMessages) };
};

describe('accepting the findings of the published report in bulk (--accept-all)', () => {
  it('leaves the shipped data unaccepted, so the worked example keeps showing what check finds', () => {
    expect(fs.readdirSync(path.join(PROJECT, 'data')).filter((f) => f.startsWith('chap-nhan'))).toEqual([]);
  });

  it('writes the findings with their reason; check then exits 0 and prints them as accepted; a changed figure brings its finding back', async () => {
    const dir = workspaceFrom(PROJECT);
    expect((await cli(['check', '2023'], dir)).code).toBe(1);

    const accepting = await cli(['check', '2023', '--accept-all', '--reason', 'Số liệu đã ban hành'], dir);
    expect(accepting.code).toBe(0);
    expect(accepting.stderr).toBe(`Đã ghi 8 phát hiện được chấp nhận vào ${path.join('data', 'chap-nhan-2023.yaml')}.\n`);

    const stylish = await cli(['check', '2023'], dir);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('36:14   đã chấp nhận "Tỷ lệ trẻ nhà trẻ ra lớp"');
    expect(stylish.stdout).toContain('(Đã chấp nhận, lý do: Số liệu đã ban hành)');
    expect(stylish.stdout).toContain('✖ 8 vấn đề (0 lỗi, 0 cảnh báo, 8 đã chấp nhận)');

    const accepted = await jsonCheck(dir);
    expect(accepted.messages).toEqual([]);
    expect(accepted.suppressed).toHaveLength(8);
    expect(accepted.suppressed[0]!.suppressions).toEqual([{ kind: 'file', justification: 'Số liệu đã ban hành' }]);

    const sarif = JSON.parse((await cli(['check', '2023', '--format', 'sarif'], dir)).stdout);
    const ratio = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'ratio');
    expect(ratio).toMatchObject({
      suppressions: [{ kind: 'external', justification: 'Số liệu đã ban hành' }],
      partialFingerprints: { 'reportFinding/v1': expect.stringMatching(/^[0-9a-f]{16}$/) },
      baselineState: 'unchanged',
    });

    // Lines moved above the finding: still accepted.
    editFile(path.join(dir, 'data', '2023', 'giao-duc.yaml'), (t) => `# Ghi chú của văn phòng.\n\n${t}`);
    expect((await jsonCheck(dir)).code).toBe(0);
    // The value changed: the finding is back, and the entry that no longer matches says so.
    editFile(path.join(dir, 'data', '2023', 'giao-duc.yaml'), (t) => t.replace('gia_tri: 48.07', 'gia_tri: 48.06'));
    const changed = await jsonCheck(dir);
    expect(changed.code).toBe(1);
    expect(changed.messages.map((m) => m.ruleId).sort()).toEqual(['ratio', 'stale-acceptance']);
    expect(changed.messages.find((m) => m.ruleId === 'stale-acceptance')!.message).toContain('Phát hiện "ratio" đã chấp nhận ở đây không còn');
  });

  it('needs a reason, and build --strict takes the accepted findings as accepted', async () => {
    const dir = workspaceFrom(PROJECT);
    const noReason = await cli(['check', '2023', '--accept-all'], dir);
    expect(noReason).toMatchObject({ code: 2, stderr: expect.stringContaining('--accept-all cần một lý do: --reason "…"') });
    expect(fs.existsSync(path.join(dir, 'data', 'chap-nhan-2023.yaml'))).toBe(false);
    expect((await cli(['build', '2023', '--strict', '--out', 'r.docx'], dir)).code).toBe(1);
    await cli(['check', '2023', '--accept-all', '--reason', 'Đã ban hành'], dir);
    const strict = await cli(['build', '2023', '--strict', '--out', 'r.docx'], dir);
    expect(strict.code).toBe(0);
    // What was accepted is not repeated as a warning; the rest of the warnings are.
    expect(strict.stderr).toBe('');
  });
});

describe('accepting one finding in a comment at the figure', () => {
  const findings = () => workspaceFrom(path.join(FIXTURES, 'findings'));
  const VAN_HOA = path.join('data', '2023', 'van-hoa.yaml');

  it('accepts the finding of its rule on the line it stands on, or on the next line when it has a line of its own', async () => {
    const dir = findings();
    const before = await jsonCheck(dir);
    const ratio = before.messages.find((m) => m.ruleId === 'ratio')!;
    expect(before.code).toBe(1);
    editFile(path.join(dir, VAN_HOA), (t) => {
      const lines = t.split('\n');
      lines.splice(ratio.line - 1, 0, '    # kiem-tra-chap-nhan: ratio -- số của Phòng Văn hóa, đã ban hành');
      return lines.join('\n');
    });
    const after = await jsonCheck(dir);
    expect(after.code).toBe(0);
    expect(after.suppressed).toEqual([
      expect.objectContaining({ ruleId: 'ratio', line: ratio.line + 1, suppressions: [{ kind: 'directive', justification: 'số của Phòng Văn hóa, đã ban hành' }] }),
    ]);
  });

  it('says when a comment accepts nothing, and refuses one without a reason, at the comment', async () => {
    const dir = findings();
    editFile(path.join(dir, VAN_HOA), (t) => t.replace('tieu_de: ', '# kiem-tra-chap-nhan: total-parts -- không có gì ở đây\ntieu_de: '));
    const stale = await jsonCheck(dir);
    expect(stale.messages).toContainEqual(expect.objectContaining({ ruleId: 'stale-acceptance', line: 1, message: expect.stringContaining('không khớp phát hiện nào trên dòng 2') }));

    editFile(path.join(dir, VAN_HOA), (t) => t.replace('-- không có gì ở đây', ''));
    const noReason = await cli(['check', '2023'], dir);
    expect(noReason.code).toBe(2);
    expect(noReason.stdout).toContain('1:1  lỗi      Chấp nhận một phát hiện cần mã quy tắc và lý do');

    // A reason with no -- before it is not taken for an acceptance, nor passed over in silence.
    editFile(path.join(dir, VAN_HOA), (t) => t.replace('total-parts', 'total-parts vì đã ban hành'));
    const noDashes = await cli(['check', '2023'], dir);
    expect(noDashes.code).toBe(2);
    expect(noDashes.stdout).toContain('1:1  lỗi      Chấp nhận một phát hiện cần mã quy tắc và lý do');
  });

  it('takes the dash Word makes of -- as the reason’s mark', async () => {
    const dir = findings();
    editFile(path.join(dir, VAN_HOA), (t) => t.replace('tieu_de: ', '# kiem-tra-chap-nhan: total-parts — không có gì ở đây\ntieu_de: '));
    const stale = await jsonCheck(dir);
    expect(stale.messages).toContainEqual(expect.objectContaining({ ruleId: 'stale-acceptance', line: 1 }));
  });
});
