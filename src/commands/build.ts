import path from 'node:path';
import { byPlace, failOnErrors, Messages, RunError, type Diagnostic } from '../diagnostics.js';
import { emitDocx } from '../emit/docx.js';
import { emitMarkdown } from '../emit/markdown.js';
import { convertToPdf } from '../emit/pdf.js';
import { ensureFolder, writeFileAtomic } from '../emit/write-atomic.js';
import { outputFormat, type OutputFormat } from '../output-formats.js';
import { renderDocument, type ReportDocument } from '../render/document.js';
import { ReviewPlan } from '../render/review.js';
import { analyze, type AnalyzeOptions } from './analyze.js';

export interface BuildOptions extends AnalyzeOptions {
  /** Where to write the report, relative to the working folder; default out/bao-cao-<period>.<format>. */
  out?: string;
  /** Without it, the extension of `out` names the format (docx when there is no `out`). */
  format?: OutputFormat;
  /** The SOURCE_DATE_EPOCH environment variable, if set. */
  sourceDateEpoch?: string;
  /** Fail on the check's errors instead of printing them as warnings. */
  strict?: boolean;
  /** The environment, where --format pdf looks for LibreOffice (REPORT_SOFFICE, PATH, Program Files). */
  env?: Readonly<Record<string, string | undefined>>;
  /** A review copy: one Word comment per finding of `report check`, on the figure's text (default out/bao-cao-<period>-soat-xet.docx). */
  review?: boolean;
}

export interface Compiled {
  document: ReportDocument;
  /** Problems that do not stop the build: stated figures that disagree, unknown files. */
  warnings: Diagnostic[];
  /** In a draft, how many places are still to fill. */
  unfilled: number;
}

/**
 * What a review copy comments on: what `report check` lists, in its order (by place), at the
 * configured levels, accepted findings included; not a draft's places to fill, which the draft
 * prints highlighted where they are.
 */
function reviewed(findings: readonly Diagnostic[], warnings: readonly Diagnostic[]): Diagnostic[] {
  return [...warnings.filter((d) => d.ruleId !== 'unfilled'), ...findings].sort(byPlace);
}

export interface BuildOutcome {
  /** Where the report went, as shown to the user. */
  shownOutput: string;
  warnings: Diagnostic[];
  unfilled: number;
  /** A review copy's comments: how many, and how many of them are on the title. */
  review?: { comments: number; onTitle: number };
}

/**
 * Analyzes the year and renders its document. The check's findings become warnings, so the
 * report prints the figures as stated (principle 2); with `strict`, its errors stop the build.
 */
export function compile(options: BuildOptions): Compiled {
  const analysis = analyze(options);
  const { input, figures, references, findings, warnings } = analysis;
  if (options.strict) failOnErrors(findings);
  const messages = new Messages();
  const review = options.review ? new ReviewPlan(reviewed(findings, warnings), input, figures, references) : undefined;
  const document = renderDocument(input, figures, references, options.workspace.templates(), messages.stage('render'), review, analysis.comparisonNote);
  messages.failOnErrors();
  return {
    document: document!,
    // Information (a revised plan, a draft's places to fill) is for check and status to tell; the build shows what may need a fix.
    // An accepted finding has been read and answered for: the build does not repeat it.
    warnings: [
      ...warnings.filter((d) => d.severity !== 'info'),
      ...findings.filter((d) => d.severity !== 'info' && !d.accepted).map((d) => ({ ...d, severity: 'warning' as const })),
    ],
    unfilled: warnings.filter((d) => d.ruleId === 'unfilled').length,
  };
}

/**
 * The time a file records: SOURCE_DATE_EPOCH when set (the reproducible-builds convention),
 * else the report's own date. Never the clock, so the same input gives the same bytes.
 */
export function documentTimestamp(document: ReportDocument, sourceDateEpoch?: string): Date {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    if (!/^\d{1,12}$/.test(sourceDateEpoch)) {
      throw new RunError(`SOURCE_DATE_EPOCH "${sourceDateEpoch}" không hợp lệ: phải là số giây kể từ 01/01/1970, ví dụ 1701734400. Sửa hoặc bỏ biến này.`);
    }
    return new Date(Number(sourceDateEpoch) * 1000);
  }
  const { year, month, day } = document.issued;
  return new Date(Date.UTC(year, month - 1, day));
}

async function emit(document: ReportDocument, format: OutputFormat, timestamp: Date, env?: BuildOptions['env']): Promise<Uint8Array> {
  if (format === 'md') return new TextEncoder().encode(emitMarkdown(document));
  const docx = emitDocx(document, timestamp);
  return format === 'pdf' ? convertToPdf(docx, env, { comments: document.review !== undefined }) : docx;
}

/** `report build`: compiles the period's report and writes it atomically in the chosen format. */
export async function build(options: BuildOptions): Promise<BuildOutcome> {
  const { workspace, period, out } = options;
  // An --out that names a source of the report, or the wrong kind of file, is refused before any data is read.
  const chosen = out ? workspace.output(out) : undefined;
  const format = outputFormat(out, options.format);
  if (options.review && format === 'md') {
    throw new RunError('Bản soát xét (--review) ghi các nhận xét (comment) của Word, mà tệp Markdown không có: tạo bản soát xét dạng .docx (mặc định) hoặc .pdf.');
  }
  const { document, warnings, unfilled } = compile(options);
  const bytes = await emit(document, format, documentTimestamp(document, options.sourceDateEpoch), options.env);
  const output = chosen ?? workspace.defaultOutput(period, format, options.draft, options.review);
  const shownOutput = workspace.show(output);
  if (!out) ensureFolder(path.dirname(output), path.dirname(shownOutput));
  writeFileAtomic(output, bytes, shownOutput);
  const review = document.review && { comments: document.review.comments.length, onTitle: document.review.onTitle.length };
  return { shownOutput, warnings, unfilled, ...(review ? { review } : {}) };
}
