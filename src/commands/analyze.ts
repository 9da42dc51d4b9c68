import { ruleLevels, type RuleLevels } from '../check/config.js';
import type { Rule } from '../check/rule.js';
import { RULES, runRules } from '../check/run-rules.js';
import { earlierYearOf } from '../compute/earlier-year.js';
import { computeFigures, type EarlierYear, type Figure } from '../compute/figures.js';
import { formatPlace, InputError, Messages, RunError, type Diagnostic } from '../diagnostics.js';
import { loadYear, readYamlFile, type LoadedFile } from '../load/load-year.js';
import { resolveEveryReference, type ResolvedReference } from '../text/data-text.js';
import { decodeYear } from '../validate/decode.js';
import type { YearInput } from '../validate/input.js';
import { reportUnfilled } from '../validate/placeholders.js';
import { validateFiles } from '../validate/validate.js';
import type { Workspace } from '../workspace.js';

export interface ComputedYear {
  input: YearInput;
  figures: ReadonlyMap<string, Figure>;
}

export interface Analysis extends ComputedYear {
  /** Every reference of the data texts, resolved: what the rules read and the report prints. */
  references: ResolvedReference[];
  /** What the rules found, at each rule's configured severity. */
  findings: Diagnostic[];
  /** Warnings of reading and computing: unknown files, zero denominators a stated value covers, last year's data left out. */
  warnings: Diagnostic[];
}

export interface AnalyzeOptions {
  workspace: Workspace;
  year: number;
}

/**
 * validate → compute of a year's loaded files: the core that reads no file, as ESLint's
 * Linter#verify. Reports into `messages`; throws InputError with every problem at once when
 * the data cannot be read.
 */
export function computeLoaded(year: number, files: readonly LoadedFile[], earlier: EarlierYear | undefined, messages: Messages): ComputedYear {
  const validation = messages.stage('validate');
  reportUnfilled(files, validation);
  // A file whose YAML did not parse has its error already; validating it, or a year still
  // holding placeholders, would only add noise.
  if (!messages.hasErrors()) validateFiles(files.filter((f) => f.tree !== null), validation);
  messages.failOnErrors();
  const input = decodeYear(year, files, validation);
  const figures = computeFigures(input.figures, earlier, messages.stage('compute'));
  messages.failOnErrors();
  return { input, figures };
}

/** The rules' run on a computed year: references resolved once, then every rule at its level. */
export function checkComputed(
  computed: ComputedYear,
  year: number,
  levels: RuleLevels = new Map(),
  rules: readonly Rule[] = RULES,
): Pick<Analysis, 'references' | 'findings'> {
  const references = resolveEveryReference(computed.input, { figures: computed.figures, year });
  return { references, findings: runRules({ ...computed, references }, levels, rules) };
}

/** load → validate → compute of one year of the workspace, with last year's figures as cùng kỳ and plan when given. */
export function computeYear(workspace: Workspace, year: number, earlier: EarlierYear | undefined, messages: Messages): ComputedYear {
  const { files, problems } = workspace.yearFiles(year);
  messages.add(problems);
  const loaded = loadYear(year, files, messages.stage('load'));
  return computeLoaded(year, loaded.files, earlier, messages);
}

/**
 * Last year's data, when data/<year − 1>/ exists, as this year's cùng kỳ and plan. Data that
 * cannot be read, or read at all, is left out with a warning, so this year still builds.
 */
function earlierYear(workspace: Workspace, year: number, messages: Messages): EarlierYear | undefined {
  if (!workspace.hasYear(year - 1)) return undefined;
  const shownFolder = workspace.show(workspace.yearFolder(year - 1));
  const leftOut = (place: Diagnostic['place'], problem: string) =>
    messages.stage('workspace')({
      ruleId: 'earlier-year',
      severity: 'warning',
      place,
      message: `Dữ liệu năm ${year - 1} (${shownFolder}) ${problem}, nên không dùng làm cùng kỳ và kế hoạch của năm ${year}. Chạy report check ${year - 1} để xem và sửa.`,
    });
  try {
    const { input, figures } = computeYear(workspace, year - 1, undefined, new Messages());
    return earlierYearOf(year - 1, input.figures, figures);
  } catch (error) {
    if (error instanceof InputError) {
      const first = error.diagnostics[0]!;
      leftOut(first.place, `còn ${error.diagnostics.length} lỗi, lỗi đầu ở ${formatPlace(first.place)}`);
    } else if (error instanceof RunError) {
      leftOut({ file: shownFolder, line: 1, col: 1 }, `không đọc được (${error.message})`);
    } else throw error;
    return undefined;
  }
}

/** The rule levels of data/kiem-tra.yaml, when the project has one. */
function configuredLevels(workspace: Workspace, messages: Messages): RuleLevels {
  const file = workspace.configFile();
  if (!file) return new Map();
  const report = messages.stage('config');
  const read = readYamlFile(file, workspace.show(file));
  for (const problem of read.diagnostics) report(problem);
  if (!read.source || read.diagnostics.length > 0) return new Map();
  return ruleLevels({ source: read.source, tree: read.tree }, RULES.map((r) => r.meta), report);
}

/**
 * `analyze`: load → validate → compute → check on one year, everything but rendering, so that
 * `report check` loads neither the templates nor the .docx writer. Throws InputError with
 * every problem at once when the data cannot be read.
 */
export function analyze({ workspace, year }: AnalyzeOptions): Analysis {
  const messages = new Messages();
  const levels = configuredLevels(workspace, messages);
  messages.failOnErrors();
  const earlier = earlierYear(workspace, year, messages);
  const computed = computeYear(workspace, year, earlier, messages);
  return { ...computed, ...checkComputed(computed, year, levels), warnings: [...messages.all] };
}
