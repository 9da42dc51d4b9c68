import type { Workspace } from '../analyze.js';
import type { Diagnostic } from '../diagnostics.js';
import { loadYear } from '../load/load-year.js';
import { findUnfilled, type Unfilled } from './placeholders.js';

export interface YearStatus {
  /** Each data file in report order, with its places still to fill. */
  files: { file: string; unfilled: Unfilled[] }[];
  /** Files that could not be read: missing, not UTF-8, broken YAML. */
  problems: Diagnostic[];
}

/** `report status <year>`: what is still to fill, file by file: the clerk's checklist. */
export function yearStatus(workspace: Workspace, year: number): YearStatus {
  const loaded = loadYear(workspace.root, year, workspace.cwd);
  return {
    files: loaded.files.map((file) => ({ file: file.source.path, unfilled: findUnfilled(file) })),
    problems: loaded.diagnostics.filter((d) => d.severity === 'error'),
  };
}
