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
