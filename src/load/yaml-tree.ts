import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Node as YamlLibNode } from 'yaml';
import type { Place, Problem } from '../diagnostics.js';
import { unprintableCharacter, type SourceFile } from './source-file.js';
import { syntaxDiagnostics } from './yaml-syntax.js';

/** A YAML value with its place: the typed tree every later stage reads. */
export type YamlNode = YamlMap | YamlSeq | YamlScalar;

export interface YamlScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The scalar's text as written (for numbers: the digits, never a float). */
  source: string;
  /** Offsets of the scalar in the file's text. */
  range: [number, number];
  place: Place;
  file: SourceFile;
}

export interface YamlEntry {
  key: string;
  keyPlace: Place;
  value: YamlNode;
}

export interface YamlMap {
  kind: 'map';
  entries: YamlEntry[];
  /** Offsets of the map in the file's text, from its first key to the end of its last value. */
  range: [number, number];
  place: Place;
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  range: [number, number];
  place: Place;
}

/** Parses one YAML file into a YamlNode tree; syntax problems become diagnostics. */
export function parseYaml(file: SourceFile): { tree: YamlNode | null; diagnostics: Problem[] } {
  const doc = parseDocument(file.text, { uniqueKeys: true, prettyErrors: false, strict: true });
  const diagnostics = syntaxDiagnostics(file, doc.errors);
  if (diagnostics.length > 0) return { tree: null, diagnostics };
  if (doc.contents === null) {
    const message = 'Tệp trống (không có khóa nào, hoặc chỉ có chú thích). Ghi nội dung theo data/README.md, hoặc chép tệp cùng tên của năm trước.';
    return { tree: null, diagnostics: [{ ruleId: 'empty-file', severity: 'error', place: file.placeAt(0), message }] };
  }
  const aliases: Place[] = [];
  const tree = toTree(doc.contents, file, aliases, diagnostics);
  if (aliases.length > 0) {
    // Aliases let a few lines expand to gigabytes (the "billion laughs"); figures are entered once, so none are needed.
    diagnostics.push({
      ruleId: 'yaml-alias',
      severity: 'error',
      place: aliases[0]!,
      message: `Dữ liệu không dùng bí danh YAML (*ten)${aliases.length > 1 ? `; tệp có ${aliases.length} bí danh` : ''}: viết giá trị trực tiếp tại mỗi chỗ.`,
    });
  }
  // The text has no such character (checked first): a value can only get one from an escape, which needs a backslash.
  const escaped = file.text.includes('\\') ? unprintableValue(tree) : undefined;
  if (escaped) {
    diagnostics.push({
      ruleId: 'control-character',
      severity: 'error',
      place: escaped.place,
      message: `Giá trị có ${escaped.name}, viết bằng một mã thoát \\ trong ngoặc kép. Xóa mã thoát đó rồi chạy lại.`,
    });
  }
  return { tree, diagnostics };
}

/**
 * The first value holding a character no document may hold. The file's text has none (that
 * is checked first), so it was written as an escape in double quotes: "\uFFFF", "\x07".
 */
function unprintableValue(node: YamlNode): { place: Place; name: string } | undefined {
  if (node.kind === 'scalar') {
    const found = typeof node.value === 'string' ? unprintableCharacter(node.value) : undefined;
    return found && { place: node.place, name: found.name };
  }
  for (const child of node.kind === 'map' ? node.entries.map((e) => e.value) : node.items) {
    const found = unprintableValue(child);
    if (found) return found;
  }
  return undefined;
}


/**
 * The tree of a parsed node; the places of aliases go to `aliases`, which become one error.
 * Mistakes the parser accepts as YAML go to `diagnostics`.
 */
function toTree(node: YamlLibNode, file: SourceFile, aliases: Place[], diagnostics: Problem[]): YamlNode {
  const start = node.range?.[0] ?? 0;
  const range: [number, number] = [start, node.range?.[1] ?? start];
  const place = file.placeAt(start);
  if (isAlias(node)) {
    aliases.push(place);
    return { kind: 'scalar', value: null, source: '', range: [start, start], place, file };
  }
  if (isMap(node)) {
    const entries: YamlEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlLibNode | null;
      const keyPlace = keyNode?.range ? file.placeAt(keyNode.range[0]) : place;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      const value: YamlNode = pair.value
        ? toTree(pair.value as YamlLibNode, file, aliases, diagnostics)
        : { kind: 'scalar', value: null, source: '', range: [start, start], place: keyPlace, file };
      entries.push({ key, keyPlace, value });
    }
    return { kind: 'map', entries, range, place };
  }
  if (isSeq(node)) {
    return { kind: 'seq', items: node.items.map((item) => toTree(item as YamlLibNode, file, aliases, diagnostics)), range, place };
  }
  if (isScalar(node) && node.type === Scalar.PLAIN) {
    const dash = mergedListItem(file.text.slice(...range));
    if (dash !== undefined) diagnostics.push(mergedListItemDiagnostic(file, start, start + dash));
  }
  const scalar = node as YamlLibNode & { value: unknown; source?: string };
  const value = scalar.value;
  const [from, to] = node.range ?? [start, start];
  return {
    kind: 'scalar',
    value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null,
    source: scalar.source ?? String(value ?? ''),
    range: [from, to],
    place,
    file,
  };
}

/**
 * Where, in an unquoted text, a continuation line starts with "- ": a list item indented
 * deeper than the one above, which YAML silently joins to it as one text (`- a` then
 * `    - b` reads as "a - b").
 */
function mergedListItem(source: string): number | undefined {
  const match = /\n[ \t]*(-)[ \t]/.exec(source);
  return match ? match.index + match[0].length - 2 : undefined;
}

function mergedListItemDiagnostic(file: SourceFile, textOffset: number, dashOffset: number): Problem {
  const text = file.placeAt(textOffset);
  const lineStart = file.text.lastIndexOf('\n', textOffset - 1) + 1;
  const itemDash = /^[ \t]*-[ \t]/.exec(file.text.slice(lineStart, textOffset));
  const where = itemDash ? ` (cột ${itemDash[0].trimEnd().length}, như dấu "-" ở dòng ${text.line})` : '';
  return {
    ruleId: 'yaml-indent',
    severity: 'error',
    place: file.placeAt(dashOffset),
    message:
      `Dòng này bắt đầu bằng "- " nhưng thụt vào sâu hơn, nên YAML nối nó vào chữ ở dòng ${text.line} thành một đoạn. ` +
      `Nếu đây là một mục mới của danh sách, cho dấu "-" thẳng hàng với các dấu "-" cùng cấp${where}; ` +
      'nếu đúng là chữ nối tiếp, đặt cả đoạn trong dấu ngoặc kép.',
  };
}

/** The plain JavaScript value of a tree, for schema validation. */
export function toPlain(node: YamlNode | null): unknown {
  if (node === null) return null;
  switch (node.kind) {
    case 'map':
      return Object.fromEntries(node.entries.map((entry) => [entry.key, toPlain(entry.value)]));
    case 'seq':
      return node.items.map(toPlain);
    case 'scalar':
      return node.value;
  }
}

/** The node at a JSON pointer (`/chi_tieu/tong_thu/gia_tri`), and the place of its key. */
export function nodeAt(root: YamlNode | null, pointer: string): { node: YamlNode | null; keyPlace?: Place } {
  let node = root;
  let keyPlace: Place | undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.kind === 'map') {
      const entry = node.entries.find((e) => e.key === segment);
      if (!entry) break;
      keyPlace = entry.keyPlace;
      node = entry.value;
    } else if (node?.kind === 'seq') {
      const item = node.items[Number(segment)];
      if (!item) break;
      keyPlace = undefined;
      node = item;
    } else break;
  }
  return { node, keyPlace };
}

export function entry(map: YamlMap, key: string): YamlNode | undefined {
  return map.entries.find((e) => e.key === key)?.value;
}
