import { isAlias, isMap, isScalar, isSeq, Lexer, parseDocument, type Node as YamlLibNode } from 'yaml';
import type { Place, Problem } from '../diagnostics.js';
import { unprintableCharacter, type SourceFile } from './source-file.js';

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
  place: Place;
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  place: Place;
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'Khóa bị lặp lại trong cùng một khối. Mỗi khóa chỉ được viết một lần: xóa hoặc đổi tên một trong hai.',
  TAB_AS_INDENT: 'Dùng phím Tab để thụt lề. YAML chỉ chấp nhận dấu cách: thay Tab bằng dấu cách.',
  BAD_INDENT: 'Thụt lề không đúng. Các khóa cùng cấp phải thẳng hàng, khóa con thụt vào bằng dấu cách.',
  MISSING_CHAR: 'Thiếu ký tự đóng (dấu ngoặc kép, ngoặc vuông hoặc ngoặc nhọn).',
  MULTILINE_IMPLICIT_KEY: 'Khóa kéo dài nhiều dòng hoặc thiếu dấu hai chấm sau khóa.',
  BLOCK_AS_IMPLICIT_KEY: 'Thiếu dấu hai chấm sau khóa, hoặc thụt lề không đúng.',
  UNEXPECTED_TOKEN: 'Ký tự không đúng chỗ.',
  BAD_SCALAR_START: 'Giá trị bắt đầu bằng ký tự đặc biệt: đặt giá trị trong dấu ngoặc kép "...".',
  BAD_DQ_ESCAPE: 'Chuỗi trong ngoặc kép có dấu \\ không hợp lệ: viết \\\\ hoặc dùng ngoặc đơn.',
  MULTIPLE_DOCS: 'Tệp chứa nhiều tài liệu YAML (dấu ---): mỗi tệp chỉ được có một.',
  BAD_ALIAS: 'Dữ liệu không dùng bí danh YAML (*ten): viết giá trị trực tiếp tại đây.',
  BLOCK_IN_FLOW: 'Trong ngoặc [ ] hoặc { } không được xuống dòng kiểu khối: viết trên một dòng, hoặc bỏ ngoặc.',
  KEY_OVER_1024_CHARS: 'Khóa quá dài (hơn 1024 ký tự), có thể do thiếu dấu hai chấm hoặc xuống dòng.',
  TAG_RESOLVE_FAILED: 'Giá trị không đúng với thẻ YAML (!!...) đứng trước nó: bỏ thẻ đó.',
  RESOURCE_EXHAUSTION: 'Các khối lồng nhau quá sâu (quá nhiều dấu ngoặc [ { hoặc mức thụt lề). Dữ liệu chỉ cần vài mức: kiểm tra các dấu ngoặc và thụt lề.',
};

/** Syntax errors after the first few mostly follow from them; more would hide the one to fix. */
const MAX_SYNTAX_ERRORS = 10;

/** Parses one YAML file into a YamlNode tree; syntax problems become diagnostics. */
export function parseYaml(file: SourceFile): { tree: YamlNode | null; diagnostics: Problem[] } {
  const doc = parseDocument(file.text, { uniqueKeys: true, prettyErrors: false, strict: true });
  const diagnostics: Problem[] = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => ({
    ruleId: 'yaml-syntax',
    severity: 'error',
    place: file.placeAt((error.code === 'MISSING_CHAR' && unclosedQuoteOffset(file.text)) || error.pos[0]),
    message: `Lỗi cú pháp YAML: ${YAML_MESSAGES[error.code] ?? `không đọc được (${error.code}).`} Sửa tại vị trí này rồi chạy lại.`,
  }));
  if (doc.errors.length > MAX_SYNTAX_ERRORS) {
    diagnostics.at(-1)!.message += ` (Còn ${doc.errors.length - MAX_SYNTAX_ERRORS} lỗi cú pháp khác sau đó; sửa các lỗi này trước.)`;
  }
  if (diagnostics.length > 0) return { tree: null, diagnostics };
  if (doc.contents === null) {
    const message = 'Tệp trống (không có khóa nào, hoặc chỉ có chú thích). Ghi nội dung theo data/README.md, hoặc chép tệp cùng tên của năm trước.';
    return { tree: null, diagnostics: [{ ruleId: 'empty-file', severity: 'error', place: file.placeAt(0), message }] };
  }
  const aliases: Place[] = [];
  const tree = toTree(doc.contents, file, aliases);
  if (aliases.length > 0) {
    // Aliases let a few lines expand to gigabytes (the "billion laughs"); figures are entered once, so none are needed.
    diagnostics.push({
      ruleId: 'yaml-alias',
      severity: 'error',
      place: aliases[0]!,
      message: `Dữ liệu không dùng bí danh YAML (*ten)${aliases.length > 1 ? `; tệp có ${aliases.length} bí danh` : ''}: viết giá trị trực tiếp tại mỗi chỗ.`,
    });
  }
  const escaped = unprintableValue(tree);
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
 * Where an unclosed quote opens. The parser notices it only at the end of the file, but
 * the clerk needs the line where the quote was opened.
 */
function unclosedQuoteOffset(text: string): number | undefined {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const quote = token[0];
    if ((quote === '"' || quote === "'") && (token.length === 1 || !token.trimEnd().endsWith(quote))) return offset;
    // Control tokens mark structure and take no room in the source.
    if (!/^[\x02\x18\x1f]$/.test(token)) offset += token.length;
  }
  return undefined;
}

/** The tree of a parsed node; the places of aliases go to `aliases`, which become one error. */
function toTree(node: YamlLibNode, file: SourceFile, aliases: Place[]): YamlNode {
  const start = node.range?.[0] ?? 0;
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
        ? toTree(pair.value as YamlLibNode, file, aliases)
        : { kind: 'scalar', value: null, source: '', range: [start, start], place: keyPlace, file };
      entries.push({ key, keyPlace, value });
    }
    return { kind: 'map', entries, place };
  }
  if (isSeq(node)) {
    return { kind: 'seq', items: node.items.map((item) => toTree(item as YamlLibNode, file, aliases)), place };
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
