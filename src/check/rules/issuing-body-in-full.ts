import type { Rule } from '../rule.js';

/** The abbreviations Decree 30 lets only the superior body's line use. */
const ABBREVIATION = /(?<![\p{L}\p{N}])(UBND|HĐND)(?![\p{L}\p{N}])/u;

export const issuingBodyInFull: Rule = {
  meta: {
    id: 'issuing-body-in-full',
    description: 'Tên cơ quan ban hành (co_quan) viết đầy đủ, không viết tắt UBND, HĐND: chỉ dòng cơ quan chủ quản được viết tắt (Nghị định 30).',
    defaultSeverity: 'warning',
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
