import fs from 'node:fs';
import path from 'node:path';
import { runRules } from './check/run-rules.js';
import { computeFigures, type Figure } from './compute/figures.js';
import { failOnErrors, type Diagnostic } from './diagnostics.js';
import { emitDocx } from './emit/docx.js';
import { writeFileAtomic } from './emit/write-atomic.js';
import { displayPath, loadYear } from './load/load-year.js';
import { DEFAULT_TEMPLATES_DIR } from './package-paths.js';
import { renderDocument, type ReportDocument, type TemplateSource } from './render/document.js';
import { decodeYear } from './validate/decode.js';
import type { YearInput } from './validate/input.js';
import { validateFiles } from './validate/validate.js';

export interface Workspace {
  /** The project folder: data/<year>/ and, optionally, templates/. */
  root: string;
  /** Where paths in messages are shown relative to. */
  cwd: string;
}

export interface Analysis {
  input: YearInput;
  figures: ReadonlyMap<string, Figure>;
  /** What the rules found, at each rule's own severity. */
  findings: Diagnostic[];
  /** Warnings of the earlier stages: unknown files, zero denominators that a stated value covers. */
  warnings: Diagnostic[];
}

/**
 * Runs load → validate → compute → check on one year. Throws InputError with every
 * problem at once when the data cannot be read.
 */
export function analyzeYear(workspace: Workspace, year: number): Analysis {
  const loaded = loadYear(workspace.root, year, workspace.cwd);
  // A file whose YAML did not parse has its syntax errors already; validating it would only add noise.
  const parsed = loaded.files.filter((f) => f.tree !== null || f.source.text.trim() === '');
  const inputProblems = [...loaded.diagnostics, ...validateFiles(parsed)];
  failOnErrors(inputProblems);

  const decoded = decodeYear(year, loaded.files);
  const computed = computeFigures(decoded.input.figures);
  const problems = [...inputProblems, ...decoded.diagnostics, ...computed.diagnostics];
  failOnErrors(problems);
  return { input: decoded.input, figures: computed.figures, findings: runRules({ figures: computed.figures }), warnings: problems };
}

export interface Compiled {
  document: ReportDocument;
  /** Problems that do not stop the build: stated figures that disagree, unknown files. */
  warnings: Diagnostic[];
}

/** Analyzes the year and renders its document; the rules' findings become warnings. */
export function compileReport(workspace: Workspace, year: number): Compiled {
  const { input, figures, findings, warnings } = analyzeYear(workspace, year);
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
  out?: string,
): Promise<{ shownOutput: string; warnings: Diagnostic[] }> {
  const { document, warnings } = compileReport(workspace, year);
  const bytes = await emitDocx(document);
  const output = out ? path.resolve(workspace.cwd, out) : defaultOutput(workspace, year);
  if (!out) fs.mkdirSync(path.dirname(output), { recursive: true });
  const shownOutput = displayPath(output, workspace.cwd);
  writeFileAtomic(output, bytes, shownOutput);
  return { shownOutput, warnings };
}
