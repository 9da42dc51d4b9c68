import path from 'node:path';
import type { PhrasingContent, Root } from 'mdast';
import type { Report } from '../diagnostics.js';
import { periodWords, type Period } from '../period.js';
import type { NumberingStyle } from '../validate/outline.js';
import { MAIN_TEMPLATE, type TemplateFolder } from '../workspace.js';
import type { Figure } from '../compute/figures.js';
import type { DocumentDetails, SectionInput, TextInput, YearInput } from '../validate/input.js';
import { renderDataText, type ResolvedReference, type TextPiece } from '../text/data-text.js';
import { IMPLIED_NOTE, indicatorRows, LAST_YEAR_COLUMN, type IndicatorRow } from './appendix.js';
import { fillBody, footnoteReference, FrameError, hole, REFUSED_NODE_ADVICE, type HoleContent } from './body.js';
import { phrasingOf } from './phrasing.js';
import type { Review, ReviewPlan } from './review.js';
import { renderTemplates } from './templates.js';

/** The report as a typed tree: the Decree 30 frame from the data, the body as mdast. */
export interface ReportDocument {
  period: Period;
  /** A draft (report build --draft): "DỰ THẢO" at the top, places still to fill highlighted. */
  draft: boolean;
  header: {
    /** The superior body, when the report has one (before the 2025 reform, the district). */
    superiorBody?: string;
    issuingBody: string;
    /** `Số: 15/BC-UBND`, or with a blank for the clerk to fill. */
    numberLine: string;
    /** `Thanh Hà, ngày 05 tháng 12 năm 2023` */
    placeAndDate: string;
  };
  title: string;
  /** The trích yếu, a line each where the data breaks it (a line break YAML keeps), else one. */
  summary: string[];
  /** The bodies the report goes up to: the "Kính gửi:" line; empty for none. */
  addressees: string[];
  body: Root;
  recipients: string[];
  signature: { authority: string; position: string; name: string };
  /** The date the report is issued: the document's own timestamp, for reproducible files. */
  issued: { day: number; month: number; year: number };
  /** Document properties. */
  properties: { title: string; author: string };
  /** Phụ lục: the table of key indicators; absent when no figure is key. */
  appendix?: {
    title: string;
    /** `(Kèm theo Báo cáo số .../BC-UBND ngày ... của ...)` */
    caption: string;
    rows: IndicatorRow[];
    /** How to read the implied figures, when the table has any. */
    note?: string;
  };
  /** A review copy's comments (report build --review): one per finding, on its figure's text or on the title. */
  review?: Review;
}

/** A heading of the body as the templates see it: its Markdown level and number, ready to print. */
interface SectionView {
  /** `#` to `######`: the heading's level is its depth in the outline. */
  cap: string;
  /** `1. `, `a. `, `II. ` or nothing. */
  so: string;
  tieu_de: string | null;
  /** The level of its unnumbered tiểu mục: 5, or below the heading when that is deeper. */
  cap_tieu_muc: string;
  noi_dung: { doan: string | null; tieu_muc: string | null }[];
  muc: SectionView[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const LABELS: Record<NumberingStyle, (n: number) => string> = {
  khong: () => '',
  so: (n) => `${n}. `,
  chu: (n) => `${letters(n)}. `,
  chu_hoa: (n) => `${letters(n).toUpperCase()}. `,
  la_ma: (n) => `${roman(n)}. `,
};

/** a, b, …, z, aa, ab, …: a 27th item still gets a letter. */
function letters(n: number): string {
  return (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + LETTERS[(n - 1) % 26];
}

function roman(n: number): string {
  const digits: [string, number][] = [['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90], ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]];
  let rest = n;
  let text = '';
  for (const [symbol, value] of digits) {
    for (; rest >= value; rest -= value) text += symbol;
  }
  return text;
}

const hashes = (level: number) => '#'.repeat(Math.min(level, 6));

/** A blank to write a day or month in by hand. */
const BLANK = '\u00a0'.repeat(4);

const COMPARISONS: readonly string[] = ['tang_giam', 'muc_tang_giam', 'chenh_lech', 'cung_ky'];

/** Whether a reference prints a comparison with cùng kỳ, and prints it (not words for a division by zero, nor a place to fill). */
function isComparison({ reference, resolution }: ResolvedReference): boolean {
  return COMPARISONS.includes(reference.words?.[0] ?? '') && 'text' in resolution && !resolution.isWords && !resolution.unfilled;
}

/**
 * Renders the year's texts, from the references the analysis resolved, into mdast nodes, and
 * the templates into the body's frame, which is parsed and filled with those nodes (body.ts).
 * Every reference problem in the data and the templates is reported at once. With a review
 * plan, the figures it comments on are marked in the body (a review copy).
 */
export function renderDocument(
  input: YearInput,
  figures: ReadonlyMap<string, Figure>,
  references: readonly ResolvedReference[],
  templates: TemplateFolder,
  report: Report,
  review?: ReviewPlan,
  comparisonNote?: string,
): ReportDocument | undefined {
  let referenceProblems = 0;
  const reportReference: Report = (problem) => {
    referenceProblems++;
    report(problem);
  };
  const referencesOf = new Map<TextInput, ResolvedReference[]>();
  for (const resolved of references) {
    const ofText = referencesOf.get(resolved.reference.text);
    if (ofText) ofText.push(resolved);
    else referencesOf.set(resolved.reference.text, [resolved]);
  }
  const text = (t: TextInput) => renderDataText(t, referencesOf.get(t) ?? [], reportReference);
  // A merged unit's footnote on how cùng kỳ was made goes after the data's first comparison, if the templates print it.
  const noted = comparisonNote === undefined ? undefined : references.find((r) => r.reference.text !== input.details.summary && isComparison(r));
  const decorate = (piece: TextPiece, nodes: PhrasingContent[]): PhrasingContent[] => {
    const marked = review?.mark(piece, nodes) ?? nodes;
    return noted && piece.printedBy === noted ? [...marked, footnoteReference()] : marked;
  };
  // Each data text is a hole in what the templates print, filled with its nodes after parsing.
  const holes: HoleContent[] = [];
  const holeText = (t: TextInput) => {
    const nodes = phrasingOf(text(t), decorate);
    return nodes.length === 0 ? '' : hole(holes.push(nodes) - 1);
  };

  /** The headings of one level, numbered among themselves; `styleAt` gives a depth's numbering. */
  const level = (sections: readonly SectionInput[], depth: number, styleAt: (depth: number) => NumberingStyle): SectionView[] => {
    let number = 0;
    return sections.map((s) => {
      const below = s.numbering ? (d: number) => s.numbering![d - depth - 1] ?? styleAt(d) : styleAt;
      return {
        cap: hashes(depth),
        so: s.title ? LABELS[styleAt(depth)](++number) : '',
        tieu_de: s.title ? holeText(s.title) : null,
        cap_tieu_muc: hashes(Math.max(5, depth + 1)),
        noi_dung: s.paragraphs.map((p) =>
          p.kind === 'subheading' ? { doan: null, tieu_muc: holeText(p.text) } : { doan: holeText(p.text), tieu_muc: null },
        ),
        muc: level(s.subsections, depth + 1, below),
      };
    });
  };
  const view = {
    muc: level(input.body, 1, (depth) => input.numbering[depth - 1] ?? 'khong'),
    loi_ket: holeText(input.details.closing),
  };
  const summary = summaryLines(text(input.details.summary).map((piece) => piece.text).join(''));
  if (referenceProblems > 0) return undefined;

  const rendered = renderTemplates(templates, view, report);
  if (rendered === undefined) return undefined;
  let body: Root;
  try {
    body = fillBody(rendered.frame, holes, rendered.lines, comparisonNote);
  } catch (error) {
    if (!(error instanceof FrameError)) throw error;
    const at = error.at ?? { file: MAIN_TEMPLATE, line: 1 };
    report({
      ruleId: 'template',
      severity: 'error',
      place: { file: path.join(templates.shownDir, at.file), line: at.line, col: 1 },
      message: `Mẫu cùng dữ liệu in ra ${error.words}: ${REFUSED_NODE_ADVICE}. Sửa dòng này của mẫu.`,
    });
    return undefined;
  }
  // With no comparison in the body to carry it, the note goes under the appendix, whose Cùng kỳ column it explains.
  const footnoted = body.children.some((node) => node.type === 'footnoteDefinition');
  const document = frame(input, figures, summary, body, footnoted ? undefined : comparisonNote);
  return review ? { ...document, review: review.comments(body) } : document;
}

/**
 * The trích yếu's lines: a line break the YAML keeps (a line of a `|-` block, an empty line in a
 * `>-` block, "\n" in quotes) is where the clerk breaks the title; other spacing is one space.
 */
function summaryLines(summary: string): string[] {
  return summary
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

function frame(input: YearInput, figures: ReadonlyMap<string, Figure>, summary: string[], body: Root, comparisonNote?: string): ReportDocument {
  const d: DocumentDetails = input.details;
  const oneLine = summary.join(' ');
  const number = `${d.number === '' ? '\u00a0'.repeat(8) : d.number}/${d.symbol}`;
  // A draft whose date is still to fill leaves the blanks a clerk fills by hand, as on a form.
  const dateWords = input.draft?.dateUnfilled ? `ngày ${BLANK} tháng ${BLANK} năm ${input.period.year}` : vietnameseDate(d.date);
  const rows = indicatorRows(input, figures);
  const notes = [
    ...(rows.some((row) => row.values.some((value) => value.implied)) ? [IMPLIED_NOTE] : []),
    ...(comparisonNote !== undefined && rows.some((row) => row.values[LAST_YEAR_COLUMN]!.text !== '') ? [comparisonNote] : []),
  ];
  return {
    period: input.period,
    draft: input.draft !== undefined,
    header: {
      ...(d.superiorBody ? { superiorBody: d.superiorBody.toLocaleUpperCase('vi') } : {}),
      issuingBody: d.issuingBody.toLocaleUpperCase('vi'),
      numberLine: `Số: ${number}`,
      placeAndDate: `${d.place}, ${dateWords}`,
    },
    title: 'BÁO CÁO',
    summary,
    addressees: d.addressees,
    body,
    recipients: d.recipients,
    signature: d.signature,
    issued: d.date,
    properties: {
      title: `Báo cáo ${oneLine.charAt(0).toLocaleLowerCase('vi')}${oneLine.slice(1)}`,
      author: d.issuingBody,
    },
    appendix:
      rows.length === 0
        ? undefined
        : {
            title: `BIỂU CHỈ TIÊU CHỦ YẾU ${periodWords(input.period).toLocaleUpperCase('vi')}`,
            caption: `(Kèm theo Báo cáo số ${number} ${dateWords} của ${d.shortName})`,
            rows,
            ...(notes.length > 0 ? { note: `Ghi chú: ${notes.join(' ')}` } : {}),
          },
  };
}

/** `ngày 05 tháng 12 năm 2023`: days below 10 and months 1–2 take a leading zero (Decree 30). */
export function vietnameseDate(date: { day: number; month: number; year: number }): string {
  const day = String(date.day).padStart(2, '0');
  const month = date.month <= 2 ? String(date.month).padStart(2, '0') : String(date.month);
  return `ngày ${day} tháng ${month} năm ${date.year}`;
}
