import fs from 'node:fs';
import path from 'node:path';
import { analyzeYear, type Workspace } from './analyze.js';
import { failOnErrors, RunError, type Diagnostic } from './diagnostics.js';
import { emitDocx } from './emit/docx.js';
import { emitMarkdown } from './emit/markdown.js';
import { convertToPdf } from './emit/pdf.js';
import { ensureFolder, writeFileAtomic } from './emit/write-atomic.js';
import { displayPath } from './load/load-year.js';
import type { OutputFormat } from './output-formats.js';
import { DEFAULT_TEMPLATES_DIR } from './package-paths.js';
import { renderDocument, type ReportDocument, type TemplateSource } from './render/document.js';

export interface Compiled {
  document: ReportDocument;
  /** Problems that do not stop the build: stated figures that disagree, unknown files. */
  warnings: Diagnostic[];
}

export interface BuildOptions {
  /** Where to write the report, relative to the working folder; default out/bao-cao-<year>.<format>. */
  out?: string;
  format?: OutputFormat;
  /** The SOURCE_DATE_EPOCH environment variable, if set. */
  sourceDateEpoch?: string;
  /** Fail on the check's errors instead of printing them as warnings. */
  strict?: boolean;
  /** The environment, where --format pdf looks for LibreOffice (REPORT_SOFFICE, PATH, Program Files). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Analyzes the year and renders its document. The check's findings become warnings, so the
 * report prints the figures as stated (principle 2); with `strict`, its errors stop the build.
 */
export function compileReport(workspace: Workspace, year: number, options: BuildOptions = {}): Compiled {
  const { input, figures, references, findings, warnings } = analyzeYear(workspace, year);
  if (options.strict) failOnErrors(findings);
  const rendered = renderDocument(input, figures, references, templateSource(workspace));
  failOnErrors(rendered.diagnostics);
  return {
    document: rendered.document!,
    // Information (a revised plan) is for check to tell; the build shows what may need a fix.
    warnings: [...warnings, ...findings.filter((d) => d.severity !== 'info').map((d) => ({ ...d, severity: 'warning' as const }))],
  };
}

function templateSource(workspace: Workspace): TemplateSource {
  const own = path.join(workspace.root, 'templates');
  const dir = fs.existsSync(own) ? own : DEFAULT_TEMPLATES_DIR;
  return { dir, shownDir: displayPath(dir, workspace.cwd) };
}

export function defaultOutput(workspace: Workspace, year: number, format: OutputFormat = 'docx'): string {
  return path.join(workspace.root, 'out', `bao-cao-${year}.${format}`);
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

async function render(document: ReportDocument, format: OutputFormat, timestamp: Date, env?: BuildOptions['env']): Promise<Uint8Array> {
  if (format === 'md') return new TextEncoder().encode(emitMarkdown(document));
  const docx = emitDocx(document, timestamp);
  return format === 'pdf' ? convertToPdf(docx, env) : docx;
}

/** Compiles the year's report and writes it atomically in the chosen format; returns where it went. */
export async function buildReport(
  workspace: Workspace,
  year: number,
  options: BuildOptions = {},
): Promise<{ shownOutput: string; warnings: Diagnostic[] }> {
  const { out, format = 'docx' } = options;
  const { document, warnings } = compileReport(workspace, year, options);
  const bytes = await render(document, format, documentTimestamp(document, options.sourceDateEpoch), options.env);
  const output = out ? path.resolve(workspace.cwd, out) : defaultOutput(workspace, year, format);
  const shownOutput = displayPath(output, workspace.cwd);
  if (!out) ensureFolder(path.dirname(output), path.dirname(shownOutput));
  writeFileAtomic(output, bytes, shownOutput);
  return { shownOutput, warnings };
}
