import fs from 'node:fs';
import { SHIPPED_UNIT_TABLE } from '../package-paths.js';

/**
 * The text of the shipped unit table (schemas/don-vi.yaml). The CLI bundle replaces this module
 * with one holding the text itself (src/tools/bundle.ts), so the shipped program reads no file
 * for it, wherever it runs from.
 */
export function shippedUnitTableText(): string {
  return fs.readFileSync(SHIPPED_UNIT_TABLE, 'utf8');
}
