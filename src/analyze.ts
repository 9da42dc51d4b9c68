import fs from 'node:fs';
import path from 'node:path';
import { loadRuleLevels } from './check/config.js';
import { RULES, runRules } from './check/run-rules.js';
import { earlierYearOf, type EarlierYear } from './compute/earlier-year.js';
import { computeFigures, type Figure } from './compute/figures.js';
import { failOnErrors, formatPlace, InputError, type Diagnostic } from './diagnostics.js';
import { displayPath, loadYear } from './load/load-year.js';
import { resolveEveryReference, type ResolvedReference } from './text/data-text.js';
import { decodeYear } from './validate/decode.js';
import type { YearInput } from './validate/input.js';
import { validateFiles } from './validate/validate.js';
import { unfilledDiagnostics } from './year/placeholders.js';

export interface Workspace {
  /** The project folder: data/<year>/ and, optionally, templates/ and data/kiem-tra.yaml. */
  root: string;
  /** Where paths in messages are shown relative to. */
  cwd: string;
}

export interface ComputedYear {
  input: YearInput;
  figures: ReadonlyMap<string, Figure>;
  /** Warnings of reading and computing: unknown files, zero denominators a stated value covers. */
  warnings: Diagnostic[];
}

export interface Analysis extends ComputedYear {
  /** Every reference of the data texts, resolved: what the rules read and the report prints. */
  references: ResolvedReference[];
  /** What the rules found, at each rule's configured severity. */
  findings: Diagnostic[];
}

/**
 * load → validate → compute for one year, with last year's figures as cùng kỳ and plan when
 * given. Throws InputError with every problem at once when the data cannot be read.
 */
export function computeYear(workspace: Workspace, year: number, earlier?: EarlierYear): ComputedYear {
  const loaded = loadYear(workspace.root, year, workspace.cwd);
  const unfilled = unfilledDiagnostics(loaded.files);
  // A file whose YAML did not parse, or that is empty, has its error already; validating it (or
  // a file still holding placeholders) would only add noise.
  const parsed = unfilled.length > 0 ? [] : loaded.files.filter((f) => f.tree !== null);
  const inputProblems = [...loaded.diagnostics, ...unfilled, ...validateFiles(parsed)];
  failOnErrors(inputProblems);

  const decoded = decodeYear(year, loaded.files);
  const computed = computeFigures(decoded.input.figures, earlier);
  const problems = [...inputProblems, ...decoded.diagnostics, ...computed.diagnostics];
  failOnErrors(problems);
  return { input: decoded.input, figures: computed.figures, warnings: problems };
}

/**
 * Last year's data, when data/<year − 1>/ exists, as this year's cùng kỳ and plan. Data that
 * cannot be read is left out with a warning, so this year still builds.
 */
function earlierYear(workspace: Workspace, year: number): { earlier?: EarlierYear; warnings: Diagnostic[] } {
  const folder = path.join(workspace.root, 'data', String(year - 1));
  if (!fs.existsSync(folder)) return { warnings: [] };
  try {
    const { input, figures } = computeYear(workspace, year - 1);
    return { earlier: earlierYearOf(year - 1, input.figures, figures), warnings: [] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const first = error.diagnostics[0]!;
    return {
      warnings: [
        {
          ruleId: 'earlier-year',
          severity: 'warning',
          place: first.place,
          message:
            `Dữ liệu năm ${year - 1} (${displayPath(folder, workspace.cwd)}) còn ${error.diagnostics.length} lỗi, lỗi đầu ở ${formatPlace(first.place)}, ` +
            `nên không dùng làm cùng kỳ và kế hoạch của năm ${year}. Chạy report check ${year - 1} để xem và sửa.`,
        },
      ],
    };
  }
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
  failOnErrors(config.diagnostics);
  const earlier = earlierYear(workspace, year);
  const computed = computeYear(workspace, year, earlier.earlier);
  const references = resolveEveryReference(computed.input, { figures: computed.figures, year });
  const findings = runRules({ input: computed.input, figures: computed.figures, references }, config.levels);
  return { ...computed, warnings: [...earlier.warnings, ...computed.warnings], references, findings };
}
