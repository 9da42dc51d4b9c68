import { Messages, type Diagnostic } from '../diagnostics.js';
import { loadYear } from '../load/load-year.js';
import { findUnfilled, type Unfilled } from '../validate/placeholders.js';
import type { AnalyzeOptions } from './analyze.js';

export interface StatusOutcome {
  year: number;
  /** Each data file in report order, with its places still to fill. */
  files: { file: string; unfilled: Unfilled[] }[];
  /** Files that could not be read: missing, not UTF-8, broken YAML. */
  problems: Diagnostic[];
}

/** `report status`: what is still to fill, file by file: the clerk's checklist. */
export function status({ workspace, year }: AnalyzeOptions): StatusOutcome {
  const messages = new Messages();
  const { files, problems } = workspace.yearFiles(year);
  messages.add(problems);
  const loaded = loadYear(year, files, messages.stage('load'));
  return {
    year,
    files: loaded.files.map((file) => ({ file: file.source.path, unfilled: findUnfilled(file) })),
    problems: messages.all.filter((d) => d.severity === 'error'),
  };
}
