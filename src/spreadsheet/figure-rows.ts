import { Decimal } from '../decimal.js';
import type { Figure, Measure, Recorded } from '../compute/figures.js';
import type { UnitTable, UnitUse } from '../compute/units.js';
import type { LoadedFile } from '../load/load-year.js';
import { entry, type YamlEntry, type YamlMap, type YamlNode } from '../load/yaml-tree.js';
import type { Report } from '../diagnostics.js';
import { figureUnits } from '../validate/decode.js';
import { PLACEHOLDER } from '../validate/placeholders.js';
import { readOutline, type OutlineNode } from '../validate/outline.js';
import { figureNumberUse, type FigureNumberUse } from '../validate/read-number.js';
import type { Quantity } from '../vietnamese/number.js';
import { readNumberText, yamlTextOf } from './cell-number.js';

/**
 * The figures of a period as rows of a workbook, one list per section file: what the data
 * holds at each place a clerk may fill (read from the YAML trees, so a period still holding
 * CẦN ĐIỀN has its rows too), what comes from elsewhere when the data does not say it (last
 * year's value and target, the figure a restatement repeats), what the analysis computes,
 * and how each figure relates to others. Export writes it; import compares a workbook with it.
 */

export const TEXT_FIELDS = ['ten', 'don_vi'] as const;
export const NUMBER_FIELDS = ['gia_tri', 'ke_hoach', 'cung_ky', 'ty_le_ke_hoach', 'tang_giam', 'chenh_lech'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type NumberField = (typeof NUMBER_FIELDS)[number];
export type InputField = TextField | NumberField;
/** The measures the program computes: a total's value, the share of plan, the change against cùng kỳ. */
export const COMPUTED_FIELDS = ['gia_tri', 'ty_le_ke_hoach', 'tang_giam', 'chenh_lech'] as const;
export type ComputedField = (typeof COMPUTED_FIELDS)[number];

/** Where a value shown but not written in this figure comes from. */
export interface Inherited {
  quantity?: Quantity;
  text?: string;
  /** In words: `mục tiêu năm 2022`, `chỉ tiêu gia_tri_nong_nghiep`. */
  from: string;
}

/** What the data holds at one place of a figure. */
export type Held =
  | { kind: 'absent'; inherited?: Inherited }
  /** The key is there with no value (`gia_tri:`). */
  | { kind: 'empty' }
  | { kind: 'placeholder'; text: string }
  /**
   * A number, with its text as written, read in the figure's unit. `inDigits`: whether its digits
   * say all the text does (not so for a bound's word, `trên 20`, nor an amount known to its last
   * written place, `16 tỷ 434 triệu đồng`): the workbook shows it as a number, else as the text.
   */
  | { kind: 'number'; quantity: Quantity; source: string; inDigits: boolean }
  /** A text field's value; for a number field, a text that does not read as a number (the data's own error). */
  | { kind: 'text'; text: string }
  /** Not a single value (a list, a map): the workbook shows it but cannot change it. */
  | { kind: 'other' };

/** A value the program computes: a number, or the words a report prints where it would divide by zero. */
export type Computed = { quantity: Quantity } | { words: string };

export interface FigureRow {
  key: string;
  /** The figure's unit in the data (a restatement's is its original's), in which its numbers are read. */
  unit: UnitUse;
  /** The figure it restates (nhac_lai), if any. */
  restates?: string;
  held: Record<InputField, Held>;
  computed: Partial<Record<ComputedField, Computed>>;
  /** How the figure relates to others, for the reader: `= tổng: a + b`, `trong đó: c`. */
  relation: string;
}

export interface SectionRows {
  file: LoadedFile;
  /** The section's heading: the outline's title for it, else the file's tieu_de. */
  heading?: string;
  rows: FigureRow[];
}

/** What earlier reports give the figures that do not state them: last year's values (cùng kỳ) and targets (plan). */
export interface EarlierRecords {
  values: ReadonlyMap<string, Recorded>;
  targets: ReadonlyMap<string, Recorded>;
  /** In words: `số liệu năm 2022`, `mục tiêu năm 2022`. */
  valuesFrom: string;
  targetsFrom: string;
}

/** What the data holds at one place: a text field's text, or a number field's number read as the data reads it (`use`). */
function held(node: YamlNode | undefined, use?: FigureNumberUse): Held {
  if (node === undefined) return { kind: 'absent' };
  if (node.kind !== 'scalar') return { kind: 'other' };
  if (node.value === null) return { kind: 'empty' };
  if (typeof node.value === 'string' && node.value.trimStart().startsWith(PLACEHOLDER)) return { kind: 'placeholder', text: node.value.trim() };
  if (!use) return { kind: 'text', text: String(node.value) };
  const source = node.source.trim();
  const reading = readNumberText(source, use);
  if ('problem' in reading) return { kind: 'text', text: node.source };
  return { kind: 'number', quantity: reading.quantity, source, inDigits: yamlTextOf(reading.quantity, source, use).isNumber };
}

const refs = (map: YamlMap, name: string): string[] => {
  const node = entry(map, name);
  if (node?.kind === 'seq') return node.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '?'));
  if (node?.kind === 'scalar' && node.value !== null) return [String(node.value)];
  return [];
};

/** The relations a figure's own keys state, and those others state about it (the totals it is a part of). */
function relationOf(map: YamlMap, partOf: readonly string[]): string {
  const unit = entry(map, 'don_vi');
  const percent = unit?.kind === 'scalar' && String(unit.value).trim() === '%';
  const parts: string[] = [];
  const sum = refs(map, 'tong');
  if (sum.length) parts.push(`= tổng: ${sum.join(' + ')}`);
  const product = refs(map, 'tich');
  if (product.length) parts.push(`= ${product.join(' × ')}`);
  const ratio = refs(map, 'chia');
  if (ratio.length) parts.push(`= ${ratio.join(' / ')}${percent ? ' × 100' : ''}`);
  const restates = refs(map, 'nhac_lai');
  if (restates.length) parts.push(`nhắc lại: ${restates.join(', ')}`);
  const ofWhich = refs(map, 'trong_do');
  if (ofWhich.length) parts.push(`trong đó: ${ofWhich.join(', ')}`);
  const planFor = refs(map, 'ke_hoach_cho');
  if (planFor.length) parts.push(`kế hoạch năm sau của: ${planFor.join(', ')}`);
  if (partOf.length) parts.push(`thuộc tổng: ${partOf.join(', ')}`);
  return parts.join('; ');
}

/** A computed quantity as the report prints it: rounded half-up to its decimals. */
function rounded(quantity: Quantity): Quantity {
  return { ...quantity, value: new Decimal(quantity.value.toFixed(quantity.decimals, Decimal.ROUND_HALF_UP)) };
}

function computedOf(measure: Measure): Computed | undefined {
  if (measure.derived) return { quantity: rounded(measure.derived.quantity) };
  return measure.unavailable === undefined ? undefined : { words: measure.unavailable };
}

function figureEntries(file: LoadedFile): YamlEntry[] {
  const list = file.tree?.kind === 'map' ? entry(file.tree, 'chi_tieu') : undefined;
  return list?.kind === 'map' ? list.entries : [];
}

function figureMaps(file: LoadedFile): { key: string; map: YamlMap }[] {
  return figureEntries(file).flatMap((e) => (e.value.kind === 'map' ? [{ key: e.key, map: e.value }] : []));
}

/** The section files in the order of the outline, each with the heading it is printed under; files it leaves out come last. */
function inOutlineOrder(files: readonly LoadedFile[], shownFolder: string): { file: LoadedFile; heading?: string }[] {
  const sections = files.filter((f) => f.kind.role === 'section');
  const outlineFile = files.find((f) => f.kind.role === 'outline');
  const ignore: Report = () => undefined;
  const outline = readOutline(outlineFile, sections, shownFolder, ignore);
  const byName = new Map(sections.map((f) => [f.kind.name, f]));
  const ordered: { file: LoadedFile; heading?: string }[] = [];
  const visit = (nodes: readonly OutlineNode[]) => {
    for (const node of nodes) {
      const file = node.file && byName.get(node.file.name);
      if (file && !ordered.some((o) => o.file === file)) {
        const own = file.tree?.kind === 'map' ? entry(file.tree, 'tieu_de') : undefined;
        const title = node.title ?? (own?.kind === 'scalar' ? own : undefined);
        ordered.push({ file, heading: title?.value === null || title === undefined ? undefined : String(title.value) });
      }
      visit(node.children);
    }
  };
  visit(outline.nodes);
  for (const file of sections) {
    if (ordered.some((o) => o.file === file)) continue;
    const own = file.tree?.kind === 'map' ? entry(file.tree, 'tieu_de') : undefined;
    ordered.push({ file, heading: own?.kind === 'scalar' && own.value !== null ? String(own.value) : undefined });
  }
  return ordered;
}

/**
 * The rows of every section file of a period, its numbers read in their figures' units from
 * `units`, the project's unit table. `figures` is the analysis of the period when it could run
 * (a period still holding CẦN ĐIỀN cannot be computed: its computed cells stay empty).
 */
export function sectionRows(
  files: readonly LoadedFile[],
  shownFolder: string,
  earlier: EarlierRecords | undefined,
  figures: ReadonlyMap<string, Figure> | undefined,
  units: UnitTable,
): SectionRows[] {
  const sections = files.filter((f) => f.kind.role === 'section');
  const all = sections.flatMap(figureMaps);
  const byKey = new Map(all.map((f) => [f.key, f.map]));
  const partOf = new Map<string, string[]>();
  for (const { key, map } of all) for (const part of refs(map, 'tong')) partOf.set(part, [...(partOf.get(part) ?? []), key]);
  // Units as the data's reader takes them: a restatement's is its original's. An unknown unit is check's to tell.
  const ignore: Report = () => undefined;
  const unitsByKey = figureUnits(sections.flatMap(figureEntries), units, ignore);

  const rowOf = (key: string, map: YamlMap): FigureRow => {
    const unit = unitsByKey.get(key) ?? { unit: '' };
    const fields = Object.fromEntries([
      ...TEXT_FIELDS.map((name) => [name, held(entry(map, name))]),
      ...NUMBER_FIELDS.map((name) => [name, held(entry(map, name), figureNumberUse(name, unit, units))]),
    ]) as Record<InputField, Held>;
    const restated = refs(map, 'nhac_lai')[0];
    const original = restated === undefined ? undefined : byKey.get(restated);
    if (original) {
      for (const name of TEXT_FIELDS) {
        const own = fields[name];
        const theirs = held(entry(original, name));
        if (own.kind === 'absent' && theirs.kind === 'text') own.inherited = { text: theirs.text, from: `chỉ tiêu ${restated}` };
      }
    } else if (earlier && restated === undefined) {
      const unit = fields.don_vi.kind === 'text' ? fields.don_vi.text.trim() : undefined;
      const inherit = (name: 'ke_hoach' | 'cung_ky', recorded: Recorded | undefined, from: string) => {
        const own = fields[name];
        if (own.kind === 'absent' && recorded && recorded.unit.trim() === unit) own.inherited = { quantity: recorded.quantity, from };
      };
      inherit('ke_hoach', earlier.targets.get(key), earlier.targetsFrom);
      inherit('cung_ky', earlier.values.get(key), earlier.valuesFrom);
    }
    const figure = figures?.get(key);
    const computed: FigureRow['computed'] = {};
    if (figure) {
      const measures: Record<ComputedField, Measure> = {
        gia_tri: figure.value,
        ty_le_ke_hoach: figure.planShare,
        tang_giam: figure.change,
        chenh_lech: figure.changeAmount,
      };
      for (const name of COMPUTED_FIELDS) {
        const value = computedOf(measures[name]);
        if (value) computed[name] = value;
      }
    }
    return { key, unit, ...(restated === undefined ? {} : { restates: restated }), held: fields, computed, relation: relationOf(map, partOf.get(key) ?? []) };
  };

  return inOutlineOrder(files, shownFolder).map(({ file, heading }) => ({
    file,
    ...(heading === undefined ? {} : { heading }),
    rows: figureMaps(file).map(({ key, map }) => rowOf(key, map)),
  }));
}
