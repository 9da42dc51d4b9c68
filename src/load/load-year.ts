import fs from 'node:fs';
import { RunError, type Problem, type Report } from '../diagnostics.js';
import { specialFileKind } from '../file-kind.js';
import type { DataFileKind, YearFile } from '../workspace.js';
import { decodeText, SourceFile, unprintableCharacter, unprintableMessage } from './source-file.js';
import { parseYaml, type YamlNode } from './yaml-tree.js';

export interface LoadedFile {
  kind: DataFileKind;
  source: SourceFile;
  /** null when the file is empty or could not be parsed. */
  tree: YamlNode | null;
}

export interface LoadedYear {
  year: number;
  files: LoadedFile[];
}

/**
 * The largest data file read. The published report's largest file is 11 KB; a file of
 * megabytes is a paste gone wrong or the wrong file, and parsing it could take the machine's memory.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

function readFile(file: string, shown: string): Buffer | { tooLarge: number } | { special: string } {
  try {
    // Looked at before it is opened: opening a FIFO nobody writes, or reading /dev/zero, never ends.
    const stat = fs.statSync(file);
    const special = stat.isDirectory() ? undefined : specialFileKind(stat);
    if (special) return { special };
    return stat.size > MAX_FILE_BYTES ? { tooLarge: stat.size } : fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RunError(
      code === 'EISDIR'
        ? `${shown} là một thư mục, không phải tệp dữ liệu. Đổi tên hoặc chuyển thư mục đó ra ngoài.`
        : `Không đọc được tệp ${shown} (${code ?? 'lỗi hệ thống'}). Kiểm tra quyền truy cập tệp.`,
    );
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** Reads and parses one YAML file; a file that is too large or not UTF-8 text has no source. */
export function readYamlFile(fullPath: string, shown: string): { source?: SourceFile; tree: YamlNode | null; diagnostics: Problem[] } {
  const problem = (ruleId: string, message: string) => ({
    tree: null,
    diagnostics: [{ ruleId, severity: 'error' as const, place: { file: shown, line: 1, col: 1 }, message }],
  });
  const bytes = readFile(fullPath, shown);
  if ('special' in bytes) {
    return problem(
      'not-a-file',
      `${shown} là ${bytes.special}, không phải tệp dữ liệu: chương trình không mở nó (đọc nó có thể không bao giờ xong). ` +
        'Thay bằng tệp YAML thật (có thể chép từ năm trước), hoặc xóa nó đi.',
    );
  }
  if ('tooLarge' in bytes) {
    return problem(
      'file-too-large',
      `Tệp quá lớn (${megabytes(bytes.tooLarge)}; một tệp dữ liệu chỉ được tới ${megabytes(MAX_FILE_BYTES)}, thường chỉ vài chục KB). ` +
        'Có thể đã dán nhầm nội dung hoặc chép nhầm tệp vào đây: mở tệp, xóa phần thừa, hoặc chép lại tệp đúng.',
    );
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    return problem('not-utf8', 'Tệp không phải văn bản UTF-8. Mở tệp bằng trình soạn thảo (VS Code, Notepad) và lưu lại với mã hóa UTF-8.');
  }
  return parseYamlText(shown, text);
}

/** Parses the text of a YAML file, shown to the user as `shown`: the load stage without the disk. */
export function parseYamlText(shown: string, text: string): { source: SourceFile; tree: YamlNode | null; diagnostics: Problem[] } {
  const source = new SourceFile(shown, text);
  const unprintable = unprintableCharacter(text);
  if (unprintable) {
    const place = source.placeAt(unprintable.offset);
    return { source, tree: null, diagnostics: [{ ruleId: 'control-character', severity: 'error', place, message: unprintableMessage(unprintable) }] };
  }
  return { source, ...parseYaml(source) };
}

/**
 * Reads the data files of a year, as the workspace listed them. Each file that cannot be read
 * as YAML is reported at its place; those that could are returned, in report order.
 */
export function loadYear(year: number, yearFiles: readonly YearFile[], report: Report): LoadedYear {
  const files: LoadedFile[] = [];
  for (const file of yearFiles) {
    const read = readYamlFile(file.path, file.shown);
    for (const d of read.diagnostics) report(d);
    if (read.source) files.push({ kind: file.kind, source: read.source, tree: read.tree });
  }
  return { year, files };
}
