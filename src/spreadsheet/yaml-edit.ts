import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/**
 * Edits a data file's text in place: a value is replaced within its own source range, a new
 * key is written as one new line after its figure's last one, a new figure as new lines at
 * the end of chi_tieu. Nothing else of the text changes: comments, key order, quoting, blank
 * lines, line ends (CRLF stays CRLF), a byte-order mark and text in other Unicode forms.
 */

/** A value to write: a YAML number's digits, or a text (quoted when it must be). */
export type NewValue = { number: string } | { text: string };

/** One change, as a person reads it: which key of which figure, from what to what. */
export interface TextEdit {
  key: string;
  field: string;
  /** The value's source before, when there was one. */
  before?: string;
  /** What now stands there. */
  after: string;
  /** Where the change is in the new text, 1-based. */
  line?: number;
}

interface Splice {
  start: number;
  end: number;
  insert: string;
  edit?: TextEdit;
}

const scalarSource = (text: string, node: Node): string => (node.range ? text.slice(node.range[0], node.range[1]).trimEnd() : '');

/** Whether `value` can stand unquoted in this context and read back as the same text. */
function plainWorks(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\r\n\t]/.test(value)) return false;
  const doc = parseDocument(flow ? `{k: ${value}}` : `k: ${value}\n`);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
  const node = doc.contents.get('k', true);
  return isScalar(node) && node.type === 'PLAIN' && (node.value as unknown) === value && doc.contents.items.length === 1;
}

/** The YAML source of a value in this context: a number as its digits, a text plain when it can be, else in double quotes. */
export function yamlSource(value: NewValue, flow: boolean): string {
  if ('number' in value) return value.number;
  return plainWorks(value.text, flow) ? value.text : JSON.stringify(value.text);
}

/** Where the last line of a node's content ends: the last scalar under it, for a block collection. */
function contentEnd(node: Node): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items.at(-1)!;
    const inner = isPair(last) ? ((last.value as Node | null) ?? (last.key as Node)) : (last as Node);
    return contentEnd(inner);
  }
  return node.range?.[1] ?? 0;
}

export class EditableYaml {
  /** The text as in the file, without its byte-order mark. */
  readonly text: string;
  readonly bom: boolean;
  readonly eol: string;
  readonly doc: Document;
  readonly #splices: Splice[] = [];
  /** Additions to a map, by map: written together as lines after its last one. */
  readonly #additions = new Map<YAMLMap, { field: string; value: NewValue; edit: TextEdit }[]>();

  constructor(raw: string) {
    this.bom = raw.startsWith('\uFEFF');
    this.text = this.bom ? raw.slice(1) : raw;
    this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    this.doc = parseDocument(this.text, { keepSourceTokens: false });
  }

  get changed(): boolean {
    return this.#splices.length > 0 || this.#additions.size > 0;
  }

  /** The figures' map (chi_tieu), when there is one. */
  #figures(): YAMLMap | undefined {
    const list = isMap(this.doc.contents) ? this.doc.contents.get('chi_tieu', true) : undefined;
    return isMap(list) ? list : undefined;
  }

  figure(key: string): YAMLMap | undefined {
    // By the key as written: `2023:` is a number to the YAML reader, and a figure key to the data.
    const map = this.#figures()?.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key)?.value;
    return isMap(map) ? map : undefined;
  }

  #column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** Where a new line goes after a node's content: at the end of its last line, before the line break. */
  #lineEnd(offset: number): number {
    let at = offset;
    if (this.text[at - 1] === '\n') at--;
    else {
      const next = this.text.indexOf('\n', at);
      at = next === -1 ? this.text.length : next;
    }
    return this.text[at - 1] === '\r' ? at - 1 : at;
  }

  /** Replaces the value of `field` of figure `key` (which holds a scalar, perhaps empty). */
  setValue(key: string, field: string, value: NewValue): void {
    const map = this.figure(key)!;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === field) as Pair<Scalar, Node | null> | undefined;
    if (!pair) return this.addValue(key, field, value);
    const node = pair.value;
    const flow = map.flow === true;
    const source = yamlSource(value, flow);
    if (!node || !node.range || (isScalar(node) && node.value === null && node.range[0] === node.range[1])) {
      // `gia_tri:` with nothing after it: the value goes after the colon.
      const at = node?.range?.[0] ?? pair.key.range![1] + 1;
      this.#splices.push({ start: at, end: at, insert: ` ${source}`, edit: { key, field, after: source } });
      return;
    }
    const [start, end] = node.range;
    const block = isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL');
    const old = this.text.slice(start, end);
    const trailing = block ? (/\r?\n$/.exec(old)?.[0] ?? '') : '';
    this.#splices.push({ start, end, insert: source + trailing, edit: { key, field, before: scalarSource(this.text, node), after: source } });
  }

  /** Adds `field` to figure `key`: a line of its own in a block map, `, field: value` in a flow one. */
  addValue(key: string, field: string, value: NewValue): void {
    const map = this.figure(key)!;
    const list = this.#additions.get(map) ?? [];
    list.push({ field, value, edit: { key, field, after: yamlSource(value, map.flow === true) } });
    this.#additions.set(map, list);
  }

  /** Whether a new figure can be written here: the file's chi_tieu is a block map, or there is none yet. */
  canAddFigures(): boolean {
    const top = this.doc.contents;
    if (!isMap(top) || top.flow) return false;
    const list = top.get('chi_tieu', true);
    return list === undefined || (isMap(list) && !list.flow && list.items.length > 0);
  }

  /** Adds a figure at the end of chi_tieu (making chi_tieu at the end of the file when there is none). */
  addFigure(key: string, fields: readonly (readonly [string, NewValue])[]): void {
    const list = this.#figures();
    const eol = this.eol;
    let keyIndent = '  ';
    let fieldIndent = '    ';
    let at: number;
    let head = '';
    if (list) {
      const first = list.items[0]!;
      keyIndent = ' '.repeat(this.#column((first.key as Node).range![0]));
      const firstBlock = list.items.map((p) => p.value).find((v): v is YAMLMap => isMap(v) && !v.flow && v.items.length > 0);
      fieldIndent = firstBlock ? ' '.repeat(this.#column((firstBlock.items[0]!.key as Node).range![0])) : `${keyIndent}  `;
      at = this.#lineEnd(contentEnd(list));
    } else {
      at = this.text.length;
      head = `${this.text.endsWith('\n') || this.text === '' ? '' : eol}chi_tieu:`;
    }
    const lines = [`${keyIndent}${key}:`, ...fields.map(([field, value]) => `${fieldIndent}${field}: ${yamlSource(value, false)}`)];
    const insert = list ? lines.map((line) => `${eol}${line}`).join('') : `${head}${lines.map((line) => `${eol}${line}`).join('')}${eol}`;
    for (const [field, value] of fields) this.#splices.push({ start: at, end: at, insert: '', edit: { key, field, after: yamlSource(value, false) } });
    this.#splices.push({ start: at, end: at, insert });
  }

  /** The new text (with the byte-order mark it had), and each change with its line in it. */
  result(): { text: string; edits: TextEdit[] } {
    const splices = [...this.#splices];
    for (const [map, additions] of this.#additions) {
      const fields = additions.map((a) => `${a.field}: ${yamlSource(a.value, true)}`);
      const last = map.items.at(-1);
      if (map.flow && !last) {
        // `{}`: the fields go between the braces.
        const [start, end] = map.range!;
        splices.push({ start, end, insert: `{ ${fields.join(', ')} }` });
      } else if (map.flow) {
        const end = ((last!.value as Node | null) ?? (last!.key as Node)).range![1];
        splices.push({ start: end, end, insert: fields.map((field) => `, ${field}`).join('') });
      } else {
        const indent = ' '.repeat(this.#column((map.items[0]!.key as Node).range![0]));
        const at = this.#lineEnd(contentEnd(map));
        splices.push({ start: at, end: at, insert: additions.map((a) => `${this.eol}${indent}${a.field}: ${yamlSource(a.value, false)}`).join('') });
      }
      for (const addition of additions) splices.push({ start: splices.at(-1)!.start, end: splices.at(-1)!.start, insert: '', edit: addition.edit });
    }
    // Applied from the end, so that each splice's offsets hold; equal starts keep their order.
    const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
    let text = this.text;
    for (const splice of ordered) text = text.slice(0, splice.start) + splice.insert + text.slice(splice.end);
    // Each change's line, in the new text: found by key and field, as a reader would.
    const edits = splices.flatMap((s) => (s.edit ? [s.edit] : []));
    const doc = parseDocument(text);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    for (const edit of edits) {
      const list = isMap(doc.contents) ? doc.contents.get('chi_tieu', true) : undefined;
      const figure = isMap(list) ? list.get(edit.key, true) : undefined;
      const pair = isMap(figure) ? figure.items.find((p) => isScalar(p.key) && p.key.value === edit.field) : undefined;
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) edit.line = lineOf(keyNode.range[0]);
    }
    return { text: (this.bom ? '\uFEFF' : '') + text, edits };
  }
}
