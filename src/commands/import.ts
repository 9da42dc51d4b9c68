import fs from 'node:fs';
import path from 'node:path';
import type { UnitTable, UnitUse } from '../compute/units.js';
import { RunError } from '../diagnostics.js';
import { parseYamlText } from '../load/load-year.js';
import { nodeAt } from '../load/yaml-tree.js';
import type { Period } from '../period.js';
import { FIGURE_KEY, RESERVED_WORDS } from '../reference-words.js';
import {
  quantityOfCell,
  readNumberText,
  readNumericCell,
  sameReading,
  yamlNumberText,
  yamlTextOf,
  CELL_DIGITS,
} from '../spreadsheet/cell-number.js';
import { NUMBER_FIELDS, TEXT_FIELDS, type FigureRow, type InputField, type NumberField } from '../spreadsheet/figure-rows.js';
import { COLUMNS, columnOf, FIELD_WORDS, GUIDE_SHEET, isRate, readGuide, shownNumber } from '../spreadsheet/layout.js';
import { cellReference } from '../spreadsheet/sheet-names.js';
import type { InCell, InSheet } from '../spreadsheet/workbook.js';
import { EditableYaml, type NewValue, type TextEdit } from '../spreadsheet/yaml-edit.js';
import { PLACEHOLDER } from '../validate/placeholders.js';
import { figureNumberUse, type FigureNumberUse } from '../validate/read-number.js';
import { formatNumber, type Quantity } from '../vietnamese/number.js';
import { displayPath } from '../workspace.js';
import { replaceFilesTogether } from '../write-together.js';
import type { AnalyzeOptions } from './analyze.js';
import { check, type CheckOutcome } from './check.js';
import { forEachUnit, periodSheets, type UnitResult } from './export.js';

/** A problem of the workbook: where (sheet and cell), which figure, what to do. */
export interface CellProblem {
  ruleId: string;
  /** `'Kinh tế'!D12`; none for a problem of the whole workbook. */
  cell?: string;
  message: string;
}

/** A change written into the data, with the cell it came from. */
export interface ImportedChange extends TextEdit {
  cell: string;
  file: string;
}

export type ImportOutcome =
  | { imported: false; shownWorkbook: string; problems: CellProblem[] }
  | { imported: true; shownWorkbook: string; changes: ImportedChange[]; files: string[]; check: CheckOutcome };

export interface ImportOptions extends AnalyzeOptions {
  /** The workbook, relative to the working folder; default out/so-lieu-<period>.xlsx. */
  workbook?: string;
}

/** A workbook larger than this is not one `report export` made: a commune's figures take some tens of KB. */
const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** What a cell of a number column says. */
type CellReading =
  | { kind: 'empty' }
  | { kind: 'placeholder'; text: string }
  /** A number: typed as a number (`numeric`), or as a text read as the data reads it. */
  | { kind: 'number'; quantity: Quantity; write: NewValue; numeric: boolean; typed?: string };

function readBytes(file: string, shown: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new RunError(`Không tìm thấy bảng tính ${shown}. Tạo bảng tính bằng report export, hoặc ghi đúng đường dẫn tới tệp .xlsx.`);
  }
  if (!stat.isFile()) throw new RunError(`${shown} không phải một tệp .xlsx. Ghi đường dẫn tới tệp bảng tính.`);
  if (stat.size > MAX_WORKBOOK_BYTES) throw new RunError(`${shown} quá lớn (${Math.round(stat.size / 1024 / 1024)} MB): bảng số liệu của report export chỉ vài chục KB. Kiểm tra lại tệp.`);
  return fs.readFileSync(file);
}

const textOf = (cell: InCell | null | undefined): string | undefined => (cell?.kind === 'text' ? cell.text.normalize('NFC').trim() : undefined);

/** The workbook's table of contents against the data: its sheets, which figures are where, and every change. */
class WorkbookImport {
  readonly problems: CellProblem[] = [];
  /** Each figure key of the data, with its row and file. */
  readonly #figures = new Map<string, { row: FigureRow; file: string }>();
  /** Where each key was seen in the workbook. */
  readonly #seen = new Map<string, string>();
  readonly #editors = new Map<string, EditableYaml>();
  readonly #cells = new Map<string, string>();
  /** The Đơn vị cell of each key's row, as typed (the first row of a key): the unit its figure has once imported. */
  readonly #typedUnits = new Map<string, string | undefined>();

  constructor(
    readonly sections: ReturnType<typeof periodSheets>['sections'],
    readonly units: UnitTable,
    readonly readRaw: (file: string) => string,
  ) {
    for (const section of sections) for (const row of section.rows.rows) this.#figures.set(row.key, { row, file: section.rows.file.source.path });
  }

  problem(ruleId: string, message: string, cell?: string): void {
    this.problems.push({ ruleId, message, ...(cell ? { cell } : {}) });
  }

  editor(file: string): EditableYaml {
    let editor = this.#editors.get(file);
    if (!editor) {
      editor = new EditableYaml(this.readRaw(file));
      this.#editors.set(file, editor);
    }
    return editor;
  }

  get editors(): ReadonlyMap<string, EditableYaml> {
    return this.#editors;
  }

  /** Notes the unit each row of a sheet gives its figure, before any number is read: a restatement's numbers are in its original's unit, which may be on another sheet. */
  noteUnits(sheet: InSheet): void {
    for (const cells of sheet.rows.slice(1)) {
      const key = textOf(cells?.[0]);
      if (key === undefined || key === '' || this.#typedUnits.has(key)) continue;
      this.#typedUnits.set(key, textOf(cells?.[columnOf('don_vi') - 1]) || undefined);
    }
  }

  /**
   * The unit a figure of the data is in once the workbook is imported, in which its cells are
   * read as the data will read them: its Đơn vị cell where that is written into the data, else
   * the data's own, and a restatement's the unit of the figure it restates, as imported.
   */
  #unitAfterImport(key: string, visited = new Set<string>()): UnitUse {
    const row = this.#figures.get(key)!.row;
    const typed = this.#typedUnits.get(key);
    const held = row.held.don_vi;
    const shown = held.kind === 'text' || held.kind === 'placeholder' ? held.text : held.kind === 'absent' ? held.inherited?.text : undefined;
    if (typed !== undefined && typed !== shown?.normalize('NFC').trim()) return { unit: typed, tableUnit: this.units.lookup(typed) };
    const original = row.restates;
    if (held.kind === 'absent' && original !== undefined && this.#figures.has(original) && !visited.has(key)) return this.#unitAfterImport(original, visited.add(key));
    return row.unit;
  }

  /** The cell a change came from, by figure and field. */
  cellOf(key: string, field: string): string {
    return this.#cells.get(`${key}/${field}`) ?? '';
  }

  /**
   * Reads a number column's cell as the data reads the same number at that field (`use`), or
   * reports why it cannot be read; `decimals` are those to keep in a numeric cell (the data's).
   */
  #number(cell: InCell | null, at: string, what: string, decimals: number, use: FigureNumberUse, rate = false): CellReading | undefined {
    if (cell === null) return { kind: 'empty' };
    if (cell.kind === 'boolean' || cell.kind === 'date') {
      this.problem('cell-number', `${what}: ô chứa ${cell.kind === 'date' ? 'một ngày tháng' : 'giá trị đúng/sai'}, không phải số. Gõ lại số (và đặt định dạng ô là Số hoặc Văn bản).`, at);
      return undefined;
    }
    if (cell.kind === 'number') {
      const read = readNumericCell(cell.raw);
      if ('tooLong' in read) {
        this.problem(
          'cell-digits',
          `${what}: số trong ô có hơn ${CELL_DIGITS} chữ số, mà Excel chỉ giữ đúng ${CELL_DIGITS} chữ số (các chữ số sau bị thay bằng 0). ` +
            `Gõ số này dạng văn bản: thêm dấu ' ở đầu ('6790880637123456789), hoặc đặt định dạng ô là Văn bản rồi gõ lại.`,
          at,
        );
        return undefined;
      }
      if ('problem' in read) {
        this.problem('cell-number', `${what}: ${read.problem}.`, at);
        return undefined;
      }
      const quantity = quantityOfCell(read.value, decimals);
      const written = yamlNumberText(quantity);
      const again = readNumberText(written, use);
      if ('problem' in again) {
        this.problem('cell-number', `${what}: ${again.problem}`, at);
        return undefined;
      }
      if (!again.quantity.value.eq(quantity.value)) {
        // In a count a dot before three digits groups thousands, as in the data: 1.157 hộ would be read back as 1157 hộ.
        this.problem(
          'cell-number',
          `${what}: ô chứa số ${formatNumber(quantity)} (có phần thập phân), mà "${use.unit}" là đơn vị đếm: số đếm không có phần thập phân. ` +
            `Nếu là ${formatNumber(again.quantity)} ${use.unit}, gõ ${again.quantity.value.toFixed()}.`,
          at,
        );
        return undefined;
      }
      return { kind: 'number', quantity, write: { number: written }, numeric: true };
    }
    // A rate typed with its sign, as the cell shows it: "102%" is the data's 102.
    const typed = cell.text.normalize('NFC').trim().replace(rate ? /\s*%$/ : /$^/, '');
    if (typed === '') return { kind: 'empty' };
    if (typed.startsWith(PLACEHOLDER)) return { kind: 'placeholder', text: typed };
    const reading = readNumberText(typed, use);
    if ('problem' in reading) {
      this.problem('cell-number', `${what}: "${typed}" không phải là số. ${reading.problem}`, at);
      return undefined;
    }
    const yaml = yamlTextOf(reading.quantity, typed, use);
    return { kind: 'number', quantity: reading.quantity, write: yaml.isNumber ? { number: yaml.text } : { text: yaml.text }, numeric: false, typed };
  }

  /** The text a text column's cell holds; a number there reads as its digits. */
  #text(cell: InCell | null, at: string, what: string): string | undefined | null {
    if (cell === null) return undefined;
    if (cell.kind === 'text') return cell.text.normalize('NFC').trim() || undefined;
    if (cell.kind === 'number') {
      const read = readNumericCell(cell.raw);
      return 'value' in read ? read.value.toFixed() : cell.raw;
    }
    this.problem('cell-text', `${what}: ô chứa ${cell.kind === 'date' ? 'một ngày tháng' : 'giá trị đúng/sai'}; gõ chữ.`, at);
    return null;
  }

  #change(file: string, key: string, field: string, cell: string, write: (editor: EditableYaml) => void): void {
    this.#cells.set(`${key}/${field}`, cell);
    write(this.editor(file));
  }

  /** Compares one row of an existing figure with the data, and notes each change. */
  #existing(sheet: string, rowNumber: number, cells: (InCell | null)[], key: string, entry: { row: FigureRow; file: string }): void {
    const { row, file } = entry;
    const figureName = (row.held.ten.kind === 'text' ? row.held.ten.text : row.held.ten.kind === 'absent' ? row.held.ten.inherited?.text : undefined) ?? key;
    for (const field of TEXT_FIELDS) {
      const at = cellReference(sheet, columnOf(field), rowNumber);
      const what = `${FIELD_WORDS[field]} của "${figureName}" (${key})`;
      const value = this.#text(cells[columnOf(field) - 1] ?? null, at, what);
      if (value === null) continue;
      const held = row.held[field];
      const set = (editor: EditableYaml) => editor.setValue(key, field, { text: value! });
      switch (held.kind) {
        case 'text':
          if (value === undefined) this.problem('cell-empty', `${what}: ô trống, mà dữ liệu ghi "${held.text}". Ghi lại ${FIELD_WORDS[field]}; muốn xóa chỉ tiêu thì sửa tệp dữ liệu.`, at);
          else if (value !== held.text.normalize('NFC').trim()) this.#change(file, key, field, at, set);
          break;
        case 'placeholder':
        case 'empty':
          if (value !== undefined && value !== (held.kind === 'placeholder' ? held.text : undefined)) this.#change(file, key, field, at, set);
          break;
        case 'absent':
          if (value !== undefined && value !== held.inherited?.text) this.#change(file, key, field, at, (editor) => editor.addValue(key, field, { text: value }));
          break;
        case 'other':
          break;
      }
    }
    for (const field of NUMBER_FIELDS) this.#existingNumber(sheet, rowNumber, cells, key, figureName, field, row, file);
  }

  #existingNumber(sheet: string, rowNumber: number, cells: (InCell | null)[], key: string, figureName: string, field: NumberField, row: FigureRow, file: string): void {
    const held = row.held[field];
    const at = cellReference(sheet, columnOf(field), rowNumber);
    const what = `${FIELD_WORDS[field]} của "${figureName}" (${key})`;
    const cell = cells[columnOf(field) - 1] ?? null;
    if (held.kind === 'other') return;
    const rate = isRate(field, row);
    // What the export showed: a cell that still shows the same text changes nothing (a bound, an
    // amount in words, a value of the data that does not read as a number, as written).
    const shown = held.kind === 'text' ? { text: held.text } : shownNumber(held, rate);
    const typed = textOf(cell);
    if (shown && 'text' in shown && typed !== undefined && typed === shown.text.normalize('NFC').trim()) return;
    // A numeric cell keeps the decimals its format showed.
    const shownQuantity = held.kind === 'number' ? held.quantity : held.kind === 'absent' ? held.inherited?.quantity : undefined;
    const decimals = shown && 'number' in shown && shownQuantity ? shownQuantity.decimals : 0;
    const reading = this.#number(cell, at, what, decimals, figureNumberUse(field, this.#unitAfterImport(key), this.units), rate);
    if (!reading) return;
    // A numeric cell is the same only where the export wrote a number: where it wrote a text (trên 20), a number there is a change.
    const same = (quantity: Quantity) =>
      reading.kind === 'number' &&
      (reading.numeric ? shown !== undefined && 'number' in shown && reading.quantity.value.eq(quantity.value) : sameReading(reading.quantity, quantity));
    const write: NewValue | undefined = reading.kind === 'number' ? reading.write : reading.kind === 'placeholder' ? { text: reading.text } : undefined;
    switch (held.kind) {
      case 'number':
        if (reading.kind === 'empty') {
          this.problem(
            'cell-empty',
            `${what}: ô trống, mà dữ liệu ghi ${held.source}. Bảng tính không xóa số liệu: ghi lại số, hoặc xóa ${field} trong tệp dữ liệu.`,
            at,
          );
        } else if (!same(held.quantity)) this.#change(file, key, field, at, (editor) => editor.setValue(key, field, write!));
        break;
      case 'placeholder':
      case 'empty':
      case 'text':
        if (reading.kind === 'number' || (reading.kind === 'placeholder' && held.kind !== 'placeholder')) this.#change(file, key, field, at, (editor) => editor.setValue(key, field, write!));
        break;
      case 'absent': {
        if (reading.kind === 'empty') break;
        if (held.inherited?.quantity && same(held.inherited.quantity)) break;
        this.#change(file, key, field, at, (editor) => editor.addValue(key, field, write!));
        break;
      }
    }
  }

  /** A row with a key the data does not have: a new figure of this sheet's file. */
  #added(sheet: string, rowNumber: number, cells: (InCell | null)[], key: string, file: string): void {
    const keyCell = cellReference(sheet, columnOf('key'), rowNumber);
    const before = this.problems.length;
    if (!FIGURE_KEY.test(key)) {
      this.problem('new-figure', `Mã "${key}" không hợp lệ: mã viết chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ so_ho_kinh_doanh).`, keyCell);
    } else if (RESERVED_WORDS.includes(key)) {
      this.problem('new-figure', `Mã "${key}" trùng với một từ dùng trong câu văn ({{${key} ...}}). Đặt mã khác, ví dụ "${key}_1".`, keyCell);
    }
    const fields: [string, NewValue][] = [];
    const what = (field: InputField) => `${FIELD_WORDS[field]} của chỉ tiêu mới ${key}`;
    const name = this.#text(cells[columnOf('ten') - 1] ?? null, cellReference(sheet, columnOf('ten'), rowNumber), what('ten'));
    const unit = this.#text(cells[columnOf('don_vi') - 1] ?? null, cellReference(sheet, columnOf('don_vi'), rowNumber), what('don_vi'));
    for (const [field, value] of [['ten', name], ['don_vi', unit]] as const) {
      if (value === undefined) this.problem('new-figure', `Chỉ tiêu mới ${key} cần ${FIELD_WORDS[field]}: ghi vào ô này.`, cellReference(sheet, columnOf(field), rowNumber));
    }
    const numbers = new Map<NumberField, NewValue>();
    // Its numbers are read in the unit typed in its Đơn vị cell, as the data will read them.
    const unitUse: UnitUse = { unit: typeof unit === 'string' ? unit : '', tableUnit: typeof unit === 'string' ? this.units.lookup(unit) : undefined };
    for (const field of NUMBER_FIELDS) {
      const at = cellReference(sheet, columnOf(field), rowNumber);
      const rate = field === 'ty_le_ke_hoach' || field === 'tang_giam' || (typeof unit === 'string' && unit.trim() === '%' && field !== 'chenh_lech');
      const reading = this.#number(cells[columnOf(field) - 1] ?? null, at, what(field), 0, figureNumberUse(field, unitUse, this.units), rate);
      if (reading?.kind === 'number') numbers.set(field, reading.write);
      else if (reading?.kind === 'placeholder') numbers.set(field, { text: reading.text });
      else if (reading?.kind === 'empty' && field === 'gia_tri') this.problem('new-figure', `Chỉ tiêu mới ${key} cần giá trị: ghi số vào ô này (hoặc "${PLACEHOLDER}").`, at);
    }
    const editor = this.editor(file);
    if (!editor.canAddFigures()) {
      this.problem('new-figure', `Chỉ tiêu mới ${key}: ${path.basename(file)} viết chi_tieu dạng { }, nên không thêm được dòng mới. Sửa tệp đó (viết chi_tieu dạng khối) rồi nhập lại.`, keyCell);
    }
    if (this.problems.length > before || typeof name !== 'string' || typeof unit !== 'string') return;
    fields.push(['ten', { text: name }]);
    if (numbers.has('gia_tri')) fields.push(['gia_tri', numbers.get('gia_tri')!]);
    fields.push(['don_vi', { text: unit }]);
    for (const field of NUMBER_FIELDS) if (field !== 'gia_tri' && numbers.has(field)) fields.push([field, numbers.get(field)!]);
    for (const [field] of fields) this.#cells.set(`${key}/${field}`, cellReference(sheet, columnOf(field as InputField), rowNumber));
    editor.addFigure(key, fields);
  }

  /** Reads one section's sheet: its header must be the export's, each row is an existing figure or a new one. */
  sheet(sheet: InSheet, file: string): void {
    const header = sheet.rows[0] ?? [];
    for (const [i, column] of COLUMNS.entries()) {
      const found = textOf(header[i]);
      if (found !== column.header) {
        this.problem(
          'sheet-layout',
          `Trang "${sheet.name}": ô tiêu đề cột ${found === undefined ? 'trống' : `ghi "${found}"`}, mà phải là "${column.header}". ` +
            'Không chèn, xóa hay đổi chỗ các cột; xuất lại bảng tính (report export) và chép số liệu sang nếu cần.',
          cellReference(sheet.name, i + 1, 1),
        );
        return;
      }
    }
    const inputColumns = columnOf('chenh_lech');
    for (let r = 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] ?? [];
      const rowNumber = r + 1;
      if (cells.slice(0, inputColumns).every((c) => c === null || c === undefined)) continue;
      const keyCell = cellReference(sheet.name, 1, rowNumber);
      const key = textOf(cells[0]) ?? (cells[0]?.kind === 'number' ? cells[0].raw : undefined);
      if (key === undefined) {
        this.problem('new-figure', `Dòng ${rowNumber} có số liệu nhưng chưa có mã chỉ tiêu: ghi mã (chữ thường không dấu, ví dụ so_ho_kinh_doanh), hoặc xóa dòng.`, keyCell);
        continue;
      }
      const earlier = this.#seen.get(key);
      if (earlier) {
        this.problem('duplicate-row', `Mã ${key} đã có ở ${earlier}: mỗi chỉ tiêu một dòng. Xóa một trong hai dòng.`, keyCell);
        continue;
      }
      this.#seen.set(key, keyCell);
      const existing = this.#figures.get(key);
      if (existing) this.#existing(sheet.name, rowNumber, cells, key, existing);
      else this.#added(sheet.name, rowNumber, cells, key, file);
    }
  }
}

/** Reads a workbook's sheets, or the reason it is no workbook. */
async function workbookSheets(bytes: Uint8Array): Promise<InSheet[] | string> {
  // Loaded here, on demand: the spreadsheet library is for export and import alone.
  const { readWorkbook, unreadableReason } = await import('../spreadsheet/read-workbook.js');
  try {
    return await readWorkbook(bytes);
  } catch (error) {
    return unreadableReason(error);
  }
}

/**
 * `report import`: the changed values of a workbook that `report export` made, written back
 * into the period's YAML files in place, all files or none; a workbook with any problem
 * changes nothing and every problem is told. Then the period is checked.
 */
export async function importWorkbook(options: ImportOptions): Promise<ImportOutcome> {
  const { workspace, period } = options;
  const file = options.workbook ? path.resolve(workspace.cwd, options.workbook) : workspace.defaultWorkbook(period);
  const shownWorkbook = workspace.show(file);
  const refused = (problems: CellProblem[]): ImportOutcome => ({ imported: false, shownWorkbook, problems });
  const bytes = readBytes(file, shownWorkbook);
  const sheets = await workbookSheets(bytes);
  if (typeof sheets === 'string') return refused([{ ruleId: 'not-a-workbook', message: `${shownWorkbook} ${sheets}.` }]);

  const model = periodSheets(options, false);
  const guide = sheets.find((s) => s.name === GUIDE_SHEET);
  if (!guide) {
    return refused([
      { ruleId: 'not-exported', message: `Bảng tính không có trang "${GUIDE_SHEET}": chỉ nhập được bảng tính do report export tạo. Xuất bằng report export ${period.id}, chép số liệu sang rồi nhập lại.` },
    ]);
  }
  const table = readGuide(guide);
  const problems: CellProblem[] = [];
  if (table.period !== period.id) {
    problems.push({
      ruleId: 'other-period',
      message: `Bảng tính này xuất cho kỳ ${table.period ?? '(không rõ)'}, không phải ${period.id} (trang "${GUIDE_SHEET}", dòng "Kỳ báo cáo"). Nhập vào đúng kỳ: report import ${table.period ?? '<kỳ>'} ...`,
    });
  }
  if (table.body !== undefined && model.body !== '' && table.body !== model.body.normalize('NFC').trim()) {
    problems.push({
      ruleId: 'other-body',
      message: `Bảng tính này của ${table.body}, còn dữ liệu ở đây là của ${model.body}. Kiểm tra lại tệp (bảng tính của đơn vị khác?).`,
    });
  }
  if (problems.length > 0) return refused(problems);

  const byFile = new Map(model.sections.map((s) => [path.basename(s.rows.file.source.path), s.rows.file.source.path]));
  const folder = workspace.periodFolder(period);
  const fullPath = (shown: string) => path.join(folder, path.basename(shown));
  const reading = new WorkbookImport(model.sections, model.units, (shown) => fs.readFileSync(fullPath(shown), 'utf8'));
  for (const sheetName of table.sheets.keys()) {
    const sheet = sheets.find((s) => s.name === sheetName);
    if (sheet) reading.noteUnits(sheet);
  }
  for (const [sheetName, fileName] of table.sheets) {
    const sheet = sheets.find((s) => s.name === sheetName);
    const dataFile = byFile.get(fileName);
    if (!dataFile) {
      reading.problem('unknown-file', `Trang "${sheetName}" ứng với tệp ${fileName}, mà ${workspace.show(folder)} không có tệp này (trang "${GUIDE_SHEET}"). Xuất lại bảng tính.`);
      continue;
    }
    if (!sheet) {
      reading.problem('missing-sheet', `Không thấy trang "${sheetName}" (của tệp ${fileName}): trang đã bị đổi tên hoặc xóa. Đặt lại tên cũ cho trang, hoặc xuất lại bảng tính.`);
      continue;
    }
    reading.sheet(sheet, dataFile);
  }
  const mapped = new Set(table.sheets.keys());
  for (const sheet of sheets) {
    if (sheet.name === GUIDE_SHEET || mapped.has(sheet.name)) continue;
    if (textOf(sheet.rows[0]?.[0]) === COLUMNS[0]!.header) {
      reading.problem('unknown-sheet', `Trang "${sheet.name}" không có trong bảng của trang "${GUIDE_SHEET}", nên không biết ghi vào tệp nào. Chuyển các dòng sang trang của phần tương ứng, hoặc xóa trang.`);
    }
  }
  if (reading.problems.length > 0) return refused(reading.problems);

  const replacements: { path: string; shown: string; text: string }[] = [];
  const changes: ImportedChange[] = [];
  for (const [shown, editor] of reading.editors) {
    if (!editor.changed) continue;
    const { text, edits } = editor.result();
    verify(shown, text, edits);
    replacements.push({ path: fullPath(shown), shown, text });
    for (const edit of edits) changes.push({ ...edit, file: shown, cell: reading.cellOf(edit.key, edit.field) });
  }
  replaceFilesTogether(replacements, workspace.periodFolder(period));
  return { imported: true, shownWorkbook, changes, files: replacements.map((r) => r.shown), check: check(options) };
}

/** The new text parses, and each changed value reads back as written: else nothing is written (a fault of this program). */
function verify(shown: string, text: string, edits: readonly TextEdit[]): void {
  const parsed = parseYamlText(shown, text.startsWith('\uFEFF') ? text.slice(1) : text);
  const wrong = parsed.diagnostics.length > 0 ? parsed.diagnostics[0]!.message : edits.find((edit) => {
    const { node } = nodeAt(parsed.tree, `/chi_tieu/${edit.key}/${edit.field}`);
    if (node?.kind !== 'scalar') return true;
    const written = parseYamlText('', `v: ${edit.after}\n`).tree;
    const expected = written?.kind === 'map' ? written.entries[0]?.value : undefined;
    return expected?.kind !== 'scalar' || expected.source !== node.source;
  });
  if (wrong) throw new RunError(`Lỗi của chương trình khi ghi ${shown} (${typeof wrong === 'string' ? wrong : `${wrong.key} › ${wrong.field}`}): không tệp nào bị sửa. Báo cho người phụ trách, kèm bảng tính.`);
}

/** `report import --units DIR`: each unit from its own workbook, in its out/ or, with `workbookFolder`, <folder>/<unit>.xlsx. */
export async function importUnits(options: { cwd: string; units: string; period: Period; workbookFolder?: string }): Promise<UnitResult<ImportOutcome>[]> {
  const { cwd, units, period, workbookFolder } = options;
  if (workbookFolder !== undefined) {
    const folder = path.resolve(cwd, workbookFolder);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      throw new RunError(`Với --units, ${displayPath(folder, cwd)} phải là thư mục chứa bảng tính của từng đơn vị (<đơn vị>.xlsx).`);
    }
  }
  return forEachUnit(cwd, units, (workspace, unitName) =>
    importWorkbook({ workspace, period, ...(workbookFolder === undefined ? {} : { workbook: path.join(workbookFolder, `${unitName}.xlsx`) }) }),
  );
}
