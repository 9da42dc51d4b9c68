import type { Place, Report } from '../diagnostics.js';
import type { LoadedFile } from '../load/load-year.js';
import type { YamlNode } from '../load/yaml-tree.js';
import { keyPath } from '../validate/schema-messages.js';

/** What `report init` writes where the clerk has to fill in this year's figure or text. */
export const PLACEHOLDER = 'CẦN ĐIỀN';

export type UnfilledKind = 'số liệu' | 'lời văn' | 'thông tin văn bản';

export interface Unfilled {
  place: Place;
  kind: UnfilledKind;
  /** The key path to the place: `chi_tieu › tong_thu_nhap › gia_tri`. */
  path: string;
}

/** Whether a value is still the placeholder `report init` wrote, or a text beginning with it. */
export const isPlaceholder = (node: YamlNode) => node.kind === 'scalar' && typeof node.value === 'string' && isPlaceholderText(node.value);
export const isPlaceholderText = (text: string) => text.trimStart().startsWith(PLACEHOLDER);

/** Every place of a file still holding the placeholder, in file order. */
export function findUnfilled(file: LoadedFile): Unfilled[] {
  const found: Unfilled[] = [];
  const kindOf = (segments: string[]): UnfilledKind =>
    segments[0] === 'chi_tieu' ? 'số liệu' : file.kind.role === 'document' && segments[0] !== 'trich_yeu' ? 'thông tin văn bản' : 'lời văn';
  const visit = (node: YamlNode, segments: string[]): void => {
    if (node.kind === 'scalar') {
      if (isPlaceholder(node)) {
        found.push({ place: node.place, kind: kindOf(segments), path: keyPath(segments) });
      }
    } else if (node.kind === 'map') {
      for (const entry of node.entries) visit(entry.value, [...segments, entry.key]);
    } else {
      node.items.forEach((item, i) => visit(item, [...segments, String(i)]));
    }
  };
  if (file.tree) visit(file.tree, []);
  return found;
}

/**
 * Reports each placeholder: an error, since a period with places still to fill cannot be
 * checked or built; for a draft, information (the draft shows them as "[CẦN ĐIỀN: …]").
 */
export function reportUnfilled(files: readonly LoadedFile[], report: Report, draft = false): void {
  for (const unfilled of files.flatMap(findUnfilled)) {
    report({
      ruleId: 'unfilled',
      severity: draft ? 'info' : 'error',
      place: unfilled.place,
      message: draft
        ? `Chưa điền ${unfilled.kind}: ${unfilled.path}. Bản dự thảo in "[${PLACEHOLDER}: …]" tô vàng ở chỗ này.`
        : `Chưa điền ${unfilled.kind}: ${unfilled.path}. Thay "${PLACEHOLDER}" bằng ${unfilled.kind} của kỳ này (xem report status), hoặc tạo bản dự thảo: report build --draft.`,
    });
  }
}

/** What a draft leaves unfilled: the figures whose value is still to come, the date. */
export interface DraftGaps {
  /** Figures whose gia_tri is a placeholder, by key, with its place. */
  figures: Map<string, Place>;
  /** Where the document's date is a placeholder. */
  date?: Place;
}


/** Fields of a figure that hold its words, not its numbers: a placeholder there is printed as it is. */
const WORD_FIELDS = new Set(['ten', 'don_vi']);

/**
 * The trees of a draft (report build --draft), so that the rest of the data is checked and
 * computed as written: a figure's number that is still a placeholder is left out (`numbers:
 * 'left-out'`, for decoding) or stands as 0 (`'stand-in'`, for the schema, which wants a
 * value or a formula); an unfilled date gets a stand-in (the period's first day) that the
 * document does not print. What is still to fill is returned, for the report to show as
 * "[CẦN ĐIỀN: …]".
 */
export function draftTrees(files: readonly LoadedFile[], year: number, numbers: 'left-out' | 'stand-in'): { files: LoadedFile[]; gaps: DraftGaps } {
  const gaps: DraftGaps = { figures: new Map() };
  const draftFile = (file: LoadedFile): LoadedFile => {
    const tree = file.tree;
    if (tree?.kind !== 'map') return file;
    if (file.kind.role === 'document') {
      const entries = tree.entries.map((e) => {
        if (e.key !== 'ngay' || !isPlaceholder(e.value)) return e;
        gaps.date = e.value.place;
        return { ...e, value: { ...e.value, value: `${year}-01-01`, source: `${year}-01-01` } as YamlNode };
      });
      return { ...file, tree: { ...tree, entries } };
    }
    const entries = tree.entries.map((e) => {
      if (e.key !== 'chi_tieu' || e.value.kind !== 'map') return e;
      const figures = e.value.entries.map((figure) => {
        if (figure.value.kind !== 'map') return figure;
        const fields = figure.value.entries.flatMap((field) => {
          if (WORD_FIELDS.has(field.key) || !isPlaceholder(field.value)) return [field];
          if (field.key === 'gia_tri') gaps.figures.set(figure.key, field.value.place);
          return numbers === 'left-out' ? [] : [{ ...field, value: { ...field.value, value: 0, source: '0' } as YamlNode }];
        });
        return { ...figure, value: { ...figure.value, entries: fields } };
      });
      return { ...e, value: { ...e.value, entries: figures } };
    });
    return { ...file, tree: { ...tree, entries } };
  };
  return { files: files.map(draftFile), gaps };
}
