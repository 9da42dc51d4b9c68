import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compile } from '../src/commands/build.js';
import { parsePeriod } from '../src/period.js';
import { Workspace } from '../src/workspace.js';
import { cli, docxPart, docxText, editFile, FIXTURES, PROJECT, workspaceFrom } from './helpers.js';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Builds in-process under a time zone and a faked clock; returns the file's hash. */
async function buildUnder(dir: string, timeZone: string, now: Date, env: Record<string, string> = {}): Promise<string> {
  const previous = process.env.TZ;
  process.env.TZ = timeZone;
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    const out = path.join(dir, `bao-cao-${createHash('md5').update(timeZone + now.toISOString()).digest('hex')}.docx`);
    const result = await cli(['build', '2023', '--out', out], dir, env);
    expect(result.code, result.stderr).toBe(0);
    return sha256(out);
  } finally {
    vi.useRealTimers();
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

describe('same input, same bytes', () => {
  afterEach(() => vi.useRealTimers());

  it('gives byte-identical .docx files whatever the clock and the time zone', async () => {
    const dir = workspaceFrom(PROJECT);
    const hanoi = await buildUnder(dir, 'Asia/Ho_Chi_Minh', new Date('2020-01-01T23:30:00Z'));
    const losAngeles = await buildUnder(dir, 'America/Los_Angeles', new Date('2031-07-15T03:04:05Z'));
    const kiritimati = await buildUnder(dir, 'Pacific/Kiritimati', new Date('2024-02-29T12:00:00Z'));
    expect(losAngeles).toBe(hanoi);
    expect(kiritimati).toBe(hanoi);
  });

  it('changes the bytes when one figure changes', async () => {
    const dir = workspaceFrom(PROJECT);
    const before = await buildUnder(dir, 'UTC', new Date('2023-12-05T00:00:00Z'));
    editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (text) => text.replace('gia_tri: 663.8', 'gia_tri: 663.9'));
    const after = await buildUnder(dir, 'UTC', new Date('2023-12-05T00:00:00Z'));
    expect(after).not.toBe(before);
  });

  it('dates the document from the report, or from SOURCE_DATE_EPOCH when set', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    expect((await cli(['build', '2023', '--out', 'a.docx'], dir)).code).toBe(0);
    expect(docxPart(path.join(dir, 'a.docx'), 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-12-05T00:00:00Z</dcterms:created>');
    expect((await cli(['build', '2023', '--out', 'b.docx'], dir, { SOURCE_DATE_EPOCH: '1701734400' })).code).toBe(0);
    expect(docxPart(path.join(dir, 'b.docx'), 'docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-12-05T00:00:00Z</dcterms:modified>');
    const bad = await cli(['build', '2023', '--out', 'c.docx'], dir, { SOURCE_DATE_EPOCH: 'hôm nay' });
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Lỗi: SOURCE_DATE_EPOCH "hôm nay" không hợp lệ/) });
    expect(fs.existsSync(path.join(dir, 'c.docx'))).toBe(false);
  });
});

let shipped: Promise<string> | undefined;
/** The .docx of the shipped data, built once for the tests that only read it. */
function shippedDocx(): Promise<string> {
  shipped ??= (async () => {
    const dir = workspaceFrom(PROJECT);
    const file = path.join(dir, 'bao-cao.docx');
    expect((await cli(['build', '2023', '--out', file], dir)).code).toBe(0);
    return file;
  })();
  return shipped;
}

describe('what a clerk notices in Word', () => {
  let documentXml: string;
  let stylesXml: string;
  let coreXml: string;
  let text: string;

  beforeAll(async () => {
    const file = await shippedDocx();
    documentXml = docxPart(file, 'word/document.xml');
    stylesXml = docxPart(file, 'word/styles.xml');
    coreXml = docxPart(file, 'docProps/core.xml');
    text = await docxText(file);
  }, 30_000);

  it('tags the text as Vietnamese, so Word spell-checks it as such', () => {
    expect(stylesXml).toMatch(/<w:rPrDefault>.*<w:lang w:val="vi-VN"\/>.*<\/w:rPrDefault>/s);
  });

  it('names the document and its author, the issuing body', () => {
    expect(coreXml).toContain('<dc:title>Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội');
    expect(coreXml).toContain('<dc:creator>ỦY BAN NHÂN DÂN THỊ TRẤN THANH HÀ</dc:creator>');
  });

  it('keeps widows and orphans off page breaks in the body', () => {
    const body = documentXml.match(/<w:p>(?:(?!<\/w:p>).)*1\. Lĩnh vực kinh tế:/s)![0];
    expect(body).toContain('<w:widowControl/>');
    expect(documentXml.match(/<w:widowControl\/>/g)!.length).toBeGreaterThan(100);
  });

  it('ends the body with the ./. mark', () => {
    expect(text).toMatch(/tổng hợp báo cáo\.\/\.\s*\n/);
  });

  it('has no Kính gửi line unless the data names the body the report goes up to', () => {
    expect(text).not.toContain('Kính gửi');
  });
});

describe('Kính gửi', () => {
  it('prints one body on one line, several one a line, under the trích yếu', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const details = path.join(dir, 'data', '2023', 'van-ban.yaml');
    editFile(details, (t) => t.replace('noi_nhan:', 'kinh_gui: Ủy ban nhân dân huyện Thanh Hà\nnoi_nhan:'));
    expect((await cli(['build', '2023', '--out', 'a.docx'], dir)).code).toBe(0);
    expect(await docxText(path.join(dir, 'a.docx'))).toMatch(/năm 2024\s+Kính gửi: Ủy ban nhân dân huyện Thanh Hà\s+A\. KẾT QUẢ/);

    editFile(details, (t) => t.replace('kinh_gui: Ủy ban nhân dân huyện Thanh Hà', 'kinh_gui:\n  - Ủy ban nhân dân huyện Thanh Hà;\n  - Phòng Tài chính - Kế hoạch huyện.'));
    expect((await cli(['build', '2023', '--out', 'b.docx'], dir)).code).toBe(0);
    expect(await docxText(path.join(dir, 'b.docx'))).toMatch(/Kính gửi:\s+- Ủy ban nhân dân huyện Thanh Hà;\s+- Phòng Tài chính - Kế hoạch huyện\.\s+A\. KẾT QUẢ/);
  });
});

describe('the appendix: biểu chỉ tiêu chủ yếu', () => {
  let appendix: string;
  let documentXml: string;
  let stylesXml: string;

  beforeAll(async () => {
    const file = await shippedDocx();
    documentXml = docxPart(file, 'word/document.xml');
    stylesXml = docxPart(file, 'word/styles.xml');
    appendix = documentXml.slice(documentXml.indexOf('>Phụ lục<'));
  }, 30_000);

  const cells = (row: string) => (row.match(/<w:tc>.*?<\/w:tc>/gs) ?? []).map((c) => c.replace(/<[^>]+>/g, ''));
  const rows = () => appendix.match(/<w:tr>.*?<\/w:tr>/gs) ?? [];

  /** The appendix rows (header left out) of the minimal project with these figures added to kinh-te.yaml, and a sentence naming them. */
  async function appendixWith(figureLines: string[], sentence: string): Promise<string[][]> {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (t) => t.replace('noi_dung:\n', [...figureLines, 'noi_dung:', `  - ${sentence}`, ''].join('\n')));
    expect((await cli(['build', '2023', '--out', 'a.docx'], dir)).code).toBe(0);
    const xml = docxPart(path.join(dir, 'a.docx'), 'word/document.xml');
    return (xml.slice(xml.indexOf('>Phụ lục<')).match(/<w:tr>.*?<\/w:tr>/gs) ?? []).slice(1).map(cells);
  }

  it('is a landscape section of its own, its pages numbered from 1', () => {
    const sections = documentXml.match(/<w:sectPr>.*?<\/w:sectPr>/gs)!;
    expect(sections).toHaveLength(2);
    expect(sections[1]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(sections[1]).toContain('<w:pgNumType w:start="1"/>');
    expect(sections[1]).toContain('<w:titlePg/>');
    expect(appendix).toMatch(/BIỂU CHỈ TIÊU CHỦ YẾU NĂM 2023.*Kèm theo Báo cáo số .*\/BC-UBND ngày 05 tháng 12 năm 2023 của UBND thị trấn Thanh Hà/s);
  });

  it('repeats its header row on every page and never splits a row', () => {
    const [header, ...body] = rows();
    expect(cells(header!)).toEqual(['Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', '% kế hoạch', 'Cùng kỳ', '% so cùng kỳ']);
    expect(header).toContain('<w:tblHeader/>');
    for (const row of [header!, ...body]) expect(row).toContain('<w:cantSplit/>');
  });

  it('holds the key figures computed from the data, in report order, numbers right-aligned, unknowns empty', () => {
    const names = rows().slice(1).map((r) => cells(r)[0]);
    expect(names.slice(0, 3)).toEqual(['Tổng thu nhập xã hội', 'Giá trị sản xuất nông nghiệp (giá hiện hành)', 'Giá trị sản xuất tiểu thủ công nghiệp, dịch vụ']);
    expect(names.at(-1)).toBe('Số tiền vận động quỹ “Toàn dân chăm sóc Người Cao tuổi”');
    expect(appendix).not.toMatch(/NaN|undefined|Infinity/);
    const numberCell = rows()[1]!.match(/<w:tc>.*?<\/w:tc>/gs)![3]!;
    expect(numberCell).toContain('<w:jc w:val="right"/>');
  });

  it('fills Kế hoạch and Cùng kỳ where the data implies them, in italics, with a note saying so', () => {
    const body = rows().slice(1).map(cells);
    const row = (name: string) => body.find((r) => r[0] === name);
    // 530 trẻ, tăng 15 trẻ: cùng kỳ exactly 515, 530/515 = 102,91…%.
    expect(row('Trường Mầm non - Tổng số trẻ')).toEqual(['Trường Mầm non - Tổng số trẻ', 'trẻ', '', '530', '', '515', '102,9']);
    // 663,8 tỷ đồng at 102% (101,5–102,5%): plan 647,6–654,0, printed to the unit: 651.
    expect(row('Tổng thu nhập xã hội')).toEqual(['Tổng thu nhập xã hội', 'tỷ đồng', '651', '663,8', '102', '', '']);
    // 70,1 tỷ đồng, tăng 2,9%: 68,04–68,21, not printed finer than the value: 68,1.
    expect(row('Giá trị sản xuất nông nghiệp (giá hiện hành)')).toEqual(['Giá trị sản xuất nông nghiệp (giá hiện hành)', 'tỷ đồng', '', '70,1', '', '68,1', '102,9']);
    // 8.215 tạ, giảm 19,7%: 10.224,0–10.236,8, ±6,4: to the unit.
    expect(row('Tổng sản lượng lúa')).toEqual(['Tổng sản lượng lúa', 'tạ', '', '8.215', '', '10.230', '80,3']);
    // 6.790.880.637 đồng at 100,02%: ±340.000 đồng, so to the hundred thousand.
    expect(row('Tổng thu ngân sách')).toEqual(['Tổng thu ngân sách', 'đồng', '6.789.500.000', '6.790.880.637', '100,02', '', '']);
    const children = rows().find((r) => r.includes('Tổng số trẻ'))!.match(/<w:tc>.*?<\/w:tc>/gs)!;
    expect(children[5]).toMatch(/<w:i\/>.*>515</s);
    expect(children[3]).not.toContain('<w:i/>');
    expect(appendix).toContain('Ghi chú: số in nghiêng là kế hoạch, cùng kỳ tính ngược từ tỷ lệ % kế hoạch hoặc mức tăng, giảm đã nêu trong báo cáo');
  });

  it('lists no figure whose comparison it cannot show: a rate changed by an ambiguous %', () => {
    const names = rows().slice(1).map((r) => cells(r)[0]);
    expect(names).not.toContain('Tỷ lệ trẻ nhà trẻ ra lớp');
    expect(names).toHaveLength(17);
  });

  it('shows a rate changed by percentage points, and a rate marked key whatever it shows', async () => {
    const table = await appendixWith(
      [
        '  ty_le_ho_ngheo: { ten: Tỷ lệ hộ nghèo, gia_tri: 1.8, don_vi: "%", chenh_lech: -0.3 }',
        '  ty_le_kha_gioi: { ten: Tỷ lệ học sinh khá giỏi, gia_tri: 72, don_vi: "%", tang_giam: 5 }',
        '  ty_le_tiem_chung: { ten: Tỷ lệ tiêm chủng, gia_tri: 98, don_vi: "%", tang_giam: 2, chu_yeu: true }',
      ],
      'Hộ nghèo {{ty_le_ho_ngheo}}, khá giỏi {{ty_le_kha_gioi}}, tiêm chủng {{ty_le_tiem_chung}}.',
    );
    // 1,8% after a fall of 0,3 points: 2,1% a year before; its "% so cùng kỳ" would mix % with points.
    expect(table).toEqual([
      ['Tỷ lệ hộ nghèo', '%', '', '1,8', '', '2,1', ''],
      ['Tỷ lệ tiêm chủng', '%', '', '98', '', '', ''],
    ]);
  });

  it('says an implied plan or cùng kỳ with the word its figure has: khoảng, gần; none when the words pull apart', async () => {
    const table = await appendixWith(
      [
        '  dan_gia_cam: { ten: Đàn gia cầm, gia_tri: khoảng 186.000, don_vi: con, ty_le_ke_hoach: 103, chu_yeu: true }',
        '  cay_xanh: { ten: Cây xanh, gia_tri: gần 1.900, don_vi: cây, tang_giam: 5, chu_yeu: true }',
        '  luot_khach: { ten: Lượt khách, gia_tri: gần 1.900, don_vi: lượt, ty_le_ke_hoach: gần 95, chu_yeu: true }',
      ],
      'Gia cầm {{dan_gia_cam}}, cây {{cay_xanh}}, khách {{luot_khach}}.',
    );
    const row = (name: string) => table.find((r) => r[0] === name);
    // 186.000 ± 18.600 at 103%: 162.000–198.700, to the ten thousand, still "khoảng".
    expect(row('Đàn gia cầm')).toEqual(['Đàn gia cầm', 'con', 'khoảng 180.000', 'khoảng 186.000', '103', '', '']);
    // Close below 1.900, up 5%: close below 1.900 / 1,05 = 1.809,5…, to the ten (±91).
    expect(row('Cây xanh')![5]).toBe('gần 1.810');
    // "gần 1.900" over "gần 95%": the quotient is close below and close above at once: no plan shown.
    expect(row('Lượt khách')![2]).toBe('');
  });

  it('keeps its last three rows on one page, sizes its columns from their content, and rules the (Kèm theo …) line', () => {
    const body = rows().slice(1);
    const kept = body.map((row) => (row.match(/<w:p>.*?<\/w:p>/gs) ?? []).every((p) => p.includes('<w:keepNext/>')));
    expect(kept.slice(-4)).toEqual([false, true, true, false]);
    expect(kept.filter(Boolean)).toHaveLength(2);
    const grid = [...appendix.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b)).toBe(16838 - 1701 - 850);
    // The name column takes what the figures leave; "Kế hoạch" is as wide as 6.789.500.000 needs, "Cùng kỳ" as 10.230.
    expect(grid[0]).toBeGreaterThan(grid[2]! * 2);
    expect(grid[2]).toBeGreaterThan(grid[5]!);
    const caption = appendix.match(/<w:p>(?:(?!<\/w:p>).)*Kèm theo(?:(?!<\/w:p>).)*<\/w:p>(<w:p>.*?<\/w:p>)/s)!;
    expect(caption[1]).toMatch(/<w:bottom w:val="single"[^>]*\/>.*<w:spacing w:after="240" w:before="0" w:line="120" w:lineRule="exact"\/>/s);
  });

  it('sets its text in one paragraph style, 12 pt, so that Word restyles the whole table at once', () => {
    const paragraphs = rows().flatMap((row) => row.match(/<w:p>.*?<\/w:p>/gs) ?? []);
    expect(paragraphs.length).toBeGreaterThan(7 * 10);
    for (const paragraph of paragraphs) {
      expect(paragraph).toContain('<w:pStyle w:val="BangChiTieu"/>');
      expect(paragraph).not.toMatch(/<w:sz |<w:spacing /);
    }
    expect(stylesXml).toMatch(/<w:style w:type="paragraph" w:styleId="BangChiTieu">.*?<w:sz w:val="24"\/>.*?<\/w:style>/s);
  });

  it('follows chu_yeu in the data: a figure put in, a figure left out, no appendix when none is key', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    expect((await cli(['build', '2023', '--out', 'a.docx'], dir)).code).toBe(0);
    expect(docxPart(path.join(dir, 'a.docx'), 'word/document.xml')).not.toContain('Phụ lục');

    const economy = path.join(dir, 'data', '2023', 'kinh-te.yaml');
    editFile(economy, (t) => t.replace('    gia_tri: 100\n', '    gia_tri: 100\n    chu_yeu: true\n'));
    editFile(economy, (t) => t.replace('    gia_tri: 50\n', '    gia_tri: 50\n    cung_ky: 45\n    chu_yeu: false\n'));
    expect((await cli(['build', '2023', '--out', 'b.docx'], dir)).code).toBe(0);
    const xml = docxPart(path.join(dir, 'b.docx'), 'word/document.xml');
    const table = xml.slice(xml.indexOf('>Phụ lục<'));
    expect(table).toContain('Tổng thu nhập xã hội');
    expect(table).not.toContain('Thu nhập bình quân đầu người');
  });
});

describe('--format md', () => {
  it('writes the report as Markdown, header to appendix, for reading a data change as a diff', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (t) => t.replace('    gia_tri: 100\n', '    gia_tri: 100\n    ke_hoach: 98\n'));
    const result = await cli(['build', '2023', '--format', 'md'], dir);
    expect(result).toMatchObject({ code: 0, stdout: `Đã tạo báo cáo năm 2023: ${path.join('out', 'bao-cao-2023.md')}\n` });
    expect(fs.readFileSync(path.join(dir, 'out', 'bao-cao-2023.md'), 'utf8')).toMatchSnapshot();
  });
});

describe('templates compiled once in a process', () => {
  it('still uses a template edited between two builds, a partial as much as the main one', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'), true);
    const build = async () => {
      const result = await cli(['build', '2023', '--format', 'md', '--out', 'r.md'], dir);
      expect(result.code, result.stderr).toBe(0);
      return fs.readFileSync(path.join(dir, 'r.md'), 'utf8');
    };
    expect(await build()).not.toContain('Dòng thêm');
    editFile(path.join(dir, 'templates', 'bao-cao.md.hbs'), (t) => t.replace('{{loi_ket}}', 'Dòng thêm vào mẫu chính.\n\n{{loi_ket}}'));
    expect(await build()).toContain('Dòng thêm vào mẫu chính.');
    editFile(path.join(dir, 'templates', 'muc.md.hbs'), (t) => `${t}\nDòng thêm vào mẫu con.\n`);
    const both = await build();
    expect(both).toContain('Dòng thêm vào mẫu chính.');
    expect(both).toContain('Dòng thêm vào mẫu con.');
  });
});

describe('the body, filled after parsing the templates', () => {
  it('gives every block of the tree the template line that printed it', () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const { document } = compile({ workspace: new Workspace(dir, dir), period: parsePeriod('2023')! });
    const printedBy = new Set(document.body.children.map((block) => `${block.type} ${block.data?.template?.file}:${block.data?.template?.line}`));
    expect(printedBy).toEqual(new Set(['heading muc.md.hbs:6', 'paragraph noi-dung.md.hbs:6', 'paragraph bao-cao.md.hbs:10']));
  });

  it('reads a block tag at the start of a line as the text it leaves, not as an indent that would make code', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'), true);
    fs.writeFileSync(path.join(dir, 'templates', 'muc.md.hbs'), '{{#if tieu_de}}{{cap}} {{so}}{{tieu_de}}{{else}}Không tiêu đề{{/if}}\n\n{{> noi-dung}}\n{{#each muc}}\n{{> muc}}\n{{/each}}\n');
    const result = await cli(['build', '2023', '--format', 'md', '--out', 'r.md'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'r.md'), 'utf8')).toMatch(/^### 1\. Lĩnh vực kinh tế:$/m);
  });
});

describe('--format pdf without LibreOffice', () => {
  it('says in Vietnamese how to install it, and writes nothing', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const path_ = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-programs-here');
    try {
      const result = await cli(['build', '2023', '--format', 'pdf'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^Lỗi: Máy chưa cài LibreOffice nên không tạo được PDF\. .*sudo apt install libreoffice-writer/);
      expect(fs.existsSync(path.join(dir, 'out', 'bao-cao-2023.pdf'))).toBe(false);
    } finally {
      process.env.PATH = path_;
    }
  });

  it('rejects an unknown format', async () => {
    const result = await cli(['build', '2023', '--format', 'odt'], workspaceFrom(path.join(FIXTURES, 'minimal')));
    expect(result).toMatchObject({ code: 2, stderr: 'Lỗi: Không có dạng "odt". Chọn một trong: docx, pdf, md.\n' });
  });
});
