import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversionFactor, isCount, isRate, differenceUnit, type UnitUse } from '../src/compute/units.js';
import { Decimal } from '../src/decimal.js';
import { Messages } from '../src/diagnostics.js';
import { parseYamlText } from '../src/load/load-year.js';
import { decodeUnitTable, unitTable } from '../src/validate/unit-table.js';
import { PROJECT } from './helpers.js';
import { SHIPPED_UNITS } from './rule-tester.js';

const use = (unit: string): UnitUse => ({ unit, tableUnit: SHIPPED_UNITS.lookup(unit) });
const factor = (from: string, to: string) => conversionFactor(use(from), use(to))?.toString();

describe('the shipped unit table', () => {
  it.each([
    ['tạ', 'tấn', '0.1'],
    ['triệu đồng', 'tỷ đồng', '0.001'],
    ['tỉ đồng', 'đồng', '1000000000'],
    ['ngàn đồng', 'nghìn đồng', '1'],
    ['ha', 'm²', '10000'],
    ['Ha', 'm2', '10000'],
    ['sào', 'ha', '0.036'],
    ['km', 'm', '1000'],
    ['m³', 'lít', '1000'],
    ['MW', 'kW', '1000'],
    ['yến', 'kg', '10'],
    ['phần trăm', '%', '1'],
    ['‰', '%', '0.1'],
    ['khẩu', 'người', '1'],
    ['tạ/ha', 'tạ/sào', '0.036'],
    ['triệu đồng/người/năm', 'đồng/người/năm', '1000000'],
    ['tạ/sào/năm', 'tạ/sào/năm', '1'],
  ])('converts %s into %s by %s', (from, to, expected) => {
    expect(factor(from, to)).toBe(expected);
  });

  it.each([
    ['hộ', 'người'],
    ['ha', 'tấn'],
    ['năm', 'tháng'],
    ['triệu đồng/người/năm', 'triệu đồng/người'],
    ['tổ tự quản', 'tổ tự quản'],
    ['constructor', 'constructor'],
    ['__proto__', 'hộ'],
  ])('does not convert %s into %s', (from, to) => {
    expect(factor(from, to)).toBeUndefined();
  });

  it('lacks units it was never told of, whatever Object has: constructor, __proto__, toString', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'tạ/constructor']) expect(SHIPPED_UNITS.lookup(name)).toBeUndefined();
  });

  it('knows counts, rates and how a rate changes', () => {
    expect(['hộ', 'người', 'cháu', 'vụ việc', 'hồ sơ', 'lượt', 'suất', 'con', 'cây', 'lao động', 'học sinh'].filter((u) => !isCount(use(u)))).toEqual([]);
    expect(['km', 'ha', 'MW', 'tỷ đồng', '%', 'đồng/suất', 'tạ/sào/năm'].filter((u) => isCount(use(u)))).toEqual([]);
    expect(isRate(use('phần trăm'))).toBe(true);
    expect(isRate(use('lần'))).toBe(false);
    expect(differenceUnit(use('%'))).toBe('điểm phần trăm');
    expect(differenceUnit(use('‰'))).toBe('điểm phần nghìn');
    expect(differenceUnit(use('tỷ đồng'))).toBe('tỷ đồng');
  });

  it('holds every unit of the shipped data and of the examples', () => {
    const files = ['data', 'examples']
      .flatMap((folder) => fs.readdirSync(path.join(PROJECT, folder), { recursive: true, encoding: 'utf8' }).map((file) => path.join(PROJECT, folder, file)))
      .filter((file) => /\.ya?ml$/.test(file) && !file.endsWith('don-vi.yaml'));
    const units = files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/don_vi: *"?([^",}\n#]+)"?/g)].map((m) => m[1]!.trim()));
    expect(units.length).toBeGreaterThan(100);
    expect(units.filter((u) => !SHIPPED_UNITS.lookup(u))).toEqual([]);
  });
});

describe('a project table', () => {
  const read = (text: string) => {
    const messages = new Messages();
    const { source, tree } = parseYamlText('data/don-vi.yaml', text);
    const report = messages.stage('config');
    const table = unitTable([decodeUnitTable(parseYamlText('schemas/don-vi.yaml', 'don_vi:\n  ha: { dai_luong: diện tích, he_so: 10000 }\n  sào: { dai_luong: diện tích, he_so: 360 }\n  hộ: { dai_luong: hộ, dem: true }\n'), report), decodeUnitTable({ source, tree }, report)], report);
    return { table, problems: messages.all.map((d) => `${d.place.line}:${d.place.col} ${d.message}`) };
  };

  it('adds units and replaces those of the same name', () => {
    const { table, problems } = read('don_vi:\n  sào: { dai_luong: diện tích, he_so: 1000 }\n  tổ tự quản: { dai_luong: tổ tự quản, dem: true, ten_khac: [tổ TQ] }\n');
    expect(problems).toEqual([]);
    expect(conversionFactor({ unit: 'sào', tableUnit: table.lookup('sào') }, { unit: 'ha', tableUnit: table.lookup('ha') })?.toString()).toBe('0.1');
    expect(table.lookup('Tổ TQ')?.count).toBe(true);
  });

  it.each([
    ['don_vi:\n  mẫu: { dai_luong: diện tích, he_so: 0 }\n', '2:39 Hệ số của "mẫu" phải lớn hơn 0.'],
    ['don_vi:\n  mẫu: { dai_luong: diện tích, he_so: "1.157" }\n', '2:39 Số "1.157" không rõ nghĩa'],
    ['don_vi:\n  tạ/ha: { dai_luong: năng suất }\n', '2:3 Đơn vị "tạ/ha" có dấu "/"'],
    ['don_vi:\n  thùng: { dai_luong: thùng, dem: true, ten_khac: [Thùng] }\n', '2:52 Đơn vị "Thùng" đã có trong bảng này (data/don-vi.yaml:2:3)'],
    ['don_vi:\n  hộ dân: { dai_luong: hộ }\n', '2:3 Đơn vị "hộ dân" (đại lượng "hộ") không là số đếm, còn "hộ" cùng đại lượng (schemas/don-vi.yaml:4:3) thì là.'],
    ['don_vi:\n  thùng: { dai_luong: thùng, dem: co }\n', '2:35 Khóa "don_vi › thùng › dem" phải là true hoặc false.'],
    ['don_vi:\n  thùng: { dai_luon: thùng }\n', '2:12 Khóa "don_vi › thùng › dai_luon" không có trong mẫu dữ liệu'],
  ])('reports a problem at its place: %j', (text, problem) => {
    expect(read(text).problems.join('\n')).toContain(problem);
  });
});

describe('the spellings of a rate', () => {
  it.each(['%', ' % ', '％', 'phần trăm', 'Phần trăm', 'phần  trăm', 'phan tram'])('"%s" is a rate in hundredths, no count', (unit) => {
    expect(isRate(use(unit))).toBe(true);
    expect(factor(unit, '%')).toBe('1');
    expect(isCount(use(unit))).toBe(false);
  });

  it.each(['điểm phần trăm', '%/năm', 'hộ', ''])('"%s" is not a rate', (unit) => {
    expect(isRate(use(unit))).toBe(false);
  });
});
