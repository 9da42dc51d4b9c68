import type { Rule } from '../rule.js';

/** The abbreviations Decree 30 lets only the superior body's line use. */
const ABBREVIATION = /(?<![\p{L}\p{N}])(UBND|HĐND)(?![\p{L}\p{N}])/u;

export const issuingBodyInFull: Rule = {
  meta: {
    id: 'issuing-body-in-full',
    description: 'Tên cơ quan ban hành (co_quan) viết đầy đủ, không viết tắt UBND, HĐND: chỉ dòng cơ quan chủ quản được viết tắt (Nghị định 30).',
    defaultSeverity: 'warning',
    page: {
      checks: [
        'Nghị định 30/2020/NĐ-CP (Phụ lục I) cho phép viết tắt, như "UBND", chỉ ở dòng tên cơ quan chủ quản; tên cơ quan ban hành văn bản (`co_quan` trong `van-ban.yaml`) viết đầy đủ, in hoa, đậm. Quy tắc báo khi tên cơ quan ban hành có "UBND" hay "HĐND".',
      ],
      rounding: ['Quy tắc này không so số liệu nên không có làm tròn: nó đọc tên cơ quan như đã ghi.'],
      fix: [
        'Viết đầy đủ: `co_quan: ỦY BAN NHÂN DÂN XÃ TÂN HÒA`. Văn bản in "ỦY BAN NHÂN DÂN" một dòng và tên xã, phường, đặc khu dòng dưới, như mẫu của Nghị định 30. `ten_goi` (tên trong câu văn, như "UBND xã Tân Hòa") vẫn được viết tắt.',
      ],
    },
    messages: {
      abbreviated:
        'Tên cơ quan ban hành "{{name}}" viết tắt "{{abbreviation}}": theo Nghị định 30, tên cơ quan ban hành viết đầy đủ (ví dụ {{full}}); chỉ dòng cơ quan chủ quản được viết tắt.',
    },
  },
  check(context, report) {
    for (const body of context.input.details.bodies) {
      const abbreviation = body.key === 'co_quan' ? ABBREVIATION.exec(body.name)?.[1] : undefined;
      if (!abbreviation) continue;
      const full = abbreviation === 'UBND' ? 'ỦY BAN NHÂN DÂN' : 'HỘI ĐỒNG NHÂN DÂN';
      report({ messageId: 'abbreviated', data: { name: body.name, abbreviation, full: body.name.replace(abbreviation, full) }, place: body.place });
    }
  },
};
