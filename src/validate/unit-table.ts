import { Decimal } from '../decimal.js';
import { UnitTable, unitKey, type UnitEntry } from '../compute/units.js';
import { formatPlace, type Place, type Report } from '../diagnostics.js';
import type { SourceFile } from '../load/source-file.js';
import { entry, type YamlNode } from '../load/yaml-tree.js';
import { parseSourceNumber } from '../vietnamese/number.js';
import { validateTree } from './validate.js';

/** The schema of a unit table: the shipped schemas/don-vi.yaml and a project's data/don-vi.yaml. */
const UNIT_TABLE_SCHEMA = 'don-vi.schema.json';

/**
 * The entries of one unit table file, each with its place. Schema errors, a scale that is not
 * a positive number, a name with "/" (a compound is a quotient of table units, never an entry
 * of its own) and a name or alias written twice are reported at their place; such an entry is
 * left out.
 */
export function decodeUnitTable(file: { source: SourceFile; tree: YamlNode | null }, report: Report): UnitEntry[] {
  const problems = validateTree(UNIT_TABLE_SCHEMA, file.tree, file.source);
  for (const problem of problems) report(problem);
  const units = file.tree?.kind === 'map' ? entry(file.tree, 'don_vi') : undefined;
  if (problems.length > 0 || units?.kind !== 'map') return [];
  const error = (place: Place, message: string) => report({ ruleId: 'unit-table', severity: 'error', place, message });
  const seen = new Map<string, Place>();
  const entries: UnitEntry[] = [];
  for (const { key: name, keyPlace, value } of units.entries) {
    if (value.kind !== 'map') continue;
    const text = (key: string) => {
      const node = entry(value, key);
      return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
    };
    if (name.includes('/')) {
      error(keyPlace, `Đơn vị "${name}" có dấu "/": đơn vị ghép là thương của các đơn vị trong bảng (tạ/ha từ tạ và ha), không ghi thành một đơn vị. Ghi riêng từng đơn vị.`);
      continue;
    }
    const scale = readScale(name, entry(value, 'he_so'), error);
    if (!scale) continue;
    const aliases = entry(value, 'ten_khac');
    const aliasNodes = aliases?.kind === 'seq' ? aliases.items : [];
    const names = [{ name, place: keyPlace }, ...aliasNodes.map((node) => ({ name: node.kind === 'scalar' ? String(node.value) : '', place: node.place }))];
    const repeated = names.filter(({ name: written, place }) => {
      const earlier = seen.get(unitKey(written));
      if (earlier) error(place, `Đơn vị "${written}" đã có trong bảng này (${formatPlace(earlier)}). Mỗi tên, kể cả tên khác (ten_khac), chỉ ghi một lần trong một tệp.`);
      else seen.set(unitKey(written), place);
      return earlier !== undefined;
    });
    if (repeated.length > 0) continue;
    entries.push({
      name,
      dimension: text('dai_luong') ?? '',
      scale,
      count: text('dem') === 'true',
      aliases: names.slice(1).map((n) => n.name),
      difference: text('chenh_lech'),
      place: keyPlace,
    });
  }
  return entries;
}

/** A unit's scale (he_so, default 1), or undefined when it is not a positive number, which is reported. */
function readScale(name: string, node: YamlNode | undefined, error: (place: Place, message: string) => void): Decimal | undefined {
  if (node?.kind !== 'scalar') return new Decimal(1);
  const reading = parseSourceNumber(node.source);
  if ('quantity' in reading && reading.quantity.value.gt(0)) return reading.quantity.value;
  error(node.place, 'problem' in reading ? reading.problem : `Hệ số của "${name}" phải lớn hơn 0.`);
  return undefined;
}

/**
 * A project's units: the shipped table's entries, then the project's, which add units or
 * replace those of the same name. Units of one dimension must all be counts or none (a count
 * is whole; converting between a count and a measure would make 1,5 of a count): an entry
 * that disagrees with the first of its dimension is reported at its place.
 */
export function unitTable(entryLists: readonly (readonly UnitEntry[])[], report: Report): UnitTable {
  const entries = entryLists.flat();
  const current = new Map<string, UnitEntry>();
  for (const unit of entries) for (const name of [unit.name, ...unit.aliases]) current.set(unitKey(name), unit);
  const inUse = new Set(current.values());
  const firstOfDimension = new Map<string, UnitEntry>();
  for (const unit of entries.filter((e) => inUse.has(e))) {
    const first = firstOfDimension.get(unit.dimension);
    if (!first) firstOfDimension.set(unit.dimension, unit);
    else if (first.count !== unit.count) {
      report({
        ruleId: 'unit-table',
        severity: 'error',
        place: unit.place,
        message:
          `Đơn vị "${unit.name}" (đại lượng "${unit.dimension}") ${unit.count ? 'là' : 'không là'} số đếm, còn "${first.name}" cùng đại lượng (${formatPlace(first.place)}) thì ${first.count ? 'là' : 'không'}. ` +
          'Các đơn vị cùng đại lượng phải cùng là số đếm (dem: true) hoặc cùng không: sửa dem, hoặc đặt đại lượng khác.',
      });
    }
  }
  return new UnitTable(entries);
}
