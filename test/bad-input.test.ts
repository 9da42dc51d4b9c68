import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editFile, FIXTURES, workspaceFrom } from './helpers.js';

const MINIMAL = path.join(FIXTURES, 'minimal');
const DATA = path.join('data', '2023');
const TEMPLATES = 'templates';

interface BadInput {
  name: string;
  /** Breaks a fresh copy of the minimal project in folder `dir`. */
  breakIt: (dir: string) => void;
  args?: string[];
  code: 1 | 2;
  /** file:line:col the first message names, relative to the project folder; undefined when there is no place. */
  place?: string;
  message: string;
  withTemplates?: boolean;
}

const edit = (file: string, from: string | RegExp, to: string) => (dir: string) =>
  editFile(path.join(dir, file), (text) => text.replace(from, to));

const CASES: BadInput[] = [
  {
    name: 'broken YAML syntax (an unclosed quote)',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), 'tieu_de: "Lĩnh vực kinh tế:"', 'tieu_de: "Lĩnh vực kinh tế:'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:1:10`,
    message: 'Lỗi cú pháp YAML: Thiếu ký tự đóng',
  },
  {
    name: 'a tab used for indentation',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '    ten: Tổng thu nhập xã hội', '\tten: Tổng thu nhập xã hội'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:4:1`,
    message: 'Lỗi cú pháp YAML',
  },
  {
    name: 'a key written twice',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '    don_vi: tỷ đồng', '    don_vi: tỷ đồng\n    don_vi: tỷ'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:7:5`,
    message: 'Khóa bị lặp lại',
  },
  {
    name: 'a wrong type (text where a number belongs)',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), 'gia_tri: 100', 'gia_tri: một trăm'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'Khóa "chi_tieu › tong_thu_nhap › gia_tri" phải là một số',
  },
  {
    name: 'a paragraph that is neither text nor a tieu_muc',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - { tieu_muc: 3 }'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:17`,
    message: 'Khóa "noi_dung › mục thứ 1 › tieu_muc" phải là một đoạn chữ',
  },
  {
    name: 'a figure with neither a value nor a formula',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '    gia_tri: 100\n', ''),
    code: 1,
    place: `${DATA}/kinh-te.yaml:4:5`,
    message: 'Khóa "chi_tieu › tong_thu_nhap" không đúng dạng. Chỉ tiêu cần có gia_tri, hoặc được tính từ tong, tich hoặc chia.',
  },
  {
    name: 'a restatement that also sums',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), 'noi_dung:', 'chi_tieu:\n  a: { ten: A, gia_tri: 1, don_vi: hộ }\n  b: { nhac_lai: a, tong: [a, a] }\nnoi_dung:'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:4:21`,
    message: 'Khóa "chi_tieu › b › tong" không dùng cùng nhac_lai',
  },
  {
    name: 'opening paragraphs in the directions file',
    breakIt: edit(path.join(DATA, 'phuong-huong.yaml'), 'muc:', 'boi_canh:\n  - Năm bản lề.\nmuc:'),
    code: 1,
    place: `${DATA}/phuong-huong.yaml:2:1`,
    message: 'Khóa "boi_canh" chỉ dùng trong danh-gia.yaml',
  },
  {
    name: 'a misspelt key',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '    don_vi: tỷ đồng', '    don_vi: tỷ đồng\n    ke_hoahc: 90'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:7:5`,
    message: 'Khóa "chi_tieu › tong_thu_nhap › ke_hoahc" không có trong mẫu dữ liệu',
  },
  {
    name: 'a missing required figure',
    breakIt: edit(path.join(DATA, 'ngan-sach.yaml'), /  tong_chi_ngan_sach: .*\n/, ''),
    code: 1,
    place: `${DATA}/ngan-sach.yaml:2:1`,
    message: 'Thiếu khóa "tong_chi_ngan_sach" trong "chi_tieu"',
  },
  {
    name: 'a figure without a unit',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '    don_vi: tỷ đồng\n', ''),
    code: 1,
    place: `${DATA}/kinh-te.yaml:3:3`,
    message: 'Thiếu khóa "don_vi" trong "chi_tieu › tong_thu_nhap"',
  },
  {
    name: 'a text referring to no figure',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '{{tong_thu_nhap}}', '{{tong_thu_nhapp}}'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:13:30`,
    message: 'Không có chỉ tiêu "tong_thu_nhapp". Có phải là "tong_thu_nhap"?',
  },
  {
    name: 'a total of a figure that does not exist',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), 'chia: [tong_thu_nhap, so_khau]', 'chia: [tong_thu_nhap, so_nguoi]'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:11:27`,
    message: 'Không có chỉ tiêu nào mã "so_nguoi"',
  },
  {
    name: 'a figure key that is a word of the reference language',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '  thu_nhap_binh_quan:', '  nam: { ten: Năm, gia_tri: 1, don_vi: năm }\n  thu_nhap_binh_quan:'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:7:3`,
    message: 'Mã chỉ tiêu "nam" trùng với một từ dùng trong câu văn',
  },
  {
    name: 'a figure entered in two files',
    breakIt: edit(path.join(DATA, 'y-te-dan-so.yaml'), 'chi_tieu:\n', 'chi_tieu:\n  tong_thu_nhap: { ten: X, gia_tri: 1, don_vi: hộ }\n'),
    code: 1,
    place: `${DATA}/y-te-dan-so.yaml:3:3`,
    message: 'Mã chỉ tiêu "tong_thu_nhap" đã dùng ở nơi khác',
  },
  {
    name: 'a file saved in another encoding than UTF-8',
    breakIt: (dir) => fs.writeFileSync(path.join(dir, DATA, 'van-hoa.yaml'), Buffer.from([0x74, 0x69, 0xea, 0x75, 0x3a, 0x20, 0xff, 0xfe, 0x0a])),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1:1`,
    message: 'Tệp không phải văn bản UTF-8',
  },
  {
    name: 'a folder where a data file belongs',
    breakIt: (dir) => {
      fs.rmSync(path.join(dir, DATA, 'van-hoa.yaml'));
      fs.mkdirSync(path.join(dir, DATA, 'van-hoa.yaml'));
    },
    code: 2,
    message: 'là một thư mục, không phải tệp dữ liệu',
  },
  {
    name: 'a missing data file',
    breakIt: (dir) => fs.rmSync(path.join(dir, DATA, 'tu-phap.yaml')),
    code: 1,
    place: `${DATA}/tu-phap.yaml:1:1`,
    message: 'Thiếu tệp tu-phap.yaml',
  },
  {
    name: 'a missing year folder',
    breakIt: () => undefined,
    args: ['build', '2031'],
    code: 2,
    message: 'Không tìm thấy thư mục dữ liệu năm 2031: data/2031',
  },
  {
    name: 'a year that is not a year',
    breakIt: () => undefined,
    args: ['build', '23'],
    code: 2,
    message: 'Năm "23" không hợp lệ',
  },
  {
    name: 'a template referring to no data',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'bao-cao.md.hbs'), '## II. {{danh_gia.tieu_de}}', '## II. {{danh_gia.tieu_đe}}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:17:10`,
    message: 'Mẫu dùng tên "tieu_đe" nhưng dữ liệu không có tên này',
  },
  {
    name: 'a template looping over no data',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'noi-dung.md.hbs'), '{{#each noi_dung}}', '{{#each noidung}}'),
    code: 1,
    place: `${TEMPLATES}/noi-dung.md.hbs:2:1`,
    message: '{{#each}} nhận một tên không có trong dữ liệu',
  },
  {
    name: 'a template calling a partial that does not exist',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'bao-cao.md.hbs'), '# Phần thứ hai', '# Phần {{> thu-tu}}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:23:8`,
    message: 'Mẫu gọi mẫu con "thu-tu" nhưng không có tệp thu-tu.md.hbs',
  },
  {
    name: 'a template with a syntax error',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'bao-cao.md.hbs'), '{{#each boi_canh}}', '{{#each boi_canh}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:8`,
    message: 'Mẫu viết sai cú pháp Handlebars',
  },
  {
    name: 'an output file in a folder that does not exist',
    breakIt: () => undefined,
    args: ['build', '2023', '--out', path.join('khong-co', 'bao-cao.docx')],
    code: 2,
    message: `Thư mục khong-co không tồn tại`,
  },
  {
    name: 'an output path that is a folder',
    breakIt: (dir) => fs.mkdirSync(path.join(dir, 'ket-qua')),
    args: ['build', '2023', '--out', 'ket-qua'],
    code: 2,
    message: 'ket-qua là một thư mục',
  },
  {
    name: 'an unknown option',
    breakIt: () => undefined,
    args: ['build', '2023', '--nhanh'],
    code: 2,
    message: 'Không có tùy chọn --nhanh',
  },
];

const byName = (name: string) => CASES.find((c) => c.name === name)!;

describe('bad input ends in a Vietnamese message with its place and exit code, never a stack trace', () => {
  it.each(CASES)('$name', async ({ breakIt, args, code, place, message, withTemplates }) => {
    const dir = workspaceFrom(MINIMAL, withTemplates);
    breakIt(dir);
    const result = await cli(args ?? ['build', '2023', '--out', 'bao-cao.docx'], dir);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    if (place) expect(result.stderr.split('\n')[0]!.replaceAll('\\', '/')).toMatch(new RegExp(`^${place.replaceAll('\\', '/')}[:\\s]`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(path.join(dir, 'bao-cao.docx'))).toBe(false);
  });

  it('reports every problem at once', async () => {
    const dir = workspaceFrom(MINIMAL);
    byName('a wrong type (text where a number belongs)').breakIt(dir);
    byName('a missing required figure').breakIt(dir);
    const result = await cli(['build', '2023'], dir);
    expect(result.stderr).toContain('Khóa "chi_tieu › tong_thu_nhap › gia_tri" phải là một số');
    expect(result.stderr).toContain('Thiếu khóa "tong_chi_ngan_sach"');
    expect(result.stderr).toContain('2 lỗi: chưa tạo được báo cáo');
  });

  it('leaves an earlier document as it was when a build fails', async () => {
    const dir = workspaceFrom(MINIMAL);
    expect((await cli(['build', '2023', '--out', 'bao-cao.docx'], dir)).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'bao-cao.docx'));
    byName('a wrong type (text where a number belongs)').breakIt(dir);
    expect((await cli(['build', '2023', '--out', 'bao-cao.docx'], dir)).code).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'bao-cao.docx')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
