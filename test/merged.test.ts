import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, docxPart, editFile, FIXTURES, PROJECT, tempFolder } from './helpers.js';

/**
 * test/fixtures/merged: xã Tân Hòa, formed in 2025 from the whole of xã An Phú and 30% (by
 * population) of xã Bình Minh, whose 2024 data sit in project folders of their own beside it.
 */
function merged(): string {
  const dir = tempFolder('report-merged-');
  fs.cpSync(path.join(FIXTURES, 'merged'), dir, { recursive: true });
  return path.join(dir, 'xa-tan-hoa');
}

const KINH_TE = path.join('data', '2025', 'kinh-te.yaml');

async function markdown(dir: string): Promise<{ text: string; stderr: string }> {
  const result = await cli(['build', '2025', '--format', 'md', '--out', 'r.md'], dir);
  expect(result.code, result.stderr).toBe(0);
  return { text: fs.readFileSync(path.join(dir, 'r.md'), 'utf8'), stderr: result.stderr };
}

describe('a unit formed by the 2025 mergers', () => {
  it('takes cùng kỳ as the exact sum of its predecessors, a share at its share, units converted (triệu into tỷ)', async () => {
    const { text } = await markdown(merged());
    // 1.000 tấn + 30% × 800 tấn = 1.240 tấn; 12 tỷ đồng + 30% × 5.000 triệu đồng = 13,5 tỷ đồng.
    expect(text).toMatch(/\| Sản lượng lúa +\| +tấn +\| +\| +1\.302 \| +\| +1\.240 \| +105,0 \|/);
    expect(text).toMatch(/\| Doanh thu thương mại - dịch vụ \| tỷ đồng \| +\| +14,85 \| +\| +13,5 \| +110,0 \|/);
    expect(text).toContain('Doanh thu thương mại - dịch vụ 14,85 tỷ đồng, tăng 10,0%.');
  });

  it('says how, once, in a Word footnote at the first comparison', async () => {
    const dir = merged();
    const { text } = await markdown(dir);
    expect(text).toContain('Sản lượng lúa đạt 1.302 tấn, tăng 5,0%[^cung-ky] so với cùng kỳ.');
    expect(text.match(/\[\^cung-ky\]/g)).toHaveLength(2); // the reference and its definition
    expect(text).toContain('[^cung-ky]: Số cùng kỳ năm 2024 tổng hợp từ số liệu của xã An Phú và 30% dân số xã Bình Minh trước sắp xếp.');

    expect((await cli(['build', '2025', '--out', 'r.docx'], dir)).code).toBe(0);
    const document = docxPart(path.join(dir, 'r.docx'), 'word/document.xml');
    expect(document.match(/<w:footnoteReference w:id="1"\/>/g)).toHaveLength(1);
    expect(document).toMatch(/tăng 5,0%<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/);
    expect(docxPart(path.join(dir, 'r.docx'), 'word/footnotes.xml')).toMatch(
      /<w:footnote w:id="1">.*Số cùng kỳ năm 2024 tổng hợp từ số liệu của xã An Phú và 30% dân số xã Bình Minh trước sắp xếp\./s,
    );
  });

  it('puts the note under the appendix when the body prints no comparison', async () => {
    const dir = merged();
    editFile(path.join(dir, KINH_TE), (t) =>
      t.replace(', {{tang_giam san_luong_lua}} so với cùng kỳ', '').replace(', {{tang_giam doanh_thu_dich_vu}}', ''),
    );
    const { text } = await markdown(dir);
    expect(text).not.toContain('[^cung-ky]');
    expect(text).toMatch(/\| Sản lượng lúa +\| +tấn +\| +\| +1\.302 \| +\| +1\.240 \| +105,0 \|/);
    expect(text).toContain('*Ghi chú: Số cùng kỳ năm 2024 tổng hợp từ số liệu của xã An Phú và 30% dân số xã Bình Minh trước sắp xếp.*');
  });

  it('puts the note under the appendix when the templates leave out the text of the first comparison, rather than losing it', async () => {
    const dir = merged();
    fs.cpSync(path.join(PROJECT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    // Only the headings are printed: no paragraph, so no comparison, reaches the body.
    fs.writeFileSync(path.join(dir, 'templates', 'noi-dung.md.hbs'), '{{!-- Không in đoạn văn nào. --}}\n');
    const { text } = await markdown(dir);
    expect(text).not.toContain('tăng 5,0%');
    expect(text).not.toContain('[^cung-ky]');
    expect(text).toContain('*Ghi chú: Số cùng kỳ năm 2024 tổng hợp từ số liệu của xã An Phú và 30% dân số xã Bình Minh trước sắp xếp.*');
  });

  it('never counts a missing figure as zero: a predecessor without it is a warning at the figure, naming the unit', async () => {
    const dir = merged();
    const result = await cli(['check', '2025'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '11:3  cảnh báo "Số hộ" [so_ho] không có số cùng kỳ: xã Bình Minh không có chỉ tiêu này (hoặc ghi bằng đơn vị không đổi được) trong dữ liệu trước sắp xếp',
    );
    // Typed by the clerk, cùng kỳ is there, and the warning is not.
    editFile(path.join(dir, KINH_TE), (t) => t.replace('    gia_tri: 2100\n', '    gia_tri: 2100\n    cung_ky: 2050\n'));
    expect((await cli(['check', '2025'], dir)).stdout).not.toContain('predecessor-missing');
  });

  it('never adds rates or averages: 2% and 3% of two communes are not 5%, so cùng kỳ is asked for at the figure', async () => {
    const dir = merged();
    const rates = (poor: string, yieldPerHa: string) => (t: string) =>
      t.replace(
        'noi_dung:',
        `  ty_le_ho_ngheo:\n    ten: Tỷ lệ hộ nghèo\n    gia_tri: ${poor}\n    don_vi: "%"\n  nang_suat_lua:\n    ten: Năng suất lúa\n    gia_tri: ${yieldPerHa}\n    don_vi: tạ/ha\nnoi_dung:`,
      );
    editFile(path.join(dir, KINH_TE), rates('1.8', '62'));
    editFile(path.join(dir, '..', 'xa-an-phu', 'data', '2024', 'kinh-te.yaml'), rates('2', '60'));
    editFile(path.join(dir, '..', 'xa-binh-minh', 'data', '2024', 'kinh-te.yaml'), rates('3', '58'));
    const result = await cli(['check', '2025'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('15:3  cảnh báo "Tỷ lệ hộ nghèo" [ty_le_ho_ngheo] không có số cùng kỳ: đây là tỷ lệ hoặc số bình quân (%)');
    expect(result.stdout).toContain('19:3  cảnh báo "Năng suất lúa" [nang_suat_lua] không có số cùng kỳ: đây là tỷ lệ hoặc số bình quân (tạ/ha)');
    // The additive figures beside them are still summed.
    expect((await markdown(dir)).text).toMatch(/\| Sản lượng lúa +\| +tấn +\| +\| +1\.302 \| +\| +1\.240 \| +105,0 \|/);
    editFile(path.join(dir, KINH_TE), (t) => t.replace('    gia_tri: 1.8\n', '    gia_tri: 1.8\n    cung_ky: 2.4\n').replace('    gia_tri: 62\n', '    gia_tri: 62\n    cung_ky: 59.2\n'));
    expect((await cli(['check', '2025'], dir)).stdout).not.toContain('tỷ lệ hoặc số bình quân');
  });

  it('never adds figures in a unit the table lacks: whether they add is unknown', async () => {
    const dir = merged();
    const scores = (value: string) => (t: string) =>
      t.replace('noi_dung:', `  diem_van_hoa:\n    ten: Điểm xếp loại văn hóa\n    gia_tri: ${value}\n    don_vi: điểm thi đua\nnoi_dung:`);
    editFile(path.join(dir, KINH_TE), scores('92'));
    editFile(path.join(dir, '..', 'xa-an-phu', 'data', '2024', 'kinh-te.yaml'), scores('88'));
    editFile(path.join(dir, '..', 'xa-binh-minh', 'data', '2024', 'kinh-te.yaml'), scores('90'));
    const result = await cli(['check', '2025'], dir);
    expect(result.stdout).toMatch(/15:3 +cảnh báo "Điểm xếp loại văn hóa" \[diem_van_hoa\] không có số cùng kỳ: đơn vị "điểm thi đua" chưa có trong bảng đơn vị/);
  });

  it('uses a cùng kỳ the clerk typed, and says where it differs from the sum', async () => {
    const dir = merged();
    editFile(path.join(dir, KINH_TE), (t) => t.replace('    gia_tri: 1302\n', '    gia_tri: 1302\n    cung_ky: 1250\n'));
    const result = await cli(['check', '2025', '--format', 'json'], dir);
    const messages = (JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[]).flatMap((f) => f.messages);
    expect(messages).toContainEqual(
      expect.objectContaining({ ruleId: 'last-year-revised', line: 6, message: expect.stringContaining('cùng kỳ ghi 1.250 tấn ở đây, còn số liệu năm trước') }),
    );
    expect(messages.find((m) => m.ruleId === 'last-year-revised')!.message).toContain('là 1.240 tấn');
  });

  it('sums nothing when a predecessor has no data for the period before: a warning at its entry', async () => {
    const dir = merged();
    fs.rmSync(path.join(dir, '..', 'xa-binh-minh', 'data', '2024'), { recursive: true });
    const result = await cli(['check', '2025'], dir);
    expect(result.stdout).toContain('tien-than.yaml');
    expect(result.stdout).toContain('xã Bình Minh không có dữ liệu năm 2024');
    // With no cùng kỳ, a text that prints the change has nothing to print: an error there, not a blank.
    const built = await cli(['build', '2025'], dir);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('Chỉ tiêu "san_luong_lua" chưa có tang_giam hoặc cung_ky, nên không in được {{tang_giam san_luong_lua}}.');
  });

  it('starts its first period from its predecessors: the outline and texts of the first, the figures of all, the sums as comments', async () => {
    const dir = merged();
    fs.rmSync(path.join(dir, 'data', '2025'), { recursive: true });
    const init = await cli(['init', '2025'], dir);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toMatch(/^Đã tạo data[/\\]2025 \(3 tệp\) từ dữ liệu năm 2024 của xã An Phú và 30% dân số xã Bình Minh \(trước sắp xếp\)/);
    const economy = fs.readFileSync(path.join(dir, 'data', '2025', 'kinh-te.yaml'), 'utf8');
    expect(economy).toContain('gia_tri: CẦN ĐIỀN # năm 2024, xã An Phú và 30% dân số xã Bình Minh: 1.240 tấn\n');
    expect(economy).toContain('gia_tri: CẦN ĐIỀN # năm 2024, xã An Phú và 30% dân số xã Bình Minh: 13,5 tỷ đồng\n');
    expect(economy).toContain('gia_tri: CẦN ĐIỀN # năm 2024, xã An Phú và 30% dân số xã Bình Minh: không cộng được (một đơn vị không có số này)\n');
    // A figure only the partial predecessor had: its share, as a place to fill.
    expect(economy).toMatch(/ {2}dien_tich_cay_an_qua:\n {4}ten: Diện tích cây ăn quả\n {4}don_vi: ha\n {4}gia_tri: CẦN ĐIỀN # năm 2024, chỉ 30% dân số xã Bình Minh có: 9 ha\n/);
    const details = fs.readFileSync(path.join(dir, 'data', '2025', 'van-ban.yaml'), 'utf8');
    expect(details).toContain('co_quan: CẦN ĐIỀN # Năm 2024, đơn vị cũ: ỦY BAN NHÂN DÂN XÃ AN PHÚ\n');
    expect(details).not.toContain('co_quan_chu_quan');
  });

  it('starts a rate only a partial predecessor has with the whole unit’s value as a comment, not a share of it', async () => {
    const dir = merged();
    fs.rmSync(path.join(dir, 'data', '2025'), { recursive: true });
    editFile(path.join(dir, '..', 'xa-binh-minh', 'data', '2024', 'kinh-te.yaml'), (t) =>
      t.replace('noi_dung:', '  ty_le_ho_ngheo:\n    ten: Tỷ lệ hộ nghèo\n    gia_tri: 3.2\n    don_vi: "%"\nnoi_dung:'),
    );
    expect((await cli(['init', '2025'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'data', '2025', 'kinh-te.yaml'), 'utf8')).toContain(
      'gia_tri: CẦN ĐIỀN # năm 2024, chỉ 30% dân số xã Bình Minh có: tỷ lệ, bình quân không cộng được; cả xã Bình Minh: 3,2%\n',
    );
  });

  it('starts a 6-month period from its predecessors’ 6-month data', async () => {
    const dir = merged();
    for (const old of ['xa-an-phu', 'xa-binh-minh']) {
      fs.cpSync(path.join(dir, '..', old, 'data', '2024'), path.join(dir, '..', old, 'data', '2024-6thang'), { recursive: true });
    }
    const init = await cli(['init', '2025-6thang'], dir);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(path.join(dir, 'data', '2025-6thang', 'kinh-te.yaml'), 'utf8')).toContain(
      'gia_tri: CẦN ĐIỀN # 6 tháng đầu năm 2024, xã An Phú và 30% dân số xã Bình Minh: 1.240 tấn\n',
    );
  });

  it('says nothing when no predecessor has data for the period before: cùng kỳ is typed there, as by any unit without it', async () => {
    const dir = merged();
    // A 6-month report: neither predecessor has data of the first 6 months of 2024, as no unit has of the months before a merger.
    const sixMonths = path.join(dir, 'data', '2025-6thang');
    fs.cpSync(path.join(dir, 'data', '2025'), sixMonths, { recursive: true });
    editFile(path.join(sixMonths, 'kinh-te.yaml'), (t) =>
      t.replace('    gia_tri: 1302\n', '    gia_tri: 1302\n    cung_ky: 1250\n').replace('    gia_tri: 14.85\n', '    gia_tri: 14.85\n    cung_ky: 13.5\n'),
    );
    const clean = await cli(['check', '2025-6thang'], dir);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toContain('không có vấn đề nào');
    const built = await cli(['build', '2025-6thang', '--format', 'md', '--out', 'r.md'], dir);
    expect(built.code, built.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'r.md'), 'utf8')).not.toContain('[^cung-ky]');
    // A predecessor's folder that is not there is still said, at its line: thu_muc is wrong.
    fs.rmSync(path.join(dir, '..', 'xa-binh-minh'), { recursive: true });
    const wrong = await cli(['check', '2025-6thang'], dir);
    expect(wrong.stdout).toContain('tien-than.yaml');
    expect(wrong.stdout).toContain('xã Bình Minh không có dữ liệu 6 tháng đầu năm 2024');
  });
});
