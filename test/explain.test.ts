import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/run-rules.js';
import { cli, PROJECT } from './helpers.js';

const IDS = RULES.map(({ meta }) => meta.id);

describe('report explain', () => {
  it.each(IDS)('prints the Vietnamese page of %s', async (id) => {
    const { meta } = RULES.find((rule) => rule.meta.id === id)!;
    for (const section of [meta.page.checks, meta.page.rounding, meta.page.fix]) expect(section.join('').length).toBeGreaterThan(80);
    const result = await cli(['explain', id], PROJECT);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.replace(/\s+/g, ' ').startsWith(`${id}: ${meta.description} Mức`)).toBe(true);
    const headings = result.stdout.split('\n').filter((line) => /^[A-ZÀ-Ỹ ]+$/u.test(line) && line.length > 3);
    expect(headings).toEqual(['KIỂM TRA GÌ', 'LÀM TRÒN', 'SỬA THẾ NÀO', 'CHẤP NHẬN']);
    // Wrapped for a console, without the Markdown's marks.
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(result.stdout).not.toContain('`');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(meta.page.rounding[0]!.replaceAll('`', '').split(' ').slice(0, 12).join(' '));
  });

  it('tells how to accept a finding, or that a broken reference cannot be', async () => {
    expect((await cli(['explain', 'ratio'], PROJECT)).stdout).toContain('\n    # kiem-tra-chap-nhan: ratio -- <lý do>\n');
    expect((await cli(['explain', 'text-reference'], PROJECT)).stdout).toMatch(/Mức: lỗi, không đổi được: .*\n[\s\S]*CHẤP NHẬN\nKhông chấp nhận được/);
  });

  it('works each worked example of the shipped report from the finding check reports there', async () => {
    const findings = JSON.parse((await cli(['check', '2023', '--format', 'json'], PROJECT)).stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
    const firstOfRule = new Map<string, { place: string; figures: string[] }>();
    for (const file of findings) {
      for (const message of file.messages) {
        if (firstOfRule.has(message.ruleId)) continue;
        // The stated and the computed figure, as the message prints them: 48,07%, 5.371.409.147 đồng.
        const figures = message.message.match(/\d[\d.]*(?:,\d+)?(?:%| đồng)/g) ?? [];
        firstOfRule.set(message.ruleId, { place: `${file.filePath.split(/[\\/]/).at(-1)}:${message.line}`, figures });
      }
    }
    expect([...firstOfRule.keys()].sort()).toEqual(['percentage-points', 'product', 'ratio', 'restated-figure', 'total-parts']);
    for (const [id, { place, figures }] of firstOfRule) {
      const page = (await cli(['explain', id], PROJECT)).stdout.replace(/\s+/g, ' ');
      expect(page, id).toContain(place);
      expect(figures.length, id).toBeGreaterThan(0);
      for (const figure of figures) expect(page, `${id}: ${figure}`).toContain(figure);
    }
  });

  it('answers an unknown rule with the nearest one, and a missing one with the list, exit 2', async () => {
    const list = `Các quy tắc: ${IDS.join(', ')}.`;
    expect(await cli(['explain', 'ratoi'], PROJECT)).toEqual({ code: 2, stdout: '', stderr: `Lỗi: Không có quy tắc "ratoi". Có phải là ratio? ${list}\n` });
    expect(await cli(['explain', 'tong-chi'], PROJECT)).toEqual({ code: 2, stdout: '', stderr: `Lỗi: Không có quy tắc "tong-chi". ${list}\n` });
    expect(await cli(['explain'], PROJECT)).toEqual({ code: 2, stdout: '', stderr: `Lỗi: Thiếu mã quy tắc. Ví dụ: report explain ratio. ${list}\n` });
  });

  it('has Vietnamese help, and is listed by report --help and report check --help', async () => {
    const help = await cli(['explain', '--help'], PROJECT);
    expect(help.stdout).toContain('Cách dùng: report explain <quy-tắc>');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(`mã quy tắc, như report check in ở cuối mỗi dòng: ${IDS.join(', ')}`);
    expect(help.stdout).not.toMatch(/Usage|Options|Arguments|display help/);
    expect((await cli(['--help'], PROJECT)).stdout).toMatch(/explain <quy-tắc> +Giải thích một quy tắc/);
    expect((await cli(['check', '--help'], PROJECT)).stdout).toContain('giải thích: report explain <quy-tắc>');
  });
});
