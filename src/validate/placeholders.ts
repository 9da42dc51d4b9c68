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

/** Every place of a file still holding the placeholder, in file order. */
export function findUnfilled(file: LoadedFile): Unfilled[] {
  const found: Unfilled[] = [];
  const kindOf = (segments: string[]): UnfilledKind =>
    segments[0] === 'chi_tieu' ? 'số liệu' : file.kind.role === 'document' && segments[0] !== 'trich_yeu' ? 'thông tin văn bản' : 'lời văn';
  const visit = (node: YamlNode, segments: string[]): void => {
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string' && node.value.trimStart().startsWith(PLACEHOLDER)) {
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

/** Reports each placeholder as an error: a year with places still to fill cannot be checked or built. */
export function reportUnfilled(files: readonly LoadedFile[], report: Report): void {
  for (const unfilled of files.flatMap(findUnfilled)) {
    report({
      ruleId: 'unfilled',
      severity: 'error',
      place: unfilled.place,
      message: `Chưa điền ${unfilled.kind}: ${unfilled.path}. Thay "${PLACEHOLDER}" bằng ${unfilled.kind} của năm này (xem report status).`,
    });
  }
}
