import { periodWords, type Period } from '../period.js';
import { PLACEHOLDER } from '../validate/placeholders.js';
import { cellNumber, type CellNumber } from './cell-number.js';
import type { ComputedField, FigureRow, Held, InputField, SectionRows } from './figure-rows.js';
import type { InSheet, OutCell, OutSheet } from './workbook.js';

/**
 * Where things are in the workbook `report export` writes and `report import` reads: the
 * guide sheet, its table for the program, and the columns of a section's sheet.
 */

export const GUIDE_SHEET = 'Hướng dẫn';

/** The columns of a section's sheet, in order. Imported: the key and the input fields; never: what the program computes, and the note. */
export type ColumnId = 'key' | InputField | `computed:${ComputedField}` | 'relation';

export const COLUMNS: readonly { id: ColumnId; header: string; width: number }[] = [
  { id: 'key', header: 'Mã', width: 28 },
  { id: 'ten', header: 'Tên chỉ tiêu', width: 46 },
  { id: 'don_vi', header: 'Đơn vị', width: 14 },
  { id: 'gia_tri', header: 'Giá trị', width: 18 },
  { id: 'ke_hoach', header: 'Kế hoạch', width: 18 },
  { id: 'cung_ky', header: 'Cùng kỳ', width: 18 },
  { id: 'ty_le_ke_hoach', header: '% kế hoạch (đã công bố)', width: 14 },
  { id: 'tang_giam', header: 'Tăng/giảm so cùng kỳ, % (đã công bố)', width: 16 },
  { id: 'chenh_lech', header: 'Chênh lệch so cùng kỳ (đã công bố)', width: 16 },
  { id: 'computed:gia_tri', header: 'Giá trị tính ra (không nhập)', width: 18 },
  { id: 'computed:ty_le_ke_hoach', header: '% kế hoạch tính ra (không nhập)', width: 14 },
  { id: 'computed:tang_giam', header: 'Tăng/giảm tính ra, % (không nhập)', width: 14 },
  { id: 'computed:chenh_lech', header: 'Chênh lệch tính ra (không nhập)', width: 16 },
  { id: 'relation', header: 'Quan hệ với chỉ tiêu khác (chỉ để xem, không nhập)', width: 50 },
];

/** The 1-based column of a field. */
export function columnOf(id: ColumnId): number {
  return COLUMNS.findIndex((c) => c.id === id) + 1;
}

/** What a field is called in a message: `giá trị`, `kế hoạch`. */
export const FIELD_WORDS: Record<InputField, string> = {
  ten: 'tên',
  don_vi: 'đơn vị',
  gia_tri: 'giá trị',
  ke_hoach: 'kế hoạch',
  cung_ky: 'cùng kỳ',
  ty_le_ke_hoach: '% kế hoạch',
  tang_giam: 'tăng/giảm so cùng kỳ (%)',
  chenh_lech: 'chênh lệch so cùng kỳ',
};

/** Labels of the guide's table for the program, in column A; values in column B. */
export const META = {
  heading: 'Thông tin cho chương trình (không sửa phần này)',
  period: 'Kỳ báo cáo',
  body: 'Cơ quan',
  sheet: 'Trang tính',
  file: 'Tệp dữ liệu',
} as const;

const text = (value: string, style: OutCell['style']): OutCell => ({ value: { text: value }, style });

/**
 * How the workbook shows a number of a figure's field, the data's own or one from elsewhere
 * (last year's, shown in italics): a number cell where its digits say all of it, else a text:
 * as the data writes it where digits cannot say it (`trên 20`, `16 tỷ 434 triệu đồng`), with
 * its bound's word for one from elsewhere. Undefined where the field shows no number. Export
 * writes it; import holds each cell against it, so a cell left as exported changes nothing.
 */
export function shownNumber(value: Held, percent: boolean): CellNumber | undefined {
  if (value.kind === 'number') return value.inDigits ? cellNumber(value.quantity, percent) : { text: value.source };
  if (value.kind === 'absent' && value.inherited?.quantity) return cellNumber(value.inherited.quantity, percent);
  return undefined;
}

function inputCell(value: Held, isNumber: boolean, percent: boolean): OutCell {
  const shown = shownNumber(value, percent);
  switch (value.kind) {
    case 'number':
      return { value: shown!, style: 'input' };
    case 'text':
      return text(value.text, 'input');
    case 'placeholder':
      return text(value.text, 'to-fill');
    case 'empty':
      return isNumber ? { value: { format: `[$-42A]General${percent ? '"%"' : ''}` }, style: 'to-fill' } : text('', 'to-fill');
    case 'other':
      return text('(danh sách: sửa trong tệp dữ liệu)', 'computed');
    case 'absent': {
      const inherited = value.inherited;
      if (shown) return { value: shown, style: 'inherited' };
      if (inherited?.text !== undefined) return text(inherited.text, 'inherited');
      // A number typed here shows in Vietnamese form too; a rate with its "%".
      return isNumber ? { value: { format: `[$-42A]General${percent ? '"%"' : ''}` }, style: 'input' } : text('', 'to-fill');
    }
  }
}

/** Whether a field's numbers are rates, shown with "%": the share of plan and the change always, a value, plan and cùng kỳ when the unit is %. */
export function isRate(field: InputField | ComputedField, row: FigureRow): boolean {
  if (field === 'ty_le_ke_hoach' || field === 'tang_giam') return true;
  if (field === 'ten' || field === 'don_vi' || field === 'chenh_lech') return false;
  const unit = row.held.don_vi;
  const text = unit.kind === 'text' ? unit.text : unit.kind === 'absent' ? unit.inherited?.text : undefined;
  return text?.trim() === '%';
}

/** The sheet of one section: a header, then a row per figure. */
export function sectionSheet(name: string, section: SectionRows): OutSheet {
  // Three lines of the narrowest column's title.
  const header = COLUMNS.map((c): OutCell => ({ ...text(c.header, c.id.startsWith('computed:') || c.id === 'relation' ? 'header-computed' : 'header'), height: 48 }));
  const rows = section.rows.map((row: FigureRow): OutCell[] =>
    COLUMNS.map(({ id }) => {
      if (id === 'key') return text(row.key, 'key');
      if (id === 'relation') return text(row.relation, 'note');
      if (id.startsWith('computed:')) {
        const field = id.slice('computed:'.length) as ComputedField;
        const computed = row.computed[field];
        if (!computed) return text('', 'computed');
        if ('words' in computed) return text(computed.words, 'computed');
        return { value: cellNumber(computed.quantity, isRate(field, row)), style: 'computed' };
      }
      const field = id as InputField;
      return inputCell(row.held[field], field !== 'ten' && field !== 'don_vi', isRate(field, row));
    }),
  );
  return { name, rows: [header, ...rows], widths: COLUMNS.map((c) => c.width), frozenRows: 1 };
}

export interface GuideFacts {
  period: Period;
  /** The issuing body, from van-ban.yaml. */
  body: string;
  /** Sheet name and data file, in order. */
  sheets: { name: string; file: string }[];
  /** Why the computed columns are empty, when the period could not be computed. */
  notComputed?: string;
  importCommand: string;
}

/** The first sheet: how to fill the workbook, in Vietnamese, then the table the program reads back. */
export function guideSheet(facts: GuideFacts): OutSheet {
  const lines = [
    `Cách điền bảng số liệu này`,
    `1. Mỗi trang tính là một phần của báo cáo; mỗi dòng là một chỉ tiêu, nhận ra bằng mã ở cột A. Hàng tiêu đề luôn hiện khi cuộn.`,
    `2. Chỉ điền, sửa các ô nền trắng và nền vàng: tên, đơn vị, giá trị, kế hoạch, cùng kỳ, và các tỷ lệ đã công bố (% kế hoạch, tăng/giảm so với cùng kỳ, chênh lệch). Chỉ những ô đã đổi được ghi lại vào tệp dữ liệu.`,
    `3. Ô nền vàng là chỗ còn trống hoặc còn ghi "${PLACEHOLDER}": điền số liệu của kỳ này.`,
    `4. Các cột nền xám ("tính ra", "quan hệ") do chương trình tính từ dữ liệu (tổng, tỷ lệ % kế hoạch, tăng/giảm so với cùng kỳ) để đối chiếu: không được nhập lại, sửa ở đó không có tác dụng.`,
    `5. Số chữ nghiêng màu xanh lấy từ nơi khác (số liệu, mục tiêu năm trước; tên của chỉ tiêu được nhắc lại): để nguyên nếu đúng; sửa thì số mới được ghi riêng cho chỉ tiêu này.`,
    `6. Gõ số như bình thường: 6.790.880.637 hoặc 6790880637; 663,8. Số được đọc như trong tệp dữ liệu, theo đơn vị của chỉ tiêu (ở cột Đơn vị): với đơn vị đếm (hộ, người...) 3.666 là 3666. Số có giới hạn hay số tiền có chữ thì gõ như báo cáo viết: trên 20, khoảng 80, 16 tỷ 434 triệu. Số tỷ lệ gõ không kèm dấu % (đạt 102% kế hoạch: gõ 102; ô tự hiện 102%). Excel chỉ giữ 15 chữ số của một số: số dài hơn phải gõ dạng văn bản, thêm dấu ' ở đầu ('12345678901234567890).`,
    `7. Thêm chỉ tiêu mới: ghi vào một dòng trống dưới cùng của trang mã mới (chữ thường không dấu, số và dấu gạch dưới, ví dụ so_ho_kinh_doanh), tên, đơn vị và giá trị.`,
    `8. Xóa một dòng không xóa chỉ tiêu; đổi mã là thêm một chỉ tiêu mới. Muốn xóa chỉ tiêu, hay đổi cách tính (tổng, tỷ lệ), sửa tệp dữ liệu.`,
    `9. Nhập lại: ${facts.importCommand}. Bảng tính có lỗi thì không tệp dữ liệu nào bị sửa; mọi lỗi được báo cùng lúc, kèm trang tính và ô (ví dụ 'Kinh tế'!D12).`,
    ...(facts.notComputed ? [`Lưu ý: ${facts.notComputed}`] : []),
  ];
  const rows: (OutCell | null)[][] = [
    [text(`SỐ LIỆU BÁO CÁO ${periodWords(facts.period).toLocaleUpperCase('vi')} - ${facts.body}`, 'title')],
    [],
    // Rows as tall as their wrapped lines (about 95 characters to a line of the 100-character column).
    ...lines.map((line, i) => [{ ...text(line, i === 0 ? 'label' : 'text'), height: 16 * Math.ceil(line.length / 95) }]),
    [],
    [text(META.heading, 'label')],
    [text(META.period, 'label'), text(facts.period.id, 'text')],
    [text(META.body, 'label'), text(facts.body, 'text')],
    [text(META.sheet, 'label'), text(META.file, 'label')],
    ...facts.sheets.map((s) => [text(s.name, 'text'), text(s.file, 'text')]),
  ];
  return { name: GUIDE_SHEET, rows, widths: [100, 30], frozenRows: 0 };
}

/** What the guide's table says, or why it cannot be read. */
export interface GuideTable {
  period?: string;
  body?: string;
  sheets: Map<string, string>;
}

const cellText = (sheet: InSheet, row: number, column: number): string | undefined => {
  const cell = sheet.rows[row]?.[column];
  if (!cell) return undefined;
  if (cell.kind === 'text') return cell.text.normalize('NFC').trim();
  if (cell.kind === 'number') return cell.raw;
  return undefined;
};

/** Reads the table for the program from the guide sheet. */
export function readGuide(sheet: InSheet): GuideTable {
  const table: GuideTable = { sheets: new Map() };
  let inSheets = false;
  for (let r = 0; r < sheet.rows.length; r++) {
    const label = cellText(sheet, r, 0);
    const value = cellText(sheet, r, 1);
    if (inSheets) {
      if (label === undefined) break;
      if (value !== undefined) table.sheets.set(label, value);
      continue;
    }
    if (label === META.period) table.period = value;
    else if (label === META.body) table.body = value;
    else if (label === META.sheet && value === META.file) inSheets = true;
  }
  return table;
}
