import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, docxPart, editFile, FIXTURES, PROJECT, workspaceFrom } from './helpers.js';

/** The Decree 30/2020/NĐ-CP layout, asserted on the .docx's own XML. */
describe('the built .docx follows Decree 30', () => {
  let file: string;
  let documentXml: string;
  let stylesXml: string;

  beforeAll(async () => {
    const dir = workspaceFrom(PROJECT);
    file = path.join(dir, 'bao-cao.docx');
    expect((await cli(['build', '2023', '--out', file], dir)).code).toBe(0);
    documentXml = docxPart(file, 'word/document.xml');
    stylesXml = docxPart(file, 'word/styles.xml');
  }, 30_000);

  const tables = () => documentXml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
  const texts = (xml: string) => (xml.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, ''));

  it('is A4 portrait with margins of 20 mm top and bottom, 30 mm left, 15 mm right', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('sets Times New Roman, black, 14 pt for all text; body justified, indented 1 cm, 6 pt after', () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(stylesXml)![0];
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('w:hAnsi="Times New Roman"');
    expect(defaults).toContain('<w:color w:val="000000"/>');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:jc w:val="both"/>');
    expect(defaults).toMatch(/<w:ind w:firstLine="567"\/>/);
    const after = Number(/<w:spacing w:after="(\d+)"/.exec(defaults)![1]);
    expect(after).toBeGreaterThanOrEqual(120);
  });

  it('numbers pages in the header from page 2 on, centred, none on page 1', () => {
    expect(documentXml).toContain('<w:titlePg/>');
    const first = /<w:headerReference w:type="first" r:id="(rId\d+)"\/>/.exec(documentXml)![1];
    const standard = /<w:headerReference w:type="default" r:id="(rId\d+)"\/>/.exec(documentXml)![1];
    const rels = docxPart(file, 'word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    const defaultHeader = docxPart(file, `word/${target(standard!)}`);
    const firstHeader = docxPart(file, `word/${target(first!)}`);
    expect(defaultHeader).toMatch(/PAGE/);
    expect(defaultHeader).toContain('<w:jc w:val="center"/>');
    expect(firstHeader).not.toMatch(/PAGE/);
  });

  it('opens with the borderless two-column header table', () => {
    const header = tables()[0]!;
    expect(header).toMatch(/<w:tblBorders>.*w:val="none".*<\/w:tblBorders>/s);
    expect(header.match(/<w:tc>/g)).toHaveLength(2);
    const [left, right] = header.split(/<\/w:tc>/);
    expect(texts(left!)).toEqual(['UBND HUYỆN THANH HÀ', 'ỦY BAN NHÂN DÂN', 'THỊ TRẤN THANH HÀ', '', `Số: ${'\u00a0'.repeat(8)}/BC-UBND`]);
    expect(texts(right!)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '', 'Thanh Hà, ngày 05 tháng 12 năm 2023']);
    expect(left).toMatch(/<w:b\/>.*THỊ TRẤN THANH HÀ/s);
    expect(right).toMatch(/<w:i\/>.*Thanh Hà, ngày 05/s);
    // The rules under the issuing body and the motto are bottom borders of their own paragraphs.
    expect(left!.match(/<w:bottom w:val="single"/g)).toHaveLength(1);
    expect(right!.match(/<w:bottom w:val="single"/g)).toHaveLength(1);
  });

  it('has the bold title BÁO CÁO and the trích yếu under the header', () => {
    const afterHeader = documentXml.slice(documentXml.indexOf('</w:tbl>'));
    expect(afterHeader).toMatch(/<w:b\/>(?:(?!<\/w:p>).)*>BÁO CÁO</s);
    expect(texts(afterHeader).slice(0, 2)).toEqual(['', 'BÁO CÁO']);
    const summary = afterHeader.match(/<w:p>(?:(?!<\/w:p>).)*Tình hình(?:(?!<\/w:p>).)*<\/w:p>/s)![0];
    expect(summary).toMatch(/<w:b\/>/);
    // The compounds are held on one line: no-break spaces, and Word's own no-break hyphen.
    expect(texts(summary.replaceAll('<w:noBreakHyphen/>', '<w:t>-</w:t>')).join('')).toBe(
      'Tình hình thực hiện nhiệm vụ phát triển kinh\u00a0tế\u00a0-\u00a0xã\u00a0hội, an\u00a0ninh\u00a0-\u00a0quốc\u00a0phòng năm 2023 và phương hướng, nhiệm vụ năm 2024',
    );
    expect(summary.match(/<w:noBreakHyphen\/>/g)).toHaveLength(2);
  });

  it('draws the rules under the issuing body, the motto and the trích yếu as lines of their own, 6 pt below the text', () => {
    const front = documentXml.slice(0, documentXml.indexOf('A. KẾT QUẢ'));
    const rules = front.match(/<w:p>(?:(?!<\/w:p>).)*<w:pBdr>(?:(?!<\/w:p>).)*<\/w:p>/gs) ?? [];
    expect(rules).toHaveLength(3);
    for (const rule of rules) {
      // An empty paragraph of an exact 6 pt line, its bottom border with no extra space: the gap is the line.
      // At 2 pt (the earlier value) the rule touched the descenders and read as an underline.
      expect(rule).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6" w:space="0"\/>/);
      expect(rule).toMatch(/<w:spacing w:after="\d+" w:before="0" w:line="120" w:lineRule="exact"\/>/);
      expect(texts(rule).join('')).toBe('');
    }
  });

  it('uses real heading styles for the outline', () => {
    expect(stylesXml).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">/);
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading3"\/>(?:(?!<\/w:p>).)*1\. Lĩnh vực kinh tế:/s);
  });

  it('closes with Nơi nhận and the signature block', () => {
    const closing = tables().find((t) => t.includes('Nơi nhận:'))!;
    const [left, right] = closing.split(/<\/w:tc>/);
    expect(texts(left!)).toEqual(['Nơi nhận:', '- UBND huyện;', '- TT Đảng ủy, HĐND TT;', '- MTTQ, các đoàn thể;', '- Các cán bộ, công chức TT;', '- Các khu dân cư;', '- Lưu: VT.']);
    expect(left).toMatch(/<w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:sz w:val="24"\/>/);
    expect(texts(right!).filter(Boolean)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Văn Tuấn']);
  });
});

describe('the header after the 2025 reform', () => {
  it('holds the issuing body alone when there is no superior body: ỦY BAN NHÂN DÂN over the unit, bold, no blank line above', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'outline'));
    editFile(path.join(dir, 'data', '2024-6thang', 'van-ban.yaml'), (t) => t.replace('co_quan_chu_quan: UBND TỈNH NAM AN\n', ''));
    const file = path.join(dir, 'bao-cao.docx');
    expect((await cli(['build', '2024-6thang', '--out', file], dir)).code).toBe(0);
    const left = /<w:tbl>.*?<w:tc>(.*?)<\/w:tc>/s.exec(docxPart(file, 'word/document.xml'))![1]!;
    const paragraphs = left.match(/<w:p>.*?<\/w:p>/gs)!;
    const lines = paragraphs.map((p) => (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''));
    expect(lines.map((l) => l.replace(/\s+/g, ' '))).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ TÂN HÒA', '', 'Số: /BC-UBND']);
    expect(paragraphs[0]).toContain('<w:b/>');
    expect(paragraphs[1]).toContain('<w:b/>');
    // The short rule under the issuing body: the empty paragraph's bottom border.
    expect(paragraphs[2]).toContain('<w:bottom w:val="single"');
  });
});
