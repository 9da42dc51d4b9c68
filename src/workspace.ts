import fs from 'node:fs';
import path from 'node:path';
import { RunError, type Diagnostic } from './diagnostics.js';
import type { OutputFormat } from './output-formats.js';
import { DEFAULT_TEMPLATES_DIR } from './package-paths.js';

/**
 * The layout of a project, known here and nowhere else: where a year's data, the templates,
 * the rule config and the output live, and which files make up a year. Every command asks
 * this module; the stages only ever see the files it hands them.
 */

export type FileRole = 'document' | 'sector' | 'assessment' | 'directions';

export interface DataFileKind {
  name: string;
  role: FileRole;
}

/** The files of one year's data folder, in the order their sections appear in the report. */
export const DATA_FILES: readonly DataFileKind[] = [
  { name: 'van-ban', role: 'document' },
  { name: 'kinh-te', role: 'sector' },
  { name: 'giao-thong-xay-dung', role: 'sector' },
  { name: 'tai-nguyen-moi-truong', role: 'sector' },
  { name: 'ngan-sach', role: 'sector' },
  { name: 'giao-duc', role: 'sector' },
  { name: 'y-te-dan-so', role: 'sector' },
  { name: 'van-hoa', role: 'sector' },
  { name: 'lao-dong-tbxh', role: 'sector' },
  { name: 'tu-phap', role: 'sector' },
  { name: 'an-ninh-quoc-phong', role: 'sector' },
  { name: 'cai-cach-hanh-chinh-noi-vu', role: 'sector' },
  { name: 'danh-gia', role: 'assessment' },
  { name: 'phuong-huong', role: 'directions' },
];

/** Each data file is validated by the schema of the same name in schemas/. */
export function schemaFileName(kind: DataFileKind): string {
  return `${kind.name}.schema.json`;
}

/** One data file of a year, as found on disk. */
export interface YearFile {
  kind: DataFileKind;
  /** The full path. */
  path: string;
  /** The path as shown to the user. */
  shown: string;
}

/** A data file's name counts in either spelling editors give it. */
const DATA_FILE_NAME = /\.ya?ml$/i;

/** The rule config, for every year: data/kiem-tra.yaml. */
export const CONFIG_FILE = 'kiem-tra.yaml';

/** The main template's name; a project's own templates/ folder replaces the shipped one. */
export const MAIN_TEMPLATE = 'bao-cao.md.hbs';

export interface TemplateFolder {
  dir: string;
  shownDir: string;
}

export class Workspace {
  constructor(
    /** The project folder: data/<year>/ and, optionally, templates/ and data/kiem-tra.yaml. */
    readonly root: string,
    /** Where paths in messages are shown relative to. */
    readonly cwd: string,
  ) {}

  /** A path as shown in messages: relative to the working folder when inside it, with the OS's separators. */
  show(file: string): string {
    return displayPath(file, this.cwd);
  }

  yearFolder(year: number): string {
    return path.join(this.root, 'data', String(year));
  }

  hasYear(year: number): boolean {
    return fs.existsSync(this.yearFolder(year));
  }

  /**
   * The data files of a year, in report order. A missing file is an error and a file that is
   * not part of the report a warning, both in `problems`; a missing folder stops the run.
   */
  yearFiles(year: number): { files: YearFile[]; problems: Diagnostic[] } {
    const folder = this.yearFolder(year);
    const shownFolder = this.show(folder);
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
    const present = new Map(names.filter((n) => DATA_FILE_NAME.test(n)).map((n) => [n.replace(DATA_FILE_NAME, '').toLowerCase(), n]));
    const files: YearFile[] = [];
    const problems: Diagnostic[] = [];
    for (const kind of DATA_FILES) {
      const fileName = present.get(kind.name);
      present.delete(kind.name);
      if (!fileName) {
        problems.push({
          ruleId: 'missing-file',
          severity: 'error',
          source: 'workspace',
          place: { file: path.join(shownFolder, `${kind.name}.yaml`), line: 1, col: 1 },
          message: `Thiếu tệp ${kind.name}.yaml. Tạo tệp này (có thể chép từ năm trước) rồi chạy lại.`,
        });
        continue;
      }
      const full = path.join(folder, fileName);
      files.push({ kind, path: full, shown: this.show(full) });
    }
    for (const fileName of present.values()) {
      problems.push({
        ruleId: 'unknown-file',
        severity: 'warning',
        source: 'workspace',
        place: { file: path.join(shownFolder, fileName), line: 1, col: 1 },
        message: `Tệp ${fileName} không thuộc báo cáo nên bị bỏ qua. Các tệp được dùng: ${DATA_FILES.map((k) => `${k.name}.yaml`).join(', ')}.`,
      });
    }
    return { files, problems };
  }

  /** data/kiem-tra.yaml, when the project has one. */
  configFile(): string | undefined {
    const file = path.join(this.root, 'data', CONFIG_FILE);
    return fs.existsSync(file) ? file : undefined;
  }

  /** The project's own templates/ when it has one, else the shipped templates. */
  templates(): TemplateFolder {
    const own = path.join(this.root, 'templates');
    const dir = fs.existsSync(own) ? own : DEFAULT_TEMPLATES_DIR;
    return { dir, shownDir: this.show(dir) };
  }

  /** Where a report goes without --out: out/bao-cao-<year>.<format>. */
  defaultOutput(year: number, format: OutputFormat = 'docx'): string {
    return path.join(this.root, 'out', `bao-cao-${year}.${format}`);
  }

  /** An output path given on the command line, relative to the working folder. */
  output(out: string): string {
    return path.resolve(this.cwd, out);
  }
}

/** A display path: relative to `cwd` when inside it, with the OS's separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** The latest year of a project's data, for the code cache to run the program on; none when there is none. */
export function latestYear(root: string): string | undefined {
  const data = path.join(root, 'data');
  if (!fs.existsSync(data)) return undefined;
  return fs.readdirSync(data).filter((name) => /^\d{4}$/.test(name)).sort().at(-1);
}

/**
 * The administrative units of a batch run: every folder of `dir` (or link to one, as a
 * Windows junction), each laid out as a project.
 */
export function listUnitFolders(dir: string, shownDir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new RunError(`Không đọc được thư mục đơn vị ${shownDir}. Kiểm tra lại đường dẫn sau --units.`);
  }
  const units = entries
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || (e.isSymbolicLink() && isFolder(path.join(dir, e.name)))))
    .map((e) => path.join(dir, e.name))
    .sort();
  if (units.length === 0) throw new RunError(`Thư mục ${shownDir} không có đơn vị nào: mỗi đơn vị là một thư mục con chứa data/<năm>/.`);
  return units;
}

/** Whether a link leads to a folder: a unit may be linked in from elsewhere (a symlink, a Windows junction). */
function isFolder(link: string): boolean {
  try {
    return fs.statSync(link).isDirectory();
  } catch {
    return false;
  }
}
