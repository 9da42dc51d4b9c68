import { unzipSync, zipSync } from 'fflate';
import writeExcelFile, { type Cell, type CellObject, type Sheet } from 'write-excel-file/node';
import type { CellStyle, OutCell, OutSheet } from './workbook.js';

/**
 * Writes a workbook as .xlsx bytes, with write-excel-file (the only module that imports it;
 * only `report export` loads this module).
 */

const STYLES: Record<CellStyle, Omit<CellObject, 'value' | 'type'>> = {
  header: { fontWeight: 'bold', wrap: true, alignVertical: 'center', backgroundColor: '#DDEBF7', borderStyle: 'thin', borderColor: '#9BA8B5' },
  'header-computed': { fontWeight: 'bold', wrap: true, alignVertical: 'center', backgroundColor: '#D9D9D9', borderStyle: 'thin', borderColor: '#9BA8B5' },
  key: { textColor: '#44546A' },
  input: {},
  inherited: { fontStyle: 'italic', textColor: '#2F5597' },
  'to-fill': { backgroundColor: '#FFE699' },
  computed: { backgroundColor: '#E7E6E6', textColor: '#595959' },
  note: { textColor: '#595959', wrap: true },
  title: { fontWeight: 'bold', fontSize: 13 },
  text: { wrap: true, alignVertical: 'top' },
  label: { fontWeight: 'bold' },
};

/**
 * A cell's text as the file must hold it: an underscore that would start an escape
 * (`_xHHHH_`, ECMA-376 ST_Xstring) is itself escaped as `_x005F_`, else a key such as
 * `bai_do_xe_nghia_trang` reads back in LibreOffice with `_xe_` turned into a control character.
 */
export function escapedText(text: string): string {
  return text.replace(/_(?=x[0-9A-Fa-f]{1,4}_)/g, '_x005F_');
}

function cell(out: OutCell | null): Cell {
  if (out === null) return null;
  const style = { ...STYLES[out.style], ...(out.height ? { height: out.height } : {}) };
  if ('number' in out.value) return { ...style, value: out.value.number, type: Number, format: out.value.format };
  if (!('text' in out.value)) return { ...style, type: Number, format: out.value.format };
  // "@" marks a text cell: Excel then keeps what is typed into it as text, digits and all.
  if (out.value.text === '') return { ...style };
  return { ...style, value: escapedText(out.value.text), type: String, ...(out.style === 'key' || out.style === 'note' || out.style === 'title' || out.style === 'text' || out.style === 'label' ? {} : { format: '@' }) };
}

/** The zip entries' time: fixed, so that the same data gives the same bytes (as the .docx of `build`). */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The .xlsx bytes of the sheets, in order. */
export async function workbookBytes(sheets: readonly OutSheet[]): Promise<Uint8Array> {
  const data: Sheet<never>[] = sheets.map((sheet) => ({
    sheet: sheet.name,
    data: sheet.rows.map((row) => row.map(cell)),
    columns: sheet.widths.map((width) => ({ width })),
    ...(sheet.frozenRows > 0 ? { stickyRowsCount: sheet.frozenRows } : {}),
  }));
  const written = new Uint8Array(await writeExcelFile(data, { fontFamily: 'Times New Roman', fontSize: 12 }).toBuffer());
  // Zipped again with fixed times: the library stamps each entry with the clock.
  const entries = unzipSync(written);
  return zipSync(Object.fromEntries(Object.keys(entries).sort().map((name) => [name, [entries[name]!, { mtime: FIXED_TIME }]])), { level: 6 });
}
