import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
    const body = rows().slice(1).map(cells);
    expect(body[0]).toEqual(['Tổng thu nhập xã hội', 'tỷ đồng', '', '663,8', '102', '', '']);
    expect(body[1]).toEqual(['Giá trị sản xuất nông nghiệp (giá hiện hành)', 'tỷ đồng', '', '70,1', '', '', '102,9']);
    expect(body.find((r) => r[0] === 'Tổng thu ngân sách')).toEqual(['Tổng thu ngân sách', 'đồng', '', '6.790.880.637', '100,02', '', '']);
    // A rate's "% so cùng kỳ" would mix % and percentage points: left empty.
    expect(body.find((r) => r[0] === 'Tỷ lệ trẻ nhà trẻ ra lớp')).toEqual(['Tỷ lệ trẻ nhà trẻ ra lớp', '%', '', '48,07', '', '', '']);
    expect(appendix).not.toMatch(/NaN|undefined|Infinity/);
    const numberCell = rows()[1]!.match(/<w:tc>.*?<\/w:tc>/gs)![3]!;
    expect(numberCell).toContain('<w:jc w:val="right"/>');
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
