import { Messages, type Diagnostic } from '../diagnostics.js';
import { loadYear } from '../load/load-year.js';
import { findUnfilled, type Unfilled } from '../validate/placeholders.js';
import type { Period } from '../period.js';
import type { AnalyzeOptions } from './analyze.js';

export interface StatusOutcome {
  period: Period;
  /** Each data file in report order, with its places still to fill. */
  files: { file: string; unfilled: Unfilled[] }[];
  /** Files that could not be read: missing, not UTF-8, broken YAML. */
  problems: Diagnostic[];
}

/** `report status`: what is still to fill, file by file: the clerk's checklist. */
export function status({ workspace, period }: AnalyzeOptions): StatusOutcome {
  const messages = new Messages();
  const { files, problems } = workspace.periodFiles(period);
  messages.add(problems);
  const loaded = loadYear(period.year, files, messages.stage('load'));
  return {
    period,
    files: loaded.files.map((file) => ({ file: file.source.path, unfilled: findUnfilled(file) })),
    problems: messages.all.filter((d) => d.severity === 'error'),
  };
}
