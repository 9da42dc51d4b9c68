import fs from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Edits a workbook's cells as a clerk would in Excel, at the level of the file: a number cell
 * holds its digits in <v>, a typed text is an inline string. For tests only.
 */

export type CellValue = number | string | { raw: string } | null;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(ref: string, value: CellValue, style: string | undefined): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  if (typeof value === 'object') return `<c r="${ref}"${s}><v>${value.raw}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
}

const columnNumber = (ref: string) => [...(/^[A-Z]+/.exec(ref)?.[0] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The worksheet part of a sheet, by name. */
function sheetPart(entries: Record<string, Uint8Array>, sheet: string): string {
  const workbook = strFromU8(entries['xl/workbook.xml']!);
  const rels = strFromU8(entries['xl/_rels/workbook.xml.rels']!);
  const escaped = escape(sheet).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*>`).exec(workbook)?.[0].match(/r:id="([^"]+)"/)?.[1];
  if (!id) throw new Error(`no sheet ${sheet}`);
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(rels)?.[0].match(/Target="([^"]+)"/)?.[1];
  if (!target) throw new Error(`no part for ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Sets cells of a sheet (`{ D2: 664.2, A40: 'so_ho' }`); a row that is not there is added. */
export function editCells(file: string, sheet: string, cells: Record<string, CellValue>): void {
  const entries = unzipSync(fs.readFileSync(file));
  const part = sheetPart(entries, sheet);
  let xml = strFromU8(entries[part]!);
  const byRow = new Map<number, [string, CellValue][]>();
  for (const [ref, value] of Object.entries(cells)) {
    const row = Number(/\d+$/.exec(ref)![0]);
    byRow.set(row, [...(byRow.get(row) ?? []), [ref, value]]);
  }
  for (const [row, changes] of byRow) {
    const rowMatch = new RegExp(`<row r="${row}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`).exec(xml);
    const existing = new Map<string, string>();
    for (const m of (rowMatch?.[1] ?? '').matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) existing.set(m[1]!, m[0]);
    for (const [ref, value] of changes) {
      const style = existing.get(ref)?.match(/ s="(\d+)"/)?.[1];
      existing.set(ref, cellXml(ref, value, style));
    }
    const body = [...existing.entries()].sort((a, b) => columnNumber(a[0]) - columnNumber(b[0])).map(([, c]) => c).join('');
    const rowXml = `<row r="${row}">${body}</row>`;
    if (rowMatch) xml = xml.replace(rowMatch[0], rowXml);
    else {
      // Rows stay in order: before the first row with a greater number, else at the end.
      const later = [...xml.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > row);
      xml = later ? xml.slice(0, later.index) + rowXml + xml.slice(later.index) : xml.replace('</sheetData>', `${rowXml}</sheetData>`);
    }
  }
  entries[part] = strToU8(xml);
  fs.writeFileSync(file, zipSync(entries));
}

/** Renames a sheet in the workbook. */
export function renameSheet(file: string, from: string, to: string): void {
  const entries = unzipSync(fs.readFileSync(file));
  entries['xl/workbook.xml'] = strToU8(strFromU8(entries['xl/workbook.xml']!).replace(`name="${escape(from)}"`, `name="${escape(to)}"`));
  fs.writeFileSync(file, zipSync(entries));
}
