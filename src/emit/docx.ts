import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LineRuleType,
  NoBreakHyphen,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import type { FootnoteDefinition, Heading, PhrasingContent, RootContent } from 'mdast';
import { INDICATOR_COLUMNS, type IndicatorRow } from '../render/appendix.js';
import { periodWords } from '../period.js';
import type { ReportDocument } from '../render/document.js';
import { keepCompoundsTogether, NO_BREAK_HYPHEN } from '../vietnamese/title-line.js';
import { docxPackage } from './docx-package.js';
import { FLAGGED, markRuns, reviewComments, withComments, type RunReview } from './docx-review.js';
import { fitColumns, textWidth } from './text-width.js';

/** Word's twips: 1 mm = 1440/25,4 twips, rounded as Word rounds (not floored). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** docx sizes are half-points. */
const pt = (points: number) => points * 2;

const FONT = 'Times New Roman';
const PAGE = { width: 11906, height: 16838 }; // A4
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The appendix table needs seven columns: its pages are A4 landscape, with the same margins. */
const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;
/** Word's spell-check and hyphenation follow the language tag of the text. */
const LANGUAGE = 'vi-VN';
/** Wide enough for the issuing body in 13 pt bold; the rest holds the national name in 12 pt. */
const HEADER_LEFT = 3950;
const BODY_SIZE = pt(14);
const FIRST_LINE_INDENT = mm(10); // 1 cm
const PARAGRAPH_AFTER = 120; // 6 pt
const LINE_SPACING = 288; // 1,2 lines

/**
 * A run of text; `unfilled` is a draft's place still to fill, highlighted for the reader;
 * `review`, in a review copy, the comments whose range it opens or closes.
 */
/** A run of text; `footnote` stands for the report's footnote reference, `size` (half-points) for a footnote's smaller text. */
type Run = { text: string; bold?: boolean; italics?: boolean; unfilled?: boolean; review?: RunReview; footnote?: boolean; size?: number };

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];

/**
 * Heading styles keep the Decree 30 look (black Times New Roman, bold; italic at the
 * lower levels) while Word still sees a real outline in its navigation pane.
 */
const HEADING_STYLES: IParagraphStyleOptions[] = [
  { level: 1, bold: true, italics: false, center: true },
  { level: 2, bold: true, italics: false, center: false },
  { level: 3, bold: true, italics: false, center: false },
  { level: 4, bold: true, italics: true, center: false },
  { level: 5, bold: false, italics: true, center: false },
].map(({ level, bold, italics, center }) => ({
  id: `Heading${level}`,
  name: `Heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size: BODY_SIZE, bold, italics, color: '000000' },
  paragraph: {
    alignment: center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: center ? { firstLine: 0 } : { firstLine: FIRST_LINE_INDENT },
    spacing: { before: center ? 120 : 0, after: PARAGRAPH_AFTER, line: LINE_SPACING, lineRule: LineRuleType.AUTO },
    keepNext: true,
    outlineLevel: level - 1,
  },
}));

function runs(nodes: PhrasingContent[], style: Omit<Run, 'text'> = {}): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
        return [{ text: node.value, ...style }];
      case 'strong':
        return runs(node.children, { ...style, bold: true });
      case 'emphasis':
        return runs(node.children, { ...style, italics: true });
      case 'break':
        return [{ text: '\n', ...style }];
      case 'inlineCode':
        return [{ text: node.value, ...style, unfilled: true }];
      case 'reviewMark':
        return markRuns(runs(node.children, style), node.data);
      case 'footnoteReference':
        return [{ text: '', ...style, footnote: true }];
      default:
        // The render stage admits only the node types above.
        throw new Error(`unsupported inline node ${node.type}`);
    }
  });
}

function textRuns(list: Run[]): ParagraphChild[] {
  return list.flatMap((r) =>
    withComments(
      r.review,
      r.footnote
        ? new FootnoteReferenceRun(FOOTNOTE_ID)
        : r.text === '\n'
        ? new TextRun({ break: 1 })
        : new TextRun({ text: r.text, bold: r.bold, italics: r.italics, size: r.size, ...(r.unfilled ? { highlight: 'yellow' } : {}), ...(r.review?.flagged ? FLAGGED : {}) }),
    ),
  );
}

/** The report's one footnote (how a merged unit's cùng kỳ was made), as Word numbers it. */
const FOOTNOTE_ID = 1;

/** The footnotes of the body, for the document's footnotes part: 12 pt, no first-line indent. */
function footnotes(body: ReportDocument['body']): Record<string, { children: Paragraph[] }> {
  const definitions = body.children.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition');
  return Object.fromEntries(
    definitions.map((definition) => [
      String(FOOTNOTE_ID),
      {
        children: definition.children.map(
          (block) =>
            new Paragraph({
              indent: { firstLine: 0 },
              spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO },
              children: textRuns(runs(block.type === 'paragraph' ? block.children : []).map((r) => ({ ...r, size: pt(12) }))),
            }),
        ),
      },
    ]),
  );
}

/** Body paragraphs keep at least two lines together at a page break (widow and orphan control). */
function bodyBlock(node: RootContent): Paragraph {
  if (node.type === 'heading') {
    const heading = node as Heading;
    return new Paragraph({ heading: HEADING_LEVELS[Math.min(heading.depth, 5) - 1], widowControl: true, children: textRuns(runs(heading.children)) });
  }
  if (node.type === 'paragraph') return new Paragraph({ widowControl: true, children: textRuns(runs(node.children)) });
  throw new Error(`unsupported block node ${node.type}`);
}

interface LineOptions {
  size: number;
  bold?: boolean;
  italics?: boolean;
  left?: boolean;
  before?: number;
  after?: number;
}

/** A line of the header, title, recipients or signature block: no indent, no justification. */
function line(text: string, options: LineOptions): Paragraph {
  return lineOf([new TextRun({ text, size: options.size, bold: options.bold, italics: options.italics })], options);
}

function lineOf(children: ParagraphChild[], options: Pick<LineOptions, 'left' | 'before' | 'after'>): Paragraph {
  return new Paragraph({
    alignment: options.left ? AlignmentType.LEFT : AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: options.before ?? 0, after: options.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children,
  });
}

/**
 * How far below the line of text above its rule is drawn: the height of the rule's own empty
 * paragraph. Less, and the rule touches the descenders and reads as an underline of the
 * middle words; Decree 30 draws it as a line of its own just under the text.
 */
const RULE_GAP = 120; // 6 pt
/** The rule under the trích yếu and under the appendix's "(Kèm theo …)" line. */
const SHORT_RULE = Math.round(TEXT_WIDTH / 5);

/**
 * The trích yếu: bold, centred, its compounds kept on one line, with the line breaks the data
 * asks for. Word's own no-break hyphen element, since fonts such as Liberation Serif (LibreOffice's
 * Times New Roman) have no glyph for U+2011.
 */
function summaryParagraph(lines: string[]): Paragraph {
  return lineOf(
    lines.flatMap((text, i) => [
      ...(i > 0 ? [new TextRun({ break: 1 })] : []),
      new TextRun({ bold: true, children: keepCompoundsTogether(text).split(NO_BREAK_HYPHEN).flatMap((piece, j) => (j > 0 ? [new NoBreakHyphen(), piece] : [piece])) }),
    ]),
    {},
  );
}

/** A short horizontal rule, `width` twips long, centred in a column: an empty paragraph's bottom border. */
function rule(width: number, columnWidth: number, after = 0): Paragraph {
  const indent = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { firstLine: 0, left: indent, right: indent },
    spacing: { before: 0, after, line: RULE_GAP, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children });
}

function twoColumns(leftWidth: number, left: Paragraph[], right: Paragraph[]): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(leftWidth, left), cell(rightWidth, right)] })],
  });
}

/**
 * The issuing body as Decree 30 sets it: "ỦY BAN NHÂN DÂN" on a line of its own, the unit's
 * name (XÃ …, PHƯỜNG …, ĐẶC KHU …) under it, rather than wherever the column happens to wrap.
 */
function issuingBodyLines(issuingBody: string): string[] {
  const match = /^(ỦY BAN NHÂN DÂN)\s+(.+)$/u.exec(issuingBody);
  return match ? [match[1]!, match[2]!] : [issuingBody];
}

function headerTable(doc: ReportDocument): Table {
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const rightWidth = TEXT_WIDTH - HEADER_LEFT;
  return twoColumns(
    HEADER_LEFT,
    [
      ...(doc.header.superiorBody ? [line(doc.header.superiorBody, { size: pt(13) })] : []),
      ...issuingBodyLines(doc.header.issuingBody).map((text) => line(text, { size: pt(13), bold: true })),
      rule(Math.round(HEADER_LEFT / 3), HEADER_LEFT, 160),
      line(doc.header.numberLine, { size: pt(13) }),
    ],
    [
      line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: pt(12), bold: true }),
      line(motto, { size: pt(14), bold: true }),
      rule(textWidth(motto, pt(14), true), rightWidth, 160),
      line(doc.header.placeAndDate, { size: pt(14), italics: true }),
    ],
  );
}

function closingTable(doc: ReportDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  return twoColumns(
    left,
    [
      line('Nơi nhận:', { size: pt(12), bold: true, italics: true, left: true }),
      ...doc.recipients.map((recipient) => line(`- ${recipient}`, { size: pt(11), left: true })),
    ],
    [
      line(doc.signature.authority.toLocaleUpperCase('vi'), { size: BODY_SIZE, bold: true }),
      line(doc.signature.position.toLocaleUpperCase('vi'), { size: BODY_SIZE, bold: true }),
      ...Array.from({ length: 4 }, () => line('', { size: BODY_SIZE })),
      line(doc.signature.name, { size: BODY_SIZE, bold: true }),
    ],
  );
}

/** `Kính gửi: X.` on one line; for several bodies, one line each under `Kính gửi:`. */
function addresseeLines(addressees: string[]): Paragraph[] {
  if (addressees.length === 0) return [];
  if (addressees.length === 1) return [line(`Kính gửi: ${addressees[0]}`, { size: BODY_SIZE, after: 240 })];
  const indent = Math.round(TEXT_WIDTH / 4);
  return [
    line('Kính gửi:', { size: BODY_SIZE }),
    ...addressees.map(
      (addressee, i) =>
        new Paragraph({
          indent: { firstLine: 0, left: indent },
          spacing: { before: 0, after: i === addressees.length - 1 ? 240 : 0 },
          alignment: AlignmentType.LEFT,
          children: [new TextRun(`- ${addressee}`)],
        }),
    ),
  ];
}

const TABLE_SIZE = pt(12);
const CELL_MARGIN = 80;
/** What a column's width adds to its widest text: the cell's margins, and slack for the estimate. */
const CELL_ROOM = 2 * CELL_MARGIN + 100;
/** The names wrap rather than the figures, but keep at least this much of the width. */
const NAME_AT_LEAST = Math.round(LANDSCAPE_TEXT_WIDTH * 0.3);
/** The last rows go to a page together: no page holds the last one or two rows alone. */
const KEPT_TOGETHER = 3;
const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * The appendix table's text: a style of its own rather than the same direct formatting on
 * each of its cells, so that a clerk can restyle the whole table in Word at once.
 */
const TABLE_STYLE: IParagraphStyleOptions = {
  id: 'BangChiTieu',
  name: 'Bảng chỉ tiêu',
  basedOn: 'Normal',
  run: { size: TABLE_SIZE },
  paragraph: {
    alignment: AlignmentType.LEFT,
    indent: { firstLine: 0 },
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
  },
};

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function tableCell(text: string, width: number, options: { bold?: boolean; italics?: boolean; align: Alignment }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        style: TABLE_STYLE.id,
        alignment: options.align === AlignmentType.LEFT ? undefined : options.align,
        // An empty cell is a paragraph without a run: nothing to print, fewer objects to write.
        children: text === '' ? [] : [new TextRun({ text, bold: options.bold, italics: options.italics })],
      }),
    ],
  });
}

/**
 * The appendix table's column widths from its content: the unit and figure columns as wide as
 * their widest entry or their heading, the names the rest of the page's width.
 */
function appendixWidths(header: string[], rows: IndicatorRow[]): number[] {
  const needs = header.map((heading, i) => {
    const entries = rows.map((row) => (i === 0 ? '' : i === 1 ? row.unit : row.values[i - 2]!.text));
    return Math.max(textWidth(heading, TABLE_SIZE, true), ...entries.map((entry) => textWidth(entry, TABLE_SIZE))) + CELL_ROOM;
  });
  return fitColumns(needs, LANDSCAPE_TEXT_WIDTH, NAME_AT_LEAST);
}

/**
 * Phụ lục: the key indicators, a header row repeated on every page, rows never split across
 * pages, the last rows kept together; implied plans and cùng kỳ in italics.
 */
function appendixTable(rows: IndicatorRow[]): Table {
  const header = ['Chỉ tiêu', 'ĐVT', ...INDICATOR_COLUMNS];
  const widths = appendixWidths(header, rows);
  return new Table({
    width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    borders: { top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER, insideHorizontal: TABLE_BORDER, insideVertical: TABLE_BORDER },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((text, i) => tableCell(text, widths[i]!, { bold: true, align: AlignmentType.CENTER })),
      }),
      ...rows.map(
        (row, i) =>
          new TableRow({
            cantSplit: true,
            keepNext: i >= rows.length - KEPT_TOGETHER && i < rows.length - 1,
            children: [
              tableCell(row.name, widths[0]!, { align: AlignmentType.LEFT }),
              tableCell(row.unit, widths[1]!, { align: AlignmentType.CENTER }),
              ...row.values.map((value, j) => tableCell(value.text, widths[j + 2]!, { italics: value.implied, align: AlignmentType.RIGHT })),
            ],
          }),
      ),
    ],
  });
}

/**
 * Decree 30: page numbers centred in the top margin, none on the first page. A draft says so
 * at the top of its first page, in the margin, where a draft stamp goes.
 */
function pageNumberHeaders(draft: boolean) {
  return {
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun({ children: [PageNumber.CURRENT], size: BODY_SIZE })] })],
    }),
    first: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { firstLine: 0 },
          children: draft ? [new TextRun({ text: 'DỰ THẢO', bold: true, size: BODY_SIZE })] : [],
        }),
      ],
    }),
  };
}

/** The appendix is a section of its own: landscape, its pages numbered from 1 (Decree 30, appendices). */
function appendixSection(appendix: NonNullable<ReportDocument['appendix']>, draft: boolean) {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { ...PAGE, orientation: PageOrientation.LANDSCAPE },
        margin: { ...MARGIN, header: mm(10), footer: mm(10) },
        pageNumbers: { start: 1 },
      },
    },
    headers: pageNumberHeaders(draft),
    children: [
      line('Phụ lục', { size: BODY_SIZE, bold: true }),
      line(appendix.title, { size: BODY_SIZE, bold: true }),
      line(appendix.caption, { size: BODY_SIZE, italics: true }),
      rule(SHORT_RULE, LANDSCAPE_TEXT_WIDTH, 240),
      appendixTable(appendix.rows),
      ...(appendix.note ? [line(appendix.note, { size: TABLE_SIZE, italics: true, left: true, before: 120 })] : []),
    ],
  };
}

/**
 * Builds the Decree 30 .docx of a report document. Its bytes depend on the document alone:
 * `timestamp` stands in for the current time wherever the file records one.
 */
export function emitDocx(doc: ReportDocument, timestamp: Date): Uint8Array {
  const document = new Document({
    title: doc.properties.title,
    creator: doc.properties.author,
    lastModifiedBy: doc.properties.author,
    description: `Báo cáo ${periodWords(doc.period)}`,
    ...(doc.review ? { comments: reviewComments(doc.review, timestamp) } : {}),
    ...(doc.body.children.some((node) => node.type === 'footnoteDefinition') ? { footnotes: footnotes(doc.body) } : {}),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, color: '000000', language: { value: LANGUAGE } },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: FIRST_LINE_INDENT },
            spacing: { after: PARAGRAPH_AFTER, line: LINE_SPACING, lineRule: LineRuleType.AUTO },
          },
        },
      },
      paragraphStyles: [...HEADING_STYLES, TABLE_STYLE],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { ...PAGE, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          },
        },
        headers: pageNumberHeaders(doc.draft),
        children: [
          headerTable(doc),
          line('', { size: BODY_SIZE }),
          doc.review && doc.review.onTitle.length > 0
            ? lineOf(withComments({ starts: doc.review.onTitle, ends: doc.review.onTitle }, new TextRun({ text: doc.title, size: BODY_SIZE, bold: true })), {})
            : line(doc.title, { size: BODY_SIZE, bold: true }),
          summaryParagraph(doc.summary),
          rule(SHORT_RULE, TEXT_WIDTH, 240),
          ...addresseeLines(doc.addressees),
          ...doc.body.children.filter((node) => node.type !== 'footnoteDefinition').map(bodyBlock),
          line('', { size: BODY_SIZE }),
          closingTable(doc),
        ],
      },
      ...(doc.appendix ? [appendixSection(doc.appendix, doc.draft)] : []),
    ],
  });
  return docxPackage(document, timestamp);
}
