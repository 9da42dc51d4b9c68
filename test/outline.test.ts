import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextPeriodWords, parsePeriod, periodWords, samePeriodLastYear } from '../src/period.js';
import { cli, docxPart, editFile, FIXTURES, workspaceFrom } from './helpers.js';

/**
 * test/fixtures/outline: a xã with an outline of its own (sections named as it likes, nested
 * four levels, numbered its way), an annual report (2023) and two 6-month reports.
 */
const project = () => workspaceFrom(path.join(FIXTURES, 'outline'));
const DATA = path.join('data', '2024-6thang');

async function markdown(dir: string, periodAndFlags: string): Promise<string> {
  const [period = '', ...flags] = periodAndFlags.split(' ');
  const out = path.join(dir, `bao-cao-${period}.md`);
  const result = await cli(['build', period, ...flags, '--format', 'md', '--out', out], dir);
  expect(result.code, result.stderr).toBe(0);
  return fs.readFileSync(out, 'utf8');
}

const headings = (text: string) => text.split('\n').filter((line) => line.startsWith('#'));

describe('the outline (bo-cuc.yaml)', () => {
  it('lays out sections named as the clerk likes, nested and numbered as it says', async () => {
    expect(headings(await markdown(project(), '2024-6thang'))).toEqual([
      '# Phần I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024',
      '## I. Kinh tế',
      '### 1. Nông nghiệp',
      '### 2. Thương mại - dịch vụ',
      '### 3. Xây dựng nông thôn mới',
      '#### a. Giao thông nông thôn',
      '##### Đường trục thôn',
      '###### Thôn Đông',
      '## II. Văn hóa - xã hội',
      '# Phần II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024',
      '## I. Nhiệm vụ trọng tâm',
      // The heading's own numbering (danh_so: chu) for the levels under it.
      '### a. Về kinh tế',
      '### b. Về xã hội',
    ]);
  });

  it('prints the opening paragraphs it is told to, and a default closing sentence for any commune', async () => {
    const text = await markdown(project(), '2024-6thang');
    expect(text).toContain('# Phần I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024\n\nTrong 6 tháng đầu năm 2024, xã Tân Hòa triển khai nhiệm vụ trong bối cảnh mới.\n');
    expect(text).toContain(
      'Trên đây là báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh 6 tháng đầu năm 2024 ' +
        'và phương hướng, nhiệm vụ 6 tháng cuối năm 2024 của UBND xã Tân Hòa./.',
    );
  });

  it('never leaves a section out in silence: a file it does not name is an error at the file, naming the outline', async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, DATA, 'tu-phap.yaml'), 'tieu_de: Tư pháp\nchi_tieu:\n  a: { ten: A, gia_tri: 3, don_vi: vụ }\n');
    const result = await cli(['check', '2024-6thang', '--format', 'json'], dir);
    expect(result.code).toBe(2);
    const [file] = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; column: number; related: { filePath: string }[] }[] }[];
    expect(file!.filePath).toBe(`${DATA}/tu-phap.yaml`.replaceAll('\\', '/'));
    expect(file!.messages).toEqual([
      expect.objectContaining({
        ruleId: 'outline-file',
        line: 1,
        column: 1,
        message: expect.stringContaining('Tệp tu-phap.yaml không có trong bố cục (bo-cuc.yaml), nên báo cáo không có chỗ in nó. Thêm "- tep: tu-phap"'),
        related: [expect.objectContaining({ filePath: `${DATA}/bo-cuc.yaml`.replaceAll('\\', '/') })],
      }),
    ]);
  });

  it('reports an entry with no file, and a file named twice, at their lines', async () => {
    const dir = project();
    editFile(path.join(dir, DATA, 'bo-cuc.yaml'), (t) => t.replace('          - tep: nong-thon-moi\n', '          - tep: nong-thon-moi\n          - tep: nong-nghiep\n          - tep: thuong-mai.yaml\n'));
    const result = await cli(['build', '2024-6thang', '--out', 'r.docx'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(DATA, 'bo-cuc.yaml')}:12:18  lỗi  Tệp nong-nghiep.yaml đã có trong bố cục ở chỗ khác`);
    expect(result.stderr).toContain(`${path.join(DATA, 'bo-cuc.yaml')}:13:18  lỗi  Bố cục nêu tệp thuong-mai.yaml nhưng ${DATA} không có tệp này.`);
    expect(fs.existsSync(path.join(dir, 'r.docx'))).toBe(false);
  });

  it('is checked against its schema, with the words a clerk can act on', async () => {
    const dir = project();
    editFile(path.join(dir, DATA, 'bo-cuc.yaml'), (t) => t.replace('danh_so: [khong, la_ma, so, chu]', 'danh_so: [khong, la_ma, so, abc]'));
    const result = await cli(['build', '2024-6thang'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(DATA, 'bo-cuc.yaml')}:2:10  lỗi  Khóa "danh_so" không đúng dạng. Ghi một cách đánh số`);
  });
});

describe('periods: 6 tháng, 9 tháng, quý', () => {
  it('names each period, the one after it and the same one a year before', () => {
    const words = (id: string) => {
      const period = parsePeriod(id)!;
      return [periodWords(period), nextPeriodWords(period), samePeriodLastYear(period).id];
    };
    expect(words('2023')).toEqual(['năm 2023', 'năm 2024', '2022']);
    expect(words('2024-6thang')).toEqual(['6 tháng đầu năm 2024', '6 tháng cuối năm 2024', '2023-6thang']);
    expect(words('2024-9thang')).toEqual(['9 tháng đầu năm 2024', '3 tháng cuối năm 2024', '2023-9thang']);
    expect(words('2024-quy1')).toEqual(['quý I năm 2024', 'quý II năm 2024', '2023-quy1']);
    expect(words('2024-QUY4')).toEqual(['quý IV năm 2024', 'quý I năm 2025', '2023-quy4']);
    for (const bad of ['24', '2024-6', '2024-quy5', '2024-12thang', '2024-6thang-2']) expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it('compares with the same period a year before and with last year’s annual plan; the title and the appendix follow the period', async () => {
    const text = await markdown(project(), '2024-6thang');
    expect(text).toContain('**Tình hình kinh tế - xã hội 6 tháng đầu năm 2024 và nhiệm vụ 6 tháng cuối năm 2024**');
    // Cùng kỳ 1.000 tấn from data/2023-6thang, the plan 2.100 tấn from the targets of data/2023.
    expect(text).toContain('Sản lượng lúa đạt 1.050 tấn, tăng 5,0% so với cùng kỳ, đạt 50,0% kế hoạch năm.');
    expect(text).toContain('**BIỂU CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2024**');
    expect(text).toMatch(/\| Sản lượng lúa +\| +tấn +\| +2\.100 \| +1\.050 \| +50,0 \| +1\.000 \| +105,0 \|/);
  });

  it('writes out/bao-cao-<period>.docx, and says which period it built', async () => {
    const dir = project();
    const result = await cli(['build', '2024-6thang'], dir);
    expect(result).toMatchObject({ code: 0, stdout: `Đã tạo báo cáo 6 tháng đầu năm 2024: ${path.join('out', 'bao-cao-2024-6thang.docx')}\n` });
  });

  it('starts the next 6-month report from this one, outline and all, and lists what is left to fill', async () => {
    const dir = project();
    const init = await cli(['init', '2025-6thang'], dir);
    expect(init.stderr).toBe('');
    expect(init.stdout).toMatch(/^Đã tạo data[/\\]2025-6thang \(8 tệp\) từ dữ liệu 6 tháng đầu năm 2024: \d+ chỗ cần điền/);
    const farming = fs.readFileSync(path.join(dir, 'data', '2025-6thang', 'nong-nghiep.yaml'), 'utf8');
    expect(farming).toContain('gia_tri: CẦN ĐIỀN # 6 tháng đầu năm 2024: 1050 tấn\n');
    expect(fs.readFileSync(path.join(dir, 'data', '2025-6thang', 'bo-cuc.yaml'), 'utf8')).toBe(fs.readFileSync(path.join(dir, DATA, 'bo-cuc.yaml'), 'utf8'));
    const status = await cli(['status', '2025-6thang'], dir);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^6 tháng đầu năm 2025 còn \d+ chỗ cần điền:/);
  });

  it('takes the period in a batch too (worker threads run dist/)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-periods-'));
    for (const unit of ['xa-a', 'xa-b']) fs.cpSync(path.join(FIXTURES, 'outline'), path.join(dir, 'xa', unit), { recursive: true });
    const result = await cli(['build', '2024-6thang', '--units', 'xa', '--jobs', '2'], dir);
    expect(result.stdout).toMatch(/^Đã tạo báo cáo cho 2\/2 đơn vị/);
    expect(fs.existsSync(path.join(dir, 'xa', 'xa-b', 'out', 'bao-cao-2024-6thang.docx'))).toBe(true);
  }, 60_000);
});

describe('a draft before everything is filled (--draft)', () => {
  /** The 6-month report with its rice output and one paragraph still to fill. */
  const unfilled = () => {
    const dir = project();
    editFile(path.join(dir, DATA, 'nong-nghiep.yaml'), (t) => t.replace('gia_tri: 1050', 'gia_tri: CẦN ĐIỀN'));
    editFile(path.join(dir, DATA, 'van-hoa-xa-hoi.yaml'), (t) => t.replace('"Các hoạt động văn hóa diễn ra sôi nổi."', '"CẦN ĐIỀN: nội dung 6 tháng đầu năm 2024"'));
    return dir;
  };

  it('is refused by a plain build, which says how to make one', async () => {
    const result = await cli(['build', '2024-6thang'], unfilled());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(DATA, 'nong-nghiep.yaml')}:5:14  lỗi  Chưa điền số liệu: chi_tieu › san_luong_lua › gia_tri.`);
    expect(result.stderr).toContain('hoặc tạo bản dự thảo: report build --draft');
  });

  it('prints each place still to fill as a highlighted [CẦN ĐIỀN: …], says DỰ THẢO, and goes to …-du-thao', async () => {
    const dir = unfilled();
    const result = await cli(['build', '2024-6thang', '--draft'], dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      `Đã tạo bản dự thảo báo cáo 6 tháng đầu năm 2024: ${path.join('out', 'bao-cao-2024-6thang-du-thao.docx')}\n` +
        'Bản dự thảo còn 2 chỗ CẦN ĐIỀN, in tô vàng. Xem danh sách: report status 2024-6thang\n',
    );
    const docx = path.join(dir, 'out', 'bao-cao-2024-6thang-du-thao.docx');
    const body = docxPart(docx, 'word/document.xml');
    expect(body).toMatch(/<w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">\[CẦN ĐIỀN: Sản lượng lúa\]<\/w:t>/);
    expect(body).toContain('[CẦN ĐIỀN: nội dung 6 tháng đầu năm 2024]');
    // Figures that are filled print as usual, whatever is left to fill elsewhere.
    expect(body).toContain('Doanh thu thương mại - dịch vụ ước đạt 20,5 tỷ đồng, tăng 13,9% so với cùng kỳ.');
    const headers = ['word/header1.xml', 'word/header2.xml', 'word/header3.xml', 'word/header4.xml'].map((part) => docxPart(docx, part)).join('');
    expect(headers).toContain('DỰ THẢO');
    const text = await markdown(dir, '2024-6thang --draft');
    expect(text.startsWith('**DỰ THẢO**\n')).toBe(true);
    expect(text).toContain('Sản lượng lúa đạt `[CẦN ĐIỀN: Sản lượng lúa]`, `[CẦN ĐIỀN: Sản lượng lúa]` so với cùng kỳ');
  });

  it('checks what is filled: places to fill are information, a real error still fails', async () => {
    const dir = unfilled();
    const clean = await cli(['check', '2024-6thang', '--draft', '--format', 'json'], dir);
    expect(clean.code).toBe(0);
    const messages = (JSON.parse(clean.stdout) as { messages: { ruleId: string; severity: number }[] }[]).flatMap((f) => f.messages);
    expect(messages.map((m) => `${m.ruleId}:${m.severity}`).sort()).toEqual(['unfilled:0', 'unfilled:0']);
    editFile(path.join(dir, DATA, 'thuong-mai-dich-vu.yaml'), (t) => t.replace('    don_vi: tỷ đồng\n', '    don_vi: tỷ đồng\n    cung_ky: 18\n    tang_giam: 20\n'));
    const broken = await cli(['check', '2024-6thang', '--draft'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('growth-rate');
  });
});
