import path from 'node:path';
import { RunError } from './diagnostics.js';

/** The formats `report build` writes. Its own module, so that choosing one loads no writer. */
export const OUTPUT_FORMATS = ['docx', 'pdf', 'md'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const KNOWN = '.docx (Word), .pdf, .md (Markdown)';

/**
 * The format a build writes: --format, else what the extension of --out names (docx without
 * either). A file's name must say what it holds, since Word and a PDF reader open it by its
 * extension: an extension that names no format, or another format than --format, is refused
 * before anything is read or written.
 */
export function outputFormat(out: string | undefined, format: OutputFormat | undefined): OutputFormat {
  if (out === undefined) return format ?? 'docx';
  const extension = path.extname(out).slice(1).toLowerCase();
  const named = OUTPUT_FORMATS.find((known) => known === extension);
  if (format !== undefined && named !== format) {
    const name = extension ? `có đuôi .${extension}` : 'không có đuôi';
    throw new RunError(`--out ${out} ${name}, mà --format ${format} tạo tệp .${format}. Đổi tên tệp thành đuôi .${format}, hoặc bỏ --format để đuôi tệp chọn dạng.`);
  }
  if (named === undefined) {
    const name = extension ? `đuôi .${extension} không phải một dạng báo cáo` : 'tên tệp không có đuôi nên không biết tạo dạng nào';
    throw new RunError(`--out ${out}: ${name}. Đuôi tệp chọn dạng: ${KNOWN}.`);
  }
  return named;
}
