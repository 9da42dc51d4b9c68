import path from 'node:path';
import type { ExportOutcome, UnitResult } from '../commands/export.js';
import type { ImportOutcome } from '../commands/import.js';
import { unacceptedErrors } from '../diagnostics.js';
import { displayPath } from '../workspace.js';
import { periodWords, type Period } from '../period.js';

/** What `report export` and `report import` print. */

export function formatExported(result: ExportOutcome, period: Period): string {
  return `Đã xuất số liệu ${periodWords(period)} (${result.figures} chỉ tiêu, ${result.sheets} trang): ${result.shownOutput}\n`;
}

/** A refused workbook: every problem, each with its sheet and cell, then what happened (nothing). */
export function formatRefused(result: Extract<ImportOutcome, { imported: false }>): string {
  const lines = result.problems.map((p) => `${p.cell ? `${p.cell}  ` : ''}lỗi  ${p.message}  [${p.ruleId}]`);
  return `${result.shownWorkbook}\n${lines.map((l) => `  ${l}`).join('\n')}\n${result.problems.length} lỗi trong bảng tính: không tệp dữ liệu nào bị sửa. Sửa bảng tính rồi nhập lại.\n`;
}

/** The changes written, one a line: the cell, where it went, from what to what. */
export function formatImported(result: Extract<ImportOutcome, { imported: true }>): string {
  if (result.changes.length === 0) return `Không có số liệu nào khác với dữ liệu: không tệp nào bị sửa (${result.shownWorkbook}).\n`;
  const lines = result.changes.map(
    (c) => `  ${c.cell}  →  ${c.file}${c.line ? `:${c.line}` : ''}  ${c.key} › ${c.field}: ${c.before === undefined ? '' : `${c.before} → `}${c.after}`,
  );
  return `Đã nhập ${result.changes.length} giá trị từ ${result.shownWorkbook} vào ${result.files.length} tệp:\n${lines.join('\n')}\nKiểm tra số liệu sau khi nhập:\n`;
}

function unitLines<T>(results: readonly UnitResult<T>[], cwd: string, ok: (outcome: T) => string | undefined): string[] {
  return results.map((r) => {
    const name = path.basename(r.unit) || displayPath(r.unit, cwd);
    const failed = r.outcome === undefined ? r.reason : ok(r.outcome);
    return failed === undefined ? `  ${name}: xong` : `  ${name}: lỗi: ${failed}`;
  });
}

export function formatExportUnits(results: readonly UnitResult<ExportOutcome>[], cwd: string): string {
  const done = results.filter((r) => r.outcome).length;
  const lines = unitLines(results, cwd, () => undefined).map((line, i) => (results[i]!.outcome ? `${line} (${results[i]!.outcome!.shownOutput})` : line));
  return `${lines.join('\n')}\nĐã xuất bảng tính cho ${done}/${results.length} đơn vị.\n`;
}

export function formatImportUnits(results: readonly UnitResult<ImportOutcome>[], cwd: string): string {
  const lines = unitLines(results, cwd, (outcome) => {
    if (!outcome.imported) return `bảng tính có ${outcome.problems.length} lỗi, không sửa gì (${outcome.problems[0]!.cell ?? ''} ${outcome.problems[0]!.message}). Chạy report import trong thư mục đơn vị để xem đủ.`;
    return undefined;
  }).map((line, i) => {
    const outcome = results[i]!.outcome;
    if (!outcome?.imported) return line;
    const errors = unacceptedErrors(outcome.check.diagnostics).length;
    return `${line}: ${outcome.changes.length} giá trị đã nhập; kiểm tra: ${errors} lỗi`;
  });
  const done = results.filter((r) => r.outcome?.imported).length;
  return `${lines.join('\n')}\nĐã nhập bảng tính của ${done}/${results.length} đơn vị.\n`;
}
