import type { Rule } from '../rule.js';

/** Since 1 July 2025 local government has two tiers: no district, and no thị trấn. */
const REFORM = { year: 2025, month: 7, day: 1 };
const ABOLISHED = /(?<![\p{L}\p{N}])(huyện|quận|thị xã|thị trấn)(?![\p{L}\p{N}])/iu;

const WHERE = { co_quan_chu_quan: 'cơ quan chủ quản', co_quan: 'cơ quan ban hành', kinh_gui: 'Kính gửi', noi_nhan: 'Nơi nhận' } as const;

export const abolishedUnit: Rule = {
  meta: {
    id: 'abolished-unit',
    description:
      'Văn bản ban hành từ 01/7/2025 không nêu huyện, quận, thị xã, thị trấn ở cơ quan chủ quản, cơ quan ban hành, Kính gửi, Nơi nhận: chính quyền địa phương còn hai cấp.',
    defaultSeverity: 'warning',
    page: {
      checks: [
        'Từ ngày 01/7/2025 chính quyền địa phương còn hai cấp: tỉnh, thành phố trực thuộc trung ương, và xã, phường, đặc khu. Không còn huyện, quận, thị xã, và thị trấn không còn là một loại đơn vị. Với văn bản ban hành từ ngày đó (`ngay` trong `van-ban.yaml`), quy tắc báo mỗi chỗ cơ quan chủ quản, cơ quan ban hành, "Kính gửi" hay "Nơi nhận" còn nêu huyện, quận, thị xã, thị trấn; văn bản trước ngày đó không bị báo.',
      ],
      rounding: ['Quy tắc này không so số liệu nên không có làm tròn: nó so ngày ban hành với 01/7/2025 và đọc tên cơ quan như đã ghi.'],
      fix: [
        'Thường là dữ liệu chép từ năm trước (`report init`): bỏ `co_quan_chu_quan` (UBND xã thường không có dòng này), sửa cơ quan ban hành thành xã, phường, đặc khu mới, và thay "UBND huyện" ở nơi nhận bằng cơ quan hiện nay (ví dụ UBND tỉnh, các sở).',
      ],
    },
    messages: {
      abolished:
        '{{where}} nêu "{{name}}", nhưng văn bản ngày {{date}} ban hành sau 01/7/2025, khi không còn {{unit}} (chính quyền địa phương hai cấp: tỉnh và xã, phường, đặc khu). Sửa thành cơ quan hiện nay (ví dụ UBND tỉnh), hoặc bỏ dòng này.',
    },
  },
  check(context, report) {
    const { date, bodies } = context.input.details;
    if (context.input.draft?.dateUnfilled) return;
    const after = date.year * 10000 + date.month * 100 + date.day >= REFORM.year * 10000 + REFORM.month * 100 + REFORM.day;
    if (!after) return;
    for (const body of bodies) {
      const unit = ABOLISHED.exec(body.name)?.[1];
      if (!unit) continue;
      report({
        messageId: 'abolished',
        data: { where: WHERE[body.key], name: body.name, date: `${date.day}/${date.month}/${date.year}`, unit: unit.toLocaleLowerCase('vi') },
        place: body.place,
      });
    }
  },
};
