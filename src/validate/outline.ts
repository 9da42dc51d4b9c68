import path from 'node:path';
import type { Place, Report } from '../diagnostics.js';
import { parseYamlText, type LoadedFile } from '../load/load-year.js';
import { entry, type YamlNode, type YamlScalar } from '../load/yaml-tree.js';
import { LEGACY_SECTIONS, OUTLINE_FILE } from '../workspace.js';

/** How the headings of one level are numbered: none, 1., a., A., I. */
export const NUMBERING_STYLES = ['khong', 'so', 'chu', 'chu_hoa', 'la_ma'] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

/** Numbering by heading level when the outline does not say: level 1 unnumbered, then I., 1., a., then none. */
export const DEFAULT_NUMBERING: readonly NumberingStyle[] = ['khong', 'la_ma', 'so', 'chu'];

/** A file named in the outline, where it is named. */
export interface FileMention {
  name: string;
  place: Place;
}

/** One heading of the outline: a title of its own, a section file, or both; and the headings under it. */
export interface OutlineNode {
  place: Place;
  /** The heading as the outline writes it; when absent, a section file's own tieu_de. */
  title?: YamlScalar;
  /** The section file whose figures and paragraphs, and whose own muc, this heading holds. */
  file?: FileMention;
  /** The file whose opening paragraphs (boi_canh) come first under this heading. */
  opening?: FileMention;
  /** How the levels under this heading are numbered, from its children down. */
  numbering?: NumberingStyle[];
  children: OutlineNode[];
}

export interface Outline {
  /** Numbering by heading level, from level 1. */
  numbering: NumberingStyle[];
  nodes: OutlineNode[];
  /** Whether this is the outline of a folder with no bo-cuc.yaml, the 14 files of old. */
  legacy: boolean;
}

/**
 * The outline of a folder written before the outline was data: the Thanh Hà report's
 * headings, the 13 section files in their order, the opening paragraphs from danh-gia.yaml.
 */
const LEGACY_OUTLINE = `danh_so: [khong, la_ma, so, chu]
muc:
  - tieu_de: "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ {{ky_in_hoa}}"
    mo_dau: danh-gia
    muc:
      - tieu_de: "KẾT QUẢ ĐẠT ĐƯỢC"
        muc:
${LEGACY_SECTIONS.slice(0, -2)
  .map((name) => `          - tep: ${name}`)
  .join('\n')}
      - tep: danh-gia
  - tieu_de: "Phần thứ hai"
  - tep: phuong-huong
    danh_so: [so, chu]
`;

const fileName = (text: string) => text.trim().replace(/\.ya?ml$/i, '').toLowerCase();

function numbering(node: YamlNode | undefined): NumberingStyle[] | undefined {
  if (node?.kind === 'scalar') return [String(node.value) as NumberingStyle];
  if (node?.kind === 'seq') return node.items.map((item) => String((item as YamlScalar).value) as NumberingStyle);
  return undefined;
}

function mention(node: YamlNode | undefined): FileMention | undefined {
  return node?.kind === 'scalar' ? { name: fileName(String(node.value)), place: node.place } : undefined;
}

function readNodes(list: YamlNode | undefined): OutlineNode[] {
  if (list?.kind !== 'seq') return [];
  return list.items.flatMap((item): OutlineNode[] => {
    if (item.kind !== 'map') return [];
    const title = entry(item, 'tieu_de');
    return [
      {
        place: item.place,
        title: title?.kind === 'scalar' ? title : undefined,
        file: mention(entry(item, 'tep')),
        opening: mention(entry(item, 'mo_dau')),
        numbering: numbering(entry(item, 'danh_so')),
        children: readNodes(entry(item, 'muc')),
      },
    ];
  });
}

function openingsOf(nodes: readonly OutlineNode[]): string[] {
  return nodes.flatMap((node) => [...(node.opening ? [node.opening.name] : []), ...openingsOf(node.children)]);
}

function* mentions(nodes: readonly OutlineNode[]): Generator<FileMention> {
  for (const node of nodes) {
    if (node.opening) yield node.opening;
    if (node.file) yield node.file;
    yield* mentions(node.children);
  }
}

/**
 * The outline of a period: its bo-cuc.yaml (already schema-valid), or for a folder without one
 * the outline of the old layout. Checks it against the section files present: a file the
 * outline does not name, a name with no file, and a file named twice as a heading are errors
 * that name both places, so that no section is ever left out of the report in silence.
 */
export function readOutline(outlineFile: LoadedFile | undefined, sections: readonly LoadedFile[], shownFolder: string, report: Report): Outline {
  const legacy = outlineFile === undefined;
  const source = outlineFile ?? { ...parseYamlText(path.join(shownFolder, `${OUTLINE_FILE}.yaml (bố cục mặc định)`), LEGACY_OUTLINE), kind: { name: OUTLINE_FILE, role: 'outline' as const } };
  const root = source.tree?.kind === 'map' ? source.tree : undefined;
  const outline: Outline = {
    numbering: numbering(root && entry(root, 'danh_so')) ?? [...DEFAULT_NUMBERING],
    nodes: readNodes(root && entry(root, 'muc')),
    legacy,
  };
  const present = new Map(sections.map((file) => [file.kind.name, file]));
  const headings = new Map<string, Place>();
  const named = new Set<string>();
  for (const node of [...mentions(outline.nodes)]) {
    named.add(node.name);
    // A folder of old reports its missing files already, at the file's own path.
    if (!present.has(node.name)) {
      if (!legacy) {
        report({
          ruleId: 'outline-file',
          severity: 'error',
          place: node.place,
          message: `Bố cục nêu tệp ${node.name}.yaml nhưng ${shownFolder} không có tệp này. Tạo tệp ${path.join(shownFolder, `${node.name}.yaml`)}, hoặc sửa tên trong bố cục.`,
        });
      }
    }
  }
  const seen = (nodes: readonly OutlineNode[]) => {
    for (const node of nodes) {
      if (node.file) {
        const earlier = headings.get(node.file.name);
        if (earlier) {
          report({
            ruleId: 'outline-file',
            severity: 'error',
            place: node.file.place,
            message: `Tệp ${node.file.name}.yaml đã có trong bố cục ở chỗ khác: mỗi tệp là một mục, in một lần. Xóa một trong hai dòng.`,
            related: [earlier],
          });
        } else headings.set(node.file.name, node.file.place);
      }
      seen(node.children);
    }
  };
  seen(outline.nodes);
  const openings = new Set(openingsOf(outline.nodes));
  for (const file of sections) {
    const opening = file.tree?.kind === 'map' ? file.tree.entries.find((e) => e.key === 'boi_canh') : undefined;
    if (opening && !openings.has(file.kind.name)) {
      report({
        ruleId: 'outline-file',
        severity: 'error',
        place: opening.keyPlace,
        message:
          `Các đoạn mở đầu (boi_canh) của ${path.basename(file.source.path)} không được in ở đâu: không đề mục nào của bố cục ghi "mo_dau: ${file.kind.name}". ` +
          `Thêm dòng đó vào đề mục cần in, hoặc chuyển các đoạn này vào noi_dung.`,
      });
    }
    if (named.has(file.kind.name)) continue;
    report({
      ruleId: 'outline-file',
      severity: 'error',
      place: file.source.placeAt(0),
      message: legacy
        ? `Tệp ${path.basename(file.source.path)} không thuộc các tệp của bố cục mặc định, nên báo cáo không có chỗ in nó. ` +
          `Viết ${OUTLINE_FILE}.yaml trong thư mục này để đặt tệp vào báo cáo (xem data/README.md), hoặc chuyển tệp ra ngoài.`
        : `Tệp ${path.basename(file.source.path)} không có trong bố cục (${path.basename(source.source.path)}), nên báo cáo không có chỗ in nó. ` +
          `Thêm "- tep: ${file.kind.name}" vào chỗ của nó trong bố cục, hoặc chuyển tệp ra ngoài thư mục.`,
      related: [source.source.placeAt(0)],
    });
  }
  return outline;
}
