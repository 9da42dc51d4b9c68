import type { FootnoteDefinition, FootnoteReference, InlineCode, Nodes, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';

/**
 * The body of the report as a tree, filled after parsing.
 *
 * The templates print the body's frame: headings, paragraph breaks, their own words. Every text
 * of the data goes in as a hole (a private-use character pair around its number), and every line
 * a template prints ends in a line mark naming the template line it came from. That frame is
 * parsed as Markdown (once per distinct frame in a process: the units of a batch that share an
 * outline share it), then the holes are filled with the data's own nodes: text nodes, a draft's
 * place to fill, a review copy's mark, the footnote. The data is never escaped into Markdown nor
 * parsed, and every block of the tree carries the template place it was printed by.
 */

/** The characters of holes and line marks: a template may not hold them (templates.ts refuses them). */
export const RESERVED_CHARACTERS = /[\uE000-\uE003]/;
export const hole = (index: number) => `\uE000${index}\uE001`;
export const lineMark = (index: number) => `\uE002${index}\uE003`;
const MARKS = /\uE000(\d+)\uE001|\uE002(\d+)\uE003/g;
const LINE_MARK = /\uE002(\d+)\uE003/;
/** A printed line that holds nothing but line marks (a blank line of a template, after a block's tag): blank. */
const ONLY_MARKS = /^[ \t]*(?:\uE002\d+\uE003[ \t]*)+$/gm;

/** The nodes a template may make: what an administrative document uses. */
const TEMPLATE_NODES: ReadonlySet<string> = new Set(['root', 'heading', 'paragraph', 'text', 'emphasis', 'strong', 'break']);

/** What a node a template may not make is called in the clerk's words. */
const NODE_WORDS: Record<string, string> = {
  list: 'một danh sách (dòng mở đầu bằng "- ", "* ", "+ " hay "1. ")',
  listItem: 'một danh sách (dòng mở đầu bằng "- ", "* ", "+ " hay "1. ")',
  code: 'một khối mã (dòng thụt vào từ 4 dấu cách, hoặc ```)',
  inlineCode: 'chữ trong dấu `',
  blockquote: 'một trích dẫn (dòng mở đầu bằng ">")',
  thematicBreak: 'một đường kẻ ngang (---, ***)',
  html: 'thẻ HTML (<...>)',
  link: 'một liên kết [...](...)',
  linkReference: 'một liên kết [...]',
  definition: 'một định nghĩa liên kết [...]: ...',
  image: 'một ảnh',
  imageReference: 'một ảnh',
  footnoteReference: 'một chú thích [^...]',
  footnoteDefinition: 'một chú thích [^...]: ...',
};

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] });
}

/**
 * The first node of a template's Markdown that an administrative document does not use, and what
 * it is called; `text` is the Markdown the tree was parsed from (a heading must be written with #:
 * an underlined one would lose its underline to the line marks).
 */
export function refusedNode(tree: Root, text: string): { node: Nodes; words: string } | undefined {
  const visit = (node: Nodes): { node: Nodes; words: string } | undefined => {
    if (!TEMPLATE_NODES.has(node.type)) return { node, words: NODE_WORDS[node.type] ?? `phần tử Markdown "${node.type}"` };
    if (node.type === 'heading' && node.position && text[node.position.start.offset!] !== '#') {
      return { node, words: 'một tiêu đề gạch dưới bằng === hay --- (tiêu đề viết bằng #)' };
    }
    for (const child of 'children' in node ? (node.children as Nodes[]) : []) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(tree);
}

export const REFUSED_NODE_ADVICE = 'văn bản hành chính không dùng phần tử này (chỉ dùng tiêu đề #, đoạn văn, *nghiêng*, **đậm**)';

/**
 * What fills a hole: the nodes of a data text. A review mark or the footnote's reference among
 * them is printed once, where the hole is first printed; a second print of the hole has the
 * mark's text alone.
 */
export type HoleContent = readonly PhrasingContent[];

/** Where a template printed a line: its file (within the template folder) and line. */
export interface TemplateLine {
  file: string;
  line: number;
}

/** A frame parsed, and the first node in it a document does not use. */
interface ParsedFrame {
  tree: Root;
  refused?: { node: Nodes; words: string };
}

/** The parsed frames of this process, by their text; a batch worker parses each distinct frame once. */
const parsedFrames = new Map<string, ParsedFrame>();
const PARSED_FRAMES_KEPT = 8;

function parsedFrame(frame: string): ParsedFrame {
  let parsed = parsedFrames.get(frame);
  if (!parsed) {
    const markdown = frame.replace(ONLY_MARKS, '');
    const tree = parseMarkdown(markdown);
    parsed = { tree, refused: refusedNode(tree, markdown) };
    if (parsedFrames.size >= PARSED_FRAMES_KEPT) parsedFrames.delete(parsedFrames.keys().next().value!);
    parsedFrames.set(frame, parsed);
  }
  return parsed;
}

export class FrameError extends Error {
  constructor(
    readonly words: string,
    readonly at: TemplateLine | undefined,
  ) {
    super(words);
  }
}

/**
 * Parses the frame the templates printed and fills its holes: a new tree each time (the parsed
 * frame is shared). A node the templates made that a document does not use (the data's numbers
 * and letters can complete a construct no template line holds alone: a list from "1. " at a
 * line's start) throws a FrameError at the template line that printed it. The footnote's
 * definition is added when a hole printed its reference.
 */
export function fillBody(frame: string, holes: readonly HoleContent[], lines: readonly TemplateLine[], footnote?: string): Root {
  const { tree, refused } = parsedFrame(frame);
  if (refused) throw new FrameError(refused.words, firstLineOf(refused.node, lines) ?? lineAfter(tree, refused.node, lines));

  const printedOnce = new Set<PhrasingContent>();
  /** A hole's nodes as printed here: a mark or footnote printed before gives its text alone, or nothing. */
  const printOf = (node: PhrasingContent): PhrasingContent[] => {
    if (node.type !== 'reviewMark' && node.type !== 'footnoteReference') return [node];
    if (!printedOnce.has(node)) {
      printedOnce.add(node);
      return [node];
    }
    return node.type === 'reviewMark' ? node.children : [];
  };
  const fillText = (value: string, out: PhrasingContent[]): void => {
    let from = 0;
    for (const match of value.matchAll(MARKS)) {
      pushText(out, value.slice(from, match.index));
      from = match.index + match[0].length;
      if (match[1] !== undefined) for (const node of holes[Number(match[1])]!) for (const printed of printOf(node)) pushNode(out, printed);
    }
    pushText(out, value.slice(from));
  };
  const fill = <T extends Nodes>(node: T): T => {
    const { position: _frameOnly, ...rest } = node;
    if (!('children' in node)) return rest as T;
    const children: PhrasingContent[] = [];
    for (const child of node.children as Nodes[]) {
      if (child.type === 'text') fillText(child.value, children);
      else children.push(fill(child as PhrasingContent));
    }
    trimEnd(children);
    const place = node.type === 'root' ? undefined : firstLineOf(node, lines);
    return { ...rest, children, ...(place ? { data: { ...node.data, template: place } } : {}) } as T;
  };
  const body = fill(tree);
  if ([...printedOnce].some((node) => node.type === 'footnoteReference')) body.children.push(footnoteDefinition(footnote ?? ''));
  return body;
}

/** The identifier of the report's one footnote: how a merged unit's cùng kỳ was made. */
const FOOTNOTE = 'cung-ky';

/** The reference to the report's footnote, for a hole's nodes: after the first comparison the body prints. */
export function footnoteReference(): FootnoteReference {
  return { type: 'footnoteReference', identifier: FOOTNOTE, label: FOOTNOTE };
}

function footnoteDefinition(text: string): FootnoteDefinition {
  return { type: 'footnoteDefinition', identifier: FOOTNOTE, label: FOOTNOTE, children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
}

declare module 'mdast' {
  interface Data {
    /** The template line that printed this block. */
    template?: TemplateLine;
  }
}

/** Adds text, joined with a text node before it: a paragraph is as few runs as its formatting allows. */
function pushText(out: PhrasingContent[], value: string): void {
  if (value !== '') pushNode(out, { type: 'text', value });
}

function pushNode(out: PhrasingContent[], node: PhrasingContent): void {
  const last = out.at(-1);
  if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
  else out.push(node);
}

/** The spaces a line mark leaves at the end of a block (before it, the template's own spacing) go with it. */
function trimEnd(children: Nodes[]): void {
  const last = children.at(-1);
  if (last?.type === 'text') {
    const value = last.value.replace(/[ \t]+$/, '');
    if (value === '') children.pop();
    else children[children.length - 1] = { type: 'text', value } satisfies Text;
  }
}

/** The template line of a node: the first line mark in its text. */
function firstLineOf(node: Nodes, lines: readonly TemplateLine[]): TemplateLine | undefined {
  if ('value' in node) {
    const mark = LINE_MARK.exec(node.value);
    return mark ? lines[Number(mark[1])] : undefined;
  }
  for (const child of 'children' in node ? (node.children as Nodes[]) : []) {
    const found = firstLineOf(child, lines);
    if (found) return found;
  }
  return undefined;
}

/** For a node with no text of its own (a thematic break): the template line of the first node after it. */
function lineAfter(tree: Root, node: Nodes, lines: readonly TemplateLine[]): TemplateLine | undefined {
  const index = tree.children.indexOf(node as RootContent);
  for (const later of tree.children.slice(index + 1)) {
    const found = firstLineOf(later, lines);
    if (found) return found;
  }
  return undefined;
}

/** A draft's place still to fill: printed highlighted (the templates cannot make one: `code` is refused). */
export function placeToFill(value: string): InlineCode {
  return { type: 'inlineCode', value };
}
