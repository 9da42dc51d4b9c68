import fs from 'node:fs';
import path from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type YAMLMap } from 'yaml';
import { computeYear, type Workspace } from '../analyze.js';
import { DATA_FILES } from '../catalog.js';
import { earlierYearOf, type Recorded } from '../compute/earlier-year.js';
import { RunError } from '../diagnostics.js';
import { displayPath } from '../load/load-year.js';
import { freshTemporaryPath } from '../temporary-path.js';
import { formatWithUnit } from '../vietnamese/number.js';
import { PLACEHOLDER } from './placeholders.js';

/** Measures that belong to one year only: they are computed again, or typed again, each year. */
const YEARLY_MEASURES = ['ty_le_ke_hoach', 'tang_giam', 'chenh_lech', 'cung_ky', 'ke_hoach'];
const FORMULAS = ['tong', 'tich', 'chia', 'nhac_lai'];
/** Lists of paragraphs: each paragraph becomes a place to fill, last year's text kept as a comment above it. */
const TEXT_LISTS = ['noi_dung', 'boi_canh'];

export interface InitResult {
  shownFolder: string;
  files: number;
  /** Places left to fill. */
  places: number;
  /** Figures whose plan was taken from last year's targets. */
  plans: number;
}

/** Comment lines of at most `width` characters, so a long paragraph stays readable in Notepad. */
function wrap(text: string, width = 96): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (current && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.map((line) => ` ${line}`).join('\n');
}

function placeholder(doc: Document, what: string, comment?: string): Scalar {
  const node = doc.createNode(`${PLACEHOLDER}${what}`) as Scalar;
  if (comment) node.comment = ` ${comment}`;
  return node;
}

/** A number written as the data writes numbers, keeping its decimals: 60.0 stays 60.0. */
function numberNode(doc: Document, recorded: Recorded): Scalar {
  const node = doc.createNode(recorded.quantity.value.toNumber()) as Scalar;
  node.minFractionDigits = recorded.quantity.decimals;
  return node;
}

interface Context {
  doc: Document;
  year: number;
  targets: ReadonlyMap<string, Recorded>;
  counts: { places: number; plans: number };
}

function clearFigure(key: string, figure: YAMLMap, context: Context): void {
  const { doc, year } = context;
  figure.flow = false;
  const isFormula = FORMULAS.some((name) => figure.has(name));
  const value = figure.get('gia_tri', true);
  for (const name of YEARLY_MEASURES) figure.delete(name);
  if (value !== undefined) {
    if (isFormula) figure.delete('gia_tri');
    else {
      const unit = String(figure.get('don_vi') ?? '');
      const shown = isScalar(value) ? `năm ${year - 1}: ${String(value.value)}${unit ? ` ${unit}` : ''}` : undefined;
      figure.set('gia_tri', placeholder(doc, '', shown));
      context.counts.places++;
    }
  }
  const target = context.targets.get(key);
  if (target && !figure.has('nhac_lai')) {
    const plan = numberNode(doc, target);
    plan.comment = ` mục tiêu năm ${year - 1}: ${formatWithUnit(target.quantity, target.unit)}`;
    figure.set('ke_hoach', plan);
    context.counts.plans++;
  }
}

function clearTexts(list: Node, context: Context): void {
  if (!isSeq(list)) return;
  list.items = list.items.map((item) => {
    if (!isScalar(item)) return item; // a tiểu mục heading stays
    const node = placeholder(context.doc, `: nội dung năm ${context.year}`);
    node.commentBefore = wrap(`Năm ${context.year - 1}: ${String(item.value)}`);
    context.counts.places++;
    return node;
  });
}

function clearSection(section: Node | null | undefined, context: Context): void {
  if (!isMap(section)) return;
  for (const name of TEXT_LISTS) clearTexts(section.get(name, true) as Node, context);
  const figures = section.get('chi_tieu', true);
  if (isMap(figures)) {
    for (const pair of figures.items) if (isMap(pair.value)) clearFigure(String((pair.key as Scalar).value), pair.value, context);
  }
  const subsections = section.get('muc', true);
  if (isSeq(subsections)) for (const item of subsections.items) clearSection(item as Node, context);
}

function clearDetails(details: Node | null | undefined, context: Context): void {
  if (!isMap(details)) return;
  details.set('so', context.doc.createNode(''));
  details.set('ngay', placeholder(context.doc, '', `ngày ban hành, dạng ${context.year}-12-05`));
  context.counts.places++;
}

/**
 * `report init <year>`: data/<year>/ from data/<year − 1>/, with the same files and keys.
 * The document's details are carried over (number and date to fill); figures and texts
 * become places to fill, last year's values kept as comments; last year's targets become
 * this year's plans. Writes through a temporary folder, and never over an existing one.
 */
export function initYear(workspace: Workspace, year: number): InitResult {
  const dataDir = path.join(workspace.root, 'data');
  const target = path.join(dataDir, String(year));
  const source = path.join(dataDir, String(year - 1));
  const shownFolder = displayPath(target, workspace.cwd);
  if (fs.existsSync(target)) {
    throw new RunError(`${shownFolder} đã có, chương trình không ghi đè. Muốn tạo lại thì đổi tên hoặc xóa thư mục đó trước.`);
  }
  if (!fs.existsSync(source)) {
    throw new RunError(`Không có dữ liệu năm ${year - 1} (${displayPath(source, workspace.cwd)}) để làm mẫu cho năm ${year}.`);
  }
  const earlier = computeYear(workspace, year - 1);
  const { targets } = earlierYearOf(year - 1, earlier.input.figures, earlier.figures);
  const counts = { places: 0, plans: 0 };

  const staging = freshTemporaryPath(dataDir);
  fs.mkdirSync(staging);
  try {
    for (const kind of DATA_FILES) {
      const text = fs.readFileSync(path.join(source, `${kind.name}.yaml`), 'utf8');
      const doc = parseDocument(text);
      const context: Context = { doc, year, targets, counts };
      if (kind.role === 'document') clearDetails(doc.contents, context);
      else clearSection(doc.contents, context);
      fs.writeFileSync(path.join(staging, `${kind.name}.yaml`), doc.toString({ lineWidth: 0 }));
    }
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error instanceof RunError ? error : new RunError(`Không tạo được ${shownFolder}: ${(error as Error).message}. Không có gì được ghi.`);
  }
  return { shownFolder, files: DATA_FILES.length, ...counts };
}
