import readExcelFile from 'read-excel-file/node';
import type { InCell, InSheet } from './workbook.js';

/**
 * Reads an .xlsx file's sheets with read-excel-file (the only module that imports it; only
 * `report import` loads this module). A number is read as the text of what the file stores,
 * never as a JavaScript number, so that cell-number.ts decides how it is read.
 */

class RawNumber {
  constructor(readonly raw: string) {}
}

function inCell(value: unknown): InCell | null {
  if (value === null || value === undefined) return null;
  if (value instanceof RawNumber) return { kind: 'number', raw: value.raw };
  if (typeof value === 'string') return value.trim() === '' ? null : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date' };
  return { kind: 'text', text: String(value) };
}

/** The sheets of an .xlsx file's bytes; throws what the library throws for a file that is no .xlsx. */
export async function readWorkbook(bytes: Uint8Array): Promise<InSheet[]> {
  const sheets = await readExcelFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    trim: false,
    parseNumber: (raw: string) => new RawNumber(raw),
  });
  return sheets.map((sheet) => ({
    name: sheet.sheet,
    rows: sheet.data.map((row) => row.map((value) => inCell(value as unknown))),
  }));
}

/**
 * Why the library could not read a file, in words a clerk can act on. Whatever else it stumbles
 * on inside a .xlsx (its messages are English and name XML parts) is a damaged workbook.
 */
export function unreadableReason(error: unknown): string {
  const name = (error as Error | undefined)?.name;
  const code = (error as { code?: string } | undefined)?.code;
  if (name === 'InvalidInputError') {
    return code === 'XLS_FILE_NOT_SUPPORTED'
      ? 'là tệp Excel kiểu cũ (.xls). Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx (Excel Workbook)'
      : 'không phải tệp .xlsx (bảng tính Excel). Kiểm tra lại tên tệp, hoặc lưu bảng tính dạng .xlsx';
  }
  return 'là tệp .xlsx hỏng, không đọc được. Mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx';
}
