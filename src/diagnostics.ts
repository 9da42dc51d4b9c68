/** A place in a source file: 1-based line and column, as editors count them. */
export interface Place {
  file: string;
  line: number;
  col: number;
}

/** `info` tells without asking for a fix: a revised plan that replaces last year's target. */
export type Severity = 'error' | 'warning' | 'info';

/** The part of the program that found a problem (vfile's `source`). */
export type Stage = 'workspace' | 'load' | 'validate' | 'compute' | 'check' | 'render' | 'emit' | 'config';

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
  source: Stage;
  /** Where the README explains the problem: a check rule's entry. */
  url?: string;
  /** Which of its rule's messages a check finding is (the rule's meta.messages), for tests and tools. */
  messageId?: string;
  /**
   * A check finding's stable key: its rule, its message and the figures and values it names,
   * not its line, so that it survives moved lines and changes when a value does.
   */
  fingerprint?: string;
  /** A finding accepted with a reason, inline or in the period's acceptance file: printed, not counted. */
  accepted?: { reason: string; source: 'inline' | 'file' };
}

/** A problem as a stage finds it: the channel adds the stage. */
export type Problem = Omit<Diagnostic, 'source'>;

/** What a stage reports a problem with. */
export type Report = (problem: Problem) => void;

/**
 * The one message channel of a run, as vfile's: every stage is handed it and reports into
 * it, so that all the problems of a run are told at once, whichever stage found them.
 * `failOnErrors` is where a command stops, once a stage's errors make the next stage pointless.
 */
export class Messages {
  readonly #list: Diagnostic[] = [];

  /** The reporter of one stage: what it reports carries that stage as its source. */
  stage(source: Stage): Report {
    return (diagnostic) => this.#list.push({ ...diagnostic, source });
  }

  add(diagnostics: readonly Diagnostic[]): void {
    this.#list.push(...diagnostics);
  }

  /** Every message so far, in the order reported. */
  get all(): readonly Diagnostic[] {
    return this.#list;
  }

  hasErrors(): boolean {
    return hasErrors(this.#list);
  }

  /** Throws an InputError with every error reported so far, when there is any. */
  failOnErrors(): void {
    failOnErrors(this.#list);
  }
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

/** The errors nobody accepted: what stops a build. */
export function unacceptedErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error' && !d.accepted);
}

/** Whether any error is left that nobody accepted. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return unacceptedErrors(diagnostics).length > 0;
}

/** Throws an InputError when any diagnostic is an error nobody accepted; warnings pass through to the caller. */
export function failOnErrors(diagnostics: readonly Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new InputError(unacceptedErrors(diagnostics));
}
