import { describe, expect, it } from 'vitest';
import { Decimal } from '../src/decimal.js';
import { cellNumber, readNumberText, readNumericCell, vietnameseFormat, yamlTextOf } from '../src/spreadsheet/cell-number.js';
import { cellReference, sheetNames } from '../src/spreadsheet/sheet-names.js';
import { escapedText } from '../src/spreadsheet/write-workbook.js';
import { EditableYaml } from '../src/spreadsheet/yaml-edit.js';
import { parsePeriod } from '../src/period.js';
import { figureNumberUse } from '../src/validate/read-number.js';
import { SHIPPED_UNITS } from './rule-tester.js';

/** How the number at `field` of a figure in `unit` is read, in the shipped unit table. */
const inUnit = (unit: string, field = 'gia_tri') => figureNumberUse(field, { unit, tableUnit: SHIPPED_UNITS.lookup(unit) }, SHIPPED_UNITS);

const edited = (text: string, edit: (yaml: EditableYaml) => void) => {
  const yaml = new EditableYaml(text);
  edit(yaml);
  return yaml.result().text;
};

describe('editing YAML in place', () => {
  const FILE = [
    '# yaml-language-server: $schema=../../schemas/linh-vuc.schema.json',
    'tieu_de: "Kinh tế"',
    '',
    'chi_tieu:',
    '  tong_thu:',
    '    ten: Tổng thu # tên như báo cáo',
    "    gia_tri: '6.790.880.637'",
    '    don_vi: đồng',
    '    tong: [a, b]',
    '',
    '  lap_lai: { nhac_lai: tong_thu, tang_giam: 2.8 }',
    '  trong:',
    '    ten: >-',
    '      Một tên',
    '      dài',
    '    gia_tri:',
    '    don_vi: hộ',
    'noi_dung:',
    '  - Đoạn văn.',
    '',
  ].join('\n');

  it('replaces a value within its own range, whatever its quoting; a comment after it stays', () => {
    expect(edited(FILE, (y) => y.setValue('tong_thu', 'gia_tri', { number: '6790880638' }))).toBe(FILE.replace("'6.790.880.637'", '6790880638'));
    expect(edited(FILE, (y) => y.setValue('tong_thu', 'ten', { text: 'Tổng thu: mới' }))).toBe(FILE.replace('ten: Tổng thu #', 'ten: "Tổng thu: mới" #'));
    expect(edited(FILE, (y) => y.setValue('trong', 'ten', { text: 'Ngắn' }))).toBe(FILE.replace('>-\n      Một tên\n      dài', 'Ngắn'));
  });

  it('fills a key written with no value, after its colon', () => {
    expect(edited(FILE, (y) => y.setValue('trong', 'gia_tri', { number: '12' }))).toBe(FILE.replace('    gia_tri:\n', '    gia_tri: 12\n'));
  });

  it('adds a key as a line after the figure\'s last one, or inside a flow map', () => {
    expect(edited(FILE, (y) => y.addValue('tong_thu', 'ke_hoach', { number: '6789500000' }))).toBe(FILE.replace('    tong: [a, b]\n', '    tong: [a, b]\n    ke_hoach: 6789500000\n'));
    expect(edited(FILE, (y) => y.addValue('lap_lai', 'ten', { text: 'a, b' }))).toBe(FILE.replace('tang_giam: 2.8 }', 'tang_giam: 2.8, ten: "a, b" }'));
  });

  it('adds a figure at the end of chi_tieu, indented as the others; keeps CRLF', () => {
    const crlf = FILE.replaceAll('\n', '\r\n');
    const result = edited(crlf, (y) =>
      y.addFigure('moi', [
        ['ten', { text: 'Mới' }],
        ['gia_tri', { number: '1' }],
        ['don_vi', { text: 'hộ' }],
      ]),
    );
    expect(result).toBe(crlf.replace('    don_vi: hộ\r\n', '    don_vi: hộ\r\n  moi:\r\n    ten: Mới\r\n    gia_tri: 1\r\n    don_vi: hộ\r\n'));
  });

  it('quotes a text only when it must: numbers, words YAML reads otherwise, a colon, a leading dash', () => {
    for (const [text, source] of [
      ['tỷ đồng', 'tỷ đồng'],
      ['123', '"123"'],
      ['true', '"true"'],
      ['a: b', '"a: b"'],
      ['- x', '"- x"'],
      ['CẦN ĐIỀN', 'CẦN ĐIỀN'],
      ['a # b', '"a # b"'],
    ] as const) {
      expect(edited(FILE, (y) => y.setValue('tong_thu', 'don_vi', { text }))).toContain(`    don_vi: ${source}\n`);
    }
  });
});

describe('numbers between cells and YAML', () => {
  it('reads a numeric cell as the double it stores, refusing what needs more than 15 digits', () => {
    expect(readNumericCell('663.79999999999995')).toEqual({ value: new Decimal('663.8') });
    expect(readNumericCell('6790880637')).toEqual({ value: new Decimal('6790880637') });
    expect(readNumericCell('0.30000000000000004')).toEqual({ tooLong: true });
    expect(readNumericCell('1234567890123450')).toEqual({ tooLong: true });
    expect(readNumericCell('123456789012345')).toEqual({ value: new Decimal('123456789012345') });
  });

  it('writes a number a cell cannot hold as Vietnamese text, and a Vietnamese text back as its YAML number', () => {
    expect(cellNumber({ value: new Decimal('663.80'), decimals: 2, minIntegerDigits: 1 })).toEqual({ number: 663.8, format: '[$-42A]#,##0.00' });
    expect(cellNumber({ value: new Decimal('12345678901234567890'), decimals: 0, minIntegerDigits: 1 })).toEqual({ text: '12.345.678.901.234.567.890' });
    expect(vietnameseFormat(0, 2)).toBe('[$-42A]#,#00');
    expect(yamlTextOf({ value: new Decimal('1157.5'), decimals: 1, minIntegerDigits: 1 }, '1.157,5', inUnit('ha'))).toEqual({ text: '1157.5', isNumber: true });
    expect(yamlTextOf({ value: new Decimal('1'), decimals: 0, minIntegerDigits: 2 }, '01', inUnit('hộ'))).toEqual({ text: '01', isNumber: true });
  });

  it('reads a number text as the data does, in its field\'s unit; what digits cannot say is written back as typed', () => {
    const read = (text: string, unit: string, field?: string) => readNumberText(text, inUnit(unit, field));
    expect(read('3.666', 'hộ')).toEqual({ quantity: { value: new Decimal(3666), decimals: 0, minIntegerDigits: 1 } });
    expect(read('4,423', 'hộ')).toEqual({ problem: expect.stringContaining('Nếu là 4.423 hộ, viết 4.423 (hoặc 4423).') });
    expect(read('3.666', 'ha')).toEqual({ problem: expect.stringContaining('(đơn vị ha) không rõ nghĩa') });
    // A share of plan is in %, whatever the figure's unit: 1.157 is ambiguous there even for a count.
    expect(read('1.157', 'hộ', 'ty_le_ke_hoach')).toEqual({ problem: expect.stringContaining('(đơn vị %) không rõ nghĩa') });
    expect(read('trên 5', 'hộ', 'tang_giam')).toEqual({ problem: expect.stringMatching(/^tang_giam là một mức tăng\/giảm có dấu/) });
    const amount = read('16 tỷ 434 triệu', 'đồng');
    expect('quantity' in amount && amount.quantity.value.eq(16_434_000_000)).toBe(true);
    const bound = read('trên 20', 'tỷ đồng');
    expect('quantity' in bound && bound.quantity.bound).toBe('trên');
    for (const [text, unit] of [['trên 20', 'tỷ đồng'], ['16 tỷ 434 triệu', 'đồng'], ['16 tỷ 434 triệu đồng', 'tỷ đồng']] as const) {
      const reading = read(text, unit);
      expect('quantity' in reading && yamlTextOf(reading.quantity, text, inUnit(unit))).toEqual({ text, isNumber: false });
    }
    expect(cellNumber({ value: new Decimal(95), decimals: 0, minIntegerDigits: 1, bound: 'gần' })).toEqual({ text: 'gần 95' });
  });
});

describe('sheet names', () => {
  it('are the headings within 31 characters, without what Excel refuses, unique without regard to case', () => {
    const period = parsePeriod('2023')!;
    expect(
      sheetNames(
        [
          { heading: 'Lĩnh vực kinh tế:', fallback: 'kinh-te' },
          { heading: 'Công tác cải cách hành chính, văn phòng thống kê, nội vụ.', fallback: 'cchc' },
          { heading: 'PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{nam_sau}}', fallback: 'phuong-huong' },
          { heading: 'Hướng dẫn', fallback: 'x' },
          { heading: 'Thu/chi [ngân sách]?', fallback: 'ngan-sach' },
          { heading: undefined, fallback: 'khac' },
          { heading: 'LĨNH VỰC KINH TẾ', fallback: 'kinh-te-2' },
        ],
        period,
        ['Hướng dẫn'],
      ),
    ).toEqual(['Lĩnh vực kinh tế', 'Công tác cải cách hành chính', 'PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024', 'Hướng dẫn (2)', 'Thu chi ngân sách', 'khac', 'LĨNH VỰC KINH TẾ (2)']);
    expect(cellReference("Nhà ở d'ân", 4, 12)).toBe("'Nhà ở d''ân'!D12");
  });

  it('keeps a text that looks like an escape from being read as one', () => {
    expect(escapedText('gtxd_kinh_phi_bai_do_xe_nghia_trang')).toBe('gtxd_kinh_phi_bai_do_x005F_xe_nghia_trang');
    expect(escapedText('so_ho_x_a')).toBe('so_ho_x_a');
  });
});
