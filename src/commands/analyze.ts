import fs from 'node:fs';
import { applyAcceptances, type Acceptance } from '../check/acceptance.js';
import { ruleLevels, type RuleLevels } from '../check/config.js';
import type { Rule } from '../check/rule.js';
import { RULES, runRules } from '../check/run-rules.js';
import { earlierYearOf } from '../compute/earlier-year.js';
import { predecessorWords, sumOfPredecessors, type MissingFigure, type Predecessor, type PredecessorValues } from '../compute/predecessors.js';
import { Decimal } from '../decimal.js';

import { computeFigures, type EarlierYear, type Figure, type Recorded } from '../compute/figures.js';
import type { UnitEntry, UnitTable } from '../compute/units.js';
import { formatPlace, InputError, Messages, RunError, type Diagnostic, type Report } from '../diagnostics.js';
import { inlineAcceptances } from '../load/acceptance-comments.js';
import { loadYear, readYamlFile, type LoadedFile } from '../load/load-year.js';
import { SHIPPED_UNIT_TABLE } from '../package-paths.js';
import { resolveEveryReference, type ResolvedReference } from '../text/data-text.js';
import { annual, periodWords, samePeriodLastYear, type Period } from '../period.js';
import { decodeFigures, decodePeriod } from '../validate/decode.js';
import type { YearInput } from '../validate/input.js';
import { readOutline, type Outline } from '../validate/outline.js';
import { draftTrees, reportUnfilled, type DraftGaps } from '../validate/placeholders.js';
import { shippedUnitEntries } from '../validate/shipped-units.js';
import { decodeUnitTable, unitTable } from '../validate/unit-table.js';
import { validateFiles, validateTree } from '../validate/validate.js';
import { entry, type YamlMap, type YamlScalar } from '../load/yaml-tree.js';
import { closestWord } from '../text/closest-word.js';
import type { Workspace } from '../workspace.js';

export interface ComputedYear {
  input: YearInput;
  figures: ReadonlyMap<string, Figure>;
  /** The findings the data files accept in comments (# kiem-tra-chap-nhan: …). */
  acceptances: Acceptance[];
}

export interface Analysis extends ComputedYear {
  /** Every reference of the data texts, resolved: what the rules read and the report prints. */
  references: ResolvedReference[];
  /** What the rules found, at each rule's configured severity. */
  findings: Diagnostic[];
  /** Warnings of reading and computing: unknown files, zero denominators a stated value covers, last year's data left out. */
  warnings: Diagnostic[];
  /** For a unit formed by the 2025 mergers: how its cùng kỳ was made, for a footnote at the first comparison. */
  comparisonNote?: string;
}

export interface AnalyzeOptions {
  workspace: Workspace;
  period: Period;
  /** A draft: places still to fill are shown as "[CẦN ĐIỀN: …]" rather than stopping the run. */
  draft?: boolean;
}

/**
 * validate → compute of a period's loaded files, from the folder shown as `shownFolder`, in the
 * project's units: the core that reads no file, as ESLint's Linter#verify. Reports into `messages`; throws
 * InputError with every problem at once when the data cannot be read.
 */
export function computeLoaded(
  period: Period,
  loadedFiles: readonly LoadedFile[],
  shownFolder: string,
  earlier: EarlierYear | undefined,
  messages: Messages,
  units: UnitTable,
  draft = false,
): ComputedYear {
  const validation = messages.stage('validate');
  reportUnfilled(loadedFiles, validation, draft);
  const acceptances = loadedFiles.flatMap((file) => inlineAcceptances(file.source, messages.stage('load')));
  const { files, gaps } = draft ? draftTrees(loadedFiles, period.year, 'left-out') : { files: loadedFiles, gaps: undefined };
  const validated = draft ? draftTrees(loadedFiles, period.year, 'stand-in').files : files;
  const outlineFile = validated.find((f) => f.kind.role === 'outline');
  // A file whose YAML did not parse has its error already; validating it, or a period still
  // holding placeholders, would only add noise.
  let outline: Outline | undefined;
  if (!messages.hasErrors()) {
    let outlineProblems = 0;
    validateFiles(outlineFile?.tree ? [outlineFile] : [], (problem) => {
      outlineProblems++;
      validation(problem);
    });
    const invalid = new Set<string>();
    for (const file of validated.filter((f) => f.tree !== null && f !== outlineFile)) {
      validateFiles([file], (problem) => {
        invalid.add(file.source.path);
        validation(problem);
      });
    }
    // The outline is held against the folder as soon as it is readable, so that a section left out is told with the rest.
    const sections = validated.filter((f) => f.kind.role === 'section');
    if (outlineProblems === 0 && outlineFile?.tree !== null) outline = readOutline(outlineFile, sections, shownFolder, validation);
    // When some file is wrong, the numbers of the files that are right are read still: every problem is told at once.
    if (messages.hasErrors()) {
      const valid = files.filter((f) => f.kind.role === 'section' && f.tree?.kind === 'map' && !invalid.has(f.source.path));
      const lists = valid.flatMap((f) => {
        const list = entry(f.tree as YamlMap, 'chi_tieu');
        return list?.kind === 'map' ? [list.entries] : [];
      });
      decodeFigures(lists, units, validation);
    }
  }
  messages.failOnErrors();
  // No error was reported, so the outline was readable and has been read.
  const decoded = decodePeriod(period, files, outline!, units, validation);
  const input = gaps ? { ...decoded, draft: draftOf(decoded, gaps) } : decoded;
  const computation = messages.stage('compute');
  // A figure still to fill, or computed from one, has no value in a draft: that is not an error there.
  const unfilledPlaces = new Set(input.figures.filter((f) => input.draft?.figures.has(f.key)).map((f) => formatPlace(f.place)));
  const figures = computeFigures(input.figures, earlier, (problem) => {
    if (problem.ruleId !== 'no-value' || !unfilledPlaces.has(formatPlace(problem.place))) computation(problem);
  });
  messages.failOnErrors();
  return { input, figures, acceptances };
}

/** The figures of a draft that have no value yet: those still to fill, and those computed from them. */
function draftOf(input: YearInput, gaps: DraftGaps): NonNullable<YearInput['draft']> {
  const unfilled = new Set(gaps.figures.keys());
  for (let grew = true; grew; ) {
    grew = false;
    for (const figure of input.figures) {
      if (unfilled.has(figure.key)) continue;
      const inputs = [...(figure.sum ?? []), ...(figure.product ?? []), ...(figure.ratio ?? []), ...(figure.restates ? [figure.restates] : [])];
      if (!figure.value && inputs.some((ref) => unfilled.has(ref.key))) {
        unfilled.add(figure.key);
        grew = true;
      }
    }
  }
  return { figures: unfilled, dateUnfilled: gaps.date !== undefined };
}

/** The rules' run on a computed year: references resolved once, then every rule at its level. */
export function checkComputed(computed: ComputedYear, levels: RuleLevels = new Map(), rules: readonly Rule[] = RULES): Pick<Analysis, 'references' | 'findings'> {
  const { input, figures } = computed;
  const references = resolveEveryReference(input, { figures, period: input.period, shortName: input.details.shortName, unfilled: input.draft?.figures });
  return { references, findings: runRules({ input, figures, references }, levels, rules) };
}

/** The findings accepted in bulk for a period (report check --accept-all), from data/chap-nhan-<period>.yaml. */
function fileAcceptances(workspace: Workspace, period: Period, messages: Messages): Acceptance[] {
  const file = workspace.acceptanceFile(period);
  if (!fs.existsSync(file)) return [];
  const report = messages.stage('check');
  const read = readYamlFile(file, workspace.show(file));
  const problems = read.source ? [...read.diagnostics, ...validateTree('chap-nhan.schema.json', read.tree, read.source)] : read.diagnostics;
  for (const problem of problems) report(problem);
  if (problems.length > 0 || read.tree?.kind !== 'map') return [];
  const list = entry(read.tree, 'chap_nhan');
  if (list?.kind !== 'seq') return [];
  return list.items.flatMap((item): Acceptance[] => {
    if (item.kind !== 'map') return [];
    const text = (key: string) => String((entry(item, key) as YamlScalar).value);
    return [{ ruleId: text('quy_tac'), reason: text('ly_do'), place: item.place, covers: { fingerprint: text('dau_van_tay') } }];
  });
}

/** Acceptances naming no rule are said at their place, with the rule meant; they would accept nothing. */
function knownRules(acceptances: readonly Acceptance[], report: Report): Acceptance[] {
  const ids = RULES.map((r) => r.meta.id);
  return acceptances.filter((acceptance) => {
    if (ids.includes(acceptance.ruleId)) return true;
    const hint = closestWord(acceptance.ruleId, ids);
    report({
      ruleId: 'stale-acceptance',
      severity: 'warning',
      place: acceptance.place,
      message: `Không có quy tắc "${acceptance.ruleId}" để chấp nhận.${hint ? ` Có phải là "${hint}"?` : ''} Xem các quy tắc: report check --help.`,
    });
    return false;
  });
}

/** load → validate → compute of one period of the workspace, with earlier figures as cùng kỳ and plan when given. */
export function computePeriod(
  workspace: Workspace,
  period: Period,
  earlier: EarlierYear | undefined,
  messages: Messages,
  draft = false,
  units: UnitTable = unitsOf(workspace, messages),
): ComputedYear {
  const { files, problems } = workspace.periodFiles(period);
  messages.add(problems);
  const loaded = loadYear(period.year, files, messages.stage('load'));
  return computeLoaded(period, loaded.files, workspace.show(workspace.periodFolder(period)), earlier, messages, units, draft);
}

/** A unit table file's entries; what cannot be read is reported at its place. */
function decodeUnitFile(read: ReturnType<typeof readYamlFile>, report: Report): UnitEntry[] {
  for (const problem of read.diagnostics) report(problem);
  if (!read.source || read.diagnostics.length > 0) return [];
  return decodeUnitTable({ source: read.source, tree: read.tree }, report);
}

/** The shipped table's entries and problems (none, unless the package is broken), once a process. */
let shippedUnits: ReturnType<typeof shippedUnitEntries> | undefined;

/**
 * The project's units: the shipped table (schemas/don-vi.yaml), with the project's
 * data/don-vi.yaml over it when there is one. Problems of either are reported at their line.
 */
export function unitsOf(workspace: Workspace, messages: Messages): UnitTable {
  const report = messages.stage('config');
  shippedUnits ??= shippedUnitEntries();
  for (const problem of shippedUnits.problems) report({ ...problem, place: { ...problem.place, file: workspace.show(problem.place.file) } });
  const shown = workspace.show(SHIPPED_UNIT_TABLE);
  const shipped = shippedUnits.entries.map(({ scale, line, col, ...entry }): UnitEntry => ({ ...entry, scale: new Decimal(scale), place: { file: shown, line, col } }));
  const own = workspace.unitTableFile();
  return unitTable([shipped, own ? decodeUnitFile(readYamlFile(own, workspace.show(own)), report) : []], report);
}

/**
 * An earlier period's figures, when its folder exists. Data that cannot be read is left out
 * with a warning that says what it would have given, so this period still builds.
 */
function earlierPeriod(workspace: Workspace, earlier: Period, period: Period, use: string, units: UnitTable, messages: Messages): ComputedYear | undefined {
  if (!workspace.hasPeriod(earlier)) return undefined;
  const shownFolder = workspace.show(workspace.periodFolder(earlier));
  const leftOut = (place: Diagnostic['place'], problem: string) =>
    messages.stage('workspace')({
      ruleId: 'earlier-year',
      severity: 'warning',
      place,
      message: `Dữ liệu ${periodWords(earlier)} (${shownFolder}) ${problem}, nên không dùng làm ${use} của ${periodWords(period)}. Chạy report check ${earlier.id} để xem và sửa.`,
    });
  try {
    return computePeriod(workspace, earlier, undefined, new Messages(), false, units);
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

/**
 * What earlier reports give this period: cùng kỳ from the same period of the year before,
 * the plan from the targets of last year's annual report (for a year, the same folder).
 */
function earlierFigures(workspace: Workspace, period: Period, units: UnitTable, messages: Messages): EarlierFigures {
  const samePeriod = samePeriodLastYear(period);
  const lastYear = annual(period.year - 1);
  const sameFolder = samePeriod.id === lastYear.id;
  const values = earlierPeriod(workspace, samePeriod, period, sameFolder ? 'cùng kỳ và kế hoạch' : 'cùng kỳ', units, messages);
  const targets = sameFolder ? values : earlierPeriod(workspace, lastYear, period, 'kế hoạch', units, messages);
  // A unit formed by the 2025 mergers, with no folder of its own for the period before: its predecessors' sum.
  const merged = workspace.hasPeriod(samePeriod) ? undefined : predecessorsSum(workspace, samePeriod, period, units, messages);
  if (!values && !targets && !merged) return {};
  return {
    earlier: {
      year: period.year - 1,
      values: merged?.values ?? (values ? earlierYearOf(period.year - 1, values.input.figures, values.figures).values : new Map()),
      targets: targets ? earlierYearOf(period.year - 1, targets.input.figures, targets.figures).targets : new Map(),
    },
    ...(merged ? { merged } : {}),
  };
}

/** What the periods before give this one, and for a merged unit what its predecessors' data gave and lacked. */
interface EarlierFigures {
  earlier?: EarlierYear;
  merged?: { values: ReadonlyMap<string, Recorded>; missing: ReadonlyMap<string, MissingFigure>; note: string };
}

/**
 * The cùng kỳ of a unit formed by merging others (data/tien-than.yaml): the sum of their figures
 * for the same period, each read from its own project folder. When one predecessor's data cannot
 * be read, none is summed: a part left out would pass for zero. When none of them has data for
 * that period (the first 6 months of the year of the merger, for the 6-month report a year on),
 * there is nothing to sum and nothing wrong: cùng kỳ is typed, as by any unit without last year's data.
 */
function predecessorsSum(workspace: Workspace, samePeriod: Period, period: Period, units: UnitTable, messages: Messages): EarlierFigures['merged'] {
  const listed = predecessorsOf(workspace, messages);
  if (listed.length > 0 && listed.every(({ folder }) => folder.hasData() && !folder.hasPeriod(samePeriod))) return undefined;
  const parts = predecessorParts(listed, samePeriod, period, units, messages);
  if (!parts) return undefined;
  const summed = sumOfPredecessors(parts);
  const note = `Số cùng kỳ ${periodWords(samePeriod)} tổng hợp từ số liệu của ${predecessorWords(listed.map((l) => l.predecessor))} trước sắp xếp.`;
  return { ...summed, note };
}

/**
 * What each predecessor recorded for a period, read from its own folder; none at all when one
 * of them has no such folder or its data cannot be read (each said as a warning).
 */
export function predecessorParts(
  listed: readonly { predecessor: Predecessor; folder: Workspace }[],
  samePeriod: Period,
  period: Period,
  units: UnitTable,
  messages: Messages,
): PredecessorValues[] | undefined {
  if (listed.length === 0) return undefined;
  // A folder that is no project (thu_muc wrong) is said first: it is the one to fix.
  const lacking = listed.find(({ folder }) => !folder.hasData()) ?? listed.find(({ folder }) => !folder.hasPeriod(samePeriod));
  if (lacking) {
    const { predecessor, folder } = lacking;
    messages.stage('workspace')({
      ruleId: 'earlier-year',
      severity: 'warning',
      place: predecessor.place,
      message: `${predecessor.name} không có dữ liệu ${periodWords(samePeriod)} (${folder.show(folder.periodFolder(samePeriod))}), nên ${periodWords(period)} không có số cùng kỳ tổng hợp từ các đơn vị trước sắp xếp. Tạo thư mục đó, hoặc sửa thu_muc.`,
    });
    return undefined;
  }
  const parts: PredecessorValues[] = [];
  for (const { predecessor, folder } of listed) {
    const computed = earlierPeriod(folder, samePeriod, period, 'cùng kỳ', units, messages);
    if (!computed) return undefined;
    parts.push({ predecessor, values: earlierYearOf(samePeriod.year, computed.input.figures, computed.figures).values });
  }
  return parts;
}

/** The predecessors data/tien-than.yaml names, each with its project folder. */
export function predecessorsOf(workspace: Workspace, messages: Messages): { predecessor: Predecessor; folder: Workspace }[] {
  const file = workspace.predecessorsFile();
  if (!file) return [];
  const report = messages.stage('config');
  const read = readYamlFile(file, workspace.show(file));
  const problems = read.source ? [...read.diagnostics, ...validateTree('tien-than.schema.json', read.tree, read.source)] : read.diagnostics;
  for (const problem of problems) report(problem);
  const list = read.tree?.kind === 'map' ? entry(read.tree, 'tien_than') : undefined;
  if (problems.length > 0 || list?.kind !== 'seq') return [];
  return list.items.flatMap((item) => {
    if (item.kind !== 'map') return [];
    const text = (key: string) => {
      const node = entry(item, key);
      return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
    };
    const percent = entry(item, 'ty_le');
    const share = percent?.kind === 'scalar' ? { percent: new Decimal(percent.source), basis: text('theo') as 'dan_so' | 'dien_tich' } : undefined;
    return [{ predecessor: { name: text('ten')!, place: item.place, ...(share ? { share } : {}) }, folder: workspace.relative(text('thu_muc')!) }];
  });
}

/** Why the predecessors' data gives a figure no cùng kỳ, and what to do. */
function missingWhy(missing: MissingFigure, unit: string | undefined): string {
  switch (missing.reason) {
    case 'lacking':
      return `${missing.predecessors.join(', ')} không có chỉ tiêu này (hoặc ghi bằng đơn vị không đổi được) trong dữ liệu trước sắp xếp, nên không cộng được. Ghi cung_ky, hoặc bổ sung số liệu đó.`;
    case 'not-additive':
      return `đây là tỷ lệ hoặc số bình quân (${unit}), không cộng được từ số của các đơn vị trước sắp xếp. Ghi cung_ky bằng số đã tính lại cho cả đơn vị mới.`;
    case 'unknown-unit':
      return `${unit ? `đơn vị "${unit}" chưa có trong bảng đơn vị` : 'chỉ tiêu không ghi đơn vị'}, nên không biết số của các đơn vị trước sắp xếp có cộng được không. Ghi đơn vị (có trong bảng, hoặc thêm vào data/don-vi.yaml), hoặc ghi cung_ky.`;
  }
}

/** A figure whose cùng kỳ the predecessors' data cannot give, and that this period does not type, is said at the figure. */
function reportMissingPredecessors(input: YearInput, merged: NonNullable<EarlierFigures['merged']>, report: Report): void {
  for (const figure of input.figures) {
    const missing = merged.missing.get(figure.key);
    if (!missing || figure.lastYear || figure.restates) continue;
    report({
      ruleId: 'predecessor-missing',
      severity: 'warning',
      place: figure.place,
      message: `"${figure.name ?? figure.key}" [${figure.key}] không có số cùng kỳ: ${missingWhy(missing, figure.unit)}`,
    });
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
export function analyze({ workspace, period, draft }: AnalyzeOptions): Analysis {
  const messages = new Messages();
  const levels = configuredLevels(workspace, messages);
  const units = unitsOf(workspace, messages);
  messages.failOnErrors();
  const { earlier, merged } = earlierFigures(workspace, period, units, messages);
  const computed = computePeriod(workspace, period, earlier, messages, draft, units);
  if (merged) reportMissingPredecessors(computed.input, merged, messages.stage('compute'));
  const { references, findings } = checkComputed(computed, levels);
  const acceptances = knownRules([...computed.acceptances, ...fileAcceptances(workspace, period, messages)], messages.stage('check'));
  const accepted = applyAcceptances(findings, acceptances, messages.stage('check'));
  // The footnote says how cùng kỳ was made, when some figure's was made so.
  const fromPredecessors = merged && computed.input.figures.some((f) => !f.lastYear && merged.values.has(f.key));
  return { ...computed, references, findings: accepted, warnings: [...messages.all], ...(fromPredecessors ? { comparisonNote: merged.note } : {}) };
}
