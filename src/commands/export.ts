import path from 'node:path';
import { earlierYearOf } from '../compute/earlier-year.js';
import type { Figure } from '../compute/figures.js';
import type { UnitTable } from '../compute/units.js';
import { formatPlace, InputError, Messages, RunError } from '../diagnostics.js';
import { ensureFolder, writeFileAtomic } from '../emit/write-atomic.js';
import { loadYear, type LoadedFile } from '../load/load-year.js';
import { entry } from '../load/yaml-tree.js';
import { annual, periodWords, samePeriodLastYear, type Period } from '../period.js';
import { sectionRows, type EarlierRecords, type SectionRows } from '../spreadsheet/figure-rows.js';
import { GUIDE_SHEET, guideSheet, sectionSheet } from '../spreadsheet/layout.js';
import { sheetNames } from '../spreadsheet/sheet-names.js';
import { displayPath, listUnitFolders, Workspace } from '../workspace.js';
import { analyze, computePeriod, unitsOf, type AnalyzeOptions } from './analyze.js';

/** A period's figures as the workbook lays them out: what export writes, and what import compares a workbook with. */
export interface PeriodSheets {
  /** The period's data files as loaded. */
  files: LoadedFile[];
  sections: { name: string; rows: SectionRows }[];
  /** The project's units, in which each figure's numbers are read, in the data and in the workbook alike. */
  units: UnitTable;
  /** The issuing body (co_quan of van-ban.yaml): a workbook says whose it is. */
  body: string;
  /** Why the computed columns are empty, when the period could not be computed. */
  notComputed?: string;
}

/** A later period's cùng kỳ and plan from the earlier reports, when they can be read; as the analysis takes them. */
function earlierRecords(workspace: Workspace, period: Period): EarlierRecords | undefined {
  const computed = (earlier: Period) => {
    if (!workspace.hasPeriod(earlier)) return undefined;
    try {
      const year = computePeriod(workspace, earlier, undefined, new Messages());
      return earlierYearOf(earlier.year, year.input.figures, year.figures);
    } catch (error) {
      if (error instanceof InputError || error instanceof RunError) return undefined;
      throw error;
    }
  };
  const samePeriod = samePeriodLastYear(period);
  const lastYear = annual(period.year - 1);
  const values = computed(samePeriod);
  const targets = samePeriod.id === lastYear.id ? values : computed(lastYear);
  if (!values && !targets) return undefined;
  return {
    values: values?.values ?? new Map(),
    targets: targets?.targets ?? new Map(),
    valuesFrom: `số liệu ${periodWords(samePeriod)}`,
    targetsFrom: `mục tiêu ${periodWords(lastYear)}`,
  };
}

/**
 * Reads a period for the workbook: its files (they must parse; CẦN ĐIỀN is fine) and the unit
 * table (it must be readable: numbers are read in their units), the rows of each section with
 * what earlier reports give, and, with `computed`, the analysis's values.
 */
export function periodSheets({ workspace, period }: AnalyzeOptions, computed: boolean): PeriodSheets {
  const messages = new Messages();
  const units = unitsOf(workspace, messages);
  const { files, problems } = workspace.periodFiles(period);
  messages.add(problems);
  const loaded = loadYear(period.year, files, messages.stage('load'));
  messages.failOnErrors();
  let figures: ReadonlyMap<string, Figure> | undefined;
  let notComputed: string | undefined;
  if (computed) {
    try {
      figures = analyze({ workspace, period }).figures;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const first = error.diagnostics[0];
      notComputed =
        `dữ liệu ${periodWords(period)} còn ${error.diagnostics.length} lỗi hoặc chỗ cần điền${first ? ` (đầu tiên: ${formatPlace(first.place)})` : ''}, ` +
        `nên chưa tính được các cột "tính ra": chúng để trống. Chạy report check ${period.id} để xem.`;
    }
  }
  const shownFolder = workspace.show(workspace.periodFolder(period));
  const rows = sectionRows(loaded.files, shownFolder, earlierRecords(workspace, period), figures, units);
  const names = sheetNames(rows.map((s) => ({ heading: s.heading, fallback: s.file.kind.name })), period, [GUIDE_SHEET]);
  const document = loaded.files.find((f) => f.kind.role === 'document')?.tree;
  const body = document?.kind === 'map' ? entry(document, 'co_quan') : undefined;
  return {
    files: loaded.files,
    sections: rows.map((section, i) => ({ name: names[i]!, rows: section })),
    units,
    body: body?.kind === 'scalar' && body.value !== null ? String(body.value) : '',
    ...(notComputed ? { notComputed } : {}),
  };
}

export interface ExportOptions extends AnalyzeOptions {
  /** Where to write the workbook, relative to the working folder; default out/so-lieu-<period>.xlsx. */
  out?: string;
}

export interface ExportOutcome {
  shownOutput: string;
  sheets: number;
  figures: number;
  /** Why the computed columns are empty, when they are. */
  notComputed?: string;
}

/** `report export`: the period's figures as a workbook, one sheet per section, written atomically. */
export async function exportWorkbook(options: ExportOptions): Promise<ExportOutcome> {
  const { workspace, period, out } = options;
  const model = periodSheets(options, true);
  const output = out ? workspace.output(out) : workspace.defaultWorkbook(period);
  const shownOutput = workspace.show(output);
  const sheets = [
    guideSheet({
      period,
      body: model.body,
      sheets: model.sections.map((s) => ({ name: s.name, file: path.basename(s.rows.file.source.path) })),
      ...(model.notComputed ? { notComputed: model.notComputed } : {}),
      importCommand: `report import ${period.id} ${path.basename(shownOutput)}`,
    }),
    ...model.sections.map((s) => sectionSheet(s.name, s.rows)),
  ];
  // Loaded here, on demand: the spreadsheet library is for export and import alone.
  const { workbookBytes } = await import('../spreadsheet/write-workbook.js');
  const bytes = await workbookBytes(sheets);
  if (!out) ensureFolder(path.dirname(output), path.dirname(shownOutput));
  writeFileAtomic(output, bytes, shownOutput);
  return {
    shownOutput,
    sheets: model.sections.length,
    figures: model.sections.reduce((sum, s) => sum + s.rows.rows.length, 0),
    ...(model.notComputed ? { notComputed: model.notComputed } : {}),
  };
}

/** One administrative unit's result of a batch export or import. */
export interface UnitResult<T> {
  unit: string;
  outcome?: T;
  /** Why the unit failed, in one line. */
  reason?: string;
}

/**
 * Runs `each` on every unit of `--units DIR`, one after the other, each unit on its own: a
 * failed unit is told, the others go on.
 */
export async function forEachUnit<T>(cwd: string, units: string, each: (workspace: Workspace, unitName: string) => Promise<T>): Promise<UnitResult<T>[]> {
  const dir = path.resolve(cwd, units);
  const results: UnitResult<T>[] = [];
  for (const { folder, refused } of listUnitFolders(dir, displayPath(dir, cwd))) {
    if (refused) {
      results.push({ unit: folder, reason: refused });
      continue;
    }
    try {
      results.push({ unit: folder, outcome: await each(new Workspace(folder, cwd), path.basename(folder)) });
    } catch (error) {
      if (error instanceof InputError) {
        const first = error.diagnostics[0];
        const more = error.diagnostics.length > 1 ? ` (và ${error.diagnostics.length - 1} lỗi khác)` : '';
        results.push({ unit: folder, reason: first ? `${formatPlace(first.place)} ${first.message}${more}` : 'dữ liệu có lỗi.' });
      } else if (error instanceof RunError) results.push({ unit: folder, reason: error.message });
      else throw error;
    }
  }
  return results;
}

/** `report export --units DIR`: a workbook per unit, in its out/ or, with `outFolder`, as <folder>/<unit>.xlsx. */
export async function exportUnits(options: { cwd: string; units: string; period: Period; outFolder?: string }): Promise<UnitResult<ExportOutcome>[]> {
  const { cwd, units, period, outFolder } = options;
  if (outFolder !== undefined) {
    const folder = path.resolve(cwd, outFolder);
    ensureFolder(folder, displayPath(folder, cwd));
  }
  return forEachUnit(cwd, units, (workspace, unitName) =>
    exportWorkbook({ workspace, period, ...(outFolder === undefined ? {} : { out: path.join(outFolder, `${unitName}.xlsx`) }) }),
  );
}
