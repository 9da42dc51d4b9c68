import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, workspaceFrom } from './helpers.js';

/**
 * A count written with a leading zero (01 vụ), as many offices write counts below ten: the same
 * width wherever the number is printed, and in the amounts computed from it in its unit.
 */
const LAST_YEAR = `tieu_de: "An ninh"
chi_tieu:
  so_vu: { ten: Số vụ, gia_tri: 03, don_vi: vụ }
  so_vu_b: { ten: Số vụ B, gia_tri: 02, don_vi: vụ }
  kinh_phi: { ten: Kinh phí, gia_tri: 01, don_vi: triệu đồng }
noi_dung:
  - "Xảy ra {{so_vu}}, {{so_vu_b}}, {{kinh_phi}}."
`;

const THIS_YEAR = `tieu_de: "An ninh"
chi_tieu:
  so_vu: { ten: Số vụ, gia_tri: 01, don_vi: vụ, chu_yeu: true }
  so_vu_b: { ten: Số vụ B, gia_tri: 05, don_vi: vụ }
  tong_vu: { ten: Tổng số vụ, tong: [so_vu, so_vu_b], don_vi: vụ }
  nhac_lai_so_vu: { nhac_lai: so_vu }
  kinh_phi: { ten: Kinh phí, gia_tri: 0.004, don_vi: tỷ đồng }
noi_dung:
  - >-
    Xảy ra {{so_vu}} ({{so so_vu}}), cùng kỳ {{cung_ky so_vu}}, {{chenh_lech so_vu}}, {{tang_giam so_vu}};
    vụ B {{so_vu_b}}, {{chenh_lech so_vu_b}}; tổng {{tong_vu}}; nhắc lại {{nhac_lai_so_vu}}, {{chenh_lech nhac_lai_so_vu}};
    kinh phí {{kinh_phi}}, cùng kỳ {{cung_ky kinh_phi}}.
`;

describe('a leading zero (01) is kept the same way everywhere', () => {
  it('in the number, its restatement, next year’s cùng kỳ, the amounts computed in its unit and the appendix; not in %, nor across a change of scale', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'years'));
    try {
      fs.writeFileSync(path.join(dir, 'data', '2022', 'an-ninh-quoc-phong.yaml'), LAST_YEAR);
      fs.writeFileSync(path.join(dir, 'data', '2023', 'an-ninh-quoc-phong.yaml'), THIS_YEAR);
      const result = await cli(['build', '2023', '--format', 'md', '--out', 'bao-cao.md'], dir);
      expect(result.code, result.stderr).toBe(0);
      const text = fs.readFileSync(path.join(dir, 'bao-cao.md'), 'utf8');
      expect(text).toContain(
        'Xảy ra 01 vụ (01), cùng kỳ 03 vụ, giảm 02 vụ, giảm 66,7%; vụ B 05 vụ, tăng 03 vụ; tổng 06 vụ; nhắc lại 01 vụ, giảm 02 vụ; ' +
          // 01 triệu đồng last year is 0,001 tỷ đồng this year: the zero belonged to the number as written.
          'kinh phí 0,004 tỷ đồng, cùng kỳ 0,001 tỷ đồng.',
      );
      // Appendix: plan, value 01, % of plan, cùng kỳ 03, % of cùng kỳ 33,3 (a percentage: no leading zero).
      expect(text).toMatch(/\| Số vụ +\| +vụ +\| +\| +01 \| +\| +03 \| +33,3 \|/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
