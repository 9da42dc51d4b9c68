import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, docxText, FIXTURES, workspaceFrom } from './helpers.js';

/** Texts in the data refer to figures; the report prints them formatted, with direction words. */
async function buildWith(vanHoa: string): Promise<{ code: number; stderr: string; text: string }> {
  const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
  fs.writeFileSync(path.join(dir, 'data', '2023', 'van-hoa.yaml'), vanHoa);
  const result = await cli(['build', '2023', '--out', 'r.docx'], dir);
  const out = path.join(dir, 'r.docx');
  return { code: result.code, stderr: result.stderr, text: fs.existsSync(out) ? (await docxText(out)).replace(/\s+/g, ' ') : '' };
}

const FIGURES = `tieu_de: "Văn hóa"
chi_tieu:
  san_luong: { ten: Sản lượng, gia_tri: 8215, don_vi: tạ, tang_giam: -19.7 }
  lon_nai: { ten: Đàn lợn nái, gia_tri: 80, don_vi: con, cung_ky: 71.4286 }
  so_tre: { ten: Số trẻ, gia_tri: 530, don_vi: trẻ, chenh_lech: 15 }
  thu: { ten: Thu, gia_tri: 41200000, don_vi: đồng, ke_hoach: 42000000 }
  vu_viec: { ten: Vụ việc, gia_tri: 01, don_vi: vụ }
  tong: { ten: Tổng, don_vi: tỷ đồng, tong: [a, b] }
  a: { ten: A, gia_tri: 1.25, don_vi: tỷ đồng }
  b: { ten: B, gia_tri: 2.5, don_vi: tỷ đồng }
  on_dinh: { ten: Ổn định, gia_tri: 5, don_vi: hộ, tang_giam: 0.0 }
`;

describe('figure references in data texts', () => {
  it('prints values, units, direction words and derived figures', async () => {
    const { code, text } = await buildWith(
      `${FIGURES}noi_dung:
  - >-
    Sản lượng {{san_luong}} ({{tang_giam san_luong}}; mức {{muc_tang_giam san_luong}}), số {{so san_luong}}.
    Lợn nái {{lon_nai}} ({{tang_giam lon_nai}} so với {{cung_ky lon_nai}}). Trẻ {{so_tre}} ({{chenh_lech so_tre}}).
    Thu {{thu}} đạt {{dat_ke_hoach thu}} của {{ke_hoach thu}}. Có {{vu_viec}}. Tổng {{tong}}. Số hộ {{tang_giam on_dinh}}. Năm {{nam}}, {{nam_truoc}}, {{nam_sau}}.
`,
    );
    expect(code).toBe(0);
    expect(text).toContain('Sản lượng 8.215 tạ (giảm 19,7%; mức 19,7%), số 8.215.');
    expect(text).toContain('Lợn nái 80 con (tăng 12,0% so với 71,4286 con).');
    expect(text).toContain('Trẻ 530 trẻ (tăng 15 trẻ).');
    expect(text).toContain('Thu 41.200.000 đồng đạt 98,1% của 42.000.000 đồng.');
    expect(text).toContain('Có 01 vụ.');
    expect(text).toContain('Tổng 3,75 tỷ đồng.'); // not stated: the sum of its parts, at their precision
    expect(text).toContain('Số hộ không thay đổi.');
    expect(text).toContain('Năm 2023, 2022, 2024.');
  });

  it('prints how far above or below the plan, in % and in the figure’s unit, with words that follow the sign', async () => {
    const { code, stderr, text } = await buildWith(
      `tieu_de: "Văn hóa"
chi_tieu:
  thu: { ten: Thu, gia_tri: 6790880637, ke_hoach: 6600000000, vuot_ke_hoach: 2.9, don_vi: đồng }
  chi: { ten: Chi, gia_tri: 97, ty_le_ke_hoach: 97, don_vi: tỷ đồng }
  dung: { ten: Đúng, gia_tri: 20, ke_hoach: 20, don_vi: hộ }
  vuot: { ten: Vượt, gia_tri: 3.1, vuot_ke_hoach: 3.1, don_vi: "%" }
  ngheo: { ten: Hộ nghèo, gia_tri: 1.8, ke_hoach: 1.82, chenh_lech_ke_hoach: -0.02, don_vi: "%" }
  tien: { ten: Tiền, gia_tri: 23, ke_hoach: 20, don_vi: tỷ đồng }
noi_dung:
  - >-
    Thu {{vuot_ke_hoach thu}} kế hoạch. Chi {{vuot_ke_hoach chi}} kế hoạch. Hộ {{vuot_ke_hoach dung}} kế hoạch,
    {{chenh_lech_ke_hoach dung}} kế hoạch. Vượt đạt {{dat_ke_hoach vuot}}. Nghèo {{chenh_lech_ke_hoach ngheo}}.
    Tiền {{chenh_lech_ke_hoach tien}} kế hoạch.
`,
    );
    expect([code, stderr]).toEqual([0, '']);
    expect(text).toContain(
      'Thu vượt 2,9% kế hoạch. Chi thấp hơn 3% kế hoạch. Hộ đạt đúng kế hoạch, bằng kế hoạch. Vượt đạt 103,1%. Nghèo thấp hơn 0,02 điểm phần trăm. Tiền cao hơn 3 tỷ đồng kế hoạch.',
    );
  });

  it('keeps Markdown-looking text literal', async () => {
    const { code, text } = await buildWith(`tieu_de: "Văn hóa"\nnoi_dung:\n  - "* Không phải danh sách_ **không đậm** [không liên kết](x) # 1. <b>"\n`);
    expect(code).toBe(0);
    expect(text).toContain('* Không phải danh sách_ **không đậm** [không liên kết](x) # 1. <b>');
  });

  it('prints a private-use character of the data as it is: the holes the templates print are never read from data', async () => {
    const { code, text } = await buildWith(`tieu_de: "Văn hóa"\nnoi_dung:\n  - "Ký hiệu \\uE0000\\uE001 và \\uE0021\\uE003 riêng."\n`);
    expect(code).toBe(0);
    expect(text).toContain('Ký hiệu \uE0000\uE001 và \uE0021\uE003 riêng.');
  });

  it.each([
    ['{{tang_giam a}}', 'Chỉ tiêu "a" chưa có tang_giam hoặc cung_ky, nên không in được {{tang_giam a}}', '13:14'],
    ['{{tong a}}', 'Không hiểu tham chiếu {{tong a}}', '13:14'],
    ['{{a b c}}', 'Không hiểu tham chiếu {{a b c}}', '13:14'],
    ['{{a', 'Dấu {{ không có dấu đóng/mở tương ứng', '13:14'],
  ])('reports %s at its place', async (reference, message, place) => {
    const { code, stderr } = await buildWith(`${FIGURES}noi_dung:\n  - "Văn bản ${reference} nữa."\n`);
    expect(code).toBe(1);
    expect(stderr).toContain(`data/2023/van-hoa.yaml:${place}`.replaceAll('/', path.sep));
    expect(stderr).toContain(message);
  });

  it('prints words, never NaN or Infinity, where a share would divide by 0, and warns', async () => {
    const { code, stderr, text } = await buildWith(
      `tieu_de: "Văn hóa"\nchi_tieu:\n  a: { ten: A, gia_tri: 3, ke_hoach: 0, cung_ky: 0, don_vi: vụ }\n  b: { ten: B, gia_tri: 0, don_vi: hộ }\n  r: { ten: R, don_vi: "%", chia: [a, b] }\nnoi_dung:\n  - "Có {{a}}, đạt {{dat_ke_hoach a}}, {{tang_giam a}}, {{chenh_lech a}}; tỷ lệ {{r}}."\n`,
    );
    expect(code).toBe(0);
    expect(text).toContain('Có 3 vụ, đạt không tính được (kế hoạch bằng 0), không tính được (cùng kỳ bằng 0), tăng 3 vụ; tỷ lệ không xác định được (mẫu số bằng 0).');
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(stderr).toContain('cảnh báo  {{dat_ke_hoach a}} in ra "không tính được (kế hoạch bằng 0)": không chia được cho 0.');
    expect(stderr).toContain('cảnh báo  Mẫu số "b" bằng 0 (hoặc có thể bằng 0 khi làm tròn), không chia được. Báo cáo ghi "không xác định được (mẫu số bằng 0)"');
  });

  it('finds the place of a reference inside a folded paragraph', async () => {
    const { stderr } = await buildWith(`${FIGURES}noi_dung:\n  - >-\n    Dòng một {{a}}.\n    Dòng hai {{khong_co}}.\n`);
    expect(stderr).toContain(`${path.join('data', '2023', 'van-hoa.yaml')}:15:14`);
  });
});

describe('files saved on Windows', () => {
  it('reads CRLF line ends and a byte-order mark, and keeps places right', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const file = path.join(dir, 'data', '2023', 'kinh-te.yaml');
    const text = fs.readFileSync(file, 'utf8').replace('{{tong_thu_nhap}}', '{{tong_thu_nhapx}}');
    fs.writeFileSync(file, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    const result = await cli(['build', '2023'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^data.2023.kinh-te\.yaml:13:30 {2}lỗi {2}Không có chỉ tiêu "tong_thu_nhapx"/);
  });

  it('matches keys and text typed in decomposed Unicode (NFD)', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    const file = path.join(dir, 'data', '2023', 'van-hoa.yaml');
    fs.writeFileSync(file, 'tieu_de: "Văn hóa"\nnoi_dung:\n  - "Hoạt động văn hóa."\n'.normalize('NFD'));
    const result = await cli(['build', '2023', '--out', 'r.docx'], dir);
    expect(result.code).toBe(0);
    expect(await docxText(path.join(dir, 'r.docx'))).toContain('Hoạt động văn hóa.'.normalize('NFC'));
  });
});
