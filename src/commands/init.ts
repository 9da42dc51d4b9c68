import fs from 'node:fs';
import path from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type ScalarTag, type YAMLMap } from 'yaml';
import { earlierYearOf } from '../compute/earlier-year.js';
import type { Recorded } from '../compute/figures.js';
import { formatPlace, Messages, RunError } from '../diagnostics.js';
import { predecessorWords, sumOfPredecessors, type MissingFigure, type Predecessor } from '../compute/predecessors.js';
import type { Workspace } from '../workspace.js';
import { freshTemporaryPath } from '../temporary-path.js';
import { writeFailure } from '../emit/write-atomic.js';
import { PLACEHOLDER } from '../validate/placeholders.js';
import { formatWithUnit } from '../vietnamese/number.js';
import { annual, periodWords, samePeriodLastYear, type Period } from '../period.js';
import { computePeriod, predecessorParts, predecessorsOf, unitsOf, type AnalyzeOptions } from './analyze.js';
import { wrapWords } from '../text/wrap.js';
import { capitalized } from '../vietnamese/capitalized.js';

/** Measures that belong to one year only (against its plan, against the year before): computed or typed again each year. */
const YEARLY_MEASURES = ['ty_le_ke_hoach', 'vuot_ke_hoach', 'chenh_lech_ke_hoach', 'tang_giam', 'chenh_lech', 'cung_ky', 'ke_hoach'];
const FORMULAS = ['tong', 'tich', 'chia', 'nhac_lai'];
/** Lists of paragraphs: each paragraph becomes a place to fill, last year's text kept as a comment above it. */
const TEXT_LISTS = ['noi_dung', 'boi_canh'];

export interface InitOutcome {
  period: Period;
  /** For a merged unit started from its predecessors: who they were. */
  predecessors?: string;
  /** The period it was made from: the same one, a year before. */
  source: Period;
  shownFolder: string;
  files: number;
  /** Places left to fill. */
  places: number;
  /** Figures whose plan was taken from last year's targets. */
  plans: number;
}

/** Comment lines of at most 96 characters, so a long paragraph stays readable in Notepad. */
function wrap(text: string): string {
  return wrapWords(text, 96)
    .map((line) => ` ${line}`)
    .join('\n');
}

function placeholder(doc: Document, what: string, comment?: string): Scalar {
  const node = doc.createNode(`${PLACEHOLDER}${what}`) as Scalar;
  if (comment) node.comment = ` ${comment}`;
  return node;
}

/** A number's text as the data writes numbers, exact and with its decimals: 60.0 stays 60.0. */
class ExactNumber {
  constructor(readonly text: string) {}
}

/** Writes an ExactNumber as a plain YAML number, digit for digit: never through a JavaScript float. */
const EXACT_NUMBER_TAG: ScalarTag = {
  identify: (value) => value instanceof ExactNumber,
  default: true,
  // A tag of its own, so no number of the source file is ever read through it.
  tag: 'tag:report.local,2026:exact-number',
  // Only ever written: the data's loader reads numbers from their source text.
  resolve: (source) => source,
  stringify: (item) => (item.value as ExactNumber).text,
};

/** A recorded number as the data writes it: digit for digit, with its bound word ("trên 105") when it has one. */
function numberNode({ quantity }: Recorded): Scalar {
  const digits = quantity.value.toFixed(quantity.decimals);
  return new Scalar(quantity.bound ? `${quantity.bound} ${digits}` : new ExactNumber(digits));
}

/** For a unit formed by merging others, with no folder of its own for the period before: what its predecessors recorded. */
interface MergedStart {
  /** "xã An Phú và 30% dân số xã Bình Minh". */
  words: string;
  /** Each figure's sum over the predecessors, where all of them have it. */
  sums: ReadonlyMap<string, Recorded>;
  /** Why the others have none. */
  missing: ReadonlyMap<string, MissingFigure>;
}

interface Context {
  doc: Document;
  merged?: MergedStart;
  /** The new period, and the one it is made from, in words: `năm 2024`, `năm 2023`. */
  period: string;
  source: string;
  /** Last year, whose annual targets are the plans: `năm 2023`. */
  lastYear: string;
  targets: ReadonlyMap<string, Recorded>;
  counts: { places: number; plans: number };
}

/** Why a figure's comment gives no sum of the predecessors. */
const UNSUMMED: Record<MissingFigure['reason'], string> = {
  lacking: 'không cộng được (một đơn vị không có số này)',
  'not-additive': 'tỷ lệ, bình quân không cộng được',
  'unknown-unit': 'không cộng được (đơn vị chưa có trong bảng đơn vị)',
};

function clearFigure(key: string, figure: YAMLMap, context: Context): void {
  const { doc } = context;
  figure.flow = false;
  const isFormula = FORMULAS.some((name) => figure.has(name));
  const value = figure.get('gia_tri', true);
  for (const name of YEARLY_MEASURES) figure.delete(name);
  if (value !== undefined) {
    if (isFormula) figure.delete('gia_tri');
    else {
      const unit = String(figure.get('don_vi') ?? '');
      const sum = context.merged?.sums.get(key);
      const unsummed = UNSUMMED[context.merged?.missing.get(key)?.reason ?? 'lacking'];
      const shown = context.merged
        ? `${context.source}, ${context.merged.words}: ${sum ? formatWithUnit(sum.quantity, sum.unit) : unsummed}`
        : isScalar(value)
          ? `${context.source}: ${String(value.value)}${unit ? ` ${unit}` : ''}`
          : undefined;
      figure.set('gia_tri', placeholder(doc, '', shown));
      context.counts.places++;
    }
  }
  const target = context.targets.get(key);
  if (target && !figure.has('nhac_lai')) {
    const plan = numberNode(target);
    plan.comment = ` mục tiêu ${context.lastYear}: ${formatWithUnit(target.quantity, target.unit)}`;
    figure.set('ke_hoach', plan);
    context.counts.plans++;
  }
}

function clearTexts(list: Node, context: Context): void {
  if (!isSeq(list)) return;
  list.items = list.items.map((item) => {
    if (!isScalar(item)) return item; // a tiểu mục heading stays
    const node = placeholder(context.doc, `: nội dung ${context.period}`);
    node.commentBefore = wrap(`${capitalized(context.source)}: ${String(item.value)}`);
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

/** The details that name the unit: a predecessor's are not the new unit's, so they are left to fill. */
const UNIT_DETAILS = ['co_quan', 'ten_goi', 'dia_danh'];

function clearDetails(details: Node | null | undefined, context: Context): void {
  if (!isMap(details)) return;
  details.set('so', context.doc.createNode(''));
  details.set('ngay', placeholder(context.doc, '', 'ngày ban hành, dạng NĂM-THÁNG-NGÀY'));
  context.counts.places++;
  if (!context.merged) return;
  // No district after the 2025 reform: a merged unit has no superior-body line.
  details.delete('co_quan_chu_quan');
  for (const key of UNIT_DETAILS) {
    const old = details.get(key);
    details.set(key, placeholder(context.doc, '', `${capitalized(context.source)}, đơn vị cũ: ${String(old ?? '')}`));
    context.counts.places++;
  }
}

/**
 * `report init <period>`: data/<period>/ from the same period a year before, with the same
 * files, outline and keys. The document's details are carried over (number and date to fill);
 * figures and texts become places to fill, the earlier values kept as comments; the targets of
 * last year's annual report become the plans. Writes through a temporary folder, and never
 * over an existing one.
 */
export function init({ workspace, period }: AnalyzeOptions): InitOutcome {
  const target = workspace.periodFolder(period);
  const shownFolder = workspace.show(target);
  const source = samePeriodLastYear(period);
  const year = period.year;
  if (fs.existsSync(target)) {
    throw new RunError(`${shownFolder} đã có, chương trình không ghi đè. Muốn tạo lại thì đổi tên hoặc xóa thư mục đó trước.`);
  }
  // A unit formed by merging others starts its first period from theirs: the first one's files, everyone's sums.
  const own = workspace.hasPeriod(source);
  const start = own ? undefined : mergedStart(workspace, source, period);
  if (!own && !start) {
    throw new RunError(`Không có dữ liệu ${periodWords(source)} (${workspace.show(workspace.periodFolder(source))}) để làm mẫu cho ${periodWords(period)}.`);
  }
  // The same files the analysis reads, whatever their spelling (kinh-te.yml), outline included, so the new period has them all.
  const { files } = (start?.folder ?? workspace).periodFiles(source);
  const lastYear = annual(year - 1);
  const planned = workspace.hasPeriod(lastYear) ? computePeriod(workspace, lastYear, undefined, new Messages()) : undefined;
  const targets = planned ? earlierYearOf(year - 1, planned.input.figures, planned.figures).targets : new Map<string, Recorded>();
  const counts = { places: 0, plans: 0 };

  const staging = freshTemporaryPath(path.dirname(target));
  try {
    fs.mkdirSync(staging);
    for (const file of files) {
      const text = fs.readFileSync(file.path, 'utf8');
      const copy = path.join(staging, path.basename(file.path));
      // The outline carries over as the clerk wrote it.
      if (file.kind.role === 'outline') {
        fs.writeFileSync(copy, text);
        continue;
      }
      const doc = parseDocument(text, { customTags: [EXACT_NUMBER_TAG] });
      const context: Context = { doc, period: periodWords(period), source: periodWords(source), lastYear: periodWords(lastYear), targets, counts, ...(start ? { merged: start.merged } : {}) };
      if (file.kind.role === 'document') clearDetails(doc.contents, context);
      else {
        clearSection(doc.contents, context);
        if (start) addFigures(doc, start.onlyElsewhere.get(path.basename(file.path).toLowerCase()) ?? [], context);
      }
      fs.writeFileSync(copy, doc.toString({ lineWidth: 0 }));
    }
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error instanceof RunError ? error : new RunError(`Không tạo được ${shownFolder}: ${writeFailure(error, false)}. Không có gì được ghi.`);
  }
  return { period, source, shownFolder, files: files.length, ...counts, ...(start ? { predecessors: start.merged.words } : {}) };
}

/** A figure a predecessor other than the first records, to add to the new period's file of the same name. */
interface FigureElsewhere {
  key: string;
  /** As that predecessor recorded it. */
  recorded: Recorded;
  /** Its part in this unit (its share of the value), or why there is none (a rate or an average of a part of a unit). */
  part: Recorded | MissingFigure['reason'];
  predecessor: Predecessor;
}

/**
 * How a merged unit with no folder of its own starts: from its first predecessor's folder, its
 * figures' comments giving every predecessor's sum, and the figures only the others have added
 * to the file of the same name.
 */
function mergedStart(workspace: Workspace, source: Period, period: Period): { folder: Workspace; merged: MergedStart; onlyElsewhere: Map<string, FigureElsewhere[]> } | undefined {
  const messages = new Messages();
  const listed = predecessorsOf(workspace, messages);
  const parts = predecessorParts(listed, source, period, unitsOf(workspace, messages), messages);
  if (!parts) {
    const why = messages.all.find((d) => d.severity !== 'info');
    if (listed.length === 0) return undefined;
    throw new RunError(`Không bắt đầu được ${periodWords(period)} từ các đơn vị trước sắp xếp: ${why ? `${formatPlace(why.place)} ${why.message}` : 'dữ liệu của chúng chưa đọc được.'}`);
  }
  const summed = sumOfPredecessors(parts);
  const first = new Set(parts[0]!.values.keys());
  const onlyElsewhere = new Map<string, FigureElsewhere[]>();
  for (const { predecessor, values } of parts.slice(1)) {
    for (const [key, recorded] of values) {
      if (first.has(key) || [...onlyElsewhere.values()].some((list) => list.some((f) => f.key === key))) continue;
      const file = path.basename(recorded.place.file).toLowerCase();
      // Its own part only: a share of a unit brings that share of its figure.
      const own = sumOfPredecessors([{ predecessor, values: new Map([[key, recorded]]) }]);
      const part = own.values.get(key) ?? own.missing.get(key)!.reason;
      onlyElsewhere.set(file, [...(onlyElsewhere.get(file) ?? []), { key, recorded, part, predecessor }]);
    }
  }
  return {
    folder: listed[0]!.folder,
    merged: { words: predecessorWords(listed.map((l) => l.predecessor)), sums: summed.values, missing: summed.missing },
    onlyElsewhere,
  };
}

/** The figures only another predecessor records: each a place to fill in the section's chi_tieu, its value as a comment. */
function addFigures(doc: Document, figures: readonly FigureElsewhere[], context: Context): void {
  const list = isMap(doc.contents) ? doc.contents.get('chi_tieu', true) : undefined;
  if (!isMap(list)) return;
  for (const { key, recorded, part, predecessor } of figures) {
    const figure = doc.createNode({ ten: recorded.name ?? key, don_vi: recorded.unit }) as YAMLMap;
    const value =
      typeof part === 'string'
        ? `${UNSUMMED[part]}; cả ${predecessor.name}: ${formatWithUnit(recorded.quantity, recorded.unit)}`
        : formatWithUnit(part.quantity, part.unit);
    figure.set('gia_tri', placeholder(doc, '', `${context.source}, chỉ ${predecessorWords([predecessor])} có: ${value}`));
    list.set(key, figure);
    context.counts.places++;
  }
}
