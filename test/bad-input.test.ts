import { execFileSync } from 'node:child_process';
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
  /** How many errors the run reports, when one mistake must give exactly that many messages. */
  messages?: number;
  withTemplates?: boolean;
  env?: Record<string, string>;
  /** False where the case cannot be made on this machine; its name says why. */
  onlyIf?: boolean;
  /** What must still hold after the run: a device or link named by --out left as it was. */
  after?: (dir: string) => void;
}

const edit = (file: string, from: string | RegExp, to: string) => (dir: string) =>
  editFile(path.join(dir, file), (text) => text.replace(from, to));
const write = (file: string, content: string | Uint8Array) => (dir: string) => fs.writeFileSync(path.join(dir, file), content);
const KINH_TE = path.join(DATA, 'kinh-te.yaml');
const aValue = (value: string) => edit(KINH_TE, 'gia_tri: 100', `gia_tri: ${value}`);
const aSpending = (value: string) => edit(path.join(DATA, 'ngan-sach.yaml'), 'gia_tri: 900,', `gia_tri: ${value},`);
const NFD = (text: string) => text.normalize('NFD');
const VAN_HOA = path.join(DATA, 'van-hoa.yaml');
/** van-hoa.yaml with these figures and one paragraph. */
const withFigures = (figures: string, text: string) => write(VAN_HOA, `tieu_de: "Văn hóa"\nchi_tieu:\n${figures}noi_dung:\n  - "${text}"\n`);
const UNIT_TABLE = path.join('data', 'don-vi.yaml');
const aHousehold = (value: string) => edit(path.join(DATA, 'y-te-dan-so.yaml'), 'gia_tri: 500', `gia_tri: ${value}`);
const isRoot = process.getuid?.() === 0;
const isUnix = process.platform !== 'win32';
const VAN_BAN = path.join(DATA, 'van-ban.yaml');
const BAO_CAO = path.join(TEMPLATES, 'bao-cao.md.hbs');
const mkfifo = (file: string) => execFileSync('mkfifo', [file]);
/** A Unix socket file, left behind by a server that exits without closing it. */
const unixSocket = (file: string) =>
  execFileSync(process.execPath, ['-e', "require('node:net').createServer().listen(process.argv[1], () => process.exit(0))", file]);
const aFolderFor = (file: string) => (dir: string) => {
  fs.rmSync(path.join(dir, file));
  fs.mkdirSync(path.join(dir, file));
};

const CASES: BadInput[] = [
  {
    name: 'broken YAML syntax (an unclosed quote)',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), 'tieu_de: "Lĩnh vực kinh tế:"', 'tieu_de: "Lĩnh vực kinh tế:'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:1:10`,
    message: 'Lỗi cú pháp YAML: Thiếu ký tự đóng',
  },
  {
    name: 'a tab used for indentation: one message, at the Tab, not one for every line after it',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '    ten: Tổng thu nhập xã hội', '\tten: Tổng thu nhập xã hội'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:4:1`,
    message: 'Lỗi cú pháp YAML: dòng này thụt lề bằng phím Tab. YAML chỉ nhận dấu cách',
    messages: 1,
  },
  {
    name: 'a key indented deeper than the key above it: one message, at the line that is wrong',
    breakIt: edit(KINH_TE, '    don_vi: tỷ đồng', '     don_vi: tỷ đồng'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:6:6`,
    message: 'thụt lề không đúng: dòng này thụt vào sâu hơn dòng 5 ở trên, nên YAML nối nó vào giá trị của dòng đó. Các khóa cùng cấp phải thẳng hàng: bắt đầu dòng này ở cột 5 (4 dấu cách)',
    messages: 1,
  },
  {
    name: 'a list item indented deeper than the one above, which YAML would silently join to it',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - Không có gì mới.\n    - Đã tổ chức lễ hội.'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:4:5`,
    message: 'nên YAML nối nó vào chữ ở dòng 3 thành một đoạn. Nếu đây là một mục mới của danh sách, cho dấu "-" thẳng hàng với các dấu "-" cùng cấp (cột 3, như dấu "-" ở dòng 3)',
    messages: 1,
  },
  // A paragraph with ": " or a special first character left unquoted: YAML reads a key, a map,
  // an alias or a list where the clerk wrote words. One message, with the line as it should be.
  {
    name: 'a paragraph with ": " left unquoted, which YAML reads as a key and its value',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - Thương mại, dịch vụ: doanh thu tăng'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:5`,
    message:
      'Đoạn chữ có dấu hai chấm và dấu cách (": "), nên YAML hiểu phần trước dấu hai chấm là một khóa. Đặt cả đoạn trong dấu ngoặc kép: viết lại dòng 3 thành  - "Thương mại, dịch vụ: doanh thu tăng"',
    messages: 1,
  },
  {
    name: 'a paragraph with two ": ", which YAML cannot read at all',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - Thương mại: doanh thu: tăng'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:5`,
    message: 'Đặt cả đoạn trong dấu ngoặc kép: viết lại dòng 3 thành  - "Thương mại: doanh thu: tăng"',
    messages: 1,
  },
  {
    name: 'a title with ": " left unquoted',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), 'tieu_de: "Lĩnh vực van-hoa"', 'tieu_de: Văn hóa: thông tin, thể thao'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1:10`,
    message: 'viết lại dòng 1 thành  tieu_de: "Văn hóa: thông tin, thể thao"',
    messages: 1,
  },
  {
    name: '"Lưu: VT." unquoted in a list that takes only texts',
    breakIt: edit(path.join(DATA, 'van-ban.yaml'), '  - "Lưu: VT."', '  - Lưu: VT.'),
    code: 1,
    place: `${DATA}/van-ban.yaml:18:5`,
    message: 'viết lại dòng 18 thành  - "Lưu: VT."',
    messages: 1,
  },
  {
    name: 'a paragraph with ": " that goes on to a second line',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - Thương mại, dịch vụ: doanh thu\n    tăng khá'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:5`,
    message: 'Đặt cả đoạn trong dấu ngoặc kép: thêm " trước chữ "Thương" ở dòng 3 và sau chữ "khá" ở dòng 4.',
    messages: 1,
  },
  {
    name: 'a paragraph starting with a reference, {{...}}, then more words',
    breakIt: edit(path.join(DATA, 'ngan-sach.yaml'), '  - Tổng thu {{tong_thu_ngan_sach}}', '  - {{tong_thu_ngan_sach}} là tổng thu'),
    code: 1,
    place: `${DATA}/ngan-sach.yaml:6:5`,
    message: 'Đoạn chữ bắt đầu bằng {, ký tự mà YAML hiểu theo nghĩa riêng. Đặt cả đoạn trong dấu ngoặc kép: viết lại dòng 6 thành  - "{{tong_thu_ngan_sach}} là tổng thu',
    messages: 1,
  },
  {
    name: 'a paragraph that is only a reference, {{...}}: a map to YAML',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - {{nam}}'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:5`,
    message: 'viết lại dòng 3 thành  - "{{nam}}"',
    messages: 1,
  },
  {
    name: 'a paragraph starting with a word in double quotes: single quotes around it',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - "Ngày hội" được tổ chức tốt'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:5`,
    message: `Đặt cả đoạn trong dấu nháy đơn (vì đoạn chữ đã có dấu ngoặc kép): viết lại dòng 3 thành  - '"Ngày hội" được tổ chức tốt'`,
    messages: 1,
  },
  {
    name: 'a paragraph starting with "- ": a list to YAML',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - - Trồng trọt: đạt'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:5`,
    message: 'Đoạn chữ bắt đầu bằng -, ký tự mà YAML hiểu theo nghĩa riêng. Đặt cả đoạn trong dấu ngoặc kép: viết lại dòng 3 thành  - "- Trồng trọt: đạt"',
    messages: 1,
  },
  {
    name: 'a paragraph starting with "* "',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - * Công tác văn hóa'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:5`,
    message: 'Đoạn chữ bắt đầu bằng *, ký tự mà YAML hiểu theo nghĩa riêng. Đặt cả đoạn trong dấu ngoặc kép: viết lại dòng 3 thành  - "* Công tác văn hóa"',
    messages: 1,
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
    name: 'opening paragraphs that no heading of the outline prints',
    breakIt: edit(path.join(DATA, 'phuong-huong.yaml'), 'muc:', 'boi_canh:\n  - Năm bản lề.\nmuc:'),
    code: 1,
    place: `${DATA}/phuong-huong.yaml:2:1`,
    message: 'Các đoạn mở đầu (boi_canh) của phuong-huong.yaml không được in ở đâu',
  },
  {
    name: 'a section file that is not in the outline',
    breakIt: write(path.join(DATA, 'ban-sao-kinh-te.yaml'), 'tieu_de: Bản sao\n'),
    code: 1,
    place: `${DATA}/ban-sao-kinh-te.yaml:1:1`,
    message: 'Tệp ban-sao-kinh-te.yaml không thuộc các tệp của bố cục mặc định, nên báo cáo không có chỗ in nó',
  },
  {
    name: 'a misspelt key: the key it should be',
    breakIt: edit(path.join(DATA, 'kinh-te.yaml'), '    don_vi: tỷ đồng', '    don_vi: tỷ đồng\n    ke_hoahc: 90'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:7:5`,
    message: 'Khóa "chi_tieu › tong_thu_nhap › ke_hoahc" không có trong mẫu dữ liệu. Có phải là "ke_hoach"? Sửa thành ke_hoach.',
    messages: 1,
  },
  {
    name: 'a misspelt key that is required (gia_tr): one message, not also "gia_tri is missing"',
    breakIt: edit(KINH_TE, 'gia_tri: 100', 'gia_tr: 100'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:5`,
    message: 'Khóa "chi_tieu › tong_thu_nhap › gia_tr" không có trong mẫu dữ liệu. Có phải là "gia_tri"? Sửa thành gia_tri.',
    messages: 1,
  },
  {
    name: 'a misspelt unit key (don_v): one message, not also "don_vi is missing"',
    breakIt: edit(KINH_TE, '    don_vi: tỷ đồng', '    don_v: tỷ đồng'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:6:5`,
    message: 'Có phải là "don_vi"? Sửa thành don_vi.',
    messages: 1,
  },
  {
    name: 'a misspelt key at the top of a file, typed with an accent (tieu_đe)',
    breakIt: edit(KINH_TE, 'tieu_de:', 'tieu_đe:'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:1:1`,
    message: 'Khóa "tieu_đe" không có trong mẫu dữ liệu. Có phải là "tieu_de"? Sửa thành tieu_de.',
    messages: 1,
  },
  {
    name: 'a required figure key typed as words (Số khẩu): one message, with the key to write',
    breakIt: edit(path.join(DATA, 'y-te-dan-so.yaml'), '  so_khau:', '  Số khẩu:'),
    code: 1,
    place: `${DATA}/y-te-dan-so.yaml:4:3`,
    message: 'Mã "Số khẩu" trong "chi_tieu" không hợp lệ: mã chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ tong_thu_ngan_sach). Viết so_khau.',
    messages: 1,
  },
  {
    name: 'a misspelt rule level (canhbao)',
    breakIt: write(path.join('data', 'kiem-tra.yaml'), 'quy_tac:\n  ratio: canhbao\n'),
    code: 1,
    place: 'data/kiem-tra.yaml:2:10',
    message: 'phải là một trong: loi, canh_bao, thong_tin, tat. Có phải là "canh_bao"?',
    messages: 1,
  },
  {
    name: 'a change typed with its % sign (2,9%)',
    breakIt: edit(KINH_TE, '    don_vi: tỷ đồng', '    don_vi: tỷ đồng\n    tang_giam: 2,9%'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:7:16`,
    message: 'Khóa "chi_tieu › tong_thu_nhap › tang_giam" phải là một số (ví dụ 663.8 hoặc 663,8; 6790880637 hoặc 6.790.880.637). Bỏ dấu %: viết 2,9 (tang_giam luôn tính bằng %).',
    messages: 1,
  },
  {
    name: 'a value typed with its % sign (12 %)',
    breakIt: aValue('12 %'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'Bỏ dấu %: viết 12 (đơn vị % ghi ở don_vi).',
    messages: 1,
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
    message: 'Kỳ báo cáo "23" không hợp lệ',
  },
  {
    name: 'a template referring to no data',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'muc.md.hbs'), '{{cap}} {{so}}{{tieu_de}}', '{{cap}} {{so}}{{tieu_đe}}'),
    code: 1,
    place: `${TEMPLATES}/muc.md.hbs:6:17`,
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
    breakIt: edit(path.join(TEMPLATES, 'bao-cao.md.hbs'), '{{loi_ket}}', 'Kết: {{> thu-tu}}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:10:6`,
    message: 'Mẫu gọi mẫu con "thu-tu" nhưng không có tệp thu-tu.md.hbs',
  },
  {
    name: 'a template with a syntax error',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'bao-cao.md.hbs'), '{{#each muc}}', '{{#each muc}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:7`,
    message: 'Mẫu viết sai cú pháp Handlebars',
  },
  {
    name: 'a template writing a list, which a Decree 30 report has not',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'noi-dung.md.hbs'), '{{doan}}', '- {{doan}}'),
    code: 1,
    place: `${TEMPLATES}/noi-dung.md.hbs:6:1`,
    message: 'Mẫu viết một danh sách (dòng mở đầu bằng "- ", "* ", "+ " hay "1. "): văn bản hành chính không dùng phần tử này',
    messages: 1,
  },
  {
    name: 'a template writing a list after a block tag on the same line: the place of its dash',
    withTemplates: true,
    breakIt: edit(BAO_CAO, '{{loi_ket}}', '{{#if loi_ket}}- {{loi_ket}}{{/if}}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:10:16`,
    message: 'Mẫu viết một danh sách',
    messages: 1,
  },
  {
    name: 'a template writing a link after a paragraph\'s text',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'noi-dung.md.hbs'), '{{doan}}', '{{doan}} [xem thêm](https://example.org)'),
    code: 1,
    place: `${TEMPLATES}/noi-dung.md.hbs:6:10`,
    message: 'Mẫu viết một liên kết [...](...)',
  },
  {
    name: 'a template writing a code span (the program\'s own mark of a place to fill)',
    withTemplates: true,
    breakIt: edit(BAO_CAO, '{{loi_ket}}', '`CẦN ĐIỀN` {{loi_ket}}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:10:1`,
    message: 'Mẫu viết chữ trong dấu `',
  },
  {
    name: 'a template writing a footnote of its own',
    withTemplates: true,
    breakIt: edit(BAO_CAO, '{{loi_ket}}', '{{loi_ket}}[^a]\n\n[^a]: Ghi chú của mẫu.'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:10:12`,
    message: 'Mẫu viết một chú thích [^...]',
  },
  {
    name: 'a template underlining a heading with ===, which the line marks would undo',
    withTemplates: true,
    breakIt: edit(BAO_CAO, '{{loi_ket}}', 'KẾT LUẬN\n===\n\n{{loi_ket}}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:10:1`,
    message: 'Mẫu viết một tiêu đề gạch dưới bằng === hay ---',
  },
  {
    name: 'a template whose line becomes a list only with the data: a heading number at the start of a line',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'muc.md.hbs'), '{{cap}} {{so}}{{tieu_de}}', '{{so}}{{tieu_de}}'),
    code: 1,
    place: `${TEMPLATES}/muc.md.hbs:6:1`,
    message: 'Mẫu cùng dữ liệu in ra một danh sách',
    messages: 1,
  },
  {
    name: 'a template holding a private-use character, which the program keeps for the data\'s holes',
    withTemplates: true,
    breakIt: edit(BAO_CAO, '{{loi_ket}}', 'Kết:\uE001 {{loi_ket}}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:10:5`,
    message: 'Mẫu có ký tự U+E001',
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
    breakIt: (dir) => fs.mkdirSync(path.join(dir, 'ket-qua.docx')),
    args: ['build', '2023', '--out', 'ket-qua.docx'],
    code: 2,
    message: 'ket-qua.docx là một thư mục',
  },
  {
    name: 'an unknown option',
    breakIt: () => undefined,
    args: ['build', '2023', '--nhanh'],
    code: 2,
    message: 'Không có tùy chọn --nhanh',
  },
  {
    name: 'an empty data file',
    breakIt: write(path.join(DATA, 'van-hoa.yaml'), ''),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1:1`,
    message: 'Tệp trống',
  },
  {
    name: 'a data file whose every line is commented out',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), /^/gm, '# '),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1:1`,
    message: 'Tệp trống (không có khóa nào, hoặc chỉ có chú thích)',
  },
  {
    name: 'a list where the file needs keys',
    breakIt: write(path.join(DATA, 'van-hoa.yaml'), '- Không có gì mới.\n'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1:1`,
    message: 'Tệp phải là một khối các khóa',
  },
  {
    name: 'two YAML documents in one file',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), /$/, '---\ntieu_de: Khác\n'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:4:1`,
    message: 'Tệp chứa nhiều tài liệu YAML',
  },
  {
    name: 'a byte-order mark, then a wrong type: the BOM takes no column',
    breakIt: (dir) => {
      aValue('một trăm')(dir);
      editFile(path.join(dir, KINH_TE), (text) => `\uFEFF${text}`);
    },
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'phải là một số',
  },
  {
    name: 'CRLF line ends (Notepad), then a wrong type: lines and columns still right',
    breakIt: (dir) => {
      aValue('một trăm')(dir);
      editFile(path.join(dir, KINH_TE), (text) => text.replaceAll('\n', '\r\n'));
    },
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'Khóa "chi_tieu › tong_thu_nhap › gia_tri" phải là một số (ví dụ 663.8 hoặc 663,8',
  },
  {
    name: 'a lone dot group, 1.157: a thousand or a decimal?',
    breakIt: aValue('1.157'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'Số "1.157" (đơn vị tỷ đồng) không rõ nghĩa: dấu chấm có thể ngăn cách hàng nghìn hoặc là dấu thập phân. Nếu là số nguyên, viết 1157',
  },
  {
    name: 'the same, quoted as pasted from Excel: "12.500"',
    breakIt: aValue('"12.500"'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'nếu là số thập phân, viết 12,500',
  },
  {
    name: 'English thousands separators, 1,157,000',
    breakIt: aValue('1,157,000'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'Không đọc được số "1,157,000". Viết số nguyên như 6790880637 hoặc 6.790.880.637',
  },
  {
    name: 'thousands grouped by spaces, as Excel copies them',
    breakIt: aValue('6 790 880 637'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'phải là một số (ví dụ 663.8 hoặc 663,8; 6790880637 hoặc 6.790.880.637). Bỏ dấu cách giữa các chữ số: viết 6790880637.',
  },
  {
    name: 'a number with another unit typed into it (100 ha, for a figure in tỷ đồng)',
    breakIt: aValue('100 ha'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'Số "100 ha" ghi kèm "ha", không cùng đại lượng với đơn vị của chỉ tiêu (tỷ đồng). Ghi số theo tỷ đồng.',
  },
  {
    name: 'an amount whose scale words are out of order (434 triệu 16 tỷ)',
    breakIt: aValue('434 triệu 16 tỷ'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'Số "434 triệu 16 tỷ" không đúng cách viết: sau chữ nghìn, triệu, tỷ là một số từ 0 đến 999 với chữ nhỏ hơn',
  },
  {
    name: 'thousands written the English way in a count (4,423 hộ)',
    breakIt: aHousehold('"4,423"'),
    code: 1,
    place: `${DATA}/y-te-dan-so.yaml:3:33`,
    message: 'Số "4,423" có dấu phẩy, nhưng "hộ" là đơn vị đếm: số đếm không có phần thập phân. Nếu là 4.423 hộ, viết 4.423 (hoặc 4423).',
  },
  {
    name: 'households added to people: an error at the part, not "7 hộ"',
    breakIt: withFigures('  a: { ten: A, gia_tri: 3, don_vi: hộ }\n  b: { ten: B, gia_tri: 4, don_vi: người }\n  t: { ten: T, don_vi: hộ, tong: [a, b] }\n', 'Có {{t}}, {{a}}, {{b}}.'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:5:38`,
    message: '"b" tính bằng người, còn "t" bằng hộ: hai đại lượng khác nhau, không cộng được. Sửa don_vi của một trong hai, hoặc bỏ "b" khỏi tong của "t".',
  },
  {
    name: 'a part "trong đó" of another dimension than its whole',
    breakIt: withFigures('  b: { ten: B, gia_tri: 4, don_vi: người }\n  t: { ten: T, gia_tri: 9, don_vi: hộ, trong_do: [b] }\n', 'Có {{t}}, {{b}}.'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:4:51`,
    message: 'hoặc bỏ "b" khỏi trong_do của "t"',
  },
  {
    name: 'a bound word before a signed change (tang_giam: trên 5)',
    breakIt: withFigures('  a: { ten: A, gia_tri: 20, tang_giam: trên 5, don_vi: tỷ đồng }\n', 'Có {{a}}.'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:40`,
    message: 'tang_giam là một mức tăng/giảm có dấu, nên không ghi "trên" trước số',
  },
  {
    name: 'a bound word before how far over the plan (vuot_ke_hoach: hơn 2)',
    breakIt: withFigures('  a: { ten: A, gia_tri: 20, vuot_ke_hoach: hơn 2, don_vi: tỷ đồng }\n', 'Có {{a}}.'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:44`,
    message: 'vuot_ke_hoach là một mức tăng/giảm có dấu, nên không ghi "hơn" trước số',
  },
  {
    name: 'a total of bounds that pull different ways (trên 20 + dưới 5), with no value of its own',
    breakIt: withFigures('  a: { ten: A, gia_tri: trên 20, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: dưới 5, don_vi: tỷ đồng }\n  t: { ten: T, don_vi: tỷ đồng, tong: [a, b] }\n', 'Có {{t}}.'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:5:3`,
    message: 'Giá trị của "t" được tính từ "a" (trên 20 tỷ đồng), "b" (dưới 5 tỷ đồng): các giới hạn này kéo về hai phía, nên không nói được là "trên" hay "dưới" bao nhiêu. Ghi gia_tri cho "t".',
  },
  {
    name: 'a unit of the project’s table with a scale of 0',
    breakIt: write(UNIT_TABLE, 'don_vi:\n  thùng: { dai_luong: thùng, he_so: 0 }\n'),
    code: 1,
    place: 'data/don-vi.yaml:2:37',
    message: 'Hệ số của "thùng" phải lớn hơn 0.',
  },
  {
    name: 'a misspelt key in the project’s unit table',
    breakIt: write(UNIT_TABLE, 'don_vi:\n  thùng: { dai_luong: thùng, hes_so: 20 }\n'),
    code: 1,
    place: 'data/don-vi.yaml:2:30',
    message: 'Khóa "don_vi › thùng › hes_so" không có trong mẫu dữ liệu',
  },
  {
    name: 'an empty value',
    breakIt: aValue(''),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'phải là một số',
  },
  {
    name: 'infinity written as YAML allows it (.inf)',
    breakIt: aValue('.inf'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'Không đọc được số ".inf"',
  },
  {
    name: 'a number too large to be a figure (1e999999999)',
    breakIt: aValue('1e999999999'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:5:14`,
    message: 'quá lớn hoặc quá nhiều chữ số thập phân',
  },
  {
    name: 'a negative count of households',
    breakIt: edit(path.join(DATA, 'y-te-dan-so.yaml'), 'gia_tri: 500', 'gia_tri: -500'),
    args: ['build', '2023', '--strict', '--out', 'bao-cao.docx'],
    code: 1,
    place: `${DATA}/y-te-dan-so.yaml:3:33`,
    message: 'count-whole',
  },
  {
    name: 'a fractional count of households (500,5)',
    breakIt: edit(path.join(DATA, 'y-te-dan-so.yaml'), 'gia_tri: 500', 'gia_tri: "500,5"'),
    args: ['build', '2023', '--strict', '--out', 'bao-cao.docx'],
    code: 1,
    place: `${DATA}/y-te-dan-so.yaml:3:33`,
    message: 'count-whole',
  },
  {
    name: 'an alias bomb (billion laughs)',
    breakIt: write(
      path.join(DATA, 'van-hoa.yaml'),
      ['tieu_de: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${`*${'abcdefgh'[i]},`.repeat(9)}]`)].join('\n'),
    ),
    code: 1,
    place: `${DATA}/van-hoa.yaml:2:8`,
    message: 'Dữ liệu không dùng bí danh YAML (*ten); tệp có 72 bí danh',
  },
  {
    name: 'brackets nested a hundred thousand deep',
    breakIt: write(path.join(DATA, 'van-hoa.yaml'), `tieu_de: ${'['.repeat(100_000)}`),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1`,
    message: 'Các khối lồng nhau quá sâu',
  },
  {
    name: 'a 50 MB file (a paste gone wrong): refused before it is read',
    breakIt: write(path.join(DATA, 'van-hoa.yaml'), `tieu_de: Văn hóa\nnoi_dung:\n${'  - Không có gì mới.\n'.repeat(2_016_500)}`),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1:1`,
    message: 'Tệp quá lớn (50,0 MB; một tệp dữ liệu chỉ được tới 2,0 MB',
  },
  {
    name: 'binary garbage (a .docx saved as .yaml)',
    breakIt: write(path.join(DATA, 'van-hoa.yaml'), Buffer.from('504b0304140000000800a1b2c3d4e5f60718293a4b5c6d7e8f90', 'hex')),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1:1`,
    message: 'Tệp không phải văn bản UTF-8',
  },
  {
    name: 'a file saved by Notepad as "Unicode" (UTF-16)',
    breakIt: write(path.join(DATA, 'van-hoa.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('tieu_de: Văn hóa\n', 'utf16le')])),
    code: 1,
    place: `${DATA}/van-hoa.yaml:1:1`,
    message: 'lưu lại với mã hóa UTF-8',
  },
  {
    name: 'a file cut short by a failed copy, padded with zero bytes',
    breakIt: write(path.join(DATA, 'van-hoa.yaml'), Buffer.concat([Buffer.from('tieu_de: "Văn hóa"\nnoi_dung:\n  - Không có'), Buffer.alloc(64)])),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:13`,
    message: 'Tệp có ký tự điều khiển không in được (U+0000)',
  },
  {
    name: 'a figure key typed with Vietnamese accents',
    breakIt: edit(path.join(DATA, 'y-te-dan-so.yaml'), '  so_ho:', `  ${NFD('số_hộ')}:`),
    code: 1,
    place: `${DATA}/y-te-dan-so.yaml:3:3`,
    message: 'mã chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ tong_thu_ngan_sach). Viết so_ho.',
    messages: 1,
  },
  {
    name: 'a date that does not exist',
    breakIt: edit(path.join(DATA, 'van-ban.yaml'), 'ngay: 2023-12-05', 'ngay: 2023-02-30'),
    code: 1,
    place: `${DATA}/van-ban.yaml:8:7`,
    message: 'Khóa "ngay" phải là ngày dạng NĂM-THÁNG-NGÀY',
  },
  {
    name: 'a date written the Vietnamese way',
    breakIt: edit(path.join(DATA, 'van-ban.yaml'), 'ngay: 2023-12-05', 'ngay: 05/12/2023'),
    code: 1,
    place: `${DATA}/van-ban.yaml:8:7`,
    message: 'ví dụ 2023-12-05',
  },
  {
    name: 'a reference left open in a paragraph',
    breakIt: edit(path.join(DATA, 'ngan-sach.yaml'), '{{tong_chi_ngan_sach}}.', '{{tong_chi_ngan_sach.'),
    code: 1,
    place: `${DATA}/ngan-sach.yaml:6:47`,
    message: 'Dấu {{ không có dấu đóng/mở tương ứng',
  },
  {
    name: 'an output file whose folder is a file',
    // Not a data file: --out into data/ is refused before the folder is looked at.
    breakIt: write('ghi-chu.txt', 'không phải thư mục'),
    args: ['build', '2023', '--out', path.join('ghi-chu.txt', 'bao-cao.docx')],
    code: 2,
    message: 'ghi-chu.txt là một tệp, không phải thư mục',
  },
  {
    name: 'a file named out where the default output folder belongs',
    breakIt: write('out', 'không phải thư mục'),
    args: ['build', '2023'],
    code: 2,
    message: 'Không tạo được thư mục out: đã có một tệp trùng tên',
  },
  {
    name: 'an output folder nobody may write in, not even root (Linux /sys)',
    breakIt: () => undefined,
    onlyIf: process.platform === 'linux' && fs.existsSync('/sys/kernel'),
    args: ['build', '2023', '--out', '/sys/kernel/bao-cao.docx'],
    code: 2,
    message: 'Không ghi được /sys/kernel/bao-cao.docx: không có quyền ghi, hoặc tệp đang mở trong Word',
  },
  {
    name: `an output folder made read-only${isRoot ? ' (skipped: running as root, whom chmod does not stop)' : ''}`,
    breakIt: (dir) => {
      fs.mkdirSync(path.join(dir, 'chi-doc'));
      fs.chmodSync(path.join(dir, 'chi-doc'), 0o555);
    },
    onlyIf: !isRoot && process.platform !== 'win32',
    args: ['build', '2023', '--out', path.join('chi-doc', 'bao-cao.docx')],
    code: 2,
    message: 'không có quyền ghi',
  },
  {
    name: 'an unknown output format',
    breakIt: () => undefined,
    args: ['build', '2023', '--format', 'doc', '--out', 'bao-cao.docx'],
    code: 2,
    message: 'Không có dạng "doc". Chọn một trong: docx, pdf, md.',
  },
  // Names that every JavaScript object has (constructor, __proto__, toString), typed where the
  // program looks a name up: each is an unknown name with its usual message, never a crash.
  {
    name: 'a rule level named constructor in kiem-tra.yaml',
    breakIt: write(path.join('data', 'kiem-tra.yaml'), 'quy_tac:\n  ratio: constructor\n'),
    code: 1,
    place: 'data/kiem-tra.yaml:2:10',
    message: 'Khóa "quy_tac › ratio" phải là một trong: loi, canh_bao, thong_tin, tat.',
    messages: 1,
  },
  {
    name: 'a rule named __proto__ in kiem-tra.yaml',
    breakIt: write(path.join('data', 'kiem-tra.yaml'), 'quy_tac:\n  __proto__: tat\n'),
    code: 1,
    place: 'data/kiem-tra.yaml:2:3',
    message: 'Không có quy tắc "__proto__".',
    messages: 1,
  },
  {
    name: 'a text reference through a helper named constructor',
    breakIt: edit(KINH_TE, '{{tong_thu_nhap}}', '{{constructor tong_thu_nhap}}'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:13:30`,
    message: 'Không hiểu tham chiếu {{constructor tong_thu_nhap}}. Viết {{ma_chi_tieu}} hoặc {{tu ma_chi_tieu}}',
    messages: 1,
  },
  {
    name: 'a text reference to a figure named __proto__',
    breakIt: edit(KINH_TE, '{{tong_thu_nhap}}', '{{__proto__}}'),
    code: 1,
    place: `${DATA}/kinh-te.yaml:13:30`,
    message: 'Không có chỉ tiêu "__proto__".',
    messages: 1,
  },
  {
    name: 'an output format named __proto__ for check',
    breakIt: () => undefined,
    args: ['check', '2023', '--format', '__proto__'],
    code: 2,
    message: 'Không có dạng "__proto__". Chọn một trong: stylish, json, github, sarif.',
  },
  {
    name: 'a template printing {{constructor}}, which every object has',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'muc.md.hbs'), '{{cap}} {{so}}{{tieu_de}}', '{{cap}} {{so}}{{constructor}}'),
    code: 1,
    place: `${TEMPLATES}/muc.md.hbs:6:17`,
    message: 'Mẫu dùng tên "constructor" nhưng dữ liệu không có tên này',
    messages: 1,
  },
  {
    name: 'a template looking up "__proto__"',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'muc.md.hbs'), '{{cap}} {{so}}{{tieu_de}}', '{{cap}} {{so}}{{lookup this "__proto__"}}'),
    code: 1,
    place: `${TEMPLATES}/muc.md.hbs:6:15`,
    message: '{{lookup}} tìm tên "__proto__" nhưng dữ liệu không có tên này',
    messages: 1,
  },
  {
    name: '--out naming a device (/dev/null), a name with no extension: refused, and the device left as it is',
    breakIt: () => undefined,
    onlyIf: isUnix && fs.existsSync('/dev/null'),
    args: ['build', '2023', '--out', '/dev/null'],
    code: 2,
    message: 'Lỗi: --out /dev/null: tên tệp không có đuôi',
    after: () => expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true),
  },
  {
    name: '--out naming a FIFO',
    breakIt: (dir) => mkfifo(path.join(dir, 'ong-dan.docx')),
    onlyIf: isUnix,
    args: ['build', '2023', '--out', 'ong-dan.docx'],
    code: 2,
    message: 'Lỗi: ong-dan.docx là một ống dẫn (FIFO), không phải tệp thường: chương trình không ghi vào đó',
    after: (dir) => expect(fs.lstatSync(path.join(dir, 'ong-dan.docx')).isFIFO()).toBe(true),
  },
  {
    name: '--out naming a socket',
    breakIt: (dir) => unixSocket(path.join(dir, 'o-cam.docx')),
    onlyIf: isUnix,
    args: ['build', '2023', '--out', 'o-cam.docx'],
    code: 2,
    message: 'Lỗi: o-cam.docx là một socket, không phải tệp thường',
    after: (dir) => expect(fs.lstatSync(path.join(dir, 'o-cam.docx')).isSocket()).toBe(true),
  },
  {
    name: '--out naming a link to a device: the link and the device left as they are',
    breakIt: (dir) => fs.symlinkSync('/dev/null', path.join(dir, 'lien-ket.docx')),
    onlyIf: isUnix && fs.existsSync('/dev/null'),
    args: ['build', '2023', '--out', 'lien-ket.docx'],
    code: 2,
    message: 'Lỗi: lien-ket.docx là một thiết bị',
    after: (dir) => expect(fs.readlinkSync(path.join(dir, 'lien-ket.docx'))).toBe('/dev/null'),
  },
  {
    name: 'an output name longer than a file name may be (300 letters)',
    breakIt: () => undefined,
    args: ['build', '2023', '--out', `${'a'.repeat(300)}.docx`],
    code: 2,
    message: 'tên tệp hoặc đường dẫn quá dài (một tên tệp được tối đa 255 byte',
    after: (dir) => expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]),
  },
  {
    name: 'a date after 2099, which a .docx (zip) cannot hold',
    breakIt: edit(VAN_BAN, 'ngay: 2023-12-05', 'ngay: 2150-12-05'),
    code: 1,
    place: `${DATA}/van-ban.yaml:8:7`,
    message: 'Khóa "ngay" phải là một ngày dạng NĂM-THÁNG-NGÀY từ năm 1980 đến năm 2099, ví dụ 2023-12-05.',
  },
  {
    name: 'a date before 1980',
    breakIt: edit(VAN_BAN, 'ngay: 2023-12-05', 'ngay: 1975-04-30'),
    code: 1,
    place: `${DATA}/van-ban.yaml:8:7`,
    message: 'từ năm 1980 đến năm 2099',
  },
  {
    name: 'a folder where the main template belongs',
    withTemplates: true,
    breakIt: aFolderFor(BAO_CAO),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:1:1`,
    message: 'là một thư mục, không phải tệp mẫu',
  },
  {
    name: 'a folder where a partial template belongs',
    withTemplates: true,
    breakIt: aFolderFor(path.join(TEMPLATES, 'noi-dung.md.hbs')),
    code: 1,
    place: `${TEMPLATES}/noi-dung.md.hbs:1:1`,
    message: 'là một thư mục, không phải tệp mẫu',
  },
  {
    name: 'a template looking up a name the data lacks',
    withTemplates: true,
    breakIt: edit(path.join(TEMPLATES, 'muc.md.hbs'), '{{cap}} {{so}}{{tieu_de}}', '{{cap}} {{so}}{{lookup this "tieu_đe"}}'),
    code: 1,
    place: `${TEMPLATES}/muc.md.hbs:6:15`,
    message: '{{lookup}} tìm tên "tieu_đe" nhưng dữ liệu không có tên này',
  },
  {
    name: 'U+FFFF, a non-character, in a paragraph',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), 'Không có gì mới.', 'Không có\uFFFF gì mới.'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:13`,
    message: 'Tệp có ký tự không dùng trong văn bản (U+FFFF, không phải chữ; Word không mở được tệp có ký tự này)',
  },
  {
    name: 'U+FFFE in the signer\'s name',
    breakIt: edit(VAN_BAN, 'ho_ten: Trần Văn Tuấn', 'ho_ten: Trần\uFFFE Văn Tuấn'),
    code: 1,
    place: `${DATA}/van-ban.yaml:22:15`,
    message: '(U+FFFE',
  },
  {
    name: 'U+FDD0 and a non-character beyond the first plane (U+10FFFF)',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), 'Không có gì mới.', 'Không\u{10FFFF} có\uFDD0 gì mới.'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:10`,
    message: '(U+10FFFF',
  },
  {
    name: 'a non-character written as a YAML escape ("\\uFFFF")',
    breakIt: edit(VAN_BAN, 'ho_ten: Trần Văn Tuấn', 'ho_ten: "Trần\\uFFFF Văn Tuấn"'),
    code: 1,
    place: `${DATA}/van-ban.yaml:22:11`,
    message: 'Giá trị có ký tự không dùng trong văn bản (U+FFFF',
  },
  {
    name: 'a control character written as a YAML escape ("\\x07")',
    breakIt: edit(path.join(DATA, 'van-hoa.yaml'), '  - Không có gì mới.', '  - "Không có gì mới.\\x07"'),
    code: 1,
    place: `${DATA}/van-hoa.yaml:3:5`,
    message: 'Giá trị có ký tự điều khiển không in được (U+0007), viết bằng một mã thoát',
  },
  {
    name: 'U+FFFF in a template',
    withTemplates: true,
    breakIt: edit(BAO_CAO, '{{loi_ket}}', 'Kết\uFFFF {{loi_ket}}'),
    code: 1,
    place: `${TEMPLATES}/bao-cao.md.hbs:10:4`,
    message: 'Tệp có ký tự không dùng trong văn bản (U+FFFF',
  },
  {
    name: 'REPORT_SOFFICE naming no file',
    breakIt: () => undefined,
    env: { REPORT_SOFFICE: path.join('khong-co', 'soffice') },
    args: ['build', '2023', '--format', 'pdf', '--out', 'bao-cao.pdf'],
    code: 2,
    message: `Biến môi trường REPORT_SOFFICE là "${path.join('khong-co', 'soffice')}", nhưng không có tệp nào ở đó`,
  },
  {
    name: 'a SOURCE_DATE_EPOCH that is not a time',
    breakIt: () => undefined,
    env: { SOURCE_DATE_EPOCH: 'hôm nay' },
    code: 2,
    message: 'SOURCE_DATE_EPOCH "hôm nay" không hợp lệ',
  },
];

interface AcceptedInput {
  name: string;
  breakIt: (dir: string) => void;
  /** Text the Markdown document holds, exactly as a reader sees it. */
  document: string[];
  /** A warning printed on the way, with its place, when there is one. */
  warning?: { place: string; message: string };
}

/** Vietnamese grouping of a whole number: 1234567 → 1.234.567. */
const grouped = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const EIGHTEEN_NINES = 10n ** 18n - 1n;

/** Input a clerk's tools produce that is not wrong: it builds (exit 0), and the document says what was meant. */
const ACCEPTED: AcceptedInput[] = [
  {
    name: 'a product of three 18-digit figures: printed to its last digit (54 digits)',
    breakIt: write(
      path.join(DATA, 'van-hoa.yaml'),
      'tieu_de: Văn hóa\nchi_tieu:\n' +
        ['a', 'b', 'c'].map((k) => `  ${k}: { ten: ${k.toUpperCase()}, gia_tri: ${EIGHTEEN_NINES}, don_vi: hộ }\n`).join('') +
        '  p: { ten: P, tich: [a, b, c], don_vi: hộ }\nnoi_dung:\n  - "Tích {{p}}."\n',
    ),
    document: [`Tích ${grouped(EIGHTEEN_NINES ** 3n)} hộ.`],
  },
  {
    name: 'a % of an amount (tich): 12% × 500 triệu đồng is 60 triệu đồng; a ratio in "phần trăm" is × 100',
    breakIt: write(
      path.join(DATA, 'van-hoa.yaml'),
      'tieu_de: Văn hóa\nchi_tieu:\n' +
        '  ty_le: { ten: Tỷ lệ, gia_tri: 12, don_vi: "%" }\n' +
        '  kinh_phi: { ten: Kinh phí, gia_tri: 500, don_vi: triệu đồng }\n' +
        '  phan_chi: { ten: Phần chi, tich: [ty_le, kinh_phi], don_vi: triệu đồng }\n' +
        '  ty_le_chi: { ten: Tỷ lệ chi, chia: [phan_chi, kinh_phi], don_vi: phần trăm }\n' +
        'noi_dung:\n  - "Chi {{phan_chi}}, bằng {{ty_le_chi}} kinh phí."\n',
    ),
    document: ['Chi 60 triệu đồng, bằng 12,00 phần trăm kinh phí.'],
  },
  {
    name: 'a byte-order mark (Notepad "UTF-8 with BOM")',
    breakIt: (dir) => editFile(path.join(dir, KINH_TE), (text) => `\uFEFF${text}`),
    document: ['Tổng thu nhập xã hội đạt 100 tỷ đồng'],
  },
  {
    name: 'CRLF line ends (Windows)',
    breakIt: (dir) => editFile(path.join(dir, KINH_TE), (text) => text.replaceAll('\n', '\r\n')),
    document: ['Tổng thu nhập xã hội đạt 100 tỷ đồng, bình quân 50 triệu đồng/người/năm.'],
  },
  {
    name: 'NFD-decomposed Vietnamese (pasted from a Mac): text and units are read in NFC',
    breakIt: (dir) => editFile(path.join(dir, KINH_TE), (text) => NFD(text).replace('gia_tri: 100', 'gia_tri: 100.5')),
    // "tỷ đồng" is still known as money, so 100,5 is no fractional count.
    document: ['Tổng thu nhập xã hội đạt 100,5 tỷ đồng'],
  },
  {
    name: 'a number pasted in Vietnamese form, 6.790.880.637',
    breakIt: edit(path.join(DATA, 'ngan-sach.yaml'), 'gia_tri: 1000,', 'gia_tri: 6.790.880.637,'),
    document: ['Tổng thu 6.790.880.637 đồng'],
  },
  {
    name: 'an amount with its scale word: 100 tỷ, for a figure in tỷ đồng',
    breakIt: aValue('100 tỷ'),
    document: ['Tổng thu nhập xã hội đạt 100 tỷ đồng'],
  },
  {
    name: 'an amount as reports write it, 100 tỷ 200 triệu đồng: printed in the figure’s unit, tỷ đồng',
    breakIt: aValue('100 tỷ 200 triệu đồng'),
    document: ['Tổng thu nhập xã hội đạt 100,200 tỷ đồng'],
  },
  {
    name: 'the same in a figure in đồng: 1 tỷ 500 triệu đồng',
    breakIt: edit(path.join(DATA, 'ngan-sach.yaml'), 'gia_tri: 1000,', 'gia_tri: 1 tỷ 500 triệu đồng,'),
    document: ['Tổng thu 1.500.000.000 đồng'],
  },
  {
    name: 'a count written as printed: 3.666 hộ',
    breakIt: aHousehold('3.666'),
    document: ['Dân số 3.666 hộ'],
  },
  {
    name: 'a unit the table lacks: a warning at its don_vi that says how to add it',
    breakIt: withFigures('  a: { ten: A, gia_tri: 5, don_vi: tổ tự quản }\n', 'Có {{a}}.'),
    document: ['Có 5 tổ tự quản.'],
    warning: { place: `${DATA}/van-hoa.yaml:3:36`, message: 'Đơn vị "tổ tự quản" chưa có trong bảng đơn vị. Chỉ tiêu được in như đã ghi, nhưng không được đổi đơn vị' },
  },
  {
    name: 'a unit added in the project’s data/don-vi.yaml: no warning',
    breakIt: (dir) => {
      write(UNIT_TABLE, 'don_vi:\n  tổ tự quản: { dai_luong: tổ tự quản, dem: true }\n')(dir);
      withFigures('  a: { ten: A, gia_tri: 5, don_vi: tổ tự quản }\n', 'Có {{a}}.')(dir);
    },
    document: ['Có 5 tổ tự quản.'],
  },
  {
    name: 'the project’s sào (Nam Bộ, 1.000 m²) converts its areas: 5 sào + 0,5 ha = 1 ha',
    breakIt: (dir) => {
      write(UNIT_TABLE, 'don_vi:\n  sào: { dai_luong: diện tích, he_so: 1000 }\n')(dir);
      withFigures('  a: { ten: A, gia_tri: 5, don_vi: sào }\n  b: { ten: B, gia_tri: 0.5, don_vi: ha }\n  t: { ten: T, gia_tri: 1, don_vi: ha, tong: [a, b] }\n', 'Có {{t}}.')(dir);
    },
    document: ['Có 1 ha.'],
  },
  {
    name: 'bounded values, printed with their word in the text and the appendix, and carried by what is computed from them',
    breakIt: withFigures(
      '  a: { ten: A, gia_tri: trên 20, ke_hoach: 18, cung_ky: 15, don_vi: tỷ đồng }\n  d: { ten: D, gia_tri: dưới 5, cung_ky: 8, don_vi: tỷ đồng }\n  b: { ten: B, gia_tri: 3, don_vi: tỷ đồng }\n  t: { ten: T, don_vi: tỷ đồng, tong: [a, b] }\n  h: { ten: H, gia_tri: Gần 1.960, don_vi: hộ }\n',
      'A {{a}}, đạt {{dat_ke_hoach a}} kế hoạch, {{tang_giam a}} ({{chenh_lech a}}); D {{d}}, {{tang_giam d}}; T {{t}}; H {{h}}.',
    ),
    document: ['A trên 20 tỷ đồng, đạt trên 111,1% kế hoạch, tăng trên 33,3% (tăng trên 5 tỷ đồng); D dưới 5 tỷ đồng, giảm trên 37,5%; T trên 23 tỷ đồng; H gần 1.960 hộ.', 'trên 20 | trên 111,1 |', 'trên 133,3 |'],
  },
  {
    name: 'a decimal comma, quoted: "663,8" keeps its one decimal',
    breakIt: aSpending('"663,80"'),
    document: ['tổng chi 663,80 đồng'],
  },
  {
    name: 'thousands and a decimal comma, 1.157,5',
    breakIt: aSpending('"1.157,5"'),
    document: ['tổng chi 1.157,5 đồng'],
  },
  {
    name: 'a minus sign pasted from Word (−19,7)',
    breakIt: aSpending('"\u221219,7"'),
    document: ['tổng chi -19,7 đồng'],
  },
  {
    name: '12345678901234567,89 đồng, beyond a float: stays exact',
    // Quoted: inside { } a bare comma would end the value.
    breakIt: edit(path.join(DATA, 'ngan-sach.yaml'), 'gia_tri: 1000,', 'gia_tri: "12345678901234567,89",'),
    document: ['Tổng thu 12.345.678.901.234.567,89 đồng'],
  },
  {
    name: 'the same written as YAML, 12345678901234567.89',
    breakIt: edit(path.join(DATA, 'ngan-sach.yaml'), 'gia_tri: 1000,', 'gia_tri: 12345678901234567.89,'),
    document: ['Tổng thu 12.345.678.901.234.567,89 đồng'],
  },
  {
    name: 'a ratio over a denominator of zero, with nothing stated: the document says so in words',
    breakIt: (dir) => {
      edit(path.join(DATA, 'y-te-dan-so.yaml'), 'gia_tri: 2000', 'gia_tri: 0')(dir);
      edit(KINH_TE, '    gia_tri: 50\n', '')(dir);
    },
    document: ['bình quân không xác định được (mẫu số bằng 0)'],
    warning: { place: `${DATA}/kinh-te.yaml:10:27`, message: 'Mẫu số "so_khau" bằng 0 (hoặc có thể bằng 0 khi làm tròn), không chia được. Báo cáo ghi "không xác định được (mẫu số bằng 0)"' },
  },
  {
    name: 'a denominator of zero under a stated ratio: the stated value is printed, and the warning says why it is not checked',
    breakIt: edit(path.join(DATA, 'y-te-dan-so.yaml'), 'gia_tri: 2000', 'gia_tri: 0'),
    document: ['bình quân 50 triệu đồng/người/năm'],
    warning: { place: `${DATA}/kinh-te.yaml:11:27`, message: 'Mẫu số "so_khau" bằng 0 (hoặc có thể bằng 0 khi làm tròn), không chia được. Giá trị đã nhập được giữ nguyên' },
  },
  {
    name: 'units named constructor and toString, which every object has: names like any other',
    breakIt: (dir) =>
      editFile(path.join(dir, DATA, 'y-te-dan-so.yaml'), (text) =>
        text.replace('don_vi: hộ', 'don_vi: Constructor').replace('don_vi: người', 'don_vi: toString').replace('{{so so_ho}} hộ với {{so so_khau}} khẩu', '{{so_ho}} với {{so_khau}}'),
      ),
    document: ['Dân số 500 Constructor với 2.000 toString.', 'bình quân 50 triệu đồng/người/năm'],
    // Units the table lacks, like any other: warned of with how to add them, never looked up as an object's own.
    warning: { place: `${DATA}/y-te-dan-so.yaml:3:46`, message: 'Đơn vị "Constructor" chưa có trong bảng đơn vị' },
  },
];

/** A fresh copy of `from` for one test, removed when the test ends, passed or failed. */
async function inWorkspace(from: string, withTemplates: boolean, body: (dir: string) => Promise<void>): Promise<void> {
  const dir = workspaceFrom(from, withTemplates);
  try {
    await body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Each case runs the CLI once or twice in-process: well under a second, with room for a loaded machine. */
const TIMEOUT = 20_000;

describe(`${ACCEPTED.length} inputs from Word, Excel, Notepad and Mac are read as meant`, () => {
  it.each(ACCEPTED)(
    '$name',
    ({ breakIt, document, warning }) =>
      inWorkspace(MINIMAL, false, async (dir) => {
        breakIt(dir);
        const result = await cli(['build', '2023', '--format', 'md', '--out', 'bao-cao.md'], dir);
        expect(result.code).toBe(0);
        if (warning) {
          const line = result.stderr.split('\n').find((l) => l.includes(warning.message));
          expect(line?.replaceAll('\\', '/')).toMatch(new RegExp(`^${warning.place}\\s+cảnh báo`));
        } else expect(result.stderr).toBe('');
        const text = fs.readFileSync(path.join(dir, 'bao-cao.md'), 'utf8');
        for (const expected of document) expect(text).toContain(expected);
        expect(text).toBe(text.normalize('NFC'));
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
      }),
    TIMEOUT,
  );
});

const byName = (name: string) => CASES.find((c) => c.name === name)!;

describe(`${CASES.length} bad inputs end in a Vietnamese message with its place and exit code, never a stack trace`, () => {
  it.skip.each(CASES.filter((c) => c.onlyIf === false))('$name', () => undefined);
  it.each(CASES.filter((c) => c.onlyIf !== false))(
    '$name',
    ({ breakIt, args, code, place, message, messages, withTemplates, env, after }) =>
      inWorkspace(MINIMAL, withTemplates ?? false, async (dir) => {
        breakIt(dir);
        const result = await cli(args ?? ['build', '2023', '--out', 'bao-cao.docx'], dir, env);
        expect(result.code).toBe(code);
        expect(result.stderr).toContain(message);
        if (place) expect(result.stderr.split('\n')[0]!.replaceAll('\\', '/')).toMatch(new RegExp(`^${place.replaceAll('\\', '/')}[:\\s]`));
        if (messages !== undefined) expect(result.stderr).toContain(`${messages} lỗi: chưa tạo được báo cáo`);
        expect(result.stderr).not.toMatch(/\n\s+at |Lỗi ngoài dự kiến/);
        expect(result.stdout).toBe('');
        expect(fs.existsSync(path.join(dir, 'bao-cao.docx'))).toBe(false);
        after?.(dir);
      }),
    TIMEOUT,
  );

  it(
    'reports every problem at once',
    () =>
      inWorkspace(MINIMAL, false, async (dir) => {
        byName('a wrong type (text where a number belongs)').breakIt(dir);
        byName('a section file that is not in the outline').breakIt(dir);
        const result = await cli(['build', '2023'], dir);
        expect(result.stderr).toContain('Khóa "chi_tieu › tong_thu_nhap › gia_tri" phải là một số');
        expect(result.stderr).toContain('Tệp ban-sao-kinh-te.yaml không thuộc các tệp của bố cục mặc định');
        expect(result.stderr).toContain('2 lỗi: chưa tạo được báo cáo');
      }),
    TIMEOUT,
  );

  it(
    'tells a number that does not read in one file together with a schema error in another',
    () =>
      inWorkspace(MINIMAL, false, async (dir) => {
        editFile(path.join(dir, DATA, 'kinh-te.yaml'), (t) => t.replace('    gia_tri: 100\n', '    gia_tri: 1.157\n'));
        editFile(path.join(dir, DATA, 'van-hoa.yaml'), (t) => t.replace(/^tieu_de:/m, 'tieu_dex:'));
        const result = await cli(['build', '2023'], dir);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${path.join(DATA, 'van-hoa.yaml')}:1:1  lỗi  Khóa "tieu_dex" không có trong mẫu dữ liệu.`);
        expect(result.stderr).toContain(`${path.join(DATA, 'kinh-te.yaml')}:5:14  lỗi  Số "1.157" (đơn vị tỷ đồng) không rõ nghĩa`);
        expect(result.stderr).toContain('2 lỗi: chưa tạo được báo cáo');
      }),
    TIMEOUT,
  );

  it(
    'leaves an earlier document as it was when a build fails',
    () =>
      inWorkspace(MINIMAL, false, async (dir) => {
        expect((await cli(['build', '2023', '--out', 'bao-cao.docx'], dir)).code).toBe(0);
        const before = fs.readFileSync(path.join(dir, 'bao-cao.docx'));
        byName('a wrong type (text where a number belongs)').breakIt(dir);
        expect((await cli(['build', '2023', '--out', 'bao-cao.docx'], dir)).code).toBe(1);
        expect(fs.readFileSync(path.join(dir, 'bao-cao.docx')).equals(before)).toBe(true);
        expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }),
    TIMEOUT,
  );
});
