import fs from 'node:fs';
import path from 'node:path';
import { RunError, type Diagnostic } from './diagnostics.js';
import type { OutputFormat } from './output-formats.js';
import { DEFAULT_TEMPLATES_DIR, SCHEMAS_DIR } from './package-paths.js';
import { periodWords, type Period } from './period.js';

/**
 * The layout of a project, known here and nowhere else: where a year's data, the templates,
 * the rule config and the output live, and which files make up a year. Every command asks
 * this module; the stages only ever see the files it hands them.
 */

export type FileRole = 'document' | 'outline' | 'section';

export interface DataFileKind {
  /** The file's name without its extension, in lower case: `kinh-te`. */
  name: string;
  role: FileRole;
}

/** The document's details: issuing body, number, date, recipients, signer. */
export const DOCUMENT_FILE = 'van-ban';
/** The outline: the parts, headings, order and nesting of the sections (bố cục). */
export const OUTLINE_FILE = 'bo-cuc';

/**
 * The sections of a folder written before the outline was data, in report order: such a
 * folder, with no bo-cuc.yaml, is read with the outline of those days (src/validate/outline.ts).
 */
export const LEGACY_SECTIONS: readonly string[] = [
  'kinh-te',
  'giao-thong-xay-dung',
  'tai-nguyen-moi-truong',
  'ngan-sach',
  'giao-duc',
  'y-te-dan-so',
  'van-hoa',
  'lao-dong-tbxh',
  'tu-phap',
  'an-ninh-quoc-phong',
  'cai-cach-hanh-chinh-noi-vu',
  'danh-gia',
  'phuong-huong',
];

/** Each kind of file has its schema in schemas/; every section file shares one. */
export function schemaFileName(kind: DataFileKind): string {
  return { document: 'van-ban.schema.json', outline: 'bo-cuc.schema.json', section: 'linh-vuc.schema.json' }[kind.role];
}

/** One data file of a period, as found on disk. */
export interface YearFile {
  kind: DataFileKind;
  /** The full path. */
  path: string;
  /** The path as shown to the user. */
  shown: string;
}

/** The files of a period's folder: the document's details first, then the outline when there is one, then the sections by name. */
export interface PeriodFiles {
  files: YearFile[];
  /** Whether the folder has no outline file, and so is read with the outline of the 14 files of old. */
  legacy: boolean;
  problems: Diagnostic[];
}

/** A data file's name counts in either spelling editors give it. */
const DATA_FILE_NAME = /\.ya?ml$/i;

/** The units a merged one was formed from, for every period: data/tien-than.yaml. */
const PREDECESSORS_FILE = 'tien-than.yaml';

/** The rule config, for every year: data/kiem-tra.yaml. */
const CONFIG_FILE = 'kiem-tra.yaml';

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

  /** data/<period>/: data/2023, data/2024-6thang. */
  periodFolder(period: Period): string {
    return path.join(this.root, 'data', period.id);
  }

  hasPeriod(period: Period): boolean {
    return fs.existsSync(this.periodFolder(period));
  }

  /** Whether the folder is a project at all: it has data/. */
  hasData(): boolean {
    return fs.existsSync(path.join(this.root, 'data'));
  }

  /**
   * The data files of a period. A missing document file is an error; so, in a folder with no
   * outline, is a missing section of the old layout. Which sections the report holds, and in
   * what order, the outline says (checked once it is read, src/validate/outline.ts).
   */
  periodFiles(period: Period): PeriodFiles {
    const folder = this.periodFolder(period);
    const shownFolder = this.show(folder);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new RunError(
        code === 'ENOENT'
          ? `Không tìm thấy thư mục dữ liệu ${periodWords(period)}: ${shownFolder}. Kiểm tra lại kỳ báo cáo, hoặc tạo thư mục này và các tệp dữ liệu (xem data/README.md).`
          : `Không đọc được thư mục ${shownFolder} (${code ?? 'lỗi hệ thống'}). Kiểm tra quyền truy cập thư mục.`,
      );
    }
    const present = new Map(
      names
        .filter((n) => DATA_FILE_NAME.test(n))
        .sort()
        .map((n) => [n.replace(DATA_FILE_NAME, '').toLowerCase(), n]),
    );
    const file = (name: string, role: FileRole): YearFile => {
      const full = path.join(folder, present.get(name)!);
      return { kind: { name, role }, path: full, shown: this.show(full) };
    };
    const missing = (name: string, what: string): Diagnostic => ({
      ruleId: 'missing-file',
      severity: 'error',
      source: 'workspace',
      place: { file: path.join(shownFolder, `${name}.yaml`), line: 1, col: 1 },
      message: `Thiếu tệp ${name}.yaml (${what}). Tạo tệp này (có thể chép từ kỳ trước) rồi chạy lại.`,
    });
    const legacy = !present.has(OUTLINE_FILE);
    const problems: Diagnostic[] = [];
    const files: YearFile[] = [];
    if (present.has(DOCUMENT_FILE)) files.push(file(DOCUMENT_FILE, 'document'));
    else problems.push(missing(DOCUMENT_FILE, 'thông tin văn bản'));
    if (!legacy) files.push(file(OUTLINE_FILE, 'outline'));
    else for (const name of LEGACY_SECTIONS) if (!present.has(name)) problems.push(missing(name, 'một phần của báo cáo; hoặc viết bo-cuc.yaml để chọn các phần'));
    for (const name of present.keys()) if (name !== DOCUMENT_FILE && name !== OUTLINE_FILE) files.push(file(name, 'section'));
    return { files, legacy, problems };
  }

  /** The units this one was formed from in the 2025 reform (data/tien-than.yaml), when it says so. */
  predecessorsFile(): string | undefined {
    const file = path.join(this.root, 'data', PREDECESSORS_FILE);
    return fs.existsSync(file) ? file : undefined;
  }

  /** Another project folder, named relative to this one (a predecessor's data). */
  relative(folder: string): Workspace {
    return new Workspace(path.resolve(this.root, folder), this.cwd);
  }

  /** Where `report check --accept-all` keeps the accepted findings of a period: data/chap-nhan-<period>.yaml. */
  acceptanceFile(period: Period): string {
    return path.join(this.root, 'data', `chap-nhan-${period.id}.yaml`);
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

  /**
   * Where a report goes without --out: out/bao-cao-<period>.<format>, a draft out/bao-cao-<period>-du-thao.<format>,
   * a review copy out/bao-cao-<period>-soat-xet.<format> (of a draft, -du-thao-soat-xet).
   */
  defaultOutput(period: Period, format: OutputFormat = 'docx', draft = false, review = false): string {
    return path.join(this.root, 'out', `bao-cao-${period.id}${draft ? '-du-thao' : ''}${review ? '-soat-xet' : ''}.${format}`);
  }

  /** Where `report export` writes a period's workbook, and `report import` reads it, without a path given: out/so-lieu-<period>.xlsx. */
  defaultWorkbook(period: Period): string {
    return path.join(this.root, 'out', `so-lieu-${period.id}.xlsx`);
  }

  /**
   * An output path given on the command line, relative to the working folder. A path that
   * leads, through links or not, into the project's data or templates, or the program's own
   * schemas and templates, or onto a YAML or template file, is refused: a build never writes
   * over a source of the report.
   */
  output(out: string): string {
    const target = path.resolve(this.cwd, out);
    const real = realPath(target);
    const sources = [path.join(this.root, 'data'), path.join(this.root, 'templates'), DEFAULT_TEMPLATES_DIR, SCHEMAS_DIR].map(realPath);
    const insideSource = sources.some((folder) => real === folder || real.startsWith(folder + path.sep));
    if (insideSource || SOURCE_FILE_NAME.test(real)) {
      throw new RunError(
        `--out ${out} trỏ vào ${this.show(real)}, một tệp nguồn của báo cáo (dữ liệu, mẫu hoặc lược đồ): chương trình không bao giờ ghi đè lên đó. ` +
          'Chọn nơi lưu khác, ví dụ --out out/bao-cao.docx.',
      );
    }
    return target;
  }

  /** data/don-vi.yaml, the project's own units (added to the shipped table, or replacing its units of the same name), when it has one. */
  unitTableFile(): string | undefined {
    const file = path.join(this.root, 'data', 'don-vi.yaml');
    return fs.existsSync(file) ? file : undefined;
  }
}

/** Names of the files a report is made from, wherever they are. */
const SOURCE_FILE_NAME = /\.(ya?ml|hbs|json)$/i;

/** Where a path really leads, through links; for a file yet to be written, its folder's real path. */
function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPath(parent), path.basename(file));
  }
}

/** A display path: relative to `cwd` when inside it, with the OS's separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** The latest annual report of a project's data, for the code cache to run the program on; none when there is none. */
export function latestYear(root: string): string | undefined {
  const data = path.join(root, 'data');
  if (!fs.existsSync(data)) return undefined;
  return fs.readdirSync(data).filter((name) => /^\d{4}$/.test(name)).sort().at(-1);
}

/** A unit folder of a batch, or why it is not read. */
export interface UnitFolder {
  folder: string;
  /** Why the unit is refused without being read: a link that leads out of the units' folder. */
  refused?: string;
}

/**
 * The administrative units of a batch run: every folder of `dir`, each laid out as a project.
 * A link (a symlink, a Windows junction) to a folder inside `dir` is a unit; one that leads
 * outside it is refused, so a batch reads nothing beyond the folder it was given.
 */
export function listUnitFolders(dir: string, shownDir: string): UnitFolder[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new RunError(`Không đọc được thư mục đơn vị ${shownDir}. Kiểm tra lại đường dẫn sau --units.`);
  }
  const realDir = realPath(dir);
  const units = entries
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || (e.isSymbolicLink() && isFolder(path.join(dir, e.name)))))
    .map((e): UnitFolder => {
      const folder = path.join(dir, e.name);
      const real = realPath(folder);
      if (!e.isSymbolicLink() || real.startsWith(realDir + path.sep)) return { folder };
      return { folder, refused: `là liên kết tới ${real}, ngoài thư mục ${shownDir}: không đọc. Chép thư mục của đơn vị vào ${shownDir}.` };
    })
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  if (units.length === 0) throw new RunError(`Thư mục ${shownDir} không có đơn vị nào: mỗi đơn vị là một thư mục con chứa data/<kỳ>/.`);
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
