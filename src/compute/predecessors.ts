import { Decimal } from '../decimal.js';
import type { Place } from '../diagnostics.js';
import { product, quotient, sum } from './exact.js';
import type { Recorded } from './figures.js';
import { factorBetween, isRate, type UnitUse } from './units.js';

/** A unit that existed before the 2025 reform and went, whole or in part, into this one. */
export interface Predecessor {
  name: string;
  /** The share that went into this unit, in %, and what it was measured by (dân số, diện tích); whole when absent. */
  share?: { percent: Decimal; basis: 'dan_so' | 'dien_tich' };
  place: Place;
}

/** What one predecessor's data recorded for the period before: its figures by key. */
export interface PredecessorValues {
  predecessor: Predecessor;
  values: ReadonlyMap<string, Recorded>;
}

/**
 * Why a figure has no summed cùng kỳ: the predecessors that lack it (or give it in a unit that
 * does not convert, or as a bound); for a rate or an average, that such values do not add; or a
 * unit the table lacks, of which nobody can say whether it adds.
 */
export type MissingFigure = { reason: 'lacking'; predecessors: string[] } | { reason: 'not-additive' } | { reason: 'unknown-unit' };

const HUNDRED = new Decimal(100);

/**
 * Whether values in this unit add up across units: a rate (%, ‰) or a quotient (tạ/ha,
 * triệu đồng/người/năm) of two units does not; two communes at 50% are not one at 100%, and
 * their mean would need each one's weight, which the data does not hold.
 */
function additive(use: UnitUse): boolean {
  return !isRate(use) && !use.unit.includes('/');
}

/**
 * The cùng kỳ of a merged unit: for each figure every predecessor recorded, the exact sum of
 * their values, each taken at its share and converted into the first one's unit. A figure that
 * some predecessor lacks (or records in a unit that does not convert, or as a bound) has no
 * sum: it is listed as missing, never summed as if the missing part were zero. Nor has a rate,
 * an average or a figure in a unit the table lacks, unless one whole predecessor is the only
 * part: it is that one's own value.
 */
export function sumOfPredecessors(parts: readonly PredecessorValues[]): { values: Map<string, Recorded>; missing: Map<string, MissingFigure> } {
  const values = new Map<string, Recorded>();
  const missing = new Map<string, MissingFigure>();
  const keys = new Set(parts.flatMap((part) => [...part.values.keys()]));
  for (const key of keys) {
    const first = parts.find((part) => part.values.has(key))!.values.get(key)!;
    const onlyOneWhole = parts.length === 1 && !parts[0]!.predecessor.share;
    if (!onlyOneWhole && (!first.tableUnit || !additive(first))) {
      missing.set(key, { reason: first.tableUnit ? 'not-additive' : 'unknown-unit' });
      continue;
    }
    const lacking: string[] = [];
    let total = new Decimal(0);
    // As finely as the predecessors wrote it (finer by a share's digits), and no finer than the sum needs.
    let decimals = 0;
    for (const { predecessor, values: recorded } of parts) {
      const entry = recorded.get(key);
      const factor = entry && !entry.quantity.bound ? factorBetween(entry, first) : undefined;
      if (!entry || !factor) {
        lacking.push(predecessor.name);
        continue;
      }
      const share = predecessor.share ? quotient(predecessor.share.percent, HUNDRED) : new Decimal(1);
      total = sum(total, product(product(entry.quantity.value, factor), share));
      decimals = Math.max(decimals, entry.quantity.decimals + share.decimalPlaces());
    }
    if (lacking.length > 0) missing.set(key, { reason: 'lacking', predecessors: lacking });
    else values.set(key, { ...first, quantity: { value: total, decimals: Math.min(decimals, total.decimalPlaces()), minIntegerDigits: 1 } });
  }
  return { values, missing };
}

/** "xã An Phú, xã Bình Minh và 30% dân số xã Cát Tiên": the predecessors as the footnote names them. */
export function predecessorWords(predecessors: readonly Predecessor[]): string {
  const named = predecessors.map(({ name, share }) =>
    share ? `${share.percent.toString().replace('.', ',')}% ${share.basis === 'dan_so' ? 'dân số' : 'diện tích'} ${name}` : name,
  );
  return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} và ${named.at(-1)}`;
}
