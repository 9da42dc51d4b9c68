import type { Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { INDICATOR_COLUMNS, type IndicatorCell } from '../render/appendix.js';
import type { ReportDocument } from '../render/document.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const strong = (value: string): Paragraph => paragraph({ type: 'strong', children: [text(value)] });
const emphasis = (value: string): Paragraph => paragraph({ type: 'emphasis', children: [text(value)] });

/** A table row; an implied figure is in italics, as in the .docx. */
function row(cells: (string | IndicatorCell)[]): TableRow {
  return {
    type: 'tableRow',
    children: cells.map((cell) => {
      const { text: value, implied } = typeof cell === 'string' ? { text: cell, implied: false } : cell;
      return { type: 'tableCell', children: value === '' ? [] : implied ? [{ type: 'emphasis', children: [text(value)] }] : [text(value)] };
    }),
  };
}

function appendixNodes(appendix: NonNullable<ReportDocument['appendix']>): RootContent[] {
  const table: Table = {
    type: 'table',
    align: ['left', 'center', ...INDICATOR_COLUMNS.map(() => 'right' as const)],
    children: [row(['Chỉ tiêu', 'ĐVT', ...INDICATOR_COLUMNS]), ...appendix.rows.map((r) => row([r.name, r.unit, ...r.values]))],
  };
  return [{ type: 'thematicBreak' }, strong('Phụ lục'), strong(appendix.title), emphasis(appendix.caption), table, ...(appendix.note ? [emphasis(appendix.note)] : [])];
}

/**
 * The report as Markdown, in reading order: the header lines, the body, the closing and the
 * appendix table. Meant for reading a data commit's effect on the text as a diff.
 */
export function emitMarkdown(doc: ReportDocument): string {
  const root: Root = {
    type: 'root',
    children: [
      ...(doc.draft ? [strong('DỰ THẢO')] : []),
      ...(doc.header.superiorBody ? [paragraph(text(doc.header.superiorBody))] : []),
      strong(doc.header.issuingBody),
      paragraph(text(doc.header.numberLine.replace(/\u00a0+/g, ' '))),
      strong('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      strong('Độc lập - Tự do - Hạnh phúc'),
      emphasis(doc.header.placeAndDate),
      strong(doc.title),
      paragraph({ type: 'strong', children: doc.summary.flatMap((line, i): PhrasingContent[] => (i === 0 ? [text(line)] : [{ type: 'break' }, text(line)])) }),
      ...(doc.addressees.length > 0 ? [paragraph(text(`Kính gửi: ${doc.addressees.join('; ')}`))] : []),
      ...doc.body.children,
      paragraph({ type: 'strong', children: [{ type: 'emphasis', children: [text('Nơi nhận:')] }] }),
      ...doc.recipients.map((recipient) => paragraph(text(`- ${recipient}`))),
      strong(doc.signature.authority.toLocaleUpperCase('vi')),
      strong(doc.signature.position.toLocaleUpperCase('vi')),
      strong(doc.signature.name),
      ...(doc.appendix ? appendixNodes(doc.appendix) : []),
    ],
  };
  return toMarkdown(root, { extensions: [gfmTableToMarkdown(), gfmFootnoteToMarkdown()] });
}
