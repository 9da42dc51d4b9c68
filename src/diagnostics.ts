/** A place in a source file: 1-based line and column, as editors count them. */
export interface Place {
  file: string;
  line: number;
  col: number;
}

/** `info` tells without asking for a fix: a revised plan that replaces last year's target. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in the user's data or templates, as every stage reports it. */
export interface Diagnostic {
  /** Stable ASCII id, e.g. `yaml-syntax`, `schema`, `total-parts`. */
  ruleId: string;
  severity: Severity;
  place: Place;
  /** Vietnamese, one or more sentences: what is wrong and what to do. */
  message: string;
  /** The other places involved: the parts of a total, the earlier statement of a figure. */
  related?: Place[];
}

/**
 * The user's input cannot be turned into a report. Carries every problem found, so they are
 * all reported at once. Exit code 1.
 */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} lỗi trong dữ liệu hoặc mẫu`);
    this.name = 'InputError';
  }
}

/**
 * The command could not run at all (missing year folder, unwritable output, bad arguments).
 * Exit code 2.
 */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunError';
  }
}

export function formatPlace(place: Place): string {
  return `${place.file}:${place.line}:${place.col}`;
}

/** Orders diagnostics as a reader goes through the files: by file, then line, then column. */
export function byPlace(a: Diagnostic, b: Diagnostic): number {
  // Code-point order: the same on every machine, and unlike localeCompare it needs no ICU collator.
  const file = a.place.file < b.place.file ? -1 : a.place.file > b.place.file ? 1 : 0;
  return file || a.place.line - b.place.line || a.place.col - b.place.col;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Throws an InputError when any diagnostic is an error; warnings pass through to the caller. */
export function failOnErrors(diagnostics: Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new InputError(diagnostics.filter((d) => d.severity === 'error'));
}
