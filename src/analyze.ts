import { loadRuleLevels } from './check/config.js';
import { RULES, runRules } from './check/run-rules.js';
import { computeFigures, type Figure } from './compute/figures.js';
import { failOnErrors, type Diagnostic } from './diagnostics.js';
import { loadYear } from './load/load-year.js';
import { everyText, findReferences } from './text/data-text.js';
import { decodeYear } from './validate/decode.js';
import type { YearInput } from './validate/input.js';
import { validateFiles } from './validate/validate.js';

export interface Workspace {
  /** The project folder: data/<year>/ and, optionally, templates/ and data/kiem-tra.yaml. */
  root: string;
  /** Where paths in messages are shown relative to. */
  cwd: string;
}

export interface Analysis {
  input: YearInput;
  figures: ReadonlyMap<string, Figure>;
  /** What the rules found, at each rule's configured severity. */
  findings: Diagnostic[];
  /** Warnings of the earlier stages: unknown files, zero denominators that a stated value covers. */
  warnings: Diagnostic[];
}

/**
 * Runs load → validate → compute → check on one year: everything but rendering, so that
 * `report check` loads neither the templates nor the .docx writer. Throws InputError with
 * every problem at once when the data cannot be read.
 */
export function analyzeYear(workspace: Workspace, year: number): Analysis {
  const config = loadRuleLevels(
    workspace.root,
    workspace.cwd,
    RULES.map((r) => r.meta.id),
  );
  const loaded = loadYear(workspace.root, year, workspace.cwd);
  // A file whose YAML did not parse, or that is empty, has its error already; validating it would only add noise.
  const parsed = loaded.files.filter((f) => f.tree !== null);
  const inputProblems = [...config.diagnostics, ...loaded.diagnostics, ...validateFiles(parsed)];
  failOnErrors(inputProblems);

  const decoded = decodeYear(year, loaded.files);
  const computed = computeFigures(decoded.input.figures);
  const problems = [...inputProblems, ...decoded.diagnostics, ...computed.diagnostics];
  failOnErrors(problems);
  const references = everyText(decoded.input).flatMap(findReferences);
  const findings = runRules({ input: decoded.input, figures: computed.figures, references }, config.levels);
  return { input: decoded.input, figures: computed.figures, findings, warnings: problems };
}
