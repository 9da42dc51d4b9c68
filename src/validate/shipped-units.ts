import fs from 'node:fs';
import type { Problem } from '../diagnostics.js';
import { parseYamlText } from '../load/load-year.js';
import { SHIPPED_UNIT_TABLE } from '../package-paths.js';
import { decodeUnitTable } from './unit-table.js';

/** An entry of the shipped unit table as data: its scale as digits, its place as line and column of the table. */
export interface ShippedUnitEntry {
  name: string;
  dimension: string;
  scale: string;
  count: boolean;
  aliases: string[];
  difference?: string;
  line: number;
  col: number;
}

/**
 * The shipped unit table (schemas/don-vi.yaml), read and checked. The CLI bundle replaces this
 * module with one that holds what this returns, computed by `npm run build` (src/tools/bundle.ts),
 * so that a run neither reads nor parses the table; run from source, it is read here. A problem
 * means a broken package (the build refuses to ship one).
 */
export function shippedUnitEntries(): { entries: ShippedUnitEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = parseYamlText(SHIPPED_UNIT_TABLE, fs.readFileSync(SHIPPED_UNIT_TABLE, 'utf8'));
  problems.push(...read.diagnostics);
  const entries = problems.length > 0 ? [] : decodeUnitTable(read, (problem) => problems.push(problem));
  return {
    entries: entries.map(({ scale, place, ...entry }) => ({ ...entry, scale: scale.toString(), line: place.line, col: place.col })),
    problems,
  };
}
