import { Decimal } from '../decimal.js';
import { conversionFactor, isCount, type UnitTable, type UnitUse } from '../compute/units.js';
import { BOUND_WORDS, parseSourceNumber, type NumberReading, type Quantity } from '../vietnamese/number.js';

/** The scale words of an amount as reports write it ("16 tỷ 434 triệu đồng"), as powers of ten. */
const SCALE_WORDS = new Map([
  ['nghìn', 3],
  ['ngàn', 3],
  ['triệu', 6],
  ['tỷ', 9],
  ['tỉ', 9],
]);

/** What a figure's number is read for: the key it is written at, the unit it is in, and the table that unit comes from. */
export interface FigureNumberUse extends UnitUse {
  /** The YAML key, for messages: gia_tri, tang_giam... */
  key: string;
  units: UnitTable;
  /** Whether a bound word may stand before it: not before a signed change, where "trên -5" says nothing sure. */
  bounds: boolean;
}

/** The keys of signed changes: no bound word before them ("trên -5" says nothing sure). */
const SIGNED_KEYS = new Set(['tang_giam', 'chenh_lech', 'vuot_ke_hoach', 'chenh_lech_ke_hoach']);

/** The keys whose numbers are in % whatever the figure's unit: the share of plan, and the changes told in %. */
export const PERCENT_KEYS: ReadonlySet<string> = new Set(['ty_le_ke_hoach', 'vuot_ke_hoach', 'tang_giam']);

/**
 * How the number at one key of a figure is read, wherever it is written (a YAML file, a
 * workbook's cell): in the figure's unit, or in % for a share of plan or a change in %; a
 * bound word allowed unless the key is a signed change.
 */
export function figureNumberUse(key: string, own: UnitUse, units: UnitTable): FigureNumberUse {
  const unit: UnitUse = PERCENT_KEYS.has(key) ? { unit: '%', tableUnit: units.lookup('%') } : own;
  return { ...unit, key, units, bounds: !SIGNED_KEYS.has(key) };
}

/** One number of an amount, with the scale word after it: "434 triệu". */
interface Group {
  text: string;
  power: number;
}

/**
 * Reads a figure's number as the data writes it, which needs the figure's unit: in a count
 * `3.666` is 3666; an amount with scale words ("16 tỷ 434 triệu đồng") is read exactly and
 * taken into the figure's unit; a bound word before it ("trên 20") is kept, to be printed
 * and checked as what it says.
 */
export function readFigureNumber(source: string, use: FigureNumberUse): NumberReading {
  const [first = '', ...rest] = source.trim().split(/\s+/);
  const word = first.toLowerCase();
  const bound = BOUND_WORDS.find((w) => w === word);
  if (bound && !use.bounds) {
    return {
      problem: `${use.key} là một mức tăng/giảm có dấu, nên không ghi "${bound}" trước số: "${bound} -5" không rõ là giảm nhiều hơn hay ít hơn 5. Ghi số; giới hạn chỉ ghi ở gia_tri, ke_hoach, cung_ky, ty_le_ke_hoach.`,
    };
  }
  const tokens = bound ? rest : [first, ...rest];
  const groups: Group[] = [];
  let next = 0;
  while (next < tokens.length && /^[-+\u2212]?\d/.test(tokens[next]!)) {
    const power = SCALE_WORDS.get(tokens[next + 1]?.toLowerCase() ?? '');
    groups.push({ text: tokens[next]!, power: power ?? 0 });
    next += power === undefined ? 1 : 2;
    if (power === undefined) break;
  }
  const unitWritten = tokens.slice(next).join(' ');
  if (groups.length === 0) return parseSourceNumber(tokens.join(' '));
  const reading =
    groups.length === 1 && groups[0]!.power === 0 && unitWritten === ''
      ? parseSourceNumber(groups[0]!.text, { unit: use.unit, count: isCount(use) })
      : readAmount(source, groups, unitWritten, use);
  return bound && 'quantity' in reading ? { quantity: { ...reading.quantity, bound } } : reading;
}

/** A unit bare of the scale word it starts with: `tỷ đồng` → `đồng`. */
function withoutScaleWord(unit: string): string {
  const [first = '', ...rest] = unit.trim().split(/\s+/);
  return SCALE_WORDS.has(first.toLowerCase()) ? rest.join(' ') : unit;
}

/**
 * An amount in numbers and scale words, with or without a unit after it: "16 tỷ 434 triệu đồng",
 * "1,5 tỷ", "2 tấn". Without a unit it counts the figure's unit bare of its scale word (đồng
 * for tỷ đồng). Known to its last written place: 16 tỷ 434 triệu to the million.
 */
function readAmount(source: string, groups: readonly Group[], unitWritten: string, use: FigureNumberUse): NumberReading {
  const problem = (why: string) => ({ problem: `Số "${source}" ${why}` });
  const counted = unitWritten || withoutScaleWord(use.unit);
  const factor = conversionFactor({ unit: counted, tableUnit: use.units.lookup(counted) }, use);
  if (!factor) {
    return problem(
      use.tableUnit
        ? `ghi kèm "${counted}", không cùng đại lượng với đơn vị của chỉ tiêu (${use.unit}). Ghi số theo ${use.unit}.`
        : `có chữ, mà đơn vị "${use.unit}" chưa có trong bảng đơn vị nên không đổi được. Ghi số theo ${use.unit}, hoặc thêm đơn vị vào data/don-vi.yaml.`,
    );
  }
  let value = new Decimal(0);
  let last: Quantity | undefined;
  for (const [i, group] of groups.entries()) {
    const reading = parseSourceNumber(group.text, { unit: use.unit });
    if ('problem' in reading) return reading;
    const { quantity } = reading;
    if (i > 0 && (group.power >= groups[i - 1]!.power || !/^\d{1,3}(?:[.,]\d+)?$/.test(group.text) || quantity.value.gte(1000))) {
      return problem('không đúng cách viết: sau chữ nghìn, triệu, tỷ là một số từ 0 đến 999 với chữ nhỏ hơn, như "16 tỷ 434 triệu đồng".');
    }
    if (last && last.decimals > 0) return problem('có phần thập phân ở giữa: chỉ số cuối cùng được có phần thập phân, như "16 tỷ 434,5 triệu".');
    const sign = i > 0 && /^[-\u2212]/.test(groups[0]!.text) ? -1 : 1;
    value = value.plus(quantity.value.times(sign).times(new Decimal(10).pow(group.power)));
    last = quantity;
  }
  const step = new Decimal(10).pow(groups.at(-1)!.power - last!.decimals).times(factor);
  const decimals = step.lt(1) ? step.decimalPlaces() : 0;
  return {
    quantity: {
      value: value.times(factor),
      decimals,
      minIntegerDigits: 1,
      ...(step.eq(new Decimal(10).pow(-decimals)) ? {} : { step }),
    },
  };
}
