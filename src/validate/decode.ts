import type { Report } from '../diagnostics.js';
import { RESERVED_WORDS } from '../reference-words.js';
import type { LoadedFile } from '../load/load-year.js';
import { entry, type YamlMap, type YamlNode, type YamlScalar } from '../load/yaml-tree.js';
import { parseSourceNumber } from '../vietnamese/number.js';
import type {
  DocumentDetails,
  FigureInput,
  FigureRef,
  NumberInput,
  ParagraphInput,
  SectionInput,
  TextInput,
  YearInput,
} from './input.js';

/**
 * Turns schema-valid YAML trees into the typed year data. Runs only after validation passed,
 * so shapes are trusted; what a schema cannot say (exact numbers, unique keys) is checked here.
 */
export function decodeYear(year: number, files: readonly LoadedFile[], report: Report): YearInput {
  const figures: FigureInput[] = [];
  const byRole = (role: LoadedFile['kind']['role']) => files.filter((f) => f.kind.role === role).map((f) => f.tree as YamlMap);

  const decodeNumber = (node: YamlNode | undefined): NumberInput | undefined => {
    if (node?.kind !== 'scalar') return undefined;
    const reading = parseSourceNumber(node.source);
    if ('quantity' in reading) return { quantity: reading.quantity, place: node.place };
    report({ ruleId: 'bad-number', severity: 'error', place: node.place, message: reading.problem });
    return undefined;
  };

  const seen = new Map<string, FigureInput>();
  const decodeFigures = (map: YamlMap) => {
    const list = entry(map, 'chi_tieu');
    if (list?.kind !== 'map') return;
    for (const item of list.entries) {
      const figure = decodeFigure(item.key, item.keyPlace, item.value as YamlMap, decodeNumber);
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
  };

  for (const file of files) if (file.tree?.kind === 'map' && file.kind.role !== 'document') decodeFigures(file.tree);

  const [document] = byRole('document');
  const [assessment] = byRole('assessment');
  const [directions] = byRole('directions');
  const input: YearInput = {
    year,
    details: decodeDetails(document!),
    context: texts(entry(assessment!, 'boi_canh')),
    sectors: byRole('sector').map(decodeSection),
    assessment: decodeSection(assessment!),
    directions: decodeSection(directions!),
    figures,
  };
  return input;
}

function decodeFigure(
  key: string,
  place: FigureInput['place'],
  map: YamlMap,
  decodeNumber: (node: YamlNode | undefined) => NumberInput | undefined,
): FigureInput {
  const figure: FigureInput = { key, place };
  const str = (name: string) => scalarText(entry(map, name));
  const refs = (name: string): FigureRef[] | undefined => {
    const node = entry(map, name);
    return node?.kind === 'seq' ? node.items.map((item) => ({ key: String((item as YamlScalar).value), place: item.place })) : undefined;
  };
  figure.name = str('ten');
  figure.unit = str('don_vi');
  figure.value = decodeNumber(entry(map, 'gia_tri'));
  const digits = entry(map, 'chu_so');
  if (digits?.kind === 'scalar') figure.digits = Number(digits.value);
  figure.plan = decodeNumber(entry(map, 'ke_hoach'));
  figure.planShare = decodeNumber(entry(map, 'ty_le_ke_hoach'));
  figure.lastYear = decodeNumber(entry(map, 'cung_ky'));
  figure.change = decodeNumber(entry(map, 'tang_giam'));
  figure.changeAmount = decodeNumber(entry(map, 'chenh_lech'));
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

function decodeDetails(map: YamlMap): DocumentDetails {
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
  };
}

function decodeSection(map: YamlMap): SectionInput {
  const paragraphs = entry(map, 'noi_dung');
  const subsections = entry(map, 'muc');
  return {
    title: text(entry(map, 'tieu_de') as YamlScalar),
    paragraphs:
      paragraphs?.kind === 'seq'
        ? paragraphs.items.map((item): ParagraphInput =>
            item.kind === 'map'
              ? { kind: 'subheading', text: text(entry(item, 'tieu_muc') as YamlScalar) }
              : { kind: 'paragraph', text: text(item as YamlScalar) },
          )
        : [],
    subsections: subsections?.kind === 'seq' ? subsections.items.map((item) => decodeSection(item as YamlMap)) : [],
  };
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
