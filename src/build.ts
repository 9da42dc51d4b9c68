import fs from 'node:fs';
import path from 'node:path';
import { analyzeYear, type Workspace } from './analyze.js';
import { failOnErrors, type Diagnostic } from './diagnostics.js';
import { emitDocx } from './emit/docx.js';
import { writeFileAtomic } from './emit/write-atomic.js';
import { displayPath } from './load/load-year.js';
import { DEFAULT_TEMPLATES_DIR } from './package-paths.js';
import { renderDocument, type ReportDocument, type TemplateSource } from './render/document.js';

export interface Compiled {
  document: ReportDocument;
  /** Problems that do not stop the build: stated figures that disagree, unknown files. */
  warnings: Diagnostic[];
}

export interface BuildOptions {
  /** Where to write the .docx, relative to the working folder; default out/bao-cao-<year>.docx. */
  out?: string;
  /** Fail on the check's errors instead of printing them as warnings. */
  strict?: boolean;
}

/**
 * Analyzes the year and renders its document. The check's findings become warnings, so the
 * report prints the figures as stated (principle 2); with `strict`, its errors stop the build.
 */
export function compileReport(workspace: Workspace, year: number, options: BuildOptions = {}): Compiled {
  const { input, figures, findings, warnings } = analyzeYear(workspace, year);
  if (options.strict) failOnErrors(findings);
  const rendered = renderDocument(input, figures, templateSource(workspace));
  failOnErrors(rendered.diagnostics);
  return {
    document: rendered.document!,
    warnings: [...warnings, ...findings.map((d) => ({ ...d, severity: 'warning' as const }))],
  };
}

function templateSource(workspace: Workspace): TemplateSource {
  const own = path.join(workspace.root, 'templates');
  const dir = fs.existsSync(own) ? own : DEFAULT_TEMPLATES_DIR;
  return { dir, shownDir: displayPath(dir, workspace.cwd) };
}

export function defaultOutput(workspace: Workspace, year: number): string {
  return path.join(workspace.root, 'out', `bao-cao-${year}.docx`);
}

/** Compiles the year's report and writes the .docx atomically; returns where it went. */
export async function buildReport(
  workspace: Workspace,
  year: number,
  options: BuildOptions = {},
): Promise<{ shownOutput: string; warnings: Diagnostic[] }> {
  const { out } = options;
  const { document, warnings } = compileReport(workspace, year, options);
  const bytes = await emitDocx(document);
  const output = out ? path.resolve(workspace.cwd, out) : defaultOutput(workspace, year);
  if (!out) fs.mkdirSync(path.dirname(output), { recursive: true });
  const shownOutput = displayPath(output, workspace.cwd);
  writeFileAtomic(output, bytes, shownOutput);
  return { shownOutput, warnings };
}
