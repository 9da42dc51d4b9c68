import type { UnitTable, UnitUse } from '../compute/units.js';
import type { Report } from '../diagnostics.js';
import { RESERVED_WORDS } from '../reference-words.js';
import { parseYamlText, type LoadedFile } from '../load/load-year.js';
import type { Period } from '../period.js';
import type { Outline, OutlineNode } from './outline.js';
import { entry, type YamlEntry, type YamlMap, type YamlNode, type YamlScalar } from '../load/yaml-tree.js';
import { closestWord } from '../text/closest-word.js';
import { figureNumberUse, readFigureNumber } from './read-number.js';
import type {
  DocumentDetails,
  FigureInput,
  FigureRef,
  NamedBody,
  NumberInput,
  ParagraphInput,
  SectionInput,
  TextInput,
  YearInput,
} from './input.js';

/** The closing sentence of a report whose document file gives none (loi_ket). */
const DEFAULT_CLOSING =
  'Trên đây là báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh {{ky}} và phương hướng, nhiệm vụ {{ky_sau}} của {{ten_goi}}./.';
/** The closing sentence of the Thanh Hà report, kept for folders of the old layout. */
const LEGACY_CLOSING =
  'Trên đây là Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế xã hội, an ninh quốc phòng {{ky}} và một số nhiệm vụ chủ yếu {{ky_sau}} {{ten_goi}} tổng hợp báo cáo./.';

/** A text the program supplies, as a data text: its references resolve like the clerk's. */
function builtInText(shown: string, value: string): TextInput {
  const { tree } = parseYamlText(`${shown} (mặc định)`, JSON.stringify(value));
  return text(tree as YamlScalar);
}

/** Reads the number at one key of a figure whose unit is `unit` (in % at a share or a change in %); undefined (and reported) when it cannot be read. */
type NumberDecoder = (node: YamlNode | undefined, key: string, unit: UnitUse) => NumberInput | undefined;

/**
 * Turns schema-valid YAML trees into the typed data of a period, the sections laid out as the
 * outline says. Runs only after validation passed, so shapes are trusted; what a schema
 * cannot say (exact numbers, unique keys, units the table lacks) is checked here. A number is
 * read in its figure's unit, from the unit table.
 */
export function decodePeriod(period: Period, files: readonly LoadedFile[], outline: Outline, units: UnitTable, report: Report): YearInput {
  const sections = new Map(files.filter((f) => f.kind.role === 'section' && f.tree?.kind === 'map').map((f) => [f.kind.name, f.tree as YamlMap]));
  const documentFile = files.find((f) => f.kind.role === 'document')!;
  // Figures in report order: the files the outline makes headings, then those it only opens with.
  const inOrder = [...new Set([...fileHeadings(outline.nodes), ...sections.keys()])];
  const figureLists = inOrder.flatMap((name) => {
    const list = entry(sections.get(name)!, 'chi_tieu');
    return list?.kind === 'map' ? [list.entries] : [];
  });
  const figures = decodeFigures(figureLists, units, report);

  const decodeNode = (node: OutlineNode): SectionInput => {
    const file = node.file && sections.get(node.file.name);
    const opening = node.opening && sections.get(node.opening.name);
    const title = node.title ?? (file && scalarNode(entry(file, 'tieu_de')));
    return {
      ...(title ? { title: text(title) } : {}),
      paragraphs: [...texts(opening && entry(opening, 'boi_canh')).map((t): ParagraphInput => ({ kind: 'paragraph', text: t })), ...(file ? paragraphs(file) : [])],
      subsections: [...(file ? subsections(file) : []), ...node.children.map(decodeNode)],
      ...(node.numbering ? { numbering: node.numbering } : {}),
    };
  };

  const document = documentFile.tree as YamlMap;
  const closing = scalarNode(entry(document, 'loi_ket'));
  return {
    period,
    details: {
      ...decodeDetails(document),
      closing: closing ? text(closing) : builtInText(documentFile.source.path, outline.legacy ? LEGACY_CLOSING : DEFAULT_CLOSING),
    },
    body: outline.nodes.map(decodeNode),
    numbering: outline.numbering,
    figures,
  };
}

/**
 * The figures of the chi_tieu lists given, in order, each number read in its figure's unit;
 * problems (a number that does not read, a key used twice or reserved) are reported at their
 * place. Also run on the files that validated when another did not, so that their number
 * problems are told with the rest rather than on the next run.
 */
export function decodeFigures(figureLists: readonly (readonly YamlEntry[])[], units: UnitTable, report: Report): FigureInput[] {
  const figures: FigureInput[] = [];
  const unitsByKey = figureUnits(figureLists.flat(), units, report);

  const decodeNumber: NumberDecoder = (node, key, unit) => {
    if (node?.kind !== 'scalar') return undefined;
    const reading = readFigureNumber(node.source, figureNumberUse(key, unit, units));
    if ('quantity' in reading) return { quantity: reading.quantity, place: node.place };
    report({ ruleId: 'bad-number', severity: 'error', place: node.place, message: reading.problem });
    return undefined;
  };

  const seen = new Map<string, FigureInput>();
  for (const list of figureLists) {
    for (const item of list) {
      const figure = decodeFigure(item.key, item.keyPlace, item.value as YamlMap, unitsByKey.get(item.key)!, decodeNumber);
      const earlier = seen.get(item.key);
      if (RESERVED_WORDS.includes(item.key)) {
        report({
          ruleId: 'reserved-key',
          severity: 'error',
          place: figure.place,
          message: `Mã chỉ tiêu "${item.key}" trùng với một từ dùng trong câu văn ({{${item.key} ...}}). Đặt mã khác, ví dụ "${item.key}_1". Các từ dành riêng: ${RESERVED_WORDS.join(', ')}.`,
        });
        continue;
      }
      if (earlier) {
        report({
          ruleId: 'duplicate-figure',
          severity: 'error',
          place: figure.place,
          message: `Mã chỉ tiêu "${item.key}" đã dùng ở nơi khác. Mỗi chỉ tiêu chỉ nhập một lần; để nhắc lại, tạo chỉ tiêu mới với nhac_lai: ${item.key}.`,
          related: [earlier.place],
        });
        continue;
      }
      seen.set(item.key, figure);
      figures.push(figure);
    }
  }
  return figures;
}

/** The section files the outline makes headings, in report order. */
function fileHeadings(nodes: readonly OutlineNode[]): string[] {
  return nodes.flatMap((node) => [...(node.file ? [node.file.name] : []), ...fileHeadings(node.children)]);
}

/**
 * The unit of every figure that writes one, by key, from the table; a restatement (nhac_lai)
 * takes its original's, so its numbers are read in that unit. A unit the table lacks is
 * warned of at its don_vi, with how to add it: never guessed.
 */
export function figureUnits(items: readonly YamlEntry[], units: UnitTable, report: Report): Map<string, UnitUse> {
  const own = new Map<string, UnitUse>();
  const restated = new Map<string, string>();
  for (const { key, value } of items) {
    if (value.kind !== 'map') continue;
    const unitNode = entry(value, 'don_vi');
    const original = scalarText(entry(value, 'nhac_lai'));
    if (original !== undefined && unitNode === undefined) restated.set(key, original);
    if (unitNode?.kind !== 'scalar') continue;
    const unit = String(unitNode.value ?? '');
    const tableUnit = units.lookup(unit);
    if (!tableUnit) reportUnknownUnit(unit, unitNode, units, report);
    own.set(key, { unit, tableUnit });
  }
  const unitOf = (key: string, visited: Set<string>): UnitUse | undefined => {
    const original = restated.get(key);
    if (original === undefined || visited.has(key)) return own.get(key);
    return unitOf(original, visited.add(key));
  };
  return new Map(items.map(({ key }) => [key, unitOf(key, new Set()) ?? { unit: '' }]));
}

function reportUnknownUnit(unit: string, node: YamlScalar, units: UnitTable, report: Report): void {
  const missing = unit.split('/').filter((part) => !units.lookup(part));
  const name = missing.length === 1 ? missing[0]!.trim() : unit;
  const hint = closestWord(name, units.names());
  report({
    ruleId: 'unknown-unit',
    severity: 'warning',
    place: node.place,
    message:
      `Đơn vị "${name}"${name === unit ? '' : ` (trong "${unit}")`} chưa có trong bảng đơn vị${hint ? `; có phải là "${hint}"?` : '.'} ` +
      'Chỉ tiêu được in như đã ghi, nhưng không được đổi đơn vị, không được cộng với chỉ tiêu khác, không được kiểm tra là số đếm. ' +
      `Nếu đúng là đơn vị này, thêm vào data/don-vi.yaml: "don_vi:" rồi dòng "  ${name}: { dai_luong: ${name}, dem: true }" (bỏ dem: true nếu không phải số đếm; xem data/README.md).`,
  });
}

/** A figure's numbers, each read in its unit: `unit` is the figure's own, the reader takes % where the key is a share or a change in %. */
function decodeFigure(key: string, place: FigureInput['place'], map: YamlMap, unit: UnitUse, decodeNumber: NumberDecoder): FigureInput {
  const figure: FigureInput = { key, place };
  const str = (name: string) => scalarText(entry(map, name));
  const refs = (name: string): FigureRef[] | undefined => {
    const node = entry(map, name);
    return node?.kind === 'seq' ? node.items.map((item) => ({ key: String((item as YamlScalar).value), place: item.place })) : undefined;
  };
  const number = (name: string) => decodeNumber(entry(map, name), name, unit);
  figure.name = str('ten');
  figure.unit = str('don_vi');
  if (figure.unit !== undefined && unit.tableUnit) figure.tableUnit = unit.tableUnit;
  figure.value = number('gia_tri');
  const digits = entry(map, 'chu_so');
  if (digits?.kind === 'scalar') figure.digits = Number(digits.value);
  figure.plan = number('ke_hoach');
  figure.planShare = number('ty_le_ke_hoach');
  figure.overPlan = number('vuot_ke_hoach');
  figure.planDifference = number('chenh_lech_ke_hoach');
  figure.lastYear = number('cung_ky');
  figure.change = number('tang_giam');
  figure.changeAmount = number('chenh_lech');
  figure.sum = refs('tong');
  figure.product = refs('tich');
  figure.ratio = refs('chia');
  figure.ofWhich = refs('trong_do');
  const inAppendix = entry(map, 'chu_yeu');
  if (inAppendix?.kind === 'scalar' && typeof inAppendix.value === 'boolean') figure.inAppendix = inAppendix.value;
  const restates = entry(map, 'nhac_lai');
  if (restates?.kind === 'scalar') figure.restates = { key: String(restates.value), place: restates.place };
  const planFor = entry(map, 'ke_hoach_cho');
  if (planFor?.kind === 'scalar') figure.planFor = { key: String(planFor.value), place: planFor.place };
  return figure;
}

function decodeDetails(map: YamlMap): Omit<DocumentDetails, 'closing'> {
  const str = (name: string) => scalarText(entry(map, name)) ?? '';
  const signature = entry(map, 'ky') as YamlMap;
  const [year, month, day] = str('ngay').split('-').map(Number);
  return {
    superiorBody: str('co_quan_chu_quan'),
    issuingBody: str('co_quan'),
    shortName: str('ten_goi'),
    number: str('so'),
    symbol: str('ky_hieu'),
    place: str('dia_danh'),
    date: { day: day!, month: month!, year: year! },
    summary: text(entry(map, 'trich_yeu') as YamlScalar),
    addressees: entry(map, 'kinh_gui')?.kind === 'scalar' ? [str('kinh_gui')] : texts(entry(map, 'kinh_gui')).map((t) => t.text),
    recipients: texts(entry(map, 'noi_nhan')).map((t) => t.text),
    signature: {
      authority: scalarText(entry(signature, 'quyen_han')) ?? '',
      position: scalarText(entry(signature, 'chuc_vu')) ?? '',
      name: scalarText(entry(signature, 'ho_ten')) ?? '',
    },
    bodies: [
      ...namedBodies(entry(map, 'co_quan_chu_quan'), 'co_quan_chu_quan'),
      ...namedBodies(entry(map, 'co_quan'), 'co_quan'),
      ...namedBodies(entry(map, 'kinh_gui'), 'kinh_gui'),
      ...namedBodies(entry(map, 'noi_nhan'), 'noi_nhan'),
    ],
  };
}

/** The bodies a document names under one key, each with its place, for the rules of the header. */
function namedBodies(node: YamlNode | undefined, key: NamedBody['key']): NamedBody[] {
  const scalars = node?.kind === 'scalar' ? [node] : node?.kind === 'seq' ? node.items.filter((i): i is YamlScalar => i.kind === 'scalar') : [];
  return scalars.map((scalar) => ({ key, name: String(scalar.value ?? ''), place: scalar.place }));
}

/** The paragraphs of a section or a muc (noi_dung): each a paragraph, or an unnumbered tiểu mục. */
function paragraphs(map: YamlMap): ParagraphInput[] {
  const list = entry(map, 'noi_dung');
  if (list?.kind !== 'seq') return [];
  return list.items.map((item): ParagraphInput =>
    item.kind === 'map' ? { kind: 'subheading', text: text(entry(item, 'tieu_muc') as YamlScalar) } : { kind: 'paragraph', text: text(item as YamlScalar) },
  );
}

/** The muc of a section or a muc, to any depth. */
function subsections(map: YamlMap): SectionInput[] {
  const list = entry(map, 'muc');
  if (list?.kind !== 'seq') return [];
  return list.items.map((item) => {
    const muc = item as YamlMap;
    return { title: text(entry(muc, 'tieu_de') as YamlScalar), paragraphs: paragraphs(muc), subsections: subsections(muc) };
  });
}

function scalarNode(node: YamlNode | undefined): YamlScalar | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

function text(node: YamlScalar): TextInput {
  return { text: String(node.value ?? ''), node };
}

function texts(node: YamlNode | undefined): TextInput[] {
  return node?.kind === 'seq' ? node.items.map((item) => text(item as YamlScalar)) : [];
}

function scalarText(node: YamlNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}
