import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli, docxPart, docxText, editFile, PROJECT, workspaceFrom, installed } from './helpers.js';

/** Report build --review (issue 16, point 1): a review copy with one Word comment per finding. */

const unescape = (xml: string) =>
  xml.replace(/&(quot|amp|lt|gt|apos);/g, (_, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[name]!);
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('');

interface WordComment {
  id: string;
  author: string;
  date: string;
  paragraphs: string[];
}

function commentsOf(file: string): WordComment[] {
  const xml = docxPart(file, 'word/comments.xml');
  return [...xml.matchAll(/<w:comment ([^>]*)>(.*?)<\/w:comment>/gs)].map((m) => {
    const attribute = (name: string) => unescape(new RegExp(`w:${name}="([^"]*)"`).exec(m[1]!)![1]!);
    return { id: attribute('id'), author: attribute('author'), date: attribute('date'), paragraphs: [...m[2]!.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => textOf(p[0])) };
  });
}

/** Where a comment is anchored: its paragraph's text, the text in its range, and whether that text is shaded. */
interface Anchor {
  paragraph: string;
  range: string;
  shaded: boolean;
  /** Whether a commentReference run follows the range's end, as Word writes it. */
  referenced: boolean;
}

function anchorsOf(file: string): Map<string, Anchor[]> {
  const xml = docxPart(file, 'word/document.xml');
  const anchors = new Map<string, Anchor[]>();
  for (const [paragraph] of xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)) {
    for (const [, id] of paragraph.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>/g)) {
      const inside = new RegExp(`<w:commentRangeStart w:id="${id}"/>(.*?)<w:commentRangeEnd w:id="${id}"/>`, 's').exec(paragraph);
      const list = anchors.get(id!) ?? [];
      list.push({
        paragraph: textOf(paragraph),
        range: inside ? textOf(inside[1]!) : '',
        shaded: inside ? /<w:shd [^>]*w:fill="FFC7CE"/.test(inside[1]!) : false,
        referenced: paragraph.includes(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`),
      });
      anchors.set(id!, list);
    }
  }
  return anchors;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * The findings of the shipped report (report check 2023), each with the text the report prints
 * for it, a piece of its paragraph, and whether it is an error (shaded).
 */
const SHIPPED = [
  { rule: 'restated-figure', key: 'danh_gia_tang_nong_nghiep', printed: 'tăng 2,8%', paragraph: 'giá trị sản xuất nông nghiệp tăng 2,8%', error: true },
  { rule: 'restated-figure', key: 'danh_gia_tang_ttcn_dich_vu', printed: 'tăng 6,8%', paragraph: 'dịch vụ, xây dựng tăng 6,8%', error: true },
  { rule: 'ratio', key: 'mam_non_ty_le_nha_tre_ra_lop', printed: '48,07%', paragraph: 'tổng số trẻ nhà trẻ ra lớp là 113/235 cháu đạt 48,07%', error: true },
  { rule: 'percentage-points', key: 'mam_non_ty_le_nha_tre_ra_lop', printed: 'tăng 7%', paragraph: '113/235 cháu đạt 48,07%', error: false },
  { rule: 'percentage-points', key: 'tieu_hoc_ty_le_hs_khen_thuong', printed: 'tăng 1%', paragraph: '665/899 em = 74% (tăng 1%', error: false },
  { rule: 'percentage-points', key: 'thcs_ty_le_hs_kha_gioi', printed: '5%', paragraph: 'cao hơn năm học 2021 – 2022 là 5%', error: false },
  { rule: 'product', key: 'ldtbxh_qua_27_7_tong_tien', printed: '227.880.000 đồng', paragraph: 'tổng tiền 227.880.000 đồng', error: true },
  { rule: 'total-parts', key: 'tong_chi_ngan_sach', printed: '5.371.409.147 đồng', paragraph: '- Tổng chi ngân sách 5.371.409.147 đồng đạt 80%', error: true },
];

interface CheckMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
}

describe('report build --review on the shipped data', () => {
  let dir: string;
  let review: string;
  let normal: string;
  let comments: WordComment[];
  let anchors: Map<string, Anchor[]>;
  let checked: { filePath: string; messages: CheckMessage[] }[];

  beforeAll(async () => {
    dir = workspaceFrom(PROJECT);
    const built = await cli(['build', '2023', '--review'], dir);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toBe(
      `Đã tạo bản soát xét báo cáo năm 2023: ${path.join('out', 'bao-cao-2023-soat-xet.docx')}\n` +
        'Bản soát xét có 8 nhận xét của "report check", mỗi vấn đề một nhận xét ngay tại số liệu.\n',
    );
    review = path.join(dir, 'out', 'bao-cao-2023-soat-xet.docx');
    expect((await cli(['build', '2023'], dir)).code).toBe(0);
    normal = path.join(dir, 'out', 'bao-cao-2023.docx');
    comments = commentsOf(review);
    anchors = anchorsOf(review);
    checked = JSON.parse((await cli(['check', '2023', '--format', 'json'], dir)).stdout) as typeof checked;
  });

  it('has one comment per finding of report check (5 errors, 3 warnings), by "report check", dated with the report', () => {
    const messages = checked.flatMap((file) => file.messages);
    expect(messages.filter((m) => m.severity === 2)).toHaveLength(5);
    expect(messages.filter((m) => m.severity === 1)).toHaveLength(3);
    expect(comments).toHaveLength(messages.length);
    expect(comments.map((c) => c.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    for (const comment of comments) {
      expect(comment.author).toBe('report check');
      expect(comment.date).toBe('2023-12-05T00:00:00.000Z');
    }
    // Each finding's message, in check's order, is its comment's text, with its level and rule first.
    checked
      .flatMap((file) => file.messages.map((m) => ({ ...m, file: file.filePath })))
      .forEach((m, i) => {
        const [head, message, place] = comments[i]!.paragraphs;
        expect(head).toBe(`${m.severity === 2 ? 'Lỗi' : 'Cảnh báo'} · ${m.ruleId}`);
        expect(message).toBe(m.message);
        expect(place).toBe(`Số liệu ghi tại: ${m.file}:${m.line}:${m.column}`);
      });
  });

  it('anchors each comment on the figure\'s text in the paragraph that prints it, errors shaded', () => {
    expect([...anchors.keys()].sort()).toEqual(comments.map((c) => c.id).sort());
    for (const expected of SHIPPED) {
      const comment = comments.find((c) => c.paragraphs[0]!.endsWith(` · ${expected.rule}`) && c.paragraphs[1]!.includes(`[${expected.key}]`));
      expect(comment, `${expected.rule} ${expected.key}`).toBeDefined();
      const [anchor, ...more] = anchors.get(comment!.id)!;
      expect(more, 'one range per comment').toEqual([]);
      expect(anchor!.range).toBe(expected.printed);
      expect(anchor!.paragraph).toContain(expected.paragraph);
      expect(anchor!.shaded).toBe(expected.error);
      expect(anchor!.referenced).toBe(true);
    }
    // Nothing on the title: every finding of the shipped data is on a printed figure.
    expect([...anchors.values()].flat().some((a) => a.paragraph === 'BÁO CÁO')).toBe(false);
  });

  it('names the related figures with their values and places', () => {
    const total = comments.find((c) => c.paragraphs[0] === 'Lỗi · total-parts')!;
    expect(total.paragraphs.slice(3)).toEqual([
      'Liên quan:',
      '- "Chi đầu tư cơ bản" [chi_dau_tu_co_ban], giá trị: 234.795.000 đồng (data/2023/ngan-sach.yaml:43:14)',
      '- "Chi thường xuyên" [chi_thuong_xuyen], giá trị: 5.133.614.147 đồng (data/2023/ngan-sach.yaml:48:14)',
      'Giải thích quy tắc: report explain total-parts',
    ]);
    const restated = comments.find((c) => c.paragraphs[1]!.includes('[danh_gia_tang_nong_nghiep]'))!;
    expect(restated.paragraphs).toContain(
      '- "Giá trị sản xuất nông nghiệp (giá hiện hành)" [gia_tri_nong_nghiep], mức tăng/giảm so với cùng kỳ: 2,9% (data/2023/kinh-te.yaml:20:16)',
    );
  });

  it('is the same document: the normal build has no comments and the same text', async () => {
    const parts = Object.keys(unzipSync(fs.readFileSync(normal)));
    expect(parts.filter((p) => /comment/i.test(p))).toEqual([]);
    const normalXml = docxPart(normal, 'word/document.xml');
    expect(normalXml).not.toMatch(/comment|FFC7CE/);
    expect(docxPart(normal, '[Content_Types].xml')).not.toMatch(/comment/);
    expect(Object.keys(unzipSync(fs.readFileSync(review)))).toContain('word/comments.xml');
    expect(await docxText(review)).toBe(await docxText(normal));
    // Without the comments' marks and the shading, the review copy's paragraphs read as the normal build's.
    const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => textOf(p[0]));
    expect(paragraphs(docxPart(review, 'word/document.xml'))).toEqual(paragraphs(normalXml));
  });
});

describe('the review copy: same input, same bytes', () => {
  afterEach(() => vi.useRealTimers());

  it('gives byte-identical review copies whatever the clock and the time zone', async () => {
    const dir = workspaceFrom(PROJECT);
    const hashes: string[] = [];
    const previous = process.env.TZ;
    try {
      for (const [zone, now] of [['Asia/Ho_Chi_Minh', '2020-01-01T23:30:00Z'], ['America/Los_Angeles', '2031-07-15T03:04:05Z']] as const) {
        process.env.TZ = zone;
        vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
        const out = path.join(dir, `${zone.replace('/', '-')}.docx`);
        expect((await cli(['build', '2023', '--review', '--out', out], dir)).code).toBe(0);
        vi.useRealTimers();
        hashes.push(sha256(out));
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
    expect(hashes[1]).toBe(hashes[0]);
  });
});

describe('the review copy of findings the text does not print, accepted and informational ones', () => {
  let file: string;
  let comments: WordComment[];
  let anchors: Map<string, Anchor[]>;
  let stdout: string;

  beforeAll(async () => {
    const dir = workspaceFrom(PROJECT);
    const data = path.join(dir, 'data', '2023');
    // The issuing body abbreviated (a finding on the document's details) and a figure no text prints.
    editFile(path.join(data, 'van-ban.yaml'), (t) => t.replace('co_quan: ỦY BAN NHÂN DÂN THỊ TRẤN THANH HÀ', 'co_quan: UBND THỊ TRẤN THANH HÀ'));
    editFile(path.join(data, 'ngan-sach.yaml'), (t) => t.replace('  chi_dau_tu_co_ban:\n', '  chi_khac:\n    ten: Chi khác\n    gia_tri: 1000\n    don_vi: đồng\n  chi_dau_tu_co_ban:\n'));
    // One error accepted with its reason; percentage-points lowered to information.
    editFile(path.join(data, 'giao-duc.yaml'), (t) => t.replace('    gia_tri: 48.07\n', '    gia_tri: 48.07   # kiem-tra-chap-nhan: ratio -- số của Phòng Giáo dục, đã ban hành\n'));
    fs.writeFileSync(path.join(dir, 'data', 'kiem-tra.yaml'), 'quy_tac:\n  percentage-points: thong_tin\n');
    file = path.join(dir, 'soat-xet.docx');
    const built = await cli(['build', '2023', '--review', '--out', 'soat-xet.docx'], dir);
    expect(built.code, built.stderr).toBe(0);
    stdout = built.stdout;
    comments = commentsOf(file);
    anchors = anchorsOf(file);
  });

  it('puts the findings with no printed figure on the title BÁO CÁO, saying why', () => {
    expect(stdout).toContain('Bản soát xét có 10 nhận xét của "report check", mỗi vấn đề một nhận xét ngay tại số liệu; 2 nhận xét không gắn với số in trong thân báo cáo nằm ở tiêu đề BÁO CÁO.');
    expect(comments).toHaveLength(10);
    const onTitle = [...anchors].filter(([, list]) => list.some((a) => a.paragraph === 'BÁO CÁO'));
    expect(onTitle.map(([id]) => comments.find((c) => c.id === id)!.paragraphs[0]).sort()).toEqual(['Cảnh báo · issuing-body-in-full', 'Cảnh báo · unused-figure']);
    for (const [, [anchor]] of onTitle) expect(anchor).toMatchObject({ range: 'BÁO CÁO', shaded: false, referenced: true });
    const unused = comments.find((c) => c.paragraphs[0] === 'Cảnh báo · unused-figure')!;
    expect(unused.paragraphs.at(-1)).toBe('Nhận xét này ở tiêu đề: chỉ tiêu [chi_khac] không được in trong thân báo cáo.');
    const body = comments.find((c) => c.paragraphs[0] === 'Cảnh báo · issuing-body-in-full')!;
    expect(body.paragraphs.at(-1)).toBe('Nhận xét này ở tiêu đề: phát hiện không gắn với một số liệu in trong thân báo cáo.');
    expect(body.paragraphs[2]).toBe('Số liệu ghi tại: data/2023/van-ban.yaml:3:10');
  });

  it('marks an accepted finding with its reason and does not shade it; information is said as such', () => {
    const accepted = comments.find((c) => c.paragraphs[0] === 'Lỗi (đã chấp nhận) · ratio')!;
    expect(accepted.paragraphs[1]).toBe('Lý do chấp nhận: số của Phòng Giáo dục, đã ban hành');
    expect(anchors.get(accepted.id)).toEqual([expect.objectContaining({ range: '48,07%', shaded: false })]);
    const info = comments.filter((c) => c.paragraphs[0] === 'Thông tin · percentage-points');
    expect(info).toHaveLength(3);
    expect(info.map((c) => anchors.get(c.id)![0]!.range).sort()).toEqual(['5%', 'tăng 1%', 'tăng 7%']);
    // The four errors nobody accepted are still shaded.
    expect(comments.filter((c) => c.paragraphs[0]!.startsWith('Lỗi · ')).map((c) => anchors.get(c.id)![0]!.shaded)).toEqual([true, true, true, true]);
  });
});

describe('what --review refuses', () => {
  it('refuses Markdown, which has no comments, and --units, before reading any data (exit 2)', async () => {
    const dir = workspaceFrom(PROJECT);
    const md = await cli(['build', '2023', '--review', '--format', 'md'], dir);
    expect(md).toMatchObject({ code: 2, stderr: expect.stringContaining('Bản soát xét (--review) ghi các nhận xét (comment) của Word, mà tệp Markdown không có') });
    const out = await cli(['build', '2023', '--review', '--out', 'x.md'], dir);
    expect(out.code).toBe(2);
    const units = await cli(['build', '2023', '--review', '--units', '.'], dir);
    expect(units).toMatchObject({ code: 2, stderr: expect.stringContaining('--review không dùng cùng --units') });
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'x.md'))).toBe(false);
  });
});

/** A PDF's text notes: each one's text and the number of the page it is on. */
function pdfNotes(file: string): { page: number; text: string }[] {
  const pdf = fs.readFileSync(file).toString('latin1');
  const kids = /\/Type\s*\/Pages\b[^]*?\/Kids\s*\[([^\]]*)\]/.exec(pdf)![1]!;
  const pages = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => m[1]!);
  const pageOf = new Map<string, number>();
  for (const [n, page] of pages.entries()) {
    const object = new RegExp(`\\n${page} 0 obj\\s*<<(.*?)>>\\s*endobj`, 's').exec(pdf)![1]!;
    for (const [, annot] of (/\/Annots\s*\[([^\]]*)\]/.exec(object)?.[1] ?? '').matchAll(/(\d+) 0 R/g)) pageOf.set(annot!, n + 1);
  }
  return [...pdf.matchAll(/\n(\d+) 0 obj\s*<<\/Type \/Annot \/Subtype \/Text .*?\/Contents <FEFF([0-9A-F]*)>/gs)].map((m) => ({
    page: pageOf.get(m[1]!)!,
    text: Buffer.from(m[2]!, 'hex').swap16().toString('utf16le'),
  }));
}

describe.skipIf(!installed('soffice') || !installed('pdftotext'))('the review copy in LibreOffice', () => {
  it('--format pdf keeps each comment as a PDF note on the page that prints its figure', async () => {
    const dir = workspaceFrom(PROJECT);
    const built = await cli(['build', '2023', '--review', '--format', 'pdf'], dir);
    expect(built.code, built.stderr).toBe(0);
    const pdf = path.join(dir, 'out', 'bao-cao-2023-soat-xet.pdf');
    const notes = pdfNotes(pdf);
    expect(notes).toHaveLength(8);
    const pageText = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\s+/g, ' ');
    for (const expected of SHIPPED) {
      const note = notes.find((n) => n.text.startsWith(`${expected.error ? 'Lỗi' : 'Cảnh báo'} · ${expected.rule}\n`) && n.text.includes(`[${expected.key}]`));
      expect(note, `${expected.rule} ${expected.key}`).toBeDefined();
      expect(note!.text).toContain('Số liệu ghi tại: data/2023/');
      expect(pageText(note!.page)).toContain(expected.printed);
    }
  }, 180_000);
});

describe('where a comment goes in the text', () => {
  it('on the reference a finding is at (a division by zero), and on the first of two that print its figure', async () => {
    const dir = workspaceFrom(path.join(PROJECT, 'test', 'fixtures', 'minimal'));
    editFile(path.join(dir, 'data', '2023', 'kinh-te.yaml'), (t) =>
      t
        .replace('    gia_tri: 100\n    don_vi: tỷ đồng\n', '    gia_tri: 100\n    don_vi: tỷ đồng\n    cung_ky: 0\n')
        .replace('    gia_tri: 50\n', '    gia_tri: 60\n')
        .replace(
          '  - Tổng thu nhập xã hội đạt {{tong_thu_nhap}}, bình quân {{thu_nhap_binh_quan}}.',
          '  - Tổng thu nhập xã hội đạt {{tong_thu_nhap}}, {{tang_giam tong_thu_nhap}}, bình quân {{thu_nhap_binh_quan}}.\n  - Thu nhập bình quân {{thu_nhap_binh_quan}} một người.',
        ),
    );
    expect((await cli(['build', '2023', '--review', '--out', 'r.docx'], dir)).code).toBe(0);
    const file = path.join(dir, 'r.docx');
    const comments = commentsOf(file);
    const anchors = anchorsOf(file);
    expect(comments.map((c) => c.paragraphs[0])).toEqual(['Lỗi · ratio', 'Cảnh báo · division-by-zero']);
    expect(anchors.get('0')).toEqual([
      { paragraph: 'Tổng thu nhập xã hội đạt 100 tỷ đồng, không tính được (cùng kỳ bằng 0), bình quân 60 triệu đồng/người/năm.', range: '60 triệu đồng/người/năm', shaded: true, referenced: true },
    ]);
    expect(anchors.get('1')).toEqual([
      { paragraph: 'Tổng thu nhập xã hội đạt 100 tỷ đồng, không tính được (cùng kỳ bằng 0), bình quân 60 triệu đồng/người/năm.', range: 'không tính được (cùng kỳ bằng 0)', shaded: false, referenced: true },
    ]);
    // The second paragraph prints the figure too, unmarked.
    expect(docxPart(file, 'word/document.xml')).toMatch(/<w:t xml:space="preserve">Thu nhập bình quân 60 triệu đồng\/người\/năm một người\.<\/w:t>/);
    // A related figure in another file is named with its value.
    expect(comments[0]!.paragraphs).toContain('- "Số khẩu" [so_khau], giá trị: 2.000 người (data/2023/y-te-dan-so.yaml:4:37)');
  });
});
