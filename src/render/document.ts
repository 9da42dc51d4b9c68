import path from 'node:path';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Report } from '../diagnostics.js';
import { MAIN_TEMPLATE, type TemplateFolder } from '../workspace.js';
import type { Figure } from '../compute/figures.js';
import type { DocumentDetails, SectionInput, TextInput, YearInput } from '../validate/input.js';
import { renderDataText, type ResolvedReference } from '../text/data-text.js';
import { indicatorRows, type IndicatorRow } from './appendix.js';
import { escapeMarkdown } from './markdown-escape.js';
import { renderTemplates } from './templates.js';

/** The report as a typed tree: the Decree 30 frame from the data, the body as mdast. */
export interface ReportDocument {
  year: number;
  header: {
    superiorBody: string;
    issuingBody: string;
    /** `Số: 15/BC-UBND`, or with a blank for the clerk to fill. */
    numberLine: string;
    /** `Thanh Hà, ngày 05 tháng 12 năm 2023` */
    placeAndDate: string;
  };
  title: string;
  summary: string;
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
  };
}

interface SectionView {
  tieu_de: string;
  noi_dung: { doan: string | null; tieu_muc: string | null }[];
  muc: SectionView[];
}

const BODY_NODES = new Set(['root', 'heading', 'paragraph', 'text', 'emphasis', 'strong', 'break']);

/**
 * Renders the year's texts, from the references the analysis resolved, and the templates into
 * the document tree. Every reference problem in the data and the templates is reported at once.
 */
export function renderDocument(
  input: YearInput,
  figures: ReadonlyMap<string, Figure>,
  references: readonly ResolvedReference[],
  templates: TemplateFolder,
  report: Report,
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
  const markdownText = (t: TextInput) => escapeMarkdown(text(t));

  const section = (s: SectionInput): SectionView => ({
    tieu_de: markdownText(s.title),
    noi_dung: s.paragraphs.map((p) =>
      p.kind === 'subheading' ? { doan: null, tieu_muc: markdownText(p.text) } : { doan: markdownText(p.text), tieu_muc: null },
    ),
    muc: s.subsections.map(section),
  });
  const view = {
    nam: input.year,
    nam_truoc: input.year - 1,
    nam_sau: input.year + 1,
    ten_goi: escapeMarkdown(input.details.shortName),
    boi_canh: input.context.map(markdownText),
    ket_qua: { muc: input.sectors.map(section) },
    danh_gia: section(input.assessment),
    phuong_huong: section(input.directions),
  };
  const summary = text(input.details.summary).replace(/\s+/g, ' ').trim();
  if (referenceProblems > 0) return undefined;

  const markdown = renderTemplates(templates, view, report);
  if (markdown === undefined) return undefined;
  const body = fromMarkdown(markdown);
  const unsupported = findUnsupported(body);
  if (unsupported) {
    report({
      ruleId: 'template',
      severity: 'error',
      place: { file: path.join(templates.shownDir, MAIN_TEMPLATE), line: 1, col: 1 },
      message: `Mẫu tạo ra phần tử Markdown "${unsupported}" mà văn bản hành chính không dùng (chỉ dùng tiêu đề #, đoạn văn, *nghiêng*, **đậm**). Sửa mẫu.`,
    });
    return undefined;
  }
  return frame(input, figures, summary, body);
}

function findUnsupported(node: { type: string; children?: unknown[] }): string | undefined {
  if (!BODY_NODES.has(node.type)) return node.type;
  for (const child of (node.children ?? []) as { type: string }[]) {
    const found = findUnsupported(child);
    if (found) return found;
  }
  return undefined;
}

function frame(input: YearInput, figures: ReadonlyMap<string, Figure>, summary: string, body: Root): ReportDocument {
  const d: DocumentDetails = input.details;
  const number = `${d.number === '' ? '\u00a0'.repeat(8) : d.number}/${d.symbol}`;
  const rows = indicatorRows(input, figures);
  return {
    year: input.year,
    header: {
      superiorBody: d.superiorBody.toLocaleUpperCase('vi'),
      issuingBody: d.issuingBody.toLocaleUpperCase('vi'),
      numberLine: `Số: ${number}`,
      placeAndDate: `${d.place}, ${vietnameseDate(d.date)}`,
    },
    title: 'BÁO CÁO',
    summary,
    addressees: d.addressees,
    body,
    recipients: d.recipients,
    signature: d.signature,
    issued: d.date,
    properties: {
      title: `Báo cáo ${summary.charAt(0).toLocaleLowerCase('vi')}${summary.slice(1)}`,
      author: d.issuingBody,
    },
    appendix:
      rows.length === 0
        ? undefined
        : {
            title: `BIỂU CHỈ TIÊU CHỦ YẾU NĂM ${input.year}`,
            caption: `(Kèm theo Báo cáo số ${number} ${vietnameseDate(d.date)} của ${d.shortName})`,
            rows,
          },
  };
}

/** `ngày 05 tháng 12 năm 2023`: days below 10 and months 1–2 take a leading zero (Decree 30). */
export function vietnameseDate(date: { day: number; month: number; year: number }): string {
  const day = String(date.day).padStart(2, '0');
  const month = date.month <= 2 ? String(date.month).padStart(2, '0') : String(date.month);
  return `ngày ${day} tháng ${month} năm ${date.year}`;
}
