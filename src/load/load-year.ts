import fs from 'node:fs';
import path from 'node:path';
import { DATA_FILES, type DataFileKind } from '../catalog.js';
import { RunError, type Diagnostic } from '../diagnostics.js';
import { specialFileKind } from '../file-kind.js';
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
  diagnostics: Diagnostic[];
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
export function readYamlFile(fullPath: string, cwd: string): { source?: SourceFile; tree: YamlNode | null; diagnostics: Diagnostic[] } {
  const shown = displayPath(fullPath, cwd);
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
  const source = new SourceFile(shown, text);
  const unprintable = unprintableCharacter(text);
  if (unprintable) {
    const place = source.placeAt(unprintable.offset);
    return { source, tree: null, diagnostics: [{ ruleId: 'control-character', severity: 'error', place, message: unprintableMessage(unprintable) }] };
  }
  return { source, ...parseYaml(source) };
}

/** A display path: relative to the working folder when inside it, with the OS's separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Reads every data file of `data/<year>/` under `root`. Syntax errors, missing and unknown
 * files become diagnostics; a missing folder stops the run.
 */
export function loadYear(root: string, year: number, cwd: string): LoadedYear {
  const folder = path.join(root, 'data', String(year));
  const shownFolder = displayPath(folder, cwd);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RunError(
      code === 'ENOENT'
        ? `Không tìm thấy thư mục dữ liệu năm ${year}: ${shownFolder}. Kiểm tra lại năm, hoặc tạo thư mục này và các tệp dữ liệu (xem data/README.md).`
        : `Không đọc được thư mục ${shownFolder} (${code ?? 'lỗi hệ thống'}). Kiểm tra quyền truy cập thư mục.`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  const files: LoadedFile[] = [];
  const present = new Map(names.filter((n) => /\.ya?ml$/i.test(n)).map((n) => [n.replace(/\.ya?ml$/i, '').toLowerCase(), n]));
  for (const kind of DATA_FILES) {
    const fileName = present.get(kind.name);
    present.delete(kind.name);
    if (!fileName) {
      diagnostics.push({
        ruleId: 'missing-file',
        severity: 'error',
        place: { file: path.join(shownFolder, `${kind.name}.yaml`), line: 1, col: 1 },
        message: `Thiếu tệp ${kind.name}.yaml. Tạo tệp này (có thể chép từ năm trước) rồi chạy lại.`,
      });
      continue;
    }
    const read = readYamlFile(path.join(folder, fileName), cwd);
    diagnostics.push(...read.diagnostics);
    if (read.source) files.push({ kind, source: read.source, tree: read.tree });
  }
  for (const fileName of present.values()) {
    diagnostics.push({
      ruleId: 'unknown-file',
      severity: 'warning',
      place: { file: path.join(shownFolder, fileName), line: 1, col: 1 },
      message: `Tệp ${fileName} không thuộc báo cáo nên bị bỏ qua. Các tệp được dùng: ${DATA_FILES.map((k) => `${k.name}.yaml`).join(', ')}.`,
    });
  }
  return { year, files, diagnostics };
}
